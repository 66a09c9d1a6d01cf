"""Trees printed as text and drawn with istgame; the documents compile and render.

The drawing carries the payoffs at the leaves, chance probabilities on the
edges and dashed information sets; a document holding one loads istgame,
compiles with pdflatex and renders a page with pdftoppm (each step skipped,
with the reason, where the tool is missing; CI installs texlive-pictures).
"""

import shutil
import subprocess

import pytest

from symtrust import document, game_tree, latex, probability, real, spe
from symtrust.catalog import beer_quiche
from symtrust.games.extensive import chance, decision

PDFLATEX = shutil.which("pdflatex")
PDFTOPPM = shutil.which("pdftoppm")
P = probability("p")
H, A = real("h a")
TREE = game_tree(
    chance(
        {
            "honest": (
                P,
                decision(
                    "investor",
                    {
                        "trust": decision(
                            "trustee", {"honor": (1, H), "abuse": (-1, A)}
                        ),
                        "not": (0, 0),
                    },
                    info="investor",
                ),
            ),
            "greedy": (
                1 - P,
                decision(
                    "investor",
                    {"trust": (-1, 2), "not": (0, 0)},
                    info="investor",
                ),
            ),
        }
    ),
    players=("investor", "trustee"),
    name="trust with a prior",
)


def test_text_outline_shows_moves_probabilities_sets_and_payoffs():
    text = str(TREE)
    assert text.splitlines()[0] == "trust with a prior (players: investor, trustee)"
    assert "honest (p)" in text and "greedy (1 - p)" in text
    assert "{investor}" in text
    assert "(-1, a)" in text


def test_istgame_drawing_has_payoffs_probabilities_and_dashed_sets():
    tex = latex(TREE)
    assert r"\begin{istgame}" in tex and r"\end{istgame}" in tex
    assert r"\istroot(n0)[chance node]<above>{Nature}" in tex
    assert r"honest ($p$)" in tex and r"greedy ($1 - p$)" in tex
    assert r"{$(-1, a)$}" in tex
    assert r"\xtInfoset[dashed](n1)" in tex


def test_wide_trees_are_scaled_to_the_page():
    wide = game_tree(beer_quiche())
    assert "scale=" not in latex(TREE)
    deep = game_tree(
        decision(
            "A",
            {
                f"a{i}": decision("B", {f"b{j}": (i, j) for j in range(4)})
                for i in range(5)
            },
        )
    )
    assert "scale=0." in latex(deep)
    assert r"\xtInfoset[dashed, bend left" in latex(wide)


@pytest.mark.skipif(PDFLATEX is None, reason="pdflatex is not on PATH (texlive)")
@pytest.mark.parametrize(
    "obj",
    [
        TREE,
        game_tree(beer_quiche()),
        spe(game_tree(decision("A", {"l": (H,), "r": (A,)}))),
    ],
    ids=["tree", "signaling tree", "spe"],
)
def test_documents_with_trees_compile_and_render(obj, tmp_path):
    tex = document(obj)
    if hasattr(obj, "nodes"):
        assert r"\usepackage{istgame}" in tex
    path = tmp_path / "doc.tex"
    path.write_text(tex, encoding="utf-8")
    run = subprocess.run(
        [PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    log = path.with_suffix(".log").read_text(errors="replace")
    assert run.returncode == 0, [
        line for line in log.splitlines() if line.startswith("!")
    ]
    assert "Overfull \\hbox" not in log
    if PDFTOPPM is None:
        pytest.skip("pdftoppm is not on PATH (poppler-utils)")
    subprocess.run(
        [
            PDFTOPPM,
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            "doc.pdf",
            "page",
        ],
        cwd=tmp_path,
        check=True,
        timeout=60,
    )
    assert (tmp_path / "page.png").stat().st_size > 1000
