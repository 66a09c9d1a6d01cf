"""The condition algebra: clearing denominators, normal forms, simplification.

Solvers produce raw conditions (conjunctions of payoff comparisons, fractions
of parameters, closed forms with square roots). Before one is reported it is
rewritten here into an equivalent, readable form. This module is the only
place that does so; every rule below is an equivalence at every admissible
point (one satisfying the assumptions and the symbols' domains) where the
condition is defined, and keeps the points where it is not.

Undefined points
----------------
A statement is *undefined* at a point where one of its denominators vanishes
or a square root has a negative radicand. symtrust treats undefined points one
way everywhere: a statement undefined at an admissible point is **not
proved** (:func:`~symtrust.logic.decide.decide` counts such a point as a
violation, and the claim prover reports it as a counterexample), and a result
whose value divides by an expression that may vanish carries ``Ne(d, 0)`` in
its condition. The rewrites below never hide an undefined point: where
clearing would remove a factor that may vanish, ``Ne(factor, 0)`` is kept.

Clearing denominators (:func:`clear_denominators`)
--------------------------------------------------
Each relation ``lhs ~ rhs`` (``~`` one of ``< <= > >= == !=``) is handled as
``d ~ 0`` with ``d = lhs - rhs``:

1. *No denominator.* If ``d`` has no negative power (a polynomial, rational
   coefficients included: ``t - 1/2 >= 0``), the relation is kept as written.
2. *One fraction.* Otherwise ``d`` is combined into one fraction ``n / m``
   (``together``, then ``cancel`` to lowest terms). A factor ``g`` that
   cancelling removed from both ``n`` and ``m`` (``(x**2 - 1)/(x - 1)``) would
   silently make the relation defined where it is not, so unless ``g`` is a
   number or its sign is proved, the cleared relation is conjoined with
   ``Ne(g, 0)``.
3. *Numeric denominators are rewritten*: ``m`` a nonzero number gives
   ``sign(m) n ~ 0`` (multiplying by ``|m| > 0``).
4. *The denominator's sign is used only when proved.* If z3 proves ``m > 0``
   or ``m < 0`` everywhere admissible (:func:`sign_under`), an inequality
   becomes ``sign(m) n ~ 0`` (flipped exactly when ``m < 0``). If the sign is
   undecided or varies, the fraction is kept as it stands: it already
   requires ``m != 0`` by being undefined there.
5. *Eq and Ne* are cleared under the same proof (a denominator of proved sign
   never vanishes) as ``n == 0`` / ``n != 0``, never multiplied by a
   denominator that may vanish, and never flipped (there is nothing to flip).
6. *Square roots* (any fractional power): ``d`` is combined with
   ``together`` but not cancelled or expanded (cancelling algebraic
   expressions is slow and changes little); the denominator's sign is proved
   the same way, z3 reading each root as an auxiliary variable ``r >= 0``,
   ``r**2 = radicand``, defined where the radicand is nonnegative.

And, Or and Not are cleared argument by argument; anything else is returned
unchanged.

Normal form and simplification
------------------------------
:func:`normalize_relation` clears one relation and splits it into positive and
negative terms (``T - R >= 0`` reads ``T >= R``, ``2 t - 1 >= 0`` reads
``t >= 1/2``). :func:`simplify_condition` then uses z3 under the assumptions:

1. each relation is normalised; a relation implied by the assumptions becomes
   ``True``, one they exclude ``False``;
2. in a conjunction, a conjunct implied by the others is dropped; in a
   disjunction, a disjunct that implies another is dropped;
3. a conjunction of independent contingent parts (each moved by a free symbol
   no other part mentions) is kept without asking z3.

:func:`simplify_cleared` is :func:`clear_denominators` followed by
:func:`simplify_condition`; :func:`isolate` solves each relation for the first
of some symbols it is linear in, when the coefficient's sign is proved;
:func:`simplify_rooted` simplifies conjuncts with square roots only lightly.

Examples
--------
>>> from symtrust.core.parameters import positive, probability, real
>>> t = probability("t")
>>> simplify_condition(4*t + (1 - t) >= 3*t + 2*(1 - t), [])
t >= 1/2
>>> c, w = positive("c w")
>>> clear_denominators((c - 1) / (w - c) > 0, [c > w])
1 - c > 0
>>> x = real("x")
>>> clear_denominators((x**2 - 1) / (x - 1) > x)
Ne(x - 1, 0)
"""

from __future__ import annotations

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.parameters import symbol_domain_condition
from symtrust.errors import AssumptionError, UnsupportedError
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.budget import Budget, cached_by_budget
from symtrust.logic.decide import as_conditions, decide

__all__ = [
    "clear_denominators",
    "decide_lightly",
    "extend_or_none",
    "has_root",
    "isolate",
    "normalize_relation",
    "sign_under",
    "simplify_cleared",
    "simplify_condition",
    "simplify_rooted",
]

FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}

#: Deeper expressions than this are refused with a clear error (Python's
#: recursion limit would otherwise surface as a raw RecursionError).
MAX_DEPTH = 200


def _depth_ok(expr) -> None:
    """Refuse an expression nested deeper than :data:`MAX_DEPTH`."""
    stack = [(expr, 1)]
    while stack:
        e, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UnsupportedError(
                f"the condition is nested more than {MAX_DEPTH} levels deep, "
                f"beyond what symtrust simplifies: {str(expr)[:120]}..."
            )
        stack.extend((a, depth + 1) for a in e.args)


# -- signs ----------------------------------------------------------------------


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


@cached_by_budget(8192)
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


# -- clearing denominators ----------------------------------------------------------


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


def _has_denominator(expr) -> bool:
    return any(
        isinstance(p, sympy.Pow) and p.exp.is_negative
        for p in sympy.preorder_traversal(expr)
    )


def _fraction(diff):
    """``(n, m, g)``: ``diff = n / m`` (lowest terms unless rooted), ``g`` the
    factor cancelled from both (1 if none)."""
    combined = sympy.together(diff)
    num, den = sympy.fraction(combined)
    if has_root(diff):
        return num, den, S.One
    low_num, low_den = sympy.fraction(sympy.cancel(combined))
    lost = S.One if low_den == den else sympy.cancel(den / low_den)
    return low_num, low_den, lost


def _clear_relation(rel, conds, budget):
    """One relation without its denominator, by the rules of the module doc."""
    diff = rel.lhs - rel.rhs
    if not _has_denominator(diff):
        return rel
    num, den, lost = _fraction(diff)
    sign = int(sympy.sign(den)) if den.is_number else None
    if sign is None:
        sign = sign_under(den, conds, budget=budget)
    if sign not in (1, -1):
        return rel  # the fraction stays: undefined where den = 0, as written
    op = rel.rel_op
    tidy = (lambda e: e) if has_root(num) else sympy.expand
    cleared = Relational(tidy(num if op in ("==", "!=") else sign * num), 0, op)
    if lost.is_number or sign_under(lost, conds, budget=budget) in (1, -1):
        return cleared
    return sympy.And(sympy.Ne(lost, 0), cleared)


def clear_denominators(cond, assumptions=(), *, budget=None):
    """Rewrite every relation in ``cond`` without denominators of proved sign.

    See the module docstring for the exact rules (Eq/Ne, numeric
    denominators, square roots, cancelled factors).

    Examples
    --------
    >>> from symtrust.core.parameters import probability
    >>> t = probability("t")
    >>> clear_denominators(t / (t - 2) < 0)
    -t < 0
    >>> clear_denominators(sympy.Eq(t / (t - 2), t))
    Eq(-t**2 + 3*t, 0)
    """
    budget = Budget.of(budget)
    if cond in (True, False):
        return sympy.sympify(cond, strict=True)
    return _clear(cond, as_conditions(assumptions), budget)


def _clear(cond, conds, budget):
    if isinstance(cond, Relational):
        return _clear_relation(cond, conds, budget)
    if isinstance(cond, (sympy.And, sympy.Or, sympy.Not)):
        return cond.func(*(_clear(a, conds, budget) for a in cond.args))
    return cond


# -- the readable form of one relation ------------------------------------------------


def _make(op: str, lhs, rhs):
    return Relational(lhs, rhs, op)


def _split_sides(op, num):
    """``num ~ 0`` as ``positive terms ~ negative terms``, one symbol isolated."""
    if num.is_number:
        return _make(op, num, 0)
    terms = sympy.Add.make_args(num)
    lhs = sympy.Add(*[t for t in terms if not t.could_extract_minus_sign()])
    rhs = sympy.Add(*[-t for t in terms if t.could_extract_minus_sign()])
    # a single symbol with a numeric coefficient: c*x ~ k -> x ~ k/c
    for side, other, flip in ((lhs, rhs, False), (rhs, lhs, True)):
        coeff, rest = side.as_coeff_Mul()
        if isinstance(rest, sympy.Symbol) and other.is_number and coeff.is_positive:
            return _make(FLIP[op] if flip else op, rest, other / coeff)
    if lhs == 0:
        return _make(FLIP[op], rhs, 0) if rhs.is_number else _make(op, 0, rhs)
    return _make(op, lhs, rhs)


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
    if not isinstance(rel, Relational):
        return rel
    _depth_ok(rel)
    conds = as_conditions(assumptions)
    cleared = _clear_relation(rel, conds, budget)
    if isinstance(cleared, sympy.And):  # Ne(cancelled factor, 0) and the relation
        return sympy.And(*(_readable(a) for a in cleared.args))
    return _readable(cleared)


def _readable(rel):
    """A cleared relation with its terms sorted onto the two sides."""
    if not isinstance(rel, Relational):
        return rel
    diff = rel.lhs - rel.rhs
    if _has_denominator(diff):
        # not cleared: the fraction, in lowest terms when that loses nothing
        num, den, lost = _fraction(diff)
        return _make(rel.rel_op, diff if lost != 1 else num / den, 0)
    if has_root(diff):
        return _make(rel.rel_op, diff, 0)
    return _split_sides(rel.rel_op, sympy.expand(diff))


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

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c, w = positive("c w")
    >>> simplify_condition(sympy.And(c > w, c > 0, c + 1 > w), [])
    c > w
    """
    budget = Budget.of(budget)
    if isinstance(cond, sympy.Basic):
        _depth_ok(cond)
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
    # 1. a relation: its normal form; contingent at once if a free symbol moves it
    if isinstance(cond, Relational):
        cond = normalize_relation(cond, conds, budget=budget)
        if cond in (S.true, S.false) or _free_to_vary(cond, conds) is not None:
            return cond
    # 2. independent contingent conjuncts: nothing to decide
    if isinstance(cond, sympy.And):
        parts = [_simplify(a, conds, budget) for a in cond.args]
        if _independent(parts, conds):
            return sympy.And(*parts)
    # 3. the whole condition decided by the assumptions
    if decide(cond, conds, budget=budget).truth is True:
        return S.true
    if decide(sympy.Not(cond), conds, budget=budget).truth is True:
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
    for p in parts:
        others = [q for q in kept if q is not p]
        # a conjunct moved by a symbol no other conjunct mentions is not implied
        free = _free_to_vary(p, conds)
        if free is not None and not any(free in q.free_symbols for q in others):
            continue
        if decide(p, (*conds, *others), budget=budget).truth is True:
            kept = others
    return sympy.And(*kept)


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
        _depth_ok(cond)
    return simplify_condition(
        clear_denominators(cond, conds, budget=budget), conds, budget=budget
    )


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
