"""Fragments to paste: sgame matrices, aligned results, names as in documents."""

from __future__ import annotations

import pytest
import sympy
from texcheck import PDFLATEX, compile_tex, python_text

import symtrust
from symtrust import (
    Claim,
    bayes_nash,
    bimatrix,
    comparative_statics,
    mixed_nash,
    pbe,
    positive,
    posterior,
    probability,
    pure_nash,
    trust_game,
    trust_threshold,
)
from symtrust.catalog import beer_quiche, prisoners_dilemma
from symtrust.render.document import PREAMBLE

T_HAT = probability("t_hat")


def _values():
    """One value of each kind a user displays, all with t_hat in them."""
    a = positive("a")
    game = bimatrix([[T_HAT + a, 0], [0, 1]], [[1, 0], [0, T_HAT + 1]])
    bayesian = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], T_HAT)
    signaling = beer_quiche(weak_prior=T_HAT)
    threshold = trust_threshold(bayesian, "row")
    return {
        "normal-form game": game,
        "Bayesian game": bayesian,
        "signaling game": signaling,
        "pure Nash": pure_nash(game),
        "mixed Nash": mixed_nash(game),
        "Bayesian Nash": bayes_nash(bayesian),
        "threshold": threshold,
        "posterior": posterior({"H": T_HAT, "L": 1 - T_HAT}, {"H": 1, "L": T_HAT}),
        "comparative statics": comparative_statics(T_HAT / (1 + a), T_HAT),
        "PBE": pbe(signaling),
        "claim": Claim(T_HAT**2 <= T_HAT),
        "proof": Claim(T_HAT**2 <= T_HAT).prove(examples=0),
    }


@pytest.fixture(scope="module")
def values():
    return _values()


def test_every_value_shows_t_hat_as_in_documents(values):
    for name, value in values.items():
        for shown in (value._repr_latex_(), symtrust.latex(value)):
            assert r"\hat{t}" in shown, (name, shown[:200])
            assert "t_{hat}" not in shown and "t_hat" not in shown, name


def test_a_game_is_an_sgame_matrix():
    tex = symtrust.latex(prisoners_dilemma())
    assert tex.splitlines() == [
        r"\begin{game}{2}{2}[row][column]",
        r" & $C$ & $D$ \\",
        r"$C$ & $R,\ R$ & $S,\ T$ \\",
        r"$D$ & $T,\ S$ & $P,\ P$",
        r"\end{game}",
    ]


def test_a_bayesian_game_is_one_matrix_per_type_profile(values):
    tex = symtrust.latex(values["Bayesian game"])
    assert tex.count(r"\begin{game}") == 4
    assert "[types: trustworthy, untrustworthy]" in tex


def test_a_result_is_an_aligned_block_in_the_printing_policy():
    c, w = positive("c w")
    t_T = symtrust.interval("t_T", 0, 1, right_open=True)
    p = probability("pi_2")
    game = trust_game(
        [[1, -c], [t_T, -w]], [[1, -c], [2, -w]], (p, p), assumptions=[c > w]
    )
    tex = symtrust.latex(trust_threshold(game, "row"))
    assert tex.startswith(r"\begin{aligned}") and tex.endswith(r"\end{aligned}")
    assert r"\frac{c - w}{c - t_{T} - w + 1}" in tex
    assert r"- c + w" not in tex


def test_a_solution_numbers_its_results(values):
    tex = symtrust.latex(values["Bayesian Nash"])
    assert r"\text{(1)}" in tex and r"\text{(2)}" in tex


def test_a_hybrid_pbe_has_no_python_text(values):
    hybrid = next(eq for eq in values["PBE"] if eq.label == "hybrid")
    for shown in (symtrust.latex(hybrid), hybrid._repr_latex_()):
        assert "w.p." not in shown and "*" not in shown, shown
    # the mixed strategy is a mapping message -> probability
    assert r"\text{beer} \mapsto" in symtrust.latex(hybrid)


def test_no_fragment_holds_python_text(values):
    for name, value in values.items():
        assert python_text("\\begin{document}" + symtrust.latex(value)) == [], name


@pytest.mark.skipif(PDFLATEX is None, reason="pdflatex is not on PATH")
def test_fragments_compile_in_a_paper(values, tmp_path):
    parts = []
    for name, value in values.items():
        tex = symtrust.latex(value)
        parts.append(f"\\section*{{{name}}}\n")
        parts.append(tex if tex.startswith(r"\begin{game}") else f"\\[\n{tex}\n\\]\n")
    doc = PREAMBLE + "\\begin{document}\n" + "\n".join(parts) + "\n\\end{document}\n"
    path = tmp_path / "fragments.tex"
    path.write_text(doc, encoding="utf-8")
    compile_tex(path)


def test_latex_of_plain_sympy_follows_the_policy():
    c, w = positive("c w")
    assert symtrust.latex((w - c) / (w - c - 1)) == r"\frac{c - w}{c - w + 1}"
    assert symtrust.latex(sympy.Symbol("t_hat") ** 2) == r"\hat{t}^{2}"


def test_jupyter_shows_results_and_solutions_in_the_printing_policy(values):
    c, w = positive("c w")
    t_T = symtrust.interval("t_T", 0, 1, right_open=True)
    p = probability("pi_2")
    game = trust_game(
        [[1, -c], [t_T, -w]], [[1, -c], [2, -w]], (p, p), assumptions=[c > w]
    )
    shown = trust_threshold(game, "row")._repr_latex_()
    assert shown.startswith(r"$\displaystyle \begin{aligned}"), shown
    assert r"\frac{c - w}{c - t_{T} - w + 1}" in shown and r"- c + w" not in shown
    for name in ("pure Nash", "mixed Nash", "Bayesian Nash", "PBE", "threshold"):
        value = values[name]
        assert value._repr_latex_() == (
            r"$\displaystyle " + symtrust.latex(value) + "$"
        ), name
    # a game keeps its own layout (an sgame matrix is not math)
    assert r"\begin{game}" not in values["signaling game"]._repr_latex_()
