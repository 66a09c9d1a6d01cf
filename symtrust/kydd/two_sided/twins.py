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

from fractions import Fraction

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
    total = 0
    for other in range(1, n + 2):
        prob = (chain[other - 1] - chain[other]) / b if other <= n else chain[n] / b
        stop = min(r, other)
        got = sum((stakes[s - 1] for s in range(1, stop)), 0)
        if stop <= n:
            if r < other:
                got += t * stakes[r - 1]
            elif other < r:
                got -= c * stakes[other - 1]
        total += prob * got
    return total


class _Quadratic:
    """An exact number ``a + b*sqrt(d)`` (Fractions a, b; d > 0 fixed per point).

    The cutoffs at a point lie in one quadratic field Q(sqrt(d)) (the last
    cutoff is the root of a quadratic); its arithmetic is exact and the sign
    of ``a + b*sqrt(d)`` follows from the signs of a, b and ``a**2 - b**2*d``,
    without SymPy's simplification of nested radicals.
    """

    __slots__ = ("a", "b", "d")

    def __init__(self, a, b, d):
        self.a, self.b, self.d = Fraction(a), Fraction(b), d

    def _lift(self, other):
        if isinstance(other, _Quadratic):
            return other
        return _Quadratic(other, 0, self.d)

    def __add__(self, other):
        o = self._lift(other)
        return _Quadratic(self.a + o.a, self.b + o.b, self.d)

    __radd__ = __add__

    def __neg__(self):
        return _Quadratic(-self.a, -self.b, self.d)

    def __sub__(self, other):
        return self + (-self._lift(other))

    def __rsub__(self, other):
        return self._lift(other) - self

    def __mul__(self, other):
        o = self._lift(other)
        a = self.a * o.a + self.b * o.b * self.d
        return _Quadratic(a, self.a * o.b + self.b * o.a, self.d)

    __rmul__ = __mul__

    def __truediv__(self, other):
        o = self._lift(other)
        norm = o.a * o.a - o.b * o.b * self.d
        if norm == 0:
            raise ZeroDivisionError(f"division by {o}")
        return self * _Quadratic(o.a / norm, -o.b / norm, self.d)

    def __rtruediv__(self, other):
        return self._lift(other) / self

    def sign(self) -> int:
        """The exact sign of a + b*sqrt(d)."""
        sa, sb = (self.a > 0) - (self.a < 0), (self.b > 0) - (self.b < 0)
        if sb == 0 or sa == sb:
            return sa or sb
        if sa == 0:
            return sb
        # opposite signs: the larger of |a| and |b|*sqrt(d) wins
        gap = self.a * self.a - self.b * self.b * self.d
        return sa * ((gap > 0) - (gap < 0))

    def __lt__(self, other):
        return (self - other).sign() < 0

    def __gt__(self, other):
        return (self - other).sign() > 0

    def expr(self) -> sympy.Expr:
        """The number as a SymPy expression (for messages)."""
        return _rat(self.a) + _rat(self.b) * sympy.sqrt(_rat(self.d))

    def __str__(self):
        return str(self.expr())


def _rat(q: Fraction) -> sympy.Rational:
    return sympy.Rational(q.numerator, q.denominator)


def _field(values):
    """The values as exact numbers of one field: Fractions, or _Quadratic
    numbers of one Q(sqrt(d)); None if they are not of that form."""
    radicals = set()
    for v in values:
        radicals |= {
            p
            for p in v.atoms(sympy.Pow)
            if p.exp == S.Half and isinstance(p.base, sympy.Rational)
        }
    if not radicals:
        if all(isinstance(v, sympy.Rational) for v in values):
            return [Fraction(int(v.p), int(v.q)) for v in values]
        return None
    if len(radicals) != 1:
        return None
    (root,) = radicals
    d = Fraction(int(root.base.p), int(root.base.q))
    out = []
    for v in values:
        # rationalised, then a polynomial in the radical with rational coefficients
        w = sympy.expand(sympy.radsimp(v))
        try:
            poly = sympy.Poly(w, root)
        except sympy.PolynomialError:
            return None
        a, b = Fraction(0), Fraction(0)
        for (k,), coeff in poly.terms():
            if not isinstance(coeff, sympy.Rational):
                return None
            term = Fraction(int(coeff.p), int(coeff.q)) * d ** (k // 2)
            if k % 2:
                b += term
            else:
                a += term
        out.append(_Quadratic(a, b, d))
    return out


def _sign(value) -> int:
    """Exact sign: of a field number directly, of a SymPy expression with square
    roots after expanding (cheap zeros)."""
    if isinstance(value, _Quadratic):
        return value.sign()
    if isinstance(value, Fraction):
        return (value > 0) - (value < 0)
    return sign(sympy.radsimp(sympy.expand(value)))


def _shown(value):
    return value.expr() if isinstance(value, _Quadratic) else value


@twin(StartingSmallTwoSided)
def two_sided_twin(result, point) -> None:
    """Brute force over first-defection rounds at one exact point."""
    if not holds(result.condition, point, "the existence condition"):
        skip("no cutoff equilibrium here")

    def num(e):
        return exact_number(e, "a value of the result").xreplace(point)

    n = len(result.cutoffs)
    raw = [
        num(e)
        for e in (
            result.upper,
            result.cost,
            *result.cutoffs,
            *result.stakes,
            *result.trust,
        )
    ]
    # exact arithmetic in the cutoffs' quadratic field where they lie in one
    values = _field(raw) or raw
    b, c = values[0], values[1]
    cut = tuple(values[2 : 2 + n])
    stakes = tuple(values[2 + n : 2 + n + len(result.stakes)])
    trust = tuple(values[2 + n + len(result.stakes) :])
    chain = (b, *cut)
    for k in range(1, n + 1):
        now = _value(cut[k - 1], k, cut, stakes, b, c)
        later = _value(cut[k - 1], k + 1, cut, stakes, b, c)
        if _sign(now - later) != 0:
            raise VerificationError(
                f"type a_{k} = {_shown(cut[k - 1])} gains {_shown(now)} defecting in "
                f"round {k} and {_shown(later)} a round later: not indifferent"
            )
    for k in range(1, n + 2):
        hi, lo = chain[k - 1], (chain[k] if k <= n else 0)
        t = (hi + lo) / 2
        values = [_value(t, r, cut, stakes, b, c) for r in range(1, n + 2)]
        better = [r for r, v in enumerate(values) if _sign(v - values[k - 1]) > 0]
        if better:
            best = values[better[0]]
            raise VerificationError(
                f"type {_shown(t)} in the interval of round {k} gains "
                f"{_shown(values[k - 1])} there but {_shown(best)} in round "
                f"{better[0] + 1}"
            )
    for k, a in enumerate(chain):
        expect = min(a, 1) / a
        if _sign(trust[k] - expect) != 0:
            raise VerificationError(
                f"trust after cutoff {_shown(a)} is {_shown(trust[k])}, Bayes gives "
                f"{_shown(expect)}"
            )
