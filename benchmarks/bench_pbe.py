"""Benchmark: PBE enumeration time as types, messages and actions grow.

Games have seeded random integer payoffs in [0, 3] and a uniform prior (exact
rationals), so every condition is decided by exact arithmetic; a second sweep
keeps the prior symbolic (``p`` in (0, 1) for two types) so that z3 decides
the conditions. Each size is timed ``--repeat`` times (best kept) and reported
as a ratio against the 2x2x2 baseline measured in the same run.

Run by hand, never as a timed test::

    python benchmarks/bench_pbe.py            # pure and hybrid, sizes 2..4
    python benchmarks/bench_pbe.py --no-hybrid
"""

from __future__ import annotations

import argparse
import random
import time
from fractions import Fraction

from symtrust import interval, pbe, signaling_game


def game(n, k, l, *, seed=0, symbolic=False):
    rng = random.Random(seed * 1000 + n * 100 + k * 10 + l)
    T = tuple(f"t{i}" for i in range(n))
    M = tuple(f"m{i}" for i in range(k))
    A = tuple(f"a{i}" for i in range(l))
    u = {
        (t, m, a): (rng.randint(0, 3), rng.randint(0, 3))
        for t in T
        for m in M
        for a in A
    }
    if symbolic:
        p = interval("p", 0, 1, left_open=True, right_open=True)
        prior = [p * Fraction(1, n - 1)] * (n - 1) + [1 - p]
    else:
        prior = [Fraction(1, n)] * n
    return signaling_game(T, M, A, u, prior=prior)


def timed(g, hybrid, repeat):
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        sol = pbe(g, hybrid=hybrid)
        best = min(best, time.perf_counter() - start)
        found = len(sol)
    return best, found


def sizes():
    out = [(2, 2, 2)]
    for dim in range(3):
        for v in (3, 4):
            s = [2, 2, 2]
            s[dim] = v
            out.append(tuple(s))
    out += [(3, 3, 3), (4, 4, 4)]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-hybrid", action="store_true")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--symbolic", action="store_true", help="symbolic prior p")
    ap.add_argument("--max-size", type=int, default=4)
    args = ap.parse_args()
    hybrid = not args.no_hybrid
    base = None
    # warm-up (imports, z3 context, SymPy caches) so the baseline is not inflated
    pbe(game(2, 2, 2, seed=99, symbolic=args.symbolic), hybrid=hybrid)
    print(
        f"{'types x messages x actions':>28} {'seconds':>9} {'ratio':>8} {'equilibria':>10}"
    )
    for n, k, l in sizes():
        if max(n, k, l) > args.max_size:
            continue
        seconds, found = timed(
            game(n, k, l, symbolic=args.symbolic), hybrid, args.repeat
        )
        base = seconds if base is None else base
        print(
            f"{f'{n} x {k} x {l}':>28} {seconds:9.3f} {seconds / base:8.1f} {found:10d}"
        )


if __name__ == "__main__":
    main()
