"""Tests of multilateral trust games: validation and aggregation over groups."""

from fractions import Fraction
from functools import cache

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from sympy import Interval, Rational, S

from symtrust.catalog import hegemony_game
from symtrust.core.parameters import Parameter, interval, positive, probability
from symtrust.errors import ModelError
from symtrust.kydd.multilateral.model import actor, multilateral_game

R = Rational
HALF = R(1, 2)


def _two(power_a=HALF, power_b=HALF, **kw):
    a = actor("a", power=power_a, trust=R(1, 2), temptation=0, cost=2)
    b = actor("b", power=power_b, trust=R(1, 2), temptation=0, cost=2)
    return multilateral_game([a, b], w=1, greedy_temptation=2, **kw)


# -- bad input -------------------------------------------------------------


def test_powers_must_sum_to_one():
    with pytest.raises(ModelError, match=r"sum to one.*5/6"):
        _two(power_b=R(1, 3))


def test_symbolic_powers_must_sum_to_one_identically():
    m = interval("m", 0, 1, left_open=True, right_open=True)
    a = actor("a", power=m, trust=1, temptation=0, cost=2)
    b = actor("b", power=1 - m / 2, trust=1, temptation=0, cost=2)
    with pytest.raises(ModelError, match="sum to one"):
        multilateral_game([a, b], w=1, greedy_temptation=2)


def test_power_must_be_positive():
    with pytest.raises(ModelError, match="power=0 of 'a' must be positive"):
        _two(power_a=0, power_b=1)


def test_symbolic_power_without_positive_domain():
    x = sympy.Symbol("x", real=True)
    a = actor("a", power=x, trust=1, temptation=0, cost=2)
    b = actor("b", power=1 - x, trust=1, temptation=0, cost=2)
    with pytest.raises(ModelError, match="power=x of 'a' must be positive"):
        multilateral_game([a, b], w=1, greedy_temptation=2)


def test_trust_outside_unit_interval():
    a = actor("a", power=R(1, 2), trust=R(3, 2), temptation=0, cost=2)
    b = actor("b", power=R(1, 2), trust=1, temptation=0, cost=2)
    with pytest.raises(ModelError, match=r"trust=3/2 of 'a' must lie in \[0, 1\]"):
        multilateral_game([a, b], w=1, greedy_temptation=2)


def test_trustworthy_temptation_below_one():
    a = actor("a", power=R(1, 2), trust=1, temptation=1, cost=2)
    b = actor("b", power=R(1, 2), trust=1, temptation=0, cost=2)
    with pytest.raises(ModelError, match="temptation=1 of 'a' must be below 1"):
        multilateral_game([a, b], w=1, greedy_temptation=2)


def test_cost_must_exceed_w_under_assumptions():
    c, w = positive("c w")
    a = actor("a", power=R(1, 2), trust=1, temptation=0, cost=c)
    b = actor("b", power=R(1, 2), trust=1, temptation=0, cost=c)
    with pytest.raises(ModelError, match="cost=c of 'a' must exceed w=w"):
        multilateral_game([a, b], w=w, greedy_temptation=2)
    # stated, it is accepted
    assert multilateral_game([a, b], w=w, greedy_temptation=2, assumptions=[c > w])


def test_greedy_temptation_above_one():
    with pytest.raises(ModelError, match="greedy_temptation=1 must exceed 1"):
        a = actor("a", power=R(1, 2), trust=1, temptation=0, cost=2)
        b = actor("b", power=R(1, 2), trust=1, temptation=0, cost=2)
        multilateral_game([a, b], w=1, greedy_temptation=1)


def test_group_below_model_size():
    with pytest.raises(ModelError, match=r"number of states n=2 must be .* 3 or more"):
        hegemony_game(2)


def test_symbolic_group_size_must_be_provably_large_enough():
    n = Parameter("n", Interval(2, S.Infinity), integer=True)
    with pytest.raises(ModelError, match="size=n - 1 of 'small' is below the 2"):
        hegemony_game(n)


def test_group_size_must_be_integer():
    k = positive("k")
    with pytest.raises(ModelError, match="size=k of 'g' must be an integer"):
        actor("g", power=R(1, 2), trust=1, temptation=0, cost=2, size=k)


def test_player_both_in_and_out_of_a_group():
    a = actor("a", power=R(1, 3), trust=1, temptation=0, cost=2)
    g = actor("g", power=R(1, 3), trust=1, temptation=0, cost=2, members=("a", "b"))
    with pytest.raises(ModelError, match="'a' appears in 'a' and in 'g'"):
        multilateral_game([a, g], w=1, greedy_temptation=2)


def test_repeated_member_and_size_mismatch():
    with pytest.raises(ModelError, match="repeat"):
        actor("g", power=1, trust=1, temptation=0, cost=2, members=("x", "x"))
    with pytest.raises(ModelError, match="disagrees"):
        actor("g", power=1, trust=1, temptation=0, cost=2, size=3, members=("x", "y"))


def test_inexact_and_textual_values_refused():
    with pytest.raises(ModelError, match="float"):
        actor("a", power=0.5, trust=1, temptation=0, cost=2)
    with pytest.raises(ModelError, match="string"):
        actor("a", power="1/2", trust=1, temptation=0, cost=2)


def test_unknown_aggregation_and_single_player():
    with pytest.raises(ModelError, match="aggregation='mean'"):
        _two(aggregation="mean")
    solo = actor("a", power=1, trust=1, temptation=0, cost=2)
    with pytest.raises(ModelError, match="needs two"):
        multilateral_game([solo], w=1, greedy_temptation=2)


# -- aggregation -------------------------------------------------------------


def test_cooperation_index_three_explicit_players():
    m1, m2 = probability("m1 m2")
    p1, p2, p3 = probability("p1 p2 p3")
    g = multilateral_game(
        [
            actor("1", power=m1, trust=p1, temptation=0, cost=2),
            actor("2", power=m2, trust=p2, temptation=0, cost=2),
            actor("3", power=1 - m1 - m2, trust=p3, temptation=0, cost=2),
        ],
        w=1,
        greedy_temptation=2,
        assumptions=[m1 > 0, m2 > 0, m1 + m2 < 1],
    )
    q = g.cooperation_index("1", {"2": p2, "3": p3})
    expected = (m2 * p2 + (1 - m1 - m2) * p3) / (1 - m1)
    assert sympy.simplify(q - expected) == 0


def test_hegemony_index_of_small_state_with_symbolic_n():
    g = hegemony_game()
    n, m = g.size, g.actor("hegemon").power
    ph, ps = g.actor("hegemon").trust, g.actor("small").trust
    q = g.cooperation_index("small", {"hegemon": ph, "small": ps})
    s = (1 - m) / (n - 1)
    assert sympy.simplify(q - (m * ph + (n - 2) * s * ps) / (1 - s)) == 0
    assert sympy.simplify(g.cooperation_index("hegemon", {"small": ps}) - ps) == 0


def test_weakest_link_index_is_product():
    g = hegemony_game(aggregation="weakest_link")
    n = g.size
    ph, ps = g.actor("hegemon").trust, g.actor("small").trust
    q = g.cooperation_index("small", {"hegemon": ph, "small": ps})
    assert sympy.simplify(q - ph * ps ** (n - 2)) == 0
    assert g.cooperation_index("small", {"small": ps}) == 0


@cache
def _hegemony(n):
    return hegemony_game(n)


@given(
    k=st.integers(2, 6),
    m=st.fractions(0, 1).filter(lambda x: 0 < x < 1),
    ph=st.fractions(0, 1),
    ps=st.fractions(0, 1),
)
def test_group_aggregation_equals_explicit_average(k, m, ph, ps):
    """The group's index equals the power-weighted mean over explicit others."""
    g = _hegemony(k + 1)
    point = {
        g.actor("hegemon").power: R(m.numerator, m.denominator),
        g.actor("hegemon").trust: R(ph.numerator, ph.denominator),
        g.actor("small").trust: R(ps.numerator, ps.denominator),
    }
    q = g.cooperation_index(
        "small", {"hegemon": g.actor("hegemon").trust, "small": g.actor("small").trust}
    )
    small = (1 - m) / k
    others = [(m, ph)] + [(small, ps)] * (k - 1)
    explicit = sum(p * t for p, t in others) / sum(p for p, _ in others)
    assert Fraction(str(q.xreplace(point))) == explicit


def test_subs_and_members():
    g = hegemony_game()
    g4 = g.subs({g.size: 4})
    assert g4.actor("small").member_names() == ("small[1]", "small[2]", "small[3]")
    with pytest.raises(ModelError, match="symbolic size"):
        g.actor("small").member_names()
    with pytest.raises(ModelError, match="unknown actor"):
        g.actor("nobody")


def test_expected_payoff_is_affine_in_index():
    g = hegemony_game()
    Q = sympy.Symbol("Q")
    eu = g.expected_payoff("hegemon", "C", Q)
    c = g.actor("hegemon").cost
    assert sympy.expand(eu - (Q - (1 - Q) * c)) == 0
