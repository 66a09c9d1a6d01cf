"""Conditions with denominators cleared by their proved sign, then simplified.

``a / d ~ 0`` with ``d`` of known sign is equivalent to ``a ~ 0`` (d > 0) or
``-a ~ 0`` (d < 0). Clearing every relation's denominator this way before
:func:`symtrust.logic.simplify.simplify_condition` keeps the reported forms
polynomial and readable; a denominator of unknown sign is left in place.

Examples
--------
>>> from symtrust import interval, positive
>>> t = interval("t", 0, 1, right_open=True)
>>> c, w = positive("c w")
>>> mu = (c - w) / (1 - t + c - w)
>>> tidy_condition(1 >= mu, [c > w])
True
"""

from __future__ import annotations

import sympy
from sympy.core.relational import Relational

from symtrust.logic.decide import as_conditions
from symtrust.logic.simplify import sign_under, simplify_condition

__all__ = ["clear_denominators", "tidy_condition"]


def clear_denominators(cond, assumptions=()):
    """Rewrite each relation ``lhs ~ rhs`` as ``numerator ~ 0`` when it is safe.

    Examples
    --------
    >>> from symtrust import interval, positive
    >>> a, m = positive("a"), interval("m", 0, 1, right_open=True)
    >>> clear_denominators(a / (m - 1) <= 1)
    -a + m - 1 <= 0
    """
    conds = as_conditions(assumptions)
    if isinstance(cond, Relational):
        diff = sympy.cancel(sympy.together(cond.lhs - cond.rhs))
        num, den = sympy.fraction(diff)
        sign = 1 if den == 1 else sign_under(den, conds)
        if sign in (None, 0):
            return cond
        num = sympy.expand(num if sign > 0 else -num)
        return Relational(num, 0, cond.rel_op)
    if isinstance(cond, (sympy.And, sympy.Or, sympy.Not)):
        return cond.func(*(clear_denominators(a, conds) for a in cond.args))
    return cond


def tidy_condition(cond, assumptions=()):
    """Clear denominators by sign, then simplify under the assumptions.

    Examples
    --------
    >>> from symtrust import probability
    >>> p = probability("p")
    >>> tidy_condition(p / (1 + p) < sympy.Rational(1, 3), [])
    p < 1/2
    """
    conds = as_conditions(assumptions)
    return simplify_condition(clear_denominators(cond, conds), conds)
