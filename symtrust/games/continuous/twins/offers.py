"""Numeric twin of the optimal-offer solver: exact integration over the types.

At an exact parameter point and for each rational offer ``d`` on a fine
grid, the responder's choice is computed type by type, independently of the
solver's cutoff: the real roots of the gain ``D(d, theta)`` in the support
split it into pieces, the sign of ``D`` at each piece's midpoint says who
accepts there, and the proposer's expected utility is the exact integral of
its payoff times the density piece by piece. The claimed offer must do at
least as well as every grid offer (only its neighbours for a local optimum),
and its probability of rejection must equal the measure of the rejecting
types.

Examples
--------
>>> import sympy
>>> from symtrust.games.continuous import offer_game, optimal_offer
>>> from symtrust.games.continuous_types import uniform
>>> x, t = sympy.symbols("x t", real=True)
>>> g = offer_game(x, (0, 1), t, uniform(0, 1), accept=(1 - x, x), reject=(0, t))
>>> optimal_offer_twin(optimal_offer(g), {}) is None
True
"""

from __future__ import annotations

import itertools

import sympy

from symtrust.core.exact import compare
from symtrust.core.twins import defined_value, holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.continuous.offers import OfferEquilibrium, optimal_offer
from symtrust.games.continuous.twins._grid import exact_integral, grid

__all__ = ["offer_equilibrium_twin", "offer_outcome", "optimal_offer_twin"]


def _pieces(gain, t, lo, hi, poly=None):
    """Sub-intervals of [lo, hi] on which the gain has one sign.

    ``poly``: the gain as a polynomial in ``t`` with rational coefficients,
    when it is one (a linear gain's one root is then read off).
    """
    if poly is not None and poly.degree() == 1:
        slope, const = poly.all_coeffs()
        roots = [-const / slope]
    elif poly is not None:
        roots = poly.real_roots() if poly.degree() > 0 else []
    else:
        try:
            roots = sympy.Poly(gain, t).real_roots() if gain.has(t) else []
        except sympy.PolynomialError:
            roots = [r for r in sympy.solve(gain, t) if r.is_real]
    cuts = sorted({r for r in roots if lo < r < hi}, key=lambda r: sympy.N(r, 30))
    ends = [lo, *cuts, hi]
    return list(itertools.pairwise(ends))


def offer_outcome(game, offer) -> tuple:
    """(proposer's expected utility, probability of rejection) at a numeric offer.

    ``game`` is the game at a point (only ``offer`` and the type free).
    """
    return _Outcomes(game).at(offer)


class _Outcomes:
    """:func:`offer_outcome` for many offers of one game at a point.

    Where the gain and the proposer's payoffs times the density are
    polynomials in (offer, type) with rational coefficients, they are made
    polynomials once and evaluated at each offer (the same exact polynomials
    that expanding after each substitution gives); otherwise each offer is
    substituted and expanded.
    """

    def __init__(self, game):
        self.game = game
        x, t = game.offer, game.type_symbol
        f = game.density
        try:
            parts = (game.responder_gain, game.accept[0] * f, game.reject[0] * f)
            polys = (
                *(sympy.Poly(sympy.expand(e), x, t) for e in parts),
                sympy.Poly(sympy.expand(f), t),
            )
        except sympy.PolynomialError:
            polys = None
        if polys is not None and not all(
            p.domain.is_QQ or p.domain.is_ZZ for p in polys
        ):
            polys = None
        self.polys = polys
        self.mass = polys[3].integrate() if polys is not None else None

    def at(self, offer) -> tuple:
        if self.polys is None:
            return _outcome(self.game, offer)
        game = self.game
        x, t = game.offer, game.type_symbol
        lo, hi = game.distribution.support
        gain_p, accept_p, reject_p, _ = self.polys
        gain = gain_p.eval(x, offer)
        accept = accept_p.eval(x, offer).integrate()
        reject = reject_p.eval(x, offer).integrate()
        mass = self.mass
        gain_e = gain.as_expr()
        eu, rejected = sympy.S.Zero, sympy.S.Zero
        for a, b in _pieces(gain_e, t, lo, hi, gain):
            mid = (a + b) / 2
            value = defined_value(gain_e, {t: mid}, "the responder's gain")
            accepts = compare(value, 0) >= 0
            anti = accept if accepts else reject
            eu += anti.eval(b) - anti.eval(a)
            if not accepts:
                rejected += mass.eval(b) - mass.eval(a)
        return eu, rejected


def _outcome(game, offer) -> tuple:
    x, t = game.offer, game.type_symbol
    lo, hi = game.distribution.support
    f = game.density
    gain = sympy.expand(game.responder_gain.xreplace({x: offer}))
    eu, rejected = sympy.S.Zero, sympy.S.Zero
    for a, b in _pieces(gain, t, lo, hi):
        mid = (a + b) / 2
        accepts = compare(defined_value(gain, {t: mid}, "the responder's gain"), 0) >= 0
        payoff = (game.accept if accepts else game.reject)[0].xreplace({x: offer})
        eu += exact_integral(payoff * f, t, a, b)
        if not accepts:
            rejected += exact_integral(f, t, a, b)
    return eu, rejected


@twin(OfferEquilibrium)
def offer_equilibrium_twin(r, point) -> None:
    """The offer beats every grid offer; its rejection probability is exact."""
    if not holds(r.condition, point, "the optimal offer's condition"):
        skip("the offer's condition is false here")
    game = r.game.subs(point, strict=False)
    offer = defined_value(r.offer, point, "the offer")
    outcomes = _Outcomes(game)
    here, rejected = outcomes.at(sympy.sympify(offer, strict=True))
    claimed = defined_value(r.rejection, point, "the probability of rejection")
    if compare(claimed, rejected) != 0:
        raise VerificationError(
            f"probability of rejection {claimed} but the types that reject offer "
            f"{offer} have measure {rejected} at {point}"
        )
    payoff = defined_value(r.proposer_payoff, point, "the proposer's payoff")
    if compare(payoff, here) != 0:
        raise VerificationError(
            f"proposer's payoff {payoff} but integration gives {here} at {point}"
        )
    lo, hi = (defined_value(b, point, "bound") for b in game.bounds)
    if compare(offer, lo) < 0 or compare(offer, hi) > 0:
        raise VerificationError(f"offer {offer} outside [{lo}, {hi}] at {point}")
    for d in grid(lo, hi, offer, local=not r.is_global):
        there, _ = outcomes.at(sympy.Rational(d.numerator, d.denominator))
        if compare(there, here) > 0:
            raise VerificationError(
                f"offer {d} earns the proposer {there} > {here} from {offer} at {point}"
            )


@twin(optimal_offer)
def optimal_offer_twin(sol, point) -> None:
    """Every offer whose condition holds passes its twin."""
    checked = 0
    for r in sol:
        if holds(r.condition, point, "the optimal offer's condition"):
            offer_equilibrium_twin(r, point)
            checked += 1
    if not checked:
        skip("no offer's condition holds here")
