"""Auctions with private values against Krishna (2010), ch. 2.

First price, n bidders, values uniform on [0, 1]: b(v) = (n - 1) v / n;
revenue (n - 1) / (n + 1) in both formats (revenue equivalence); with values
uniform on [a, a + 1], b(v) = a + (n - 1)(v - a) / n; with F(v) = v**k,
b(v) = (n - 1) k v / ((n - 1) k + 1).
"""

import dataclasses

import pytest
import sympy

from symtrust import check, positive
from symtrust.errors import ModelError
from symtrust.games.continuous import (
    first_price_auction,
    player_count,
    second_price_auction,
)
from symtrust.games.continuous_types import ContinuousType, uniform

n = player_count()


def test_first_price_bid_with_n_symbolic():
    eq = first_price_auction(n, uniform(0, 1))
    v = eq.value_symbol
    assert sympy.simplify(eq.bid - (n - 1) * v / n) == 0
    assert eq.increasing is True


@pytest.mark.parametrize("k", [2, 3, 5, 20])
def test_first_price_bid_numeric_n(k):
    eq = first_price_auction(k, uniform(0, 1))
    assert sympy.simplify(eq.bid - sympy.Rational(k - 1, k) * eq.value_symbol) == 0


def test_revenue_equivalence_uniform_and_shifted():
    a = positive("a")
    for values, want in (
        (uniform(0, 1), (n - 1) / (n + 1)),
        (uniform(a, a + 1), a + (n - 1) / (n + 1)),
    ):
        first = first_price_auction(n, values)
        second = second_price_auction(n, values)
        assert sympy.simplify(first.revenue - want) == 0
        assert sympy.simplify(second.revenue - want) == 0
        assert sympy.simplify(first.bidder_payoff - second.bidder_payoff) == 0


def test_power_distribution():
    t = sympy.Symbol("t", real=True)
    eq = first_price_auction(n, ContinuousType.build(t**2, t, (0, 1)))
    v = eq.value_symbol
    assert sympy.simplify(eq.bid - (n - 1) * 2 * v / ((n - 1) * 2 + 1)) == 0
    assert (
        sympy.simplify(eq.revenue - second_price_auction(n, eq.distribution).revenue)
        == 0
    )


def test_twins_pass_and_catch_a_wrong_bid():
    eq = first_price_auction(n, uniform(0, 1))
    assert check(eq, max_examples=5).ok
    assert check(second_price_auction(3, uniform(0, 1)), max_examples=1).ok
    wrong = dataclasses.replace(eq, bid=eq.value_symbol, value=eq.value_symbol)
    assert check(wrong, max_examples=5).passed is False


def test_bad_auction_input():
    with pytest.raises(ModelError, match="must be an integer"):
        first_price_auction(sympy.Rational(5, 2), uniform(0, 1))
    with pytest.raises(ModelError, match="at least 2"):
        first_price_auction(1, uniform(0, 1))
    with pytest.raises(ModelError, match="must be a ContinuousType"):
        first_price_auction(2, (0, 1))
    with pytest.raises(ModelError, match="float"):
        first_price_auction(2.0, uniform(0, 1))
