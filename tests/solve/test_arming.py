"""Arming-game solvers: brute force at exact Hypothesis points, and bad input."""

import dataclasses

import pytest
import sympy
from hypothesis import assume, given
from hypothesis import strategies as st
from sympy import Rational

from symtrust import check, interval, parameter, positive
from symtrust.core.exact import substitute_condition
from symtrust.core.twins import PointSkipped
from symtrust.errors import ModelError, VerificationError
from symtrust.kydd import (
    Regime,
    Shape,
    arming_equilibria,
    arming_game,
    arming_outcomes,
    build_cutoff,
    coexisting_equilibria,
    trust_after_build,
    trust_after_builds,
)
from symtrust.kydd.arming.twins import (
    arming_twin,
    best_response_rate,
    brute_outcomes,
    equilibrium_twin,
    outcomes_twin,
)
from symtrust.testing import points

pi = interval("pi", 0, 1, left_open=True, right_open=True)
t_s = interval("t_S", 0, 1, right_open=True)
t_g = parameter("t_G", lower=1, left_open=True)
c, w, K, d = positive("c w K d")
GAME = arming_game(
    prior=pi, cost_bound=K, arms_gain=d, t_secure=t_s, t_greedy=t_g, c=c, w=w
)
s = GAME.rate
UNIT = st.integers(1, 12).flatmap(
    lambda q: st.integers(0, q).map(lambda p: Rational(p, q))
)


@pytest.fixture(scope="module")
def SOLUTION():
    """The game's equilibria, solved once for the module (not at import)."""
    return arming_equilibria(GAME)


@pytest.fixture(scope="module")
def OUTCOMES(SOLUTION):
    return tuple(arming_outcomes(eq) for eq in SOLUTION)


@pytest.fixture(scope="module")
def _interior(SOLUTION):
    def interior(stable):
        want = sympy.true if stable else sympy.false
        return next(
            e for e in SOLUTION if e.shape is Shape.INTERIOR and e.stable == want
        )

    return interior


@given(points(GAME.assumptions))
def test_equilibria_match_brute_force_best_responses(SOLUTION, point):
    arming_twin(SOLUTION, point)


@given(points(GAME.assumptions))
def test_outcomes_match_enumeration(OUTCOMES, point):
    checked = 0
    for out in OUTCOMES:
        try:
            outcomes_twin(out, point)
        except PointSkipped:
            continue  # the outcomes' regime does not obtain at this point
        checked += 1
    assume(checked > 0)


@given(points(GAME.assumptions), UNIT, UNIT)
def test_spiral_region_constructed(SOLUTION, _interior, point, a, b):
    # builds destroy cooperation with an interior rate: put d between pi(1+w) and K
    point = dict(point)
    low = point[pi] * (1 + point[w])
    point[K] = low + 1 + 2 * b
    point[d] = low + (point[K] - low) * (a + 1) / (a + 2)
    point[c] = point[w] + 20  # a high threshold, so that builds destroy cooperation
    arming_twin(SOLUTION, point)
    stable = _interior(True)
    rate = stable.rate.xreplace(point)
    assert 0 < rate < 1
    held = substitute_condition(stable.condition, point)
    regime_ok = substitute_condition(
        (pi * s / (pi * s + 1 - pi) < GAME.threshold).subs(s, rate), point
    )
    assert held is regime_ok
    assume(held)
    assert best_response_rate(GAME, rate, point) == rate


@given(points(GAME.assumptions), UNIT)
def test_tolerated_region_constructed(SOLUTION, point, a):
    # high prior, low threshold: builds tolerated, rate (1 - pi) d / K interior
    point = dict(point)
    point[K] = (1 - point[pi]) * point[d] * (2 + a)
    tol = next(
        e
        for e in SOLUTION
        if e.regime is Regime.TOLERATED and e.shape is Shape.INTERIOR
    )
    rate = tol.rate.xreplace(point)
    # a low threshold: c - w small enough that mu = (c - w)/(c - w + 1 - t_S)
    # is at most the trust after a build (constructed, not filtered: drawing
    # the point and discarding the rest rejected nine in ten)
    after = point[pi] * rate / (point[pi] * rate + 1 - point[pi])
    point[c] = point[w] + after * (1 - point[t_s]) / (1 - after) * (1 + a) / (2 + a)
    assert after >= GAME.threshold.xreplace(point)
    assert substitute_condition(tol.condition, point) is True
    equilibrium_twin(tol, point)


@given(points(GAME.assumptions), UNIT)
def test_bayes_after_builds_from_the_joint_distribution(point, rate):
    point = dict(point)
    point[s] = rate
    path = trust_after_builds(GAME)
    p = point[pi]
    for n in range(4):
        joint_s, joint_g = p * rate**n, (1 - p) * 1
        expected = joint_s / (joint_s + joint_g)
        assert path["S"].subs(path.n, n).xreplace(point) == expected


def test_three_equilibria_coexist_where_corners_bracket_an_unstable_rate():
    half = Rational(1, 2)
    game = arming_game(
        prior=half,
        cost_bound=half,
        arms_gain=Rational(3, 4),
        t_secure=0,
        t_greedy=2,
        c=3,
        w=1,
    )
    sol = arming_equilibria(game)
    arming_twin(sol, {})
    rates = sorted(e.rate for e in sol)
    # interior rate (d - pi(1 + w)) / (K - pi(1 + w)) between the corners
    assert rates == [0, (Rational(3, 4) - 1) / (half - 1), 1]
    pairs = [r.value for r in coexisting_equilibria(sol)]
    assert (Shape.NONE_BUILD, Shape.ALL_BUILD) in pairs


def test_outcome_probabilities_by_enumeration_at_a_point(_interior):
    point = {pi: Rational(1, 2), K: 2, d: Rational(3, 2), t_s: 0, t_g: 2, c: 3, w: 1}
    stable = _interior(True)
    out = arming_outcomes(stable)
    rate = stable.rate.xreplace(point)
    peace, tragic, both = brute_outcomes(GAME, rate, point)
    assert out.peace.xreplace(point) == peace
    assert out.tragic.xreplace(point) == tragic
    assert out.posterior_both_secure.xreplace(point) == both < point[pi] ** 2


def test_twin_rejects_a_shifted_interior_rate(_interior):
    point = {pi: Rational(1, 2), K: 2, d: Rational(3, 2), t_s: 0, t_g: 2, c: 3, w: 1}
    stable = _interior(True)
    equilibrium_twin(stable, point)
    wrong = dataclasses.replace(stable, rate=stable.rate + Rational(1, 10))
    with pytest.raises(VerificationError):
        equilibrium_twin(wrong, point)


def test_twin_notices_a_missing_equilibrium(SOLUTION):
    point = {pi: Rational(1, 2), K: 2, d: Rational(3, 2), t_s: 0, t_g: 2, c: 3, w: 1}
    arming_twin(SOLUTION, point)
    fewer = dataclasses.replace(
        SOLUTION, results=tuple(e for e in SOLUTION if e.shape is not Shape.INTERIOR)
    )
    with pytest.raises(VerificationError, match="not reported"):
        arming_twin(fewer, point)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prior": 2},
        {"prior": 0},
        {"cost_bound": -1},
        {"arms_gain": 0.5},
        {"t_secure": "t"},
        {"t_greedy": Rational(1, 2)},
        {"w": 5},
    ],
)
def test_bad_parameters_are_refused(kwargs):
    base = dict(
        prior=Rational(1, 2),
        cost_bound=1,
        arms_gain=1,
        t_secure=0,
        t_greedy=2,
        c=3,
        w=1,
    )
    base.update(kwargs)
    with pytest.raises(ModelError):
        arming_game(**base)


def test_solvers_refuse_other_objects():
    with pytest.raises(ModelError, match="ArmingGame"):
        arming_equilibria("game")
    with pytest.raises(ModelError, match="ArmingEquilibrium"):
        arming_outcomes(GAME)
    with pytest.raises(ModelError, match="regime"):
        build_cutoff(GAME, "peace")
    with pytest.raises(ModelError, match="arming_equilibria"):
        coexisting_equilibria(GAME)


def test_coexistence_conditions_match_brute_force(SOLUTION):
    together = coexisting_equilibria(SOLUTION)
    shapes = {r.value for r in together}
    assert (Shape.NONE_BUILD, Shape.ALL_BUILD) in shapes
    for result in together:
        assert check(result, max_examples=15).passed is True, result.kind


def test_coexistence_solution_is_complete_by_brute_force(SOLUTION):
    together = coexisting_equilibria(SOLUTION)
    assert check(together, max_examples=15).passed is True
    # dropping a pair that holds at a point is noticed there
    half = Rational(1, 2)
    game = arming_game(
        prior=half,
        cost_bound=half,
        arms_gain=Rational(3, 4),
        t_secure=0,
        t_greedy=2,
        c=3,
        w=1,
    )
    pairs = coexisting_equilibria(arming_equilibria(game))
    assert check(pairs, max_examples=1).passed is True
    fewer = dataclasses.replace(pairs, results=pairs.results[1:])
    assert check(fewer, max_examples=1).passed is False


def test_build_gain_matches_brute_force_in_its_regime():
    for regime in Regime:
        gain = build_cutoff(GAME, regime)
        assert gain.regime is regime and gain.rate == s
        assert check(gain, max_examples=15).passed is True
    wrong = dataclasses.replace(gain, value=gain.value + 1)
    assert check(wrong, max_examples=15).passed is False


def test_trust_after_a_build_is_the_engine_posterior():
    post = trust_after_build(GAME)
    assert sympy.simplify(post["S"] - pi * s / (pi * s + 1 - pi)) == 0
    assert check(post, max_examples=15).passed is True
