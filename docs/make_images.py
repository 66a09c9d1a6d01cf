"""Draw the images the README shows (run from the repository root).

    python docs/make_images.py

writes ``docs/region_map_security_dilemma.png``: the two-type Security
Dilemma Game's threshold as a region map, built exactly as in the README.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib
import sympy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import symtrust  # noqa: E402
from symtrust.render.optional import pyplot  # noqa: E402


def security_dilemma_map(path: Path) -> None:
    c_i = symtrust.positive("c_i")
    w = symtrust.nonnegative("w")
    t_T, t_U = symtrust.real("t_T t_U")
    pi_1, pi_2 = symtrust.parameter("pi_1 pi_2", lower=0, upper=1)
    game = symtrust.trust_game(
        [[1, -c_i], [t_T, -w]],
        [[1, -c_i], [t_U, -w]],
        (pi_1, pi_2),
        assumptions=[c_i > w, t_T < 1, t_U > 1],
    )
    threshold = symtrust.trust_threshold(game, "row")
    half = sympy.Rational(1, 2)
    plt = pyplot()
    fig, ax = plt.subplots(figsize=(6.4, 4.6))
    symtrust.region_map(
        threshold,
        x=(c_i, 0, 3),
        y=(pi_2, 0, 1),
        fixed={w: half, t_T: half},
        labels={
            "trustworthy row plays C": "the trustworthy state cooperates",
            "trustworthy row plays D": "the trustworthy state defects",
        },
        ax=ax,
        title="Security Dilemma Game, w = 1/2, t_T = 1/2",
    )
    fig.savefig(path, dpi=110, bbox_inches="tight", metadata={"Software": "symtrust"})
    plt.close(fig)
    print(f"wrote {path}")


if __name__ == "__main__":
    matplotlib.use("Agg")
    security_dilemma_map(ROOT / "docs" / "region_map_security_dilemma.png")
