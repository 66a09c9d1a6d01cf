"""Reputation with a committed type: Kreps-Wilson's chain store, the trust game.

Published answers (Kreps and Wilson 1982, sec. 4; Fudenberg and Tirole
1991, sec. 9.2.2, the chain store with a tough type of prior p, weak
incumbent a > 1, entrant 0 < b < 1):

* with k periods to go after the current one, an entrant is deterred iff the
  reputation exceeds b^(k+1); when p < b^n the weak incumbent fights in
  period 1 with probability p (1 - b^(n-1)) / ((1 - p) b^(n-1)), so the
  posterior after a fight is b^(n-1), and in a later period k < n with
  probability b (1 - b^(n-k)) / (1 - b^(n-k+1)); the posterior after a
  fight in period k is b^(n-k); the weak incumbent acquiesces in the last
  period; an entrant at a threshold stays out with probability 1/a.
* the trust game with an honest type is the same recursion with the
  investor's indifference level mu = s / (r + s): thresholds mu^r, and at a
  threshold an investor trusts with probability (g - h) / g, which makes the
  opportunistic trustee indifferent between honoring and abusing a period
  earlier (Mailath and Samuelson 2006, ch. 17, for the product-choice
  version).
"""

import dataclasses
import functools
import math

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symtrust import check, game_tree, interval, positive, probability
from symtrust.errors import ModelError, SolverError, UnsupportedError
from symtrust.games.extensive import decision
from symtrust.games.repeated import (
    chain_store,
    horizon,
    period,
    repeated_trust_game,
    reputation_equilibrium,
    reputation_game,
)

R = sympy.Rational
b = interval("b", 0, 1, left_open=True, right_open=True)
a = interval("a", 1, 10, left_open=True)
p = probability("p")


@functools.cache
def _solved(n):
    """The chain store with symbolic p, a, b (solved once per horizon)."""
    return reputation_equilibrium(chain_store(n, prior=p, a=a, b=b))


def _entry_regime(n):
    """The chain store's regime p < b^n (entry in period 1) for numeric n."""
    (eq,) = [e for e in _solved(n) if e.condition == (p < b**n)]
    return eq


def test_kreps_wilson_two_periods():
    eq = _entry_regime(2)
    assert sympy.simplify(eq.commit_probability(1) - p * (1 - b) / ((1 - p) * b)) == 0
    assert eq.commit_probability(2) == 0
    assert eq.posteriors == (b, 1)
    assert sympy.simplify(eq.engage_probability(2) - (1 - 1 / a)) == 0
    assert eq.mixing_periods == (1,)


def test_kreps_wilson_three_periods():
    eq = _entry_regime(3)
    assert eq.posteriors == (b**2, b, 1)
    assert eq.beliefs == (p, b**2, b)
    assert (
        sympy.simplify(eq.commit_probability(1) - p * (1 - b**2) / ((1 - p) * b**2))
        == 0
    )
    assert sympy.simplify(eq.commit_probability(2) - b * (1 - b) / (1 - b**2)) == 0
    assert eq.engage_probability(1) == 1
    for k in (2, 3):
        assert sympy.simplify(eq.engage_probability(k) - (1 - 1 / a)) == 0
    assert eq.mixing_periods == (1, 2)
    assert eq.uninformed_mixing_periods == (2, 3)


def test_kreps_wilson_numbers():
    # b = 1/2, a = 2, p = 1/10 < 1/8: fights w.p. 1/3, posteriors 1/4, 1/2, 1
    half = R(1, 2)
    (eq,) = reputation_equilibrium(chain_store(3, prior=R(1, 10), a=2, b=half))
    assert eq.commit == (R(1, 3), R(1, 3), 0)
    assert eq.posteriors == (R(1, 4), R(1, 2), 1)
    assert eq.engage == (1, half, half)


def test_kreps_wilson_deterred_regime():
    # b^2 < p < b: the first two entrants stay out, the third enters
    (eq,) = [e for e in _solved(3) if e.condition == sympy.And(p > b**2, p < b)]
    assert eq.engage == (0, 0, 1)
    assert eq.posteriors == (p, p, 1)
    assert eq.mixing_periods == (2,)


def test_kreps_wilson_symbolic_horizon():
    n = horizon("n")
    (eq,) = _solved(n)
    assert eq.condition == sympy.And(n >= 2, p < b**n)
    tau = sympy.Symbol("tau", integer=True, positive=True)
    assert eq.threshold(tau) == b**tau
    k = period
    middle = eq.posteriors.args[2][0]
    assert sympy.simplify(middle - b ** (n - k)) == 0
    mix = eq.commit.args[2][0]
    assert sympy.simplify(mix - b * (1 - b ** (n - k)) / (1 - b ** (n - k + 1))) == 0
    assert eq.mixing_periods == sympy.Range(1, n)
    assert eq.uninformed_mixing_periods == sympy.Range(2, n + 1)
    # the numeric horizons agree with the symbolic one at n = 2, 3, 4, 6
    # (b = 1/2, a = 2, p = 1/100 < 2^-6)
    point = {b: R(1, 2), a: 2, p: R(1, 100)}
    for m in (2, 3, 4, 6):
        (numeric,) = reputation_equilibrium(
            chain_store(m, prior=R(1, 100), a=2, b=R(1, 2))
        )
        at = {**point, n: m}
        for j in range(1, m + 1):
            assert eq.posterior(j).xreplace(at) == numeric.posterior(j)
            assert eq.commit_probability(j).xreplace(at) == numeric.commit_probability(
                j
            )
            assert eq.engage_probability(j).xreplace(at) == numeric.engage_probability(
                j
            )


def test_trust_game_with_an_honest_type():
    r, s, h, g = positive("r s h g")
    n = horizon("n")
    (eq,) = reputation_equilibrium(repeated_trust_game(n, prior=p, r=r, s=s, h=h, g=g))
    mu = s / (r + s)
    tau = sympy.Symbol("tau", integer=True, positive=True)
    assert sympy.simplify(eq.threshold(tau) - mu**tau) == 0
    assert sympy.simplify(eq.uninformed_mix - (g - h) / g) == 0
    assert sympy.simplify(eq.posteriors.args[2][0] - mu ** (n - period)) == 0
    assert eq.responses == ("trust", "not")


def test_trust_game_numeric():
    # mu = 1/2, g = 2 h: the honest-type prior 3/16 lies in (1/8, 1/4), n = 4
    sol = reputation_equilibrium(
        repeated_trust_game(4, prior=R(3, 16), r=1, s=1, h=1, g=2)
    )
    (eq,) = sol
    assert eq.engage == (1, 1, R(1, 2), R(1, 2))
    assert eq.posteriors == (R(3, 16), R(1, 4), R(1, 2), 1)
    # period 2: the opportunistic trustee honors w.p. m with
    # (3/16) / (3/16 + (13/16) m) = 1/4
    assert eq.commit[1] == R(9, 13)


def test_twins_pass_and_catch_an_error():
    assert check(_solved(3), max_examples=6).passed
    sym = _solved(horizon("n"))
    assert check(sym, max_examples=6).passed
    wrong = dataclasses.replace(sym[0], uninformed_mix=sym[0].uninformed_mix / 2)
    assert check(wrong, max_examples=6).passed is False


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.nested_given]
)
@given(
    st.integers(2, 4),
    st.fractions(R(1, 20), R(19, 20)),
    st.fractions(R(1, 20), R(19, 20)),
    st.fractions(R(21, 20), 6),
)
def test_numeric_games_against_the_tree(n, prior, bb, aa):
    game = chain_store(n, prior=R(prior), a=R(aa), b=R(bb))
    if any(R(prior) == R(bb) ** j for j in range(n + 1)):
        # a prior exactly at a threshold is the one case no regime covers
        with pytest.raises(UnsupportedError, match="exactly the reputation threshold"):
            reputation_equilibrium(game)
        return
    assert check(reputation_equilibrium(game), max_examples=1).passed is True


@pytest.mark.parametrize(
    "bad, shown",
    [
        (0, "periods=0"),
        (-1, "periods=-1"),
        (2.0, "periods=2.0"),
        ("3", "periods='3'"),
        (math.nan, "periods=nan"),
        (sympy.Symbol("n"), "periods=n"),
    ],
)
def test_bad_horizon(bad, shown):
    with pytest.raises(ModelError, match=shown):
        chain_store(bad, prior=R(1, 10), a=2, b=R(1, 2))


@pytest.mark.parametrize(
    "bad, shown",
    [
        (0, "is 0"),
        (1, "is 1"),
        (R(3, 2), "3/2"),
        (-R(1, 2), "-1/2"),
        (0.1, "float 0.1"),
        ("1/2", "string '1/2'"),
        (math.nan, "nan"),
    ],
)
def test_bad_prior(bad, shown):
    with pytest.raises(ModelError, match=shown):
        chain_store(3, prior=bad, a=2, b=R(1, 2))


def test_bad_payoffs_named():
    with pytest.raises(ModelError, match="b=2 must lie strictly inside"):
        chain_store(3, prior=R(1, 10), a=2, b=2)
    with pytest.raises(ModelError, match="a=1/2 must exceed 1"):
        chain_store(3, prior=R(1, 10), a=R(1, 2), b=R(1, 2))
    with pytest.raises(ModelError, match="g=1 must exceed h=2"):
        repeated_trust_game(3, prior=R(1, 10), r=1, s=1, h=2, g=1)


def test_committed_type_must_play_a_stage_strategy():
    stage = decision(
        "entrant",
        {
            "in": decision("incumbent", {"fight": (-1, -1), "share": (1, 0)}),
            "out": (0, 2),
        },
    )
    with pytest.raises(ModelError, match="committed='predate' is not a strategy"):
        reputation_game(stage, 3, prior=R(1, 10), committed="predate")
    with pytest.raises(ModelError, match="committed=3 is not a strategy"):
        reputation_game(stage, 3, prior=R(1, 10), committed=3)


def test_stage_of_another_shape_is_refused():
    flat = game_tree(
        decision("entrant", {"in": (1, 1), "out": (0, 2)}),
        players=("entrant", "incumbent"),
    )
    with pytest.raises(ModelError, match="the stage game must be"):
        reputation_game(flat, 3, prior=R(1, 10), committed="in")


def test_not_a_game():
    with pytest.raises(ModelError, match="needs a ReputationGame, got str"):
        reputation_equilibrium("chain store")


def test_stages_without_reputation_structure_are_named():
    flat = decision(
        "u", {"in": decision("i", {"c": (1, 1), "o": (1, 2)}), "out": (0, 0)}
    )
    with pytest.raises(UnsupportedError, match="engaging pays the same"):
        reputation_equilibrium(reputation_game(flat, 3, prior=R(1, 5), committed="c"))
    cheap = decision(
        "u", {"in": decision("i", {"c": (1, 3), "o": (-1, 2)}), "out": (0, 0)}
    )
    with pytest.raises(SolverError, match="its payoff 3 from it must be below 2"):
        reputation_equilibrium(reputation_game(cheap, 3, prior=R(1, 5), committed="c"))
