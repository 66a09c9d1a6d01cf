"""Costly-signal solvers: exact brute force at Hypothesis points, and bad input."""

import dataclasses

import pytest
import sympy
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from sympy import Rational

from symtrust import (
    check,
    interval,
    nonnegative,
    parameter,
    pbe,
    positive,
    signaling_game,
)
from symtrust.core.exact import substitute_condition
from symtrust.errors import ModelError, UnsupportedError, VerificationError
from symtrust.games.signaling import PBELabel
from symtrust.kydd import (
    costly_signal,
    costly_signal_equilibria,
    hybrid_equilibrium,
    pooling_equilibria,
    separating_equilibrium,
)
from symtrust.kydd.reassurance.twins.costly_signal import (
    costly_signal_twin,
    hybrid_twin,
    pooling_twin,
    receiver_cooperates,
    separating_twin,
)
from symtrust.testing import points

pi = interval("pi", 0, 1, left_open=True, right_open=True)
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


# solved once per module, not at import (collection)
@pytest.fixture(scope="module")
def SOLUTION():
    return costly_signal_equilibria(GAME)


@pytest.fixture(scope="module")
def SEPARATING():
    return separating_equilibrium(GAME)


@pytest.fixture(scope="module")
def POOLING():
    return pooling_equilibria(GAME)


@pytest.fixture(scope="module")
def HYBRID():
    return hybrid_equilibrium(GAME)


@given(points(GAME.assumptions))
def test_separating_interval_matches_brute_force(SEPARATING, point):
    separating_twin(SEPARATING, point)


@given(points(GAME.assumptions))
def test_least_cost_gesture_binds_the_untrustworthy_constraint(SEPARATING, point):
    # both incentive constraints exactly at the least-cost gesture, from the formula
    lo = SEPARATING.least_cost.xreplace(point)
    b_t, b_u = (1 + w).xreplace(point), (t_u + w).xreplace(point)
    kt, ku = k_t.xreplace(point), k_u.xreplace(point)
    assert ku * lo == b_u  # U indifferent between mimicking and not
    assert (kt * lo <= b_t) == (b_t / kt >= b_u / ku)
    below = lo - Rational(1, 1000) * lo
    assert ku * below < b_u  # just below it, mimicking pays


@given(points(GAME.assumptions))
def test_pooling_equilibria_match_brute_force(POOLING, point):
    for result in POOLING:
        pooling_twin(result, point)


def test_pooling_solution_is_complete_by_brute_force(POOLING):
    assert POOLING.method == "pooling_equilibria" and len(POOLING) == 2
    assert check(POOLING, max_examples=20).passed is True
    # without the pool that holds at a high prior, the twin notices
    without = dataclasses.replace(
        POOLING, results=tuple(r for r in POOLING if not r.trusted)
    )
    assert check(without, max_examples=20).passed is False


@given(points(GAME.assumptions))
def test_hybrid_matches_brute_force(HYBRID, point):
    hybrid_twin(HYBRID, point)


@given(points(GAME.assumptions))
def test_solution_is_complete_at_every_point(SOLUTION, point):
    costly_signal_twin(SOLUTION, point)


@given(points(GAME.assumptions))
def test_hybrid_mixing_is_bayes_consistent(HYBRID, point):
    # Bayes from the joint distribution: Pr(T | x_h) = pi / (pi + (1 - pi) r)
    p, r = pi.xreplace(point), HYBRID.mixing.xreplace(point)
    mu = GAME.threshold.xreplace(point)
    assert p / (p + (1 - p) * r) == mu
    assert receiver_cooperates(GAME, mu, point)


def test_twin_rejects_a_wrong_least_cost_gesture(SEPARATING):
    wrong = dataclasses.replace(
        SEPARATING,
        least_cost=2 * SEPARATING.least_cost,
        gestures=(2 * SEPARATING.gestures[0], SEPARATING.gestures[1]),
    )
    point = {pi: Rational(1, 2), t_t: 0, t_u: 2, c: 2, w: 1, k_t: 1, k_u: 4, x: 0}
    separating_twin(SEPARATING, point)
    with pytest.raises(VerificationError):
        separating_twin(wrong, point)


def test_twin_rejects_a_wrong_mixing_probability(HYBRID):
    wrong = dataclasses.replace(HYBRID, mixing=HYBRID.mixing / 2)
    point = {
        pi: Rational(1, 5),
        t_t: 0,
        t_u: 2,
        c: 2,
        w: 1,
        k_t: 1,
        k_u: 4,
        x: Rational(1, 2),
    }
    hybrid_twin(HYBRID, point)
    with pytest.raises(VerificationError):
        hybrid_twin(wrong, point)


def test_convex_costs_give_a_root_gesture():
    game = costly_signal(
        prior=pi,
        t_trustworthy=t_t,
        t_untrustworthy=t_u,
        c=c,
        w=w,
        costs=(k_t * x**2, k_u * x**2),
        gesture=x,
    )
    sep = separating_equilibrium(game)
    assert sympy.simplify(sep.least_cost - sympy.sqrt((t_u + w) / k_u)) == 0
    point = {pi: Rational(1, 2), t_t: 0, t_u: 3, c: 2, w: 1, k_t: 1, k_u: 16}
    # the largest gesture is sqrt(2) here: the twin compares it exactly
    assert sep.gestures[1].xreplace(point) == sympy.sqrt(2)
    separating_twin(sep, point)
    # a wrong irrational bound is caught, not skipped or rounded
    wrong = dataclasses.replace(
        sep, gestures=(sep.gestures[0], sep.gestures[1] * sympy.Rational(3, 2))
    )
    with pytest.raises(VerificationError):
        separating_twin(wrong, point)
    # at Hypothesis points the roots are mostly irrational: none is skipped
    report = check(sep, max_examples=15)
    assert report.passed is True and report.skipped == 0 and report.examples == 15


@pytest.mark.parametrize(
    ("costs", "message"),
    [
        ((k_t * x, -k_u * x), "must increase"),
        ((k_t * x, x * (2 - x)), "must increase"),
        ((k_t * x + 1, k_u * x), "must be 0 at x = 0"),
        ((k_t * x, "k_U*x"), "string"),
        ((k_t * x, 0.5 * x), "float"),
        ((k_t * x,), "pair"),
    ],
)
def test_bad_costs_are_refused(costs, message):
    with pytest.raises(ModelError, match=message):
        costly_signal(
            prior=pi,
            t_trustworthy=t_t,
            t_untrustworthy=t_u,
            c=c,
            w=w,
            costs=costs,
            gesture=x,
        )


def test_undecidable_monotonicity_is_unsupported():
    with pytest.raises(UnsupportedError, match="cannot decide"):
        costly_signal(
            prior=pi,
            t_trustworthy=t_t,
            t_untrustworthy=t_u,
            c=c,
            w=w,
            costs=(k_t * x, k_u * (x + sympy.sin(x))),
            gesture=x,
        )


@pytest.mark.parametrize(
    "kwargs",
    [
        {"prior": 1},
        {"prior": 0.5},
        {"t_trustworthy": 2},
        {"t_untrustworthy": Rational(1, 2)},
        {"gesture": sympy.Symbol("y")},
    ],
)
def test_bad_parameters_are_refused(kwargs):
    base = dict(
        prior=pi,
        t_trustworthy=t_t,
        t_untrustworthy=t_u,
        c=c,
        w=w,
        costs=(k_t * x, k_u * x),
        gesture=x,
    )
    base.update(kwargs)
    with pytest.raises(ModelError):
        costly_signal(**base)


@pytest.mark.parametrize(
    "solver",
    [
        costly_signal_equilibria,
        separating_equilibrium,
        pooling_equilibria,
        hybrid_equilibrium,
    ],
)
def test_solvers_refuse_other_objects(solver):
    with pytest.raises(ModelError, match="CostlySignalGame"):
        solver("not a game")


UNIT = st.integers(1, 12).flatmap(
    lambda q: st.integers(1, q).map(lambda p: Rational(p, q))
)


@given(points(GAME.assumptions), UNIT, UNIT)
def test_hybrid_where_it_is_valid(SEPARATING, HYBRID, point, crossing, share):
    # construct single crossing and a gesture below the least-cost one
    point = dict(point)
    point[k_t] = point[k_u] * (1 + point[w]) / (point[t_u] + point[w]) * crossing
    point[x] = SEPARATING.least_cost.xreplace(point) * share
    assume(point[pi] < GAME.threshold.xreplace(point))
    assert substitute_condition(HYBRID.condition, point) is True
    hybrid_twin(HYBRID, point)
    separating_twin(SEPARATING, point)


def _finite_game(point, size):
    """The gesture game restricted to two messages, as C1's finite signaling game."""
    value = {s: v.xreplace(point) for s, v in ((t_t, t_t), (t_u, t_u), (c, c), (w, w))}
    stage = {
        ("T", "C"): 1,
        ("T", "D"): -value[w],
        ("U", "C"): value[t_u],
        ("U", "D"): -value[w],
    }
    receiver = {
        ("T", "C"): 1,
        ("U", "C"): -value[c],
        ("T", "D"): value[t_t],
        ("U", "D"): -value[w],
    }
    unit = {"T": k_t.xreplace(point), "U": k_u.xreplace(point)}
    payoffs = {
        (t, m, a): (stage[(t, a)] - unit[t] * g, receiver[(t, a)])
        for t in ("T", "U")
        for m, g in (("none", 0), ("gesture", size))
        for a in ("C", "D")
    }
    prior = {"T": pi.xreplace(point), "U": 1 - pi.xreplace(point)}
    return signaling_game(
        ("T", "U"), ("none", "gesture"), ("C", "D"), payoffs, prior=prior
    )


@settings(max_examples=15)
@given(points(GAME.assumptions))
@example({pi: Rational(1, 2), t_t: 0, t_u: 2, c: 2, w: 1, k_t: 1, k_u: 4, x: 0})
def test_finite_restriction_agrees_with_pbe(SEPARATING, POOLING, point):
    # C1's pbe on the two-message restriction at the least-cost gesture
    size = SEPARATING.least_cost.xreplace(point)
    solution = pbe(_finite_game(point, size), hybrid=False)
    separates = any(
        eq.label is PBELabel.SEPARATING
        and eq.profile[0] == ("gesture", "none")
        and eq.condition is sympy.true
        for eq in solution
    )
    assert separates == (substitute_condition(SEPARATING.condition, point) is True)
    trusted_pool = any(
        eq.label is PBELabel.POOLING
        and eq.profile[0] == ("none", "none")
        and eq.profile[1][0] == "C"
        and eq.condition is sympy.true
        for eq in solution
    )
    assert trusted_pool == (substitute_condition(POOLING[0].condition, point) is True)
