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
    double_auction,
    first_price_auction,
    from_density,
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
    with pytest.raises(ModelError, match=r"c_P=-1 breaks the rule c_P > 0"):
        crisis_bargaining(p, -1, uniform(0, 1))
    with pytest.raises(ModelError, match=r"p=2 breaks the rule 0 <= p <= 1"):
        crisis_bargaining(2, 1, uniform(0, 1))


def test_linear_utility_corner_is_a_continuum_noted_not_an_error():
    sol = continuous_nash(
        continuous_game(("A", "B"), (x, y), (x * y, x * y), bounds=((0, 1), (0, 1)))
    )
    assert ((1, 1), ("upper bound", "upper bound")) in [
        (e.profile, e.regimes) for e in sol
    ]
    assert any("continuum of best responses" in n for n in sol.notes)


def test_assumptions_may_not_mention_actions():
    q = nonnegative("q")
    with pytest.raises(ModelError, match="assumptions mention an action"):
        continuous_game(("A",), (q,), (-(q**2),), assumptions=[q < 1])


def test_from_density_negative_or_not_integrating_to_one():
    t = sympy.Symbol("t", real=True)
    with pytest.raises(ModelError, match=r"density 1 - 2\*t is negative somewhere"):
        from_density(1 - 2 * t, t, (0, 1))
    with pytest.raises(ModelError, match=r"does not integrate to 1 .* integral is 1/2"):
        from_density(t, t, (0, 1))
    with pytest.raises(ModelError, match="wrong order"):
        from_density(1, t, (1, 0))
    with pytest.raises(ModelError, match="float"):
        from_density(0.5 * t, t, (0, 2))
    k = positive("k")
    with pytest.raises(ModelError, match="does not integrate to 1"):
        from_density(k, t, (0, 1))
    assert from_density(1 / k, t, (0, k)).cdf_at(k / 2) == sympy.Rational(1, 2)


def test_a_strategy_form_that_cannot_satisfy_the_first_order_conditions():
    t = sympy.Symbol("t", real=True)
    values = from_density(2 * t, t, (0, 1))
    with pytest.raises(UnsupportedError, match="the linear form has 0 increasing"):
        double_auction(values, uniform(0, 1))


def test_auction_with_a_density_type():
    t = sympy.Symbol("t", real=True)
    eq = first_price_auction(3, from_density(2 * t, t, (0, 1)))
    assert sympy.simplify(eq.bid - sympy.Rational(4, 5) * eq.value_symbol) == 0
