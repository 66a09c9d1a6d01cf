"""Bayesian Nash equilibria: symbolic conditions against exact enumeration.

The twin (symtrust.games.bayesian.twins.brute_bayes) enumerates type-contingent strategies
in Fractions, independently of the solver. Numeric games are drawn with
small-denominator payoffs so that ties (degenerate games) are common.
"""

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import bayes_nash, bayesian_game, probability, real, trust_game
from symtrust.errors import ModelError
from symtrust.games.bayesian import interim_payoff, type_game
from symtrust.games.bayesian.twins.bayes import bayes_nash_twin, interim_payoff_twin
from symtrust.games.bayesian.twins.brute_bayes import bayes_nash_profiles
from symtrust.testing import points

small = st.fractions(-3, 3, max_denominator=2)
unit = st.fractions(0, 1, max_denominator=4)


def _key(eq, game):
    return tuple(
        tuple(s[t] for t in game.types[i]) for i, s in enumerate(eq.strategies)
    )


def _claimed(sol):
    """Profiles whose (numeric) condition is True."""
    out = set()
    for eq in sol:
        assert eq.condition in (sympy.true, sympy.false), eq.condition
        if eq.condition is sympy.true:
            out.add(_key(eq, sol.game))
    return out


@st.composite
def numeric_bayesian_games(draw, n_types=(2, 2), n_actions=(2, 2), joint=False):
    players = tuple(f"p{i}" for i in range(len(n_types)))
    actions = tuple(tuple(f"a{j}" for j in range(n)) for n in n_actions)
    types = tuple(tuple(f"t{j}" for j in range(n)) for n in n_types)
    profiles = list(itertools.product(*types))
    if joint:
        raw = [draw(st.integers(0, 3)) for _ in profiles]
        if sum(raw) == 0:
            raw[0] = 1
        prior = {p: Fraction(r, sum(raw)) for p, r in zip(profiles, raw, strict=True)}
    else:
        prior = []
        for ts in types:
            raw = [draw(st.integers(0, 3)) for _ in ts]
            if sum(raw) == 0:
                raw[-1] = 1
            prior.append(
                {t: Fraction(r, sum(raw)) for t, r in zip(ts, raw, strict=True)}
            )
    payoffs = {
        (prof, tp): tuple(draw(small) for _ in players)
        for tp in profiles
        for prof in itertools.product(*actions)
    }
    return bayesian_game(players, actions, types, prior, payoffs)


@given(numeric_bayesian_games())
def test_numeric_games_match_enumeration(game):
    assert _claimed(bayes_nash(game)) == set(bayes_nash_profiles(game))


@given(numeric_bayesian_games(joint=True))
def test_joint_priors_match_enumeration(game):
    assert _claimed(bayes_nash(game)) == set(bayes_nash_profiles(game))


@given(numeric_bayesian_games(n_types=(1, 2, 1), n_actions=(2, 2, 2)))
def test_three_players_match_enumeration(game):
    assert _claimed(bayes_nash(game)) == set(bayes_nash_profiles(game))


@given(numeric_bayesian_games())
def test_pruning_does_not_change_the_equilibria(game):
    assert _claimed(bayes_nash(game)) == _claimed(bayes_nash(game, prune=False))


# a symbolic trust game: general Assurance and PD payoffs, symbolic trusts
t1, t2 = probability("t1 t2")
Ra, Sa, Ta, Pa, Rp, Sp, Tp, Pp = real("R_a S_a T_a P_a R_p S_p T_p P_p")
GENERAL = trust_game(
    [[Ra, Sa], [Ta, Pa]],
    [[Rp, Sp], [Tp, Pp]],
    (t1, t2),
    assumptions=[Ra > Ta, Ta > Pa, Pa > Sa, Tp > Rp, Rp > Pp, Pp > Sp],
)
GENERAL_SOLUTION = bayes_nash(GENERAL)


@given(points(GENERAL))
def test_symbolic_conditions_agree_with_enumeration(point):
    bayes_nash_twin(GENERAL_SOLUTION, point)


def test_symbolic_trust_game_has_the_books_two_equilibria():
    assert len(GENERAL_SOLUTION) == 2
    coop, defect = GENERAL_SOLUTION
    assert coop.action("row", "trustworthy") == "C"
    assert coop.action("column", "untrustworthy") == "D"
    assert defect.condition is sympy.true
    # pruning says why the untrustworthy types never cooperate
    assert any("C is strictly dominated by D" in n for n in GENERAL_SOLUTION.notes)
    assert "Bayesian Nash equilibrium" in str(GENERAL_SOLUTION)


def test_prune_false_gives_the_same_symbolic_conditions():
    unpruned = bayes_nash(GENERAL, prune=False)
    assert [(eq.strategies, eq.condition) for eq in unpruned] == [
        (eq.strategies, eq.condition) for eq in GENERAL_SOLUTION
    ]


# -- interim payoffs ------------------------------------------------------------

SIMPLE = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (t1, t2))
RECIPROCAL = {"trustworthy": "C", "untrustworthy": "D"}


def test_interim_payoff_is_the_books_expected_utility():
    eu_c = interim_payoff(SIMPLE, "row", "trustworthy", "C", [None, RECIPROCAL])
    eu_d = interim_payoff(SIMPLE, "row", "trustworthy", "D", [None, RECIPROCAL])
    assert sympy.expand(eu_c.value - (4 * t2 + 1 * (1 - t2))) == 0
    assert sympy.expand(eu_d.value - (3 * t2 + 2 * (1 - t2))) == 0
    assert eu_c.condition is sympy.true


q = probability("q")
MIXED = {"trustworthy": "C", "untrustworthy": {"C": q, "D": 1 - q}}


@given(points([], [t1, t2, q]))
def test_interim_payoff_with_mixing_matches_enumeration(point):
    for action in ("C", "D"):
        r = interim_payoff(SIMPLE, "row", "untrustworthy", action, [None, MIXED])
        interim_payoff_twin(r, point)


a = probability("a")
CORRELATED = bayesian_game(
    ["x", "y"],
    [["C", "D"], ["C", "D"]],
    [["h", "l"], ["h", "l"]],
    {
        ("h", "h"): a / 2,
        ("h", "l"): (1 - a) / 2,
        ("l", "h"): (1 - a) / 2,
        ("l", "l"): a / 2,
    },
    {
        tp: {
            prof: (int(prof[0] == prof[1]) + int(tp[0] == "h"), int(prof[1] == "C"))
            for prof in itertools.product("CD", repeat=2)
        }
        for tp in itertools.product("hl", repeat=2)
    },
)


def test_joint_prior_interim_payoff_is_conditional():
    r = interim_payoff(CORRELATED, "x", "h", "C", [None, {"h": "C", "l": "D"}])
    # Pr(y = h | x = h) = a; payoff 2 if matched, 1 otherwise
    assert sympy.simplify(r.value - (2 * a + (1 - a))) == 0
    assert r.condition is sympy.true  # Pr(x = h) = 1/2 > 0 always


@given(points([], [a]))
def test_correlated_game_matches_enumeration(point):
    bayes_nash_twin(bayes_nash(CORRELATED), point)


# -- bad input -------------------------------------------------------------------


def test_bad_input_is_refused_with_a_message():
    with pytest.raises(ModelError, match="bayes_nash needs a BayesianGame"):
        bayes_nash("not a game")
    with pytest.raises(ModelError, match="gives no action for type 'untrustworthy'"):
        interim_payoff(SIMPLE, 0, "trustworthy", "C", [None, {"trustworthy": "C"}])
    with pytest.raises(ModelError, match="unknown action 'X'"):
        interim_payoff(SIMPLE, 0, "trustworthy", "X", [None, RECIPROCAL])
    with pytest.raises(ModelError, match="unknown type 'nice'"):
        interim_payoff(SIMPLE, 0, "nice", "C", [None, RECIPROCAL])
    with pytest.raises(ModelError, match="has 1 strategies; the game has 2"):
        interim_payoff(SIMPLE, 0, "trustworthy", "C", [RECIPROCAL])
    with pytest.raises(ModelError, match="mixed action of 'column'"):
        interim_payoff(
            SIMPLE,
            0,
            "trustworthy",
            "C",
            [None, {"trustworthy": "C", "untrustworthy": {"C": 1, "D": 1}}],
        )


def test_type_game_equilibria_follow_types():
    # hawk types prefer D whatever the other does; doves coordinate
    g = type_game(
        {"hawk": [[0, 0], [1, 1]], "dove": [[2, 0], [1, 1]]},
        [{"hawk": a, "dove": 1 - a}, {"hawk": a, "dove": 1 - a}],
    )
    sol = bayes_nash(g)
    for eq in sol:
        assert eq.action(0, "hawk") == "D"
    coop = [
        eq for eq in sol if eq.action(0, "dove") == "C" and eq.action(1, "dove") == "C"
    ]
    assert len(coop) == 1
    # dove cooperates iff 2 (1 - a) >= 1
    assert coop[0].condition == (a <= sympy.Rational(1, 2))


def test_symbolic_conditions_read_as_trust_at_least_the_threshold():
    """The cooperative BNE: each trust at least (P - S) / ((R - T) + (P - S))."""
    coop = GENERAL_SOLUTION[0]
    book = (Pa - Sa) / ((Ra - Ta) + (Pa - Sa))
    conjuncts = sorted(sympy.And.make_args(coop.condition), key=str)
    assert [c.lhs for c in conjuncts] == [t1, t2]
    for c in conjuncts:
        assert c.rel_op == ">=" and sympy.simplify(c.rhs - book) == 0
