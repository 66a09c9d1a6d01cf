"""Tests of perfect Bayesian equilibria: textbook games, brute force, bad input."""

import functools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symtrust import check, decide, interval, pbe, real, signaling_game
from symtrust.catalog import beer_quiche, job_market
from symtrust.errors import ModelError
from symtrust.games.signaling import PBELabel
from symtrust.games.signaling.twins.brute_pbe import (
    intuitive_survives,
    is_pbe,
    pure_pbe,
)
from symtrust.games.signaling.twins.pbe import pbe_twin
from symtrust.results import PerfectBayesianEquilibrium
from symtrust.testing import points


@functools.cache
def job_market_solution():
    return pbe(job_market())


def equivalent(a, b, assumptions=()):
    return decide(sympy.Equivalent(a, b), assumptions).truth is True


# -- beer-quiche (Cho and Kreps 1987) -----------------------------------------


def test_beer_quiche_published_answer():
    sol = pbe(beer_quiche())
    assert sol.method == "pbe"
    assert all(isinstance(eq, PerfectBayesianEquilibrium) for eq in sol)
    live = [eq for eq in sol if eq.condition is not sympy.false]
    # two pooling equilibria and nothing else at prior 1/10
    assert sorted(eq.profile for eq in live) == [
        (("beer", "beer"), ("not", "duel")),
        (("quiche", "quiche"), ("duel", "not")),
    ]
    assert {eq.label for eq in live} == {"pooling"}
    beer = next(eq for eq in live if eq.profile[0] == ("beer", "beer"))
    quiche = next(eq for eq in live if eq.profile[0] == ("quiche", "quiche"))
    # only pooling on beer survives the Intuitive Criterion
    assert beer.intuitive is sympy.true
    assert quiche.intuitive is sympy.false
    # on path beliefs equal the prior; off path the receiver must fear the weak type
    assert {t: beer.belief("beer", t) for t in beer.types} == {
        "weak": sympy.Rational(1, 10),
        "strong": sympy.Rational(9, 10),
    }
    mu = beer.belief("quiche", "weak")
    assert equivalent(beer.off_path_beliefs, mu >= sympy.Rational(1, 2))
    assert beer.value == sympy.Tuple(2, 3)


def test_beer_quiche_symbolic_prior_and_hybrid():
    p = interval("p", 0, 1, left_open=True, right_open=True)
    sol = pbe(beer_quiche(p))
    pooling = [eq for eq in sol if eq.label is PBELabel.POOLING]
    assert len(pooling) == 2
    for eq in pooling:
        assert equivalent(eq.condition, p <= sympy.Rational(1, 2))
    hybrids = [eq for eq in sol if eq.label is PBELabel.HYBRID]
    assert len(hybrids) == 1
    h = hybrids[0]
    # weak mixes onto beer until the receiver is indifferent; the receiver duels half the time
    assert h.mixing_types == ("weak",)
    assert sympy.simplify(h.sends("weak", "beer") - (1 - p) / p) == 0
    assert h.responds("beer", "duel") == sympy.Rational(1, 2)
    assert equivalent(h.condition, p > sympy.Rational(1, 2))
    assert h.belief("beer", "weak") == sympy.Rational(1, 2)


# -- Spence-style job market ---------------------------------------------------


def test_job_market_separating_condition():
    g = job_market()
    q, c_H, c_L = (
        next(s for s in g.parameters if s.name == n) for n in ("q", "c_H", "c_L")
    )
    sol = job_market_solution()
    sep = [eq for eq in sol if eq.label is PBELabel.SEPARATING]
    assert [eq.profile for eq in sep] == [(("E", "N"), ("S", "U"))]
    # separation iff the high type's cost <= premium <= the low type's cost
    assert equivalent(sep[0].condition, sympy.And(c_H <= 1, c_L >= 1), g.assumptions)
    assert sep[0].intuitive is sympy.true
    assert {t: sep[0].belief("E", t) for t in g.types} == {"high": 1, "low": 0}
    # pooling on no education with the low job everywhere fails the criterion
    # exactly when education separates (c_H < 1 < c_L)
    pool = next(eq for eq in sol if eq.profile == (("N", "N"), ("U", "U")))
    assert equivalent(pool.condition, q <= sympy.Rational(1, 2), g.assumptions)
    assert equivalent(pool.intuitive, sympy.Or(c_H >= 1, c_L <= 1), g.assumptions)


def test_job_market_hybrids_closed_forms():
    g = job_market()
    q, c_H, c_L = (
        next(s for s in g.parameters if s.name == n) for n in ("q", "c_H", "c_L")
    )
    hybrids = [eq for eq in job_market_solution() if eq.label is PBELabel.HYBRID]
    assert len(hybrids) == 2
    low = next(eq for eq in hybrids if eq.mixing_types == ("low",))
    # the low type educates with probability q/(1-q), the employer then hires at rate c_L
    assert sympy.simplify(low.sends("low", "E") - q / (1 - q)) == 0
    assert low.responds("E", "S") == c_L
    assert equivalent(
        low.condition, sympy.And(q < sympy.Rational(1, 2), c_L < 1), g.assumptions
    )
    # the high type mixes when q > 1/2: no-education posterior pinned at 1/2
    high = next(eq for eq in hybrids if eq.mixing_types == ("high",))
    assert sympy.simplify(high.sends("high", "E") - (2 * q - 1) / q) == 0
    assert high.responds("N", "S") == 1 - c_H
    assert high.belief("N", "high") == sympy.Rational(1, 2)


def test_checks_pass_on_textbook_games():
    p = interval("p", 0, 1, left_open=True, right_open=True)
    assert check(job_market_solution(), max_examples=20).passed is True
    assert check(pbe(beer_quiche(p)), max_examples=20).passed is True


def test_two_mixing_types_pass_twin():
    sol = pbe(job_market(), max_mixing=2)
    assert check(sol, max_examples=10).passed is True


# -- random games against brute force ------------------------------------------


@st.composite
def numeric_games(draw, max_cells=12):
    n = draw(st.integers(2, 3))
    k = draw(st.integers(2, 3))
    l = draw(st.integers(2, 3))
    if n * k * l > max_cells:
        k = 2
        l = 2 if n * 2 * 3 > max_cells else l
    T = tuple(f"t{i}" for i in range(n))
    M = tuple(f"m{i}" for i in range(k))
    A = tuple(f"a{i}" for i in range(l))
    u = {
        (t, m, a): (draw(st.integers(0, 2)), draw(st.integers(0, 2)))
        for t in T
        for m in M
        for a in A
    }
    w = [draw(st.integers(1, 3)) for _ in T]
    return signaling_game(T, M, A, u, prior=[Fraction(x, sum(w)) for x in w])


@settings(max_examples=20)
@given(numeric_games())
def test_random_numeric_games_match_brute_force(game):
    sol = pbe(game)
    # raises on any disagreement: pure set, hybrids, beliefs, Intuitive Criterion
    pbe_twin(sol, {})
    pure = {eq.profile for eq in sol if eq.is_pure and eq.condition is sympy.true}
    assert pure == set(pure_pbe(game))


@st.composite
def symbolic_games(draw):
    p = interval("p", 0, 1, left_open=True, right_open=True)
    x = real("x")
    T, M, A = ("t0", "t1"), ("m0", "m1"), ("a0", "a1")

    def entry():
        return draw(st.integers(-1, 2)) + (
            x if draw(st.booleans()) and draw(st.booleans()) else 0
        )

    u = {(t, m, a): (entry(), entry()) for t in T for m in M for a in A}
    return signaling_game(T, M, A, u, prior=[p, 1 - p])


@settings(max_examples=4)
@given(st.data())
def test_random_symbolic_games_match_brute_force_at_points(data):
    game = data.draw(symbolic_games())
    sol = pbe(game)
    symbols = sorted(game.parameters, key=lambda s: s.sort_key())
    for _ in range(8):
        pbe_twin(sol, data.draw(points(game.assumptions, symbols)))


def test_three_types_match_brute_force():
    T, M, A = ("t0", "t1", "t2"), ("m0", "m1"), ("a0", "a1", "a2")
    # the receiver matches an action to each type; types differ in which message is cheap
    u = {}
    for i, t in enumerate(T):
        for j, m in enumerate(M):
            for k, a in enumerate(A):
                u[(t, m, a)] = (k - (j if i == 0 else 1 - j), int(i == k))
    g = signaling_game(T, M, A, u, prior=[Fraction(1, 3)] * 3)
    sol = pbe(g)
    pbe_twin(sol, {})
    assert {eq.profile for eq in sol if eq.is_pure} == set(pure_pbe(g))
    assert len(sol) > 0


# -- the brute-force side on its own ---------------------------------------------


def test_brute_force_intuitive_and_beliefs():
    g = beer_quiche()
    assert intuitive_survives(g, {"weak": 2, "strong": 3}, ("quiche",)) is True
    assert intuitive_survives(g, {"weak": 3, "strong": 2}, ("beer",)) is False
    quiche = {"weak": {"quiche": 1}, "strong": {"quiche": 1}}
    assert is_pbe(g, quiche, {"beer": {"duel": 1}, "quiche": {"not": 1}}) is True
    assert is_pbe(g, quiche, {"beer": {"not": 1}, "quiche": {"not": 1}}) is False
    with pytest.raises(
        ModelError, match=r"belief after 'beer'\['weak'\] is -1/2, outside \[0, 1\]"
    ):
        is_pbe(
            g,
            quiche,
            {"beer": {"duel": 1}, "quiche": {"not": 1}},
            {"beer": {"weak": Fraction(-1, 2), "strong": Fraction(3, 2)}},
        )
    with pytest.raises(ModelError, match="sums to 1/2, not 1"):
        is_pbe(
            g,
            quiche,
            {"beer": {"duel": 1}, "quiche": {"not": 1}},
            {"beer": {"weak": Fraction(1, 4), "strong": Fraction(1, 4)}},
        )


# -- bad input ---------------------------------------------------------------------


def test_bad_input():
    with pytest.raises(ModelError, match="pbe needs a SignalingGame, got str"):
        pbe("beer-quiche")
    with pytest.raises(ModelError, match="max_mixing=-1 must be a nonnegative int"):
        pbe(beer_quiche(), max_mixing=-1)
    with pytest.raises(ModelError, match="max_mixing=True must be a nonnegative int"):
        pbe(beer_quiche(), max_mixing=True)
    eq = pbe(beer_quiche(), hybrid=False)[0]
    with pytest.raises(ModelError, match="unknown type 'brave'"):
        eq.sends("brave", "beer")
    with pytest.raises(ModelError, match="unknown message 'wine'"):
        eq.responds("wine", "duel")
    with pytest.raises(ModelError, match="unknown action 'flee'"):
        eq.responds("beer", "flee")
    with pytest.raises(ModelError, match="unknown message 'wine'"):
        eq.belief("wine", "weak")


def test_printing():
    sol = pbe(beer_quiche(), hybrid=False)
    text = str(sol)
    assert "pooling PBE" in text and "mu_weak_quiche >= 1/2" in text
    assert "Intuitive Criterion" in sympy.latex(sol[0])


def test_supported_by_user_beliefs():
    eq = next(
        e for e in pbe(beer_quiche(), hybrid=False) if e.profile[0] == ("beer", "beer")
    )
    quarter, half = Fraction(1, 4), Fraction(1, 2)
    assert eq.supported_by({"quiche": {"weak": half, "strong": half}}) is sympy.true
    assert (
        eq.supported_by({"quiche": {"weak": quarter, "strong": 1 - quarter}})
        is sympy.false
    )
    with pytest.raises(ModelError, match="message 'beer' is not off path"):
        eq.supported_by({"beer": {"weak": half, "strong": half}})
    with pytest.raises(
        ModelError, match=r"belief in 'weak' after 'quiche' is 3/2, outside \[0, 1\]"
    ):
        eq.supported_by({"quiche": {"weak": Fraction(3, 2), "strong": -half}})
    with pytest.raises(ModelError, match="sum to 1/2, not 1"):
        eq.supported_by({"quiche": {"weak": quarter, "strong": quarter}})
