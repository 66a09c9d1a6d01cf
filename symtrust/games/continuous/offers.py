"""The optimal offer to a responder of private type: screening by one offer.

Backward induction over a continuous choice (Fearon 1995, section 3.2; the
ultimatum game with an uncertain cost of refusal):

1. *Responder.* Type ``theta`` accepts ``x`` iff its gain
   ``D(x, theta) = u_R(accept) - u_R(reject) >= 0``. ``D`` must be strictly
   monotone in ``theta`` (decided by z3 on the support), so acceptance is a
   cutoff: ``theta >= theta*(x)`` (``D`` increasing) or ``theta <= theta*(x)``
   (decreasing), ``theta*`` the root of ``D(x, theta) = 0``.
2. *Proposer.* With the cutoff inside the support, the expected utility is
   ``EU(x) = int_accept u_P(accept) f + int_reject u_P(reject) f``, closed-form
   integrals of the density.
3. *The offer* solves ``EU'(x) = 0``; concavity of ``EU`` where the cutoff is
   interior is decided by z3 and otherwise stated (``EU'' < 0`` at the
   offer). Its condition: the offer inside its interval and the cutoff
   inside the support (a positive probability of rejection, less than 1).
4. *Corners.* The offer that every type accepts (the cutoff at the edge of
   the support) is optimal where ``EU'`` there is ``>= 0``; an offer at the
   bound of its interval where ``EU'`` points outward.

The solution is *global* when concavity is proved, the proposer's payoff
from acceptance does not increase in the offer, and the payoff from
rejection does not depend on it (then ``EU`` is concave on the interior
region and no offer outside it does better).

Examples
--------
>>> import sympy
>>> from symtrust.games.continuous import offer_game
>>> from symtrust.games.continuous_types import uniform
>>> x, t = sympy.symbols("x t", real=True)
>>> g = offer_game(x, (0, 1), t, uniform(0, 1), accept=(1 - x, x), reject=(0, t))
>>> [(eq.regime, eq.offer) for eq in optimal_offer(g)]
[('interior', 1/2)]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous._system import solve_system
from symtrust.games.continuous._validate import check_differentiable, within
from symtrust.games.continuous.offer_model import OfferGame
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide, satisfiable

__all__ = ["OfferEquilibrium", "optimal_offer", "responder_cutoff"]

INTERIOR, ALL_ACCEPT = "interior", "accepted by every type"
LOWER, UPPER = "lowest offer", "highest offer"
LOWEST_ALL = "lowest offer, accepted by every type"

#: why each regime's offer is optimal where its condition holds (proof text)
_WHY = {
    INTERIOR: "the first-order condition has its root inside the support",
    ALL_ACCEPT: "the offer the last type accepts; the expected utility still "
    "rises there, so a lower offer that risks rejection is worse",
    LOWER: "the expected utility already falls at the lowest offer",
    UPPER: "the expected utility still rises at the highest offer",
    LOWEST_ALL: "every type accepts even the lowest offer",
}


@dataclass(frozen=True, kw_only=True)
class OfferEquilibrium(Result):
    """The proposer's optimal offer and what follows from it.

    Attributes
    ----------
    offer : sympy.Expr
        The optimal offer (also ``value``).
    cutoff : sympy.Expr
        The marginal type, indifferent between accepting and rejecting.
    acceptance, rejection : sympy.Expr
        Probabilities that the offer is accepted / rejected (war).
    proposer_payoff : sympy.Expr
        The proposer's expected utility at the offer.
    regime : str
        ``"interior"``, ``"accepted by every type"``, ``"lowest offer"``,
        ``"highest offer"`` or ``"lowest offer, accepted by every type"``.
    accepts_above : bool
        True when types at or above the cutoff accept.
    is_global : bool
        Whether the offer is proved optimal among all offers (else local).
    """

    offer: sympy.Expr = None
    cutoff: sympy.Expr = None
    acceptance: sympy.Expr = None
    rejection: sympy.Expr = None
    proposer_payoff: sympy.Expr = None
    regime: str = INTERIOR
    accepts_above: bool = True
    is_global: bool = False

    def display_rows(self):
        """Offer, cutoff type and the probability of rejection."""
        return (
            (f"optimal offer ({self.regime})", self.offer),
            ("marginal type", self.cutoff),
            ("probability of rejection", self.rejection),
        )


def _region(game, extra=()):
    x, t = game.offer, game.type_symbol
    lo, hi = game.distribution.support
    box = [t >= lo, t <= hi, *extra, *within(x, *game.bounds)]
    box = [c for c in box if c is not S.true]
    return extend_assumptions(game.assumptions, box, symbols=(x, t))


def responder_cutoff(game: OfferGame, *, budget=None) -> tuple:
    """``(theta*(x), accepts_above)``: the marginal type and the side that accepts.

    Raises
    ------
    UnsupportedError
        The responder's gain is not strictly monotone in the type on the
        support (or undecided), or its root in the type is not unique.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.continuous import offer_game
    >>> from symtrust.games.continuous_types import uniform
    >>> x, t = sympy.symbols("x t", real=True)
    >>> g = offer_game(x, (0, 1), t, uniform(0, 1), accept=(1 - x, x), reject=(0, t))
    >>> responder_cutoff(g)
    (x, False)
    """
    if not isinstance(game, OfferGame):
        raise ModelError(f"responder_cutoff needs an OfferGame, got {game!r}")
    d, t = game.responder_gain, game.type_symbol
    check_differentiable(d, t, "the responder's gain")
    slope = sympy.diff(d, t)
    region = _region(game)
    if decide(slope > 0, region, budget=budget).truth is True:
        above = True
    elif decide(slope < 0, region, budget=budget).truth is True:
        above = False
    else:
        raise UnsupportedError(
            f"the responder's gain {d} (accept minus reject) must be strictly "
            f"monotone in the type {t} on the support for a cutoff strategy; z3 "
            f"proves neither {slope} > 0 nor < 0"
        )
    sols = solve_system([d], (t,))
    if len(sols) != 1:
        raise UnsupportedError(
            f"the responder's indifference {d} = 0 has {len(sols)} solutions for {t}"
        )
    return sympy.simplify(sols[0][t]), above


def _integral(expr, t, a, b):
    return sympy.integrate(expr, (t, a, b))


def _payoffs(game, cut, above):
    """EU(x) and P(reject) with the cutoff interior."""
    t = game.type_symbol
    lo, hi = game.distribution.support
    f = game.density
    acc, rej = (cut, hi), (lo, cut)
    if not above:
        acc, rej = (lo, cut), (cut, hi)
    eu = _integral(game.accept[0] * f, t, *acc) + _integral(game.reject[0] * f, t, *rej)
    return sympy.simplify(eu), sympy.factor(sympy.simplify(_integral(f, t, *rej)))


def _result(game, regime, offer, cond, parts, steps, is_global):
    cut, above, eu, rejection = parts
    x = game.offer
    if regime == LOWEST_ALL:
        t = game.type_symbol
        lo_t, hi_t = game.distribution.support
        f = game.density
        cut = lo_t if above else hi_t
        rejection = S.Zero
        eu = _integral(game.accept[0] * f, t, lo_t, hi_t)
    return OfferEquilibrium(
        kind="optimal offer",
        value=offer,
        condition=cond,
        assumptions=game.assumptions,
        steps=(
            *steps,
            Step("where this regime holds", cond, _WHY[regime]),
            Step("optimal offer", offer, regime),
        ),
        game=game,
        offer=offer,
        cutoff=sympy.simplify(cut.xreplace({x: offer})),
        acceptance=sympy.factor(sympy.simplify(1 - rejection.xreplace({x: offer}))),
        rejection=sympy.factor(sympy.simplify(rejection.xreplace({x: offer}))),
        proposer_payoff=sympy.simplify(eu.xreplace({x: offer})),
        regime=regime,
        accepts_above=above,
        is_global=is_global,
    )


def _is_global(game, concave, budget) -> bool:
    x = game.offer
    if concave is not True or game.reject[0].has(x):
        return False
    slope = sympy.diff(game.accept[0], x)
    return decide(slope <= 0, _region(game), budget=budget).truth is True


def _offer_cases(game, derived, inside, concave) -> list:
    """(regime, offer, raw condition parts): interior, all accept, the bounds."""
    above, g, h = derived
    x, t = game.offer, game.type_symbol
    lo_t, hi_t = game.distribution.support
    lo_x, hi_x = game.bounds

    def inner(v):
        return [c.xreplace({x: v}) for c in inside]

    cases = []
    for sol in solve_system([g], (x,)):
        v = sympy.simplify(sol[x])
        parts = [*within(v, lo_x, hi_x), *inner(v)]
        if concave is not True:
            parts.append(h.xreplace({x: v}) < 0)
        cases.append((INTERIOR, v, parts))
    edge = lo_t if above else hi_t
    for sol in solve_system([game.responder_gain.xreplace({t: edge})], (x,)):
        v = sympy.simplify(sol[x])
        cases.append((ALL_ACCEPT, v, [*within(v, lo_x, hi_x), g.xreplace({x: v}) >= 0]))
    # strict: where the slope is zero at a bound the interior case covers it
    # (a weak inequality repeats the interior offer as a boundary-only regime)
    for regime, b, rel in ((LOWER, lo_x, sympy.Lt), (UPPER, hi_x, sympy.Gt)):
        if b.is_finite is not False:
            cases.append((regime, b, [*inner(b), rel(g.xreplace({x: b}), 0)]))
    if lo_x.is_finite is not False:
        # every type accepts the lowest offer already
        gain = game.responder_gain.xreplace({x: lo_x, t: edge})
        cases.append((LOWEST_ALL, lo_x, [gain > 0]))
    return cases


def optimal_offer(game: OfferGame, *, budget=None) -> Solution:
    """Solve the offer game by backward induction over the continuous offer.

    Returns
    -------
    Solution
        Of :class:`OfferEquilibrium`, one per regime whose condition is
        satisfiable (interior; accepted by every type; the interval's ends).

    Raises
    ------
    ModelError
        Not an OfferGame, or payoffs not differentiable in the offer.
    UnsupportedError
        No cutoff strategy (the gain not monotone in the type), or a
        first-order condition SymPy cannot solve.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.continuous import offer_game
    >>> from symtrust.games.continuous_types import uniform
    >>> x, t = sympy.symbols("x t", real=True)
    >>> g = offer_game(x, (0, 1), t, uniform(0, 1), accept=(1 - x, x), reject=(0, t))
    >>> optimal_offer(g)[0].rejection
    1/2
    """
    if not isinstance(game, OfferGame):
        raise ModelError(f"optimal_offer needs an OfferGame, got {game!r}")
    budget = Budget.of(budget)
    x, t = game.offer, game.type_symbol
    lo_t, hi_t = game.distribution.support
    check_differentiable(game.accept[0], x, "the proposer's payoff if accepted")
    cut, above = responder_cutoff(game, budget=budget)
    eu, rejection = _payoffs(game, cut, above)
    g = sympy.simplify(sympy.diff(eu, x))
    h = sympy.simplify(sympy.diff(g, x))
    inside = [cut > lo_t, cut < hi_t]
    concave = decide(h <= 0, _region(game, inside), budget=budget).truth
    is_global = _is_global(game, concave, budget)
    steps = (
        Step("marginal type", sympy.Eq(t, cut), "the responder's indifference"),
        Step("probability of rejection", rejection, "integral of the density"),
        Step("proposer's expected utility", eu, "integral over the types"),
        Step("first-order condition", sympy.Eq(g, 0), f"dEU/d{x} = 0"),
        Step(
            "concavity",
            h <= 0,
            "proved by z3 (interior cutoff)" if concave is True else "stated",
        ),
    )

    cases = _offer_cases(game, (above, g, h), inside, concave)
    results = []
    for regime, v, parts in cases:
        cond = simplify_condition(sympy.And(*parts), game.assumptions, budget=budget)
        if cond is S.false:
            continue
        if satisfiable(cond, game.assumptions, budget=budget).truth is False:
            continue
        results.append(
            _result(
                game, regime, v, cond, (cut, above, eu, rejection), steps, is_global
            )
        )
    notes = () if is_global else ("the offers are local optima (globality not proved)",)
    return Solution(
        method="optimal_offer",
        game=game,
        results=tuple(results),
        notes=notes,
        solver=optimal_offer,
    )
