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


# the constructs text_escape emits, an accent innermost first
_ACCENT = re.compile(r"\\[`'^\"~=.uvHcr]\{[A-Za-z]\}")
_EMITTED = re.compile(
    r"\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|"
    r"\\ldots\{\}|\$[^$]*\$|\\[&%#_{}$]|\\(ss|ae|AE|oe|OE|o|O|l|L|i)\{\}|"
    r"\[U\+[0-9A-F]{4,6}\]"
)


@given(st.text(max_size=40))
def test_escaped_text_is_ascii_with_specials_escaped(text):
    out = text_escape(text)
    assert out.isascii()
    # strip what text_escape emits; no bare special or backslash may remain
    stripped = out
    while _ACCENT.search(stripped):
        stripped = _ACCENT.sub("a", stripped)
    stripped = _EMITTED.sub("", stripped)
    assert not _SPECIAL.search(stripped), (text, out)
    assert "\\" not in stripped, (text, out)


def test_escape_examples():
    assert text_escape("50% & c_i") == r"50\% \& c\_i"
    assert text_escape("a \u2264 b") == r"a $\leq$ b"
    assert text_escape("\u03c0 > 0") == r"$\pi$ $>$ 0"
    assert text_escape("caf\u00e9 \u00bd") == r"caf\'{e} 1/2"
    assert text_escape("\u0141\u00f3d\u017a") == r"\L{}\'{o}d\'{z}"
    # a character pdflatex cannot set is shown by its code point, never "?"
    assert text_escape("\u4fe1") == "[U+4FE1]"
