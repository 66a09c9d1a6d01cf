"""Benchmark: numeric normal-form games, symtrust against pygambit (and an older tree).

Seeded random integer games (payoffs uniform in 0..99, so ties are rare and
the games nondegenerate) are solved, in one run, by

* ``new``: this tree's :func:`symtrust.pure_nash` / :func:`symtrust.mixed_nash`
  (the numeric path: exact best-reply marking, exact vertex enumeration);
* ``pygambit``: ``pygambit.nash.enumpure_solve(g)`` and
  ``pygambit.nash.enummixed_solve(g, rational=True)`` (Gambit 16, exact);
* ``old`` (optional, ``--old-tree DIR``): the same call in a child process
  importing symtrust from ``DIR`` (e.g. an export of an older commit:
  ``git archive <commit> | tar -x -C /tmp/symtrust-old``), stopped after
  ``--limit`` seconds.

Each time is the best of ``--repeat`` runs of the solver alone (the game is
built beforehand). The equilibrium sets are compared exactly (profiles for
pure equilibria, probability vectors as Fractions for mixed ones); the ratio
is new over pygambit, measured in the same run.

Run by hand, never as a timed test::

    python benchmarks/bench_numeric.py
    python benchmarks/bench_numeric.py --old-tree /tmp/symtrust-old --limit 60
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from fractions import Fraction

import numpy as np
import pygambit as gbt

from symtrust import bimatrix, mixed_nash, pure_nash

CASES = (("pure", 20), ("pure", 50), ("pure", 200), ("mixed", 6), ("mixed", 8))

CHILD = """
import json, random, sys, time
from fractions import Fraction
from symtrust import bimatrix, mixed_nash, pure_nash
kind, size, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
A = [[rng.randint(0, 99) for _ in range(size)] for _ in range(size)]
B = [[rng.randint(0, 99) for _ in range(size)] for _ in range(size)]
names = [str(k + 1) for k in range(size)]
g = bimatrix(A, B, row_actions=names, column_actions=names)
start = time.perf_counter()
sol = (pure_nash if kind == "pure" else mixed_nash)(g)
took = time.perf_counter() - start
if kind == "pure":
    found = sorted([names.index(a) for a in eq.profile] for eq in sol)
else:
    found = sorted(
        [[str(x) for x in s] for s in eq.strategies] for eq in sol if not eq.free
    )
print(json.dumps([took, found]))
"""


def random_game(size, seed):
    """Two size x size integer payoff matrices, uniform in 0..99."""
    rng = random.Random(seed)
    A = [[rng.randint(0, 99) for _ in range(size)] for _ in range(size)]
    B = [[rng.randint(0, 99) for _ in range(size)] for _ in range(size)]
    return A, B


def _best(fn, repeat):
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def run_new(kind, A, B, repeat):
    """Time this tree's solver; its equilibria as index profiles or Fractions."""
    names = [str(k + 1) for k in range(len(A))]
    g = bimatrix(A, B, row_actions=names, column_actions=names)
    solver = pure_nash if kind == "pure" else mixed_nash
    took, sol = _best(lambda: solver(g), repeat)
    if kind == "pure":
        found = sorted(tuple(names.index(a) for a in eq.profile) for eq in sol)
    else:
        found = sorted(
            tuple(tuple(Fraction(int(x.p), int(x.q)) for x in s) for s in eq.strategies)
            for eq in sol
        )
    return took, found


def run_gambit(kind, A, B, repeat):
    """Time pygambit's exact solver on the same game."""
    g = gbt.Game.from_arrays(np.array(A, dtype=object), np.array(B, dtype=object))
    if kind == "pure":
        took, res = _best(lambda: gbt.nash.enumpure_solve(g), repeat)
    else:
        took, res = _best(lambda: gbt.nash.enummixed_solve(g, rational=True), repeat)
    players = list(g.players)
    found = []
    for e in res.equilibria:
        mix = tuple(tuple(Fraction(e[s]) for s in pl.strategies) for pl in players)
        if kind == "pure":
            found.append(tuple(s.index(1) for s in mix))
        else:
            found.append(mix)
    return took, sorted(found)


def run_old(tree, kind, size, seed, limit):
    """Time the solver of an older tree in a child process; None if it timed out."""
    env = {**os.environ, "PYTHONPATH": tree}
    try:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, kind, str(size), str(seed)],
            capture_output=True,
            text=True,
            timeout=limit,
            cwd=tree,
            env=env,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None, None
    took, found = json.loads(out.stdout.strip().splitlines()[-1])
    if kind == "pure":
        found = sorted(tuple(f) for f in found)
    else:
        found = sorted(tuple(tuple(Fraction(x) for x in s) for s in f) for f in found)
    return took, found


def main(argv=None):
    """Run every case and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--old-tree", default=None)
    ap.add_argument("--limit", type=float, default=60.0)
    args = ap.parse_args(argv)
    print(
        "| case | old | new | pygambit | new / pygambit | equilibria | same set |\n"
        "|---|---|---|---|---|---|---|"
    )
    failures = 0
    for kind, size in CASES:
        A, B = random_game(size, args.seed + size)
        t_new, new = run_new(kind, A, B, args.repeat)
        t_gbt, ref = run_gambit(kind, A, B, args.repeat)
        old = "-"
        if args.old_tree:
            t_old, found = run_old(
                args.old_tree, kind, size, args.seed + size, args.limit
            )
            if t_old is None:
                old = f"> {args.limit:.0f} s"
            else:
                old = f"{t_old:.4f} s" + ("" if found == new else " (differs)")
        same = new == ref
        failures += not same
        print(
            f"| {kind} {size}x{size} | {old} | {t_new:.4f} s | {t_gbt:.4f} s | "
            f"{t_new / t_gbt:.2f} | {len(new)} | {'yes' if same else 'NO'} |"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
