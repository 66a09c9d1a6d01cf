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
1 - c > 0
"""

from __future__ import annotations

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.logic.budget import Budget
from symtrust.logic.decide import as_conditions
from symtrust.logic.simplify import sign_under, simplify_condition

__all__ = ["clear_denominators", "isolate", "simplify_cleared"]


def _clear(rel, conds, budget):
    if not isinstance(rel, Relational):
        if isinstance(rel, (sympy.And, sympy.Or, sympy.Not)):
            return rel.func(*(_clear(a, conds, budget) for a in rel.args))
        return rel
    diff = sympy.cancel(sympy.together(rel.lhs - rel.rhs))
    num, den = sympy.fraction(diff)
    if den == 1 or isinstance(rel, (sympy.Eq, sympy.Ne)):
        if den != 1 and sign_under(den, conds, budget=budget) in (1, -1):
            return Relational(num, 0, rel.rel_op)
        return rel
    sign = sign_under(den, conds, budget=budget)
    if sign not in (1, -1):
        return rel
    # n / d ~ 0  <=>  sign(d) * n ~ 0, multiplying by |d| > 0
    return Relational(sympy.expand(sign * num), 0, rel.rel_op)


def clear_denominators(cond, assumptions=(), *, budget=None):
    """Rewrite every relation in ``cond`` without sign-fixed denominators.

    Examples
    --------
    >>> from symtrust import probability
    >>> t = probability("t")
    >>> clear_denominators(t / (t - 2) < 0)
    -t < 0
    >>> simplify_cleared(t / (t - 2) < 0)
    t > 0
    """
    budget = Budget.of(budget)
    if cond in (S.true, S.false, True, False):
        return sympy.sympify(cond, strict=True)
    return _clear(cond, as_conditions(assumptions), budget)


def simplify_cleared(cond, assumptions=(), *, budget=None):
    """:func:`simplify_condition` after :func:`clear_denominators`.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> simplify_cleared((c - w) / (w - c - 1) < 0, [c > w])
    True
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    return simplify_condition(
        clear_denominators(cond, conds, budget=budget), conds, budget=budget
    )


def _isolate_relation(rel, symbols, conds, budget):
    expr = sympy.expand(rel.lhs - rel.rhs)
    for s in symbols:
        if s not in expr.free_symbols:
            continue
        poly = sympy.Poly(expr, s)
        if poly.degree() != 1:
            continue
        slope, rest = poly.coeff_monomial(s), poly.coeff_monomial(1)
        if slope.is_number and len(expr.free_symbols) == 1:
            return rel  # already as simple as the normaliser makes it
        sign = sign_under(slope, conds, budget=budget)
        if sign not in (1, -1):
            continue
        # slope * s + rest ~ 0  <=>  s ~ -rest / slope  (flipped if slope < 0)
        bound = sympy.factor(sympy.cancel(-rest / slope))
        op = rel.rel_op if sign == 1 else _FLIP[rel.rel_op]
        return Relational(s, bound, op)
    return rel


_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


def isolate(cond, symbols, assumptions=(), *, budget=None):
    """Solve each relation of a condition for the first of ``symbols`` it is
    linear in, when the coefficient's sign is fixed under the assumptions.

    An equivalent, more readable form: ``R t - T t + S >= P`` becomes
    ``t >= (P - S)/(R - T)`` when ``R > T``.

    Examples
    --------
    >>> from symtrust import probability, real
    >>> R, S, T, P = real("R S T P")
    >>> t = probability("t")
    >>> isolate(R*t + S*(1 - t) >= T*t + P*(1 - t), [t], [R > T, P > S])
    t >= (P - S)/(P + R - S - T)
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    symbols = tuple(symbols)

    def walk(c):
        if isinstance(c, Relational):
            return _isolate_relation(c, symbols, conds, budget)
        if isinstance(c, (sympy.And, sympy.Or)):
            return c.func(*(walk(a) for a in c.args))
        return c

    return walk(cond)
