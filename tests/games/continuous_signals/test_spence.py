"""Costly signaling with a continuum of signals: Spence's job market and bad input.

Expectations are the textbook ones (Spence 1973; e.g. Gibbons 1992, sec. 4.2,
Mas-Colell, Whinston and Green 1995, sec. 13.C) for two types theta_L <
theta_H, wage equal to expected productivity and education cost e / theta:
separating education levels e_H in [theta_L (theta_H - theta_L),
theta_H (theta_H - theta_L)], the Riley outcome at the lower bound, pooling
levels in [0, p theta_L (theta_H - theta_L)]; with linear costs k_theta e,
separating levels in [(theta_H - theta_L) / k_L, (theta_H - theta_L) / k_H].
The Intuitive Criterion (Cho and Kreps 1987) leaves only the Riley outcome.
"""

import dataclasses

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational

from symtrust import check, interval, nonnegative, positive, real
from symtrust.core.exact import substitute_condition
from symtrust.errors import ModelError, VerificationError
from symtrust.games.continuous_signals import (
    intuitive_criterion,
    pooling_equilibria,
    separating_equilibria,
    signal_game,
)
from symtrust.games.continuous_signals.twins import (
    intuitive_twin,
    pooling_twin,
    separating_twin,
)
from symtrust.testing import points

e, w, q = nonnegative("e"), real("w"), real("q")
t = positive("theta")
tl, th = positive("theta_L theta_H")
k_l, k_h = positive("k_L k_H")
p = interval("p", 0, 1, left_open=True, right_open=True)
WAGE = q * th + (1 - q) * tl


def spence(**changes):
    base = dict(
        types={"low": tl, "high": th},
        prior=p,
        utility=w - e / t,
        type_symbol=t,
        signal=e,
        response=w,
        reply=WAGE,
        belief=q,
        assumptions=[tl < th],
    )
    base.update(changes)
    return signal_game(**base)


GAME = spence()
SEP = separating_equilibria(GAME)
POOL = pooling_equilibria(GAME)
IC = intuitive_criterion(GAME)


def test_spence_separating_bounds_are_the_textbook_ones():
    lo, hi = SEP.signals
    assert sympy.simplify(lo - tl * (th - tl)) == 0
    assert sympy.simplify(hi - th * (th - tl)) == 0
    assert sympy.simplify(SEP.riley - tl * (th - tl)) == 0
    assert SEP.condition is sympy.true
    assert GAME.single_crossing is sympy.true


def test_spence_pooling_range_is_the_textbook_one():
    assert len(POOL) == 1
    (pool,) = POOL
    assert pool.signals[0] == 0
    assert sympy.simplify(pool.signals[1] - p * tl * (th - tl)) == 0
    assert sympy.simplify(pool.response - (p * th + (1 - p) * tl)) == 0


def test_intuitive_criterion_selects_riley():
    assert sympy.simplify(IC.riley - tl * (th - tl)) == 0
    assert IC.condition is sympy.true
    ((_, window, broken),) = IC.pools
    assert broken is sympy.true
    # the breaking window: believed high, the high type gains for d in (d_L, d_H),
    # of width (theta_H - theta_L) (w(1) - w(p)) = (1 - p) (theta_H - theta_L)**2
    assert sympy.simplify(window[1] - window[0] - (1 - p) * (th - tl) ** 2) == 0


def test_linear_cost_bounds():
    game = signal_game(
        types=("low", "high"),
        prior=p,
        utility={"low": w - k_l * e, "high": w - k_h * e},
        signal=e,
        response=w,
        reply=WAGE,
        belief=q,
        assumptions=[tl < th, k_h < k_l],
    )
    sep = separating_equilibria(game)
    assert sympy.simplify(sep.signals[0] - (th - tl) / k_l) == 0
    assert sympy.simplify(sep.signals[1] - (th - tl) / k_h) == 0
    assert check(sep, max_examples=15).passed is True


def test_single_crossing_not_implied_is_a_condition():
    game = signal_game(
        types=("low", "high"),
        prior=p,
        utility={"low": w - k_l * e, "high": w - k_h * e},
        signal=e,
        response=w,
        reply=WAGE,
        belief=q,
        assumptions=[tl < th],
    )
    assert game.single_crossing == (k_h < k_l)
    sep = separating_equilibria(game)
    # separation needs the high type's cost to be the lower one
    assert substitute_condition(sep.condition, {k_l: 2, k_h: 1, tl: 1, th: 2}) is True
    assert substitute_condition(sep.condition, {k_l: 1, k_h: 2, tl: 1, th: 2}) is False
    assert check(sep, max_examples=15).passed is True


@settings(max_examples=15, deadline=None)
@given(points(GAME.assumptions))
def test_twins_at_hypothesis_points(point):
    separating_twin(SEP, point)
    pooling_twin(POOL[0], point)
    intuitive_twin(IC, point)


def test_checks_pass():
    for obj in (SEP, POOL, IC):
        assert check(obj, max_examples=10).passed is True


def test_twins_reject_wrong_results():
    point = {tl: 1, th: 2, p: Rational(1, 2)}
    wrong = dataclasses.replace(
        SEP, riley=2 * SEP.riley, signals=(2 * SEP.riley, SEP.signals[1])
    )
    with pytest.raises(VerificationError):
        separating_twin(wrong, point)
    pool = POOL[0]
    wrong_pool = dataclasses.replace(pool, signals=(0, 2 * pool.signals[1]))
    with pytest.raises(VerificationError):
        pooling_twin(wrong_pool, point)
    with pytest.raises(VerificationError):
        intuitive_twin(dataclasses.replace(IC, condition=sympy.false), point)


def test_convex_costs_compare_roots_exactly():
    game = signal_game(
        types=("low", "high"),
        prior=Rational(1, 2),
        utility={"low": w - 2 * e**2, "high": w - e**2},
        signal=e,
        response=w,
        reply=1 + q,
        belief=q,
    )
    sep = separating_equilibria(game)
    assert sep.signals == (sympy.sqrt(2) / 2, 1)
    separating_twin(sep, {})
    wrong = dataclasses.replace(
        sep, signals=(sympy.sqrt(3) / 2, 1), riley=sympy.sqrt(3) / 2
    )
    with pytest.raises(VerificationError):
        separating_twin(wrong, {})
    intuitive_twin(intuitive_criterion(game), {})


def test_trust_threshold_reply_keeps_the_trusted_pool():
    # a receiver who cooperates iff trust reaches mu: pools with trust survive
    mu = interval("mu", 0, 1, left_open=True, right_open=True)
    game = signal_game(
        types=("low", "high"),
        prior=p,
        utility={"low": w - 2 * e, "high": w - e},
        signal=e,
        response=w,
        reply=sympy.Piecewise((1, q >= mu), (0, True)),
        belief=q,
    )
    sel = intuitive_criterion(game)
    assert substitute_condition(sel.condition, {p: Rational(1, 4), mu: Rational(1, 2)})
    assert not substitute_condition(
        sel.condition, {p: Rational(3, 4), mu: Rational(1, 2)}
    )
    assert check(sel, max_examples=15).passed is True
    assert check(pooling_equilibria(game), max_examples=15).passed is True


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"utility": w - e * t}, "single crossing fails"),
        ({"types": {"low": 2, "high": 1}}, "types are not ordered"),
        ({"assumptions": []}, "types are not ordered"),
        ({"prior": Rational(3, 2)}, "0 < prior < 1"),
        ({"prior": 0.5}, "float"),
        ({"prior": "1/2"}, "string"),
        ({"prior": sympy.nan}, "nan"),
        ({"reply": (1 - q) * th + q * tl}, "higher reply r.1."),
        ({"utility": w + e / t}, "signals must be costly"),
        ({"utility": -w - e / t}, "increase in the reply"),
        ({"signal": real("s")}, "nonnegative symbol"),
        ({"types": {"low": tl}}, "mapping of the two types"),
    ],
)
def test_bad_input_is_refused(changes, message):
    with pytest.raises(ModelError, match=message):
        spence(**changes)


def test_solvers_refuse_other_objects():
    for solver in (separating_equilibria, pooling_equilibria, intuitive_criterion):
        with pytest.raises(ModelError, match="ContinuousSignalGame"):
            solver("Spence")


def test_quadratic_costs_symbolic_with_algebraic_twins():
    # cost e**2 / theta: the bounds are square roots, theta_L (theta_H - theta_L)
    # under the root; the twins compare them exactly and skip no point
    game = spence(utility=w - e**2 / t)
    sep = separating_equilibria(game)
    assert sympy.simplify(sep.signals[0] ** 2 - tl * (th - tl)) == 0
    assert sympy.simplify(sep.signals[1] ** 2 - th * (th - tl)) == 0
    assert (
        sympy.simplify(pooling_equilibria(game)[0].signals[1] ** 2 - p * tl * (th - tl))
        == 0
    )
    for obj in (sep, intuitive_criterion(game)):
        report = check(obj, max_examples=8)
        assert report.passed is True and report.skipped == 0


POSITIVE = st.fractions(min_value=Rational(1, 10), max_value=5).filter(lambda f: f > 0)


@settings(max_examples=8, deadline=None)
@given(
    POSITIVE,
    POSITIVE,
    st.integers(1, 2),
    st.fractions(0, 4),
    POSITIVE,
    st.fractions(Rational(1, 20), Rational(19, 20)),
)
def test_random_numeric_games_agree_with_brute_force(
    k_high, extra, power, r0, spread, prior
):
    # built valid by construction: the low type's cost is the higher one
    k_high, extra = (Rational(v.numerator, v.denominator) for v in (k_high, extra))
    low_cost = (k_high + extra) * e**power
    game = signal_game(
        types=("low", "high"),
        prior=Rational(prior.numerator, prior.denominator),
        utility={"low": w - low_cost, "high": w - k_high * e**power},
        signal=e,
        response=w,
        reply=Rational(r0.numerator, r0.denominator)
        + Rational(spread.numerator, spread.denominator) * q,
        belief=q,
    )
    assert game.single_crossing is sympy.true
    separating_twin(separating_equilibria(game), {})
    for pool in pooling_equilibria(game):
        pooling_twin(pool, {})
    intuitive_twin(intuitive_criterion(game), {})
