"""Differential fuzzing campaign: symtrust's solvers against independent references.

Runs :func:`symtrust.testing.fuzz.campaign` (see there for the families and
what each compares) and prints, per family, the number of games compared, the
time taken and every disagreement (with the family, seed and index that
reproduce it: ``FAMILIES[family](random.Random(f"{seed}:{family}:{k}"))``).
Exit status 1 if any disagreement was found.

Run by hand, never as a timed test::

    python benchmarks/fuzz.py                       # the default campaign
    python benchmarks/fuzz.py --scale 0.1 --seed 7  # a tenth of it, another seed
"""

from __future__ import annotations

import argparse
import sys
import time

from symtrust.testing.fuzz import campaign

#: Games per family in the default campaign (10,300 in all).
COUNTS = {
    "bimatrix": 4000,
    "three_player": 4000,
    "bayesian": 1500,
    "signaling": 600,
    "symbolic": 200,
}


def main(argv=None):
    """Run the campaign and print the table of families."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--family", action="append", choices=sorted(COUNTS))
    args = ap.parse_args(argv)
    families = args.family or list(COUNTS)
    print("| family | games | disagreements | seconds |\n|---|---|---|---|")
    total, bad = 0, 0
    for family in families:
        count = max(1, round(COUNTS[family] * args.scale))
        start = time.perf_counter()
        games, found = campaign(
            {family: count},
            seed=args.seed,
            report=lambda f, k, msgs: print(
                "\n".join(msgs), file=sys.stderr, flush=True
            ),
        )[family]
        took = time.perf_counter() - start
        total, bad = total + games, bad + len(found)
        print(f"| {family} | {games} | {len(found)} | {took:.0f} |", flush=True)
    print(f"| all | {total} | {bad} | |")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
