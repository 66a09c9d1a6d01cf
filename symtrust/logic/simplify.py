"""Simplifying conditions under assumptions.

A solver produces raw conditions (conjunctions of payoff comparisons). Before a
condition is reported it is put in a readable, equivalent form:

1. each relation ``lhs ~ rhs`` is rewritten as ``d ~ 0`` with ``d`` cancelled
   into one fraction; a denominator whose sign is decided under the
   assumptions is cleared (flipping the relation when it is negative), and the
   result is split into positive and negative terms, so that ``T - R >= 0``
   reads ``T >= R`` and ``2 t - 1 >= 0`` reads ``t >= 1/2``;
2. a relation implied by the assumptions becomes ``True``; one they exclude
   becomes ``False``;
3. in a conjunction, a conjunct implied by the others is dropped; in a
   disjunction, a disjunct that cannot hold is dropped.

Every step is an equivalence under the assumptions, decided by z3.

Examples
--------
>>> from symtrust.core.parameters import probability, real
>>> t = probability("t")
>>> simplify_condition(4*t + (1 - t) >= 3*t + 2*(1 - t), [])
t >= 1/2
>>> R, T = real("R T")
>>> simplify_condition(T - R >= 0, [T > R])
True
"""

from __future__ import annotations

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.parameters import symbol_domain_condition
from symtrust.logic.budget import Budget, cached_by_budget
from symtrust.logic.decide import as_conditions, decide

__all__ = ["normalize_relation", "sign_under", "simplify_condition"]

_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


def sign_under(expr, assumptions=(), *, budget=None) -> int | None:
    """The sign of an expression everywhere under the assumptions, if constant.

    Returns 1, -1 or 0 when proved; None when the sign varies or is undecided.

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c, w = positive("c w")
    >>> sign_under(1 + c - w, [c > w])
    1
    >>> sign_under(c - w, []) is None
    True
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    return _sign_cached(sympy.sympify(expr, strict=True), conds, budget)


@cached_by_budget(4096)
def _sign_cached(expr, conds, budget):
    if expr.is_number:
        return int(sympy.sign(expr)) if expr.is_real else None
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    for value, rel in ((1, expr > 0), (-1, expr < 0), (0, sympy.Eq(expr, 0))):
        if decide(rel, conds, budget=budget).truth is True:
            return value
    return None


def _make(op: str, lhs, rhs):
    return Relational(lhs, rhs, op)


def normalize_relation(rel, assumptions=(), *, budget=None):
    """Rewrite one relation in a readable equivalent form (see module doc).

    Examples
    --------
    >>> from symtrust.core.parameters import probability
    >>> t = probability("t")
    >>> normalize_relation(3*t + 2*(1 - t) <= 4*t + (1 - t))
    t >= 1/2
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    if not isinstance(rel, Relational):
        return rel
    op = rel.rel_op
    diff = rel.lhs - rel.rhs
    if diff.is_polynomial():
        num, den = diff, S.One
    else:
        diff = sympy.cancel(sympy.together(diff))
        num, den = sympy.fraction(diff)
    if den != 1:
        s = sign_under(den, conds, budget=budget)
        if s is None or s == 0:
            # cannot clear the denominator; keep the fraction as it stands
            return _make(op, diff, 0)
        if s < 0:
            op = _FLIP[op]  # multiplying by a negative denominator flips the relation
    num = sympy.expand(num)
    if num.is_number:
        return _make(op, num, 0)
    # split into positive and negative terms: pos ~ neg
    terms = sympy.Add.make_args(num)
    pos = [t for t in terms if not t.could_extract_minus_sign()]
    neg = [-t for t in terms if t.could_extract_minus_sign()]
    lhs, rhs = sympy.Add(*pos), sympy.Add(*neg)
    # isolate a single symbol with a numeric coefficient: c*x ~ k -> x ~ k/c
    for side, other, flip in ((lhs, rhs, False), (rhs, lhs, True)):
        coeff, rest = side.as_coeff_Mul()
        if isinstance(rest, sympy.Symbol) and other.is_number and coeff.is_positive:
            out_op = _FLIP[op] if flip else op
            return _make(out_op, rest, other / coeff)
    if lhs == 0:
        return _make(_FLIP[op], rhs, 0) if rhs.is_number else _make(op, 0, rhs)
    return _make(op, lhs, rhs)


def simplify_condition(cond, assumptions=(), *, budget=None):
    """Simplify a condition under assumptions, preserving its meaning there.

    Parameters
    ----------
    cond : sympy Boolean
        The condition to simplify.
    assumptions : Assumptions or iterable of Boolean
        What the parameters satisfy.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    sympy Boolean
        ``True`` if the condition always holds under the assumptions, ``False``
        if it never does, otherwise an equivalent (under the assumptions),
        simpler condition.

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c, w = positive("c w")
    >>> import sympy
    >>> simplify_condition(sympy.And(c > w, c > 0, c + 1 > w), [])
    c > w
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    return _simplify(cond, conds, budget)


def _free_to_vary(rel, conds):
    """A symbol that moves ``lhs - rhs`` over all the reals, if there is one.

    If a symbol with no domain, mentioned by no assumption, enters the difference
    linearly with a nonzero constant coefficient, the relation holds at some
    admissible points and fails at others: it is contingent, no decision needed.
    """
    if not isinstance(rel, Relational):
        return None
    diff = rel.lhs - rel.rhs
    constrained = set()
    for c in conds:
        constrained |= c.free_symbols
    for s in diff.free_symbols:
        if s in constrained or s.is_integer or symbol_domain_condition(s) is not S.true:
            continue
        poly = diff.as_poly(s)
        if poly is not None and poly.degree() == 1 and poly.LC().is_number:
            return s if poly.LC() != 0 else None
    return None


def _independent(parts, conds) -> bool:
    """Whether every part has a free-to-vary symbol that no other part mentions."""
    if len(parts) < 2 or any(p in (S.true, S.false) for p in parts):
        return False
    for i, p in enumerate(parts):
        free = _free_to_vary(p, conds)
        if free is None or any(
            free in q.free_symbols for j, q in enumerate(parts) if j != i
        ):
            return False
    return True


@cached_by_budget(8192)
def _simplify(cond, conds, budget):
    if cond in (S.true, S.false):
        return cond
    if isinstance(cond, Relational):
        cond = normalize_relation(cond, conds, budget=budget)
        if cond in (S.true, S.false):
            return cond
        if _free_to_vary(cond, conds) is not None:
            return cond
    if isinstance(cond, sympy.And):
        parts = [_simplify(a, conds, budget) for a in cond.args]
        if _independent(parts, conds):
            # each conjunct can be made true or false on its own: contingent, and
            # none implies another
            return sympy.And(*parts)
    if decide(cond, conds, budget=budget).truth is True:
        return S.true
    if decide(sympy.Not(cond), conds, budget=budget).truth is True:
        return S.false
    if isinstance(cond, sympy.And):
        parts = [_simplify(a, conds, budget) for a in cond.args]
        if S.false in parts:
            return S.false
        parts = [p for p in dict.fromkeys(parts) if p is not S.true]
        kept = list(parts)
        for p in parts:
            others = [q for q in kept if q is not p]
            # a conjunct moved by a symbol no other conjunct mentions is not implied
            free = _free_to_vary(p, conds)
            if free is not None and not any(free in q.free_symbols for q in others):
                continue
            if decide(p, (*conds, *others), budget=budget).truth is True:
                kept = others
        return sympy.And(*kept)
    if isinstance(cond, sympy.Or):
        parts = [_simplify(a, conds, budget) for a in cond.args]
        if S.true in parts:
            return S.true
        parts = [p for p in dict.fromkeys(parts) if p is not S.false]
        kept = list(parts)
        for p in parts:
            others = [q for q in kept if q is not p]
            # p is redundant if it implies one of the other disjuncts
            if (
                others
                and decide(sympy.Or(*others), (*conds, p), budget=budget).truth is True
            ):
                kept = others
        return sympy.Or(*kept)
    return cond
