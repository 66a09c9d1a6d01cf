"""Crisis bargaining under uncertainty: trust, the risk-return trade-off and war.

This derivation sets Fearon's (1995) model of bargaining under private
information in the language of Kydd (2005), *Trust and Mistrust in
International Relations*: a state trusts another to the extent that it
believes the other is a *cooperative type*, here a receiver whose cost of
war is high enough that it accepts the offer on the table rather than fight.
The model is Fearon's, not one of the book's chapters (a **reconstruction**
of the argument the book builds on in its treatment of bargaining and war).

1. *The game.* A proposer offers the receiver a share ``x`` of a good of size
   1. The receiver accepts, or fights: war gives it ``p - c_R`` and the
   proposer ``1 - p - c_P``. The receiver's cost ``c_R`` is private, uniform
   on ``[m - s, m + s]`` (mean ``m``, spread ``s``, with ``m > s`` so that
   every cost is positive).
2. *The receiver* accepts iff ``x >= p - c_R``: the cooperative types are
   those with ``c_R >= p - x``.
3. *The proposer* chooses ``x`` trading the share it keeps against the risk
   of war: the optimal offer, the probability of war, and the trust it
   places in the receiver at that offer (the probability that the receiver
   is a cooperative type, ``1 -`` the probability of war).

Claims (each proved under the condition for an interior offer):
the probability of war rises with the spread of the cost (more uncertainty,
more war), falls with the mean cost and with the proposer's own cost; the
offer falls as uncertainty grows; the proposer never accepts a risk of war of
3/4 or more; and the interior offer is below the offer that buys peace for
sure (the proposer knowingly takes a risk of war).
"""

from __future__ import annotations

import sympy

from symtrust import (
    Claim,
    Derivation,
    decreasing,
    implies,
    increasing,
    interval,
    positive,
    run_derivation,
    uniform,
)
from symtrust.games.continuous import crisis_bargaining, optimal_offer
from symtrust.render.region_map import RegionFigure

SOURCE = "Fearon (1995), in the language of Kydd (2005) (reconstruction)"
INTERIOR = "interior"
PEACE = "accepted by every type"


def derive() -> Derivation:
    """Build the bargaining game, derive the optimal offer, prove the claims.

    Examples
    --------
    >>> d = derive()
    >>> d.result("optimal offer").method
    'optimal_offer'
    """
    p = interval("p", 0, 1, left_open=True, right_open=True)
    c_p, m, s = positive("c_P m s")
    costs = uniform(m - s, m + s, assumptions=[m > s])
    game = crisis_bargaining(p, c_p, costs)
    solution = optimal_offer(game)
    interior = next(r for r in solution if r.regime == INTERIOR)
    peace = next(r for r in solution if r.regime == PEACE)
    war = interior.rejection
    trust = interior.acceptance
    offer = interior.offer
    where = [*game.assumptions.conditions, interior.condition]
    claims = (
        increasing(
            war,
            s,
            where,
            name="the probability of war rises with the uncertainty (spread s) "
            "about the receiver's cost",
        ),
        decreasing(
            trust,
            s,
            where,
            name="trust, the probability that the receiver is a cooperative type "
            "at the optimal offer, falls as uncertainty grows",
        ),
        decreasing(
            war, m, where, name="war is less likely the costlier war is expected to be"
        ),
        decreasing(
            war,
            c_p,
            where,
            name="war is less likely the costlier war is for the proposer",
        ),
        decreasing(offer, s, where, name="the offer falls as uncertainty grows"),
        Claim(
            war < sympy.Rational(3, 4),
            where,
            name="the proposer never risks war with probability 3/4 or more",
            source=SOURCE,
        ),
        implies(
            interior.condition,
            offer < peace.offer,
            game.assumptions,
            name="risk-return: the interior offer is less than the offer every "
            "type accepts",
        ),
    )
    # the interior case, assumed as the condition the general solution derived
    case = crisis_bargaining(p, c_p, costs, assumptions=[interior.condition])
    case_solution = optimal_offer(case)
    results = (
        ("optimal offer", solution),
        ("optimal offer with an interior solution", case_solution),
    )
    figures = (
        RegionFigure(
            "optimal offers",
            solution,
            x=(s, 0, 1),
            y=(m, 0, 2),
            fixed={p: sympy.Rational(1, 2), c_p: sympy.Rational(1, 10)},
            caption="The proposer's optimal offer by regime against the spread s "
            "and the mean m of the receiver's cost of war: "
            "an interior offer risks war where uncertainty is large relative to "
            "the expected cost",
        ),
    )
    return Derivation(
        title="Crisis bargaining under uncertainty: trust and the risk of war",
        source=SOURCE,
        models=(game, case),
        results=results,
        claims=claims,
        figures=figures,
        notes=(
            "Trust is the proposer's belief that the receiver is a cooperative "
            "type, one whose cost of war makes it accept the offer: at the "
            "optimal offer it is one minus the probability of war.",
            "The spread s measures uncertainty: the variance of the uniform "
            "cost is s**2/3, so every claim about s is one about the variance.",
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
