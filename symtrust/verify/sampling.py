"""Random exact admissible points: numeric evidence for claims.

A claim the prover cannot decide is evaluated exactly at random rational
points satisfying its assumptions; one point where it fails refutes it (the
point is checked by exact substitution), otherwise the number of points where
it held is reported as evidence, never as proof. Proved claims get a small
sanity check the same way.

Points come from :func:`symtrust.testing.points` (built by construction,
through Hypothesis) outside Hypothesis tests; inside one (Hypothesis forbids
nesting), and for quick sanity checks, from :func:`sample_points`: each
symbol drawn from its domain narrowed by stated constant bounds, exact
rationals with small denominators (closed endpoints now and then), rejected
unless every assumption holds.

Examples
--------
>>> from symtrust import positive
>>> c, w = positive("c w")
>>> found, bad = gather_evidence(c + w > w, (c > w,), 10, 0, quick=True)
>>> bad is None and found.tried == found.held > 0
True
"""

from __future__ import annotations

import random
from fractions import Fraction

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.exact import defined_at, substitute_condition
from symtrust.core.parameters import Parameter
from symtrust.testing.strategies import points
from symtrust.verify.proof import Evidence

__all__ = ["evaluate_at", "gather_evidence", "sample_points"]

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


def sample_points(conds, symbols, n: int, *, seed: int = 0, attempts: int = 50):
    """Up to ``n`` exact rational points satisfying every condition.

    Each symbol is drawn from its domain (narrowed by stated constant bounds);
    points violating a condition are rejected.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> pts = sample_points((c > w,), (c, w), 5)
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


def _hypothesis_points(conds, symbols, n, seed):
    """Points from :func:`symtrust.testing.points` (built by construction)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    out = []

    @hypothesis_seed(seed)
    @settings(
        max_examples=n,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(points(conds, symbols))
    def collect(point):
        out.append(point)

    collect()
    unique = {tuple(sorted(p.items(), key=lambda kv: kv[0].sort_key())): p for p in out}
    return list(unique.values())


def _admissible_points(conds, symbols, n, seed, *, quick=False):
    """Random exact admissible points, and how they were drawn.

    Outside a Hypothesis test, symtrust's own strategy
    (:func:`symtrust.testing.points`) draws them by construction; inside one
    (Hypothesis forbids nesting), a seeded sampler with rejection does.
    """
    from hypothesis import currently_in_test_context

    if quick:
        made = sample_points(conds, symbols, n, seed=seed, attempts=20)
        if len(made) >= n // 2:
            return made, f"seeded rational points (seed {seed}), admissible ones kept"
    if not currently_in_test_context():
        try:
            made = _hypothesis_points(conds, symbols, n, seed)
        except Exception:  # any failure: fall back to the plain sampler
            made = None
        if made:
            return made, f"symtrust.testing.points (Hypothesis, seed {seed})"
    made = sample_points(conds, symbols, n, seed=seed)
    return made, f"seeded rational points (seed {seed}), rejected unless admissible"


def gather_evidence(statement, conds, n, seed, *, quick=False):
    symbols = set(statement.free_symbols)
    for c in conds:
        symbols |= c.free_symbols
    if not symbols:
        return None, None
    points, sampler = _admissible_points(conds, symbols, n, seed, quick=quick)
    held = undetermined = 0
    for point in points:
        value = evaluate_at(statement, point)
        if value is False:
            return None, point
        if value is True:
            held += 1
        else:
            undetermined += 1
    return Evidence(len(points), held, undetermined, sampler), None
