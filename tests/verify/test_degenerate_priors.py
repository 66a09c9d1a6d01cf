"""Degenerate priors in every twin: p = 0 or 1 leaves beliefs free.

A user's game whose prior is ``probability("p")`` reaches p = 0 and p = 1:
there a message or an information set is reached with probability 0, Bayes'
rule says nothing, and every belief is consistent. Each twin must handle it
(this raised ``ZeroDivisionError: Fraction(0, 0)`` in the signaling twin and
took ``symtrust derive`` down); ``check`` must pass on the whole parameter
space, endpoints included. The expectations are the textbook facts, not
values the code computed.
"""

from __future__ import annotations

import sympy
from sympy import Integer, Rational

from symtrust import (
    bayes_nash,
    bimatrix,
    check,
    cutoff_equilibria,
    extensive_pbe,
    game_tree,
    parameter,
    pbe,
    posterior,
    probability,
    real,
    signaling_game,
    trust_game,
    trust_threshold,
    uniform,
)
from symtrust.core.twins import PointSkipped, twin_for
from symtrust.games.extensive import chance, decision

p = probability("p")
ENDS = (Integer(0), Integer(1), Rational(1, 3))


def _user_signaling_game():
    """The README's shape: good and bad senders, a cost of 1/2 to bad for y."""
    u = {
        (t, m, a): (
            int(a == "trust") - (Rational(1, 2) if (t, m) == ("bad", "y") else 0),
            int((a == "trust") == (t == "good")),
        )
        for t in ("good", "bad")
        for m in ("x", "y")
        for a in ("trust", "not")
    }
    return signaling_game(
        ("good", "bad"),
        ("x", "y"),
        ("trust", "not"),
        u,
        prior={"good": p, "bad": 1 - p},
    )


def _run_twins(solution, extra=None):
    """Every twin (the Solution's and each result's) at p = 0, 1 and 1/3."""
    for value in ENDS:
        point = {**(extra or {}), p: value}
        for obj in (solution, *solution):
            try:
                twin_for(obj)(obj, point)
            except PointSkipped:
                pass  # a single result whose condition fails there claims nothing


def test_signaling_pbe_at_degenerate_priors():
    sol = pbe(_user_signaling_game())
    _run_twins(sol)
    assert check(sol, max_examples=30).passed is True
    # pooling on x with trust is a PBE at p = 1 (every sender is good), the
    # belief after the unsent y free
    at_one = [
        eq
        for eq in sol
        if eq.sends("good", "x") == 1
        and eq.sends("bad", "x") == 1
        and eq.condition.xreplace({p: 1}) == sympy.true
    ]
    assert at_one


def test_signaling_game_as_a_tree_at_degenerate_priors():
    sol = extensive_pbe(game_tree(_user_signaling_game()), hybrid=False)
    _run_twins(sol)
    assert check(sol, max_examples=20).passed is True
    for eq in sol:
        assert check(eq, max_examples=5).passed is not False


def test_chance_tree_with_an_unreached_branch():
    # nature picks good with probability p; the receiver at one information
    # set: at p = 0 the good node has probability 0 and at p = 1 the bad one
    def branch(honor):
        return decision(
            "S",
            {"in": decision("R", {"t": honor, "n": (-1, 0)}, info="I"), "out": (0, 0)},
        )

    tree = game_tree(
        chance({"good": (p, branch((1, 1))), "bad": (1 - p, branch((2, -1)))})
    )
    sol = extensive_pbe(tree)
    _run_twins(sol)
    assert check(sol, max_examples=20).passed is True


def test_bayesian_solvers_at_degenerate_priors():
    game = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], p)
    sol = bayes_nash(game)
    _run_twins(sol)
    assert check(sol, max_examples=20).passed is True
    threshold = trust_threshold(game, "row")
    for value in ENDS:
        twin_for(threshold)(threshold, {p: value})
    assert check(threshold, max_examples=20).passed is True


def test_posterior_after_an_impossible_observation_is_undefined_not_a_crash():
    q = probability("q")
    post = posterior({"T": p, "U": 1 - p}, {"T": q, "U": 0})
    # Pr(observation) = p q: zero at p = 0 or q = 0, where the posterior is
    # undefined and its condition says so
    assert post.condition.xreplace({p: 0, q: Rational(1, 2)}) == sympy.false
    for value in ENDS:
        twin_for(post)(post, {p: value, q: Rational(1, 2)})
    assert check(post, max_examples=20).passed is True


def test_cutoffs_when_the_other_never_cooperates_and_defection_is_free():
    # at k = 0, against a defector C and D pay the same (0): every type is
    # indifferent, so nobody cooperating is an equilibrium (weakly)
    t1, t2 = real("t_1 t_2")
    k = parameter("k", lower=0, upper=1)
    game = bimatrix([[1, -k], [t1, 0]], [[1, t2], [-k, 0]])
    sol = cutoff_equilibria(game, {t1: uniform(0, 2), t2: uniform(0, 2)})
    twin_for(sol)(sol, {k: Integer(0)})
    assert check(sol, max_examples=30).passed is True
    for eq in sol:
        assert check(eq, max_examples=10).passed is True
