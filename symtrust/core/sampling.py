"""Exact rational points inside the parameters' domains, drawn deterministically.

The one sampler of admissible points below Hypothesis: a seeded generator
draws each symbol from its domain (``Parameter`` intervals, SymPy's
``positive`` and the like) narrowed by stated bounds against constants,
exact rationals with small denominators (closed endpoints now and then), and
keeps a point only where every condition holds by exact substitution. The
prover's evidence (:mod:`symtrust.verify.sampling`) and the simplifier's
sample points (:mod:`symtrust.logic.conditions.points`) both draw here.

Examples
--------
>>> from symtrust.core.parameters import positive
>>> c, w = positive("c w")
>>> pts = rational_points((c > w,), (c, w), 3)
>>> len(pts), all(p[c] > p[w] > 0 for p in pts)
(3, True)
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.exact import defined_at, substitute_condition
from symtrust.core.parameters import Parameter

__all__ = ["evaluate_at", "rational_points"]

_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


def evaluate_at(statement, point) -> bool | None:
    """Exact truth of a statement at a point; undefined there counts as False.

    Returns None when exact evaluation cannot settle it.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> evaluate_at(1 / x > 0, {x: 0}), evaluate_at(x > 0, {x: 1})
    (False, True)
    """
    held = substitute_condition(statement, point)
    if held is None and not defined_at(statement, point):
        return False
    return held


_DENOMINATORS = (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16)
_SPAN = 10


def _symbol_interval(sym):
    if isinstance(sym, Parameter):
        return sym.domain
    if sym.is_positive:
        return sympy.Interval.open(0, S.Infinity)
    if sym.is_nonnegative:
        return sympy.Interval(0, S.Infinity)
    if sym.is_negative:
        return sympy.Interval.open(S.NegativeInfinity, 0)
    if sym.is_nonpositive:
        return sympy.Interval(S.NegativeInfinity, 0)
    return S.Reals


def _bounded(sym, conds):
    """The symbol's interval, narrowed by stated bounds against constants."""
    iv = _symbol_interval(sym)
    for c in conds:
        if not isinstance(c, Relational) or c.rel_op in ("==", "!="):
            continue
        if c.lhs == sym and c.rhs.is_Rational:
            op, k = c.rel_op, c.rhs
        elif c.rhs == sym and c.lhs.is_Rational:
            op, k = _FLIP[c.rel_op], c.lhs
        else:
            continue
        # sym op k, as an interval
        if op in (">", ">="):
            bound = sympy.Interval(k, S.Infinity, op == ">", True)
        else:
            bound = sympy.Interval(S.NegativeInfinity, k, True, op == "<")
        iv = iv.intersect(bound)
    return iv if isinstance(iv, sympy.Interval) else _symbol_interval(sym)


def _inside(value, iv) -> bool:
    lo, hi = iv.inf, iv.sup
    if lo.is_finite and (value < lo or (iv.left_open and value == lo)):
        return False
    return not (hi.is_finite and (value > hi or (iv.right_open and value == hi)))


def _range(iv):
    """What :func:`_draw` needs of an interval, converted once: the finite
    window as Fractions, and the closed finite endpoints."""
    lo = iv.inf if iv.inf.is_finite else None
    hi = iv.sup if iv.sup.is_finite else None
    if lo is None and hi is None:
        lo, hi = -_SPAN, _SPAN
    elif lo is None:
        lo = hi - _SPAN
    elif hi is None:
        hi = lo + _SPAN
    ends = [
        e
        for e, open_ in ((iv.inf, iv.left_open), (iv.sup, iv.right_open))
        if e.is_finite and not open_
    ]
    return Fraction(str(lo)), Fraction(str(hi)), ends


def _draw(rng, iv, window=None):
    lo, hi, ends = window or _range(iv)
    # closed endpoints now and then: edge cases find counterexamples
    if rng.random() < 0.15 and ends:
        return sympy.Rational(rng.choice(ends))
    q = rng.choice(_DENOMINATORS)
    a, b = lo * q, hi * q
    lo_n, hi_n = -(-a.numerator // a.denominator), b.numerator // b.denominator
    if lo_n > hi_n:
        value = (lo + hi) / 2
        return sympy.Rational(value.numerator, value.denominator)
    return sympy.Rational(rng.randint(lo_n, hi_n), q)


def rational_points(conds, symbols, n: int, *, seed: int = 0, attempts: int = 50):
    """Up to ``n`` exact rational points satisfying every condition.

    Each symbol is drawn from its domain (narrowed by stated constant bounds);
    points violating a condition are rejected.

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c, w = positive("c w")
    >>> pts = rational_points((c > w,), (c, w), 5)
    >>> len(pts), all(p[c] > p[w] > 0 for p in pts)
    (5, True)
    """
    rng = random.Random(seed)
    symbols = sorted(set(symbols), key=lambda s: s.sort_key())
    intervals = {s: _bounded(s, conds) for s in symbols}
    windows: dict = {}
    out = []
    for _ in range(n * attempts):
        if len(out) >= n:
            break
        point = {}
        for s in symbols:
            if s not in windows:
                windows[s] = _range(intervals[s])
            point[s] = _draw(rng, intervals[s], windows[s])
        if all(_inside(v, intervals[s]) for s, v in point.items()) and all(
            substitute_condition(c, point) is True for c in conds
        ):
            out.append(point)
    return out
