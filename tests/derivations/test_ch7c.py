"""Starting small, one-sided and two-sided (ch. 7, reconstruction): the claims.

Every claim of the derivation must be proved (not merely undecided), and the
two results must pass their numeric twins.
"""

import pytest
import sympy

from symtrust import check, prove


@pytest.fixture(scope="module")
def D(derivation):
    """The derivation, derived once per session (tests/conftest.py)."""
    return derivation("ch7c_starting_small_two_sided")


def test_every_claim_proved(D):
    for claim in D.claims:
        assert prove(claim).truth is True, claim.name


def test_results_pass_their_twins(D):
    for name in ("one-sided starting small", "two-sided starting small"):
        assert check(D.result(name), max_examples=5).passed, name


def test_last_cutoffs_compared(D):
    one, two = (
        D.result("one-sided starting small"),
        D.result("two-sided starting small"),
    )
    assert one.cutoffs[-1] == 1
    assert two.rounds == one.rounds == 3
    # at exact admissible points the two-sided last cutoff is below the
    # one-sided one (the fear of exploitation adds defecting types)
    names = {str(s): s for s in two.cutoffs[-1].free_symbols}
    for c, a_2 in ((sympy.Rational(1, 40), 3), (sympy.Rational(1, 25), 2)):
        last = two.cutoffs[-1].xreplace({names["c"]: c, names["a_2"]: a_2})
        assert sympy.simplify(last - 1).is_negative, (c, a_2, last)
        assert sympy.simplify(last).is_positive
