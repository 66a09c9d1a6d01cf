"""Numeric twin of the double auction: exact best responses on type grids.

At an exact point, for buyer values and seller costs on grids of their
supports, every bid (ask) on a grid of the opponent's range of asks (bids)
is evaluated exactly: the buyer trades with the sellers whose ask is at most
its bid (an interval of costs, the ask being increasing), and its expected
payoff is the exact integral of ``v - price`` over it; symmetrically for the
seller. No grid deviation may beat the equilibrium strategy, for any type on
the grid (also the types that never trade). The trade condition must agree
with comparing the bid and the ask at grid pairs of types.

Examples
--------
>>> from symtrust.games.continuous import double_auction
>>> from symtrust.games.continuous_types import uniform
>>> double_auction_twin(double_auction(uniform(0, 1), uniform(0, 1)), {}) is None
True
"""

from __future__ import annotations

import sympy

from symtrust.core.exact import compare, substitute_condition
from symtrust.core.twins import twin
from symtrust.errors import VerificationError
from symtrust.games.continuous.double_auction import LinearDoubleAuction
from symtrust.games.continuous.twins._grid import exact_integral

__all__ = ["double_auction_twin"]

TYPES, OFFERS = 6, 24


def _clip(x, lo, hi):
    return lo if compare(x, lo) < 0 else hi if compare(x, hi) > 0 else x


def _buyer_payoff(r, pt, v_val, bid):
    c, k = r.cost_symbol, r.weight.xreplace(pt)
    ask = r.seller_ask.xreplace(pt)
    lo, hi = (
        sympy.sympify(b, strict=True).xreplace(pt) for b in r.seller_costs.support
    )
    f = r.seller_costs.density.xreplace({r.seller_costs.variable: c}).xreplace(pt)
    slope = sympy.diff(ask, c)
    top = _clip((bid - ask.xreplace({c: 0})) / slope, lo, hi)
    return exact_integral((v_val - k * bid - (1 - k) * ask) * f, c, lo, top)


def _seller_payoff(r, pt, c_val, ask):
    v, k = r.value_symbol, r.weight.xreplace(pt)
    bid = r.buyer_bid.xreplace(pt)
    lo, hi = (
        sympy.sympify(b, strict=True).xreplace(pt) for b in r.buyer_values.support
    )
    f = r.buyer_values.density.xreplace({r.buyer_values.variable: v}).xreplace(pt)
    slope = sympy.diff(bid, v)
    bottom = _clip((ask - bid.xreplace({v: 0})) / slope, lo, hi)
    return exact_integral((k * bid + (1 - k) * ask - c_val) * f, v, bottom, hi)


def _grid(lo, hi, n):
    return [lo + (hi - lo) * sympy.Rational(j, n) for j in range(n + 1)]


def _check_side(r, pt, who, types, own, other_range, payoff):
    lo, hi = other_range
    offers = _grid(lo - (hi - lo) / 4, hi + (hi - lo) / 4, OFFERS)
    for t in types:
        mine = own.xreplace({r.value_symbol if who == "buyer" else r.cost_symbol: t})
        here = payoff(r, pt, t, mine)
        for d in offers:
            there = payoff(r, pt, t, d)
            if compare(there, here) > 0:
                raise VerificationError(
                    f"a {who} of type {t} gains by offering {d} instead of {mine}: "
                    f"{there} > {here} at {pt}"
                )


@twin(LinearDoubleAuction)
def double_auction_twin(r, point) -> None:
    """Best responses of both sides on type grids; the trade condition."""
    pt = dict(point)
    v, c = r.value_symbol, r.cost_symbol
    bid, ask = r.buyer_bid.xreplace(pt), r.seller_ask.xreplace(pt)
    lo_b, hi_b = (
        sympy.sympify(b, strict=True).xreplace(pt) for b in r.buyer_values.support
    )
    lo_s, hi_s = (
        sympy.sympify(b, strict=True).xreplace(pt) for b in r.seller_costs.support
    )
    values, costs = _grid(lo_b, hi_b, TYPES), _grid(lo_s, hi_s, TYPES)
    asks = (ask.xreplace({c: lo_s}), ask.xreplace({c: hi_s}))
    bids = (bid.xreplace({v: lo_b}), bid.xreplace({v: hi_b}))
    _check_side(r, pt, "buyer", values, bid, asks, _buyer_payoff)
    _check_side(r, pt, "seller", costs, ask, bids, _seller_payoff)
    trade = r.trade.xreplace(pt)
    for x in values:
        for y in costs:
            claimed = substitute_condition(trade, {v: x, c: y})
            actual = compare(bid.xreplace({v: x}), ask.xreplace({c: y})) >= 0
            if claimed is not actual:
                raise VerificationError(
                    f"trade condition {r.trade} says {claimed} at v = {x}, c = {y} "
                    f"but the bid and ask say {actual}"
                )
