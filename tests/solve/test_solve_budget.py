"""A solve whose time budget runs out returns what it has, marked incomplete.

A budget that has already expired (``Budget(total=1e-9)``: the clock is spent
before the first candidate is examined) makes the result deterministic: no
candidate is examined, the Solution says ``complete=False``, its display and
notes say so, and the twins accept it (what it lists is correct) without
asking for the missing equilibria. A generous budget gives the complete set.
"""

from __future__ import annotations

import itertools

import sympy

from symtrust import (
    Budget,
    bayes_nash,
    bimatrix,
    check,
    mixed_nash,
    normal_form_game,
    probability,
    pure_nash,
    real,
    trust_game,
)
from symtrust.catalog import stag_hunt


def _spent():
    return Budget(total=1e-9)


def _three_player_symbolic():
    players = ("a", "b", "c")
    payoffs = {
        prof: tuple(real(f"u{i}_{''.join(prof)}") for i in range(3))
        for prof in itertools.product("CD", repeat=3)
    }
    return normal_form_game(players, [("C", "D")] * 3, payoffs)


def test_pure_nash_with_a_spent_budget_is_incomplete():
    sol = pure_nash(_three_player_symbolic(), budget=_spent())
    assert sol.complete is False and len(sol) == 0
    assert "INCOMPLETE" in str(sol)
    assert any("0 of 8 profiles" in n for n in sol.notes)
    assert "INCOMPLETE" in sympy.latex(sol)
    assert check(sol, max_examples=3).passed


def test_mixed_nash_with_a_spent_budget_is_incomplete():
    sol = mixed_nash(stag_hunt(), budget=_spent())
    assert sol.complete is False and len(sol) == 0
    assert "INCOMPLETE" in str(sol)
    assert any("0 of 9 support pairs" in n for n in sol.notes)
    assert check(sol, max_examples=3).passed


def test_bayes_nash_with_a_spent_budget_is_incomplete():
    t = probability("t")
    g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t)
    sol = bayes_nash(g, budget=_spent(), prune=False)
    assert sol.complete is False and len(sol) == 0
    assert "INCOMPLETE" in str(sol)
    assert check(sol, max_examples=3).passed


def test_a_generous_budget_is_complete():
    # stag hunt: (C, C), (D, D) and one mixed equilibrium (textbook)
    sol = mixed_nash(stag_hunt(), budget=600)
    assert sol.complete is True and len(sol) == 3
    assert "INCOMPLETE" not in str(sol)
    assert pure_nash(bimatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]])).complete
