"""Finitely repeated games with a unique stage equilibrium: the unraveling.

Published answers: Selten (1978) and Fudenberg and Tirole (1991, sec. 4.3):
the finitely repeated Prisoner's Dilemma has the unique SPE "defect in
every period after every history", each player earning n P; a stage game
with a unique mixed equilibrium (matching pennies) is played mixed 1/2-1/2
every period, value 0.
"""

import math

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symtrust import bimatrix, check, positive, real, spe
from symtrust.catalog import chicken, matching_pennies, prisoners_dilemma
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.repeated import finite_horizon_spe, horizon
from symtrust.games.repeated._finite_tree import repeated_tree
from symtrust.games.repeated._finite_twin import finite_solution_twin

HALF = sympy.Rational(1, 2)


def _pd_symbols(g):
    return {s.name: s for s in g.parameters}


def test_pd_unravels_for_symbolic_horizon():
    g = prisoners_dilemma()
    n = horizon("n")
    sol = finite_horizon_spe(g, n)
    assert len(sol) == 1
    eq = sol[0]
    p = _pd_symbols(g)["P"]
    assert eq.unique is True and eq.condition == sympy.true
    assert eq.strategy("row") == {"C": 0, "D": 1}
    assert eq.strategy("column") == {"C": 0, "D": 1}
    assert eq.payoffs == (n * p, n * p)


@pytest.mark.parametrize("periods", [1, 2, 3, 7])
def test_pd_unravels_for_numeric_horizons(periods):
    g = prisoners_dilemma()
    p = _pd_symbols(g)["P"]
    eq = finite_horizon_spe(g, periods)[0]
    assert eq.payoffs == (periods * p, periods * p)
    assert eq.strategy("row")["D"] == 1


def test_matching_pennies_mixed_every_period():
    eq = finite_horizon_spe(matching_pennies(), horizon("T"))[0]
    assert eq.strategies == ((HALF, HALF), (HALF, HALF))
    assert eq.payoffs == (0, 0)


def test_conditional_uniqueness_region():
    # the row player's top action is dominant iff x > 0; with x < 0 the
    # bottom action is; at x = 0 the game has a continuum
    x = real("x")
    g = bimatrix([[x, x], [0, 0]], [[1, 0], [0, 1]], name="x game")
    sol = finite_horizon_spe(g, 2)
    regions = {eq.strategies: eq.condition for eq in sol}
    assert regions[((1, 0), (1, 0))] == (x > 0)
    assert regions[((0, 1), (0, 1))] == (x < 0)


def test_twin_checks_symbolic_and_numeric():
    assert check(
        finite_horizon_spe(prisoners_dilemma(), horizon()), max_examples=4
    ).passed
    assert check(finite_horizon_spe(matching_pennies(), 2)[0], max_examples=3).passed


@settings(max_examples=6, deadline=None)
@given(
    st.lists(st.integers(-5, 5), min_size=8, max_size=8),
)
def test_numeric_stage_games_against_the_tree(vals):
    a = [[vals[0], vals[1]], [vals[2], vals[3]]]
    b = [[vals[4], vals[5]], [vals[6], vals[7]]]
    g = bimatrix(a, b)
    try:
        sol = finite_horizon_spe(g, 2)
    except UnsupportedError:
        # refused: the one-period tree has several equilibria, or a continuum
        one = spe(repeated_tree(g, 1))
        assert len(one) > 1 or any("continu" in note for note in one.notes)
        return
    finite_solution_twin(sol, {})


def test_no_unique_stage_equilibrium_is_refused():
    with pytest.raises(UnsupportedError, match="no region with a unique"):
        finite_horizon_spe(chicken(), 3)


@pytest.mark.parametrize(
    "bad, shown",
    [
        (0, "horizon=0"),
        (-2, "horizon=-2"),
        (2.0, "horizon=2.0"),
        ("3", "horizon='3'"),
        (math.nan, "horizon=nan"),
        (True, "horizon=True"),
        (sympy.Symbol("n"), "horizon=n"),
        (positive("m"), "horizon=m"),
    ],
)
def test_bad_horizons_named(bad, shown):
    with pytest.raises(ModelError, match=shown.replace("(", r"\(")):
        finite_horizon_spe(prisoners_dilemma(), bad)


def test_bad_stage_game_named():
    with pytest.raises(ModelError, match="NormalFormGame, got str"):
        finite_horizon_spe("PD", 3)


def test_a_stage_game_of_constant_payoffs_is_refused_not_a_solver_error():
    # every profile is an equilibrium: no unique stage equilibrium, so the
    # backward-induction argument does not apply (found by Hypothesis)
    zero = bimatrix([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    with pytest.raises(UnsupportedError, match="no region with a unique"):
        finite_horizon_spe(zero, 2)
