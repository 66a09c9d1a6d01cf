"""minimum_trust: the derived minimum agrees with the existence condition at
exact trust levels (its twin), on random conditions and on chapter 2's."""

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symtrust import check, interval, minimum_trust, positive, real
from symtrust.errors import ModelError

tau = interval("tau", 0, 1, left_open=True, right_open=True)
x = positive("x")


def test_chapter_two_existence_condition():
    exists = sympy.And(tau * (x + 1) <= 2, (1 + x) ** 2 * tau >= 4 * x)
    result = minimum_trust(exists, tau, x)
    expected = sympy.Piecewise((4 * x / (1 + x) ** 2, x < 1), (1, True))
    for k in (sympy.Rational(1, 5), sympy.Rational(9, 10), 1, 3):
        assert result.value.subs(x, k) == expected.subs(x, k)
    assert check(result, max_examples=15).passed is True


@settings(max_examples=10, suppress_health_check=[HealthCheck.nested_given])
@given(
    a=st.fractions(min_value=-2, max_value=2, max_denominator=5),
    b=st.fractions(min_value=0, max_value=1, max_denominator=5),
)
def test_linear_conditions_agree_with_their_twin(a, b):
    exists = tau >= sympy.Rational(a) * x + sympy.Rational(b)
    result = minimum_trust(exists, tau, x)
    report = check(result, max_examples=10)
    assert report.passed is True, report.message


def test_trust_must_have_a_bounded_domain():
    t = real("t")
    with pytest.raises(ModelError, match="bounded domain"):
        minimum_trust(t >= x, t, x)
