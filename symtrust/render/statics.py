"""Layout of comparative statics (:mod:`symtrust.logic.statics`) as text and LaTeX.

A comparative-statics result says how a quantity ``q`` moves with a parameter
``x``: the derivative ``dq/dx`` (or ``d^2q/dx^2``, or the elasticity) and its
sign under the assumptions. It reads best as a sentence:

    d/dc of c**2*w = 2*c*w
      increasing in c (the derivative is positive at every admissible point)

Where the sign depends on the parameters the two regions are listed. For a
second derivative the words are convex/concave/linear.

The layout is registered for :class:`~symtrust.logic.statics.ComparativeStatics`
when this module is imported (as :mod:`symtrust` does).

Examples
--------
>>> import sympy
>>> from symtrust import positive
>>> from symtrust.logic.statics import comparative_statics
>>> c, w = positive("c w")
>>> print(comparative_statics(c**2 * w, c))
d/dc of c**2*w = 2*c*w
  increasing in c (the derivative is positive at every admissible point)
>>> print(comparative_statics(c**2 - 2*c, c))
d/dc of c**2 - 2*c = 2*(c - 1)
  increasing in c where c > 1
  decreasing in c where c < 1
"""

from __future__ import annotations

from symtrust.core.latex_layout import text_escape
from symtrust.core.printing import register_layout
from symtrust.logic.statics import ComparativeStatics

__all__ = ["is_statics", "sentences", "statics_latex", "statics_text"]

_FIELDS = ("quantity", "wrt", "derivative", "sign", "order")

_WORDS = {
    1: {
        "increasing": ("increasing", "positive"),
        "decreasing": ("decreasing", "negative"),
        "constant": ("constant", "zero"),
    },
    2: {
        "increasing": ("convex", "positive"),
        "decreasing": ("concave", "negative"),
        "constant": ("linear", "zero"),
    },
}


def is_statics(obj) -> bool:
    """Whether ``obj`` is a comparative-statics result (by its fields).

    Examples
    --------
    >>> is_statics(object())
    False
    """
    return all(hasattr(obj, f) for f in _FIELDS)


def _is_elasticity(obj) -> bool:
    return str(getattr(obj, "kind", "")).startswith("elasticity")


def sentences(obj) -> list[tuple[str, object | None]]:
    """(text, formula or None) pairs describing the sign.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.logic.statics import comparative_statics
    >>> c, w = positive("c w")
    >>> sentences(comparative_statics(c * w, c))
    [('increasing in c (the derivative is positive at every admissible point)', None)]
    """
    what = (
        "elasticity"
        if _is_elasticity(obj)
        else ("derivative" if obj.order == 1 else "second derivative")
    )
    words = _WORDS.get(obj.order, _WORDS[1])
    if obj.sign in words:
        word, sign = words[obj.sign]
        if _is_elasticity(obj):
            word = {"increasing": "positive", "decreasing": "negative"}.get(
                obj.sign, "zero"
            )
            return [(f"elasticity {word} at every admissible point", None)]
        return [
            (
                f"{word} in {obj.wrt} (the {what} is {sign} at every admissible point)",
                None,
            )
        ]
    if obj.sign == "depends":
        up, down = (
            ("increasing", "decreasing") if obj.order == 1 else ("convex", "concave")
        )
        return [
            (f"{up} in {obj.wrt} where", obj.condition),
            (f"{down} in {obj.wrt} where", obj.negative_when),
        ]
    return [(f"sign undecided: the {what}'s sign could not be settled", None)]


def statics_text(obj, printer) -> str:
    """Text layout of a comparative-statics result.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive
    >>> from symtrust.logic.statics import comparative_statics
    >>> c = positive("c")
    >>> print(statics_text(comparative_statics(c**2, c), sympy.printing.str.StrPrinter()))
    d/dc of c**2 = 2*c
      increasing in c (the derivative is positive at every admissible point)
    """
    p = printer._print
    if _is_elasticity(obj):
        head = f"elasticity of {p(obj.quantity)} in {p(obj.wrt)} = {p(obj.derivative)}"
    else:
        d = f"d/d{p(obj.wrt)}" if obj.order == 1 else f"d^2/d{p(obj.wrt)}^2"
        head = f"{d} of {p(obj.quantity)} = {p(obj.derivative)}"
    lines = [head]
    for text, formula in sentences(obj):
        lines.append(f"  {text}" + ("" if formula is None else f" {p(formula)}"))
    return "\n".join(lines)


def statics_latex(obj, printer) -> str:
    """LaTeX layout of a comparative-statics result, math mode.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive
    >>> from symtrust.logic.statics import comparative_statics
    >>> c = positive("c")
    >>> from sympy.printing.latex import LatexPrinter
    >>> print(statics_latex(comparative_statics(c**2, c), LatexPrinter())[:43])
    \\begin{array}{l}\\frac{\\partial}{\\partial c}
    """
    p = printer._print
    x = p(obj.wrt)
    if _is_elasticity(obj):
        head = (
            rf"\frac{{\partial {_paren(p, obj.quantity)}}}{{\partial {x}}}"
            rf" \frac{{{x}}}{{{_paren(p, obj.quantity)}}} = {p(obj.derivative)}"
        )
    elif obj.order == 1:
        head = rf"\frac{{\partial}}{{\partial {x}}} {_paren(p, obj.quantity)} = {p(obj.derivative)}"
    else:
        head = (
            rf"\frac{{\partial^{{2}}}}{{\partial {x}^{{2}}}} {_paren(p, obj.quantity)}"
            rf" = {p(obj.derivative)}"
        )
    rows = [head]
    for text, formula in sentences(obj):
        row = rf"\text{{{text_escape(text)}}}"
        if formula is not None:
            row += rf"\ {p(formula)}"
        rows.append(row)
    return r"\begin{array}{l}" + r"\\ ".join(rows) + r"\end{array}"


def _paren(p, expr) -> str:
    return rf"\left({p(expr)}\right)"


register_layout(ComparativeStatics, text=statics_text, latex=statics_latex)
