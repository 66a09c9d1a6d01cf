"""Action, type and player names with spaces work in every solver (issue 9, item 7).

``mixed_nash`` once built ``probability(f"p_{a}")``, which splits on
whitespace: column actions ``("Trust", "Not trust")`` raised a raw
``TypeError``. Each solver is run on a game whose labels are free text, and
its answer compared with the published one (the games are the textbook
Assurance game, beer-quiche of Cho and Kreps 1987, and Kreps' trust game).
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import sympy

from symtrust import (
    bayes_nash,
    bayesian_game,
    bimatrix,
    check,
    dominance,
    extensive_pbe,
    game_tree,
    iterated_elimination,
    mixed_nash,
    pbe,
    positive,
    pure_nash,
    signaling_game,
    spe,
)
from symtrust.games.extensive import decision

TRUST = ("Trust", "Not trust")
PLAYERS = ("State A", "State B")


def assurance():
    """Assurance (stag hunt) 4 > 3 > 2 > 1 with spaced names."""
    return bimatrix(
        [[4, 1], [3, 2]],
        [[4, 3], [1, 2]],
        row_actions=TRUST,
        column_actions=TRUST,
        players=PLAYERS,
    )


def test_pure_nash_with_spaced_names():
    sol = pure_nash(assurance())
    assert [eq.profile for eq in sol] == [
        ("Trust", "Trust"),
        ("Not trust", "Not trust"),
    ]
    assert check(sol, max_examples=3).passed


def test_mixed_nash_with_spaced_names():
    sol = mixed_nash(assurance())
    mixed = [eq for eq in sol if eq.kind == "mixed Nash equilibrium"]
    assert len(sol) == 3 and len(mixed) == 1
    # indifference: 4q + (1 - q) = 3q + 2(1 - q) gives q = 1/2 for both
    eq = mixed[0]
    assert eq.probability("State A", "Trust") == sympy.Rational(1, 2)
    assert eq.probability("State B", "Not trust") == sympy.Rational(1, 2)
    assert eq.mix("State B") == {
        "Trust": sympy.Rational(1, 2),
        "Not trust": sympy.Rational(1, 2),
    }
    assert check(sol, max_examples=3).passed


def test_mixed_nash_symbolic_with_names_that_sanitize_alike():
    # "Not trust" and "Not_trust" must get two probability symbols
    a = positive("a")
    g = bimatrix(
        [[a, 0], [0, 1]],
        [[1, 0], [0, a]],
        row_actions=("Not trust", "Not_trust"),
        column_actions=("x y", "x-y"),
        players=PLAYERS,
    )
    sol = mixed_nash(g)
    eq = next(eq for eq in sol if eq.kind == "mixed Nash equilibrium")
    # battle of the sexes: row mixes (a/(1+a), 1/(1+a))
    assert sympy.simplify(eq.probability("State A", "Not trust") - a / (1 + a)) == 0
    assert check(sol, max_examples=3).passed


def test_dominance_with_spaced_names():
    pd = bimatrix(
        [[3, 0], [5, 1]],
        [[3, 5], [0, 1]],
        row_actions=TRUST,
        column_actions=TRUST,
        players=PLAYERS,
    )
    strict = [d for d in dominance(pd) if d.strict]
    assert {(d.player, d.dominant, d.dominated) for d in strict} == {
        ("State A", "Not trust", "Trust"),
        ("State B", "Not trust", "Trust"),
    }
    survivors = iterated_elimination(pd)
    assert check(survivors, max_examples=3).passed


def test_bayes_nash_with_spaced_names():
    # a trustworthy type (Assurance) and an untrustworthy one (PD), both known
    # to be trustworthy with probability 1 here: Assurance's two equilibria
    types = (("good type",), ("good type",))
    payoffs = {
        (tp, prof): (u, v)
        for tp in itertools.product(*types)
        for prof, (u, v) in zip(
            itertools.product(TRUST, TRUST),
            ((4, 4), (1, 3), (3, 1), (2, 2)),
            strict=True,
        )
    }
    g = bayesian_game(
        PLAYERS,
        (TRUST, TRUST),
        types,
        [{"good type": 1}, {"good type": 1}],
        {(prof, tp): u for (tp, prof), u in payoffs.items()},
    )
    sol = bayes_nash(g)
    profiles = {tuple(s["good type"] for s in eq.strategies) for eq in sol}
    assert profiles == {("Trust", "Trust"), ("Not trust", "Not trust")}
    assert check(sol, max_examples=3).passed


def test_pbe_with_spaced_names():
    # beer-quiche (Cho-Kreps 1987) with spaced labels: both pooling PBE exist
    payoffs = {}
    for t in ("weak type", "strong type"):
        liked = "eat quiche" if t == "weak type" else "drink beer"
        for m in ("drink beer", "eat quiche"):
            for a in ("fight duel", "do not"):
                payoffs[(t, m, a)] = (
                    int(m == liked) + 2 * int(a == "do not"),
                    int((a == "fight duel") == (t == "weak type")),
                )
    g = signaling_game(
        ("weak type", "strong type"),
        ("drink beer", "eat quiche"),
        ("fight duel", "do not"),
        payoffs,
        prior={"weak type": Fraction(1, 10), "strong type": Fraction(9, 10)},
    )
    sol = pbe(g)
    pooled = {
        m
        for eq in sol
        for m in ("drink beer", "eat quiche")
        if eq.label == "pooling"
        and eq.sends("weak type", m) == eq.sends("strong type", m) == 1
    }
    assert pooled == {"drink beer", "eat quiche"}
    assert check(sol, max_examples=3).passed


def test_tree_solvers_with_spaced_names():
    # Kreps' trust game: the trustee honors iff h >= a; spaced labels
    h, a = positive("h a")
    trustee = decision("the trustee", {"honor it": (1, h), "abuse it": (-1, a)})
    tree = game_tree(
        decision("the investor", {"place trust": trustee, "do not": (0, 0)}),
        assumptions=[h > a],
    )
    paths = [eq.path for eq in spe(tree)]
    assert paths == [("place trust", "honor it")]
    sol = extensive_pbe(tree)
    assert [eq.action("the investor@root") for eq in sol] == ["place trust"]
    assert check(sol, max_examples=3).passed
