"""The book's derivations: per-derivation, per-phase wall time.

``symtrust derive derivations/ --latex DIR`` runs, for each module, four
phases; this script times each one separately, in a fresh process per
derivation (so no cache carries over from one derivation to the next, as in
the real command, which runs them one after the other in one process --
``--one-process`` measures that too):

* ``import``: importing the derivation module;
* ``derive``: ``derive()``, building the models and solving them;
* ``check``: each result against its numeric twin (``symtrust.check``,
  ``--examples`` exact rational points, default 30 as in the command);
* ``prove``: each claim's proof;
* ``write``: the LaTeX document with its figures (``write_document``);
* ``total``: the sum, ``wall``: the wall time of the phases, and
  ``points``: the points each check used (summed over the derivation's
  results, so that a faster check on fewer points shows).

Phase times are CPU seconds of the process (``time.process_time``): the
machine these run on is shared, and CPU time is what a change removes; the
wall time is printed beside them.

The target (issue 10) is the whole main job under 10 s and no derivation
above 2 s. ``--profile NAME`` writes a cProfile of one derivation's phases to
``/tmp/bench_derive_NAME.prof`` and prints its top functions.

Run by hand from the repository root (never in the test suite)::

    python benchmarks/bench_derive.py
    python benchmarks/bench_derive.py --only ch2 --profile ch2
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# the tree measured: this one, or another (an old checkout) with --tree
ROOT = Path(os.environ.get("BENCH_DERIVE_TREE") or Path(__file__).resolve().parents[1])
sys.path.insert(0, str(ROOT))

from symtrust.cli import discover, load_derivation  # noqa: E402
from symtrust.render.document import write_document  # noqa: E402
from symtrust.verify.check import check  # noqa: E402
from symtrust.verify.derivation import DerivationReport  # noqa: E402

PHASES = ("import", "derive", "check", "prove", "write")


def time_one(
    path: Path, examples: int, out: Path, profile: Path | None = None, only=None
):
    """Phase times (seconds) and checked points of one derivation, in this process.

    With ``profile``, the phases named in ``only`` (default: all) are profiled.
    """
    prof = cProfile.Profile() if profile else None
    times, walls = {}, {}

    def phase(name, fn):
        start, wall = time.process_time(), time.perf_counter()
        on = prof and (not only or name in only)
        if on:
            prof.enable()
        value = fn()
        if on:
            prof.disable()
        times[name] = time.process_time() - start
        walls[name] = time.perf_counter() - wall
        return value

    derive = phase("import", lambda: load_derivation(path))
    derivation = phase("derive", derive)
    checks = phase(
        "check",
        lambda: tuple(
            (name, check(result, max_examples=examples))
            for name, result in derivation.results
        ),
    )
    proofs = phase(
        "prove", lambda: tuple(claim.prove(budget=10.0) for claim in derivation.claims)
    )
    report = DerivationReport(derivation, checks, proofs, 0.0)
    phase("write", lambda: write_document(derivation, out, report=report))
    if prof:
        prof.dump_stats(profile)
    points = sum(rep.examples or 0 for _, rep in checks)
    return {
        "times": times,
        "wall": sum(walls.values()),
        "points": points,
        "results": len(checks),
        "ok": report.ok,
    }


def _child(args) -> None:
    out = Path(tempfile.mkdtemp(prefix="bench_derive_"))
    path = Path(args.child)
    prof = Path(f"/tmp/bench_derive_{args.profile}.prof") if args.profile else None
    row = time_one(path, args.examples, out, prof, args.phases)
    print(json.dumps(row))


def _fresh(path: Path, args) -> dict:
    cmd = [sys.executable, __file__, "--child", str(path)]
    cmd += ["--examples", str(args.examples)]
    if args.profile and args.profile in path.stem:
        cmd += ["--profile", args.profile]
        cmd += [f"--phases={p}" for p in args.phases or ()]
    env = {**os.environ, "BENCH_DERIVE_TREE": str(args.tree or ROOT)}
    done = subprocess.run(
        cmd, capture_output=True, text=True, check=False, cwd=ROOT, env=env
    )
    if done.returncode:
        raise SystemExit(f"{path} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _table(rows) -> None:
    head = f"{'derivation':28}" + "".join(f"{p:>8}" for p in PHASES)
    print(head + f"{'total':>8}{'wall':>8}{'points':>8}  ok")
    sums = dict.fromkeys(PHASES, 0.0)
    for name, row in rows:
        t = row["times"]
        for p in PHASES:
            sums[p] += t[p]
        cells = "".join(f"{t[p]:8.2f}" for p in PHASES)
        total = sum(t[p] for p in PHASES)
        wall = row["wall"]
        print(f"{name:28}{cells}{total:8.2f}{wall:8.2f}{row['points']:8d}  {row['ok']}")
    cells = "".join(f"{sums[p]:8.2f}" for p in PHASES)
    print(f"{'sum':28}{cells}{sum(sums.values()):8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=30)
    parser.add_argument("--only", help="run only derivations whose file name has this")
    parser.add_argument(
        "--profile", help="cProfile the derivation with this in its name"
    )
    parser.add_argument(
        "--phases",
        action="append",
        choices=PHASES,
        help="with --profile, profile only these phases (repeatable)",
    )
    parser.add_argument(
        "--one-process",
        action="store_true",
        help="run all derivations in this process, as `symtrust derive` does",
    )
    parser.add_argument(
        "--tree",
        type=Path,
        help="measure another checkout of symtrust (e.g. the tree before a change: "
        "git archive OLD | tar -x -C /tmp/old); its derivations/ are the ones run",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    tree = args.tree.resolve() if args.tree else ROOT
    args.tree = tree
    paths = [
        p
        for p in discover([str(tree / "derivations")])
        if not args.only or args.only in p.stem
    ]
    rows = []
    wall = time.perf_counter()
    for path in paths:
        if args.one_process and args.tree != ROOT:
            raise SystemExit("--one-process measures this tree only")
        if args.one_process:
            out = Path(tempfile.mkdtemp(prefix="bench_derive_"))
            rows.append((path.stem, time_one(path, args.examples, out)))
        else:
            rows.append((path.stem, _fresh(path, args)))
    _table(rows)
    print(f"wall {time.perf_counter() - wall:.2f} s")
    if args.profile:
        stats = pstats.Stats(f"/tmp/bench_derive_{args.profile}.prof")
        stats.sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
