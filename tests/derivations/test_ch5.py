"""Chapter 5 derivation (reconstruction) against the expected formulas.

Typed here only to check what the engine derived: the threshold
mu = (c - w) / (1 - t + c - w); the small state's index
Q_s = (m pi_h + (n - 2) s pi_s) / (1 - s) with s = (1 - m) / (n - 1); the
hegemon's index pi_s; dQ_s/dm = (n - 1)(n - 2)(pi_h - pi_s) / (n - 2 + m)^2;
the weakest-link indices pi_h pi_s^(n - 2) and pi_s^(n - 1).
"""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symtrust import check, decide


@pytest.fixture(scope="module")
def D(derivation):
    """The derivation, derived once per session (tests/conftest.py)."""
    return derivation("ch5_multilateral")


# the derivation's game and its parameters
@pytest.fixture(scope="module")
def GAME(D):
    return D.models[0]


@pytest.fixture(scope="module")
def H(GAME):
    return GAME.actor("hegemon")


@pytest.fixture(scope="module")
def SM(GAME):
    return GAME.actor("small")


@pytest.fixture(scope="module")
def n(GAME):
    return GAME.size


@pytest.fixture(scope="module")
def m(H):
    return H.power


@pytest.fixture(scope="module")
def pi_h(H):
    return H.trust


@pytest.fixture(scope="module")
def pi_s(SM):
    return SM.trust


@pytest.fixture(scope="module")
def t(H):
    return H.temptation


@pytest.fixture(scope="module")
def c(H):
    return H.cost


@pytest.fixture(scope="module")
def w(GAME):
    return GAME.w


@pytest.fixture(scope="module")
def MU(c, w, t):
    return (c - w) / (1 - t + c - w)


@pytest.fixture(scope="module")
def Q_S(m, n, pi_h, pi_s):
    s_power = (1 - m) / (n - 1)
    return (m * pi_h + (n - 2) * s_power * pi_s) / (1 - s_power)


def test_thresholds(D, MU):
    for name in ("threshold of the hegemon", "threshold of a small state"):
        assert sympy.simplify(D.result(name).value - MU) == 0


def test_cooperation_conditions_and_full_cooperation(D, GAME, pi_s, MU, Q_S):
    assume = GAME.assumptions
    hegemon = D.result("hegemon cooperates").condition
    small = D.result("small state cooperates").condition
    full = D.result("full cooperation").condition
    assert decide(sympy.Equivalent(hegemon, pi_s >= MU), assume).truth is True
    assert decide(sympy.Equivalent(small, Q_S >= MU), assume).truth is True
    target = sympy.And(pi_s >= MU, Q_S >= MU)
    assert decide(sympy.Equivalent(full, target), assume).truth is True


def test_largest_cooperative_equilibrium_cases(D, GAME, pi_s, MU, Q_S):
    sol = D.result("largest cooperative equilibrium")
    assert sorted(r.cooperators for r in sol) == [(), (), ("hegemon", "small")]
    (coop,) = [r for r in sol if r.cooperators]
    target = sympy.And(pi_s >= MU, Q_S >= MU)
    assert decide(sympy.Equivalent(coop.condition, target), GAME.assumptions).truth


def test_statics_in_hegemon_power(D, n, m, pi_h, pi_s):
    small = D.result("small state: statics in m")
    expected = (n - 1) * (n - 2) * (pi_h - pi_s) / (n - 2 + m) ** 2
    assert sympy.simplify(small.index_slope - expected) == 0
    assert small.threshold_slope == 0
    hegemon = D.result("hegemon: statics in m")
    assert hegemon.index_slope == 0


def test_every_claim_is_proved(D):
    statuses = {cl.name: cl.prove().status for cl in D.claims}
    assert set(statuses.values()) == {"proved"}, statuses
    names = " ".join(statuses)
    assert "integer n" in names and "real n" in names


def test_claim_c_is_stated_with_integer_n(D):
    claim = D.claims[0]
    integers = [s for s in claim.statement.free_symbols if s.is_integer]
    assert [str(s) for s in integers] == ["n"]
    assert D.claims[1].statement.free_symbols.isdisjoint(integers)


def test_anchoring_example(D):
    anchored = D.result("anchoring example: largest cooperative set")
    assert [r.cooperators for r in anchored] == [("hegemon", "small")]
    assert D.result("anchoring example: small states alone").condition is sympy.false


@settings(max_examples=20)
@given(
    k=st.integers(3, 9),
    ph=st.fractions(0, 1, max_denominator=10),
    ps=st.fractions(0, 1, max_denominator=10),
)
def test_weakest_link_condition_at_points(D, n, m, pi_h, pi_s, t, c, w, k, ph, ps):
    cond = D.result("weakest link: full cooperation").condition
    point = {n: k, pi_h: ph, pi_s: ps, t: 0, c: 2, w: 1, m: sympy.Rational(1, 3)}
    point = {s: sympy.Rational(v) for s, v in point.items()}
    mu = Fraction(1, 2)
    expected = ps ** (k - 1) >= mu and ph * ps ** (k - 2) >= mu
    assert bool(cond.xreplace(point)) == expected


def test_weakest_link_failure_point_in_notes(D):
    # pi = 9/10, mu = 1/2: (9/10)^(n - 1) >= 1/2 fails first at n = 8
    first = next(k for k in range(3, 40) if Fraction(9, 10) ** (k - 1) < Fraction(1, 2))
    assert any(f"first fails at n = {first}" in note for note in D.notes)


def test_results_pass_their_numeric_twins(D):
    report = check(D.result("largest cooperative equilibrium"), max_examples=6)
    assert report.passed is True, report
    report = check(D.result("full cooperation"), max_examples=6)
    assert report.passed is True, report
