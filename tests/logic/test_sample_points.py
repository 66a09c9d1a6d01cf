"""Sample points and components spare decisions but never change a simplified condition."""

import importlib

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symtrust.core.parameters import probability, real
from symtrust.errors import ClaimError, ModelError
from symtrust.logic.conditions import (
    admissible_points,
    components,
    sample_points,
    simplify_by_components,
    simplify_condition,
)
from symtrust.logic.decide import cache_clear

SIMPLIFIER = importlib.import_module("symtrust.logic.conditions.simplifier")

p, q = probability("p q")
a, b = real("a b")
SYMBOLS = (p, q, a, b)
ASSUME = (p + q <= 1,)

coef = st.integers(-3, 3)
op = st.sampled_from(["<", "<=", ">", ">=", "==", "!="])


@st.composite
def relations(draw):
    # affine and bilinear forms in probabilities and reals: contingent,
    # valid and impossible ones all occur
    c = [draw(coef) for _ in range(6)]
    lhs = c[0] * p + c[1] * q + c[2] * a + c[3] * p * a + c[4] * b * q + c[5]
    rel = sympy.core.relational.Relational(lhs, 0, draw(op))
    return rel


# valid or impossible under the assumptions, but not folded by SymPy: the
# decisions that sample points must not skip
DECIDED = [
    p + q <= 1,
    p * q <= p,
    p * q <= 1,
    a * a * p >= 0,
    p + q > 1,
    p * q > p,
    1 - p - q + a * a >= 0,
]


@st.composite
def conjunctions(draw):
    parts = st.one_of(relations(), st.sampled_from(DECIDED))
    return sympy.And(*draw(st.lists(parts, min_size=1, max_size=4)))


def fresh(fn):
    """fn() with the simplifier's and the verdicts' caches cleared first."""
    SIMPLIFIER._simplify.cache_clear()
    cache_clear()
    return fn()


POINTS = admissible_points(SYMBOLS, ASSUME)


def test_admissible_points_satisfy_domains_and_assumptions():
    assert len(POINTS) == 12
    for pt in POINTS:
        assert 0 <= pt[p] <= 1 and 0 <= pt[q] <= 1 and pt[p] + pt[q] <= 1


@settings(max_examples=40)
@given(conjunctions())
def test_sample_points_do_not_change_the_simplified_condition(cond):
    plain = fresh(lambda: simplify_condition(cond, ASSUME))

    def with_points():
        with sample_points(POINTS):
            return simplify_condition(cond, ASSUME)

    assert fresh(with_points) == plain


@settings(max_examples=40)
@given(conjunctions(), conjunctions())
def test_components_simplify_to_the_same_condition(left, right):
    # left in p and a, right in q and b: independent unless an assumption links them
    left = left.xreplace({q: p, b: a})
    right = right.xreplace({p: q, a: b})
    cond = sympy.And(left, right)
    whole = fresh(lambda: simplify_condition(cond, ()))
    assert fresh(lambda: simplify_by_components(cond, ())) == whole


def test_an_assumption_links_components():
    cond = sympy.And(p > sympy.Rational(1, 2), q > sympy.Rational(1, 2))
    assert len(components(cond)) == 2
    assert components(cond, ASSUME) == (cond,)
    # linked by p + q <= 1, the conjunction is impossible; apart, it is not
    assert simplify_by_components(cond, ASSUME) is sympy.false
    assert simplify_by_components(cond, ()) == cond


def test_careless_input_is_named():
    with pytest.raises(ModelError, match=r"needs SymPy symbols, got 'p'"):
        admissible_points(["p"])
    with pytest.raises(ClaimError, match=r"condition 'p > 0' is not a statement"):
        simplify_by_components("p > 0")
    with pytest.raises(ClaimError, match=r"is not a statement"):
        simplify_condition(sympy.Symbol("p"))
