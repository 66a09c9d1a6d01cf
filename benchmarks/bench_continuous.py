"""Continuous games: symbolic n against numeric n, k asymmetric players, auctions.

Run by hand (never a timed test), from the repository root::

    python benchmarks/bench_continuous.py [--max-k 6] [--corners]

Three tables, each time also as a ratio against the first row of its table
measured in the same run (CPU time of this process, z3 included; wall clock
in brackets, inflated on a shared machine). Memoised decisions are cleared
before each timing.

* ``symmetric``: Cournot with n firms, ``symmetric_nash`` with n a symbol
  against n = 2, 5, 10, 20, 50 (one first-order condition in each case), and
  ``continuous_nash`` on the explicit n-firm game for small n;
* ``asymmetric``: k firms with quadratic utilities
  ``x_i (a - sum_j x_j) - c_i x_i`` and k symbolic costs c_i, solved by
  ``continuous_nash`` (interior only, and with ``--corners`` every corner
  regime too, 2**k of them); target k = 6 under 10 s;
* ``auctions``: ``first_price_auction`` with values uniform on [0, 1] for
  n = 2..20 and for n a symbol.
"""

from __future__ import annotations

import argparse
import time

import sympy

import symtrust
from symtrust.games.continuous import (
    continuous_game,
    continuous_nash,
    first_price_auction,
    player_count,
    symmetric_continuous_game,
    symmetric_nash,
)
from symtrust.games.continuous_types import uniform
from symtrust.logic.decide import cache_clear


def _time(fn):
    cache_clear()
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.process_time() - cpu, time.perf_counter() - wall, out


def _row(label, cpu, wall, base, extra=""):
    print(f"  {label:<28} {cpu:8.3f} s  [{wall:7.3f}]  x{cpu / base:6.2f}  {extra}")


def symmetric_table():
    print("symmetric Cournot: symmetric_nash, n symbolic vs numeric")
    a, b, c = symtrust.positive("a b c")
    x, X = sympy.symbols("x X", nonnegative=True)

    def solve(n):
        g = symmetric_continuous_game(
            n, x, X, x * (a - b * (x + X)) - c * x, assumptions=[a > c]
        )
        return symmetric_nash(g)

    base = None
    for n in (player_count(), 2, 5, 10, 20, 50):
        cpu, wall, sol = _time(lambda n=n: solve(n))
        base = base or cpu
        interior = [e.action for e in sol if e.regime == "interior"]
        _row(f"n = {n}", cpu, wall, base, f"q* = {interior[0]}")
    print("  explicit n-firm game, continuous_nash (interior only)")
    for n in (2, 3, 4, 5, 6):
        qs = sympy.symbols(f"q1:{n + 1}", nonnegative=True)
        total = sum(qs)
        g = continuous_game(
            tuple(f"firm {i}" for i in range(1, n + 1)),
            qs,
            tuple(q * (a - b * total) - c * q for q in qs),
            assumptions=[a > c],
        )
        cpu, wall, sol = _time(lambda g=g: continuous_nash(g, corners=False))
        _row(f"explicit n = {n}", cpu, wall, base, f"q1* = {sol[0].profile[0]}")


def asymmetric_table(max_k, corners):
    print(f"k asymmetric firms, symbolic costs, continuous_nash (corners={corners})")
    a = symtrust.positive("a")
    base = None
    for k in range(1, max_k + 1):
        xs = sympy.symbols(f"x1:{k + 1}", nonnegative=True)
        cs = symtrust.positive(" ".join(f"c{i}" for i in range(1, k + 1)))
        cs = cs if isinstance(cs, tuple) else (cs,)
        total = sum(xs)
        g = continuous_game(
            tuple(f"firm {i}" for i in range(1, k + 1)),
            xs,
            tuple(x * (a - total) - ci * x for x, ci in zip(xs, cs, strict=True)),
            assumptions=[a > ci for ci in cs],
        )
        cpu, wall, sol = _time(lambda g=g: continuous_nash(g, corners=corners))
        base = base or cpu
        _row(f"k = {k}", cpu, wall, base, f"{len(sol)} equilibria")


def auction_table():
    print("first-price auction, values uniform on [0, 1]")
    base = None
    for n in (2, 3, 4, 5, 6, 8, 10, 12, 16, 20, player_count()):
        cpu, wall, eq = _time(lambda n=n: first_price_auction(n, uniform(0, 1)))
        base = base or cpu
        _row(f"n = {n}", cpu, wall, base, f"b(v) = {eq.bid}, revenue {eq.revenue}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-k", type=int, default=6)
    parser.add_argument("--corners", action="store_true")
    args = parser.parse_args()
    symmetric_table()
    asymmetric_table(args.max_k, False)
    if args.corners:
        asymmetric_table(args.max_k, True)
    auction_table()


if __name__ == "__main__":
    main()
