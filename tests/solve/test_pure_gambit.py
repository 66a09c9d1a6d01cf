"""pure_nash against pygambit's enumpure_solve (numeric games, Gambit's catalog).

This module needs pygambit (the ``gambit`` extra) and is skipped without it;
the textbook tests of pure_nash are in test_pure_nash.py and always run.
"""

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import normal_form_game, pure_nash
from symtrust.testing import numeric_game

gbt = pytest.importorskip("pygambit")


def _gambit_pure(game):
    """Pure equilibria by pygambit's enumpure_solve on the same exact payoffs."""
    shape = tuple(len(acts) for acts in game.actions)
    cells = dict(zip(itertools.product(*map(range, shape)), game.table, strict=True))

    def nested(i, prefix=()):
        if len(prefix) == len(shape):
            u = cells[prefix][i]
            return Fraction(int(u.p), int(u.q))
        return [nested(i, (*prefix, k)) for k in range(shape[len(prefix)])]

    g = gbt.Game.from_arrays(*(nested(i) for i in range(len(shape))))
    out = set()
    for eq in gbt.nash.enumpure_solve(g).equilibria:
        profile = []
        for k, player in enumerate(g.players):
            (j,) = [j for j, s in enumerate(player.strategies) if eq[s] == 1]
            profile.append(game.actions[k][j])
        out.add(tuple(profile))
    return out


@given(st.sampled_from([(2, 2), (3, 2), (2, 2, 2), (3, 3)]).flatmap(numeric_game))
def test_numeric_games_agree_with_gambit(game):
    sol = pure_nash(game)
    assert all(e.condition is sympy.true for e in sol)
    assert {e.profile for e in sol} == _gambit_pure(game)


@pytest.mark.parametrize(
    "slug",
    [
        "journals/ijgt/nau2004/sec3",
        "journals/other/shapley1974/fig2",
        "journals/other/shapley1974/fig3",
        "books/watson2013/fig29_1",
    ],
)
def test_gambit_catalog_two_player_games(slug):
    catalog = pytest.importorskip("pygambit.catalog")
    g = catalog.load(slug)
    arrays = g.to_arrays()
    rows, cols = arrays[0].shape
    game = normal_form_game(
        ["p0", "p1"],
        [[f"s{i}" for i in range(rows)], [f"s{j}" for j in range(cols)]],
        {
            (f"s{i}", f"s{j}"): (Fraction(arrays[0][i, j]), Fraction(arrays[1][i, j]))
            for i in range(rows)
            for j in range(cols)
        },
    )
    assert {e.profile for e in pure_nash(game)} == _gambit_pure(game)
