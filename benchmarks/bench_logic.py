"""The logic layer, old tree against new, in one run: decisions, simplification,
the book's derivations.

Each tree runs in its own child process (``git archive`` of the old revision
into a temporary folder; the new tree is this checkout), and every figure is
CPU time (``time.process_time``), so that the load of a shared machine does
not enter the ratios. Cases:

* ``decide x300``: 300 distinct decisions under one set of assumptions, as a
  solver asks them (one z3 context and one translation of the assumptions
  serve them all in the new tree);
* ``simplify x40``: 40 conditions simplified under assumptions, fresh caches;
* ``derive() <chapter>``: building each derivation (its solvers; no checks);
* ``derive + verify``: what ``python -m symtrust derive derivations/`` does.

Run by hand, never as a timed test::

    python benchmarks/bench_logic.py              # old = 052402b (before issue 10's logic work)
    python benchmarks/bench_logic.py --old main
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
from pathlib import Path
import sympy
import symtrust
from symtrust import decide, positive, probability, real, simplify_condition
from symtrust.cli import discover, load_derivation
from symtrust.runner import run_derivation

out = {}
c, w, b = positive("c w b")
x, y = real("x y")
t = probability("t")
conds = (c > w, b > 1, x > y)
start = time.process_time()
for k in range(1, 301):
    decide(x * k + c > y * k + w - b * t, conds)
out["decide x300"] = time.process_time() - start

start = time.process_time()
for k in range(1, 41):
    cond = sympy.And(k * t + (1 - t) * c >= w * t, c + k > w, (x - y) * k > -b)
    simplify_condition(cond, conds)
out["simplify x40"] = time.process_time() - start

total = time.process_time()
for path in discover(["derivations"]):
    start = time.process_time()
    derivation = load_derivation(path)()
    out[f"derive() {path.stem}"] = time.process_time() - start
    run_derivation(derivation, out=lambda *_: None)
out["derive + verify (all)"] = time.process_time() - total
print("RESULT " + json.dumps(out))
"""


def _run(tree: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def _old_tree(rev: str, into: Path) -> Path:
    archive = into / "old.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "-o", str(archive), rev], check=True
    )
    with tarfile.open(archive) as tar:
        tar.extractall(into / "old", filter="data")
    return into / "old"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", default="052402b", help="the old revision")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        old = _run(_old_tree(args.old, Path(tmp)))
    new = _run(ROOT)
    print(f"{'case':34s} {'old (s)':>9s} {'new (s)':>9s} {'new/old':>8s}")
    for case, before in old.items():
        after = new.get(case)
        if after is None:
            continue
        ratio = after / before if before else float("nan")
        print(f"{case:34s} {before:9.2f} {after:9.2f} {ratio:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
