"""Chapter 1 of Kydd (2005): the Assurance type versus the Prisoner's Dilemma type.

This derivation follows chapter 1 of Andrew H. Kydd, *Trust and Mistrust in
International Relations* (Princeton, 2005), whose concepts are exact (the
chapter is public; this is not a reconstruction). Two players choose C or D
once, simultaneously. Each is independently *trustworthy* with probability
t_i, with Assurance-game preferences (own payoffs 4, 1, 3, 2 at CC, CD, DC,
DD), or *untrustworthy*, with Prisoner's-Dilemma preferences (3, 1, 4, 2).

Everything below is derived by the engine; no closed form is typed here:

1. the untrustworthy type's dominant strategy (dominance in its 2x2 game);
2. the trustworthy type's expected payoffs EU(C), EU(D) against an opponent
   whose trustworthy type cooperates and untrustworthy type defects, and the
   minimum trust threshold where they tie;
3. the threshold for general payoffs R (CC), S (CD), T (DC), P (DD) of the
   trustworthy type, with the conditions under which it is a valid belief;
4. the Bayesian Nash equilibria of the game proper, with exact conditions;
5. an outside observer's posterior after observing conflict (some player
   defects) in each equilibrium.

Claims: (A) a threshold strictly inside (0, 1) exists, and cooperation by the
trustworthy types requires each side's trust to reach it; (B) observing
conflict lowers the observer's belief that both sides are trustworthy (strictly
in the cooperative equilibrium, weakly in every equilibrium).
"""

from __future__ import annotations

import sympy

from symtrust import (
    Claim,
    Derivation,
    bayes_nash,
    posterior_after,
    probability,
    real,
    run_derivation,
    trust_game,
    trust_threshold,
)
from symtrust.catalog import symmetric_2x2
from symtrust.games.bayesian import interim_payoff
from symtrust.games.normal_form import dominated_actions
from symtrust.render.region_map import RegionFigure

TRUSTWORTHY, UNTRUSTWORTHY = "trustworthy", "untrustworthy"
SOURCE = "Kydd (2005), ch. 1"


def _conflict(profile) -> bool:
    """Conflict: at least one player defects."""
    return "D" in profile


def derive() -> Derivation:
    """Build the chapter-1 game and derive its results and claims.

    Examples
    --------
    >>> d = derive()
    >>> d.result("minimum trust threshold (row)").value
    1/2
    """
    # the two types' games, from the book's ordinal payoff table
    assurance = symmetric_2x2(4, 1, 3, 2, name="Assurance (trustworthy type)")
    prisoners = symmetric_2x2(3, 1, 4, 2, name="Prisoner's Dilemma (untrustworthy)")
    t1, t2 = probability("t1 t2")
    game = trust_game(
        assurance, prisoners, (t1, t2), name="Assurance type versus PD type"
    )

    # 1. the untrustworthy type: defection strictly dominates cooperation
    dominance = dominated_actions(prisoners, "row")

    # 2. the trustworthy type's expected payoffs and threshold
    reciprocal = {TRUSTWORTHY: "C", UNTRUSTWORTHY: "D"}
    eu_c = interim_payoff(game, "row", TRUSTWORTHY, "C", [None, reciprocal])
    eu_d = interim_payoff(game, "row", TRUSTWORTHY, "D", [None, reciprocal])
    threshold_row = trust_threshold(game, "row", opponent_strategy=reciprocal)
    threshold_column = trust_threshold(game, "column", opponent_strategy=reciprocal)

    # 3. the general threshold: payoffs R, S, T, P with R > T and P > S
    R, S, T, P = real("R S T P")
    general_game = symmetric_2x2(
        R, S, T, P, assumptions=[R > T, P > S], name="trustworthy type, general"
    )
    general = trust_threshold(general_game, "row")

    # 4. the Bayesian game proper
    equilibria = bayes_nash(game)
    cooperative = next(eq for eq in equilibria if eq.action("row", TRUSTWORTHY) == "C")
    all_defect = next(
        eq
        for eq in equilibria
        if all(a == "D" for s in eq.strategies for a in s.values())
    )

    # 5. the observer: beliefs after conflict, in each equilibrium
    after_conflict = posterior_after(
        cooperative, _conflict, description="conflict (some player defects)"
    )
    after_conflict_all_defect = posterior_after(
        all_defect, _conflict, description="conflict (some player defects)"
    )
    after_row_defects = posterior_after(
        cooperative, ("D", None), description="row defects"
    )

    def both(types) -> bool:
        return types == (TRUSTWORTHY, TRUSTWORTHY)

    def row_trustworthy(types) -> bool:
        return types[0] == TRUSTWORTHY

    p = general.belief
    general_eu_c, general_eu_d = general.expected_payoffs
    claims = (
        Claim(
            sympy.And(general.value > 0, general.value < 1),
            general.assumptions,
            name="A: the threshold is a belief strictly inside (0, 1)",
            description="for R > T and P > S the minimum trust threshold lies in "
            "(0, 1): some, but not complete, trust is needed",
            source=SOURCE,
        ),
        Claim(
            sympy.Implies(p < general.value, general_eu_c < general_eu_d),
            general.assumptions,
            name="A: below the threshold a trustworthy player defects",
            description="for general payoffs with R > T and P > S, a belief below "
            "the threshold makes EU(C) < EU(D)",
            source=SOURCE,
        ),
        Claim(
            sympy.Implies(t2 < threshold_row.value, eu_c.value < eu_d.value),
            game.assumptions,
            name="A: cooperation requires trust at least the threshold",
            description="if the row player's trust t2 is below the threshold, its "
            "trustworthy type strictly prefers to defect",
            source=SOURCE,
        ),
        Claim(
            sympy.Implies(t2 >= threshold_row.value, eu_c.value >= eu_d.value),
            game.assumptions,
            name="A: trust at the threshold makes cooperation a best response",
            description="if t2 reaches the threshold, cooperating is weakly better "
            "for the trustworthy type",
            source=SOURCE,
        ),
        Claim(
            after_conflict.probability(both) < after_conflict.prior_probability(both),
            after_conflict.condition,
            name="B: conflict lowers the belief that both are trustworthy",
            # the two sides in words, so the statement's terms are recognised
            description="in the cooperative equilibrium, observing conflict makes "
            "the observer's posterior that both sides are trustworthy, "
            f"{after_conflict.probability(both)}, fall below the prior, "
            f"{after_conflict.prior_probability(both)}",
            source=SOURCE,
        ),
        Claim(
            after_conflict_all_defect.probability(both)
            <= after_conflict_all_defect.prior_probability(both),
            after_conflict_all_defect.condition,
            name="B: conflict never raises the belief that both are trustworthy",
            description="in the all-defect equilibrium conflict is uninformative: "
            "the posterior that both sides are trustworthy is "
            f"{after_conflict_all_defect.probability(both)}, and the prior "
            f"{after_conflict_all_defect.prior_probability(both)}",
            source=SOURCE,
        ),
        Claim(
            after_row_defects.probability(row_trustworthy)
            < after_row_defects.prior_probability(row_trustworthy),
            after_row_defects.condition,
            name="B: a defection lowers trust in the defector",
            description="in the cooperative equilibrium, the posterior that the row "
            "player is trustworthy after it defects, "
            f"{after_row_defects.probability(row_trustworthy)}, is below the prior, "
            f"{after_row_defects.prior_probability(row_trustworthy)}",
            source=SOURCE,
        ),
    )
    return Derivation(
        title="Chapter 1: Assurance type versus Prisoner's Dilemma type",
        source=f"{SOURCE}; the chapter's exact model (not a reconstruction)",
        models=(assurance, prisoners, game, general_game),
        results=(
            ("untrustworthy type: dominance", dominance),
            ("EU(C) of the trustworthy row player", eu_c),
            ("EU(D) of the trustworthy row player", eu_d),
            ("minimum trust threshold (row)", threshold_row),
            ("minimum trust threshold (column)", threshold_column),
            ("general minimum trust threshold", general),
            ("Bayesian Nash equilibria", equilibria),
            ("posterior after conflict, cooperative equilibrium", after_conflict),
            (
                "posterior after conflict, all-defect equilibrium",
                after_conflict_all_defect,
            ),
            ("posterior after row defects, cooperative equilibrium", after_row_defects),
        ),
        claims=claims,
        notes=(
            "Trust of i in j is t_j, the probability that j is trustworthy.",
            "Conflict means at least one player defects.",
        ),
        figures=(
            RegionFigure(
                "equilibria in trust space",
                equilibria,
                x=(t1, 0, 1),
                y=(t2, 0, 1),
                labels={
                    "cooperative: trustworthy types cooperate": "cooperative "
                    "equilibrium (trustworthy types cooperate)",
                    "all defect": "all-defect equilibrium",
                },
                caption="Bayesian Nash equilibria in trust space: where each "
                "player's trust in the other reaches the threshold 1/2, the "
                "cooperative equilibrium exists beside the all-defect one",
            ),
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
