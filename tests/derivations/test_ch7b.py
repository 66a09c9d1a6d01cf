"""Kreps' trust game as trees (chapters 1 and 7, reconstruction) against hand answers.

The formulas are typed here only to check what the tree solvers derived:

* complete information: the trustee honours iff h >= a, the investor then
  trusts (r > 0 > -s);
* a private type (trustworthy with prior pi, a_t < h < a_u): trusting gives
  pi r - (1 - pi) s, not trusting 0, so the threshold is mu = s / (r + s);
* a costly gesture (k_t < k_u): the separating equilibrium needs the
  trustworthy type to gain from it, h - k_t >= 0, and the opportunist not to
  mimic, a_u - k_u <= 0; whatever the prior.
"""

import pytest
import sympy

from symtrust import interval, positive, real
from symtrust.core.exact import substitute_condition

pi = interval("pi", 0, 1, left_open=True, right_open=True)
r, s, h, k_t, k_u = positive("r s h k_T k_U")
a, a_t, a_u = real("a a_T a_U")


@pytest.fixture(scope="module")
def D(derivation):
    """The derivation, derived once per session (tests/conftest.py)."""
    return derivation("ch7b_trust_game_tree")


def test_complete_information_rules(D):
    rules = D.result("backward induction, complete information")
    assert rules.rule("trust", "honor") == (h >= a)
    assert rules.rule("root", "trust") == (h >= a)
    ties = [eq for eq in D.result("subgame-perfect equilibria, complete information")]
    assert [eq.tie for eq in ties] == [False, False, True, True]


def test_the_threshold_is_s_over_r_plus_s(D):
    values = D.result("the investor's action values").value
    assert sympy.simplify(values["trust"] - (pi * r - (1 - pi) * s)) == 0
    trusting, wary = D.result("perfect Bayesian equilibria, incomplete information")
    mu = s / (r + s)
    for point in (
        {pi: sympy.Rational(1, 3), r: 1, s: 1},
        {pi: sympy.Rational(3, 4), r: 2, s: 3},
    ):
        assert substitute_condition(trusting.condition, point) == (
            point[pi] >= mu.xreplace(point)
        )
        assert substitute_condition(wary.condition, point) == (
            point[pi] <= mu.xreplace(point)
        )


def test_separating_gesture_exactly_where_by_hand(D):
    separating = [
        eq
        for eq in D.result("perfect Bayesian equilibria with a gesture")
        if eq.is_pure
        and eq.action("trustee trustworthy") == "gesture"
        and eq.action("trustee opportunist") == "none"
    ]
    (eq,) = separating
    point = {pi: sympy.Rational(1, 5), r: 1, s: 1, h: 2, a_t: 0, a_u: 3}
    for kt, ku, expected in ((1, 4, True), (3, 4, False), (1, 2, False)):
        at = {**point, k_t: kt, k_u: ku}
        assert substitute_condition(eq.condition, at) is expected, at
    after = D.result("belief after a gesture (separating)").value
    assert after["trustworthy/gesture"] == 1


def test_every_claim_is_proved(D):
    for claim in D.claims:
        assert claim.prove().status == "proved", claim.name
