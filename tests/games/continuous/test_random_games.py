"""Random concave quadratic games on the unit box, built by construction:
every equilibrium the solver reports survives the exact grid twin, and at
least one holds (a concave game on a compact box has an equilibrium).

When the two interior first-order conditions coincide (proportional
coefficient rows) the game has a line of equilibria; the solver refuses
it rather than pick points, and a separate test pins that refusal."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symtrust.errors import UnsupportedError
from symtrust.games.continuous import continuous_game, continuous_nash
from symtrust.games.continuous.twins.nash import continuous_nash_twin

x, y = sympy.symbols("x y", real=True)
coef = st.fractions(min_value=-3, max_value=3, max_denominator=4)
curv = st.fractions(min_value=Fraction(1, 4), max_value=3, max_denominator=4)


@settings(max_examples=25, deadline=None)
@given(curv, curv, coef, coef, coef, coef)
def test_concave_quadratic_games(a1, a2, b1, b2, c1, c2):
    # coinciding first-order conditions give a line of equilibria: see below
    rows = sympy.Matrix([[-2 * a1, b1, c1], [b2, -2 * a2, c2]])
    assume(rows.rank() == 2)
    u1 = -a1 * x**2 + b1 * x * y + c1 * x
    u2 = -a2 * y**2 + b2 * x * y + c2 * y
    g = continuous_game(("A", "B"), (x, y), (u1, u2), bounds=((0, 1), (0, 1)))
    sol = continuous_nash(g)
    assert len(sol) >= 1
    assert all(eq.is_global for eq in sol)
    continuous_nash_twin(sol, {})


def test_a_line_of_equilibria_is_refused_not_sampled():
    # Found by Hypothesis in CI: both best responses are x = y on [0, 1], so
    # every (t, t) is an equilibrium; the solver must say so, not return some.
    q = sympy.Rational(1, 4)
    u1 = -q * x**2 + x * y / 2
    u2 = -q * y**2 + x * y / 2
    g = continuous_game(("A", "B"), (x, y), (u1, u2), bounds=((0, 1), (0, 1)))
    with pytest.raises(UnsupportedError, match="continuum of solutions"):
        continuous_nash(g)
    # the refusal is true: two points of the line are both equilibria
    for t in (sympy.Rational(1, 3), sympy.Rational(2, 3)):
        assert sympy.diff(u1, x).subs({x: t, y: t}) == 0
        assert sympy.diff(u2, y).subs({x: t, y: t}) == 0
