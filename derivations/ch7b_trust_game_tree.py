"""Chapters 1 and 7 of Kydd (2005) in Kreps' trust game, solved as game trees.

A reconstruction: Kydd's chapter 1 defines trust as the probability that the
other side is trustworthy and the minimum trust threshold; chapter 7 shows
that trustworthy states can reassure through costly signals. Here both ideas
are put in the trust game of Kreps (1990), written as extensive-form games
and solved by the tree solvers; no closed form is typed here.

1. *Complete information.* An investor trusts or not; a trusted trustee
   honours (investor r, trustee h) or abuses (investor -s, trustee a); no
   trust gives (0, 0). Backward induction gives the decision rules: honour
   iff h >= a, then trust iff the trustee will honour.
2. *Incomplete information.* Nature makes the trustee trustworthy (prior pi,
   abuse worth a_T < h) or an opportunist (abuse worth a_U > h). The perfect
   Bayesian equilibria and the investor's action values give the minimum
   trust threshold mu: the investor trusts iff pi >= mu (claim A).
3. *Reassurance.* Before the investor moves, the trustee may make a gesture
   costing k_T (trustworthy) or k_U (opportunist), k_T < k_U. The separating
   equilibrium (only the trustworthy type gestures) exists exactly when
   k_T <= h and k_U >= a_U, whatever the prior, so reassurance works even
   from trust below the threshold (claim D); the gesture raises the
   investor's belief to one and its absence lowers it to zero (claim B).
"""

from __future__ import annotations

import sympy

from symtrust import (
    Claim,
    Derivation,
    extensive_pbe,
    game_tree,
    holds_whenever,
    implies,
    interval,
    positive,
    real,
    run_derivation,
    spe,
)
from symtrust.games.extensive import (
    action_values,
    backward_induction,
    chance,
    decision,
    infoset_belief,
)
from symtrust.render.region_map import RegionFigure

SOURCE = "Kydd (2005), ch. 1 and 7 (reconstruction in Kreps' trust game)"


def _stage(r, s, honor, abuse, cost, info, trusted):
    """The investor's move, then the trustee's, after a gesture or none."""
    return decision(
        "investor",
        {
            "trust": decision(
                "trustee",
                {"honor": (r, honor - cost), "abuse": (-s, abuse - cost)},
                info=trusted,
            ),
            "not": (0, -cost),
        },
        info=info,
    )


def _find(solution, **actions):
    """The equilibrium of a solution with the given actions (by information set)."""
    labels = {k.replace("_", " "): v for k, v in actions.items()}
    for eq in solution:
        if eq.is_pure and all(eq.action(k) == v for k, v in labels.items()):
            return eq
    raise LookupError(f"no equilibrium with {labels}")


def _words(eq) -> str:
    """A reassurance equilibrium in words, from its behaviour (for a legend)."""
    trustworthy = eq.action("trustee trustworthy")
    opportunist = eq.action("trustee opportunist")
    if isinstance(trustworthy, dict) or isinstance(opportunist, dict):
        who = "trustworthy" if isinstance(trustworthy, dict) else "opportunist"
        return f"hybrid: the {who} type mixes"
    if trustworthy != opportunist:
        return f"separating: the trustworthy type plays {trustworthy}"
    answer = eq.action(f"investor after {trustworthy}")
    word = "trust" if answer == "trust" else "no trust"
    return f"pooling on {trustworthy}, {word}"


def derive() -> Derivation:
    """Build the three trees and derive their equilibria and claims.

    Examples
    --------
    >>> d = derive()
    >>> dict(d.result("the investor's action values").value)
    {'trust': pi*r + pi*s - s, 'not': 0}
    """
    pi = interval("pi", 0, 1, left_open=True, right_open=True)
    r, s, h, k_T, k_U = positive("r s h k_T k_U")
    a, a_T, a_U = real("a a_T a_U")

    # 1. complete information
    complete = game_tree(
        decision(
            "investor",
            {
                "trust": decision("trustee", {"honor": (r, h), "abuse": (-s, a)}),
                "not": (0, 0),
            },
        ),
        name="Kreps' trust game",
    )
    rules = backward_induction(complete)
    equilibria = spe(complete)

    # 2. incomplete information: the trustee's type is private
    def typed(abuse, info):
        return decision("trustee", {"honor": (r, h), "abuse": (-s, abuse)}, info=info)

    incomplete = game_tree(
        chance(
            {
                "trustworthy": (
                    pi,
                    decision(
                        "investor",
                        {"trust": typed(a_T, "trustworthy"), "not": (0, 0)},
                        info="investor",
                    ),
                ),
                "opportunist": (
                    1 - pi,
                    decision(
                        "investor",
                        {"trust": typed(a_U, "opportunist"), "not": (0, 0)},
                        info="investor",
                    ),
                ),
            }
        ),
        players=("investor", "trustee"),
        assumptions=[a_T < h, h < a_U],
        name="trust game, incomplete information",
    )
    bayesian = extensive_pbe(incomplete, hybrid=False)
    values = action_values(
        incomplete, "investor", {"trustworthy": "honor", "opportunist": "abuse"}
    )
    # the threshold: the prior at which trusting and not trusting tie
    (mu,) = sympy.solve(sympy.Eq(values.value["trust"], values.value["not"]), pi)
    mu = sympy.factor(mu)
    trusting = _find(bayesian, investor="trust")

    # 3. reassurance: a costly gesture before the investor moves
    def part(kind, cost, abuse):
        return decision(
            "trustee",
            {
                "gesture": _stage(
                    r,
                    s,
                    h,
                    abuse,
                    cost,
                    "investor after gesture",
                    f"{kind} trusted after gesture",
                ),
                "none": _stage(
                    r,
                    s,
                    h,
                    abuse,
                    0,
                    "investor after none",
                    f"{kind} trusted after none",
                ),
            },
            info=f"trustee {kind}",
        )

    reassurance = game_tree(
        chance(
            {
                "trustworthy": (pi, part("trustworthy", k_T, a_T)),
                "opportunist": (1 - pi, part("opportunist", k_U, a_U)),
            }
        ),
        players=("investor", "trustee"),
        assumptions=[a_T < h, h < a_U, k_T < k_U],
        name="trust game with reassurance",
    )
    signals = extensive_pbe(reassurance)
    separating = _find(
        signals,
        trustee_trustworthy="gesture",
        trustee_opportunist="none",
        investor_after_gesture="trust",
    )
    profile = {
        label: separating.action(label)
        for label in separating.infosets
        if label.startswith("trustee ")
    }
    after_gesture = infoset_belief(reassurance, "investor after gesture", profile)
    after_none = infoset_belief(reassurance, "investor after none", profile)
    belief_gesture = after_gesture.value["trustworthy/gesture"]
    belief_none = after_none.value["trustworthy/none"]

    figures = (
        RegionFigure(
            "subgame-perfect equilibria",
            equilibria,
            x=(h, 0, 2),
            y=(a, 0, 2),
            fixed={r: 1, s: 1},
            labels={
                eq.region_labels()[0][0]: (
                    "trust and honour" if eq.path == ("trust", "honor") else "no trust"
                )
                + (" (the trustee indifferent)" if eq.tie else "")
                for eq in equilibria
            },
            caption="Subgame-perfect equilibria of the trust game with complete "
            "information (r = s = 1): the investor trusts exactly where the "
            "trustee's honour payoff h is at least its abuse payoff a",
        ),
        RegionFigure(
            "reassurance equilibria",
            signals,
            x=(pi, 0, 1),
            y=(k_T, 0, 3),
            fixed={r: 1, s: 1, h: 1, a_T: 0, a_U: 2, k_U: 3},
            labels={eq.region_labels()[0][0]: _words(eq) for eq in signals},
            caption="Perfect Bayesian equilibria of the trust game with a "
            "gesture against the prior pi and the trustworthy type's cost k_T "
            "(r = s = h = 1, a_T = 0, a_U = 2, k_U = 3): the separating "
            "equilibrium exists wherever k_T <= h, whatever the prior, "
            "and pooling without a gesture sustains trust only above the threshold "
            f"pi = {mu.xreplace({r: 1, s: 1})}",
        ),
    )
    claims = (
        Claim(
            sympy.And(mu > 0, mu < 1),
            values.assumptions,
            name="A: the threshold is a belief strictly inside (0, 1)",
            description="the minimum trust threshold lies strictly between 0 and 1",
            source=SOURCE,
        ),
        implies(
            trusting.condition,
            pi >= mu,
            incomplete.assumptions,
            name="A: trust requires trust at least the threshold",
        ),
        implies(
            pi >= mu,
            trusting.condition,
            incomplete.assumptions,
            name="A: trust at the threshold sustains trusting",
        ),
        holds_whenever(
            separating.condition,
            sympy.And(k_T <= h, k_U >= a_U),
            reassurance.assumptions,
            name="D: reassurance works whatever the prior",
        ),
        holds_whenever(
            separating.condition,
            sympy.And(k_T <= h, k_U >= a_U, pi < mu),
            reassurance.assumptions,
            name="D: reassurance works even below the threshold",
        ),
        Claim(
            belief_gesture > pi,
            after_gesture.condition,
            name="B: a gesture raises trust",
            description="in the separating equilibrium the gesture raises the "
            "investor's belief that the trustee is trustworthy above the prior",
            source=SOURCE,
        ),
        Claim(
            belief_none < pi,
            after_none.condition,
            name="B: no gesture lowers trust",
            description="in the separating equilibrium the absence of a gesture "
            "lowers the investor's belief below the prior",
            source=SOURCE,
        ),
    )
    return Derivation(
        title="Kreps' trust game as a tree: the threshold and reassurance",
        source=SOURCE,
        models=(complete, incomplete, reassurance),
        results=(
            ("backward induction, complete information", rules),
            ("subgame-perfect equilibria, complete information", equilibria),
            ("perfect Bayesian equilibria, incomplete information", bayesian),
            ("the investor's action values", values),
            ("perfect Bayesian equilibria with a gesture", signals),
            ("belief after a gesture (separating)", after_gesture),
            ("belief after no gesture (separating)", after_none),
        ),
        claims=claims,
        figures=figures,
        notes=(
            "Trust is the investor's probability that the trustee is trustworthy.",
            "Equilibria are weak perfect Bayesian: Bayes' rule on the path, any "
            "belief off it (the off-path belief sets are stated).",
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
