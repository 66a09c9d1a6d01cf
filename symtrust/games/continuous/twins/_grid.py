"""Exact best-response search over a fine rational grid (shared by the twins).

Independent of the first-order conditions: a claimed best response ``v`` of
a player is compared, by exact evaluation of the utility, with every point
of a rational grid on the player's interval (``GRID + 1`` points, plus points
just beside ``v``); any grid point strictly better refutes it. For a local
claim (concavity not proved) only the points beside ``v`` are used.
"""

from __future__ import annotations

from fractions import Fraction

import sympy
from sympy import S

from symtrust.core.exact import compare, value_at
from symtrust.core.twins import defined_value
from symtrust.errors import VerificationError

__all__ = ["GRID", "exact_integral", "grid", "no_better_deviation"]

#: Number of grid intervals on a player's action interval.
GRID = 48


def _approx(v) -> Fraction:
    if isinstance(v, Fraction):
        return v
    if isinstance(v, sympy.Rational):
        return Fraction(int(v.p), int(v.q))
    return Fraction(sympy.Rational(sympy.nsimplify(sympy.N(v, 30), rational=True)))


def grid(lo, hi, center, *, local: bool = False) -> list:
    """Rational points in ``[lo, hi]``: a uniform grid and the neighbours of ``center``.

    Infinite ends are replaced by finite ones around the center.
    """
    c = _approx(center)
    width = abs(c) + 1
    lo_f = _approx(lo) if lo not in (S.NegativeInfinity,) else c - 4 * width
    hi_f = _approx(hi) if hi not in (S.Infinity,) else c + 4 * width
    span = hi_f - lo_f
    pts = set()
    if not local:
        pts |= {lo_f + span * k / GRID for k in range(GRID + 1)}
    for step in (span / (GRID * 8), span / (GRID * 64), span / 10**6):
        pts |= {c - step, c + step}
    return sorted(p for p in pts if lo_f <= p <= hi_f)


def no_better_deviation(u, action, point, value, bounds, *, local, who) -> None:
    """Raise VerificationError if some grid action beats ``value`` for ``u``."""
    lo, hi = bounds
    if (
        lo.is_finite is not False
        and compare(value, defined_value(lo, point, "bound")) < 0
    ) or (
        hi.is_finite is not False
        and compare(value, defined_value(hi, point, "bound")) > 0
    ):
        raise VerificationError(
            f"{who}'s action {value} lies outside [{lo}, {hi}] at {point}"
        )
    lo_v = lo if lo.is_finite is False else defined_value(lo, point, "bound")
    hi_v = hi if hi.is_finite is False else defined_value(hi, point, "bound")
    here = defined_value(u, {**point, action: value}, f"utility of {who}")
    for d in grid(lo_v, hi_v, value, local=local):
        there = value_at(u, {**point, action: d})
        if there is not None and compare(there, here) > 0:
            raise VerificationError(
                f"{who} gains by deviating from {value} to {d} at {point}: "
                f"utility {there} > {here}"
            )


def exact_integral(expr, t, a, b):
    """Exact definite integral: by polynomial antiderivative where it is one."""
    try:
        anti = sympy.Poly(sympy.expand(expr), t).integrate()
    except sympy.PolynomialError:
        return sympy.integrate(expr, (t, a, b))
    return anti.eval(b) - anti.eval(a)
