"""The same equilibria computed two ways: symmetric shortcut against explicit players,
symbolic n against numeric n, and the solvers against exact substitution."""

import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symtrust import nonnegative, positive
from symtrust.games.continuous import (
    continuous_game,
    continuous_nash,
    first_price_auction,
    player_count,
    second_price_auction,
    symmetric_continuous_game,
    symmetric_nash,
)
from symtrust.games.continuous_types import uniform

a, b, c = positive("a b c")
x, X = sympy.symbols("x X", nonnegative=True)


def _market(n):
    return symmetric_continuous_game(
        n, x, X, x * (a - b * (x + X)) - c * x, assumptions=[a > c]
    )


@pytest.mark.parametrize("k", [2, 3, 4])
def test_symmetric_shortcut_agrees_with_the_explicit_game(k):
    (short,) = [e for e in symmetric_nash(_market(k)) if e.regime == "interior"]
    explicit = continuous_nash(_market(k).explicit(), corners=False)
    (eq,) = explicit
    assert all(sympy.simplify(v - short.action) == 0 for v in eq.profile)


@pytest.mark.parametrize("k", [2, 5, 9])
def test_symbolic_n_substituted_equals_numeric_n(k):
    n = player_count()
    (sym,) = [e for e in symmetric_nash(_market(n)) if e.regime == "interior"]
    (num,) = [e for e in symmetric_nash(_market(k)) if e.regime == "interior"]
    assert sympy.simplify(sym.action.subs(n, k) - num.action) == 0
    auction = first_price_auction(n, uniform(0, 1))
    assert (
        sympy.simplify(
            auction.revenue.subs(n, k) - first_price_auction(k, uniform(0, 1)).revenue
        )
        == 0
    )


@settings(max_examples=15, deadline=None)
@given(
    st.fractions(min_value=1, max_value=10, max_denominator=7),
    st.fractions(min_value=0, max_value=1, max_denominator=7),
)
def test_cournot_profit_at_the_equilibrium_is_maximal_in_own_quantity(a_val, c_frac):
    # exact first-order check at a rational point: the derivative vanishes and
    # the second derivative is negative there
    assume(c_frac < 1)
    q1, q2 = nonnegative("q1 q2")
    c_val = a_val * c_frac
    g = continuous_game(
        ("1", "2"),
        (q1, q2),
        (q1 * (a_val - q1 - q2) - c_val * q1, q2 * (a_val - q1 - q2) - c_val * q2),
    )
    interior = [e for e in continuous_nash(g) if e.regimes == ("interior", "interior")]
    (eq,) = interior
    point = dict(zip(g.actions, eq.profile, strict=True))
    assert sympy.diff(g.utilities[0], q1).subs(point) == 0
    assert eq.profile[0] == sympy.Rational(a_val - c_val) / 3
    assert eq.unique is True


def test_revenue_equivalence_numeric_n():
    for k in (2, 3, 7):
        assert (
            first_price_auction(k, uniform(0, 1)).revenue
            == second_price_auction(k, uniform(0, 1)).revenue
            == sympy.Rational(k - 1, k + 1)
        )
