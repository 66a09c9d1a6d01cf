"""LaTeX layout of symtrust values, called through SymPy's ``_latex``.

Examples
--------
>>> import sympy
>>> from symtrust.core.result import Result
>>> x = sympy.Symbol("x")
>>> print(sympy.latex(Result(kind="threshold", value=x / 2, condition=x > 0)))
\\begin{array}{l}\\text{threshold: } \\frac{x}{2}\\\\ \\text{holds when: } x > 0\\end{array}
"""

from __future__ import annotations

import unicodedata

from sympy import S
from sympy.printing.latex import translate

__all__ = [
    "result_latex",
    "rows_latex",
    "solution_latex",
    "step_latex",
    "text_escape",
]

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    # OT1 text fonts lack these; pdflatex would substitute bitmap fonts
    "<": r"$<$",
    ">": r"$>$",
    "|": r"$|$",
}


# characters pdflatex's default fonts lack, as LaTeX (text mode)
_UNICODE = {
    "\u2018": "`",
    "\u2019": "'",
    "\u201c": "``",
    "\u201d": "''",
    "\u2013": "--",
    "\u2014": "---",
    "\u2026": r"\ldots{}",
    "\u00a0": " ",
    "\u2264": r"$\leq$",
    "\u2265": r"$\geq$",
    "\u2260": r"$\neq$",
    "\u00d7": r"$\times$",
    "\u00b7": r"$\cdot$",
    "\u2212": "-",
    "\u2044": "/",
    "\u2192": r"$\to$",
    "\u21d2": r"$\Rightarrow$",
    "\u2208": r"$\in$",
    "\u221e": r"$\infty$",
    "\u00b1": r"$\pm$",
    "\u00e9": r"\'e",
    "\u00e8": r"\`e",
    "\u00fc": r"\"u",
    "\u00f6": r"\"o",
    "\u00e4": r"\"a",
}


def text_escape(s: str) -> str:
    """Escape text for LaTeX text mode (pdflatex-safe, also for Unicode).

    Greek letters become math; other characters outside ASCII that the
    default fonts lack are replaced by their closest ASCII form, else ``?``.

    Examples
    --------
    >>> text_escape("R_1 & 50%")
    'R\\\\_1 \\\\& 50\\\\%'
    >>> text_escape("trust \u2265 \u03c0")
    'trust $\\\\geq$ $\\\\pi$'
    """
    return "".join(_escape_char(ch) for ch in s)


def _escape_char(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isascii():
        return ch
    if ch in _UNICODE:
        return _UNICODE[ch]
    name = unicodedata.name(ch, "")
    if name.startswith(("GREEK SMALL LETTER ", "GREEK CAPITAL LETTER ")):
        letter = name.rsplit(" ", 1)[-1].lower()
        if name.startswith("GREEK CAPITAL"):
            letter = letter.capitalize()
        return rf"${translate(letter)}$"
    plain = unicodedata.normalize("NFKD", ch).replace("\u2044", "/")
    plain = plain.encode("ascii", "ignore").decode()
    return "".join(_ESCAPES.get(c, c) for c in plain) or "?"


def step_latex(obj, printer) -> str:
    """LaTeX of a derivation step (math mode).

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Step
    >>> sympy.latex(Step("t", sympy.Rational(1, 2), "solve"))
    '\\\\text{t: } \\\\frac{1}{2} \\\\quad \\\\text{(solve)}'
    """
    p = printer._print
    just = (
        rf" \quad \text{{({text_escape(obj.justification)})}}"
        if obj.justification
        else ""
    )
    if obj.expr is None:
        return rf"\text{{{text_escape(obj.label)}}}{just}"
    return rf"\text{{{text_escape(obj.label)}: }} {p(obj.expr)}{just}"


def solution_latex(obj, printer) -> str:
    """LaTeX of a solution: an array of its results and notes.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import pure_nash
    >>> from symtrust.catalog import prisoners_dilemma
    >>> sympy.latex(pure_nash(prisoners_dilemma()))[:13]
    '\\\\begin{array}'
    """
    p = printer._print
    rows = [rf"\text{{{text_escape(obj.method)}: {len(obj.results)} result(s)}}"]
    rows.extend(p(r) for r in obj.results)
    rows.extend(rf"\text{{note: {text_escape(n)}}}" for n in obj.notes)
    return r"\begin{array}{l}" + r"\\ ".join(rows) + r"\end{array}"


def result_latex(obj, printer) -> str:
    """LaTeX of a result: its display rows, then where it holds.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Result
    >>> sympy.latex(Result(kind="v", value=sympy.Integer(2)))
    '\\\\begin{array}{l}\\\\text{v: } 2\\\\end{array}'
    """
    p = printer._print
    rows = [
        rf"\text{{{text_escape(label)}: }} {_latex(p, value)}"
        for label, value in obj.display_rows()
    ]
    if obj.condition is not S.true:
        rows.append(rf"\text{{holds when: }} {p(obj.condition)}")
    return r"\begin{array}{l}" + r"\\ ".join(rows) + r"\end{array}"


def rows_latex(obj, printer) -> str:
    """LaTeX of any value with ``display_rows``, else its escaped ``repr``.

    Examples
    --------
    >>> import sympy
    >>> rows_latex(object(), None)[:5]
    '\\\\text'
    """
    rows = getattr(obj, "display_rows", None)
    if rows is None:
        return rf"\text{{{text_escape(repr(obj))}}}"
    p = printer._print
    body = [rf"\text{{{text_escape(lbl)}: }} {_latex(p, v)}" for lbl, v in rows()]
    return r"\begin{array}{l}" + r"\\ ".join(body) + r"\end{array}"


def _latex(p, value) -> str:
    if isinstance(value, str):
        return rf"\text{{{text_escape(value)}}}"
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return (
            r"\left("
            + ", ".join(rf"\text{{{text_escape(v)}}}" for v in value)
            + r"\right)"
        )
    return p(value)
