"""Numeric twin of :func:`symtrust.games.bayesian.minimum_trust.minimum_trust`.

At an exact admissible point where the result holds, the derived minimum
``v`` is evaluated exactly, and the existence condition is evaluated exactly
at trust levels on a grid of the trust domain plus levels just around ``v``
(the rationals nearest ``v`` for an irrational minimum): it must hold exactly
at the levels ``>= v`` (``> v`` where the result says the minimum is not
attained) and fail below; where the result says no admissible trust level
will do, it must fail at every level. A level where the existence condition
is undefined counts as one where it fails. A minimum that is undefined at an
admissible point where the result says it holds is a failure.

Examples
--------
>>> import sympy
>>> from symtrust import interval, positive
>>> from symtrust.games.bayesian.minimum_trust import minimum_trust
>>> tau = interval("tau", 0, 1, left_open=True, right_open=True)
>>> x = positive("x")
>>> mt = minimum_trust(tau >= x / 2, tau, x)
>>> minimum_trust_twin(mt, {x: sympy.Rational(1, 3)}) is None
True
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from symtrust.core.exact import compare, substitute_condition, to_fraction, value_at
from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.bayesian.minimum_trust import MinimumTrust

__all__ = ["minimum_trust_twin"]

_GRID = 40
_NEAR = (Fraction(1, 10**3), Fraction(1, 10**6))


def _inside(domain, level) -> bool:
    lo, hi = domain.inf, domain.sup
    if lo.is_finite and (level < lo or (level == lo and domain.left_open)):
        return False
    return not (hi.is_finite and (level > hi or (level == hi and domain.right_open)))


def _levels(domain, v) -> list:
    lo, hi = to_fraction(domain.inf, "trust bound"), to_fraction(domain.sup, "bound")
    levels = {lo + (hi - lo) * Fraction(k, _GRID) for k in range(_GRID + 1)}
    if isinstance(v, Fraction):
        centre = (v, v)
    else:
        # the rationals just below and above an irrational minimum
        below = sympy.floor(v * 10**9)
        centre = (Fraction(int(below), 10**9), Fraction(int(below) + 1, 10**9))
    for d in _NEAR:
        levels |= {centre[0] - d, *centre, centre[1] + d}
    return sorted(t for t in levels if _inside(domain, t))


@twin(MinimumTrust)
def minimum_trust_twin(result, point) -> None:
    """Existence holds exactly at the trust levels at or above the minimum."""
    at = {s: v for s, v in point.items() if s != result.trust}
    if not holds(result.condition, at, "the minimum trust's condition"):
        skip("the result claims nothing at this point")
    v = value_at(result.value, at)
    if v is None:
        raise VerificationError(
            f"the minimum trust {result.value} is undefined at the admissible point "
            f"{at}, where its condition {result.condition} holds"
        )
    none = substitute_condition(result.unattainable, at) is True
    strict = substitute_condition(result.strict, at) is True
    for level in _levels(result.trust.domain, v):
        held = substitute_condition(result.existence, {**at, result.trust: level})
        side = compare(level, v)
        want = False if none else (side > 0 if strict else side >= 0)
        if (held is True) != want:
            raise VerificationError(
                f"at {at} the minimum trust is {v}"
                f"{' (not attained)' if strict else ''}"
                f"{' (no admissible level)' if none else ''}, but the existence "
                f"condition is {held} at trust {level}"
            )
