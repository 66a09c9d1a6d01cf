"""The spiral model's arming game (Kydd 2005, ch. 3) as a tree.

Solved once symbolically by the tree solvers; at exact points its symmetric
equilibria must be the book model's (``kydd.arming_equilibria``), and with
two different arms gains the answers must agree with the tree's numeric twin.
"""

import functools

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symtrust import check, interval, parameter, positive
from symtrust.core.exact import substitute_condition
from symtrust.errors import ModelError
from symtrust.kydd import (
    Regime,
    arming_equilibria,
    arming_game,
    arming_tree,
    arming_tree_equilibria,
)
from symtrust.testing import points

PI = interval("pi", 0, 1, left_open=True, right_open=True)
T_S = interval("t_S", 0, 1, right_open=True)
T_G = parameter("t_G", lower=1, left_open=True)
C, W, K, D, D1, D2 = positive("c w K d d_1 d_2")
COMMON = dict(prior=PI, cost_bound=K, t_secure=T_S, t_greedy=T_G, c=C, w=W)

BOOK = arming_game(arms_gain=D, **COMMON)


# solved once per module when first needed, not at import (collection)
@functools.cache
def _book_equilibria():
    return arming_equilibria(BOOK)


@functools.cache
def _same():
    return arming_tree_equilibria(arming_tree(arms_gains=D, **COMMON))


@pytest.fixture(scope="module")
def DIFFERENT():
    return arming_tree_equilibria(arming_tree(arms_gains=(D1, D2), **COMMON))


def _book_at(point):
    out = set()
    for eq in _book_equilibria():
        if substitute_condition(eq.condition, point):
            tolerated = eq.regime is Regime.TOLERATED
            out.add(
                (
                    tolerated,
                    eq.rate.xreplace(point),
                    sympy.simplify(eq.trust_after_build.xreplace(point)),
                )
            )
    return out


def _tree_at(point):
    out = set()
    for eq in _same():
        held = substitute_condition(eq.condition, point)
        assert held is not None, (eq.condition, point)
        symmetric = eq.regime[0] == eq.regime[1]
        rates = [r.xreplace(point) for r in eq.rates]
        if held and symmetric and rates[0] == rates[1]:
            trust = sympy.simplify(eq.trust_after_build[0].xreplace(point))
            out.add((eq.regime[0], rates[0], trust))
    return out


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_symmetric_tree_equilibria_are_the_books_at_exact_points(data):
    point = data.draw(points(BOOK.assumptions, [PI, K, D, T_S, T_G, C, W]))
    assert _tree_at(point) == _book_at(point), point


def test_a_known_point_by_hand():
    # pi = 1/2, K = 1/2, d = 3/4, t_S = 0, t_G = 2, c = 3, w = 1, builds
    # destroying cooperation: by hand, building pays a security seeker up to
    # the cost k*(s) = d - pi (1 + w)(1 - s) when the other builds at rate s
    # (it loses the other security seeker's cooperation, worth 1 + w, only
    # if that one did not build), so s = 0 (k*(0) = -1/4 <= 0), s = 1
    # (k*(1) = 3/4 >= K), and s K = k*(s) at s = 1/2
    half = sympy.Rational(1, 2)
    point = {PI: half, K: half, D: sympy.Rational(3, 4), T_S: 0, T_G: 2, C: 3, W: 1}
    found = _tree_at(point)
    assert {(tol, s) for tol, s, _ in found} == {
        (False, 0),
        (False, half),
        (False, 1),
    }
    # trust after a build at s = 1/2: pi s / (pi s + 1 - pi) = 1/3
    assert (False, half, sympy.Rational(1, 3)) in found
    assert found == _book_at(point)


def test_different_arms_gains_agree_with_the_numeric_twin(DIFFERENT):
    report = check(DIFFERENT, max_examples=40)
    assert report.passed is True, report


def test_different_arms_gains_give_asymmetric_equilibria(DIFFERENT):
    # by hand, with k_i*(s_j) = d_i - pi (1 + w)(1 - s_j): state 1 gains
    # d_1 = 3 from arms, so k_1* >= 3 - 2/2 = 2 >= K and it always builds;
    # then state 2 has no cooperation to lose, k_2* = d_2 = 1/10, s_2 = 1/10
    point = {PI: sympy.Rational(1, 2), K: 1, D1: 3, D2: sympy.Rational(1, 10)}
    point |= {T_S: 0, T_G: 2, C: 3, W: 1}
    held = {
        (eq.regime, tuple(r.xreplace(point) for r in eq.rates))
        for eq in DIFFERENT
        if substitute_condition(eq.condition, point)
    }
    assert held == {((False, False), (1, sympy.Rational(1, 10)))}


def test_arms_gains_must_be_one_value_or_a_pair():
    with pytest.raises(ModelError, match="one gain or a pair"):
        arming_tree(arms_gains=(1, 2, 3), **COMMON)
    with pytest.raises(ModelError, match="arms gain"):
        arming_tree(arms_gains="big", **COMMON)
    with pytest.raises(ModelError, match="expected an ArmingTree"):
        arming_tree_equilibria(BOOK)
