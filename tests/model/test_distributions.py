"""Continuous types: exact CDFs, densities, and validation of bad input."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import parameter, positive, uniform
from symtrust.errors import ModelError
from symtrust.games.continuous_types import ContinuousType

x = sympy.Symbol("x", real=True)
RATS = st.fractions(min_value=-20, max_value=20, max_denominator=12)


@given(RATS, RATS, st.fractions(min_value=0, max_value=1, max_denominator=30))
def test_uniform_cdf_is_linear_and_matches_the_integrated_density(a, b, u):
    lo, hi = sorted((a, b))
    if lo == hi:
        hi = lo + 1
    T = uniform(lo, hi)
    point = sympy.Rational(lo) + sympy.Rational(u) * (
        sympy.Rational(hi) - sympy.Rational(lo)
    )
    expected = (point - sympy.Rational(lo)) / (sympy.Rational(hi) - sympy.Rational(lo))
    assert T.cdf_at(point) == expected
    assert T.probability(lo, point) == expected
    assert T.cdf_at(lo) == 0 and T.cdf_at(hi) == 1


@given(st.fractions(min_value=0, max_value=1, max_denominator=50))
def test_general_cdf_density_and_probability_agree(u):
    T = ContinuousType.build(x**3, x, (0, 1))
    u = sympy.Rational(u)
    assert T.density == 3 * x**2
    assert T.probability(0, u) == u**3 == T.cdf_at(u)


def test_symbolic_support_gives_trust_one_over_b():
    b = parameter("b", lower=1, left_open=True)
    T = uniform(0, b)
    assert T.cdf_at(1) == 1 / b
    assert T.density == 1 / b
    assert str(T) == "U[0, b]"


def test_reversed_numeric_support_is_refused():
    with pytest.raises(ModelError, match=r"support \[2, 1\] is empty or reversed"):
        uniform(2, 1)
    with pytest.raises(ModelError, match=r"support \[1, 1\] is empty or reversed"):
        uniform(1, 1)


def test_symbolic_support_is_decided_under_assumptions():
    a = positive("a")
    with pytest.raises(ModelError, match=r"lower=a < upper=1 fails at a="):
        uniform(a, 1)
    assert uniform(a, 1, assumptions=[a < 1]).support == (a, 1)


def test_inexact_or_textual_bounds_are_refused():
    with pytest.raises(
        ModelError,
        match=r"lower bound of the uniform distribution is the float 0\.5: symtrust "
        r"computes exactly",
    ):
        uniform(0.5, 1)
    with pytest.raises(
        ModelError, match=r"upper bound .* is the string 'b': strings are not parsed"
    ):
        uniform(0, "b")
    assert uniform(Fraction(1, 2), 1).lower == sympy.Rational(1, 2)


def test_cdf_must_start_at_zero_end_at_one_and_not_decrease():
    with pytest.raises(ModelError, match=r"must equal 0 at the lower bound 0; it is 1"):
        ContinuousType.build(1 - x, x, (0, 1))
    with pytest.raises(ModelError, match=r"must equal 1 at the upper bound 2; it is 4"):
        ContinuousType.build(x**2, x, (0, 2))
    with pytest.raises(ModelError, match=r"decreases on the support \[0, 1\]"):
        ContinuousType.build(3 * x**2 - 2 * x, x, (0, 1))
    with pytest.raises(ModelError, match=r"is piecewise"):
        ContinuousType.build(sympy.Piecewise((x, x < 1), (1, True)), x, (0, 1))
    with pytest.raises(ModelError, match=r"support=\(0,\) must be a pair"):
        ContinuousType.build(x, x, (0,))
