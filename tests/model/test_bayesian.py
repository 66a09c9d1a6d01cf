"""Bayesian games with finite types: construction, structure and validation."""

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import bayesian_game, positive, probability, trust_game
from symtrust.catalog import symmetric_2x2
from symtrust.errors import ModelError
from symtrust.games.bayesian import BayesianGame, type_game

t1, t2 = probability("t1 t2")
ASSURANCE = [[4, 1], [3, 2]]
PD = [[3, 1], [4, 2]]
GAME = trust_game(ASSURANCE, PD, (t1, t2))
T, U = "trustworthy", "untrustworthy"
PROFILES = list(itertools.product("CD", repeat=2))


def test_trust_game_payoffs_follow_each_players_own_type():
    # own payoff from own type's table, rows own action, columns the other's
    for types in itertools.product((T, U), repeat=2):
        tables = [ASSURANCE if t == T else PD for t in types]
        for a, b in PROFILES:
            i, j = "CD".index(a), "CD".index(b)
            assert GAME.payoff((a, b), types) == (tables[0][i][j], tables[1][j][i])


def test_independent_prior_is_the_product_of_the_marginals():
    assert GAME.independent
    assert GAME.prior[(T, U)] == t1 * (1 - t2)
    assert sympy.expand(sum(GAME.prior.values())) == 1
    assert GAME.type_probability("column", U) == 1 - t2
    weights = GAME.belief_weights("row", U)
    assert dict(weights) == {(U, T): t2, (U, U): 1 - t2}


def test_normal_form_games_can_stand_for_tables():
    g = trust_game(symmetric_2x2(4, 1, 3, 2), symmetric_2x2(3, 1, 4, 2), (t1, t2))
    assert g.table == GAME.table and g.prior == GAME.prior


def test_at_types_is_the_complete_information_game():
    nf = GAME.at_types((U, U))
    assert nf.payoff(("D", "C")) == (4, 1)
    assert nf.players == GAME.players


def test_flat_and_nested_payoffs_build_the_same_game():
    types = [["h", "l"], ["h", "l"]]
    prior = {tp: sympy.Rational(1, 4) for tp in itertools.product("hl", repeat=2)}
    nested = {
        tp: {prof: (int(tp[0] == "h"), int(prof[1] == "C")) for prof in PROFILES}
        for tp in itertools.product("hl", repeat=2)
    }
    flat = {
        (prof, tp): vec for tp, inner in nested.items() for prof, vec in inner.items()
    }
    a = bayesian_game(["x", "y"], [["C", "D"]] * 2, types, prior, nested)
    b = bayesian_game(["x", "y"], [["C", "D"]] * 2, types, prior, flat)
    assert a == b
    assert not a.independent
    assert a.type_probability("x", "h") == sympy.Rational(1, 2)


@given(st.fractions(0, 1, max_denominator=20), st.fractions(0, 1, max_denominator=20))
def test_substitution_gives_exact_numeric_priors(v1, v2):
    point = {
        t1: sympy.Rational(v1.numerator, v1.denominator),
        t2: sympy.Rational(v2.numerator, v2.denominator),
    }
    g = GAME.subs(point)
    assert isinstance(g, BayesianGame)
    total = sum(Fraction(int(p.p), int(p.q)) for p in g.prior.values())
    assert total == 1
    assert g.prior[(T, T)] == point[t1] * point[t2]


def test_printing_shows_priors_and_payoffs():
    text = str(GAME)
    assert "prior of row: {trustworthy: t1, untrustworthy: 1 - t1}" in text
    assert "types (untrustworthy, untrustworthy)" in text
    assert r"\mapsto" in sympy.latex(GAME)


# -- validation ------------------------------------------------------------------


def test_priors_that_do_not_sum_to_one_are_refused():
    with pytest.raises(
        ModelError, match=r"prior for player 'row' sums to 2\*t1, not 1"
    ):
        type_game({"a": ASSURANCE, "b": PD}, [{"a": t1, "b": t1}, {"a": 1, "b": 0}])
    with pytest.raises(
        ModelError, match="prior for player 'column' sums to 3/2, not 1"
    ):
        type_game(
            {"a": ASSURANCE, "b": PD},
            [{"a": 1, "b": 0}, {"a": sympy.Rational(1, 2), "b": 1}],
        )


def test_priors_outside_the_unit_interval_are_refused():
    c = positive("c")
    with pytest.raises(ModelError, match="which is not a probability: it leaves"):
        trust_game(ASSURANCE, PD, c)
    with pytest.raises(
        ModelError,
        match=r"prior of 'trustworthy' for player 'row' is 2, which is not in \[0, 1\]",
    ):
        trust_game(ASSURANCE, PD, 2)


def test_missing_or_malformed_payoffs_are_refused():
    types = [["h"], ["h"]]
    prior = [{"h": 1}, {"h": 1}]
    full = {(prof, ("h", "h")): (0, 0) for prof in PROFILES}
    missing = dict(full)
    del missing[(("D", "D"), ("h", "h"))]
    with pytest.raises(ModelError, match=r"no payoff given for profile \('D', 'D'\)"):
        bayesian_game(["x", "y"], [["C", "D"]] * 2, types, prior, missing)
    short = dict(full)
    short[(("C", "C"), ("h", "h"))] = (1,)
    with pytest.raises(ModelError, match="has length 1; there are 2 players"):
        bayesian_game(["x", "y"], [["C", "D"]] * 2, types, prior, short)
    text = dict(full)
    text[(("C", "C"), ("h", "h"))] = ("c - w", 0)
    with pytest.raises(ModelError, match="strings are not parsed"):
        bayesian_game(["x", "y"], [["C", "D"]] * 2, types, prior, text)
    floats = dict(full)
    floats[(("C", "C"), ("h", "h"))] = (0.5, 0)
    with pytest.raises(ModelError, match=r"float 0\.5"):
        bayesian_game(["x", "y"], [["C", "D"]] * 2, types, prior, floats)
    unknown = dict(full)
    unknown[(("C", "X"), ("h", "h"))] = (0, 0)
    with pytest.raises(ModelError, match="is not an action profile"):
        bayesian_game(["x", "y"], [["C", "D"]] * 2, types, prior, unknown)


def test_wrong_lengths_are_refused():
    with pytest.raises(ModelError, match="one type set per player"):
        bayesian_game(["x", "y"], [["C"], ["C"]], [["h"]], [{"h": 1}], {})
    with pytest.raises(ModelError, match=r"one mapping per player \(2\), got 1"):
        bayesian_game(["x", "y"], [["C"], ["C"]], [["h"], ["h"]], [{"h": 1}], {})
    with pytest.raises(ModelError, match="has types"):
        bayesian_game(
            ["x", "y"], [["C"], ["C"]], [["h"], ["h"]], [{"h": 1}, {"k": 1}], {}
        )
    with pytest.raises(ModelError, match="gives no probability to type profiles"):
        bayesian_game(
            ["x", "y"], [["C"], ["C"]], [["h", "l"], ["h"]], {("h", "h"): 1}, {}
        )
    with pytest.raises(ModelError, match="must be a 2x2 table of own payoffs"):
        trust_game([[4, 1, 0], [3, 2, 0]], PD, t1)
    with pytest.raises(ModelError, match="one value or one per player"):
        trust_game(ASSURANCE, PD, (t1, t2, t1))
    with pytest.raises(ModelError, match="two-player games"):
        type_game({"a": ASSURANCE}, [{"a": 1}] * 3, players=("x", "y", "z"))


def test_unknown_types_actions_and_players_are_named():
    with pytest.raises(ModelError, match="unknown type 'nice' of player 'row'"):
        GAME.type_probability("row", "nice")
    with pytest.raises(ModelError, match="unknown action 'X' for player 'column'"):
        GAME.payoff(("C", "X"), (T, T))
    with pytest.raises(ModelError, match="unknown player 'third'"):
        GAME.belief_weights("third", T)
