"""Benchmark: symbolic Nash solving, and closed forms against per-point solving.

Part (a) times :func:`symtrust.pure_nash` on n-player games with two actions
per player, n = 2..10, in two payoff structures:

* ``distinct``: every payoff of every player at every profile is its own real
  symbol (``n * 2**n`` symbols, no assumptions), so each of the ``n * 2**n``
  no-deviation inequalities is a condition z3 must simplify;
* ``symmetric``: a player's payoff depends only on its own action and the
  number ``k`` of others who play C (``a_k`` for C, ``b_k`` for D: ``2n``
  symbols), the standard symmetric binary-action (n-person Prisoner's Dilemma
  / public goods) structure.

Each size runs in a child process and is stopped after ``--limit`` seconds
(default 60); a stopped size is reported as such and larger sizes of that
structure are skipped. Times are ratios against n = 2 of the same structure,
measured in the same run.

Part (b) derives the mixed equilibrium of Chicken once with
:func:`symtrust.mixed_nash`, lambdifies its closed form ``p(C)`` with NumPy and
evaluates it at 10**6 random parameter points satisfying T > R > S > P, and
compares with solving each point numerically with nashpy's support
enumeration (``nashpy.Game(A, B).support_enumeration()``). nashpy is timed on
``--nashpy-points`` points (default 2,000) and **extrapolated** linearly to
10**6; the ratio is per point, with nashpy's per-point time as the baseline.
The closed form is checked against nashpy's mixed equilibrium on those points
(float tolerance 1e-9).

Run by hand, never as a timed test::

    python benchmarks/bench_nash.py
    python benchmarks/bench_nash.py --max-n 6 --limit 30
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing as mp
import time

import sympy

from symtrust import mixed_nash, normal_form_game, pure_nash, real
from symtrust.catalog import chicken


def distinct_game(n):
    """n players, actions C/D, every payoff a distinct symbol."""
    players = [f"p{i}" for i in range(n)]
    payoffs = {}
    for profile in itertools.product("CD", repeat=n):
        tag = "".join(profile)
        payoffs[profile] = tuple(real(f"u{i}_{tag}") for i in range(n))
    return normal_form_game(players, [("C", "D")] * n, payoffs)


def symmetric_game(n):
    """n players; payoff a_k (own C) or b_k (own D), k = others playing C."""
    a = [real(f"a{k}") for k in range(n)]
    b = [real(f"b{k}") for k in range(n)]
    players = [f"p{i}" for i in range(n)]
    payoffs = {}
    for profile in itertools.product("CD", repeat=n):
        vec = []
        for i, own in enumerate(profile):
            k = sum(1 for j, act in enumerate(profile) if j != i and act == "C")
            vec.append(a[k] if own == "C" else b[k])
        payoffs[profile] = tuple(vec)
    return normal_form_game(players, [("C", "D")] * n, payoffs)


STRUCTURES = {"distinct": distinct_game, "symmetric": symmetric_game}


def _child(structure, n, queue):
    game = STRUCTURES[structure](n)
    start = time.perf_counter()
    sol = pure_nash(game)
    queue.put((time.perf_counter() - start, len(sol)))


def time_pure(structure, n, limit):
    """Seconds and number of equilibria, or None if stopped after ``limit`` s."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(structure, n, queue))
    proc.start()
    proc.join(limit)
    if proc.is_alive():
        proc.terminate()
        proc.join()
        return None
    return queue.get()


def part_a(max_n, limit):
    print("(a) pure_nash, n players x 2 actions, symbolic payoffs")
    print(
        f"{'structure':>10} {'n':>3} {'symbols':>8} {'equilibria':>11} "
        f"{'seconds':>9} {'x n=2':>8}"
    )
    for structure, build in STRUCTURES.items():
        base = None
        for n in range(2, max_n + 1):
            symbols = len(build(n).parameters)
            got = time_pure(structure, n, limit)
            if got is None:
                print(
                    f"{structure:>10} {n:>3} {symbols:>8} {'-':>11} "
                    f"{'>' + str(limit):>9} {'stopped':>8}"
                )
                print(f"{'':>10} larger n skipped: n = {n} exceeded {limit} s")
                break
            seconds, found = got
            base = base or seconds
            print(
                f"{structure:>10} {n:>3} {symbols:>8} {found:>11} "
                f"{seconds:>9.3f} {seconds / base:>8.1f}"
            )


def chicken_closed_form():
    """Derive p(C) of Chicken's mixed equilibrium with mixed_nash."""
    game = chicken()
    sol = mixed_nash(game)
    mixed = next(eq for eq in sol if len(eq.supports[0]) == 2)
    R, S, T, P = (next(s for s in game.parameters if s.name == n) for n in "RSTP")
    return mixed.strategies[0][0], (R, S, T, P)


def random_chicken_points(n, rng):
    """n points with T > R > S > P: sorted uniforms, labelled in order."""
    import numpy as np

    draws = np.sort(rng.uniform(-10.0, 10.0, size=(n, 4)), axis=1)
    P, S, R, T = draws.T
    return R, S, T, P


def part_b(points, nashpy_points, seed):
    import nashpy
    import numpy as np

    print()
    print("(b) Chicken mixed equilibrium p(C): closed form vs nashpy per point")
    start = time.perf_counter()
    p_c, symbols = chicken_closed_form()
    derive = time.perf_counter() - start
    f = sympy.lambdify(symbols, p_c, "numpy")
    rng = np.random.default_rng(seed)
    R, S, T, P = random_chicken_points(points, rng)
    start = time.perf_counter()
    values = f(R, S, T, P)
    closed = time.perf_counter() - start
    assert values.shape == (points,) and np.all((values > 0) & (values < 1))

    # nashpy on the first nashpy_points points
    start = time.perf_counter()
    worst = 0.0
    for k in range(nashpy_points):
        A = np.array([[R[k], S[k]], [T[k], P[k]]])
        eqs = list(nashpy.Game(A, A.T).support_enumeration())
        mixed = [e for e in eqs if 0 < e[0][0] < 1]
        worst = max(worst, abs(mixed[0][0][0] - values[k]))
    numeric = time.perf_counter() - start
    per_closed = closed / points
    per_nashpy = numeric / nashpy_points
    print(f"derivation (mixed_nash, once):      {derive:10.3f} s")
    print(f"p(C) = {p_c}")
    print(
        f"{'method':>34} {'points':>9} {'seconds':>10} {'per point':>11} {'x nashpy':>10}"
    )
    print(
        f"{'nashpy support_enumeration':>34} {nashpy_points:>9} {numeric:>10.3f} "
        f"{per_nashpy:>11.2e} {1.0:>10.2e}"
    )
    print(
        f"{'nashpy, extrapolated':>34} {points:>9} {per_nashpy * points:>10.1f} "
        f"{per_nashpy:>11.2e} {1.0:>10.2e}"
    )
    print(
        f"{'closed form, lambdify + numpy':>34} {points:>9} {closed:>10.3f} "
        f"{per_closed:>11.2e} {per_closed / per_nashpy:>10.2e}"
    )
    print(
        f"speed-up per point: {per_nashpy / per_closed:,.0f}x "
        f"(nashpy extrapolated from {nashpy_points} points)"
    )
    print(f"largest |closed form - nashpy| on the {nashpy_points} points: {worst:.2e}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-n", type=int, default=10)
    parser.add_argument("--limit", type=float, default=60.0)
    parser.add_argument("--points", type=int, default=10**6)
    parser.add_argument("--nashpy-points", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    part_a(args.max_n, args.limit)
    part_b(args.points, args.nashpy_points, args.seed)


if __name__ == "__main__":
    main()
