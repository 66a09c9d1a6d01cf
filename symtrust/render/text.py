"""Plain-text layout of symtrust values, called through SymPy's ``_sympystr``.

Examples
--------
>>> import sympy
>>> from symtrust.solve.result import Result
>>> x = sympy.Symbol("x")
>>> print(Result(kind="threshold", value=x / 2, condition=x > 0))
threshold: x/2
  holds when: x > 0
"""

from __future__ import annotations

from sympy import S

__all__ = ["text_of"]


def text_of(obj, printer) -> str:
    """Lay out a symtrust value as text, printing children with ``printer``.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.solve.result import Step
    >>> sympy.sstr(Step("EU(C)", sympy.Integer(4), "payoff"))
    'EU(C): 4    [payoff]'
    """
    from symtrust.solve.result import Result, Solution, Step

    p = printer._print
    if isinstance(obj, Step):
        just = f"    [{obj.justification}]" if obj.justification else ""
        if obj.expr is None:
            return f"{obj.label}{just}"
        return f"{obj.label}: {p(obj.expr)}{just}"
    if isinstance(obj, Solution):
        head = f"{obj.method}: {len(obj.results)} result(s)"
        lines = [head]
        for r in obj.results:
            lines.extend("  " + line for line in p(r).splitlines())
        lines.extend(f"  note: {n}" for n in obj.notes)
        return "\n".join(lines)
    if isinstance(obj, Result):
        from symtrust.render.statics import is_statics, statics_text

        if is_statics(obj):
            return statics_text(obj, printer)
        rows = obj.display_rows()
        lines = [f"{label}: {_text(p, value)}" for label, value in rows]
        if obj.condition is not S.true:
            lines.append(f"  holds when: {p(obj.condition)}")
        return "\n".join(lines)
    rows = getattr(obj, "display_rows", None)
    if rows is not None:
        return "\n".join(f"{label}: {_text(p, v)}" for label, v in rows())
    return repr(obj)


def _text(p, value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return "(" + ", ".join(value) + ")"
    return p(value)
