"""LaTeX layout of symtrust values, called through SymPy's ``_latex``.

Examples
--------
>>> import sympy
>>> from symtrust.solve.result import Result
>>> x = sympy.Symbol("x")
>>> print(sympy.latex(Result(kind="threshold", value=x / 2, condition=x > 0)))
\\begin{array}{l}\\text{threshold: } \\frac{x}{2}\\\\ \\text{holds when: } x > 0\\end{array}
"""

from __future__ import annotations

from sympy import S

__all__ = ["latex_of", "text_escape"]

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
}


def text_escape(s: str) -> str:
    """Escape text for LaTeX text mode.

    Examples
    --------
    >>> text_escape("R_1 & 50%")
    'R\\\\_1 \\\\& 50\\\\%'
    """
    return "".join(_ESCAPES.get(ch, ch) for ch in s)


def latex_of(obj, printer) -> str:
    """Lay out a symtrust value as a LaTeX math-mode fragment.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.solve.result import Step
    >>> sympy.latex(Step("t", sympy.Rational(1, 2), "solve"))
    '\\\\text{t: } \\\\frac{1}{2} \\\\quad \\\\text{(solve)}'
    """
    from symtrust.solve.result import Result, Solution, Step

    p = printer._print
    if isinstance(obj, Step):
        just = (
            rf" \quad \text{{({text_escape(obj.justification)})}}"
            if obj.justification
            else ""
        )
        return rf"\text{{{text_escape(obj.label)}: }} {p(obj.expr)}{just}"
    if isinstance(obj, Solution):
        rows = [rf"\text{{{text_escape(obj.method)}: {len(obj.results)} result(s)}}"]
        rows.extend(p(r) for r in obj.results)
        rows.extend(rf"\text{{note: {text_escape(n)}}}" for n in obj.notes)
        return r"\begin{array}{l}" + r"\\ ".join(rows) + r"\end{array}"
    if isinstance(obj, Result):
        rows = [
            rf"\text{{{text_escape(label)}: }} {_latex(p, value)}"
            for label, value in obj.display_rows()
        ]
        if obj.condition is not S.true:
            rows.append(rf"\text{{holds when: }} {p(obj.condition)}")
        return r"\begin{array}{l}" + r"\\ ".join(rows) + r"\end{array}"
    rows = getattr(obj, "display_rows", None)
    if rows is not None:
        body = [rf"\text{{{text_escape(lbl)}: }} {_latex(p, v)}" for lbl, v in rows()]
        return r"\begin{array}{l}" + r"\\ ".join(body) + r"\end{array}"
    return rf"\text{{{text_escape(repr(obj))}}}"


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
