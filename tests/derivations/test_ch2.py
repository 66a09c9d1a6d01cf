"""Chapter 2 derivation against the reconstruction's formulas (models.md section 2).

The formulas below are typed only to check what the engine derived:
mu_i = (c_i - w) / (1 - t_T + c_i - w); with c_i = 2 c (1 - m) its slopes
have signs c: +, w: -, t_T: +, m: -; trust in the continuous model is 1/b;
minimum trust 4 kappa / (1 + kappa)^2 for kappa < 1 (none below certainty for
kappa >= 1); the stable cutoff (1 + kappa + sqrt((1 + kappa)^2 - 4 kappa / tau)) / 2
falls in kappa and rises in tau; observing a defection or conflict lowers the
observer's belief in trustworthiness.
"""

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symtrust import check, decide
from symtrust.games.continuous_types.cutoffs import numeric_cutoffs


@pytest.fixture(scope="module")
def D(derivation):
    """The derivation, derived once per session (tests/conftest.py)."""
    return derivation("ch2_security_dilemma")


def _sym(result, name):
    return next(s for s in result.parameters if s.name == name)


def test_two_type_threshold_formula(D):
    th = D.result("minimum trust threshold (two types)")
    c_i, w, t_T = (_sym(th, n) for n in ("c_i", "w", "t_T"))
    assert sympy.simplify(th.value - (c_i - w) / (1 - t_T + c_i - w)) == 0
    assert th.direction == ">="


def test_threshold_statics_signs_are_proved(D):
    signs = {
        n: D.result(f"threshold statics in {n}").sign for n in ("c", "w", "t_T", "m")
    }
    assert signs == {
        "c": "increasing",
        "w": "decreasing",
        "t_T": "increasing",
        "m": "decreasing",
    }
    cs = D.result("threshold statics in m")
    c, m, w, t_T = (_sym(cs, n) for n in ("c", "m", "w", "t_T"))
    expected = (2 * c * (1 - m) - w) / (1 - t_T + 2 * c * (1 - m) - w)
    assert sympy.simplify(cs.quantity - expected) == 0


@settings(max_examples=20)
@given(
    # kappa > 0: the cost ratio of the model
    st.fractions(min_value=0, max_value=2, max_denominator=20).filter(bool),
    st.fractions(min_value=0, max_value=1, max_denominator=20),
)
def test_minimum_trust_is_the_boundary_of_cooperation(D, kappa, u):
    result = D.result("minimum trust (continuous types)")
    kappa_sym = next(iter(result.value.free_symbols))
    kappa = sympy.Rational(kappa)
    expected = 4 * kappa / (1 + kappa) ** 2 if kappa < 1 else sympy.Integer(1)
    assert result.value.subs(kappa_sym, kappa) == expected
    # brute force at a trust level above / below the bound (w = 0, c = kappa)
    sol = D.result("symmetric cutoff equilibria")
    b, c, w = (_sym(sol[2], n) for n in ("b", "c", "w"))
    g = sol.game
    if expected < 1:
        above = expected + (1 - expected) * (sympy.Rational(u) + 1) / 3
        sol_above = numeric_cutoffs(g, None, {b: 1 / above, c: kappa, w: 0})
        assert any(eq.cooperative for eq in sol_above)
    if expected > sympy.Rational(1, 100):
        below = expected * (1 - (sympy.Rational(u) + 1) / 3)
        if below < 1:
            sol_below = numeric_cutoffs(g, None, {b: 1 / below, c: kappa, w: 0})
            assert not any(eq.cooperative for eq in sol_below)


def test_stable_cutoff_statics(D):
    up = D.result("stable cutoff statics in tau")
    down = D.result("stable cutoff statics in kappa")
    assert (down.sign, up.sign) == ("decreasing", "increasing")
    kappa, tau = _sym(down, "kappa"), _sym(up, "tau")
    expected = (1 + kappa + sympy.sqrt((1 + kappa) ** 2 - 4 * kappa / tau)) / 2
    point = {kappa: sympy.Rational(1, 10), tau: sympy.Rational(9, 10)}
    assert sympy.N(up.quantity.xreplace(point) - expected.xreplace(point), 40) == 0


def test_symmetric_existence_condition(D):
    sol = D.result("symmetric cutoff equilibria")
    b, c, w = (_sym(sol[2], n) for n in ("b", "c", "w"))
    k = c - w
    expected = sympy.And((1 + k) ** 2 >= 4 * b * k, k < 1)
    verdict = decide(sympy.Equivalent(sol.existence, expected), sol.game.assumptions)
    assert verdict.truth is True


def test_observer_posteriors_fall_below_the_prior(D):
    post = D.result("posterior after i defects")
    assert post.value["trustworthy, cooperates"] == 0
    h, b = _sym(post, "h"), _sym(post, "b")
    trustworthy = post.value["trustworthy, defects"]
    assert sympy.simplify(trustworthy - (1 - h) / (b - h)) == 0


def test_claims_are_proved(D):
    statuses = {cl.name: cl.prove(budget=10.0, examples=20).status for cl in D.claims}
    assert set(statuses.values()) == {"proved"}, statuses
    assert any(n.startswith("A:") for n in statuses)
    assert any(n.startswith("B:") for n in statuses)


def test_results_pass_their_numeric_twins(D):
    for name in (
        "symmetric cutoff equilibria",
        "asymmetric cutoff equilibria",
        "threshold statics in m",
        "stable cutoff statics in kappa",
    ):
        rep = check(D.result(name), max_examples=10)
        assert rep.passed is True, (name, rep)
