"""Cross-checks of mixed_nash and the brute-force oracle against Gambit's exact
solver (``pygambit.nash.enummixed_solve(game, rational=True)``, the extreme
equilibria). Gambit's example games are loaded from pygambit's catalog at test
time, never copied (Gambit is GPL)."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from symtrust import bimatrix, mixed_nash
from symtrust.games.normal_form.twins.brute_mixed import bimatrix_of, extreme_equilibria
from symtrust.games.normal_form.twins.mixed_nash import contains, mixed_nash_twin
from symtrust.testing.strategies import numeric_bimatrix

gbt = pytest.importorskip("pygambit")
np = pytest.importorskip("numpy")


def _gambit_game(A, B):
    return gbt.Game.from_arrays(np.array(A, dtype=object), np.array(B, dtype=object))


def _gambit_equilibria(game):
    """Gambit's extreme equilibria as sorted pairs of Fraction tuples.

    In a degenerate game Gambit can list one extreme equilibrium more than
    once (it reports each matching vertex pair of its labelling); as a set of
    equilibria each counts once.
    """
    eqs = gbt.nash.enummixed_solve(game, rational=True).equilibria
    players = list(game.players)
    return tuple(
        sorted(
            {
                tuple(tuple(Fraction(e[s]) for s in pl.strategies) for pl in players)
                for e in eqs
            }
        )
    )


def _symtrust_game(A, B):
    rows, cols = len(A), len(A[0])

    def exact(v):
        return sympy.Rational(v.numerator, v.denominator)

    return bimatrix(
        [[exact(v) for v in r] for r in A],
        [[exact(v) for v in r] for r in B],
        row_actions=[f"r{i}" for i in range(rows)],
        column_actions=[f"c{j}" for j in range(cols)],
    )


SHAPES = st.sampled_from([(2, 2), (2, 3), (3, 2), (3, 3), (2, 4), (4, 3)])


@given(st.data())
def test_brute_force_finds_gambits_extreme_equilibria(data):
    # small payoff ranges: ties and degenerate games are common
    rows, cols = data.draw(SHAPES)
    game = data.draw(numeric_bimatrix(rows, cols, max_denominator=2, bound=2))
    A, B = bimatrix_of(game)
    assert extreme_equilibria(A, B) == _gambit_equilibria(_gambit_game(A, B))


def test_a_degenerate_game_gambit_lists_twice_has_the_same_extreme_set():
    # found by Hypothesis: the column player indifferent everywhere; Gambit
    # returned 11 equilibria, 8 of them distinct, all found by the brute force
    A = [[1, 0, 0], [-1, 0, 1], [2, 0, Fraction(-1, 2)]]
    B = [[0] * 3] * 3
    gambit = _gambit_equilibria(_gambit_game(A, B))
    assert len(gambit) == 8
    assert extreme_equilibria(A, B) == gambit


@settings(max_examples=15)
@given(st.data())
def test_mixed_nash_equals_gambit_on_games_without_continua(data):
    rows, cols = data.draw(st.sampled_from([(2, 2), (2, 3), (3, 3)]))
    game = data.draw(numeric_bimatrix(rows, cols, max_denominator=7, bound=20))
    sol = mixed_nash(game)
    A, B = bimatrix_of(game)
    gambit = _gambit_equilibria(_gambit_game(A, B))
    if any(eq.free for eq in sol):
        # a continuum: every extreme equilibrium lies in some family
        for p, q in gambit:
            assert any(contains(eq, {}, p, q) for eq in sol)
        return
    # all equilibria isolated, hence extreme: the two sets coincide
    held = tuple(
        sorted(
            tuple(tuple(Fraction(int(v.p), int(v.q)) for v in s) for s in eq.strategies)
            for eq in sol
            if eq.condition is sympy.true
        )
    )
    assert held == gambit


def _catalog_slugs():
    frame = gbt.catalog.games(n_players=2)
    out = []
    for slug in frame["Game"]:
        game = gbt.catalog.load(slug)
        shape = [len(p.strategies) for p in game.players]
        if shape[0] * shape[1] <= 12 and game.is_perfect_recall:
            out.append(slug)
    return out


@pytest.mark.parametrize("slug", _catalog_slugs())
def test_catalog_games_agree_with_gambit(slug):
    game = gbt.catalog.load(slug)
    A, B = (
        [[Fraction(v) for v in row] for row in m]
        for m in game.to_arrays(dtype=gbt.Rational)
    )
    gambit = _gambit_equilibria(game)
    assert extreme_equilibria(A, B) == gambit
    sol = mixed_nash(_symtrust_game(A, B))
    # every Gambit equilibrium is accounted for by a result
    for p, q in gambit:
        assert any(contains(eq, {}, p, q) for eq in sol), (slug, p, q)
    # every result that holds is an equilibrium (families at grid points)
    mixed_nash_twin(sol, {})
