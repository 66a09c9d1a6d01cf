"""symtrust's LaTeX printer: SymPy's, with parameter names typeset properly.

Parameter names follow a convention: underscores separate a base from its
subscripts and modifiers. SymPy typesets ``c_i`` as :math:`c_{i}` but leaves
``t_hat`` as :math:`t_{hat}`; symtrust's printer reads

* a Greek base or subscript as the letter (``pi_h`` -> ``\\pi_{h}``,
  ``k_theta`` -> ``k_{\\theta}``);
* ``hat``, ``bar``, ``tilde``, ``check``, ``dot``, ``ddot``, ``vec`` as accents
  on the base (``t_hat`` -> ``\\hat{t}``, ``q_hat_i`` -> ``\\hat{q}_{i}``);
* ``star`` and ``prime`` as superscripts (``x_star`` -> ``x^{*}``);
* several subscripts as a list (``c_i_j`` -> ``c_{i,j}``); a trailing
  underscore is dropped (``S_`` -> ``S``, a name used to avoid SymPy's ``S``);
* Unicode Greek letters as the letter (``"α_1"`` -> ``\\alpha_{1}``).

A name outside this convention (a SymPy symbol made directly, such as
``Symbol("a%b")`` or ``Symbol("x}")``) is set upright as escaped text,
``\\text{a\\%b}``, so that no name can break a document. symtrust's
parameter factories only accept conventional names; constructors refuse names
with characters pdflatex cannot set (:mod:`symtrust.core.names`).

Everything else is SymPy's :class:`~sympy.printing.latex.LatexPrinter`, so
symtrust values print through their ``_latex`` methods with these names.

Examples
--------
>>> import sympy
>>> t_hat, pi_h = sympy.symbols("t_hat pi_h")
>>> math(t_hat + pi_h)
'\\\\pi_{h} + \\\\hat{t}'
"""

from __future__ import annotations

import re

from sympy.printing.latex import LatexPrinter, translate

from symtrust.core.latex_layout import greek_latex, text_escape

__all__ = ["SymtrustLatexPrinter", "math", "symbol_latex"]

_ACCENTS = {
    "hat": r"\hat",
    "bar": r"\bar",
    "tilde": r"\tilde",
    "check": r"\check",
    "dot": r"\dot",
    "ddot": r"\ddot",
    "vec": r"\vec",
    "breve": r"\breve",
}
_SUPERSCRIPTS = {"star": "*", "prime": r"\prime"}
_TRAILING_DIGITS = re.compile(r"^([A-Za-z]+?)(\d+)$")
# letters, digits, underscores and Greek letters, with an optional superscript
_GREEK = "\u0370-\u03ff\u00b5"
_CONVENTIONAL = re.compile(rf"[A-Za-z0-9_{_GREEK}]+(\^\{{?[A-Za-z0-9*'{_GREEK}]*\}}?)?")


def _part(text: str) -> str:
    """One name part: a Greek letter or a word (upright if several letters)."""
    if not text.isascii():
        # Unicode Greek: each letter as its command (braced inside a word)
        if len(text) == 1 and greek_latex(text):
            return greek_latex(text)
        return "".join(
            "{" + greek_latex(ch) + "}" if greek_latex(ch) else ch for ch in text
        )
    out = translate(text)
    if out != text or len(text) <= 1 or text.isdigit():
        return out
    # multi-letter Latin words: SymPy's own convention (e.g. EU) keeps them
    return text


def _conventional(name: str) -> bool:
    return bool(_CONVENTIONAL.fullmatch(name)) and all(
        ch.isascii() or greek_latex(ch) for ch in name
    )


def symbol_latex(name: str) -> str:
    """Typeset a parameter name (see the module docstring for the rules).

    Parameters
    ----------
    name : str
        The symbol's name.

    Returns
    -------
    str
        LaTeX for math mode.

    Examples
    --------
    >>> [symbol_latex(n) for n in ("c_i", "pi_h", "t_hat", "q_hat_i", "S_")]
    ['c_{i}', '\\\\pi_{h}', '\\\\hat{t}', '\\\\hat{q}_{i}', 'S']
    >>> [symbol_latex(n) for n in ("x_star", "c_i_j", "mu_1", "k_theta", "x2")]
    ['x^{*}', 'c_{i,j}', '\\\\mu_{1}', 'k_{\\\\theta}', 'x_{2}']
    >>> symbol_latex("t_1^*")
    't_{1}^{*}'
    >>> symbol_latex("\u03b1_1"), symbol_latex("a%b"), symbol_latex("x}")
    ('\\\\alpha_{1}', '\\\\text{a\\\\%b}', '\\\\text{x\\\\}}')
    """
    if not _conventional(name):
        # any other name: upright escaped text, safe in every document
        return r"\text{" + text_escape(name) + "}"
    if "^" in name:
        # an explicit superscript: t_1^* -> t_{1}^{*}
        name, sup = name.split("^", 1)
        sup = sup.strip("{}")
        return symbol_latex(name) + "^{" + (_part(sup) if sup else "") + "}"
    parts = name.split("_")
    base, rest = parts[0], [p for p in parts[1:] if p]
    if not base:
        # "_x" has nothing to hang a subscript on: set it as text
        return r"\text{" + text_escape(name) + "}"
    subs, sups = [], []
    match = _TRAILING_DIGITS.match(base)
    if match and not rest:
        base, digits = match.groups()
        subs.append(digits)
    out = _part(base)
    for part in rest:
        if part in _ACCENTS:
            out = f"{_ACCENTS[part]}{{{out}}}"
        elif part in _SUPERSCRIPTS:
            sups.append(_SUPERSCRIPTS[part])
        else:
            subs.append(_part(part))
    if subs:
        out += "_{" + ",".join(subs) + "}"
    if sups:
        out += "^{" + "".join(sups) + "}"
    return out


class SymtrustLatexPrinter(LatexPrinter):
    """SymPy's LaTeX printer with symtrust's parameter names.

    An explicit ``symbol_names`` setting still takes precedence.

    Examples
    --------
    >>> import sympy
    >>> SymtrustLatexPrinter().doprint(sympy.Symbol("t_hat") ** 2)
    '\\\\hat{t}^{2}'
    """

    def _print_Symbol(self, expr, style="plain"):
        names = self._settings.get("symbol_names") or {}
        if expr in names:
            return names[expr]
        return symbol_latex(expr.name)

    def _print_str(self, expr):
        return r"\text{" + text_escape(expr) + "}"


def math(obj, **settings) -> str:
    """Print an object (expression, Boolean or symtrust value) as LaTeX math.

    Parameters
    ----------
    obj : object
        Anything SymPy can print, or a symtrust value (printed through its
        ``_latex`` method).
    **settings
        Settings of :class:`sympy.printing.latex.LatexPrinter`.

    Examples
    --------
    >>> import sympy
    >>> c_i, w = sympy.symbols("c_i w", positive=True)
    >>> math((c_i - w) / (1 + c_i - w))
    '\\\\frac{c_{i} - w}{c_{i} - w + 1}'
    """
    return SymtrustLatexPrinter(settings).doprint(obj)
