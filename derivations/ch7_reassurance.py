"""Chapter 7 of Kydd (2005): reassurance through costly signals.

This derivation follows chapter 7 of Andrew H. Kydd, *Trust and Mistrust in
International Relations* (Princeton, 2005). The chapter's models are not
public; the games here are faithful **reconstructions** in the book's spirit
(``models.md`` section 5):

1. *Static costly signal.* A sender, trustworthy (t_T < 1) with prior pi or
   untrustworthy (t_U > 1), makes a gesture x >= 0 at cost k_T x or k_U x; the
   receiver updates and then plays the Security Dilemma Game. Derived: the
   receiver's threshold, each type's value of being trusted, the interval of
   separating gestures and the least-cost one, the single-crossing condition,
   pooling equilibria with their off-path beliefs, and the hybrid equilibrium
   in which trust rises exactly to the threshold.
2. *Reciprocal gestures.* Player 1 gestures, then player 2: both least-cost
   gestures, the second larger (gestures grow as trust grows), and reassurance
   working from any prior (claim D).
3. *Starting small.* Types uniform on [0, b], stakes rising with trust over
   N = 3 rounds: the indifference conditions, cutoff types, the stake path and
   the trust path, which rises round by round.
"""

from __future__ import annotations

import sympy

from symtrust import (
    Claim,
    Derivation,
    interval,
    nonnegative,
    parameter,
    positive,
    run_derivation,
)
from symtrust.kydd import (
    costly_signal,
    costly_signal_equilibria,
    hybrid_equilibrium,
    pooling_equilibria,
    reciprocal_gestures,
    separating_equilibrium,
    starting_small,
)
from symtrust.render.region_map import RegionFigure

SOURCE = "Kydd (2005), ch. 7 (reconstruction)"
ROUNDS = 3


def derive() -> Derivation:
    """Build the reassurance games and derive their equilibria and claims.

    Examples
    --------
    >>> d = derive()
    >>> d.result("starting small").rounds
    3
    """
    pi, pi_2 = interval("pi pi_2", 0, 1, left_open=True, right_open=True)
    t_t = interval("t_T", 0, 1, right_open=True)
    t_u = parameter("t_U", lower=1, left_open=True)
    c, w, k_t, k_u = positive("c w k_T k_U")
    x = nonnegative("x")
    game = costly_signal(
        prior=pi,
        t_trustworthy=t_t,
        t_untrustworthy=t_u,
        c=c,
        w=w,
        costs=(k_t * x, k_u * x),
        gesture=x,
        name="costly gesture, then the Security Dilemma Game",
    )

    # 1. the static signal
    equilibria = costly_signal_equilibria(game)
    separating = separating_equilibrium(game)
    pooling = pooling_equilibria(game)
    hybrid = hybrid_equilibrium(game)
    mu = game.threshold

    # 2. reciprocal gestures: player 2 trusts player 1 with pi, player 1 trusts 2 with pi_2
    reciprocal = reciprocal_gestures(game, trust_in_second=pi_2)
    x_1, x_2 = reciprocal.gestures

    # 3. starting small over N rounds
    b = parameter("b", lower=1, left_open=True)
    delta = interval("delta", 0, 1, left_open=True, right_open=True)
    small = starting_small(ROUNDS, upper=b, discount=delta)
    trust = small.trust
    stakes = small.stakes

    crossing = separating.single_crossing
    claims = (
        Claim(
            sympy.Implies(crossing, sympy.Le(*separating.gestures)),
            game.assumptions,
            name="single crossing makes separation possible",
            description="when trustworthy types value being trusted more per unit "
            "of cost, the least separating gesture is no larger than the most a "
            "trustworthy type will pay",
            source=SOURCE,
        ),
        Claim(
            separating.least_cost > 0,
            game.assumptions,
            name="reassurance is costly: the least separating gesture is positive",
            source=SOURCE,
        ),
        Claim(
            sympy.Implies(
                hybrid.condition, sympy.And(hybrid.trust > pi, hybrid.trust >= mu)
            ),
            game.assumptions,
            name="a hybrid gesture raises trust above the prior, to at least the "
            "threshold",
            source=SOURCE,
        ),
        Claim(
            x_2 > x_1,
            reciprocal.assumptions,
            name="D: the second gesture is larger (gestures grow with trust)",
            source=SOURCE,
        ),
        Claim(
            sympy.Implies(
                crossing,
                sympy.And(reciprocal.condition, reciprocal.trust[0] >= mu),
            ),
            reciprocal.assumptions,
            name="D: under single crossing the reciprocal equilibrium exists and "
            "its trust clears the threshold",
            description="under single crossing the existence condition of the "
            "reciprocal separating equilibrium holds, and the trust after the first "
            "gesture (1, by Bayes' rule) is at least the threshold mu; neither "
            "involves the receiver's prior pi",
            source=SOURCE,
        ),
        *(
            Claim(
                sympy.Implies(small.condition, trust[k + 1] > trust[k]),
                small.assumptions,
                name=f"trust rises from round {k + 1} to round {k + 2}",
                source=SOURCE,
            )
            for k in range(ROUNDS)
        ),
        *(
            Claim(
                sympy.Implies(small.condition, stakes[k + 1] > stakes[k]),
                small.assumptions,
                name=f"stakes rise from round {k + 1} to round {k + 2}",
                source=SOURCE,
            )
            for k in range(ROUNDS - 1)
        ),
    )
    results = (
        ("equilibria", equilibria),
        ("separating", separating),
        *((p.kind, p) for p in pooling),
        ("hybrid", hybrid),
        ("reciprocal gestures", reciprocal),
        ("starting small", small),
    )
    half = sympy.Rational(1, 2)
    figures = (
        RegionFigure(
            "equilibria of the costly gesture",
            equilibria,
            x=(pi, 0, 1),
            y=(k_u, 0, 4),
            fixed={c: 2, w: 1, t_t: half, t_u: 2, k_t: 1, x: half},
            labels={
                "separating PBE (least-cost gesture)": "separating",
                "pooling PBE with trust": "pooling with trust",
                "pooling PBE without trust": "pooling without trust",
                "hybrid PBE (untrustworthy type mixes)": "hybrid (gesture x = 1/2)",
            },
            caption="Perfect Bayesian equilibria of the costly gesture against the "
            "prior trust pi and the untrustworthy type's cost k_U",
        ),
    )
    return Derivation(
        title="Chapter 7: reassurance through costly signals",
        figures=figures,
        source=SOURCE,
        models=(game,),
        results=results,
        claims=claims,
        notes=(
            "Reconstruction: linear gesture costs k_T x and k_U x; in the "
            "multi-round model the stake equals the receiver's trust at the start "
            "of each round and payoffs are discounted by delta.",
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
