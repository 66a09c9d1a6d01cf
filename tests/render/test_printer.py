"""Parameter names typeset properly; text escaping is pdflatex-safe.

The property test at the end draws names of every kind (parameters, raw SymPy
symbols, players, actions, types, the game) and compiles the resulting
document with pdflatex: whatever a constructor accepts must compile, with the
standard Type 1 fonts only.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import sympy
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from symtrust import Derivation, bimatrix, parameter, positive, pure_nash
from symtrust import document as latex
from symtrust.core.latex_layout import escape_char, text_escape
from symtrust.core.printer import math, symbol_latex
from symtrust.games.bayesian import type_game
from symtrust.render.document import derivation_document
from symtrust.render.prose import prose
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
    r"\\ldots\{\}|\$\\\$\$|\$[^$]*\$|\\[&%#_{}$]|\\(ss|ae|AE|oe|OE|o|O|l|L|i)\{\}|"
    r"\{\[\}|\{\]\}|\{\[\}U\+[0-9A-F]{4,6}\{\]\}"
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
    assert text_escape("\u4fe1") == "{[}U+4FE1{]}"


def test_unicode_greek_and_unconventional_names():
    assert symbol_latex("\u03b1") == r"\alpha"
    assert symbol_latex("\u03c0_h") == r"\pi_{h}"
    assert symbol_latex("x_\u03b8") == r"x_{\theta}"
    assert symbol_latex("\u03a9") == r"\Omega"
    # outside the convention: escaped upright text, never raw
    assert symbol_latex("a%b") == r"\text{a\%b}"
    assert symbol_latex("}") == r"\text{\}}"
    assert symbol_latex("_x") == r"\text{\_x}"
    assert symbol_latex("\u5909") == r"\text{{[}U+5909{]}}"


# -- every accepted name compiles ------------------------------------------------

PDFLATEX = shutil.which("pdflatex")
_GREEK = (
    "".join(chr(c) for c in range(0x3B1, 0x3CA))
    + "\u0393\u0394\u0398\u03a0\u03a3\u03a9"
)
_ASCII = "".join(chr(c) for c in range(0x20, 0x7F))
# printable ASCII (every LaTeX special), Greek, accented Latin, typographic marks
_TEXT = (
    _ASCII
    + _GREEK
    + "\u00e9\u00fc\u00f1\u00e7\u0142\u00df\u00e6\u2013\u2014\u2019\u2264\u00bd\t\n"
)
_HOSTILE = [
    "\\end{document}",
    "}",
    "{",
    "$",
    "%",
    "&",
    "#",
    "a%b",
    "x_{1}",
    "^",
    "~",
    "\\",
]

parameter_names = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("abcxyzRST" + _GREEK),
    st.text(alphabet="abct0123_" + _GREEK[:5], max_size=6),
).filter(lambda n: "__" not in n)
labels = st.one_of(
    st.sampled_from(_HOSTILE),
    st.text(alphabet=_TEXT, min_size=1, max_size=12).filter(lambda s: s.strip()),
)
# blank symbol names are refused (tests/test_bad_input.py)
symbol_names = st.one_of(
    st.sampled_from(_HOSTILE),
    st.text(alphabet=_ASCII + _GREEK, min_size=1, max_size=8).filter(str.strip),
)


def _compile(tex: str) -> str:
    assert PDFLATEX, (
        "pdflatex is not on PATH; this test compiles documents and must not be "
        "skipped: apt-get install texlive-latex-base texlive-latex-recommended"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.tex"
        path.write_text(tex, encoding="utf-8")
        run = subprocess.run(
            [PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", path.name],
            cwd=tmp,
            capture_output=True,
            text=True,
            timeout=120,
        )
        log = path.with_suffix(".log").read_text(errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert run.returncode == 0 and not errors, (errors, run.stdout[-1500:])
    return log


# every example is a pdflatex run: no shrinking (a failure is reported as drawn)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
@given(
    params=st.lists(parameter_names, min_size=2, max_size=2, unique=True),
    raw=symbol_names,
    players=st.lists(labels, min_size=2, max_size=2, unique=True),
    actions=st.lists(labels, min_size=2, max_size=2, unique=True),
    types=st.lists(labels, min_size=2, max_size=2, unique=True),
    title=labels,
)
def test_documents_with_drawn_names_compile(
    params, raw, players, actions, types, title
):
    assume(raw not in params)
    a, b = (parameter(n, lower=0, left_open=True) for n in params)
    s = sympy.Symbol(raw, real=True)
    game = bimatrix(
        [[a, s], [0, b]],
        [[b, 0], [s, a]],
        row_actions=actions,
        column_actions=actions,
        players=players,
        name=title,
    )
    half = sympy.Rational(1, 2)
    typed = type_game(
        {types[0]: [[a, 0], [1, b]], types[1]: [[0, 1], [a, 0]]},
        [{types[0]: half, types[1]: half}] * 2,
        players=players,
        actions=actions,
        name=title,
    )
    derivation = Derivation(
        title=title,
        source=raw,
        models=(game, typed),
        results=((title, pure_nash(game)),),
        notes=(raw, *types),
    )
    tex = derivation_document(derivation)
    # no name is dropped or turned into "?"
    assert tex.count(r"\end{document}") == 1
    # (names are set as escaped text, or as prose: words escaped, math spans typeset)
    for name in (*players, *actions, *types):
        assert text_escape(name) in tex or prose(name.strip()) in tex, name
    log = _compile(tex)
    # only Type 1 fonts: a bitmap (pk) font means a glyph the fonts lack
    assert "600pk" not in log and "mktexpk" not in log


def test_every_settable_character_compiles():
    settable = [chr(i) for i in range(0x20, 0x3000) if escape_char(chr(i)) is not None]
    assert len(settable) > 500
    body = " ".join(escape_char(ch) for ch in settable)
    tex = (
        "\\documentclass{article}\\usepackage{amsmath,amssymb}\\begin{document}\n"
        + body
        + "\n\n$\\text{"
        + body
        + "}$\n\\end{document}\n"
    )
    log = _compile(tex)
    assert "600pk" not in log and "mktexpk" not in log
