"""Assumptions: collection of domains, consistency, exact membership."""

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import positive, probability, real
from symtrust.core.assumptions import Assumptions
from symtrust.core.exact import substitute_condition
from symtrust.errors import AssumptionError
from symtrust.logic.assumptions import build_assumptions, extend_assumptions
from symtrust.testing import rationals

c, w = positive("c w")
t = probability("t")
x, y = real("x y")


def test_domains_first_then_stated_relations():
    a = build_assumptions([c > w], symbols=[t])
    # domains are kept unevaluated (SymPy folds c > 0 to True for positive c)
    assert [str(k) for k in a.conditions] == [
        "c > 0",
        "t >= 0",
        "t <= 1",
        "w > 0",
        "c > w",
    ]
    assert a.symbols == {c, w, t}


def test_chains_are_flattened_and_duplicates_dropped():
    a = build_assumptions([sympy.And(x > y, y > 0), x > y])
    assert a.conditions == (x > y, y > 0)


def test_single_relation_and_true_are_accepted():
    assert [str(k) for k in build_assumptions(c > w).conditions] == [
        "c > 0",
        "w > 0",
        "c > w",
    ]
    assert build_assumptions([True]).conditions == ()
    assert build_assumptions().condition is sympy.true


def test_extend_checks_again():
    a = build_assumptions([c > w])
    assert extend_assumptions(a, [t > 0]).conditions[-1] == (t > 0)
    with pytest.raises(AssumptionError, match="contradict"):
        extend_assumptions(a, [w > c])


@pytest.mark.parametrize(
    ("stated", "message"),
    [
        ([c > w, w > c], r"assumptions contradict each other: \[c > w, w > c\]$"),
        (
            [t > 1],
            r"contradict each other: \[t > 1\] \(given the domains t >= 0, t <= 1\)$",
        ),
        ([x > y, y > x + 1], r"contradict each other"),
        (["c > w"], r"assumption 'c > w' is a string; symtrust does not parse text"),
        ([c < 0], r"an assumption is False as written"),
        ([c - w], r"assumption c - w is not a relation"),
        ([c], r"assumption c is not a relation"),
        ([3], r"assumption 3 is not a relation"),
    ],
)
def test_bad_assumptions_are_named(stated, message):
    with pytest.raises(AssumptionError, match=message):
        build_assumptions(stated)


def test_unchecked_build_skips_consistency():
    a = Assumptions.build([x > y, y > x])  # the value alone is not decided
    assert a.conditions == (x > y, y > x)


def test_holds_at_needs_every_symbol_and_domain():
    a = build_assumptions([c > w])
    assert a.holds_at({c: 2, w: 1})
    assert not a.holds_at({c: 2, w: -1})  # w's domain
    assert not a.holds_at({c: 1, w: 2})
    assert not a.holds_at({c: 2})  # w missing: not decided, so not held


@given(st.dictionaries(st.sampled_from([c, w, t, x, y]), rationals(bound=3)))
def test_holds_at_is_the_conjunction_of_exact_substitutions(partial):
    a = build_assumptions([c > w + t, x >= 2 * y], symbols=[t])
    point = {s: partial.get(s, sympy.Integer(1)) for s in (c, w, t, x, y)}
    expected = all(substitute_condition(cond, point) is True for cond in a.conditions)
    by_hand = (
        point[c] > 0
        and point[w] > 0
        and 0 <= point[t] <= 1
        and point[c] > point[w] + point[t]
        and point[x] >= 2 * point[y]
    )
    assert a.holds_at(point) == expected == by_hand


def test_printing():
    a = build_assumptions([c > w])
    assert str(a) == "c > 0 & w > 0 & c > w"
    assert sympy.latex(a) == r"c > 0,\quad w > 0,\quad c > w"
    assert str(Assumptions()) == "True"
