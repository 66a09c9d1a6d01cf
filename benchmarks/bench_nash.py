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

Part (c) times :func:`symtrust.mixed_nash` on two-player games with every
payoff of both players its own real symbol (no assumptions), of sizes 2x2,
2x3 and 3x3: every support pair, including the degenerate cases where a
pivot of the indifference equations vanishes (a tie between payoffs), is
solved with its condition. Each size runs in a fresh child process (stopped
after ``--limit`` seconds), importing symtrust from this tree and, with
``--compare OLD`` (a checkout, e.g. ``git archive <commit> symtrust | tar -x
-C /tmp/old``), from ``OLD`` too, alternating; ``old/new`` is the speed-up
measured in the same run.

Run by hand, never as a timed test (from the repository root, so that this
tree's symtrust is imported)::

    PYTHONPATH=. python benchmarks/bench_nash.py
    PYTHONPATH=. python benchmarks/bench_nash.py --max-n 6 --limit 30
    PYTHONPATH=. python benchmarks/bench_nash.py --only mixed --compare /tmp/old
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import os
import subprocess
import sys
import time
from pathlib import Path

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


# -- (c) fully symbolic mixed_nash ------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]

_MIXED_CHILD = """
import json, time
import symtrust
from symtrust import mixed_nash, normal_form_game, real
rows, cols = {rows!r}, {cols!r}
payoffs = {{
    (r, c): (real(f"A_{{r}}{{c}}"), real(f"B_{{r}}{{c}}")) for r in rows for c in cols
}}
game = normal_form_game(("row", "column"), (rows, cols), payoffs)
start = time.perf_counter()
sol = mixed_nash(game)
seconds = time.perf_counter() - start
print(json.dumps([seconds, len(sol), sum(eq.degenerate for eq in sol), symtrust.__file__]))
"""


def time_symbolic_mixed(tree, rows, cols, limit):
    """(seconds, results, degenerate results, module file) or None if stopped."""
    code = _MIXED_CHILD.format(rows=rows, cols=cols)
    env = {**os.environ, "PYTHONPATH": str(tree)}
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            cwd=str(tree),  # python -c puts the working directory first
            capture_output=True,
            text=True,
            timeout=limit + 30,  # imports and game building are not timed
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    got = json.loads(done.stdout.strip().splitlines()[-1])
    return None if got[0] > limit else got


def part_c(limit, compare):
    print()
    print("(c) mixed_nash, two players, every payoff a distinct symbol")
    trees = [("this tree", ROOT)] + ([("old tree", Path(compare))] if compare else [])
    head = f"{'size':>6} {'symbols':>8} {'results':>8} {'degenerate':>11}"
    head += "".join(f" {name + ' s':>13}" for name, _ in trees)
    head += f" {'old/new':>8}" if compare else ""
    print(head)
    for rows, cols in (
        (("a", "b"), ("x", "y")),
        (("a", "b"), ("x", "y", "z")),
        (("a", "b", "c"), ("x", "y", "z")),
    ):
        got = [time_symbolic_mixed(tree, rows, cols, limit) for _, tree in trees]
        for (_, tree), g in zip(trees, got, strict=True):
            if g is not None and not g[3].startswith(str(tree)):
                raise SystemExit(f"imported {g[3]}, not from {tree}")
        first = next((g for g in got if g is not None), None)
        line = f"{len(rows)}x{len(cols):<4} {2 * len(rows) * len(cols):>8} "
        line += f"{first[1] if first else '-':>8} {first[2] if first else '-':>11}"
        line += "".join(
            f" {'>' + str(limit) if g is None else f'{g[0]:.3f}':>13}" for g in got
        )
        if compare:
            new, old = got
            if new is None:
                speed = "-"
            elif old is None:
                speed = f">{limit / new[0]:.1f}x"
            else:
                speed = f"{old[0] / new[0]:.1f}x"
                if old[1:3] != new[1:3]:
                    speed += " (results differ!)"
            line += f" {speed:>8}"
        print(line, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-n", type=int, default=10)
    parser.add_argument("--limit", type=float, default=60.0)
    parser.add_argument("--points", type=int, default=10**6)
    parser.add_argument("--nashpy-points", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=("pure", "closed", "mixed"), default=None)
    parser.add_argument(
        "--compare", default=None, help="another symtrust checkout for part (c)"
    )
    args = parser.parse_args()
    if args.only in (None, "pure"):
        part_a(args.max_n, args.limit)
    if args.only in (None, "closed"):
        part_b(args.points, args.nashpy_points, args.seed)
    if args.only in (None, "mixed"):
        part_c(args.limit, args.compare)


if __name__ == "__main__":
    main()
