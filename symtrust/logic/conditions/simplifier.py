"""Simplifying conditions under assumptions, with z3.

The rules are specified in :mod:`symtrust.logic.conditions`.

Examples
--------
>>> from symtrust.core.parameters import probability
>>> t = probability("t")
>>> simplify_condition(4*t + (1 - t) >= 3*t + 2*(1 - t), [])
t >= 1/2
"""

from __future__ import annotations

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.parameters import symbol_domain_condition
from symtrust.errors import AssumptionError
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.budget import Budget, cached_by_budget
from symtrust.logic.conditions.forms import (
    FLIP,
    _fraction,
    _has_denominator,
    check_depth,
    clear_denominators,
    defined_form,
    has_root,
    normalize_relation,
    sign_under,
)
from symtrust.logic.conditions.points import (
    fails_somewhere,
    holds_somewhere,
    not_implied_at,
    points_for,
)
from symtrust.logic.decide import as_conditions, check_boolean, decide

__all__ = [
    "decide_lightly",
    "extend_or_none",
    "isolate",
    "result_condition",
    "simplify_cleared",
    "simplify_condition",
    "simplify_rooted",
]


# -- simplification under assumptions --------------------------------------------------


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

    Raises
    ------
    UnsupportedError
        If the condition is nested too deeply to simplify.
    ClaimError
        If the condition is not a SymPy Boolean (a string, a bare expression).

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c, w = positive("c w")
    >>> simplify_condition(sympy.And(c > w, c > 0, c + 1 > w), [])
    c > w
    """
    budget = Budget.of(budget)
    cond = check_boolean(cond, "condition")
    check_depth(cond)
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
    # the terms of the difference: a symbol that is a term by itself (numeric
    # coefficient) and in no other term enters linearly, without a polynomial
    terms = diff.as_coefficients_dict()
    # a symbol in a denominator is not polynomial there: as_poly would fail
    # after expanding the whole fraction (slow for large payoff expressions)
    in_denominator = set()
    for p in sympy.preorder_traversal(diff):
        if isinstance(p, sympy.Pow) and p.exp.is_negative:
            in_denominator |= p.base.free_symbols
    for s in diff.free_symbols:
        if s in constrained or s.is_integer or symbol_domain_condition(s) is not S.true:
            continue
        coeff = terms.get(s)
        if coeff is not None and coeff.is_number and coeff != 0:
            if not any(s in t.free_symbols for t in terms if t != s):
                return s
        if s in in_denominator:
            continue
        # linear with a nonzero numeric slope (a constant derivative: cheaper
        # than as_poly, which expands the whole difference over the others)
        slope = diff.diff(s)
        if slope.is_number and slope != 0:
            return s
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
    # 1. a relation: its normal form; contingent at once if a free symbol moves it
    if isinstance(cond, Relational):
        cond = normalize_relation(cond, conds, budget=budget)
        if cond in (S.true, S.false) or _free_to_vary(cond, conds) is not None:
            return cond
    # 2. independent contingent conjuncts: nothing to decide
    if isinstance(cond, sympy.And):
        parts = [_simplify(a, conds, budget) for a in cond.args]
        if _independent(parts, conds):
            # unchanged parts: the same conjunction (And sorts its arguments:
            # building it again is most of the time of large games)
            return cond if tuple(parts) == cond.args else sympy.And(*parts)
    # 3. the whole condition decided by the assumptions (a sample point that
    # refutes a decision spares it: only a True verdict is acted on)
    points = points_for(conds)
    if (
        not fails_somewhere(cond, points)
        and decide(cond, conds, budget=budget).truth is True
    ):
        return S.true
    if (
        not holds_somewhere(cond, points)
        and decide(sympy.Not(cond), conds, budget=budget).truth is True
    ):
        return S.false
    # 4. drop the parts the others make redundant
    if isinstance(cond, sympy.And):
        return _simplify_and(cond, conds, budget)
    if isinstance(cond, sympy.Or):
        return _simplify_or(cond, conds, budget)
    return cond


def _simplify_and(cond, conds, budget):
    """A conjunction without the conjuncts implied by the others."""
    parts = [_simplify(a, conds, budget) for a in cond.args]
    if S.false in parts:
        return S.false
    parts = [p for p in dict.fromkeys(parts) if p is not S.true]
    kept = list(parts)
    points = points_for(conds)
    for p in parts:
        others = [q for q in kept if q is not p]
        # a conjunct moved by a symbol no other conjunct mentions is not implied
        free = _free_to_vary(p, conds)
        if free is not None and not any(free in q.free_symbols for q in others):
            continue
        # nor one that fails at a sample point where the others hold
        if not_implied_at(p, others, points):
            continue
        # nor a guard Ne(d, 0) on a denominator another conjunct divides by:
        # z3 gives x/0 some value, so it may prove the guard from the others,
        # but without it they are undefined where d = 0
        if _guards_a_denominator(p, others):
            continue
        # the others are not taken to be defined: a guard (Ne(d, 0), a
        # radicand >= 0) that another conjunct needs is kept explicit
        implied = decide(p, (*conds, *others), budget=budget, assumptions_defined=False)
        if implied.truth is True:
            kept = others
    return sympy.And(*kept)


def _factors(expr) -> set:
    """The non-constant factors of an expression, each with its negation."""
    try:
        found = {f for f, _ in sympy.factor_list(expr)[1] if not f.is_number}
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        found = {expr}
    return found | {-f for f in found}


def _guards_a_denominator(guard, others) -> bool:
    """Whether ``guard`` is ``Ne(d, 0)`` with a factor of ``d`` in a denominator of ``others``."""
    if not isinstance(guard, sympy.Ne):
        return False
    wanted = _factors(guard.lhs - guard.rhs)
    for q in others:
        rels = [q] if isinstance(q, Relational) else list(q.atoms(Relational))
        for rel in rels:
            # the whole denominator: the lowest-terms one times what cancelled
            _, den, lost = _fraction(rel.lhs - rel.rhs)
            den = den * lost
            if not den.is_number and wanted & _factors(den):
                return True
    return False


def _simplify_or(cond, conds, budget):
    """A disjunction without the disjuncts that imply another one."""
    parts = [_simplify(a, conds, budget) for a in cond.args]
    if S.true in parts:
        return S.true
    parts = [p for p in dict.fromkeys(parts) if p is not S.false]
    kept = list(parts)
    for p in parts:
        others = [q for q in kept if q is not p]
        if not others:
            continue
        if decide(sympy.Or(*others), (*conds, p), budget=budget).truth is True:
            kept = others
    return sympy.Or(*kept)


def simplify_cleared(cond, assumptions=(), *, budget=None):
    """:func:`simplify_condition` after :func:`clear_denominators`.

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c, w = positive("c w")
    >>> simplify_cleared((c - w) / (w - c - 1) < 0, [c > w])
    True
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    if isinstance(cond, sympy.Basic):
        check_depth(cond)
    return simplify_condition(
        clear_denominators(cond, conds, budget=budget), conds, budget=budget
    )


def result_condition(cond, assumptions=(), *, budget=None):
    """The form of a result's condition: evaluable everywhere, guards stated.

    Denominators of proved sign are cleared (:func:`clear_denominators`), the
    remaining fractions put in :func:`defined_form` (``Ne(d, 0)`` stated), and
    the whole simplified (:func:`simplify_condition`, which keeps guards).

    Examples
    --------
    >>> from symtrust.core.parameters import real
    >>> a, b = real("a b")
    >>> result_condition(sympy.And(a / b >= 0, a / b <= 1))
    Ne(b, 0) & (a*b >= 0) & (a*b <= b**2)
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    if isinstance(cond, sympy.Basic):
        check_depth(cond)
    cleared = clear_denominators(cond, conds, budget=budget)
    return simplify_condition(defined_form(cleared), conds, budget=budget)


# -- solving each relation for a symbol ---------------------------------------------


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
        op = rel.rel_op if sign == 1 else FLIP[rel.rel_op]
        return Relational(s, bound, op)
    return rel


def isolate(cond, symbols, assumptions=(), *, budget=None):
    """Solve each relation of a condition for the first of ``symbols`` it is
    linear in, when the coefficient's sign is fixed under the assumptions.

    An equivalent, more readable form: ``R t - T t + S >= P`` becomes
    ``t >= (P - S)/(R - T)`` when ``R > T``. Relations with denominators are
    left alone (clear them first).

    Examples
    --------
    >>> from symtrust.core.parameters import probability, real
    >>> R, S, T, P = real("R S T P")
    >>> t = probability("t")
    >>> isolate(R*t + S*(1 - t) >= T*t + P*(1 - t), [t], [R > T, P > S])
    t >= (P - S)/(P + R - S - T)
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    symbols = tuple(symbols)

    def walk(c):
        if isinstance(c, Relational) and not _has_denominator(c.lhs - c.rhs):
            return _isolate_relation(c, symbols, conds, budget)
        if isinstance(c, (sympy.And, sympy.Or)):
            return c.func(*(walk(a) for a in c.args))
        return c

    return walk(cond)


# -- conditions with square roots ---------------------------------------------------


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


def simplify_rooted(cond, assume, budget):
    """Simplify a condition; conjuncts with square roots only lightly.

    Square roots in several parameters make z3's nonlinear search slow, so
    such a conjunct is only tested for being always true (dropped) or never
    true (the whole condition is False), and otherwise kept as it stands.

    Examples
    --------
    >>> x = sympy.Symbol("x", positive=True)
    >>> simplify_rooted(sympy.And(x + 1 > 0, sympy.sqrt(x) >= 0), [], Budget())
    True
    """
    budget = Budget.of(budget)
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
