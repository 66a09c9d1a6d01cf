"""The Chatterjee-Samuelson double auction against Gibbons (1992), 3.2.C.

Values and costs uniform on [0, 1], price (p + a)/2: the linear equilibrium
bids p(v) = 2v/3 + 1/12 and asks a(c) = 2c/3 + 1/4; trade iff v >= c + 1/4.
"""

import dataclasses

import pytest
import sympy
from sympy import Rational

from symtrust import check, positive
from symtrust.errors import ModelError
from symtrust.games.continuous import double_auction
from symtrust.games.continuous_types import uniform


def test_linear_equilibrium_and_trade_condition():
    eq = double_auction(uniform(0, 1), uniform(0, 1))
    v, c = eq.value_symbol, eq.cost_symbol
    assert sympy.expand(eq.buyer_bid - (Rational(2, 3) * v + Rational(1, 12))) == 0
    assert sympy.expand(eq.seller_ask - (Rational(2, 3) * c + Rational(1, 4))) == 0
    assert eq.trade.subs({v: Rational(1, 2), c: Rational(1, 4)}) == sympy.true
    assert eq.trade.subs({v: Rational(1, 2), c: Rational(3, 10)}) == sympy.false
    assert check(eq, max_examples=1).ok


def test_scaled_supports_and_a_wrong_strategy_is_caught():
    h = positive("h")
    eq = double_auction(uniform(0, h), uniform(0, h))
    v = eq.value_symbol
    assert sympy.expand(eq.buyer_bid - (Rational(2, 3) * v + h / 12)) == 0
    assert check(eq, max_examples=3).ok
    wrong = dataclasses.replace(eq, buyer_bid=v)
    assert check(wrong, max_examples=3).passed is False


def test_bad_weight():
    with pytest.raises(ModelError, match=r"must lie in \(0, 1\]"):
        double_auction(uniform(0, 1), uniform(0, 1), weight=2)
    with pytest.raises(ModelError, match="float"):
        double_auction(uniform(0, 1), uniform(0, 1), weight=0.5)
    with pytest.raises(ModelError, match="must be a ContinuousType"):
        double_auction((0, 1), uniform(0, 1))
