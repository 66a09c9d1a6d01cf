"""Claims and proofs: textbook inequalities classified, checked two ways.

Every proved claim is re-checked at random exact admissible points (drawn by
construction with symtrust.testing.points); every refutation's counterexample
is checked by exact substitution here, independently of the prover; random
quadratic inequalities on intervals are compared with their exact truth
computed from the vertex and the endpoints.
"""

from __future__ import annotations

import time
import warnings

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from sympy import Rational, sqrt

import symtrust
from symtrust import (
    Claim,
    decreasing,
    holds_whenever,
    implies,
    increasing,
    interval,
    nonnegative,
    positive,
    probability,
    prove,
    real,
)
from symtrust.core.exact import substitute_condition
from symtrust.errors import ClaimError
from symtrust.testing import points
from symtrust.verify.claims import ClaimWarning, same_sign
from symtrust.verify.proof import Proof

a, b = nonnegative("a b")
x, y, z, w4 = positive("x y z w4")
u = real("u")
p = probability("p")
c, w = positive("c w")
t_good = interval("t_T", 0, 1, right_open=True)
mu = (c - w) / (1 - t_good + c - w)

TRUE_CLAIMS = {
    "AM-GM, two terms": Claim((a + b) / 2 >= sqrt(a * b)),
    "AM-GM, three terms (cubed)": Claim((x + y + z) ** 3 >= 27 * x * y * z),
    "square": Claim(u**2 - 2 * u + 1 >= 0),
    "x/(1+x) < 1": Claim(u / (1 + u) < 1, [u > 0]),
    "Cauchy-Schwarz": Claim((x**2 + y**2) * (z**2 + w4**2) >= (x * z + y * w4) ** 2),
    "subadditive root": Claim(sqrt(x + y) <= sqrt(x) + sqrt(y)),
    "threshold is a probability": Claim(
        sympy.And(mu > 0, mu < 1), [c > w], name="0 < mu < 1"
    ),
    "Motzkin": Claim(x**4 * y**2 + x**2 * y**4 - 3 * x**2 * y**2 + 1 >= 0),
    "probability square": Claim(p**2 <= p),
    "piecewise floor": Claim(sympy.Piecewise((u, u > 1), (1, True)) >= 1),
}

FALSE_CLAIMS = {
    "x^2 > x on [0, 1]": Claim(p**2 > p),
    "strict AM-GM": Claim((a + b) / 2 > sqrt(a * b)),
    "x/(1+x) < 1/2": Claim(u / (1 + u) < Rational(1, 2), [u > 0]),
    "gap exceeds one": Claim(c - w > 1, [c > w]),
    "threshold rises in w": increasing(mu, w, [c > w]),
    "zero denominator": Claim(1 / (p - Rational(1, 2)) > -10),
}


@pytest.fixture(scope="module")
def PROOFS():
    """The true claims, each proved once for the module (not at import)."""
    return {
        name: claim.prove(budget=10.0, examples=20)
        for name, claim in TRUE_CLAIMS.items()
    }


@pytest.mark.parametrize("name", sorted(TRUE_CLAIMS))
def test_known_true_inequalities_are_proved(PROOFS, name):
    proof = PROOFS[name]
    assert proof.status == "proved", (name, proof.reason)
    assert proof.truth is True and proof.counterexample is None
    assert proof.steps[0].label == "claim"


@pytest.mark.parametrize("name", sorted(FALSE_CLAIMS))
def test_known_false_inequalities_are_refuted_with_checked_counterexamples(name):
    claim = FALSE_CLAIMS[name]
    proof = claim.prove(budget=10.0)
    assert proof.status == "refuted" and proof.truth is False, (name, proof.reason)
    point = proof.counterexample
    assert all(isinstance(v, sympy.Rational) for v in point.values())
    # independent exact check: admissible, and the statement fails or is undefined
    assert claim.assumptions.holds_at(point)
    held = substitute_condition(claim.statement, point)
    if held is None:
        # undefined there: a side evaluates to complex infinity or nan
        sides = (claim.statement.lhs, claim.statement.rhs)
        assert any(e.xreplace(point).has(sympy.zoo, sympy.nan) for e in sides)
    else:
        assert held is False


@given(st.data())
def test_proved_claims_hold_at_random_admissible_points(data):
    name = data.draw(st.sampled_from(sorted(TRUE_CLAIMS)))
    claim = TRUE_CLAIMS[name]
    point = data.draw(points(claim.assumptions, claim.parameters))
    assert claim.assumptions.holds_at(point)
    assert substitute_condition(claim.statement, point) is True, (name, point)


fractions = st.fractions(min_value=-4, max_value=4, max_denominator=6).map(
    lambda f: Rational(f.numerator, f.denominator)
)


def _quadratic_min(qa, qb, qc, lo, hi):
    """Exact minimum of qa*x**2 + qb*x + qc on [lo, hi] (vertex and endpoints)."""
    candidates = [lo, hi]
    if qa != 0:
        vertex = -qb / (2 * qa)
        if lo <= vertex <= hi:
            candidates.append(vertex)
    return min(qa * v**2 + qb * v + qc for v in candidates)


@given(fractions, fractions, fractions, fractions, fractions)
def test_random_quadratics_on_intervals_match_their_exact_minimum(qa, qb, qc, e1, e2):
    lo, hi = min(e1, e2), max(e1, e2)
    v = real("v")
    claim = Claim(qa * v**2 + qb * v + qc >= 0, [v >= lo, v <= hi])
    truth = bool(_quadratic_min(qa, qb, qc, lo, hi) >= 0)
    proof = claim.prove(budget=10.0, examples=0)
    assert proof.truth is truth, (claim.statement, lo, hi, proof.reason)
    if truth is False:
        point = proof.counterexample
        assert lo <= point[v] <= hi
        assert qa * point[v] ** 2 + qb * point[v] + qc < 0


def test_hard_claim_with_small_budget_is_undecided_not_false():
    power_mean = Claim(
        (x**5 + y**5 + z**5 + w4**5) / 4 >= ((x + y + z + w4) / 4) ** 5,
        name="power mean, degree 5",
    )
    start = time.perf_counter()
    proof = power_mean.prove(budget=0.3, examples=20)
    elapsed = time.perf_counter() - start
    assert proof.truth is None and proof.status == "undecided"
    assert proof.counterexample is None
    assert proof.reason
    assert proof.evidence.tried > 0
    assert proof.evidence.held == proof.evidence.tried
    # the budget bounds z3; SymPy steps and sampling add little
    assert elapsed < 15


def test_unsupported_functions_are_undecided_with_evidence():
    proof = prove(sympy.exp(x) > x)
    assert proof.truth is None
    assert "exp" in proof.reason
    assert proof.evidence.tried > 0 and proof.evidence.held == proof.evidence.tried


def test_undecided_claim_that_fails_at_a_sample_is_refuted_exactly():
    # z3 cannot translate exp; the random points find where it fails
    proof = prove(sympy.exp(x) > 2, examples=50)
    assert proof.truth is False
    point = proof.counterexample
    assert point[x] > 0 and sympy.exp(point[x]) <= 2


def test_comparative_statics_of_the_threshold():
    # Kydd ch. 2: the minimum trust threshold mu = (c - w) / (1 - t_T + c - w)
    assumptions = [c > w]
    assert increasing(mu, c, assumptions).prove().status == "proved"
    assert decreasing(mu, w, assumptions).prove().status == "proved"
    assert increasing(mu, t_good, assumptions).prove().status == "proved"
    proof = decreasing(mu, c, assumptions).prove()
    assert proof.status == "refuted"
    point = proof.counterexample
    slope = sympy.diff(mu, c).xreplace(point)
    assert slope >= 0 and point[c] > point[w] > 0


def test_implications_and_signs():
    assert implies(p > Rational(1, 2), p**2 > p / 2).prove().truth is True
    assert holds_whenever(p**2 > p / 2, p > Rational(1, 2)).prove().truth is True
    assert implies(p > 0, p > Rational(1, 2)).prove().truth is False
    q = probability("q")
    assert same_sign(2 * (p - q) / (1 + p), p - q).prove().truth is True
    assert same_sign((p - q) * (p + q - 1), p - q).prove().truth is False


def test_bare_expressions_and_strings_are_claim_errors():
    with pytest.raises(ClaimError, match="bare expression"):
        Claim(x + 1)
    with pytest.raises(ClaimError, match="string"):
        Claim("x > 0")
    with pytest.raises(ClaimError, match="bare expression"):
        prove(x**2)
    with pytest.raises(ClaimError, match="assumption"):
        Claim(x > 0, [x + 1])
    with pytest.raises(ClaimError, match="wrt"):
        increasing(x**2, x + 1)
    with pytest.raises(ClaimError, match="budget"):
        prove(x > 0, budget=0)
    with pytest.raises(ClaimError, match="examples"):
        prove(x > 0, examples=-1)


def test_unconstrained_plain_symbols_warn():
    s = sympy.Symbol("s")
    with pytest.warns(ClaimWarning, match="no assumption constrains s"):
        Claim(s**2 >= 0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Claim(s**2 >= 0, [s > -1])
        Claim(u**2 >= 0)  # a symtrust parameter states its domain


def test_proof_is_three_valued_and_prints(PROOFS):
    proof = PROOFS["AM-GM, two terms"]
    assert isinstance(proof, Proof) and isinstance(proof, symtrust.results.Result)
    with pytest.raises(TypeError, match="three-valued"):
        bool(proof)
    text = str(proof)
    assert "status: proved" in text
    assert "\\frac" in sympy.latex(FALSE_CLAIMS["x/(1+x) < 1/2"].prove())


def test_prove_adds_assumptions_to_a_claim():
    claim = Claim(c - w > 0)
    assert claim.prove().truth is False
    assert prove(claim, [c > w]).truth is True


def test_numeric_twin_agrees_with_proofs(PROOFS):
    for name in ("AM-GM, two terms", "threshold is a probability"):
        report = symtrust.check(PROOFS[name], max_examples=10)
        assert report.passed is True, report
    refuted = FALSE_CLAIMS["gap exceeds one"].prove()
    assert symtrust.check(refuted, max_examples=5).passed is True


def test_numeric_twin_catches_a_wrong_verdict():
    wrong = Proof(
        value=p**2 > p,
        claim=Claim(p**2 > p),
        status="proved",
        truth=True,
        reason="forged for this test",
    )
    report = symtrust.check(wrong, max_examples=20)
    assert report.passed is False
    point = report.counterexample
    assert point[p] ** 2 <= point[p]
