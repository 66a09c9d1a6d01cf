"""Normal forms of conditions: signs, cleared denominators, readable relations.

The rules are specified in :mod:`symtrust.logic.conditions`.

Examples
--------
>>> from symtrust.core.parameters import positive
>>> c, w = positive("c w")
>>> clear_denominators((c - 1) / (w - c) > 0, [c > w])
1 - c > 0
"""

from __future__ import annotations

import functools

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.errors import UnsupportedError
from symtrust.logic.budget import Budget, cached_by_budget
from symtrust.logic.decide import as_conditions, decide

__all__ = [
    "FLIP",
    "MAX_DEPTH",
    "cancelled_factor",
    "check_depth",
    "clear_denominators",
    "defined_form",
    "has_root",
    "normalize_relation",
    "sign_under",
]


FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}

#: Deeper expressions than this are refused with a clear error (Python's
#: recursion limit would otherwise surface as a raw RecursionError).
MAX_DEPTH = 150


def check_depth(expr) -> None:
    """Refuse an expression nested deeper than :data:`MAX_DEPTH` (iteratively:
    printing or walking it recursively would itself overflow)."""
    stack = [(expr, 1)]
    while stack:
        e, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UnsupportedError(
                f"the condition (a {type(expr).__name__}) is nested more than "
                f"{MAX_DEPTH} levels deep, beyond what symtrust simplifies; "
                "simplify it in parts"
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


@functools.lru_cache(maxsize=4096)
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


def cancelled_factor(expr):
    """The factor that reducing ``expr`` to lowest terms cancels (1 if none).

    ``(x**2 - 1)/(x - 1)`` reduces to ``x + 1``, cancelling ``x - 1``: the
    reduced form is defined at ``x = 1``, the original is not. Whoever
    reduces must keep ``Ne(factor, 0)``.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> cancelled_factor((x**2 - 1) / (x - 1)), cancelled_factor(1 / x)
    (x - 1, 1)
    """
    if not _has_denominator(expr):
        return S.One
    return _fraction(expr)[2]


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


def defined_form(cond):
    """``cond`` with each remaining fraction ``n/d ~ 0`` as ``d != 0 and n d ~ 0``.

    Multiplying by ``d**2 > 0`` where ``d != 0``: equivalent wherever ``cond``
    is defined, False where it is not, and defined everywhere (so a result's
    condition can be evaluated at any point, the zero-denominator guard
    stated). Eq and Ne become ``d != 0 and n ~ 0``. Use it after
    :func:`clear_denominators`, which removes the denominators of proved sign.

    Examples
    --------
    >>> from symtrust.core.parameters import real
    >>> a, b = real("a b")
    >>> defined_form(a / b >= 1)
    Ne(b, 0) & (a*b - b**2 >= 0)
    """
    if isinstance(cond, Relational):
        diff = cond.lhs - cond.rhs
        if not _has_denominator(diff):
            return cond
        num, den = sympy.fraction(sympy.together(diff))
        num, den = sympy.expand(num), sympy.expand(den)
        if den.is_number:
            return Relational(sympy.sign(den) * num, 0, cond.rel_op)
        body = num if cond.rel_op in ("==", "!=") else sympy.expand(num * den)
        return sympy.And(sympy.Ne(den, 0), Relational(body, 0, cond.rel_op))
    if isinstance(cond, (sympy.And, sympy.Or, sympy.Not)):
        return cond.func(*(defined_form(a) for a in cond.args))
    return cond


# -- the readable form of one relation ------------------------------------------------


def _sympy_cannot_decide(diff) -> bool:
    """Whether SymPy's evaluation of ``diff ~ 0`` is sure to decide nothing.

    A linear form in symbols of unknown sign (plain reals), with at least one
    such symbol: SymPy's assumption system (slow: most of the time of large
    symbolic games) cannot settle its sign, so the relation is built as is.
    """
    symbolic = False
    for term in sympy.Add.make_args(diff):
        coeff, rest = term.as_coeff_Mul()
        if rest == 1:
            continue
        if not isinstance(rest, sympy.Symbol) or coeff == 0:
            return False
        if rest.is_positive is not None or rest.is_negative is not None:
            return False
        if rest.is_zero is not None or rest.is_extended_real is not True:
            return False
        symbolic = True
    return symbolic


def _make(op: str, lhs, rhs):
    if _sympy_cannot_decide(lhs - rhs):
        return Relational(lhs, rhs, op, evaluate=False)
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
    lhs, rhs = rel.lhs, rel.rhs
    if isinstance(lhs, sympy.Symbol) and isinstance(rhs, sympy.Symbol) and lhs != rhs:
        # two symbols: already readable, nothing to clear (the common case of
        # large symbolic games)
        return _make(rel.rel_op, lhs, rhs)
    check_depth(rel)
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
