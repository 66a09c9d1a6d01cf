"""Trust thresholds: the textbook values and exact checks around them.

Expected formulas appear here only (never in the solver): the Assurance
threshold 1/2 and the general (P - S) / ((R - T) + (P - S)) for R > T, P > S.
"""

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import (
    bayesian_game,
    check,
    decide,
    normal_form_game,
    positive,
    probability,
    real,
    trust_game,
    trust_threshold,
)
from symtrust.catalog import chicken, prisoners_dilemma, stag_hunt, symmetric_2x2
from symtrust.core.exact import substitute_condition
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.bayesian import type_game
from symtrust.games.bayesian.twins.bayes import threshold_twin
from symtrust.testing import points

R, S, T, P = real("R S T P")
GENERAL = trust_threshold(symmetric_2x2(R, S, T, P, assumptions=[R > T, P > S]))
unit = st.fractions(0, 1, max_denominator=12)


def test_assurance_threshold_is_one_half():
    th = trust_threshold(symmetric_2x2(4, 1, 3, 2))
    assert th.value == sympy.Rational(1, 2)
    assert th.direction == ">="
    assert th.condition is sympy.true
    p = th.belief
    assert sympy.expand(th.expected_payoffs[0] - (4 * p + 1 * (1 - p))) == 0
    assert sympy.expand(th.expected_payoffs[1] - (3 * p + 2 * (1 - p))) == 0


def test_general_threshold_is_the_textbook_formula():
    expected = (P - S) / ((R - T) + (P - S))
    assert sympy.simplify(GENERAL.value - expected) == 0
    assert GENERAL.direction == ">="
    # under R > T and P > S the threshold is always a valid belief
    assert GENERAL.condition is sympy.true


@given(points(GENERAL), unit)
def test_direction_matches_exact_expected_payoffs(point, b):
    """At any belief b, C is weakly better iff b >= threshold (by hand)."""
    r, s, t, p = (Fraction(int(point[x].p), int(point[x].q)) for x in (R, S, T, P))
    eu_c = b * r + (1 - b) * s
    eu_d = b * t + (1 - b) * p
    star = GENERAL.value.xreplace(point)
    star = Fraction(int(star.p), int(star.q))
    assert 0 < star < 1
    assert (eu_c >= eu_d) == (b >= star)


@given(points(GENERAL))
def test_general_threshold_agrees_with_its_twin(point):
    threshold_twin(GENERAL, point)


def test_stag_hunt_threshold_under_its_own_ordering():
    th = trust_threshold(stag_hunt())
    assert th.direction == ">=" and th.condition is sympy.true


def test_chicken_reverses_the_direction():
    th = trust_threshold(chicken())
    # in Chicken, cooperating pays when the other is expected to defect
    assert th.direction == "<="
    assert sympy.simplify(th.value - (P - S) / ((R - T) + (P - S))) == 0
    assert th.condition is sympy.true


def test_prisoners_dilemma_has_no_valid_threshold_everywhere():
    th = trust_threshold(prisoners_dilemma())
    # the slope (R - T) + (P - S) has no fixed sign under T > R > P > S
    assert th.direction is None
    assert th.condition is not sympy.true


def test_no_threshold_when_the_belief_does_not_matter():
    g = symmetric_2x2(2, 0, 1, -1)  # C better by 1 whatever the other does
    with pytest.raises(UnsupportedError, match="does not depend on the belief"):
        trust_threshold(g)


# -- Bayesian games ----------------------------------------------------------------

t1, t2 = probability("t1 t2")
BOOK = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (t1, t2))


def test_bayesian_threshold_of_the_book():
    th = trust_threshold(BOOK, "row")
    assert th.value == sympy.Rational(1, 2)
    assert th.trust == t2
    assert th.cooperates == (t2 >= sympy.Rational(1, 2))
    assert dict(th.opponent_strategy) == {"trustworthy": "C", "untrustworthy": "D"}
    th = trust_threshold(BOOK, "column")
    assert th.trust == t1


a, b = probability("a b")
# three opponent types: two trustworthy (different Assurance payoffs), one PD
MANY = type_game(
    [
        {"trustworthy": [[4, 1], [3, 2]]},
        {"firm": [[4, 1], [3, 2]], "weak": [[5, 0], [1, 2]], "rogue": [[3, 1], [4, 2]]},
    ],
    [{"trustworthy": 1}, {"firm": a * b, "weak": a * (1 - b), "rogue": 1 - a}],
)


def test_any_number_of_opponent_types():
    th = trust_threshold(MANY, "row")
    assert dict(th.opponent_strategy) == {"firm": "C", "weak": "C", "rogue": "D"}
    assert sympy.simplify(th.trust - a) == 0
    assert th.value == sympy.Rational(1, 2)


@given(points([], [a, b]))
def test_many_types_agree_with_the_twin(point):
    threshold_twin(trust_threshold(MANY, "row"), point)


# payoffs that depend on the opponent's type beyond its action: averaged
h = probability("h")
INTERDEPENDENT = bayesian_game(
    ["x", "y"],
    [["C", "D"], ["C", "D"]],
    [["only"], ["good", "better", "bad"]],
    [{"only": 1}, {"good": h / 2, "better": h / 2, "bad": 1 - h}],
    {
        (prof, ("only", ty)): (
            {"CC": 4 + (ty == "better"), "CD": 1, "DC": 3, "DD": 2}["".join(prof)],
            # y's own payoff: own action first
            {"CC": 4, "CD": 1, "DC": 3 if ty != "bad" else 5, "DD": 2}[
                prof[1] + prof[0]
            ],
        )
        for prof in itertools.product("CD", repeat=2)
        for ty in ("good", "better", "bad")
    },
)
INTER_TH = trust_threshold(INTERDEPENDENT, "x")


def test_interdependent_payoffs_average_over_cooperating_types():
    # Assurance (R = 9/2 on average, S = 1, T = 3, P = 2): (P - S)/((R - T)+(P - S))
    assert INTER_TH.value == sympy.Rational(2, 5)
    assert INTER_TH.trust == h


@given(points(INTERDEPENDENT))
def test_interdependent_threshold_agrees_with_the_twin(point):
    threshold_twin(INTER_TH, point)


# -- bad input -----------------------------------------------------------------------


def test_bad_input_is_refused_with_a_message():
    three = normal_form_game(
        ["a", "b", "c"],
        [["C", "D"]] * 3,
        {p: (0, 0, 0) for p in itertools.product("CD", repeat=3)},
    )
    with pytest.raises(ModelError, match="defined for two players; the game has 3"):
        trust_threshold(three)
    with pytest.raises(ModelError, match="action 'X' is not an action of 'row'"):
        trust_threshold(stag_hunt(), cooperate="X")
    with pytest.raises(ModelError, match="are the same action 'C'"):
        trust_threshold(stag_hunt(), defect="C")
    with pytest.raises(ModelError, match="belief symbol R already appears"):
        trust_threshold(stag_hunt(), belief=R)
    with pytest.raises(ModelError, match="needs a NormalFormGame or a BayesianGame"):
        trust_threshold("game")
    with pytest.raises(ModelError, match="say whose threshold with type="):
        trust_threshold(MANY, "column")
    with pytest.raises(ModelError, match="every type of 'column' plays the same"):
        trust_threshold(
            MANY, "row", opponent_strategy={t: "C" for t in ("firm", "weak", "rogue")}
        )
    with pytest.raises(UnsupportedError, match="a threshold needs each type"):
        trust_threshold(
            MANY,
            "row",
            opponent_strategy={"firm": "C", "weak": {"C": 1}, "rogue": "D"},
        )
    ambiguous = trust_game([[4, 1], [3, 2]], [[R, 1], [T, 2]], t1)
    with pytest.raises(ModelError, match="neither always reciprocates nor"):
        trust_threshold(ambiguous, "row")


# -- issue 9: conditions solved for the trust; vanishing denominators stated ---------


def test_cooperation_is_stated_solved_for_the_trust():
    # Assurance with R = 1 + d, S = 0, T = P = 1: threshold 1/(1 + d)
    d = positive("d")
    game = trust_game([[1 + d, 0], [1, 1]], [[1, 0], [2, 1]], (t1, t2))
    th = trust_threshold(game, "row")
    assert sympy.simplify(th.value - 1 / (1 + d)) == 0
    # before: d*t2 + t2 >= 1
    assert th.cooperates == (t2 >= 1 / (d + 1))


def test_general_game_without_assumptions_states_its_zero_slope():
    # divides by P + R - S - T: the result must say where that is nonzero,
    # and then pass its own check, also at R = S = T = P = 0
    th = trust_threshold(symmetric_2x2(R, S, T, P))
    slope = P + R - S - T
    assert decide(sympy.Implies(th.condition, sympy.Ne(slope, 0))).truth is True
    zero = {R: 0, S: 0, T: 0, P: 0}
    assert substitute_condition(th.condition, zero) is False  # defined, and false
    assert threshold_twin(th, zero) is None
    report = check(th, max_examples=30)
    assert report.passed is True, report.message
    # where the slope vanishes the preference does not depend on the belief:
    # cooperating is weakly better everywhere iff S >= P
    p = th.belief
    third = sympy.Rational(1, 3)
    flat_c = {R: 3, S: 2, T: 2, P: 1}  # R + P = S + T, S > P
    flat_d = {R: 1, S: 0, T: 3, P: 2}  # R + P = S + T, S < P
    assert substitute_condition(th.cooperation, {**flat_c, p: third}) is True
    assert substitute_condition(th.cooperation, {**flat_d, p: third}) is False
