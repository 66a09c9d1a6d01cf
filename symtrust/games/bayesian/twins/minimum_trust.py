"""Numeric twin of :func:`symtrust.games.bayesian.minimum_trust.minimum_trust`.

At an exact admissible point the derived minimum ``v`` is evaluated, and the
existence condition is evaluated exactly at trust levels on a grid of the
trust domain plus levels just around ``v``: it must hold exactly at the levels
``>= v`` (``> v`` where the result says the minimum is not attained) and fail
below; where the result says no admissible trust level will do, it must fail
at every level. A point outside the result's ``condition`` (an undecided
piece) is skipped.

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

import sympy
from sympy import S

from symtrust.core.exact import substitute_condition
from symtrust.core.twins import skip, twin
from symtrust.errors import VerificationError

__all__ = ["minimum_trust_twin"]

_GRID = 40
_NEAR = (sympy.Rational(1, 10**3), sympy.Rational(1, 10**6))


def _levels(domain, v):
    lo, hi = domain.inf, domain.sup
    levels = {lo + (hi - lo) * sympy.Rational(k, _GRID) for k in range(_GRID + 1)}
    if v.is_Rational:
        levels |= {v, *(v + d for d in _NEAR), *(v - d for d in _NEAR)}
    return sorted(t for t in levels if domain.contains(t) is S.true)


@twin("MinimumTrust")
def minimum_trust_twin(result, point) -> None:
    """Existence holds exactly at the trust levels at or above the minimum."""
    at = {s: v for s, v in point.items() if s != result.trust}
    if substitute_condition(result.condition, at) is not True:
        skip("the minimum is undecided at this point")
    v = sympy.simplify(result.value.xreplace(at))
    if v.has(S.NaN) or not v.is_number:
        raise VerificationError(f"the minimum trust at {at} is {v}, not a number")
    none = substitute_condition(result.unattainable, at) is True
    strict = substitute_condition(result.strict, at) is True
    for level in _levels(result.trust.domain, v):
        held = substitute_condition(result.existence, {**at, result.trust: level})
        want = False if none else bool(level > v if strict else level >= v)
        if bool(held) != want:
            raise VerificationError(
                f"at {at} the minimum trust is {v}"
                f"{' (not attained)' if strict else ''}"
                f"{' (no admissible level)' if none else ''}, but the existence "
                f"condition is {held} at trust {level}"
            )
