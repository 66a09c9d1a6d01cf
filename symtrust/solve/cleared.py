"""Conditions with their denominators cleared before simplification.

A relation between fractions, ``n / d ~ 0``, is equivalent to ``s n ~ 0`` where
``s = sign(d)`` whenever the sign of ``d`` is fixed under the assumptions
(multiplying by ``|d| > 0`` keeps the relation). The solvers of this package
rewrite every relation this way before handing it to
:func:`symtrust.logic.simplify.simplify_condition`, so that what gets
simplified is polynomial; a denominator whose sign varies is left in place
(the relation then also requires it to be nonzero, as written).

Examples
--------
>>> from symtrust import positive
>>> c, w = positive("c w")
>>> clear_denominators((c - 1) / (w - c) > 0, [c > w])
c < 1
"""

from __future__ import annotations

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.logic.decide import as_conditions
from symtrust.logic.simplify import sign_under, simplify_condition

__all__ = ["clear_denominators", "simplify_cleared"]


def _clear(rel, conds, timeout):
    if not isinstance(rel, Relational):
        if isinstance(rel, (sympy.And, sympy.Or, sympy.Not)):
            return rel.func(*(_clear(a, conds, timeout) for a in rel.args))
        return rel
    diff = sympy.cancel(sympy.together(rel.lhs - rel.rhs))
    num, den = sympy.fraction(diff)
    if den == 1 or isinstance(rel, (sympy.Eq, sympy.Ne)):
        if den != 1 and sign_under(den, conds, timeout=timeout) in (1, -1):
            return Relational(num, 0, rel.rel_op)
        return rel
    sign = sign_under(den, conds, timeout=timeout)
    if sign not in (1, -1):
        return rel
    # n / d ~ 0  <=>  sign(d) * n ~ 0, multiplying by |d| > 0
    return Relational(sympy.expand(sign * num), 0, rel.rel_op)


def clear_denominators(cond, assumptions=(), *, timeout: float = 5.0):
    """Rewrite every relation in ``cond`` without sign-fixed denominators.

    Examples
    --------
    >>> from symtrust import probability
    >>> t = probability("t")
    >>> clear_denominators(t / (t - 2) < 0)
    t > 0
    """
    if cond in (S.true, S.false, True, False):
        return sympy.sympify(cond)
    out = _clear(cond, as_conditions(assumptions), timeout)
    if isinstance(out, Relational):
        # a readable side: symbols left, numbers right where possible
        return sympy.simplify(out) if out.lhs.is_number or out.rhs.is_number else out
    return out


def simplify_cleared(cond, assumptions=(), *, timeout: float = 5.0):
    """:func:`simplify_condition` after :func:`clear_denominators`.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> simplify_cleared((c - w) / (w - c - 1) < 0, [c > w])
    True
    """
    conds = as_conditions(assumptions)
    return simplify_condition(
        clear_denominators(cond, conds, timeout=timeout), conds, timeout=timeout
    )
