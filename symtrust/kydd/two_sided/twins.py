"""Numeric twin of the two-sided starting-small equilibrium.

At an exact point where the result's condition holds, the twin plays the
game out itself: for a type t and its first defection round r against the
other's cutoff strategy (whose first defection round is k with probability
(a_{k-1} - a_k) / b, never with a_N / b), the payoff is the sum of the
stage payoffs until the first defection (x_s for mutual cooperation, t x_r
for exploiting, -c x_r for being exploited, 0 when both defect). It checks

* every cutoff type a_k is indifferent between first defecting in round k
  and in round k + 1, and the last one between defecting in round N and
  never;
* a type inside each cutoff interval (a_k, a_{k-1}) finds round k a best
  round among all N + 1 choices, and a type below a_N never defects;
* trust at the start of each round is Pr(t <= 1 | t <= a_{k-1}) for the
  uniform prior, computed exactly.

Examples
--------
>>> import sympy
>>> from symtrust import check
>>> from symtrust.kydd.two_sided.two_sided import starting_small_two_sided
>>> sm = starting_small_two_sided(2, upper=4, cost=sympy.Rational(1, 10),
...                               cutoffs=(2,))
>>> check(sm, max_examples=1).passed
True
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.core.exact import sign
from symtrust.core.numbers import exact_number
from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.kydd.two_sided.two_sided import StartingSmallTwoSided

__all__ = ["two_sided_twin"]


def _value(t, r, cut, stakes, b, c):
    """Expected payoff of first defecting in round r (N + 1: never)."""
    n = len(cut)
    chain = (b, *cut)
    total = S.Zero
    for other in range(1, n + 2):
        prob = (chain[other - 1] - chain[other]) / b if other <= n else chain[n] / b
        stop = min(r, other)
        got = sum((stakes[s - 1] for s in range(1, stop)), S.Zero)
        if stop <= n:
            if r < other:
                got += t * stakes[r - 1]
            elif other < r:
                got -= c * stakes[other - 1]
        total += prob * got
    return total


def _sign(expr) -> int:
    """Exact sign of an expression with square roots (expanded first: cheap zeros)."""
    return sign(sympy.radsimp(sympy.expand(expr)))


@twin(StartingSmallTwoSided)
def two_sided_twin(result, point) -> None:
    """Brute force over first-defection rounds at one exact point."""
    if not holds(result.condition, point, "the existence condition"):
        skip("no cutoff equilibrium here")

    def num(e):
        return exact_number(e, "a value of the result").xreplace(point)

    b, c = num(result.upper), num(result.cost)
    cut = tuple(num(a) for a in result.cutoffs)
    stakes = tuple(num(x) for x in result.stakes)
    n = len(cut)
    chain = (b, *cut)
    for k in range(1, n + 1):
        now = _value(cut[k - 1], k, cut, stakes, b, c)
        later = _value(cut[k - 1], k + 1, cut, stakes, b, c)
        if _sign(now - later) != 0:
            raise VerificationError(
                f"type a_{k} = {cut[k - 1]} gains {now} defecting in round {k} and "
                f"{later} a round later: not indifferent"
            )
    for k in range(1, n + 2):
        hi, lo = chain[k - 1], (chain[k] if k <= n else S.Zero)
        t = (hi + lo) / 2
        values = [_value(t, r, cut, stakes, b, c) for r in range(1, n + 2)]
        better = [r for r, v in enumerate(values) if _sign(v - values[k - 1]) > 0]
        if better:
            best = values[better[0]]
            raise VerificationError(
                f"type {t} in the interval of round {k} gains {values[k - 1]} there but "
                f"{best} in round {better[0] + 1}"
            )
    for k, a in enumerate(chain):
        expect = min(a, S.One) / a
        if _sign(num(result.trust[k]) - expect) != 0:
            raise VerificationError(
                f"trust after cutoff {a} is {num(result.trust[k])}, Bayes gives {expect}"
            )
