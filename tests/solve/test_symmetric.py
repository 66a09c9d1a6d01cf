"""Tests of symmetric n-player binary games against brute force and formulas."""

from functools import cache

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Interval, Rational, S

from symtrust import positive, probability
from symtrust.core.parameters import Parameter
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.symmetric.equilibria import (
    binomial_expectation,
    dominant_action,
    symmetric_bayes_nash,
    symmetric_pure_nash,
)
from symtrust.games.symmetric.model import count_symbol, symmetric_game
from symtrust.games.symmetric.twins.symmetric import (
    brute_equilibrium_counts,
    brute_symmetric_plans,
    symmetric_bayes_nash_twin,
    symmetric_pure_nash_twin,
)

R = Rational
K = count_symbol()
N = Parameter("n", Interval(2, S.Infinity), integer=True)
B, C, D = positive("b c d")
P = probability("p")

small = st.integers(-3, 3).map(sympy.Integer)


# -- model validation -----------------------------------------------------------


def test_bad_games():
    with pytest.raises(ModelError, match="n=1 players"):
        symmetric_game(1, 0, 0)
    with pytest.raises(ModelError, match="3 entries; n=4"):
        symmetric_game(4, (1, 2, 3), (1, 2, 3, 4))
    with pytest.raises(ModelError, match="needs a numeric n"):
        symmetric_game(N, (1, 2), (1, 2))
    with pytest.raises(ModelError, match="sums to 3/2"):
        symmetric_game(
            3, {"a": K, "b": K}, {"a": 0, "b": 0}, prior={"a": 1, "b": R(1, 2)}
        )
    with pytest.raises(ModelError, match="need a prior"):
        symmetric_game(3, {"a": K, "b": K}, {"a": 0, "b": 0})
    with pytest.raises(ModelError, match="differ"):
        symmetric_game(3, {"a": K}, {"b": 0}, prior={"a": 1})
    with pytest.raises(ModelError, match="must lie in"):
        symmetric_game(3, {"a": K, "b": K}, {"a": 0, "b": 0}, prior={"a": 2, "b": -1})
    with pytest.raises(ModelError, match="float"):
        symmetric_game(3, 0.5 * K, 0)


def test_bad_solver_input():
    with pytest.raises(ModelError, match="SymmetricBinaryGame"):
        symmetric_pure_nash("game")
    g = symmetric_game(
        3, {"a": K, "b": K}, {"a": 0, "b": 0}, prior={"a": P, "b": 1 - P}
    )
    with pytest.raises(ModelError, match="one type"):
        symmetric_pure_nash(g)
    with pytest.raises(UnsupportedError, match="not polynomial"):
        binomial_expectation(2**K, K, N - 1, P)


# -- expected formulas ------------------------------------------------------------


def test_binomial_moments_symbolic():
    q = sympy.Symbol("q")
    assert sympy.expand(binomial_expectation(K, K, N - 1, q) - (N - 1) * q) == 0
    second = binomial_expectation(K**2, K, N - 1, q)
    mean, var = (N - 1) * q, (N - 1) * q * (1 - q)
    assert sympy.expand(second - (var + mean**2)) == 0


@given(
    trials=st.integers(0, 7),
    coeffs=st.lists(small, min_size=1, max_size=4),
    q=st.fractions(0, 1, max_denominator=9),
)
def test_symbolic_moments_match_finite_sum(trials, coeffs, q):
    u = sum(a * K**i for i, a in enumerate(coeffs))
    qq = R(q.numerator, q.denominator)
    finite = binomial_expectation(u, K, trials, qq)
    t = sympy.Symbol("t")
    closed = binomial_expectation(u, K, t, qq).xreplace({t: trials})
    assert sympy.simplify(finite - closed) == 0


def test_dominance_prunes_to_one_count():
    g = symmetric_game(N, B * K + C, B * K, assumptions=())
    assert dominant_action(g) == "C"
    sol = symmetric_pure_nash(g)
    assert [r.cooperators for r in sol] == [N] and sol[0].condition is sympy.true
    assert "dominant" in sol.notes[0]


def test_stag_hunt_with_symbolic_n():
    g = symmetric_game(N, B * K - C, D * K, assumptions=[B > D])
    sol = symmetric_pure_nash(g)
    by = {str(r.cooperators): r.condition for r in sol}
    assert by["0"] is sympy.true  # nobody cooperates: -c < 0
    # everybody: (b - d)(n - 1) >= c, compared at exact points
    target = (B - D) * (N - 1) >= C
    for n in range(2, 7):
        for b, d, c in ((2, 1, 3), (3, 1, 2), (5, 4, 1), (R(3, 2), R(1, 2), 4)):
            pt = {N: n, B: b, D: d, C: c}
            assert bool(by["n"].xreplace(pt)) == bool(target.xreplace(pt))


# -- brute force at exact points ---------------------------------------------------


@st.composite
def table_games(draw):
    n = draw(st.integers(2, 6))
    coop = tuple(draw(small) for _ in range(n))
    defect = tuple(draw(small) for _ in range(n))
    return symmetric_game(n, coop, defect)


@given(table_games())
def test_numeric_tables_against_brute_force(game):
    sol = symmetric_pure_nash(game)
    found = {int(r.cooperators) for r in sol if r.condition is sympy.true}
    assert found == brute_equilibrium_counts(game)


@st.composite
def bayes_tables(draw):
    n = draw(st.integers(2, 5))
    types = ("a", "b", "c")[: draw(st.integers(1, 3))]
    weights = [draw(st.integers(1, 5)) for _ in types]
    prior = {t: R(x, sum(weights)) for t, x in zip(types, weights, strict=True)}
    coop = {t: tuple(draw(small) for _ in range(n)) for t in types}
    defect = {t: tuple(draw(small) for _ in range(n)) for t in types}
    return symmetric_game(n, coop, defect, prior=prior)


@settings(max_examples=20)
@given(bayes_tables())
def test_numeric_bayes_against_brute_force(game):
    sol = symmetric_bayes_nash(game)
    found = {r.cooperating_types for r in sol if r.condition is sympy.true}
    assert found == brute_symmetric_plans(game)


@cache
def _symbolic_solutions():
    stag = symmetric_pure_nash(symmetric_game(N, B * K - C, D * K, assumptions=[B > D]))
    bayes = symmetric_bayes_nash(
        symmetric_game(
            N,
            {"assurance": B * K - C, "greedy": K - C},
            {"assurance": 0 * K, "greedy": K},
            prior={"assurance": P, "greedy": 1 - P},
        )
    )
    return stag, bayes


def _frac(draw, lo, hi):
    v = draw(st.fractions(lo, hi, max_denominator=8))
    return R(v.numerator, v.denominator)


@settings(max_examples=20)
@given(st.data())
def test_symbolic_n_against_brute_force(data):
    stag, bayes = _symbolic_solutions()
    d = _frac(data.draw, 0, 2)
    point = {
        N: data.draw(st.integers(2, 7)),
        B: d + _frac(data.draw, R(1, 8), 2),
        C: _frac(data.draw, R(1, 8), 4),
        D: d if d > 0 else R(1, 8),
        P: _frac(data.draw, 0, 1),
    }
    if point[B] <= point[D]:
        point[B] = point[D] + 1
    symmetric_pure_nash_twin(stag, point)
    symmetric_bayes_nash_twin(bayes, point)
