"""Conditions with square roots: clearing denominators and light simplification.

Closed-form cutoffs carry square roots (quadratic formula); conditions on them
are decided by z3 through auxiliary root variables, which is slow when the
radicand involves several parameters. Two tools keep this tractable:

1. :func:`clear_denominators` rewrites ``n/d ~ 0`` as ``sign(d) n ~ 0`` where
   the sign of ``d`` is proved (skipping ``cancel`` on expressions with roots);
2. :func:`simplify_rooted` fully simplifies the root-free conjuncts and only
   tests each rooted conjunct for being always true (dropped) or never true
   (the whole condition is False), keeping it otherwise.

Examples
--------
>>> import sympy
>>> x = sympy.Symbol("x", positive=True)
>>> simplify_rooted(sympy.And(x + 1 > 0, sympy.sqrt(x) >= 0), [], Budget())
True
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.errors import AssumptionError
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.decide import decide
from symtrust.logic.simplify import sign_under, simplify_condition

__all__ = [
    "clear_denominators",
    "decide_lightly",
    "extend_or_none",
    "has_root",
    "simplify_rooted",
]


def extend_or_none(assume, cond):
    """Assumptions plus a condition; None when they contradict each other.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.logic.assumptions import build_assumptions
    >>> x = sympy.Symbol("x", positive=True)
    >>> extend_or_none(build_assumptions([x < 1]), x > 2) is None
    True
    """
    if cond is S.true:
        return assume
    try:
        return extend_assumptions(assume, [cond])
    except AssumptionError:
        return None


def clear_denominators(cond, assumptions=(), *, budget=None):
    """Rewrite each relation ``n/d ~ 0`` as ``n ~ 0`` or ``-n ~ 0`` by the sign of ``d``.

    Denominators whose sign is not decided under the assumptions are kept.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", negative=True)
    >>> y = sympy.Symbol("y")
    >>> clear_denominators(y / x >= 1)
    x - y >= 0
    """
    budget = Budget.of(budget)
    if isinstance(cond, sympy.core.relational.Relational):
        diff = sympy.together(cond.lhs - cond.rhs)
        rooted = has_root(diff)
        # cancelling expressions with square roots is slow and gains little
        num, den = sympy.fraction(diff if rooted else sympy.cancel(diff))
        tidy = (lambda e: e) if rooted else sympy.expand
        if den.is_number:
            return cond.func(tidy(num / den), 0)
        s = sign_under(den, assumptions, budget=budget)
        if s in (1, -1):
            return cond.func(tidy(s * num), 0)
        return cond
    if isinstance(cond, (sympy.And, sympy.Or, sympy.Not)):
        return cond.func(
            *(clear_denominators(a, assumptions, budget=budget) for a in cond.args)
        )
    return cond


def has_root(expr) -> bool:
    """Whether an expression contains a fractional power (a root).

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> has_root(sympy.sqrt(x) + 1), has_root(x**2)
    (True, False)
    """
    return any(
        isinstance(p, sympy.Pow) and p.exp.is_Rational and not p.exp.is_Integer
        for p in sympy.preorder_traversal(expr)
    )


def simplify_rooted(cond, assume, budget):
    """Simplify a condition; conjuncts with square roots only lightly.

    Square roots in several parameters make z3's nonlinear search slow, so
    such a conjunct is only tested for being always true (dropped) or never
    true (the whole condition is False), and otherwise kept as it stands.
    """
    # denominators cleared here, by their proved sign, before simplifying
    cleared = clear_denominators(cond, assume, budget=budget)
    if not has_root(cleared) or not isinstance(cleared, sympy.And):
        if has_root(cleared) and len(cleared.free_symbols) > 2:
            return decide_lightly(cleared, assume, budget)
        return simplify_condition(cleared, assume, budget=budget)
    plain = [a for a in cleared.args if not has_root(a)]
    rooted = [a for a in cleared.args if has_root(a)]
    out = simplify_condition(sympy.And(*plain), assume, budget=budget)
    if out is S.false:
        return S.false
    parts = [] if out is S.true else [out]
    for a in rooted:
        light = decide_lightly(a, assume, budget)
        if light is S.false:
            return S.false
        if light is not S.true:
            parts.append(light)
    return sympy.And(*parts)


def decide_lightly(cond, assume, budget):
    """True, False, or the condition itself: two quick decisions.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", positive=True)
    >>> decide_lightly(sympy.sqrt(x) < 0, [], Budget())
    False
    """
    quick = Budget.of(budget).capped(2.0)
    if decide(cond, assume, budget=quick).truth is True:
        return S.true
    if decide(sympy.Not(cond), assume, budget=quick).truth is True:
        return S.false
    return cond
