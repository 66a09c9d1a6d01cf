"""Parameter names typeset properly; text escaping is pdflatex-safe."""

from __future__ import annotations

import re

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import document as latex
from symtrust import positive
from symtrust.core.latex_layout import text_escape
from symtrust.core.printer import math, symbol_latex
from symtrust.results import Result, Step


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("c_i", "c_{i}"),
        ("pi_h", r"\pi_{h}"),
        ("t_hat", r"\hat{t}"),
        ("q_hat_i", r"\hat{q}_{i}"),
        ("t_T", "t_{T}"),
        ("k_theta", r"k_{\theta}"),
        ("mu_1", r"\mu_{1}"),
        ("x_star", "x^{*}"),
        ("c_i_j", "c_{i,j}"),
        ("S_", "S"),
        ("kappa", r"\kappa"),
        ("Pi", r"\Pi"),
        ("x2", "x_{2}"),
        ("EU", "EU"),
    ],
)
def test_symbol_names(name, expected):
    assert symbol_latex(name) == expected


def test_printer_reaches_symbols_inside_results_and_documents():
    t_hat, pi_h = positive("t_hat pi_h")
    result = Result(kind="cutoff", value=t_hat / pi_h, steps=(Step("s", t_hat, "why"),))
    assert math(result).count(r"\hat{t}") == 1
    document = latex(result)
    assert r"\frac{\hat{t}}{\pi_{h}}" in document
    assert "t_{hat}" not in document and "t_hat" not in document


def test_explicit_symbol_names_take_precedence():
    x = sympy.Symbol("x")
    assert math(x**2, symbol_names={x: r"\xi"}) == r"\xi^{2}"


# a special character not preceded by a backslash, outside $...$ math
_SPECIAL = re.compile(r"(?<!\\)[&%#_{}~^]")


@given(st.text(max_size=40))
def test_escaped_text_is_ascii_with_specials_escaped(text):
    out = text_escape(text)
    assert out.isascii()
    # strip the constructs text_escape emits; no bare special may remain
    stripped = re.sub(
        r"\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|"
        r"\\ldots\{\}|\$[^$]*\$|\\[&%#_{}$]|\\['`\"][a-zA-Z]",
        "",
        out,
    )
    assert not _SPECIAL.search(stripped), (text, out)
    assert "\\" not in stripped.replace("\\'", "").replace('\\"', ""), (text, out)


def test_escape_examples():
    assert text_escape("50% & c_i") == r"50\% \& c\_i"
    assert text_escape("a \u2264 b") == r"a $\leq$ b"
    assert text_escape("\u03c0 > 0") == r"$\pi$ $>$ 0"
    assert text_escape("caf\u00e9 \u00bd") == r"caf\'e 1/2"
