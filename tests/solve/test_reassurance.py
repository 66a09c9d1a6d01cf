"""Reciprocal gestures and starting small: brute force at exact points, bad input."""

import dataclasses
import functools

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from sympy import Rational

from symtrust import check, interval, nonnegative, parameter, positive
from symtrust.errors import ModelError, VerificationError
from symtrust.kydd import costly_signal, reciprocal_gestures, starting_small
from symtrust.kydd.reassurance.twins.gestures import (
    reciprocal_twin,
    starting_small_twin,
)
from symtrust.testing import points

pi, pi_2 = interval("pi pi_2", 0, 1, left_open=True, right_open=True)
t_t = interval("t_T", 0, 1, right_open=True)
t_u = parameter("t_U", lower=1, left_open=True)
c, w, k_t, k_u = positive("c w k_T k_U")
x = nonnegative("x")
GAME = costly_signal(
    prior=pi,
    t_trustworthy=t_t,
    t_untrustworthy=t_u,
    c=c,
    w=w,
    costs=(k_t * x, k_u * x),
    gesture=x,
)
b = parameter("b", lower=1, left_open=True)
delta = interval("delta", 0, 1, left_open=True, right_open=True)


# solved once, when first needed (not at import, during collection)
@functools.cache
def _reciprocal():
    return reciprocal_gestures(GAME, trust_in_second=pi_2)


@functools.cache
def _small():
    return {n: starting_small(n, upper=b, discount=delta) for n in (1, 2, 3)}


@pytest.fixture(scope="module")
def RECIPROCAL():
    return _reciprocal()


@pytest.fixture(scope="module")
def SMALL():
    return _small()


@given(st.deferred(lambda: points(_reciprocal().assumptions)))
def test_reciprocal_gestures_match_brute_force(RECIPROCAL, point):
    reciprocal_twin(RECIPROCAL, point)


@given(st.deferred(lambda: points(_reciprocal().assumptions)))
def test_second_gesture_is_larger_at_every_point(RECIPROCAL, point):
    x_1, x_2 = (g.xreplace(point) for g in RECIPROCAL.gestures)
    assert 0 < x_1 < x_2


@pytest.mark.parametrize("rounds", [1, 2, 3])
@given(point=st.deferred(lambda: points(_small()[3].assumptions)))
def test_starting_small_matches_brute_force(SMALL, rounds, point):
    starting_small_twin(SMALL[rounds], point)


def test_starting_small_trust_rises_where_valid(SMALL):
    sm = SMALL[3]
    point = {b: 4, delta: Rational(1, 2)}
    assert sympy.true == sm.condition.xreplace(point)
    path = [q.xreplace(point) for q in sm.trust]
    assert path == sorted(path) and len(set(path)) == len(path)
    assert path[-1] == 1


def test_twins_reject_wrong_results(RECIPROCAL, SMALL):
    point = {b: 4, delta: Rational(1, 2)}
    sm = SMALL[3]
    wrong = dataclasses.replace(sm, cutoffs=(sm.cutoffs[0] + 1, *sm.cutoffs[1:]))
    with pytest.raises(VerificationError):
        starting_small_twin(wrong, point)
    rp = {
        pi: Rational(1, 2),
        pi_2: Rational(1, 3),
        t_t: 0,
        t_u: 2,
        c: 2,
        w: 1,
        k_t: 1,
        k_u: 4,
    }
    reciprocal_twin(RECIPROCAL, rp)
    swapped = dataclasses.replace(RECIPROCAL, gestures=RECIPROCAL.gestures[::-1])
    with pytest.raises(VerificationError):
        reciprocal_twin(swapped, rp)


@pytest.mark.parametrize("rounds", [0, -1, True, 2.0, "3"])
def test_bad_round_counts_are_refused(rounds):
    with pytest.raises(ModelError, match="rounds"):
        starting_small(rounds, upper=b, discount=delta)


def test_bad_inputs_are_refused():
    with pytest.raises(ModelError):
        starting_small(2, upper=0.5, discount=delta)
    with pytest.raises(ModelError, match="CostlySignalGame"):
        reciprocal_gestures("game", trust_in_second=pi_2)
    with pytest.raises(ModelError):
        reciprocal_gestures(GAME, trust_in_second="pi_2")


def test_reciprocal_gestures_with_a_cost_function_per_mover():
    # player 2's gestures cost m_U x (untrustworthy) and m_T x (trustworthy)
    m_t, m_u = positive("m_T m_U")
    rec = reciprocal_gestures(
        GAME, trust_in_second=pi_2, second_costs=(m_t * x, m_u * x)
    )
    b_u, b_t = t_u + w, 1 + w
    x_1, x_2 = rec.gestures
    # the second least-cost gesture makes U indifferent at its own cost: m_U x_2 = B_U
    assert sympy.simplify(x_1 - pi_2 * b_u / k_u) == 0
    assert sympy.simplify(x_2 - b_u / m_u) == 0
    point = {pi: Rational(1, 2), pi_2: Rational(1, 3), t_t: 0, t_u: 2, c: 2, w: 1}
    for m_pair in ((1, 2), (3, 2)):
        at = {**point, k_t: 1, k_u: 4, m_t: m_pair[0], m_u: m_pair[1]}
        # existence: each mover's trustworthy type values trust more per unit of cost
        expected = (b_t / k_t >= b_u / k_u) & (b_t / m_t >= b_u / m_u)
        assert rec.condition.xreplace(at) == expected.xreplace(at)
        reciprocal_twin(rec, at)
    assert check(rec, max_examples=20).passed is True
    # the twin notices a second gesture computed with player 1's cost
    wrong = dataclasses.replace(rec, gestures=(x_1, b_u / k_u))
    with pytest.raises(VerificationError):
        reciprocal_twin(wrong, {**point, k_t: 1, k_u: 4, m_t: 1, m_u: 2})


def test_second_costs_are_validated():
    with pytest.raises(ModelError, match="second_costs"):
        reciprocal_gestures(GAME, trust_in_second=pi_2, second_costs=(x,))
    with pytest.raises(ModelError, match="must increase"):
        reciprocal_gestures(GAME, trust_in_second=pi_2, second_costs=(x, -x))
    with pytest.raises(ModelError, match="float"):
        reciprocal_gestures(GAME, trust_in_second=pi_2, second_costs=(x, 0.5 * x))
