"""How far n goes: n-player trust games by enumeration, symmetry and aggregation.

Run by hand (never a timed test)::

    /tmp/venv/bin/python benchmarks/bench_multilateral.py [--budget 10]

For each method, n grows (3, 4, 5, 6, 8, 10, 12, 16, ...) until one solve takes
more CPU time than the budget; the report gives the largest n solved within
it (CPU time of this process, z3 included; and wall clock, which on a shared
machine is inflated by load) and each time as a ratio against n = 3 measured in
the same run. Memoised decisions are cleared before each timing and each
method is warmed up once. Methods:

* ``enumeration``: :func:`symtrust.pure_nash` on the explicit ``2**n``-profile
  game of an n-player stag hunt with symbolic payoffs (u_C = b k - c,
  u_D = d k, b > d, c > 0);
* ``symmetry``: :func:`symmetric_pure_nash` on the same game (n + 1 counts);
* ``bayes-symmetry``: :func:`symmetric_bayes_nash` with two types (an
  assurance type and a dominant-defect type, prior p): dominance pruning
  leaves one free type; the expectation is a polynomial of degree n - 1 in p;
* ``multilateral-explicit``: :func:`full_cooperation` with n explicit states
  (equal power, symbolic trust each);
* ``multilateral-brute``: the numeric twin's brute-force Bayesian equilibria
  (``2**n`` plans, ``2**(n-1)`` type profiles each);
* ``symbolic n``: the hegemony game with n a symbol: one solve for every n.
"""

from __future__ import annotations

import argparse
import time

from sympy import Rational

import symtrust
import symtrust.logic.conditions as conditions_module
from symtrust.games.symmetric.equilibria import (
    symmetric_bayes_nash,
    symmetric_pure_nash,
)
from symtrust.games.symmetric.model import count_symbol, symmetric_game
from symtrust.kydd.multilateral.twins import brute_cooperative_sets

SIZES = (3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64, 96, 128, 192, 256)


def stag_hunt(n):
    b, c, d = symtrust.positive("b c d")
    k = count_symbol()
    return symmetric_game(n, b * k - c, d * k, assumptions=[b > d])


def bayes_game(n):
    b, c = symtrust.positive("b c")
    p = symtrust.probability("p")
    k = count_symbol()
    return symmetric_game(
        n,
        {"assurance": b * k - c, "greedy": k - c},
        {"assurance": 0 * k, "greedy": k},
        prior={"assurance": p, "greedy": 1 - p},
    )


def explicit_states(n):
    trusts = symtrust.probability(" ".join(f"pi{i}" for i in range(1, n + 1)))
    actors = [
        symtrust.kydd.actor(
            f"s{i}", power=Rational(1, n), trust=pi, temptation=0, cost=2
        )
        for i, pi in enumerate(trusts, 1)
    ]
    return symtrust.kydd.multilateral_game(actors, w=1, greedy_temptation=2)


def brute_states(n):
    actors = [
        symtrust.kydd.actor(
            f"s{i}", power=Rational(1, n), trust=Rational(3, 4), temptation=0, cost=2
        )
        for i in range(1, n + 1)
    ]
    return symtrust.kydd.multilateral_game(actors, w=1, greedy_temptation=2)


METHODS = {
    "enumeration": lambda n: symtrust.pure_nash(stag_hunt(n).to_normal_form()),
    "symmetry": lambda n: symmetric_pure_nash(stag_hunt(n)),
    "bayes-symmetry": lambda n: symmetric_bayes_nash(bayes_game(n)),
    "multilateral-explicit": lambda n: symtrust.kydd.full_cooperation(
        explicit_states(n)
    ),
    "multilateral-brute": lambda n: brute_cooperative_sets(brute_states(n)),
}


def _clear_caches():
    """Forget memoised decisions, so that no size profits from an earlier one."""
    conditions_module.simplifier._simplify.cache_clear()
    conditions_module.forms._sign_cached.cache_clear()


def timed(fn, n):
    _clear_caches()
    wall, cpu = time.perf_counter(), time.process_time()
    fn(n)
    return time.perf_counter() - wall, time.process_time() - cpu


def run(name, fn, budget):
    fn(3)  # warm up imports and z3 once; caches are cleared before each timing
    rows, largest, largest_wall = [], None, None
    for n in SIZES:
        if name == "multilateral-brute" and n > 6:
            break  # the twin's own cap (MAX_BRUTE)
        wall, cpu = timed(fn, n)
        rows.append((n, wall, cpu))
        if cpu > budget:
            break
        largest = n
        if wall > 2 * budget:
            break  # a loaded machine: the next size may take far longer
    for n, wall, _ in rows:
        if wall > budget:
            break
        largest_wall = n
    base_wall, base_cpu = rows[0][1], rows[0][2]
    print(
        f"\n{name}: largest n within {budget:g} s: {largest} (CPU time), "
        f"{largest_wall} (wall clock, machine shared)"
    )
    print("     n   wall s   cpu s   wall/n=3  cpu/n=3", flush=True)
    for n, wall, cpu in rows:
        print(
            f"  {n:4d} {wall:8.2f} {cpu:7.2f} {wall / base_wall:10.1f}"
            f" {cpu / max(base_cpu, 1e-9):8.1f}"
        )
    return largest, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=10.0)
    parser.add_argument("--methods", nargs="*", default=list(METHODS))
    args = parser.parse_args()
    summary = {}
    for name in args.methods:
        summary[name] = run(name, METHODS[name], args.budget)[0]
    wall, cpu = timed(
        lambda _: symtrust.kydd.largest_cooperative_set(symtrust.kydd.hegemony_game()),
        0,
    )
    print(
        f"\nsymbolic n (hegemony, every n >= 3 at once): {wall:.2f} s wall, "
        f"{cpu:.2f} s cpu"
    )
    print("\nsummary (largest n within budget):", summary, flush=True)


if __name__ == "__main__":
    main()
