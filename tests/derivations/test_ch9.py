"""The shadow of the future (ch9 derivation) against hand answers.

Typed here only to check what the engine derived:

* grim trigger in the Prisoner's Dilemma: delta >= (T - R)/(T - P);
* the repeated Security Dilemma with grim trigger against always defect:
  opening with cooperation against a trustworthy state is worth 1/(1 - delta)
  against t_T - delta w/(1 - delta) for defecting; against an untrustworthy
  one it costs c - w once. So mu = (c - w)/((c - w) + (1 + delta w)/(1 - delta) - t_T),
  the one-shot threshold (c - w)/(c - w + 1 - t_T) at delta = 0;
* an untrustworthy state always defects against grim trigger iff
  t_U - delta w/(1 - delta) > 1/(1 - delta), i.e. delta < (t_U - 1)/(t_U + w).
"""

import pytest
import sympy

from symtrust import check


@pytest.fixture(scope="module")
def D(derivation):
    """The derivation, derived once per session (tests/conftest.py)."""
    return derivation("ch9_shadow_of_the_future")


def _by_name(obj, name):
    return next(s for s in obj.parameters if s.name == name)


def test_grim_trigger_threshold(D):
    grim = D.result("grim trigger: minimum discount factor")
    R, T, P = (_by_name(grim, n) for n in "RTP")
    assert sympy.simplify(grim.value - (T - R) / (T - P)) == 0


def test_repeated_security_dilemma_threshold_by_hand(D):
    r = D.result("minimum trust threshold, repeated Security Dilemma")
    t, c, w, d = (_by_name(r, n) for n in ("t_T", "c", "w", "delta"))
    hand = (c - w) / ((c - w) + (1 + d * w) / (1 - d) - t)
    assert sympy.simplify(r.value - hand) == 0
    one_shot = D.result("minimum trust threshold, one-shot Security Dilemma")
    assert sympy.simplify(r.value.subs(d, 0) - one_shot.value) == 0
    tU = next(s for s in r.untrustworthy_defects.free_symbols if s.name == "t_U")
    want = d < (tU - 1) / (tU + w)
    for point in (
        {tU: 2, w: 1, d: sympy.Rational(1, 4)},
        {tU: 3, w: 1, d: sympy.Rational(1, 2)},
    ):
        assert r.untrustworthy_defects.xreplace(point) == want.xreplace(point)


def test_claims_are_proved(D):
    for claim in D.claims:
        assert claim.prove().status == "proved", claim.name


def test_repeated_threshold_twin(D):
    r = D.result("minimum trust threshold, repeated Security Dilemma")
    assert check(r, max_examples=10).passed is True
