"""A new user's models for the continuous, signal, cheap-talk and reputation families.

Each model was written from the theory, not copied from the README or other
tests; the expected values are derived by hand in each docstring and
compared with the solver's exact output and with ``symtrust.check``.
"""

import sympy
from sympy import Rational

import symtrust
from symtrust.games.cheap_talk import (
    cheap_talk_game,
    ex_ante_payoffs,
    max_steps,
    partition_equilibrium,
)
from symtrust.games.continuous import (
    continuous_game,
    continuous_nash,
    offer_game,
    optimal_offer,
)
from symtrust.games.continuous_signals import (
    intuitive_criterion,
    pooling_equilibria,
    separating_equilibria,
    signal_game,
)
from symtrust.games.continuous_types import uniform
from symtrust.games.repeated import chain_store, reputation_equilibrium


def test_cournot_with_a_binding_capacity():
    """P = 10 - Q, unit cost 1, firm 1 can produce at most 2.

    Unconstrained: q_i = (10 - 1)/3 = 3 each. Firm 1's marginal profit
    9 - 2 q1 - q2 at (2, q2) with firm 2's best reply q2 = (9 - q1)/2 = 7/2 is
    9 - 4 - 7/2 = 3/2 > 0, so firm 1 sits at its capacity: (2, 7/2), and the
    profits are concave, so it is the only equilibrium.
    """
    q1, q2 = symtrust.nonnegative("q1 q2")
    price = 10 - q1 - q2
    game = continuous_game(
        ("firm 1", "firm 2"),
        (q1, q2),
        (q1 * price - q1, q2 * price - q2),
        bounds=((0, 2), (0, sympy.oo)),
    )
    (eq,) = continuous_nash(game)
    assert eq.profile == (2, Rational(7, 2))
    assert eq.unique is True
    assert symtrust.check(eq, max_examples=3).passed


def test_public_good_with_three_asymmetric_players_has_a_corner():
    """u_i = v_i G - G**2/2 - g_i, G = g_1 + g_2 + g_3, v = (3, 2, 3/2).

    d u_i / d g_i = v_i - G - 1 (concave, -1). At an interior point all three
    would need G = v_i - 1, impossible for distinct v_i. Only the player with
    the highest value contributes: G = v_1 - 1 = 2, so g = (2, 0, 0); the
    others' marginal gains are 2 - 3 = -1 < 0 and 3/2 - 3 = -3/2 < 0 at the
    corner g_i = 0 (free riding).
    """
    g1, g2, g3 = symtrust.nonnegative("g1 g2 g3")
    total = g1 + g2 + g3
    values = (3, 2, Rational(3, 2))
    game = continuous_game(
        ("A", "B", "C"),
        (g1, g2, g3),
        tuple(
            v * total - total**2 / 2 - g
            for v, g in zip(values, (g1, g2, g3), strict=True)
        ),
    )
    solution = continuous_nash(game)
    assert [e.profile for e in solution] == [(2, 0, 0)]
    assert symtrust.check(solution, max_examples=3).passed


def test_tullock_contest_with_asymmetric_valuations():
    """u_i = v_i x_i / (x_1 + x_2) - x_i.

    FOC: v_1 x_2 / (x_1 + x_2)**2 = 1 and v_2 x_1 / (x_1 + x_2)**2 = 1, so
    x_1 / x_2 = v_1 / v_2; with S = x_1 + x_2, v_1 v_2 / (v_1 + v_2) = S**2 / S
    gives S = v_1 v_2 / (v_1 + v_2) and x_1 = v_1**2 v_2 / (v_1 + v_2)**2,
    x_2 = v_1 v_2**2 / (v_1 + v_2)**2 (Nti 1999).
    """
    x1, x2 = symtrust.nonnegative("x1 x2")
    v1, v2 = symtrust.positive("v1 v2")
    game = continuous_game(
        ("1", "2"),
        (x1, x2),
        (v1 * x1 / (x1 + x2) - x1, v2 * x2 / (x1 + x2) - x2),
    )
    solution = continuous_nash(game)
    (eq,) = [e for e in solution if e.profile != (0, 0)]
    want = (v1**2 * v2 / (v1 + v2) ** 2, v1 * v2**2 / (v1 + v2) ** 2)
    assert all(
        sympy.simplify(a - b) == 0 for a, b in zip(eq.profile, want, strict=True)
    )
    assert symtrust.check(solution, max_examples=3).passed


def test_fearon_bargaining_with_uncertainty_about_power():
    """The receiver's probability of winning p is private, p ~ U[0, 1].

    Costs c_P, c_R known. The receiver accepts x iff x >= p - c_R, i.e.
    p <= x + c_R. The proposer's expected utility is
    EU(x) = (1 - x)(x + c_R) + int_{x + c_R}^1 (1 - p - c_P) dp, so
    EU'(x) = -(x + c_R) + (1 - x) - (1 - x - c_R - c_P) = c_P - x: the
    optimal offer is x* = c_P (concave), war with probability
    1 - c_P - c_R, when c_P + c_R < 1. Otherwise the offer 1 - c_R every
    type accepts. At c_P = 1/5, c_R = 1/10: x* = 1/5, war 7/10.
    """
    x, p = sympy.Symbol("x", real=True), sympy.Symbol("p", real=True)
    c_p, c_r = symtrust.positive("c_P c_R")
    game = offer_game(
        x,
        (0, 1),
        p,
        uniform(0, 1),
        accept=(1 - x, x),
        reject=(1 - p - c_p, p - c_r),
    )
    solution = optimal_offer(game)
    (inner,) = [r for r in solution if r.regime == "interior"]
    assert sympy.simplify(inner.offer - c_p) == 0
    assert sympy.simplify(inner.rejection - (1 - c_p - c_r)) == 0
    point = {c_p: Rational(1, 5), c_r: Rational(1, 10)}
    assert inner.condition.subs(point) is sympy.true
    assert inner.offer.subs(point) == Rational(1, 5)
    assert inner.rejection.subs(point) == Rational(7, 10)
    (peace,) = [r for r in solution if r.regime == "accepted by every type"]
    assert sympy.simplify(peace.offer - (1 - c_r)) == 0
    assert symtrust.check(solution, max_examples=5).passed


def test_spence_with_quadratic_signalling_cost():
    """u = w - e**2 / theta, wages theta_L < theta_H, prior pi on theta_H.

    Separation: the low type takes e = 0 and w = theta_L and must not mimic:
    theta_H - e**2 / theta_L <= theta_L, so e >= sqrt(theta_L (theta_H -
    theta_L)); the high type must not prefer e = 0: theta_H - e**2 / theta_H
    >= theta_L, so e <= sqrt(theta_H (theta_H - theta_L)). The Riley
    (Intuitive Criterion) outcome is the lower end. A pool at e with the
    average wage pi theta_H + (1 - pi) theta_L survives for the low type up to
    e**2 / theta_L <= pi (theta_H - theta_L), e <= sqrt(pi theta_L (theta_H -
    theta_L)).
    """
    e = symtrust.nonnegative("e")
    q, w = symtrust.real("q w")
    theta = symtrust.positive("theta")
    lo, hi = symtrust.positive("theta_L theta_H")
    pi = symtrust.interval("pi", 0, 1, left_open=True, right_open=True)
    job = signal_game(
        types={"low": lo, "high": hi},
        prior=pi,
        utility=w - e**2 / theta,
        type_symbol=theta,
        signal=e,
        response=w,
        reply=q * hi + (1 - q) * lo,
        belief=q,
        assumptions=[lo < hi],
    )
    sep = separating_equilibria(job)
    want = (sympy.sqrt(lo * (hi - lo)), sympy.sqrt(hi * (hi - lo)))
    assert all(
        sympy.simplify(a - b) == 0 for a, b in zip(sep.signals, want, strict=True)
    )
    pool = pooling_equilibria(job)[0]
    assert pool.signals[0] == 0
    assert sympy.simplify(pool.signals[1] - sympy.sqrt(pi * lo * (hi - lo))) == 0
    assert symtrust.check(sep, max_examples=3).passed
    assert symtrust.check(intuitive_criterion(job), max_examples=3).passed


def test_cheap_talk_at_bias_one_tenth():
    """Crawford and Sobel, b = 1/10.

    N(b) is the largest N with 2 b N (N - 1) < 1: N = 2 gives 2/5 < 1,
    N = 3 gives 6/5 > 1, so N(b) = 2. The boundaries a_i = i/N + 2 b i (i - N):
    a_1 = 1/2 - 1/5 = 3/10, so the partition is {0, 3/10, 1}; replies 3/20 and
    13/20. The receiver's ex-ante loss is 1/(12 N**2) + b**2 (N**2 - 1)/3 =
    1/48 + 1/100 = 37/1200; the sender's adds b**2: 37/1200 + 12/1200.
    """
    talk = cheap_talk_game(Rational(1, 10))
    assert max_steps(talk).value == 2
    eq = partition_equilibrium(talk, 2)
    assert tuple(eq.boundaries) == (0, Rational(3, 10), 1)
    assert tuple(eq.replies) == (Rational(3, 20), Rational(13, 20))
    welfare = ex_ante_payoffs(eq)
    assert welfare.receiver == -Rational(37, 1200)
    assert welfare.sender == -Rational(49, 1200)
    assert partition_equilibrium(talk, 3).condition is sympy.false
    assert symtrust.check(eq, max_examples=2).passed


def test_chain_store_four_entrants_symbolic_prior():
    """Kreps-Wilson, n = 4, a = 2, b = 1/2, prior p that the incumbent is tough.

    With k entrants left the entrant enters iff the reputation is below b**k;
    the weak incumbent fights with the probability beta that lifts the
    posterior to b**(k-1): p / (p + (1 - p) beta) = b**(k-1), so
    beta = p (1 - b**(k-1)) / ((1 - p) b**(k-1)). For p < b**4 = 1/16 the first
    entrant enters, beta_1 = p (7/8) / ((1 - p)/8) = 7 p / (1 - p), and the
    posteriors are 1/8, 1/4, 1/2, 1; later mixes are
    beta_2 = (1/8)(3/4)/((7/8)(1/4)) = 3/7, beta_3 = (1/4)(1/2)/((3/4)(1/2))
    = 1/3 and beta_4 = 0 (last period). At p = 1/20: beta_1 = 7/19. For
    p > b = 1/2 nobody enters, so nothing is learned.
    """
    p = symtrust.probability("p")
    half = Rational(1, 2)
    sol = reputation_equilibrium(chain_store(4, prior=p, a=2, b=half))
    by_regime = {str(r.condition): r for r in sol}
    low = by_regime[str(p < Rational(1, 16))]
    assert sympy.simplify(low.commit[0] - 7 * p / (1 - p)) == 0
    assert tuple(low.commit[1:]) == (Rational(3, 7), Rational(1, 3), 0)
    assert tuple(low.posteriors) == (Rational(1, 8), Rational(1, 4), Rational(1, 2), 1)
    high = by_regime[str(p > half)]
    assert tuple(high.posteriors) == (p, p, p, p)
    (numeric,) = reputation_equilibrium(
        chain_store(4, prior=Rational(1, 20), a=2, b=half)
    )
    assert tuple(numeric.commit) == (Rational(7, 19), Rational(3, 7), Rational(1, 3), 0)
    assert symtrust.check(sol, max_examples=2).passed


def test_chain_store_twin_with_a_large_denominator():
    """n = 2, prior 1/20, a = 21/20, b = 283617/2171282 (about 0.131).

    b**2 < 1/20 < b: the first entrant stays out (the reputation exceeds
    b**2), the weak incumbent would fight with beta = p (1 - b) / ((1 - p) b)
    = 1887665/5388723; the second entrant enters (1/20 < b). The twin once
    failed here: nsimplify turned the rational b**2 into irrational powers.
    """
    b = Rational(283617, 2171282)
    game = chain_store(2, prior=Rational(1, 20), a=Rational(21, 20), b=b)
    (eq,) = reputation_equilibrium(game)
    p = Rational(1, 20)
    assert eq.commit == (p * (1 - b) / ((1 - p) * b), 0)
    assert eq.engage == (0, 1)
    assert symtrust.check(eq, max_examples=1).passed
