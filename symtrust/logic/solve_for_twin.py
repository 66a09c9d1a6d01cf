"""Numeric twin of :func:`symtrust.logic.solve_for.solve_for`.

At an exact admissible point of the other parameters:

1. exactly one piece's condition holds (the pieces partition the space);
2. at exact levels of the variable -- a grid over its domain, every end of
   the piece's intervals, and levels just around each end -- the original
   condition (exact substitution; undefined counts as not holding) agrees
   with membership in the piece's intervals (exact comparison with the
   ends, square roots included).

Examples
--------
>>> from symtrust import positive, probability
>>> from symtrust.logic.solve_for import solve_for
>>> p, d = probability("p"), positive("d")
>>> solved = solve_for(d*p + p >= 1, p)
>>> solved_twin(solved, {d: 3}) is None
True
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.core.exact import substitute_condition
from symtrust.core.twins import skip, twin
from symtrust.errors import VerificationError
from symtrust.logic.solve_for import SolvedCondition

__all__ = ["solved_twin"]

_GRID = 24
_NEAR = (sympy.Rational(1, 10**3), sympy.Rational(1, 10**7))
_SPAN = 8  # unbounded domains are sampled this far beyond the finite ends


def _rational_near(value):
    """A rational within 10^-20 of an exact real number (the level itself if rational)."""
    if value.is_Rational:
        return value
    return sympy.Rational(str(sympy.N(value, 40)))


def _levels(lo, hi, ends):
    finite = [e for e in (lo, hi, *ends) if e.is_finite]
    a = lo if lo.is_finite else min(finite, default=S.Zero) - _SPAN
    b = hi if hi.is_finite else max(finite, default=S.Zero) + _SPAN
    if not (a.is_Rational and b.is_Rational):
        a, b = _rational_near(a), _rational_near(b)
    levels = {a + (b - a) * sympy.Rational(k, _GRID) for k in range(_GRID + 1)}
    for e in ends:
        if e.is_finite:
            levels.add(e)
            near = _rational_near(e)
            levels |= {near + d for d in _NEAR} | {near - d for d in _NEAR}
    return levels


def _sign(x) -> int:
    """The exact sign of a real number (rational or algebraic)."""
    if x.is_Rational:
        return int(sympy.sign(x))
    approx = sympy.N(x, 30)
    if approx.is_Number and abs(approx) > sympy.Float("1e-20", 30):
        return 1 if approx > 0 else -1  # 30 correct digits settle it
    x = sympy.radsimp(x)
    if x.is_positive:
        return 1
    if x.is_negative:
        return -1
    if x.equals(0):
        return 0
    raise VerificationError(f"the sign of {x} could not be settled exactly")


def _inside(level, a, b, a_open, b_open) -> bool:
    """Whether ``level`` lies in the interval from ``a`` to ``b``."""
    if a.is_finite:
        s = _sign(level - a)
        if s < 0 or (s == 0 and a_open):
            return False
    if b.is_finite:
        s = _sign(level - b)
        if s > 0 or (s == 0 and b_open):
            return False
    return True


@twin(SolvedCondition)
def solved_twin(result, point) -> None:
    """The solved form agrees with the original condition at exact levels."""
    v = result.variable
    at = {s: val for s, val in point.items() if s != v}
    holding = [p for p in result.pieces if substitute_condition(p.condition, at)]
    if len(holding) != 1:
        raise VerificationError(
            f"at {at}, {len(holding)} pieces of the solved condition apply "
            "(the pieces must partition the parameter space)"
        )
    (piece,) = holding
    if not piece.decided:
        skip("the piece is undecided here (its relation is the original)")
    intervals = [
        (a.xreplace(at), b.xreplace(at), a_open, b_open)
        for a, b, a_open, b_open in piece.intervals
    ]
    domain = result.domain
    ends = [e for iv in intervals for e in iv[:2]]
    for level in sorted(_levels(domain[0], domain[1], ends)):
        if not _inside(level, *domain):
            continue
        held = substitute_condition(result.original, {**at, v: level})
        want = any(_inside(level, *iv) for iv in intervals)
        if bool(held) != want:
            raise VerificationError(
                f"at {at}, {v} = {level}: the condition is {held}, but the "
                f"solved form says {v} is {'in' if want else 'not in'} "
                f"{piece.relation.xreplace(at)}"
            )
