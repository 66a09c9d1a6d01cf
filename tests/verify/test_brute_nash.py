"""Brute-force pure Nash enumeration against pygambit's exact enumpure_solve."""

import itertools
from fractions import Fraction

import pygambit as gbt
import pygambit.catalog as catalog
import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import bimatrix, normal_form_game, real
from symtrust.core.exact import compare, to_fraction, value_at
from symtrust.errors import ModelError
from symtrust.games.normal_form.twins.brute_nash import pure_equilibria
from symtrust.testing import numeric_game

# Gambit's own example games (GPL: loaded at test time, never copied)
CATALOG = (
    "journals/ijgt/nau2004/sec3",
    "journals/other/shapley1974/fig2",
    "journals/other/shapley1974/fig3",
    "books/watson2013/fig29_1",
    "books/shohamleytonbrown2008/fig5_1",
    "journals/ijgt/nau2004/sec5",
    "journals/ijgt/nau2004/sec6",
)


def to_gambit(game):
    """A pygambit table game with the same exact payoffs."""
    shape = tuple(len(a) for a in game.actions)
    arrays = []
    for i in range(len(shape)):
        arr = {}
        for idx, vec in zip(
            itertools.product(*map(range, shape)), game.table, strict=True
        ):
            arr[idx] = Fraction(int(vec[i].p), int(vec[i].q))
        arrays.append(_nested(arr, shape))
    return gbt.Game.from_arrays(*arrays)


def _nested(arr, shape, prefix=()):
    if len(prefix) == len(shape):
        return arr[prefix]
    return [_nested(arr, shape, (*prefix, k)) for k in range(shape[len(prefix)])]


def from_gambit(g):
    """A symtrust game with the gambit game's (reduced strategic form) payoffs."""
    arrays = g.to_arrays()
    shape = arrays[0].shape
    players = tuple(f"p{i}" for i in range(len(shape)))
    actions = tuple(tuple(f"s{j}" for j in range(k)) for k in shape)
    payoffs = {
        tuple(f"s{j}" for j in idx): tuple(Fraction(a[idx]) for a in arrays)
        for idx in itertools.product(*map(range, shape))
    }
    return normal_form_game(players, actions, payoffs)


def gambit_pure(g):
    """Pure equilibria from gbt.nash.enumpure_solve, as profiles of s<j> labels."""
    out = set()
    for eq in gbt.nash.enumpure_solve(g).equilibria:
        profile = []
        for player in g.players:
            chosen = [j for j, s in enumerate(player.strategies) if eq[s] == 1]
            assert len(chosen) == 1
            profile.append(f"s{chosen[0]}")
        out.add(tuple(profile))
    return out


def relabel(profiles, game):
    """Profiles of action names -> profiles of s<j> labels."""
    return {
        tuple(f"s{game.actions[i].index(a)}" for i, a in enumerate(p)) for p in profiles
    }


@given(
    st.sampled_from([(2, 2), (3, 2), (3, 3), (2, 2, 2), (2, 3, 2)]).flatmap(
        numeric_game
    )
)
def test_brute_force_agrees_with_gambit_on_random_games(game):
    found = pure_equilibria(game)
    assert len(set(found)) == len(found)
    assert relabel(found, game) == gambit_pure(to_gambit(game))


@pytest.mark.parametrize("slug", CATALOG)
def test_brute_force_agrees_with_gambit_catalog(slug):
    g = catalog.load(slug)
    game = from_gambit(g)
    assert set(pure_equilibria(game)) == gambit_pure(g)


def test_textbook_games():
    pd = bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    assert pure_equilibria(pd) == (("D", "D"),)
    stag = bimatrix([[4, 1], [3, 2]], [[4, 3], [1, 2]])
    assert pure_equilibria(stag) == (("C", "C"), ("D", "D"))
    all_ties = bimatrix([[0, 0], [0, 0]], [[0, 0], [0, 0]])
    assert len(pure_equilibria(all_ties)) == 4


def test_symbolic_or_undefined_payoffs_are_refused():
    x = real("x")
    with pytest.raises(ModelError, match=r"payoff at C,D is x, not a number"):
        pure_equilibria(bimatrix([[0, x], [0, 0]], [[0, 0], [0, 0]]))
    with pytest.raises(
        ModelError, match=r"payoff at CC is sqrt\(2\), not an exact rat"
    ):
        to_fraction(sympy.sqrt(2), "payoff at CC")
    for bad in (sympy.zoo, sympy.nan, sympy.sqrt(-2)):
        assert value_at(bad) is None
    with pytest.raises(ModelError, match="float"):
        value_at(sympy.Float(0.5))
    assert value_at(sympy.sqrt(2)) == sympy.sqrt(2)
    with pytest.raises(ModelError, match="needs a NormalFormGame, got dict"):
        pure_equilibria({})


def test_irrational_payoffs_are_compared_exactly():
    r2 = sympy.sqrt(2)
    # row: sqrt(2) vs 3/2 (1.414 < 1.5) and sqrt(8) == 2*sqrt(2) (a tie)
    g = bimatrix(
        [[r2, 2 * r2], [sympy.Rational(3, 2), sympy.sqrt(8)]], [[0, 0], [0, 0]]
    )
    # column is indifferent; row: D against C, either against D
    assert pure_equilibria(g) == (("C", "D"), ("D", "C"), ("D", "D"))
    assert (
        compare(sympy.sqrt(3) + sympy.sqrt(2), sympy.sqrt(5 + 2 * sympy.sqrt(6))) == 0
    )
