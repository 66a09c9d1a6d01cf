"""Tests of the multilateral solvers against expected formulas and brute force."""

from dataclasses import replace
from functools import cache

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational

from symtrust import check
from symtrust.catalog import hegemony_game
from symtrust.errors import ModelError, UnsupportedError, VerificationError
from symtrust.kydd.multilateral.cooperation import (
    cooperation_condition,
    cooperation_threshold,
    full_cooperation,
    largest_cooperative_set,
    weighted_trust,
)
from symtrust.kydd.multilateral.model import actor, multilateral_game
from symtrust.kydd.multilateral.statics import cooperation_statics
from symtrust.kydd.multilateral.twins import (
    brute_cooperative_sets,
    cooperation_condition_twin,
    cooperation_index_twin,
    cooperation_statics_twin,
    cooperation_threshold_twin,
    largest_cooperative_set_twin,
)
from symtrust.logic.decide import decide, substitute_condition

R = Rational


@cache
def _hegemony(aggregation="power"):
    g = hegemony_game(aggregation=aggregation)
    return g, largest_cooperative_set(g)


def _params(g):
    h, s = g.actor("hegemon"), g.actor("small")
    return g.size, h.power, h.trust, s.trust, h.temptation, h.cost, g.w


# -- expected formulas --------------------------------------------------------


def test_threshold_formula():
    g = hegemony_game()
    _, _, _, _, t, c, w = _params(g)
    mu = cooperation_threshold(g, "small").value
    assert sympy.simplify(mu - (c - w) / (1 - t + c - w)) == 0


def test_small_state_index_and_hegemon_condition():
    g = hegemony_game()
    n, m, ph, ps, t, c, w = _params(g)
    s = (1 - m) / (n - 1)
    expected = (m * ph + (n - 2) * s * ps) / (1 - s)
    index = weighted_trust(g, "small")
    assert sympy.simplify(index.value - expected) == 0
    assert index.actor == "small" and index.cooperators == g.names
    cond = cooperation_condition(g, "hegemon").condition
    mu = (c - w) / (1 - t + c - w)
    assert decide(sympy.Equivalent(cond, ps >= mu), g.assumptions).truth is True


def test_full_cooperation_condition():
    g = hegemony_game()
    n, m, ph, ps, t, c, w = _params(g)
    mu = (c - w) / (1 - t + c - w)
    s = (1 - m) / (n - 1)
    qs = (m * ph + (n - 2) * s * ps) / (1 - s)
    cond = full_cooperation(g).condition
    target = sympy.And(ps >= mu, qs >= mu)
    assert decide(sympy.Equivalent(cond, target), g.assumptions).truth is True


def test_weakest_link_full_cooperation():
    g = hegemony_game(aggregation="weakest_link")
    n, m, ph, ps, t, c, w = _params(g)
    mu = (c - w) / (1 - t + c - w)
    cond = full_cooperation(g).condition
    point = {n: 5, m: R(1, 2), ph: R(9, 10), ps: R(4, 5), t: 0, c: 2, w: 1}
    # small: pi_h pi_s^3 = 0.4608 < 1/2 although each trust is above 1/2
    assert substitute_condition(cond, point) is False
    assert substitute_condition(sympy.And(ph * ps ** (n - 2) >= mu), point) is False
    point[n] = 3
    assert substitute_condition(cond, point) is True


def test_symbolic_cases_cover_every_outcome():
    _, sol = _hegemony()
    assert {r.cooperators for r in sol} == {(), ("hegemon", "small")}


# -- brute force at exact points ----------------------------------------------

fractions01 = st.fractions(0, 1, max_denominator=12)


@st.composite
def numeric_games(draw):
    """Numeric games with 2 to 5 explicit players, possibly grouped."""
    sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=4))
    if sum(sizes) > 5 or sum(sizes) < 2:
        sizes = [1, 1, 1]
    weights = [draw(st.integers(1, 6)) for _ in sizes]
    total = sum(k * x for k, x in zip(sizes, weights, strict=True))
    w = draw(st.fractions(0, 2, max_denominator=4))
    actors = []
    for i, (k, x) in enumerate(zip(sizes, weights, strict=True)):
        trust = draw(fractions01)
        tempt = draw(st.fractions(0, 1, max_denominator=6).filter(lambda v: v < 1))
        cost = w + draw(st.fractions(0, 3, max_denominator=4).filter(lambda v: v > 0))
        actors.append(
            actor(
                f"a{i}",
                power=R(x, total),
                trust=R(trust.numerator, trust.denominator),
                temptation=R(tempt.numerator, tempt.denominator),
                cost=R(cost.numerator, cost.denominator),
                size=k,
            )
        )
    aggregation = draw(st.sampled_from(("power", "weakest_link")))
    return multilateral_game(
        actors,
        w=R(w.numerator, w.denominator),
        greedy_temptation=R(3, 2),
        aggregation=aggregation,
    )


def _members(game, actors):
    return {m for a in game.actors if a.name in actors for m in a.member_names()}


@given(numeric_games())
def test_numeric_games_against_brute_force(game):
    sol = largest_cooperative_set(game)
    assert len(sol) == 1 and sol[0].condition is sympy.true
    claimed = _members(game, sol[0].cooperators)
    sets = [set(s) for s in brute_cooperative_sets(game)]
    assert claimed in sets
    assert all(s <= claimed for s in sets)
    # full cooperation iff everybody cooperating is an equilibrium
    everybody = _members(game, game.names)
    assert (full_cooperation(game).condition is sympy.true) == (everybody in sets)


@st.composite
def hegemony_points(draw, game):
    n, m, ph, ps, t, c, w = _params(game)
    tU = game.greedy_temptation

    def frac(lo, hi, ok=lambda v: True):
        v = draw(st.fractions(lo, hi, max_denominator=10).filter(ok))
        return R(v.numerator, v.denominator)

    wv = frac(0, 2)
    return {
        n: draw(st.integers(3, 5)),
        m: frac(0, 1, lambda v: 0 < v < 1),
        ph: frac(0, 1),
        ps: frac(0, 1),
        t: frac(0, 1, lambda v: v < 1),
        w: wv,
        c: wv + frac(0, 3, lambda v: v > 0),
        tU: 1 + frac(0, 2, lambda v: v > 0),
    }


@given(st.data())
def test_symbolic_hegemony_against_brute_force(data):
    g, sol = _hegemony()
    point = data.draw(hegemony_points(g))
    largest_cooperative_set_twin(sol, point)  # raises VerificationError


@settings(max_examples=5)
@given(st.data())
def test_point_settles_the_case_containing_it(data):
    g, sol = _hegemony()
    point = data.draw(hegemony_points(g))
    at = largest_cooperative_set(g, point=point)
    held = [r for r in sol if substitute_condition(r.condition, point)]
    assert [r.cooperators for r in at] == [held[0].cooperators]


@given(st.data())
def test_symbolic_weakest_link_against_brute_force(data):
    g, sol = _hegemony("weakest_link")
    largest_cooperative_set_twin(sol, data.draw(hegemony_points(g)))


def test_check_runs_the_twin():
    _, sol = _hegemony()
    report = check(sol, max_examples=8)
    assert report.passed is True and report.examples == 8


# -- bad input -------------------------------------------------------------------


def test_bad_input():
    g = hegemony_game(3, t=0, c=2, w=1, greedy_temptation=2)
    with pytest.raises(ModelError, match="MultilateralGame"):
        largest_cooperative_set("game")
    with pytest.raises(ModelError, match="unknown actor 'x'"):
        cooperation_threshold(g, "x")
    with pytest.raises(ModelError, match="unknown actor 'x'"):
        weighted_trust(g, "small", ["x"])
    with pytest.raises(ModelError, match="max_cases=0"):
        largest_cooperative_set(g, max_cases=0)
    with pytest.raises(ModelError, match="not symbols"):
        largest_cooperative_set(g, point={"m": R(1, 2)})


def test_too_many_cases():
    with pytest.raises(UnsupportedError, match="max_cases=1"):
        largest_cooperative_set(hegemony_game(), max_cases=1)


# -- the twins can fail ------------------------------------------------------------


def _point3():
    g = hegemony_game()
    n, m, ph, ps, t, c, w = _params(g)
    return g, {
        n: 3,
        m: R(1, 2),
        ph: R(9, 10),
        ps: R(3, 5),
        t: 0,
        c: 2,
        w: 1,
        g.greedy_temptation: 2,
    }


def test_twins_accept_the_derived_results():
    g, point = _point3()
    m = g.actor("hegemon").power
    cooperation_threshold_twin(cooperation_threshold(g, "small"), point)
    cooperation_condition_twin(cooperation_condition(g, "small"), point)
    cooperation_statics_twin(cooperation_statics(g, "small", m), point)
    for who, cooperators in (("small", None), ("hegemon", ["small"])):
        cooperation_index_twin(weighted_trust(g, who, cooperators), point)


def test_twins_reject_wrong_results():
    g, point = _point3()
    m, ps = g.actor("hegemon").power, g.actor("small").trust
    wrong = replace(cooperation_threshold(g, "small"), value=R(2, 5))
    with pytest.raises(VerificationError, match="not indifferent"):
        cooperation_threshold_twin(wrong, point)
    cond = cooperation_condition(g, "hegemon")
    with pytest.raises(VerificationError, match="condition is"):
        cooperation_condition_twin(replace(cond, condition=ps >= R(4, 5)), point)
    statics = cooperation_statics(g, "small", m)
    with pytest.raises(VerificationError, match="slope"):
        cooperation_statics_twin(
            replace(statics, index_slope=-statics.index_slope), point
        )
    index = weighted_trust(g, "small")
    with pytest.raises(VerificationError, match="cooperation index"):
        cooperation_index_twin(replace(index, value=index.value / 2), point)
    sol = largest_cooperative_set(g)
    swapped = tuple(
        replace(r, cooperators=() if r.cooperators else ("hegemon", "small"))
        for r in sol
    )
    with pytest.raises(VerificationError):
        largest_cooperative_set_twin(replace(sol, results=swapped), point)


def test_statics_bad_input():
    g = hegemony_game()
    with pytest.raises(ModelError, match="must be a parameter"):
        cooperation_statics(g, "small", "m")
    with pytest.raises(ModelError, match="not a parameter of the game"):
        cooperation_statics(g, "small", sympy.Symbol("z"))


def test_statics_signs_under_the_assumptions():
    g = hegemony_game()
    m = g.actor("hegemon").power
    small = cooperation_statics(g, "small", m)
    assert small.index_sign is None  # the sign follows pi_h - pi_s
    assert small.threshold_sign == 0
    assert cooperation_statics(g, "hegemon", m).index_sign == 0
