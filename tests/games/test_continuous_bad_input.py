"""Bad input to the continuous-strategy family: clear errors naming value and rule."""

import math
from fractions import Fraction

import pytest
import sympy

from symtrust import interval, nonnegative, positive, uniform
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous import (
    continuous_game,
    continuous_nash,
    crisis_bargaining,
    offer_game,
    optimal_offer,
    symmetric_continuous_game,
)
from symtrust.games.continuous_types import ContinuousType

x, y = sympy.symbols("x y", real=True)
a = positive("a")


def test_bounds_in_the_wrong_order():
    with pytest.raises(ModelError, match=r"wrong order: lower=1 < upper=0 fails"):
        continuous_game(("A",), (x,), (-(x**2),), bounds=((1, 0),))


def test_symbolic_bounds_in_the_wrong_order_name_a_point():
    with pytest.raises(ModelError, match=r"lower=a < upper=1 fails at a = "):
        continuous_game(("A",), (x,), (-(x**2),), bounds=((a, 1),))


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        (0.5, "float 0.5"),
        ("x", "string 'x'"),
        (math.nan, "nan"),
        (sympy.nan, "nan"),
    ],
)
def test_floats_strings_nan_in_utilities(value, rule):
    with pytest.raises(ModelError, match=rule):
        continuous_game(("A",), (x,), (value,), bounds=((0, 1),))


def test_float_bound():
    with pytest.raises(ModelError, match=r"float 0\.5"):
        continuous_game(("A",), (x,), (-(x**2),), bounds=((0, 0.5),))


def test_exact_fraction_is_fine():
    g = continuous_game(("A",), (x,), (-(x**2),), bounds=((0, Fraction(1, 2)),))
    assert g.bounds[0][1] == sympy.Rational(1, 2)


def test_non_differentiable_utility():
    g = continuous_game(("A",), (x,), (-sympy.Abs(x - 1),), bounds=((0, 2),))
    with pytest.raises(ModelError, match=r"not differentiable in x: it contains Abs"):
        continuous_nash(g)


def test_shapes_and_symbols():
    with pytest.raises(ModelError, match="2 players"):
        continuous_game(("A", "B"), (x,), (x, x))
    with pytest.raises(ModelError, match="must be a SymPy Symbol"):
        continuous_game(("A",), (x + 1,), (x,))
    with pytest.raises(ModelError, match="repeat"):
        continuous_game(("A", "B"), (x, x), (x, x))
    with pytest.raises(ModelError, match="integer"):
        continuous_game(("A",), (sympy.Symbol("k", integer=True),), (x,))


def test_player_count_must_be_an_integer_at_least_two():
    X = sympy.Symbol("X", real=True)
    with pytest.raises(ModelError, match="must be an integer"):
        symmetric_continuous_game(sympy.Rational(5, 2), x, X, -(x**2))
    with pytest.raises(ModelError, match="at least 2"):
        symmetric_continuous_game(1, x, X, -(x**2))


def test_unsolvable_first_order_system_names_equations_and_degree():
    g = continuous_game(("A",), (x,), (x**6 / 6 - x**2 / 2 - x,), bounds=((-5, 5),))
    with pytest.raises(UnsupportedError, match=r"x\*\*5 - x - 1 = 0 .*degree 5"):
        continuous_nash(g)


def test_density_negative_or_not_integrating_to_one():
    t = sympy.Symbol("t", real=True)
    with pytest.raises(ModelError, match="decreases on the support"):
        ContinuousType.build(3 * t**2 - 2 * t, t, (0, 1))
    with pytest.raises(ModelError, match="must equal 1 at the upper bound"):
        ContinuousType.build(t / 2, t, (0, 1))


def test_offer_game_needs_a_distribution_and_pairs():
    with pytest.raises(ModelError, match="must be a ContinuousType"):
        offer_game(x, (0, 1), y, "uniform", accept=(1 - x, x), reject=(0, y))
    with pytest.raises(ModelError, match=r"must be a \(proposer, responder\) pair"):
        offer_game(x, (0, 1), y, uniform(0, 1), accept=(1 - x,), reject=(0, y))
    with pytest.raises(ModelError, match="same symbol"):
        offer_game(x, (0, 1), x, uniform(0, 1), accept=(1 - x, x), reject=(0, x))


def test_no_cutoff_strategy_when_the_gain_is_not_monotone_in_the_type():
    g = offer_game(x, (0, 1), y, uniform(-1, 1), accept=(1 - x, x), reject=(0, y**2))
    with pytest.raises(UnsupportedError, match="strictly monotone in the type y"):
        optimal_offer(g)


def test_crisis_bargaining_bad_values():
    p = interval("p", 0, 1)
    with pytest.raises(ModelError, match="float"):
        crisis_bargaining(0.5, 1, uniform(0, 1))
    with pytest.raises(ModelError, match="must be a ContinuousType"):
        crisis_bargaining(p, 1, (0, 1))
    with pytest.raises(ModelError, match="nan"):
        crisis_bargaining(p, sympy.nan, uniform(0, 1))


def test_assumptions_may_not_mention_actions():
    q = nonnegative("q")
    with pytest.raises(ModelError, match="assumptions mention an action"):
        continuous_game(("A",), (q,), (-(q**2),), assumptions=[q < 1])
