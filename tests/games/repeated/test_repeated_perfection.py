"""Subgame perfection of automaton profiles: published conditions, twins.

Expected formulas are the textbook ones (never computed by the code under
test): grim trigger in the Prisoner's Dilemma is subgame perfect iff
delta >= (T - R)/(T - P) (Friedman 1971; Fudenberg and Tirole 1991, sec. 5.1);
win-stay lose-shift iff delta >= (T - R)/(R - P) (Mailath and Samuelson
2006, sec. 2.4.4); tit-for-tat needs delta >= (T - R)/(R - S) on the path,
delta <= (T - R)/(R - S) after the other's defection, delta >= (P - S)/(T - P)
after one's own, and delta <= (P - S)/(T - P) after mutual defection
(Mailath and Samuelson 2006, sec. 2.4.3); k-period punishment iff
R (1 + ... + delta^k) >= T + P (delta + ... + delta^k).
"""

import dataclasses

import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symtrust import bimatrix, check, decide, positive
from symtrust.catalog import prisoners_dilemma, symmetric_2x2
from symtrust.core.twins import twin_for
from symtrust.errors import VerificationError
from symtrust.games.repeated import (
    always_defect,
    automaton,
    grim_trigger,
    k_period_punishment,
    minimum_discount,
    nash_conditions,
    repeated_game,
    state_values,
    strategy_profile,
    subgame_perfection,
    tit_for_tat,
    win_stay_lose_shift,
)
from symtrust.games.repeated.twins.simulate import NumericProfile

PD = prisoners_dilemma()
R, S, T, P = (next(s for s in PD.parameters if s.name == n) for n in "RSTP")
G = repeated_game(PD)
DELTA = G.delta


def _equivalent(a, b, assumptions):
    """z3 proves two conditions equivalent under the game's assumptions."""
    return decide(sympy.Equivalent(a, b), assumptions).truth is True


def test_grim_trigger_threshold_is_friedmans():
    r = subgame_perfection(G, grim_trigger())
    assert _equivalent(r.value, DELTA >= (T - R) / (T - P), G.assumptions)
    md = minimum_discount(G, grim_trigger())
    assert sympy.simplify(md.value - (T - R) / (T - P)) == 0
    assert md.strict is sympy.false and md.unattainable is sympy.false


def test_win_stay_lose_shift_threshold():
    md = minimum_discount(G, win_stay_lose_shift())
    # where 2R > T + P the minimum is (T - R)/(R - P); elsewhere unattainable
    piece = md.value.args[0]
    assert sympy.simplify(piece[0] - (T - R) / (R - P)) == 0
    assert _equivalent(md.unattainable, 2 * R <= T + P, G.assumptions)


def test_tit_for_tat_state_conditions():
    r = subgame_perfection(G, tit_for_tat())
    want = {
        ("(C, C)", "row"): DELTA >= (T - R) / (R - S),
        ("(D, C)", "row"): DELTA <= (T - R) / (R - S),
        ("(C, D)", "row"): DELTA >= (P - S) / (T - P),
        ("(D, D)", "row"): DELTA <= (P - S) / (T - P),
    }
    got = {(c.state, c.player): c.condition for c in r.incentives}
    for key, cond in want.items():
        assert _equivalent(got[key], cond, G.assumptions), (key, got[key])
    # subgame perfect at delta = (T - R)/(R - S) when that equals (P - S)/(T - P)
    at = r.subs({R: 3, S: 0, T: 4, P: 1})
    assert at.value.xreplace({DELTA: sympy.Rational(1, 3)}) is sympy.true
    assert at.value.xreplace({DELTA: sympy.Rational(1, 2)}) is sympy.false


@pytest.mark.parametrize("k", [1, 2, 3])
def test_k_period_punishment(k):
    r = subgame_perfection(G, k_period_punishment(k))
    powers = sum(DELTA**j for j in range(1, k + 1))
    want = R * (1 + powers) >= T + P * powers
    assert _equivalent(r.value, want, G.assumptions)


def test_always_defect_is_always_perfect():
    assert subgame_perfection(G, always_defect()).value is sympy.true


def test_values_are_the_discounted_sums():
    v = state_values(G, strategy_profile(G, tit_for_tat()))
    assert sympy.simplify(v["(C, C)"][0] - R / (1 - DELTA)) == 0
    assert sympy.simplify(v["(D, C)"][0] - (T + DELTA * S) / (1 - DELTA**2)) == 0


def test_repeated_trust_game_with_discounting():
    # a trust game as a simultaneous stage: investor trusts (C) or not (D);
    # trustee honours (C) or abuses (D); honour pays h, abuse a > h, the
    # investor loses l when abused (Kreps 1990: cooperation by reputation
    # in the infinitely repeated trust game needs delta >= (a - h)/a)
    h, a, l = positive("h a l")
    stage = bimatrix(
        [[h, -l], [0, 0]], [[h, a], [0, 0]], assumptions=[a > h], name="trust game"
    )
    g = repeated_game(stage)
    md = minimum_discount(g, grim_trigger())
    assert sympy.simplify(md.value - (a - h) / a) == 0


@pytest.mark.parametrize(
    "strategy", [grim_trigger(), tit_for_tat(), win_stay_lose_shift()]
)
def test_twins_pass(strategy):
    r = subgame_perfection(G, strategy)
    assert check(r, max_examples=15).passed is True


def test_minimum_discount_twin_passes():
    assert check(minimum_discount(G, grim_trigger()), max_examples=15).passed


POINT = {R: 3, S: 0, T: 5, P: 1}


def _twin_rejects(result, point):
    with pytest.raises(VerificationError):
        twin_for(result)(result, point)


def test_twin_catches_a_wrong_condition():
    r = subgame_perfection(G, grim_trigger())
    wrong = dataclasses.replace(r, value=DELTA >= sympy.Rational(1, 4))
    # (T - R)/(T - P) = 1/2 at the point: delta = 1/3 separates the two
    _twin_rejects(wrong, {**POINT, DELTA: sympy.Rational(1, 3)})
    twin_for(r)(r, {**POINT, DELTA: sympy.Rational(1, 3)})
    md = minimum_discount(G, grim_trigger())
    wrong_md = dataclasses.replace(md, value=(T - R) / (T - S))
    _twin_rejects(wrong_md, {**POINT, DELTA: sympy.Rational(9, 20)})
    twin_for(md)(md, {**POINT, DELTA: sympy.Rational(9, 20)})


def test_twin_catches_a_wrong_value():
    r = subgame_perfection(G, grim_trigger())
    values = tuple(
        (s, (v[0] + 1, v[1])) if s == "(C, C)" else (s, v) for s, v in r.values
    )
    _twin_rejects(
        dataclasses.replace(r, values=values), {**POINT, DELTA: sympy.Rational(1, 2)}
    )


@settings(max_examples=15, deadline=None)
@given(
    st.integers(-5, 5),
    st.lists(st.integers(1, 4), min_size=3, max_size=3),
    st.integers(1, 19),
    st.integers(2, 20),
)
def test_numeric_games_against_friedman(s, gaps, num, den):
    # T > R > P > S by construction, delta in (0, 1)
    assume(num < den)
    p, r, t = s + gaps[0], s + gaps[0] + gaps[1], s + sum(gaps)
    d = sympy.Rational(num, den)
    g = repeated_game(symmetric_2x2(r, s, t, p), d)
    got = subgame_perfection(g, grim_trigger()).value
    assert bool(got) == (d >= sympy.Rational(t - r, t - p))


def test_tit_for_tat_nash_is_axelrods_collective_stability():
    # Axelrod (1984, Proposition 2): TIT FOR TAT is collectively stable iff
    # w >= max((T - R)/(T - P), (T - R)/(R - S))
    r = nash_conditions(G, tit_for_tat())
    want = sympy.And(DELTA >= (T - R) / (T - P), DELTA >= (T - R) / (R - S))
    assert _equivalent(r.value, want, G.assumptions)
    assert check(r, max_examples=15).passed is True


def test_nash_twin_catches_a_wrong_condition():
    r = nash_conditions(G, tit_for_tat())
    wrong = dataclasses.replace(r, value=DELTA >= (T - R) / (T - P))
    # (T - R)/(T - P) = 1/2 < (T - R)/(R - S) = 2/3 at the point
    at = {**POINT, DELTA: sympy.Rational(3, 5)}
    _twin_rejects(wrong, at)
    twin_for(r)(r, at)


@st.composite
def numeric_profiles(draw):
    """A random joint automaton (2-3 states) over a random numeric 2x2 game."""
    pays = draw(st.lists(st.integers(-3, 3), min_size=8, max_size=8))
    stage = bimatrix([pays[0:2], pays[2:4]], [pays[4:6], pays[6:8]])
    n = draw(st.integers(1, 3))
    states = tuple(f"s{k}" for k in range(n))
    profiles = list(stage.profiles())
    play = {s: draw(st.sampled_from(profiles)) for s in states}
    moves = {s: {p: draw(st.sampled_from(states)) for p in profiles} for s in states}
    num, den = draw(st.integers(1, 9)), 10
    return stage, automaton(stage, states, play, moves), sympy.Rational(num, den)


@settings(max_examples=20, deadline=None)
@given(numeric_profiles())
def test_random_automata_against_the_plan_search(case):
    stage, profile, delta = case
    got = subgame_perfection(repeated_game(stage, delta), profile).value
    played = NumericProfile(stage, profile, delta).is_subgame_perfect(2)
    assert bool(got) == (played is None)
