"""Internals shared by the continuous-signal solvers: levels and branches.

1. :func:`solve_level`: the unique nonnegative signal at which an expression
   reaches a level (an incentive constraint at equality), by ``sympy.solve``,
   kept only when exactly one root is provably nonnegative under the
   assumptions;
2. :func:`branches`: an expression that may be a ``Piecewise`` (a receiver
   who cooperates iff trust reaches a threshold) split into its cases, each
   condition simplified under the assumptions and the impossible cases
   dropped.

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative, positive
>>> s, k = nonnegative("s"), positive("k")
>>> solve_level(k * s**2, 4, s, [], what="the signal")
2/sqrt(k)
>>> mu = positive("mu")
>>> branches(sympy.Piecewise((1, mu <= 1), (0, True)), [mu < 1])
[(1, True)]
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.errors import UnsupportedError
from symtrust.logic.conditions import simplify_cleared
from symtrust.logic.decide import decide

__all__ = ["branches", "solve_level"]


def solve_level(expr, level, signal, assumptions, *, what: str) -> sympy.Expr:
    """The unique nonnegative signal with ``expr = level``.

    Raises
    ------
    UnsupportedError
        No provably nonnegative root, or several that cannot be told apart.

    Examples
    --------
    >>> from symtrust import nonnegative
    >>> s = nonnegative("s")
    >>> solve_level(3 * s, 1, s, [], what="the signal")
    1/3
    """
    roots = sympy.solve(sympy.Eq(expr, level), signal)
    kept = [
        r for r in roots if r.is_real is not False and decide(r >= 0, assumptions).truth
    ]
    if len(kept) != 1:
        raise UnsupportedError(
            f"cannot isolate {what} solving {expr} = {level}: sympy found roots "
            f"{roots}, {len(kept)} provably nonnegative"
        )
    return sympy.simplify(kept[0])


def branches(expr, assumptions) -> list:
    """The cases ``(value, condition)`` of a possibly piecewise expression.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive
    >>> p, mu = positive("p mu")
    >>> branches(sympy.Piecewise((1, p >= mu), (0, True)), [])
    [(1, mu <= p), (0, mu > p)]
    """
    if not isinstance(expr, sympy.Piecewise):
        return [(expr, S.true)]
    out, earlier = [], S.false
    for value, cond in expr.args:
        case = simplify_cleared(sympy.And(cond, sympy.Not(earlier)), assumptions)
        earlier = sympy.Or(earlier, cond)
        if case is S.false:
            continue
        out.append((value, case))
        if case is S.true:
            return [(value, S.true)]
    return out
