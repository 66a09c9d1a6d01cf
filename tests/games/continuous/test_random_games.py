"""Random concave quadratic games on the unit box, built by construction:
every equilibrium the solver reports survives the exact grid twin, and at
least one holds (a concave game on a compact box has an equilibrium)."""

from fractions import Fraction

import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symtrust.games.continuous import continuous_game, continuous_nash
from symtrust.games.continuous.twins.nash import continuous_nash_twin

x, y = sympy.symbols("x y", real=True)
coef = st.fractions(min_value=-3, max_value=3, max_denominator=4)
curv = st.fractions(min_value=Fraction(1, 4), max_value=3, max_denominator=4)


@settings(max_examples=25, deadline=None)
@given(curv, curv, coef, coef, coef, coef)
def test_concave_quadratic_games(a1, a2, b1, b2, c1, c2):
    u1 = -a1 * x**2 + b1 * x * y + c1 * x
    u2 = -a2 * y**2 + b2 * x * y + c2 * y
    g = continuous_game(("A", "B"), (x, y), (u1, u2), bounds=((0, 1), (0, 1)))
    sol = continuous_nash(g)
    assert len(sol) >= 1
    assert all(eq.is_global for eq in sol)
    continuous_nash_twin(sol, {})
