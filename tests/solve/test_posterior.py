"""Bayes' rule over finite types: symbolic posteriors against exact arithmetic.

The twin here is written independently: posteriors from the joint
distribution with ``fractions.Fraction``, never through symtrust.
"""

import dataclasses
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import check, decide, probability
from symtrust.errors import ModelError
from symtrust.games.bayesian.posterior import (
    likelihood_of,
    posterior,
    posterior_after,
)
from symtrust.games.bayesian.typemap import TypeMap

a, b, l1, l2, l3 = probability("a b l1 l2 l3")
TYPES = ("H", "M", "L")
# a symbolic prior over three types that sums to one by construction
PRIOR = {"H": a, "M": (1 - a) * b, "L": (1 - a) * (1 - b)}
LIK = {"H": l1, "M": l2, "L": l3}
SYMBOLIC = posterior(PRIOR, LIK)

unit = st.fractions(min_value=0, max_value=1, max_denominator=9)


def _frac(x) -> Fraction:
    # exact: nsimplify would turn a rational such as 1215/2159 into powers
    assert isinstance(x, sympy.Rational), x
    return Fraction(int(x.p), int(x.q))


def _by_hand(prior: dict, lik: dict) -> dict | None:
    """Posterior from the joint distribution, in Fractions; None if Pr(o) = 0."""
    joint = {k: prior[k] * lik[k] for k in prior}
    total = sum(joint.values())
    if total == 0:
        return None
    return {k: v / total for k, v in joint.items()}


@given(unit, unit, unit, unit, unit)
def test_posterior_matches_joint_distribution(va, vb, v1, v2, v3):
    point = {a: va, b: vb, l1: v1, l2: v2, l3: v3}
    point = {k: sympy.Rational(v.numerator, v.denominator) for k, v in point.items()}
    prior = {k: _frac(v.xreplace(point)) for k, v in PRIOR.items()}
    lik = {k: _frac(v.xreplace(point)) for k, v in LIK.items()}
    expected = _by_hand(prior, lik)
    holds = SYMBOLIC.condition.xreplace(point)
    if expected is None:
        assert holds is sympy.false
        return
    assert holds is sympy.true
    for k in TYPES:
        assert _frac(SYMBOLIC[k].xreplace(point)) == expected[k]


def test_posterior_sums_to_one_and_condition_is_positive_marginal():
    assert sympy.cancel(sum(SYMBOLIC.value.values())) == 1
    # Pr(o) > 0, as a condition on the parameters
    marginal = sympy.expand(sum(PRIOR[k] * LIK[k] for k in TYPES))
    assert sympy.expand(SYMBOLIC.marginal - marginal) == 0
    assert [s.label for s in SYMBOLIC.steps][:3] == [
        "joint Pr(type, observation)",
        "marginal Pr(observation)",
        "posterior Pr(type | observation)",
    ]


t, s = probability("t s")
SIGNAL_HIGH = posterior({"H": t, "L": 1 - t}, {"H": s, "L": 1 - s})
SIGNAL_LOW = posterior({"H": t, "L": 1 - t}, {"H": 1 - s, "L": s})


@given(unit, unit)
def test_posterior_is_a_martingale(vt, vs):
    """Expected posterior over the two outcomes of a signal equals the prior."""
    point = {
        t: sympy.Rational(vt.numerator, vt.denominator),
        s: sympy.Rational(vs.numerator, vs.denominator),
    }
    expected_posterior = sympy.S.Zero
    for post in (SIGNAL_HIGH, SIGNAL_LOW):
        if post.condition.xreplace(point) is sympy.true:
            expected_posterior += post.marginal.xreplace(point) * post["H"].xreplace(
                point
            )
    assert expected_posterior == point[t]


def test_separating_play_reveals_the_type():
    post = posterior({"T": t, "U": 1 - t}, {"T": 0, "U": 1}, observation="D")
    assert post["T"] == 0 and post["U"] == 1
    assert post.condition == (t < 1)
    assert "after observing: D" in str(post)


def test_posterior_after_conflict_in_the_cooperative_equilibrium():
    t1, t2 = probability("t1 t2")
    play = [{"T": "C", "U": "D"}, {"T": "C", "U": "D"}]
    prior = [{"T": t1, "U": 1 - t1}, {"T": t2, "U": 1 - t2}]
    conflict = {("C", "D"), ("D", "C"), ("D", "D")}
    post = posterior_after(play, conflict, prior=prior, description="conflict")
    assert post[("T", "T")] == 0
    # Pr(1 trustworthy | conflict) = t1 (1 - t2) / (1 - t1 t2)
    assert (
        sympy.simplify(
            post.probability(lambda k: k[0] == "T") - t1 * (1 - t2) / (1 - t1 * t2)
        )
        == 0
    )
    assert post.prior_probability([("T", "T")]) == t1 * t2
    # the predicate and the tuple-with-wildcard forms agree
    one_defects = posterior_after(play, ("D", None), prior=prior)
    assert sympy.simplify(one_defects.probability(lambda k: k[0] == "T")) == 0


def test_posterior_after_mixed_play_matches_hand_computation():
    # trustworthy cooperates for sure, untrustworthy cooperates with prob 1/3
    play = [{"T": "C", "U": {"C": sympy.Rational(1, 3), "D": sympy.Rational(2, 3)}}]
    post = posterior_after(play, ("C",), prior=[{"T": t, "U": 1 - t}])
    expected = t / (t + (1 - t) / 3)
    assert sympy.simplify(post[("T",)] - expected) == 0
    assert post.condition is sympy.true


def test_likelihood_is_a_result_checked_by_enumeration():
    s = probability("s")
    play = [{"T": "C", "U": {"C": s, "D": 1 - s}}, {"T": "C", "U": "D"}]
    lik = likelihood_of(play, lambda prof: "D" in prof)
    assert set(lik.value) == {("T", "T"), ("T", "U"), ("U", "T"), ("U", "U")}
    assert lik[("T", "T")] == 0 and lik[("T", "U")] == 1
    assert sympy.expand(lik[("U", "T")] - (1 - s)) == 0
    assert set(lik.observed) == {("C", "D"), ("D", "C"), ("D", "D")}
    assert check(lik, max_examples=20).passed is True
    wrong = dataclasses.replace(lik, value=lik.value.map(lambda v: v / 2))
    assert check(wrong, max_examples=20).passed is False
    with pytest.raises(ModelError, match="no strategy for type 'X'"):
        lik[("T", "X")]
    with pytest.raises(ModelError, match="there are 2 players"):
        lik[("T",)]


def test_typemap_is_hashable_and_printable():
    m = TypeMap.of({"H": a, "L": 1 - a})
    assert hash(m) == hash(TypeMap.of({"L": 1 - a, "H": a}))
    assert str(m) == "{H: a, L: 1 - a}"
    assert r"\mapsto" in sympy.latex(m)


# -- bad input ----------------------------------------------------------------


def test_prior_that_does_not_sum_to_one_is_refused():
    with pytest.raises(ModelError, match=r"prior sums to 2\*a, not 1"):
        posterior({"H": a, "L": a}, {"H": 1, "L": 1})
    with pytest.raises(ModelError, match="prior sums to 3/2, not 1"):
        posterior({"H": sympy.Rational(1, 2), "L": 1}, {"H": 1, "L": 1})


def test_probability_outside_unit_interval_is_refused():
    with pytest.raises(ModelError, match="likelihood of 'H' is 2, which is not in"):
        posterior({"H": a, "L": 1 - a}, {"H": 2, "L": 1})
    c = sympy.Symbol("c", positive=True)
    with pytest.raises(ModelError, match="likelihood of 'L' is c, which is not a prob"):
        posterior({"H": a, "L": 1 - a}, {"H": 1, "L": c})


def test_labels_must_match():
    with pytest.raises(ModelError, match=r"missing \['L'\], unknown \['X'\]"):
        posterior({"H": a, "L": 1 - a}, {"H": 1, "X": 1})


def test_inexact_or_textual_values_are_refused():
    with pytest.raises(ModelError, match=r"float 0\.5"):
        posterior({"H": 0.5, "L": 0.5}, {"H": 1, "L": 1})
    with pytest.raises(ModelError, match="prior of 'H' is the string 'a': strings are"):
        posterior({"H": "a", "L": 1 - a}, {"H": 1, "L": 1})
    with pytest.raises(ModelError, match="label 3 must be a nonempty string"):
        posterior({3: 1}, {3: 1})


def test_zero_probability_observation_is_refused():
    with pytest.raises(ModelError, match="probability 0 = 0 at every admissible"):
        posterior({"H": a, "L": 1 - a}, {"H": 0, "L": 0})


def test_posterior_after_needs_a_prior_and_a_sequence():
    with pytest.raises(ModelError, match="needs a prior"):
        posterior_after([{"T": "C"}], ("C",))
    with pytest.raises(ModelError, match="must be a sequence"):
        posterior_after({"T": "C"}, ("C",), prior=[{"T": 1}])
    with pytest.raises(ModelError, match="no strategy for type 'U'"):
        posterior_after([{"T": "C"}], ("C",), prior=[{"T": a, "U": 1 - a}])


def test_marginal_with_a_negative_denominator_keeps_its_sign():
    """Regression: a likelihood whose cancelled form has a negative denominator.

    The untrustworthy type mixes so that trust rises exactly to the threshold
    mu = (c - w) / (1 - t_T + c - w); the observation has positive probability
    whenever the prior pi is positive, and the posterior is mu.
    """
    from symtrust import interval, positive

    pi = probability("pi")
    c, w = positive("c w")
    t_low = interval("t_T", 0, 1, right_open=True)
    mu = (c - w) / (1 - t_low + c - w)
    mixing = pi * (1 - mu) / ((1 - pi) * mu)
    post = posterior(
        {"T": pi, "U": 1 - pi},
        {"T": 1, "U": mixing},
        assumptions=[c > w, mixing <= 1, pi < 1],
    )
    assert sympy.simplify(post["T"] - mu) == 0
    # positive probability exactly when pi > 0 (under the assumptions)
    assert decide(sympy.Equivalent(post.condition, pi > 0), post.assumptions).truth


def test_probabilities_undefined_somewhere_become_conditions():
    """a / (a + b) is a probability wherever it is defined: no error."""
    post = posterior({"H": a / (a + b), "L": b / (a + b)}, {"H": 1, "L": 0})
    assert post["H"] == 1
    held = post.condition.xreplace({a: sympy.Rational(1, 3), b: sympy.Rational(1, 2)})
    assert held is sympy.true
