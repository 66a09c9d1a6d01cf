"""Chapter 7 (reassurance, reconstruction) derivation against expected formulas.

The formulas are typed here only to check what the engine derived (models.md
section 5): threshold mu = (c - w) / (1 - t_T + c - w); values of trust
B_T = 1 + w, B_U = t_U + w; separating gestures [B_U / k_U, B_T / k_T], the
least-cost one B_U / k_U, existing iff B_T / k_T >= B_U / k_U; pooling with
trust iff pi >= mu; hybrid mixing r = pi (1 - mu) / ((1 - pi) mu) and
cooperation rho = k_U x / B_U; reciprocal gestures pi_2 B_U / k_U and
B_U / k_U; starting small cutoffs 1 + delta b, 1 + delta + delta^2 b, 1 and
trust 1/b, 1/t_1, 1/t_2, 1, valid iff b (1 - delta) > 1.
"""

import pytest
import sympy

from symtrust import check, decide, interval, nonnegative, parameter, positive

pi, pi_2 = interval("pi pi_2", 0, 1, left_open=True, right_open=True)
t_t = interval("t_T", 0, 1, right_open=True)
t_u = parameter("t_U", lower=1, left_open=True)
c, w, k_t, k_u = positive("c w k_T k_U")
x = nonnegative("x")
b = parameter("b", lower=1, left_open=True)
delta = interval("delta", 0, 1, left_open=True, right_open=True)
MU = (c - w) / (1 - t_t + c - w)
B_T, B_U = 1 + w, t_u + w


def same(expr, expected):
    return sympy.simplify(expr - expected) == 0


@pytest.fixture(scope="module")
def D(derivation):
    """The derivation, derived once per session (tests/conftest.py)."""
    return derivation("ch7_reassurance")


@pytest.fixture(scope="module")
def GAME(D):
    return D.models[0]


@pytest.fixture(scope="module")
def equivalent(GAME):
    def equivalent(cond, expected, assumptions=None):
        assume = GAME.assumptions if assumptions is None else assumptions
        return decide(sympy.Equivalent(cond, expected), assume).truth is True

    return equivalent


def test_threshold_and_values_of_trust(GAME):
    assert same(GAME.threshold, MU)
    assert same(GAME.benefits[0], B_T) and same(GAME.benefits[1], B_U)


def test_separating_equilibrium(D, equivalent):
    sep = D.result("separating")
    lo, hi = sep.gestures
    assert same(lo, B_U / k_u) and same(hi, B_T / k_t)
    assert same(sep.least_cost, B_U / k_u)
    assert equivalent(sep.condition, B_T / k_t >= B_U / k_u)
    assert equivalent(sep.single_crossing, B_T / k_t >= B_U / k_u)
    assert sep.beliefs.subs(x, B_U / k_u) == 1
    assert sep.beliefs.subs(x, 0) == 0


def test_pooling_equilibria_and_off_path_beliefs(D, GAME, equivalent):
    trusted = D.result("pooling PBE with trust")
    assert equivalent(trusted.condition, pi >= MU)
    assert trusted.gestures[0] == 0
    assert same(trusted.gestures[1], sympy.Min(B_T / k_t, B_U / k_u))
    q = sympy.Function("q")(x)
    assert trusted.off_path == (q < GAME.threshold)
    distrusted = D.result("pooling PBE without trust")
    assert equivalent(distrusted.condition, pi < MU)
    assert distrusted.gestures == (0, 0)


def test_hybrid_equilibrium(D, equivalent):
    hyb = D.result("hybrid")
    assert same(hyb.mixing, pi * (1 - MU) / ((1 - pi) * MU))
    assert same(hyb.cooperation, k_u * x / B_U)
    assert same(hyb.trust, MU)
    expected = sympy.And(x > 0, k_u * x <= B_U, pi < MU, B_T / k_t >= B_U / k_u)
    assert equivalent(hyb.condition, expected)


def test_reciprocal_gestures(D, equivalent):
    rec = D.result("reciprocal gestures")
    x_1, x_2 = rec.gestures
    assert same(x_1, pi_2 * B_U / k_u)
    assert same(x_2, B_U / k_u)
    assert rec.trust == (1, 1)
    assert equivalent(rec.condition, B_T / k_t >= B_U / k_u, rec.assumptions)
    # the condition does not involve the receiver's prior (claim D)
    assert pi not in rec.condition.free_symbols


def test_starting_small_paths(D, equivalent):
    sm = D.result("starting small")
    t_1, t_2 = 1 + delta * b, 1 + delta + delta**2 * b
    assert all(same(a, e) for a, e in zip(sm.cutoffs, (t_1, t_2, 1), strict=True))
    expected_trust = (1 / b, 1 / t_1, 1 / t_2, 1)
    assert all(same(a, e) for a, e in zip(sm.trust, expected_trust, strict=True))
    assert all(same(a, e) for a, e in zip(sm.stakes, expected_trust[:3], strict=True))
    assert equivalent(sm.condition, b * (1 - delta) > 1, sm.assumptions)


def test_claims_are_proved(D):
    # every claim, each reported by name if it is not proved
    statuses = {claim.name: claim.prove(budget=20).status for claim in D.claims}
    assert D.claims and set(statuses.values()) == {"proved"}, statuses


@pytest.mark.parametrize(
    "name", ["equilibria", "reciprocal gestures", "starting small"]
)
def test_results_agree_with_their_numeric_twins(D, name):
    assert check(D.result(name), max_examples=25).passed is True
