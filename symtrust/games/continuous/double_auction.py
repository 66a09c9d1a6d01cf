"""The double auction: a Bayesian game with continuous types, linear strategies.

A buyer of value ``v`` (distributed ``F_b`` on ``[lo_b, hi_b]``) bids ``p``;
a seller of cost ``c`` (``F_s`` on ``[lo_s, hi_s]``) asks ``a``. They trade
iff ``p >= a``, at the price ``k p + (1 - k) a`` (``k`` in ``[0, 1]``).
Equilibria are sought in a *given form*: strategies linear in the type,
``p(v) = alpha_b + beta_b v`` and ``a(c) = alpha_s + beta_s c``
(``beta > 0``):

1. against the seller's linear ask, the buyer's expected payoff from a bid
   ``p`` is ``int_{lo_s}^{c(p)} (v - k p - (1 - k) a(c)) f_s(c) dc`` with
   ``c(p) = (p - alpha_s) / beta_s``; the seller's is symmetric;
2. each first-order condition, with the linear strategy substituted, must
   hold for every type: its coefficients in the type vanish;
3. those polynomial equations in the four coefficients are solved exactly
   (a form that cannot satisfy them is an
   :class:`~symtrust.errors.UnsupportedError`);
4. trade happens iff ``p(v) >= a(c)``, a condition on the two types.

Source: Chatterjee and Samuelson (1983), "Bargaining under Incomplete
Information", *Operations Research* 31(5); Gibbons (1992), section 3.2.C.

Examples
--------
>>> from symtrust.games.continuous_types import uniform
>>> eq = double_auction(uniform(0, 1), uniform(0, 1))
>>> eq.buyer_bid, eq.seller_ask
(2*v/3 + 1/12, 2*c/3 + 1/4)
>>> eq.trade
v >= c + 1/4
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.numbers import exact_number
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous._system import solve_system, type_coefficients
from symtrust.games.continuous_types.distributions import ContinuousType
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.decide import decide

_LINEAR = "the linear form cannot be matched coefficient by coefficient"

__all__ = ["LinearDoubleAuction", "double_auction"]


@dataclass(frozen=True, kw_only=True)
class LinearDoubleAuction(Result):
    """A linear equilibrium of the double auction.

    Attributes
    ----------
    buyer_bid, seller_ask : sympy.Expr
        ``p(v)`` and ``a(c)`` (``value`` is the pair).
    trade : sympy Boolean
        When trade happens, in the types ``v`` and ``c``.
    buyer_values, seller_costs : ContinuousType
    weight : sympy.Expr
        ``k``: the price is ``k p + (1 - k) a``.
    value_symbol, cost_symbol : sympy.Symbol
    """

    buyer_bid: sympy.Expr = None
    seller_ask: sympy.Expr = None
    trade: sympy.Basic = None
    buyer_values: ContinuousType = None
    seller_costs: ContinuousType = None
    weight: sympy.Expr = None
    value_symbol: sympy.Symbol = None
    cost_symbol: sympy.Symbol = None

    @property
    def parameters(self) -> frozenset:
        """The distributions' and the weight's parameters (not the types)."""
        out = set(self.assumptions.symbols) | set(self.weight.free_symbols)
        out |= set(self.buyer_values.parameters) | set(self.seller_costs.parameters)
        for e in (self.buyer_bid, self.seller_ask):
            out |= e.free_symbols
        return frozenset(out - {self.value_symbol, self.cost_symbol})

    def display_rows(self):
        """Both strategies and the trade condition."""
        return (
            ("buyer's bid", self.buyer_bid),
            ("seller's ask", self.seller_ask),
            ("trade iff", self.trade),
        )


def double_auction(buyer_values, seller_costs, *, weight=S.Half) -> LinearDoubleAuction:
    """The linear equilibrium of the double auction.

    Parameters
    ----------
    buyer_values, seller_costs : ContinuousType
        The buyer's value and the seller's cost distributions.
    weight : exact number
        ``k`` in ``[0, 1]``, the buyer's bid's weight in the price.

    Raises
    ------
    ModelError
        Distributions that are not ContinuousTypes, a weight outside (0, 1],
        floats, strings, nan.
    UnsupportedError
        No linear equilibrium with increasing strategies (the linear form
        cannot satisfy the first-order conditions), or a system SymPy cannot
        solve.

    Examples
    --------
    >>> from symtrust.games.continuous_types import uniform
    >>> eq = double_auction(uniform(0, 1), uniform(0, 1), weight=1)
    >>> eq.seller_ask, eq.buyer_bid
    (c, v/2)
    """
    for what, d in (("buyer_values", buyer_values), ("seller_costs", seller_costs)):
        if not isinstance(d, ContinuousType):
            raise ModelError(f"{what}={d!r} must be a ContinuousType")
    k = exact_number(weight, "price weight k")
    assume = extend_assumptions(
        buyer_values.assumptions,
        seller_costs.assumptions.conditions,
        symbols=k.free_symbols,
    )
    if decide(sympy.And(k > 0, k <= 1), assume).truth is not True:
        raise ModelError(f"price weight k={k} must lie in (0, 1]")
    v, c, p, a = sympy.symbols("v c p a", real=True)
    ab, bb, as_, bs = sympy.symbols("alpha_b beta_b alpha_s beta_s", real=True)
    fb = buyer_values.density.xreplace({buyer_values.variable: v})
    fs = seller_costs.density.xreplace({seller_costs.variable: c})
    lo_s, _ = seller_costs.support
    _, hi_b = buyer_values.support
    ask, bid = as_ + bs * c, ab + bb * v
    # buyer: trade with the sellers whose ask is below p
    c_hat = (p - as_) / bs
    u_b = sympy.integrate((v - k * p - (1 - k) * ask) * fs, (c, lo_s, c_hat))
    foc_b = sympy.diff(u_b, p).xreplace({p: bid})
    # seller: trade with the buyers whose bid is above a
    v_hat = (a - ab) / bb
    u_s = sympy.integrate((k * bid + (1 - k) * a - c) * fb, (v, v_hat, hi_b))
    foc_s = sympy.diff(u_s, a).xreplace({a: ask})
    eqs = [
        *type_coefficients(foc_b, v, why=_LINEAR),
        *type_coefficients(foc_s, c, why=_LINEAR),
    ]
    sols = [
        s
        for s in solve_system(eqs, (ab, bb, as_, bs))
        if decide(sympy.And(s[bb] > 0, s[bs] > 0), assume).truth is not False
    ]
    if len(sols) != 1:
        raise UnsupportedError(
            f"the linear form has {len(sols)} increasing solutions of the "
            f"first-order conditions {eqs}; a unique linear equilibrium is needed"
        )
    (s,) = sols
    bid_v, ask_c = (sympy.expand(e.xreplace(s)) for e in (bid, ask))
    trade = sympy.Ge(v, sympy.expand(sympy.solve(sympy.Eq(bid_v, ask_c), v)[0]))
    steps = (
        Step("buyer's expected payoff of bidding p", u_b, "against the linear ask"),
        Step("seller's expected payoff of asking a", u_s, "against the linear bid"),
        Step("coefficient equations", sympy.Tuple(*eqs), "each FOC for every type"),
        Step("coefficients", sympy.Tuple(*(s[x] for x in (ab, bb, as_, bs))), "solve"),
        Step("trade", trade, "bid >= ask"),
    )
    return LinearDoubleAuction(
        kind="linear equilibrium of the double auction",
        value=(bid_v, ask_c),
        condition=S.true,
        assumptions=assume,
        steps=steps,
        buyer_bid=bid_v,
        seller_ask=ask_c,
        trade=trade,
        buyer_values=buyer_values,
        seller_costs=seller_costs,
        weight=k,
        value_symbol=v,
        cost_symbol=c,
    )
