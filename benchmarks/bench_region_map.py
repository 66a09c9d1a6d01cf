"""Region maps: a 1,000 x 1,000 map of each derivation's equilibria.

``symtrust.render.region_map`` lambdifies each relation of the conditions
once and evaluates it on the whole grid with numpy; boundaries are contours
of each relation's field. The target (issue 12) is a 1,000 x 1,000 map in
under 2 s. Columns:

* ``grid``: evaluating the regions on the 10^6 points (``region_grid``);
* ``map``: the whole figure, evaluation plus drawing (``region_map`` and a
  canvas draw);
* ``naive``: the evaluation it replaces, substituting each point into the
  conditions with SymPy, timed on a 20 x 20 grid and scaled to 10^6 points;
* ``ratio``: naive over map, in the same run.

Run by hand from the repository root (never in the test suite)::

    python benchmarks/bench_region_map.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import matplotlib
import sympy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from symtrust.cli import discover, load_derivation  # noqa: E402
from symtrust.render.optional import pyplot  # noqa: E402
from symtrust.render.region_map import region_grid, region_map, warm_up  # noqa: E402
from symtrust.render.regions import regions  # noqa: E402


def _naive_seconds_per_point(figure, n=20):
    """SymPy substitution point by point (the pre-vectorised way)."""
    (x, x0, x1), (y, y0, y1) = figure.x, figure.y
    fixed = {k: sympy.sympify(v) for k, v in figure.fixed.items()}
    conds = [
        sympy.sympify(r.condition).xreplace(fixed) for r in regions(figure.solution)
    ]
    x0, x1, y0, y1 = (sympy.nsimplify(v) for v in (x0, x1, y0, y1))
    start = time.perf_counter()
    for i in range(n):
        for j in range(n):
            point = {
                x: sympy.Rational(2 * i + 1, 2 * n) * (x1 - x0) + x0,
                y: sympy.Rational(2 * j + 1, 2 * n) * (y1 - y0) + y0,
            }
            for cond in conds:
                try:
                    cond.xreplace(point)
                except TypeError:  # undefined at the point (a zero denominator)
                    pass
    return (time.perf_counter() - start) / n**2


def main() -> None:
    matplotlib.use("Agg")
    plt = pyplot()
    warm_up()
    head = (
        f"{'figure':44} {'grid (s)':>8} {'map (s)':>8} {'naive (s)':>10} {'ratio':>6}"
    )
    print(head)
    for path in discover([ROOT / "derivations"]):
        derivation = load_derivation(path)()
        for figure in derivation.figures:
            args = (figure.solution, figure.x, figure.y, figure.fixed)
            start = time.perf_counter()
            region_grid(*args, resolution=1000)
            grid_s = time.perf_counter() - start
            fig, ax = plt.subplots()
            start = time.perf_counter()
            region_map(*args, labels=figure.labels, resolution=1000, ax=ax)
            fig.canvas.draw()
            map_s = time.perf_counter() - start
            plt.close(fig)
            naive = _naive_seconds_per_point(figure) * 1_000_000
            name = f"{path.stem[:4]} {figure.name}"[:44]
            print(
                f"{name:44} {grid_s:8.2f} {map_s:8.2f} {naive:10.0f} {naive / map_s:6.0f}"
            )


if __name__ == "__main__":
    main()
