"""Symmetric private-value auctions: monotone equilibria from a first-order ODE.

``n`` bidders (an integer or an integer parameter) draw values independently
from a :class:`~symtrust.games.continuous_types.ContinuousType` with CDF
``F`` on ``[lo, hi]``; ``G = F**(n - 1)`` is the distribution of the highest
rival value. In a symmetric equilibrium with an increasing bid ``b(v)`` a
bidder of value ``v`` who bids as if its value were ``w`` wins with
probability ``G(w)``:

* *first price*: it pays its bid, ``U(w; v) = (v - b(w)) G(w)``; the
  first-order condition at ``w = v`` is the linear ODE
  ``b' + (G'/G) b = (G'/G) v``, solved with the integrating factor
  ``mu = exp(int G'/G)`` and the boundary condition that the bid stays
  bounded at ``lo`` (``b(lo) = lo``);
* *second price*: it pays the highest rival bid,
  ``U(w; v) = int_lo^w (v - b(y)) G'(y) dy``; the first-order condition
  ``(v - b(w)) G'(w) = 0`` at ``w = v`` gives ``b(v) = v``.

Expected revenue is ``n int m(v) f(v) dv`` with ``m(v)`` the expected
payment of a bidder of value ``v``, and a bidder's expected payoff
``int (v G(v) - m(v)) f(v) dv``: closed-form integrals.

Source: Krishna (2010), *Auction Theory*, ch. 2 (Propositions 2.1-2.2,
revenue equivalence); Vickrey (1961).

Examples
--------
>>> from symtrust.games.continuous import player_count
>>> from symtrust.games.continuous_types import uniform
>>> n = player_count()
>>> eq = first_price_auction(n, uniform(0, 1))
>>> eq.bid
v*(n - 1)/n
>>> eq.revenue
(n - 1)/(n + 1)
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.numbers import exact_number
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous_types.distributions import ContinuousType
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.decide import decide

__all__ = ["AuctionEquilibrium", "first_price_auction", "second_price_auction"]


@dataclass(frozen=True, kw_only=True)
class AuctionEquilibrium(Result):
    """A symmetric increasing equilibrium of a private-value auction.

    Attributes
    ----------
    format : str
        ``"first price"`` or ``"second price"``.
    n : sympy.Expr
        The number of bidders.
    distribution : ContinuousType
        The values' distribution.
    value_symbol : sympy.Symbol
        ``v`` in the bid function.
    bid : sympy.Expr
        The equilibrium bid ``b(v)`` (also ``value``).
    revenue : sympy.Expr
        The seller's expected revenue.
    bidder_payoff : sympy.Expr
        A bidder's ex ante expected payoff.
    increasing : bool or None
        Whether z3 proved the bid increasing on the support.
    """

    format: str = "first price"
    n: sympy.Expr = None
    distribution: ContinuousType = None
    value_symbol: sympy.Symbol = None
    bid: sympy.Expr = None
    revenue: sympy.Expr = None
    bidder_payoff: sympy.Expr = None
    increasing: bool | None = None

    def display_rows(self):
        """Bid, revenue and a bidder's payoff."""
        return (
            (f"{self.format} bid b({self.value_symbol})", self.bid),
            ("expected revenue", self.revenue),
            ("expected payoff of a bidder", self.bidder_payoff),
        )

    @property
    def parameters(self) -> frozenset:
        """The number of bidders (if symbolic) and the distribution's parameters."""
        out = set(self.assumptions.symbols) | set(self.n.free_symbols)
        out |= set(self.distribution.parameters)
        for e in (self.bid, self.revenue, self.bidder_payoff):
            out |= e.free_symbols
        return frozenset(out - {self.value_symbol})


def _setup(n, values):
    n = exact_number(n, "number of bidders n")
    if n.is_integer is not True:
        raise ModelError(f"number of bidders n={n} must be an integer parameter")
    if not isinstance(values, ContinuousType):
        raise ModelError(
            f"values={values!r} must be a ContinuousType (uniform(lo, hi) or "
            "ContinuousType.build(...))"
        )
    assume = extend_assumptions(values.assumptions, (), symbols=n.free_symbols)
    if decide(n >= 2, assume).truth is not True:
        raise ModelError(f"number of bidders n={n} must be at least 2")
    v = sympy.Symbol("v", real=True)
    F = values.cdf.xreplace({values.variable: v})
    f = values.density.xreplace({values.variable: v})
    return n, v, F, f, assume


def _simplify(e):
    return sympy.factor(sympy.simplify(sympy.powsimp(e, force=True)))


def _zero_powers(e, assume):
    """``0**k`` with ``k > 0`` under the assumptions (``0**(n - 1)``, n >= 2) is 0."""

    def zero(p):
        return p.is_Pow and p.base == 0 and decide(p.exp > 0, assume).truth is True

    return e.replace(zero, lambda p: S.Zero)


def _integrate(expr, v, a, b, assume=()):
    # monomials v**(k n + m) integrate by the power rule (heurisch is slow on products)
    flat = sympy.expand(sympy.powsimp(sympy.expand(expr), force=True))
    if all(p.base.is_Symbol or p.exp.is_number for p in flat.atoms(sympy.Pow)):
        expr = flat
    out = sympy.integrate(expr, (v, a, b), conds="none")
    out = _zero_powers(out, assume)
    if out.has(sympy.Integral):
        raise UnsupportedError(f"SymPy cannot integrate {expr} over [{a}, {b}] in {v}")
    return out


def _finish(fmt, n, values, v, bid, payment, assume, steps, solver_steps):
    lo, hi = values.support
    F = values.cdf.xreplace({values.variable: v})
    f = values.density.xreplace({values.variable: v})
    revenue = _simplify(n * _integrate(payment * f, v, lo, hi, assume))
    payoff = _simplify(_integrate((v * F ** (n - 1) - payment) * f, v, lo, hi, assume))
    region = extend_assumptions(assume, [v > lo, v < hi], symbols=(v,))
    increasing = decide(sympy.diff(bid, v) > 0, region).truth
    return AuctionEquilibrium(
        kind=f"{fmt} auction equilibrium",
        value=bid,
        condition=S.true,
        assumptions=assume if isinstance(assume, Assumptions) else Assumptions(),
        steps=(
            *steps,
            *solver_steps,
            Step("expected revenue", revenue, "n * integral of m(v) f(v)"),
            Step("bidder's expected payoff", payoff, "integral of (v G - m) f"),
            Step("monotone", sympy.diff(bid, v) > 0, f"decided by z3: {increasing}"),
        ),
        game=None,
        format=fmt,
        n=n,
        distribution=values,
        value_symbol=v,
        bid=bid,
        revenue=revenue,
        bidder_payoff=payoff,
        increasing=increasing,
    )


def first_price_auction(n, values: ContinuousType) -> AuctionEquilibrium:
    """The symmetric equilibrium of the first-price auction.

    Parameters
    ----------
    n : int or integer parameter
        Number of bidders (at least 2).
    values : ContinuousType
        The distribution of each bidder's value.

    Raises
    ------
    ModelError
        ``n`` not an integer at least 2, ``values`` not a ContinuousType.
    UnsupportedError
        An integral SymPy cannot do in closed form.

    Examples
    --------
    >>> from symtrust.games.continuous_types import uniform
    >>> first_price_auction(3, uniform(0, 1)).bid
    2*v/3
    """
    n, v, F, _, assume = _setup(n, values)
    try:
        return _first_price(n, values, v, F, assume)
    except (TypeError, ValueError, NotImplementedError) as exc:
        raise UnsupportedError(
            f"SymPy cannot solve the first-price bid ODE for n = {n} and CDF {F} "
            f"in closed form ({exc}); try a numeric n"
        ) from None


def _first_price(n, values, v, F, assume):
    lo, _ = values.support
    G = F ** (n - 1)
    s = sympy.Dummy("s", real=True)
    # the linear ODE b' + P b = P v from the first-order condition at w = v
    P = sympy.simplify(sympy.diff(G, v) / G)
    # exp(int G'/G) = G: the integrating factor is the rivals' distribution itself
    mu = G
    # the bounded solution: b(v) = int_lo^v s mu'(s) ds / mu(v)
    num = _integrate((s * sympy.diff(mu, v)).xreplace({v: s}), s, lo, v, assume)
    bid = _simplify(num / mu)
    residual = sympy.simplify(sympy.diff(bid, v) + P * bid - P * v)
    if residual != 0:
        raise UnsupportedError(
            f"the integrating-factor solution {bid} does not satisfy the ODE "
            f"b' + ({P}) b = ({P}) v (residual {residual})"
        )
    steps = (
        Step("payoff of bidding as type w", sympy.Symbol("U(w; v)"), "(v - b(w)) G(w)"),
        Step(
            "first-order condition at w = v",
            sympy.Eq(sympy.Symbol("b'"), P * (v - sympy.Symbol("b"))),
            "linear ODE",
        ),
        Step("integrating factor", mu, "exp(int G'/G) = G"),
        Step(
            "bid", bid, "bounded solution, b(lo) = lo; the ODE checked by substitution"
        ),
    )
    payment = bid * G
    return _finish("first price", n, values, v, bid, payment, assume, steps, ())


def second_price_auction(n, values: ContinuousType) -> AuctionEquilibrium:
    """The equilibrium of the second-price auction (bidding one's value).

    Examples
    --------
    >>> from symtrust.games.continuous_types import uniform
    >>> eq = second_price_auction(3, uniform(0, 1))
    >>> eq.bid, eq.revenue
    (v, 1/2)
    """
    n, v, F, _, assume = _setup(n, values)
    lo, _ = values.support
    G = F ** (n - 1)
    b = sympy.Symbol("b", real=True)
    # U(w; v) = int_lo^w (v - b(y)) G'(y) dy: its derivative in w at w = v
    foc = (v - b) * sympy.diff(G, v)
    sols = [r for r in sympy.solve(foc, b) if r.has(v)]
    if len(sols) != 1:
        raise UnsupportedError(f"the first-order condition {foc} = 0 has no unique bid")
    bid = sols[0]
    s = sympy.Dummy("s", real=True)
    payment = _integrate((bid * sympy.diff(G, v)).xreplace({v: s}), s, lo, v, assume)
    steps = (
        Step(
            "first-order condition in the reported type",
            sympy.Eq(foc, 0),
            "(v - b) G'(v) = 0",
        ),
        Step("bid", bid, "solve for b"),
        Step("expected payment", payment, "the highest rival bid when winning"),
    )
    return _finish("second price", n, values, v, bid, payment, assume, steps, ())
