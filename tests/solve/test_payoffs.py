"""Tests of expected_payoff and best_responses: textbook values, validation of
strategies, and the numeric twins at exact points of random games."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import best_responses, check, expected_payoff, probability, real
from symtrust.catalog import chicken, matching_pennies, stag_hunt
from symtrust.errors import ModelError
from symtrust.games.normal_form.twins.payoffs import (
    best_responses_twin,
    expected_payoff_twin,
)
from symtrust.results import BestResponses, ExpectedPayoff
from symtrust.testing.strategies import numeric_game, points

q, t = probability("q t")
z = real("z")
Rat = sympy.Rational


def _same(a, b):
    return sympy.simplify(a - b) == 0


def _param(game, name):
    return next(s for s in game.parameters if s.name == name)


# -- textbook values -----------------------------------------------------------


def test_matching_pennies_heads_against_a_mix():
    g = matching_pennies()
    a = _param(g, "a")
    r = expected_payoff(g, "row", ["H", {"H": q, "T": 1 - q}])
    assert isinstance(r, ExpectedPayoff)
    assert _same(r.value, a * q - a * (1 - q))
    assert r.condition is sympy.true


def test_pure_profile_gives_the_table_entry():
    g = chicken()
    for profile in g.profiles():
        for k, player in enumerate(g.players):
            assert (
                expected_payoff(g, player, list(profile)).value == g.payoff(profile)[k]
            )


def test_uniform_mix_in_a_numeric_game():
    from symtrust import bimatrix

    g = bimatrix([[4, 0], [2, 2]], [[1, 1], [0, 3]])
    half = (Rat(1, 2), Rat(1, 2))
    assert expected_payoff(g, 0, [half, half]).value == 2
    assert expected_payoff(g, 1, [half, half]).value == Rat(5, 4)


def test_strategy_given_as_vector_mapping_or_action_agree():
    g = stag_hunt()
    a = expected_payoff(g, "column", [(Rat(1, 3), Rat(2, 3)), "C"]).value
    b = expected_payoff(
        g, "column", [{"C": Fraction(1, 3), "D": Fraction(2, 3)}, "C"]
    ).value
    assert a == b


# -- validation ----------------------------------------------------------------


def test_real_parameter_as_probability_gives_a_condition():
    r = expected_payoff(stag_hunt(), "row", ["C", {"C": z, "D": 1 - z}])
    assert r.condition.subs(z, Rat(1, 2)) is sympy.true
    assert r.condition.subs(z, Rat(3, 2)) is sympy.false
    assert r.condition.subs(z, -1) is sympy.false


def test_sum_that_can_be_one_becomes_a_condition():
    r = expected_payoff(stag_hunt(), "row", ["C", {"C": t, "D": t}])
    assert r.condition.subs(t, Rat(1, 2)) is sympy.true
    assert r.condition.subs(t, Rat(1, 3)) is sympy.false


@pytest.mark.parametrize(
    ("strategy", "message"),
    [
        ({"C": 2, "D": -1}, "probability 2 of column's action 'C' lies outside [0, 1]"),
        ({"C": Rat(1, 2), "D": Rat(1, 4)}, "sum to 3/4, not 1"),
        ({"C": 0.5, "D": 0.5}, "is a float"),
        ({"C": "1/2", "D": "1/2"}, "strings are not parsed"),
        ({"X": 1}, "unknown action 'X'"),
        ((1, 0, 0), "must be an action name"),
        ({"C": q + 2, "D": -q - 1}, "outside [0, 1] everywhere"),
    ],
)
def test_invalid_strategies_are_model_errors(strategy, message):
    with pytest.raises(
        ModelError, match=message.replace("[", r"\[").replace("]", r"\]")
    ):
        expected_payoff(stag_hunt(), "row", ["C", strategy])


def test_wrong_number_of_strategies():
    with pytest.raises(ModelError, match="give 1 strategies"):
        expected_payoff(stag_hunt(), "row", ["C"])
    with pytest.raises(ModelError, match="unknown player"):
        expected_payoff(stag_hunt(), "nobody", ["C", "C"])


# -- best responses ------------------------------------------------------------


def test_matching_pennies_both_actions_are_best_responses_to_a_fair_coin():
    br = best_responses(matching_pennies(), "row", [(Rat(1, 2), Rat(1, 2))])
    assert isinstance(br, BestResponses)
    assert br.conditions == (sympy.true, sympy.true)


def test_stag_hunt_cutoff_for_cooperating():
    g = stag_hunt()
    R, S, T, P = (_param(g, n) for n in "RSTP")
    br = best_responses(g, "row", [{"C": q, "D": 1 - q}])
    cutoff = (P - S) / (R - T - S + P)
    point = {R: 4, T: 3, P: 2, S: 1}
    at = cutoff.subs(point)
    assert br.of("C").subs({**point, q: at}) is sympy.true
    assert br.of("D").subs({**point, q: at}) is sympy.true
    assert br.of("C").subs({**point, q: at - Rat(1, 100)}) is sympy.false
    assert br.of("D").subs({**point, q: at + Rat(1, 100)}) is sympy.false


def test_best_responses_accepts_a_full_list_with_none():
    a = best_responses(stag_hunt(), "column", ["D"])
    b = best_responses(stag_hunt(), "column", ["D", None])
    assert a.conditions == b.conditions
    with pytest.raises(ModelError, match="other players"):
        best_responses(stag_hunt(), "column", ["D", "C"])


# -- property tests via the twins ----------------------------------------------


def _mix(draw, n):
    weights = draw(st.lists(st.integers(0, 4), min_size=n, max_size=n))
    if sum(weights) == 0:
        weights[0] = 1
    return tuple(Rat(w, sum(weights)) for w in weights)


@given(st.data())
def test_expected_payoff_matches_profile_sums(data):
    shape = data.draw(st.sampled_from([(2, 2), (3, 2), (2, 2, 2), (2, 3, 2)]))
    game = data.draw(numeric_game(shape))
    strategies = [_mix(data.draw, n) for n in shape]
    player = data.draw(st.integers(0, len(shape) - 1))
    expected_payoff_twin(expected_payoff(game, player, strategies), {})


@given(st.data())
def test_best_responses_match_brute_force(data):
    shape = data.draw(st.sampled_from([(2, 2), (3, 2), (2, 2, 2)]))
    game = data.draw(numeric_game(shape, max_denominator=2, bound=2))
    player = data.draw(st.integers(0, len(shape) - 1))
    others = [_mix(data.draw, n) for k, n in enumerate(shape) if k != player]
    best_responses_twin(best_responses(game, player, others), {})


SYMBOLIC_EU = expected_payoff(
    chicken(), "row", [{"C": t, "D": 1 - t}, {"C": q, "D": 1 - q}]
)
SYMBOLIC_BR = best_responses(chicken(), "column", [{"C": z, "D": 1 - z}])


@given(points(chicken().assumptions, [q, t], max_denominator=6))
def test_symbolic_expected_payoff_at_points(point):
    expected_payoff_twin(SYMBOLIC_EU, point)


@given(points(chicken().assumptions, [z], max_denominator=4))
def test_symbolic_best_responses_at_points(point):
    # z is a real parameter: points outside [0, 1] test the validity condition
    best_responses_twin(SYMBOLIC_BR, point)


def test_check_runs_the_registered_twins():
    assert check(SYMBOLIC_EU, max_examples=10).passed is True
    assert check(SYMBOLIC_BR, max_examples=10).passed is True
