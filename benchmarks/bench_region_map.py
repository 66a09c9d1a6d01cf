"""Region maps: a 1,000 x 1,000 map of a derivation's equilibria.

Each condition is lambdified once and evaluated on the whole grid with numpy
(``symtrust.render.region_map``); the boundaries are contours of each
relation's field. The target (issue 12) is under 2 s for a 1,000 x 1,000
map. The peer in the same run is the naive evaluation the vectorised one
replaces: substituting every grid point into the conditions one by one with
SymPy, timed on a 20 x 20 grid and scaled to 10^6 points.

Run by hand (never in the test suite):

    python benchmarks/bench_region_map.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import sympy

from symtrust.cli import load_derivation
from symtrust.render.region_map import region_grid, region_map
from symtrust.render.regions import regions

ROOT = Path(__file__).resolve().parents[1]


def _case(name):
    derivation = load_derivation(ROOT / "derivations" / f"{name}.py")()
    figures = getattr(derivation, "figures", ())
    if not figures:
        sys.exit(f"{name} has no region figures")
    return figures[0]


def _naive_seconds_per_point(figure, n=20):
    """SymPy substitution point by point (the pre-vectorised way)."""
    (x, x0, x1), (y, y0, y1) = figure.x, figure.y
    fixed = {k: sympy.sympify(v) for k, v in figure.fixed.items()}
    conds = [r.condition.xreplace(fixed) for r in regions(figure.solution)]
    start = time.perf_counter()
    for i in range(n):
        for j in range(n):
            point = {
                x: sympy.Rational(i, n - 1) * (x1 - x0) + x0,
                y: sympy.Rational(j, n - 1) * (y1 - y0) + y0,
            }
            for cond in conds:
                cond.xreplace(point)
    return (time.perf_counter() - start) / n**2


def main() -> None:
    print(
        f"{'case':28} {'grid (s)':>9} {'map (s)':>8} {'naive 10^6 (s)':>15} {'ratio':>8}"
    )
    for name in ("ch1_assurance_vs_pd", "ch2_security_dilemma", "ch7_reassurance"):
        figure = _case(name)
        start = time.perf_counter()
        region_grid(figure.solution, figure.x, figure.y, figure.fixed, resolution=1000)
        grid_s = time.perf_counter() - start
        fig, ax = plt.subplots()
        start = time.perf_counter()
        region_map(
            figure.solution, figure.x, figure.y, figure.fixed, resolution=1000, ax=ax
        )
        fig.canvas.draw()
        map_s = time.perf_counter() - start
        plt.close(fig)
        naive = _naive_seconds_per_point(figure) * 1_000_000
        print(
            f"{name:28} {grid_s:9.2f} {map_s:8.2f} {naive:15.0f} {naive / map_s:8.0f}"
        )


if __name__ == "__main__":
    main()
