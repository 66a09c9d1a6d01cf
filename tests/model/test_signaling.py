"""Tests of signaling-game construction and validation."""

from fractions import Fraction

import pytest
import sympy

from symtrust import interval, positive, probability, signaling_game
from symtrust.catalog import beer_quiche, job_market
from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import check_probability
from symtrust.games.signaling.model import SignalingGame

T, M, A = ("a", "b"), ("x", "y"), ("u", "v")
HALF = Fraction(1, 2)


def zero_payoffs():
    return {(t, m, a): (0, 0) for t in T for m in M for a in A}


def test_valid_game_fields():
    p = probability("p")
    u = {(t, m, a): (int(a == "u"), int(t == "a")) for t in T for m in M for a in A}
    g = signaling_game(T, M, A, u, prior={"a": p, "b": 1 - p}, name="g")
    assert isinstance(g, SignalingGame)
    assert g.prior == (p, 1 - p)
    assert g.u_S("b", "y", "u") == 1 and g.u_S("b", "y", "v") == 0
    assert g.u_R("a", "x", "v") == 1 and g.u_R("b", "x", "v") == 0
    assert g.parameters == frozenset({p})
    assert "g" in str(g)


def test_prior_as_sequence_and_fraction():
    g = signaling_game(T, M, A, zero_payoffs(), prior=[Fraction(1, 3), Fraction(2, 3)])
    assert g.prior == (sympy.Rational(1, 3), sympy.Rational(2, 3))


def test_symbolic_prior_summing_to_one_under_assumptions():
    p, q = probability("p q")
    g = signaling_game(
        T, M, A, zero_payoffs(), prior=[p, q], assumptions=[sympy.Eq(p + q, 1)]
    )
    assert g.prior == (p, q)


@pytest.mark.parametrize(
    ("types", "messages", "actions", "match"),
    [
        ((), M, A, "types must not be empty"),
        (T, (), A, "messages must not be empty"),
        (T, M, (), "actions must not be empty"),
        (("a", "a"), M, A, "duplicate"),
        (T, "xy", A, "messages must be a sequence of names, got 'xy'"),
        (T, M, ("u", 3), "actions: names must be nonempty strings, got 3"),
    ],
)
def test_bad_names(types, messages, actions, match):
    with pytest.raises(ModelError, match=match):
        signaling_game(types, messages, actions, zero_payoffs(), prior=[HALF, HALF])


def test_missing_and_unknown_payoffs():
    u = zero_payoffs()
    del u[("a", "x", "u")]
    with pytest.raises(ModelError, match=r"no payoff given for \('a', 'x', 'u'\)"):
        signaling_game(T, M, A, u, prior=[HALF, HALF])
    u = zero_payoffs()
    u[("c", "x", "u")] = (0, 0)
    with pytest.raises(ModelError, match=r"payoff key .'c', 'x', 'u'. is not a"):
        signaling_game(T, M, A, u, prior=[HALF, HALF])


@pytest.mark.parametrize(
    ("value", "match"),
    [
        (("1", 0), "string '1'"),
        ((0.5, 0), "float 0.5"),
        ((0,), "has 1 entries"),
        ("ab", "must be a pair"),
    ],
)
def test_bad_payoff_values(value, match):
    u = zero_payoffs()
    u[("b", "y", "v")] = value
    with pytest.raises(ModelError, match=match):
        signaling_game(T, M, A, u, prior=[HALF, HALF])


def test_prior_outside_unit_interval():
    with pytest.raises(ModelError, match=r"prior of type 'a' is 3/2, outside \[0, 1\]"):
        signaling_game(T, M, A, zero_payoffs(), prior=[Fraction(3, 2), -HALF])
    c = positive("c")
    with pytest.raises(ModelError, match="prior of type 'a' is c, which is above 1"):
        signaling_game(T, M, A, zero_payoffs(), prior=[c, 1 - c])


def test_prior_must_sum_to_one():
    with pytest.raises(ModelError, match="priors sum to 5/6, not 1"):
        signaling_game(T, M, A, zero_payoffs(), prior=[HALF, Fraction(1, 3)])
    p = probability("p")
    with pytest.raises(ModelError, match=r"priors sum to 2\*p, which differs from 1"):
        signaling_game(T, M, A, zero_payoffs(), prior=[p, p])


def test_prior_mapping_errors():
    with pytest.raises(ModelError, match="unknown type 'z'"):
        signaling_game(T, M, A, zero_payoffs(), prior={"a": HALF, "z": HALF})
    with pytest.raises(ModelError, match=r"no probability for types \['b'\]"):
        signaling_game(T, M, A, zero_payoffs(), prior={"a": 1})
    with pytest.raises(ModelError, match="prior has 3 entries"):
        signaling_game(T, M, A, zero_payoffs(), prior=[HALF, HALF, 0])


def test_beliefs_outside_unit_interval_rejected():
    with pytest.raises(ModelError, match=r"belief is -1/3, outside \[0, 1\]"):
        check_probability(Fraction(-1, 3), "belief")
    m = interval("m", 1, 2, left_open=True)
    with pytest.raises(ModelError, match="which is above 1"):
        check_probability(m, "belief")
    assert check_probability(probability("r"), "belief") == probability("r")


def test_unknown_names_in_lookups_and_subs():
    g = beer_quiche()
    with pytest.raises(ModelError, match="unknown message 'wine'"):
        g.u_S("weak", "wine", "duel")
    with pytest.raises(ModelError, match="unknown type 'medium'"):
        g.prior_of("medium")
    jm = job_market()
    q = next(s for s in jm.parameters if s.name == "q")
    with pytest.raises(ModelError, match="float"):
        jm.subs({q: 0.5})


def test_catalog_published_payoffs():
    # Cho and Kreps (1987): weak prefers quiche, strong beer; avoiding a duel is worth 2
    g = beer_quiche()
    assert g.prior_of("weak") == sympy.Rational(1, 10)
    assert g.u_S("weak", "quiche", "not") == 3
    assert g.u_S("strong", "quiche", "not") == 2
    assert g.u_R("weak", "beer", "duel") == 1
    assert g.u_R("strong", "beer", "duel") == 0
