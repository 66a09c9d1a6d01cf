"""Bad input to the repeated-game family: clear errors naming the value."""

from fractions import Fraction

import pytest
import sympy

from symtrust import interval, probability, real
from symtrust.catalog import prisoners_dilemma, symmetric_2x2
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.repeated import (
    automaton,
    grim_trigger,
    k_period_punishment,
    machine,
    minimum_discount,
    repeated_game,
    strategy_profile,
    subgame_perfection,
    tit_for_tat,
)

PD = prisoners_dilemma()


@pytest.mark.parametrize(
    ("delta", "named"),
    [
        (0, "delta = 0"),
        (1, "delta = 1"),
        (2, "delta = 2"),
        (-1, "delta = -1"),
        (Fraction(3, 2), "delta = 3/2"),
        (0.9, "float 0.9"),
        ("0.9", "string '0.9'"),
        (float("nan"), "nan"),
        (sympy.nan, "nan"),
        (sympy.oo, "oo"),
        (True, "bool True"),
        (sympy.sqrt(2) / 2, "sqrt(2)/2"),
        ([Fraction(1, 2)], "list"),
    ],
)
def test_discount_factor_outside_the_open_unit_interval(delta, named):
    with pytest.raises(ModelError, match="discount factor") as info:
        repeated_game(PD, delta)
    assert named in str(info.value)


@pytest.mark.parametrize(
    "delta",
    [
        probability("q"),
        interval("d", 0, 1, right_open=True),
        interval("d", 0, 2, left_open=True, right_open=True),
        sympy.Symbol("d"),
    ],
)
def test_discount_parameter_must_live_in_the_open_unit_interval(delta):
    with pytest.raises(ModelError, match=f"discount factor {delta}"):
        repeated_game(PD, delta)


def test_discount_symbol_clashing_with_a_payoff_name():
    with pytest.raises(ModelError, match="shares its name"):
        repeated_game(PD, interval("R", 0, 1, left_open=True, right_open=True))


def test_stage_must_be_a_normal_form_game():
    with pytest.raises(ModelError, match="NormalFormGame"):
        repeated_game([[1, 2], [3, 4]])


def test_transition_to_a_missing_state():
    with pytest.raises(ModelError, match="goes to 'P', which is not a state"):
        machine(("C", "D"), {"C": "C", "D": "D"}, {"C": "P", "D": "D"})
    with pytest.raises(ModelError, match="goes to 'z', which is not a state"):
        automaton(
            PD,
            ("a", "b"),
            {"a": ("C", "C"), "b": ("D", "D")},
            {"a": {("C", "C"): "a", "otherwise": "z"}, "b": "b"},
        )


def test_action_not_in_the_stage_game():
    m = machine(("C",), {"C": "X"}, {"C": "C"})
    with pytest.raises(ModelError, match="action 'X' in state 'C' is not an action"):
        strategy_profile(PD, m)
    with pytest.raises(ModelError, match="action 'X' is not an action of 'column'"):
        automaton(PD, ("a",), {"a": ("C", "X")}, {"a": "a"})
    with pytest.raises(ModelError, match=r"keyed by \('C', 'E'\)"):
        automaton(PD, ("a",), {"a": ("C", "C")}, {"a": {("C", "E"): "a"}})
    with pytest.raises(ModelError, match="action 'Y'"):
        strategy_profile(PD, grim_trigger("C", "Y"))


def test_incomplete_or_malformed_automata():
    with pytest.raises(
        ModelError, match=r"no transition from state 'C' on \('C', 'D'\)"
    ):
        strategy_profile(PD, machine(("C",), {"C": "C"}, {"C": {("C", "C"): "C"}}))
    with pytest.raises(ModelError, match="no action given for state 'D'"):
        machine(("C", "D"), {"C": "C"}, {"C": "C", "D": "D"})
    with pytest.raises(ModelError, match="no transitions given from state 'D'"):
        machine(("C", "D"), {"C": "C", "D": "D"}, {"C": "C"})
    with pytest.raises(ModelError, match="repeat a name"):
        machine(("C", "C"), {"C": "C"}, {"C": "C"})
    with pytest.raises(ModelError, match="nonempty sequence of names, got 'CD'"):
        machine("CD", {}, {})
    with pytest.raises(ModelError, match=r"\('C',\) must be a tuple of 2 actions"):
        automaton(PD, ("a",), {"a": ("C",)}, {"a": "a"})
    with pytest.raises(ModelError, match="initial state 'Z'"):
        machine(("C",), {"C": "C"}, {"C": "C"}, initial="Z")


@pytest.mark.parametrize("k", [0, -1, 2.0, "2", True, None])
def test_punishment_length(k):
    with pytest.raises(ModelError, match=f"k = {k!r}"):
        k_period_punishment(k)


def test_solvers_refuse_what_they_cannot_use():
    with pytest.raises(ModelError, match="expected a RepeatedGame"):
        subgame_perfection(PD, grim_trigger())
    with pytest.raises(ModelError, match="got 'grim'"):
        subgame_perfection(repeated_game(PD), "grim")
    with pytest.raises(ModelError, match="the number 1/2"):
        minimum_discount(repeated_game(PD, sympy.Rational(1, 2)), grim_trigger())
    # tit-for-tat is perfect on a single point of discount factors: no minimum
    # (T - R)/(R - S) = (P - S)/(T - P) = 1/3 at (R, S, T, P) = (3, 0, 4, 1)
    with pytest.raises(UnsupportedError, match="no single minimum discount factor"):
        minimum_discount(repeated_game(symmetric_2x2(3, 0, 4, 1)), tit_for_tat())
    three = real("x")
    with pytest.raises(ModelError, match="a Machine"):
        strategy_profile(PD, grim_trigger(), three)
