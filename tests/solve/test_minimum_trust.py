"""minimum_trust: the derived minimum agrees with the existence condition at
exact trust levels (its twin), on random conditions and on chapter 2's."""

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symtrust import check, interval, minimum_trust, positive, real
from symtrust.errors import ModelError, UnsupportedError

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


# -- issue 9, item 1: no nan, conditions solved, unbounded parameters ---------------

p = interval("p", 0, 1)
h, s, b, k, g, c = positive("h s b k g c")


def _at(expr, **values):
    names = {sym.name: sym for sym in expr.free_symbols}
    return expr.xreplace({names[n]: sympy.Rational(v) for n, v in values.items()})


def test_square_root_minimum_with_a_second_parameter():
    # before: nan, "holds when: False"
    result = minimum_trust(p**2 * s >= h, p, h, [s > h])
    assert not result.value.has(sympy.nan)
    assert result.condition is sympy.true
    assert sympy.simplify(result.value - sympy.sqrt(h / s)) == 0
    assert result.strict is sympy.false and result.unattainable is sympy.false
    assert check(result, max_examples=15).passed is True


def test_entry_deterrence_with_an_extra_parameter_is_never_nan():
    # the entrant faces a tough incumbent with probability p (a fight costs
    # it 1) and a weak one otherwise (entry gains b); staying out gives 0.
    # Deterred iff EU_enter < EU_out: -p + (1 - p) b < 0, i.e. p > b/(1 + b).
    eu_enter, eu_out = p * (-1) + (1 - p) * b, 0
    result = minimum_trust(eu_enter < eu_out, p, b)
    assert not result.value.has(sympy.nan)
    assert sympy.simplify(result.value - b / (1 + b)) == 0
    assert result.strict is sympy.true  # deterrence needs p above the bound
    assert result.unattainable is sympy.false
    for v in ("1/10", "1", "7"):
        assert _at(result.value, b=v) == sympy.Rational(v) / (1 + sympy.Rational(v))
    assert check(result, max_examples=15).passed is True


def test_strict_inequalities_give_the_bound_and_say_it_is_not_attained():
    result = minimum_trust(tau > x / 3, tau, x)
    assert not result.value.has(sympy.nan)
    assert _at(result.value, x="3/2") == sympy.Rational(1, 2)
    assert result.strict == (x < 3)
    assert result.unattainable == (x >= 3)
    assert check(result, max_examples=15).passed is True


def test_an_unbounded_parameter_never_gives_a_value_above_one_silently():
    # before: x/2, "holds when True", also where x/2 > 1
    t = interval("t", 0, 1, left_open=True)
    result = minimum_trust(t >= x / 2, t, x)
    for v in ("1/2", "2", "3", "100"):
        assert _at(result.value, x=v) <= 1
    assert result.unattainable == (x > 2)
    assert _at(result.value, x="3") == 1
    assert check(result, max_examples=20).passed is True


# -- models of my own, solved by hand ----------------------------------------------


def test_reputation_gain_model_by_hand():
    # cooperate iff p (2 + g) >= 1: the least trust is 1/(2 + g), attained
    result = minimum_trust(p * (2 + g) >= 1, p, g)
    assert sympy.simplify(result.value - 1 / (2 + g)) == 0
    assert result.strict is sympy.false and result.unattainable is sympy.false
    assert check(result, max_examples=10).passed is True


def test_quadratic_cost_model_by_hand():
    # cooperation needs t**2 >= c: t >= sqrt(c) while c <= 1; none above
    result = minimum_trust(p**2 >= c, p, c)
    assert _at(result.value, c="1/4") == sympy.Rational(1, 2)
    assert _at(result.value, c="9/16") == sympy.Rational(3, 4)
    assert result.unattainable == (c > 1)
    assert check(result, max_examples=15).passed is True


def test_cooperation_only_at_middling_trust_is_refused_with_the_reason():
    # p (1 - p) >= k holds between the roots (1 -+ sqrt(1 - 4k))/2: not an
    # upper set of trust levels, so no minimum trust describes it
    with pytest.raises(UnsupportedError, match="not of the form p >= m"):
        minimum_trust(p * (1 - p) >= k, p, k)
