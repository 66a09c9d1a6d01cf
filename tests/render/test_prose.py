"""Prose: words stay text, formulas are typeset, nothing is evaluated."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from texcheck import python_text

from symtrust.render.phrases import SIGN, label_words, reason
from symtrust.render.prose import prose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the issue: "C U(x)" for C_U(x) and "$>$=" for >=
        ("solve C_U(x) = B_U", "solve $C_{U}(x) = B_{U}$"),
        ("t2 >= 1/2", r"$t_{2} \geq 1/2$"),
        ("a type-contingent strategy", "a type-contingent strategy"),
        ("the prior 1/b^2", "the prior $1/b^{2}$"),
        ("A: rises with t_T", "A: rises with $t_{T}$"),
        ("Pr(other plays C)", "Pr(other plays $C$)"),
        ("by Bayes' rule", "by Bayes' rule"),
        ("corner s = 0 (builds)", "corner $s = 0$ (builds)"),
        ("BR'(s) < 1", r"$\mathrm{BR}^{\prime}(s) < 1$"),
        ("sqrt(h)*k", r"$\sqrt{h} k$"),
        ("x**2 + t^***2", r"$x^{2} + {t^{*}}^{2}$"),
        ("50% & #", r"50\% \& \#"),
    ],
)
def test_examples(text, expected):
    assert prose(text) == expected


def test_justifications_become_reasons():
    assert reason("solve EU(C) = EU(D) for the belief").startswith(
        "by the indifference condition"
    )
    assert reason("sign: positive") is SIGN
    # unknown justifications still have their formulas typeset
    assert reason("new step, x_1 >= 0") == r"new step, $x_{1} \geq 0$"
    assert label_words("slope in the belief") == "Slope in the belief"


_words = st.sampled_from(["the", "trust", "cooperates", "type", "after", "is"])
_formulas = st.sampled_from(
    ["t_T", "pi_2", "x**2", "c*w", "a >= b", "k_U*x <= t_U + w", "1/b", "h_1 != 0"]
)


@given(st.lists(st.one_of(_words, _formulas), min_size=1, max_size=8))
def test_prose_leaves_no_python_operator_text(parts):
    text = " ".join(parts)
    out = prose(text)
    doc = "\\begin{document}" + out
    assert python_text(doc) == [], (text, out)
    assert out.count("$") % 2 == 0
