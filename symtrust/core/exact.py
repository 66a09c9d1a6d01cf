"""Exact evaluation at a point: conditions and expressions at rational values.

Numeric twins, the prover and the samplers all evaluate symbolic objects at
exact rational parameter points. This module is the one place that does it:
a condition evaluates to True, False or None (undefined there: a zero
denominator, the square root of a negative number).

Examples
--------
>>> import sympy
>>> x = sympy.Symbol("x")
>>> substitute_condition(x > 1, {x: 2})
True
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy
from sympy import S

__all__ = ["defined_at", "substitute_condition"]


def substitute_condition(cond: sympy.Basic, point: Mapping) -> bool | None:
    """Evaluate a condition exactly at a point; None if it is undefined there.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> substitute_condition(1 / x > 0, {x: 0}) is None
    True
    >>> substitute_condition(x**2 >= 2, {x: sympy.Rational(3, 2)})
    True

    And, Or and Not are evaluated part by part (Kleene's three-valued logic),
    so that a false guard settles a conjunction whose other part is undefined:

    >>> substitute_condition(sympy.And(sympy.Ne(x, 0), 1 / x > 0), {x: 0})
    False
    """
    if isinstance(cond, (sympy.And, sympy.Or, sympy.Not)):
        return _connective(cond, point)
    try:
        value = cond.xreplace(dict(point)) if point else cond
        value = value.doit() if isinstance(value, sympy.Basic) else value
    except (ZeroDivisionError, TypeError):
        return None
    if value is S.true or value is True:
        return True
    if value is S.false or value is False:
        return False
    if isinstance(value, sympy.Basic) and value.has(S.NaN, S.ComplexInfinity):
        return None
    # a relation SymPy could not fold (e.g. with algebraic numbers): settle it
    try:
        simplified = sympy.simplify(value)
    except Exception:  # pragma: no cover - SymPy internals
        return None
    if simplified is S.true:
        return True
    if simplified is S.false:
        return False
    return None


def _connective(cond, point) -> bool | None:
    parts = [substitute_condition(a, point) for a in cond.args]
    if isinstance(cond, sympy.Not):
        return None if parts[0] is None else not parts[0]
    settle = isinstance(cond, sympy.Or)  # True settles Or, False settles And
    if settle in parts:
        return settle
    return None if None in parts else not settle


def defined_at(cond, point) -> bool:
    """Whether every subexpression of ``cond`` is finite and real at ``point``.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> defined_at(1 / x > 0, {x: 0}), defined_at(1 / x > 0, {x: 2})
    (False, True)
    """
    subs = dict(point)
    for sub in sympy.preorder_traversal(cond):
        if isinstance(sub, sympy.Expr) and not isinstance(sub, sympy.Symbol):
            try:
                val = sub.xreplace(subs)
            except (ZeroDivisionError, TypeError):
                return False
            if val.is_number and (
                val.has(S.ComplexInfinity, S.NaN, S.Infinity, S.NegativeInfinity)
                or val.is_real is False
            ):
                return False
    return True
