"""Numeric twin of the auction solvers: exact deviations and order statistics.

At an exact point (``n`` numeric), independently of the first-order ODE:

1. *best response*: for values on a grid of the support, every bid on a
   grid of the bid range (and just above it) is evaluated exactly: the
   probability of winning is ``F(w)**(n - 1)`` with ``w`` the type whose
   equilibrium bid it equals (solved exactly), the payment the own bid
   (first price) or the exact integral of the rivals' highest bid (second
   price); none may beat the equilibrium bid;
2. *revenue*: the expectation of the highest bid (first price) or of the
   second-highest value (second price) under the order-statistic
   distributions ``F**n`` and ``n F**(n - 1) - (n - 1) F**n``;
3. *payoffs*: ``n`` bidders' payoffs plus the revenue equal the expected
   highest value (the allocation is efficient).

Examples
--------
>>> from symtrust.games.continuous import first_price_auction
>>> from symtrust.games.continuous_types import uniform
>>> auction_twin(first_price_auction(2, uniform(0, 1)), {}) is None
True
"""

from __future__ import annotations

import sympy

from symtrust.core.exact import compare
from symtrust.core.twins import skip, twin
from symtrust.errors import VerificationError
from symtrust.games.continuous.auctions import AuctionEquilibrium
from symtrust.games.continuous.twins._grid import exact_integral

__all__ = ["MAX_BIDDERS", "auction_twin"]

#: Largest number of bidders the twin evaluates exactly.
MAX_BIDDERS = 40
VALUES, BIDS = 5, 16


def _type_of(bid, v, d, lo, hi):
    """The type whose equilibrium bid is d (clipped to the support)."""
    if compare(d, bid.xreplace({v: lo})) <= 0:
        return lo
    if compare(d, bid.xreplace({v: hi})) >= 0:
        return hi
    try:
        found = sympy.Poly(bid - d, v).real_roots()
    except sympy.PolynomialError:
        found = [r for r in sympy.solve(sympy.Eq(bid, d), v) if r.is_real]
    roots = [r for r in found if compare(r, lo) >= 0 and compare(r, hi) <= 0]
    if len(roots) != 1:
        raise VerificationError(f"the bid {bid} does not invert uniquely at {d}")
    return roots[0]


def _payoff(r, v, bid, G, value, d, lo, hi):
    w = _type_of(bid, v, d, lo, hi)
    if r.format == "first price":
        return (value - d) * G.xreplace({v: w})
    y = sympy.Dummy("y", real=True)
    integrand = ((value - bid) * sympy.diff(G, v)).xreplace({v: y})
    return exact_integral(integrand, y, lo, w)


@twin(AuctionEquilibrium)
def auction_twin(r, point) -> None:
    """Best responses on a grid, revenue by order statistics, surplus identity."""
    n = sympy.sympify(r.n, strict=True).xreplace(point)
    if not n.is_Integer:
        skip("the number of bidders is not numeric here")
    if n > MAX_BIDDERS:
        skip(f"more than {MAX_BIDDERS} bidders")
    dist = r.distribution.subs(point, strict=False)
    v = r.value_symbol
    F = dist.cdf.xreplace({dist.variable: v})
    lo, hi = dist.support
    bid = sympy.sympify(r.bid, strict=True).xreplace(point)
    G = F ** (n - 1)
    top = bid.xreplace({v: hi})
    span = top - bid.xreplace({v: lo})
    bids = [bid.xreplace({v: lo}) + span * k / BIDS for k in range(BIDS + 1)]
    bids.append(top + span / BIDS)
    for j in range(1, VALUES + 1):
        value = lo + (hi - lo) * sympy.Rational(j, VALUES + 1)
        here = _payoff(r, v, bid, G, value, bid.xreplace({v: value}), lo, hi)
        for d in bids:
            there = _payoff(r, v, bid, G, value, d, lo, hi)
            if compare(there, here) > 0:
                raise VerificationError(
                    f"a bidder of value {value} gains by bidding {d} instead of "
                    f"{bid.xreplace({v: value})}: {there} > {here} at {point}"
                )
    # revenue from the order statistics
    if r.format == "first price":
        revenue = exact_integral(bid * sympy.diff(F**n, v), v, lo, hi)
    else:
        second = n * F ** (n - 1) - (n - 1) * F**n
        revenue = exact_integral(v * sympy.diff(second, v), v, lo, hi)
    claimed = sympy.sympify(r.revenue, strict=True).xreplace(point)
    if compare(claimed, revenue) != 0:
        raise VerificationError(
            f"revenue {claimed} but the order statistics give {revenue} at {point}"
        )
    highest = exact_integral(v * sympy.diff(F**n, v), v, lo, hi)
    payoff = sympy.sympify(r.bidder_payoff, strict=True).xreplace(point)
    if compare(n * payoff + claimed, highest) != 0:
        raise VerificationError(
            f"n * payoff + revenue = {n * payoff + claimed} differs from the expected "
            f"highest value {highest} at {point}"
        )
