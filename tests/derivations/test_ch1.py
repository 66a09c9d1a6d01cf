"""Chapter 1 derivation against the book's formulas (Kydd 2005, ch. 1).

The formulas below are the book's, typed here only to check what the engine
derived: EU(C) = 4 t + 1 (1 - t), EU(D) = 3 t + 2 (1 - t), t* = 1/2, the
general (P - S) / ((R - T) + (P - S)), the cooperative equilibrium iff both
trusts are at least 1/2, all-defect always, and the observer's posterior that
both are trustworthy falling after conflict.
"""

import pytest
import sympy
from hypothesis import given

from symtrust import check, decide, probability, real
from symtrust.testing import points

t1, t2 = probability("t1 t2")
R, S, T, P = real("R S T P")
HALF = sympy.Rational(1, 2)
BOTH = ("trustworthy", "trustworthy")


@pytest.fixture(scope="module")
def D(derivation):
    """The derivation, derived once per session (tests/conftest.py)."""
    return derivation("ch1_assurance_vs_pd")


def test_untrustworthy_type_defects_dominantly(D):
    (dom,) = D.result("untrustworthy type: dominance")
    assert (dom.dominant, dom.dominated, dom.strict) == ("D", "C", True)
    assert dom.condition is sympy.true


def test_expected_payoffs_of_the_trustworthy_type(D):
    eu_c = D.result("EU(C) of the trustworthy row player").value
    eu_d = D.result("EU(D) of the trustworthy row player").value
    # the row player's trust in column is t2
    assert sympy.expand(eu_c - (4 * t2 + 1 * (1 - t2))) == 0
    assert sympy.expand(eu_d - (3 * t2 + 2 * (1 - t2))) == 0


def test_minimum_trust_threshold_is_one_half(D):
    for name, trust in (("row", t2), ("column", t1)):
        th = D.result(f"minimum trust threshold ({name})")
        assert th.value == HALF
        assert th.direction == ">="
        assert th.trust == trust
        assert th.cooperates == (trust >= HALF)


def test_general_threshold_and_its_conditions(D):
    th = D.result("general minimum trust threshold")
    assert sympy.simplify(th.value - (P - S) / ((R - T) + (P - S))) == 0
    assert th.direction == ">="
    assert th.condition is sympy.true  # valid everywhere under R > T, P > S
    assert set(th.assumptions.conditions) >= {R > T, P > S}


def test_bayesian_nash_equilibria(D):
    sol = D.result("Bayesian Nash equilibria")
    assert len(sol) == 2
    coop, defect = sol
    assert [coop.action(p, "trustworthy") for p in ("row", "column")] == ["C", "C"]
    assert [coop.action(p, "untrustworthy") for p in ("row", "column")] == ["D", "D"]
    book = sympy.And(t1 >= HALF, t2 >= HALF)
    assert decide(sympy.Equivalent(coop.condition, book), coop.assumptions).truth
    assert all(a == "D" for s in defect.strategies for a in s.values())
    assert defect.condition is sympy.true


def test_observer_posterior_after_conflict_falls(D):
    post = D.result("posterior after conflict, cooperative equilibrium")
    assert post.probability(lambda k: k == BOTH) == 0
    assert post.prior_probability(lambda k: k == BOTH) == t1 * t2
    flat = D.result("posterior after conflict, all-defect equilibrium")
    assert flat.probability(lambda k: k == BOTH) == t1 * t2  # uninformative
    defects = D.result("posterior after row defects, cooperative equilibrium")
    assert defects.probability(lambda k: k[0] == "trustworthy") == 0


@given(points([t1 >= HALF, t2 >= HALF, t1 * t2 < 1], [t1, t2]))
def test_posterior_after_conflict_by_hand(D, point):
    """Pr(both trustworthy | conflict) by the joint distribution: zero."""
    post = D.result("posterior after conflict, cooperative equilibrium")
    a, b = point[t1], point[t2]
    joint_conflict = {
        ("trustworthy", "untrustworthy"): a * (1 - b),
        ("untrustworthy", "trustworthy"): (1 - a) * b,
        ("untrustworthy", "untrustworthy"): (1 - a) * (1 - b),
    }
    total = sum(joint_conflict.values())
    for types, joint in joint_conflict.items():
        assert post[types].xreplace(point) == joint / total
    assert post[BOTH].xreplace(point) == 0 < a * b


def test_claims_are_proved(D):
    names = [c.name for c in D.claims]
    assert any(n.startswith("A:") for n in names)
    assert any(n.startswith("B:") for n in names)
    for claim in D.claims:
        proof = claim.prove()
        assert proof.status == "proved", (claim.name, proof)


@pytest.mark.parametrize(
    "name",
    [
        "EU(C) of the trustworthy row player",
        "minimum trust threshold (row)",
        "general minimum trust threshold",
        "Bayesian Nash equilibria",
        "posterior after conflict, cooperative equilibrium",
    ],
)
def test_results_pass_their_numeric_twins(D, name):
    report = check(D.result(name), max_examples=20)
    assert report.passed is True, report
