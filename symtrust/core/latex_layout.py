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

from symtrust.core.text_layout import INCOMPLETE

__all__ = [
    "describe_char",
    "escape_char",
    "greek_latex",
    "result_latex",
    "rows_latex",
    "solution_latex",
    "step_latex",
    "text_escape",
    "unsettable",
]

_ESCAPES = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    # OT1 text fonts lack the dollar; pdflatex would take a bitmap font
    "$": r"$\$$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    # braced, a bracket cannot end an optional argument (\item[...])
    "[": "{[}",
    "]": "{]}",
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
}


# combining accents and the text-mode commands that put them on a letter
_COMBINING = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0304": "=",
    "\u0306": "u",
    "\u0307": ".",
    "\u0308": '"',
    "\u030a": "r",
    "\u030b": "H",
    "\u030c": "v",
    "\u0327": "c",
}
# letters without a decomposition that the default fonts have
_LETTERS = {
    "\u00df": r"\ss{}",
    "\u00e6": r"\ae{}",
    "\u00c6": r"\AE{}",
    "\u00f8": r"\o{}",
    "\u00d8": r"\O{}",
    "\u0153": r"\oe{}",
    "\u0152": r"\OE{}",
    "\u0142": r"\l{}",
    "\u0141": r"\L{}",
    "\u0131": r"\i{}",
    "\u00a1": "!`",
    "\u00bf": "?`",
}
# Greek symbol variants, by Unicode name
_GREEK_SYMBOLS = {
    "GREEK THETA SYMBOL": r"\vartheta",
    "GREEK PHI SYMBOL": r"\phi",
    "GREEK PI SYMBOL": r"\varpi",
    "GREEK RHO SYMBOL": r"\varrho",
    "GREEK KAPPA SYMBOL": r"\varkappa",
    "GREEK LUNATE EPSILON SYMBOL": r"\epsilon",
    "MICRO SIGN": r"\mu",
}


def greek_latex(ch: str) -> str | None:
    """The math-mode command of a Greek letter (``"\u03b1"`` -> ``\\alpha``).

    Returns None for any other character, and for Greek letters with accents
    (they have no standard mathematical command).

    Examples
    --------
    >>> greek_latex("\u03b1"), greek_latex("\u03a9"), greek_latex("a")
    ('\\\\alpha', '\\\\Omega', None)
    """
    if ch.isascii():
        return None
    name = unicodedata.name(ch, "")
    if name in _GREEK_SYMBOLS:
        return _GREEK_SYMBOLS[name]
    for prefix, case in (
        ("GREEK SMALL LETTER ", str.lower),
        ("GREEK CAPITAL LETTER ", str.capitalize),
    ):
        rest = name[len(prefix) :] if name.startswith(prefix) else ""
        if rest and " " not in rest:
            out = translate(case(rest))
            # omicron is the Latin o in mathematics
            return out if out.startswith("\\") or out in ("o", "O") else None
        if rest == "FINAL SIGMA":
            return r"\varsigma"
    return None


def _accented(ch: str) -> str | None:
    """An accented Latin letter as text-mode LaTeX (``\\'{e}``), else None."""
    base, *marks = unicodedata.normalize("NFD", ch)
    if not (base.isascii() and base.isalpha()) or not marks:
        return None
    if any(m not in _COMBINING for m in marks):
        return None
    out = base
    for m in marks:
        out = f"\\{_COMBINING[m]}{{{out}}}"
    return out


def escape_char(ch: str) -> str | None:
    """One character as pdflatex-safe text-mode LaTeX; None if it cannot be set.

    Examples
    --------
    >>> escape_char("%"), escape_char("\u00e9"), escape_char("\u5909") is None
    ('\\\\%', "\\\\'{e}", True)
    """
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch in "\t\n\r":
        # a newline inside \text{...} would end the paragraph
        return " "
    if ch.isascii():
        return ch if ch.isprintable() else None
    if ch in _UNICODE:
        return _UNICODE[ch]
    if ch in _LETTERS:
        return _LETTERS[ch]
    greek = greek_latex(ch)
    if greek is not None:
        return f"${greek}$"
    accented = _accented(ch)
    if accented is not None:
        return accented
    # compatibility forms with an ASCII equivalent (1/2 for the one-half sign)
    plain = unicodedata.normalize("NFKD", ch).replace("\u2044", "/")
    if plain and plain.isascii() and plain.isprintable():
        return "".join(_ESCAPES.get(c, c) for c in plain)
    return None


def unsettable(text: str) -> list[str]:
    """The characters of a text that pdflatex cannot typeset (in order, once).

    Settable are printable ASCII, Greek letters, Latin letters with the usual
    accents, and the punctuation and symbols of the default fonts. Chinese,
    Japanese, Cyrillic, emoji and control characters are not.

    Examples
    --------
    >>> unsettable("caf\u00e9 \u03c0"), unsettable("\u4fe1\u983c a\u4fe1")
    ([], ['\u4fe1', '\u983c'])
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if escape_char(ch) is None and ch not in out:
            out.append(ch)
    return out


def describe_char(ch: str) -> str:
    """A character with its code point and Unicode name, for messages.

    Examples
    --------
    >>> describe_char("\u4fe1")
    "'\u4fe1' (U+4FE1 CJK UNIFIED IDEOGRAPH-4FE1)"
    """
    return f"{ch!r} (U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')})"


def text_escape(s: str) -> str:
    """Escape text for LaTeX text mode (pdflatex-safe, also for Unicode).

    Greek letters become math, accented letters accent commands. A character
    pdflatex cannot set (constructors refuse those in names) is written as its
    code point, ``[U+4FE1]`` (brackets braced), never silently dropped.

    Examples
    --------
    >>> text_escape("R_1 & 50%")
    'R\\\\_1 \\\\& 50\\\\%'
    >>> text_escape("trust \u2265 \u03c0")
    'trust $\\\\geq$ $\\\\pi$'
    >>> text_escape("\u4fe1")
    '{[}U+4FE1{]}'
    """
    out = []
    for ch in unicodedata.normalize("NFC", s):
        esc = escape_char(ch)
        out.append(esc if esc is not None else f"{{[}}U+{ord(ch):04X}{{]}}")
    return "".join(out)


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
    head = f"{obj.method}: {len(obj.results)} result(s)"
    if not getattr(obj, "complete", True):
        head += INCOMPLETE
    rows = [rf"\text{{{text_escape(head)}}}"]
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
