"""Parameters: domains, SymPy assumptions, validation messages."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given

from symtrust import interval, nonnegative, parameter, positive, probability, real
from symtrust.core.exact import substitute_condition
from symtrust.core.parameters import Parameter, symbol_domain_condition
from symtrust.errors import ModelError
from symtrust.testing import rationals


def test_factories_give_domains_and_sympy_signs():
    t = probability("t")
    assert t.domain == sympy.Interval(0, 1) and t.is_nonnegative and t.is_real
    c = positive("c")
    assert c.domain == sympy.Interval.open(0, sympy.oo) and c.is_positive
    w = nonnegative("w")
    assert w.domain == sympy.Interval(0, sympy.oo) and w.is_nonnegative
    assert w.is_positive is None
    r = real("r")
    assert r.domain == sympy.S.Reals and r.is_real and r.is_positive is None
    m = interval("m", 0, 1, left_open=True, right_open=True)
    assert m.domain == sympy.Interval.open(0, 1) and m.is_positive
    neg = parameter("k", upper=0, right_open=True)
    assert neg.is_negative


def test_several_names_give_a_tuple_in_order():
    R, S, T, P = real("R S T P")
    assert [s.name for s in (R, S, T, P)] == ["R", "S", "T", "P"]
    a, b = positive("a, b")
    assert (a.name, b.name) == ("a", "b")


def test_identity_includes_the_domain():
    assert probability("q") == probability("q")
    assert probability("q") != positive("q")
    assert isinstance(probability("q"), Parameter)


def test_exact_bounds():
    k = parameter("k", lower=Fraction(1, 3), upper=sympy.sqrt(2))
    assert k.domain == sympy.Interval(sympy.Rational(1, 3), sympy.sqrt(2))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"lower": 0.5},
            r"lower bound of parameter 'k' is the float 0\.5: symtrust computes "
            r"exactly; use an int, fractions\.Fraction\('0\.5'\)",
        ),
        ({"upper": True}, r"upper bound of parameter 'k' is the bool True, not a num"),
        (
            {"lower": "1"},
            r"lower bound of parameter 'k' is the string '1': strings are not parsed",
        ),
        ({"upper": sympy.I}, r"upper bound of parameter 'k' is I, which is not real"),
        (
            {"lower": sympy.Symbol("x")},
            r"lower bound x of parameter 'k' must be a real constant \(orderings "
            r"between parameters go in a game's assumptions\)",
        ),
        ({"lower": 1, "upper": 0}, r"domain of 'k' is empty: lower=1, upper=0"),
        (
            {"lower": 1, "upper": 1, "left_open": True},
            r"domain of 'k' is empty: lower=1, upper=1, left_open=True",
        ),
        ({"lower": 2, "upper": 2}, r"domain of 'k' is the single point 2"),
    ],
)
def test_bad_bounds_are_named(kwargs, message):
    with pytest.raises(ModelError, match=message):
        parameter("k", **kwargs)


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ("1x", r"parameter name '1x' is not an identifier"),
        ("a b-c", r"parameter name 'b-c' is not an identifier"),
        ("   ", r"no parameter name in '   '"),
        (3, r"parameter names must be a string, got 3"),
    ],
)
def test_bad_names_are_named(names, message):
    with pytest.raises(ModelError, match=message):
        parameter(names)


def test_probability_outside_unit_interval_violates_its_domain():
    t = probability("t")
    assert substitute_condition(t.domain_condition, {t: sympy.Rational(3, 2)}) is False
    assert substitute_condition(t.domain_condition, {t: -1}) is False
    assert substitute_condition(t.domain_condition, {t: 1}) is True


@given(rationals(bound=3))
def test_domain_condition_is_membership(q):
    for p in (
        probability("t"),
        positive("c"),
        interval("m", 0, 1, left_open=True, right_open=True),
        parameter("k", lower=-1, upper=2, right_open=True),
    ):
        assert substitute_condition(p.domain_condition, {p: q}) == (q in p.domain)


def test_plain_symbols_domain_from_sympy_assumptions():
    x = sympy.Symbol("x", positive=True)
    # kept unevaluated (SymPy would fold x > 0 to True for a positive symbol)
    assert symbol_domain_condition(x) == sympy.StrictGreaterThan(x, 0, evaluate=False)
    assert symbol_domain_condition(sympy.Symbol("y")) is sympy.true
