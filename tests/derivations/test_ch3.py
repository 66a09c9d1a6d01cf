"""Chapter 3 (spiral model, reconstruction) derivation against expected formulas.

The formulas are typed here only to check what the engine derived (models.md
section 3): trust after a build pi s / (pi s + 1 - pi); the threshold
(c - w) / (1 - t_S + c - w); when builds destroy cooperation the gain from
building is d - pi (1 - s)(1 + w), so s = 0 iff d <= pi (1 + w), s = 1 iff
d >= K (and pi below the threshold), interior s = (d - pi(1+w)) / (K - pi(1+w)),
stable iff K > pi (1 + w); when builds are tolerated s = (1 - pi) d / K;
peace pi^2 (1 - s)^2 and tragic spirals pi^2 (1 - (1 - s)^2) in the spiral
regime; trust after n builds pi s^n / (pi s^n + 1 - pi).
"""

import pytest
import sympy

from symtrust import check, decide, interval, parameter, positive

pi = interval("pi", 0, 1, left_open=True, right_open=True)
t_s = interval("t_S", 0, 1, right_open=True)
t_g = parameter("t_G", lower=1, left_open=True)
m = interval("m", 0, 1, left_open=True, right_open=True)
c, w, K, delta = positive("c w K delta")
d = 2 * delta * m
MU = (c - w) / (1 - t_s + c - w)


def same(expr, expected):
    return sympy.simplify(expr - expected) == 0


@pytest.fixture(scope="module")
def D(derivation):
    """The derivation, derived once per session (tests/conftest.py)."""
    return derivation("ch3_spiral")


@pytest.fixture(scope="module")
def GAME(D):
    return D.models[0]


@pytest.fixture(scope="module")
def s(GAME):
    return GAME.rate


@pytest.fixture(scope="module")
def equivalent(GAME):
    def equivalent(cond, expected, extra=()):
        verdict = decide(sympy.Equivalent(cond, expected), [*GAME.assumptions, *extra])
        return verdict.truth is True

    return equivalent


def test_threshold_and_trust_after_a_build(D, GAME, s):
    assert same(GAME.threshold, MU)
    assert same(D.result("trust after a build")["S"], pi * s / (pi * s + 1 - pi))


def test_corner_equilibria_when_builds_destroy_cooperation(D, equivalent):
    none = D.result("no security seeker builds")
    assert none.rate == 0
    assert equivalent(none.condition, d <= pi * (1 + w))
    every = D.result("every security seeker builds")
    assert every.rate == 1
    assert equivalent(every.condition, sympy.And(d >= K, pi < MU))


def test_interior_spiral_rates_and_stability(D, GAME, equivalent):
    expected = (d - pi * (1 + w)) / (K - pi * (1 + w))
    stable = D.result("interior rate, stable spiral")
    unstable = D.result("interior rate, unstable spiral")
    assert same(stable.rate, expected) and same(unstable.rate, expected)
    assert equivalent(stable.stable, sympy.true, [K > pi * (1 + w)])
    assert stable.stable is sympy.true and unstable.stable is sympy.false
    # stable: pi (1 + w) < d < K; unstable: K < d < pi (1 + w)
    in_range = sympy.And(pi * (1 + w) < d, d < K)
    assert decide(sympy.Implies(stable.condition, in_range), GAME.assumptions).truth
    in_range = sympy.And(K < d, d < pi * (1 + w))
    assert decide(sympy.Implies(unstable.condition, in_range), GAME.assumptions).truth


def test_interior_rate_when_builds_are_tolerated(D, equivalent):
    tol = D.result("interior rate, builds tolerated")
    rate = (1 - pi) * d / K
    assert same(tol.rate, rate)
    trust = pi * rate / (pi * rate + 1 - pi)
    assert equivalent(tol.condition, sympy.And(rate < 1, trust >= MU))


def test_corners_coexist_exactly_when_expected(D, equivalent):
    names = [n for n, _ in D.results if n.startswith("coexistence")]
    pairs = {
        (tuple(map(str, D.result(n).value)), D.result(n).kind): D.result(n)
        for n in names
    }
    key = (
        ("corner s = 0", "corner s = 1"),
        ("coexistence (builds destroy cooperation / builds destroy cooperation)"),
    )
    both = pairs[key].condition
    assert equivalent(both, sympy.And(K <= d, d <= pi * (1 + w), pi < MU))


def test_outcomes_in_the_spiral_regime(D, s):
    out = D.result("outcomes at rate s, builds destroy cooperation")
    peace = pi**2 * (1 - s) ** 2
    tragic = pi**2 * (1 - (1 - s) ** 2)
    assert same(out.peace, peace)
    assert same(out.conflict, 1 - peace)
    assert same(out.tragic, tragic)
    assert same(out.posterior_both_secure, tragic / (1 - peace))
    tol = D.result("outcomes at rate s, builds tolerated")
    assert same(tol.peace, pi**2) and tol.tragic == 0


def test_trust_after_n_builds(D, s):
    path = D.result("trust after n builds")
    n = path.n
    assert same(path["S"], pi * s**n / (pi * s**n + 1 - pi))


@pytest.mark.parametrize(
    ("name", "sign"),
    [
        ("statics: stable spiral rate in m", "increasing"),
        ("statics: stable spiral rate in K", "decreasing"),
        ("statics: stable spiral rate in w", "decreasing"),
        ("statics: tolerated rate in m", "increasing"),
        ("statics: tolerated rate in K", "decreasing"),
    ],
)
def test_comparative_statics_signs(D, name, sign):
    # weak states, costly arms and costly war mean less building
    assert D.result(name).sign == sign


def test_claims_are_proved(D):
    # every claim, each reported by name if it is not proved
    statuses = {claim.name: claim.prove(budget=20).status for claim in D.claims}
    assert D.claims and set(statuses.values()) == {"proved"}, statuses


def test_results_agree_with_their_numeric_twins(D):
    assert check(D.result("equilibria"), max_examples=30).passed is True
    assert check(D.result("coexistence 1"), max_examples=30).passed is True
    report = check(D.result("outcomes, stable spiral equilibrium"), max_examples=15)
    assert report.passed is True
