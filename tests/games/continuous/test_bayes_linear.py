"""Bayesian games with continuous types: linear equilibria against published forms.

Cournot duopoly with private costs c_i ~ U[lo, hi], inverse demand a - Q:
firm i's first-order condition a - 2 q_i - E[q_j] - c_i = 0 gives
q_i(c_i) = a/3 - c_i/2 + E[c]/6 with E[c] = (lo + hi)/2 (the continuous-type
version of Gibbons 1992, 3.1.A), valid while every type produces.
"""

import dataclasses

import pytest
import sympy

from symtrust import check, nonnegative, positive
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous import bayesian_continuous_game, linear_bayes_nash
from symtrust.games.continuous_types import uniform

a = positive("a")
q1, q2, c1, c2 = sympy.symbols("q1 q2 c1 c2", real=True)


def _cournot(lo, hi, assumptions=()):
    costs = uniform(lo, hi, assumptions=list(assumptions))
    return bayesian_continuous_game(
        ("firm 1", "firm 2"),
        (q1, q2),
        (c1, c2),
        (costs, costs),
        (q1 * (a - q1 - q2 - c1), q2 * (a - q1 - q2 - c2)),
        bounds=((0, sympy.oo), (0, sympy.oo)),
    )


def test_cournot_with_private_costs():
    lo, hi = nonnegative("lo hi")
    eq = linear_bayes_nash(_cournot(lo, hi, [lo < hi]))
    mean = (lo + hi) / 2
    assert sympy.simplify(eq.strategies[0] - (a / 3 - c1 / 2 + mean / 6)) == 0
    assert sympy.simplify(eq.strategies[1] - (a / 3 - c2 / 2 + mean / 6)) == 0
    assert eq.concave == (True, True)
    # the highest-cost type produces iff a/3 - hi/2 + mean/6 >= 0
    assert eq.subs({lo: 0, hi: 1, a: 2}).condition == sympy.true
    assert eq.subs({lo: 0, hi: 1, a: 1}).condition == sympy.false


def test_twin_passes_and_catches_a_shifted_strategy():
    eq = linear_bayes_nash(_cournot(0, 1))
    assert check(eq, max_examples=5).ok
    wrong = dataclasses.replace(eq, strategies=(eq.strategies[0] + 1, eq.strategies[1]))
    assert check(wrong, max_examples=5).passed is False


def test_a_linear_form_that_cannot_satisfy_the_first_order_condition():
    x, t = sympy.symbols("x t", real=True)
    g = bayesian_continuous_game(
        ("A",), (x,), (t,), (uniform(0, 1),), (x * t**2 - x**2 / 2,), bounds=((0, 1),)
    )
    with pytest.raises(UnsupportedError, match="linear form has 0 solutions"):
        linear_bayes_nash(g)


def test_bad_input():
    x, t = sympy.symbols("x t", real=True)
    with pytest.raises(ModelError, match="must be a ContinuousType"):
        bayesian_continuous_game(("A",), (x,), (t,), ((0, 1),), (x,))
    with pytest.raises(ModelError, match="distinct"):
        bayesian_continuous_game(("A",), (x,), (x,), (uniform(0, 1),), (x,))
    with pytest.raises(ModelError, match="one symbol per player"):
        bayesian_continuous_game(("A",), (x,), (), (uniform(0, 1),), (x,))
