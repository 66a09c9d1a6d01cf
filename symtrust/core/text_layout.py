"""Plain-text layout of symtrust values, called through SymPy's ``_sympystr``.

One function per kind of value (a step, a result, a solution, anything with
``display_rows``); :mod:`symtrust.core.result` registers them for its classes
with :func:`symtrust.core.printing.register_layout`.

Examples
--------
>>> import sympy
>>> from symtrust.core.result import Result
>>> x = sympy.Symbol("x")
>>> print(Result(kind="threshold", value=x / 2, condition=x > 0))
threshold: x/2
  holds when: x > 0
"""

from __future__ import annotations

from sympy import S

__all__ = ["INCOMPLETE", "result_text", "rows_text", "solution_text", "step_text"]

#: Appended to the head line of a Solution whose solver stopped early.
INCOMPLETE = (
    " -- INCOMPLETE: the time budget ran out; the results found so far are "
    "shown, others may be missing"
)


def step_text(obj, printer) -> str:
    """Text of a derivation step: label, expression and justification.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Step
    >>> sympy.sstr(Step("EU(C)", sympy.Integer(4), "payoff"))
    'EU(C): 4    [payoff]'
    """
    p = printer._print
    just = f"    [{obj.justification}]" if obj.justification else ""
    if obj.expr is None:
        return f"{obj.label}{just}"
    return f"{obj.label}: {p(obj.expr)}{just}"


def solution_text(obj, printer) -> str:
    """Text of a solution: a head line, each result indented, then the notes.

    Examples
    --------
    >>> from symtrust import pure_nash
    >>> from symtrust.catalog import prisoners_dilemma
    >>> print(pure_nash(prisoners_dilemma()))
    pure_nash: 1 result(s)
      pure Nash equilibrium: (D, D)
      payoffs: (P, P)
    """
    p = printer._print
    lines = [f"{obj.method}: {len(obj.results)} result(s)"]
    if not getattr(obj, "complete", True):
        lines[0] += INCOMPLETE
    for r in obj.results:
        lines.extend("  " + line for line in p(r).splitlines())
    lines.extend(f"  note: {n}" for n in obj.notes)
    return "\n".join(lines)


def result_text(obj, printer) -> str:
    """Text of a result: its display rows, then where it holds.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Result
    >>> print(Result(kind="value", value=sympy.Integer(2)))
    value: 2
    """
    p = printer._print
    lines = [f"{label}: {_text(p, value)}" for label, value in obj.display_rows()]
    if obj.condition is not S.true:
        lines.append(f"  holds when: {p(obj.condition)}")
    return "\n".join(lines)


def rows_text(obj, printer) -> str:
    """Text of any value with ``display_rows``, else its ``repr``.

    Examples
    --------
    >>> import sympy
    >>> class Pair:
    ...     def display_rows(self):
    ...         return (("a", sympy.Integer(1)),)
    >>> rows_text(Pair(), sympy.printing.str.StrPrinter())
    'a: 1'
    """
    rows = getattr(obj, "display_rows", None)
    if rows is None:
        return repr(obj)
    return "\n".join(f"{label}: {_text(printer._print, v)}" for label, v in rows())


def _text(p, value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return "(" + ", ".join(value) + ")"
    return p(value)
