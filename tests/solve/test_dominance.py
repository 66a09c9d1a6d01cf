"""Tests of dominance, dominated_actions and iterated_elimination: textbook
games, conditions on parameters, and the numeric twins at exact points."""

import itertools

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import bimatrix, check, dominance, iterated_elimination, positive, real
from symtrust.catalog import chicken, prisoners_dilemma, stag_hunt
from symtrust.errors import ModelError
from symtrust.games.normal_form import dominated_actions
from symtrust.games.normal_form.dominance import restrict
from symtrust.games.normal_form.twins.dominance import (
    dominance_twin,
    iterated_elimination_twin,
)
from symtrust.results import Dominance
from symtrust.testing.strategies import numeric_game, points

x, y = real("x y")
c = positive("c")


def test_prisoners_dilemma_defection_strictly_dominates():
    sol = dominance(prisoners_dilemma())
    strict = {(d.player, d.dominant, d.dominated) for d in sol if d.strict}
    assert strict == {("row", "D", "C"), ("column", "D", "C")}
    assert all(isinstance(d, Dominance) and d.condition is sympy.true for d in sol)


def test_coordination_games_have_no_dominance():
    assert len(dominance(stag_hunt())) == 0
    assert len(dominance(chicken())) == 0


def test_condition_on_a_parameter():
    g = bimatrix([[x, 1], [0, 0]], [[0, 0], [0, 0]])
    row = {(d.kind, d.dominant): d.condition for d in dominated_actions(g, "row")}
    assert row == {("strict dominance", "C"): x > 0}
    weak = {d.dominant: d.condition for d in dominated_actions(g, "row", strict=False)}
    assert weak == {"C": x >= 0}
    # D never dominates C: 0 > 1 fails against column's D
    assert all(d.dominant != "D" for d in dominance(g) if d.player == "row")


def test_weak_but_not_strict_dominance():
    g = bimatrix([[1, 1], [1, 0]], [[0, 0], [0, 0]])
    kinds = {
        (d.strict, d.dominant, d.dominated) for d in dominance(g) if d.player == "row"
    }
    assert kinds == {(False, "C", "D")}


def test_gibbons_iterated_elimination():
    # Gibbons (1992), sec. 1.1.B: R is dominated by M, then Down by Up,
    # then Left by Middle, leaving (Up, Middle)
    g = bimatrix(
        [[1, 1, 0], [0, 0, 2]],
        [[0, 2, 1], [3, 1, 0]],
        row_actions=("Up", "Down"),
        column_actions=("Left", "Middle", "Right"),
    )
    r = iterated_elimination(g)
    assert r.value == (("Up",), ("Middle",))
    assert [(e[0], e[1], e[2], e[3]) for e in r.eliminated] == [
        (1, "column", "Right", "Middle"),
        (2, "row", "Down", "Up"),
        (3, "column", "Left", "Middle"),
    ]
    assert r.reduced.payoff(("Up", "Middle")) == (1, 2)


def test_conditional_dominance_is_noted_not_used():
    g = bimatrix([[x, 1], [0, 0]], [[0, 0], [0, 0]])
    r = iterated_elimination(g)
    assert r.value == g.actions and not r.eliminated
    assert any("only when x > 0" in n for n in r.notes)


def test_dominance_that_holds_everywhere_is_used():
    g = bimatrix([[1, 0], [0, -c]], [[1, 0], [2, 0]])
    r = iterated_elimination(g)
    assert r.value == (("C",), ("C",))


def test_restrict_validates():
    with pytest.raises(ModelError, match="at least one action"):
        restrict(stag_hunt(), [[], ["C"]])
    with pytest.raises(ModelError, match="unknown action"):
        restrict(stag_hunt(), [["X"], ["C"]])


def test_not_a_game():
    with pytest.raises(ModelError, match="NormalFormGame"):
        dominance("PD")


# -- property tests via the twins ----------------------------------------------


@given(numeric_game((3, 2), max_denominator=1, bound=2))
def test_numeric_dominance_matches_brute_force(game):
    dominance_twin(dominance(game), {})


@given(numeric_game((2, 2, 2), max_denominator=1, bound=2))
def test_three_player_dominance_matches_brute_force(game):
    dominance_twin(dominance(game), {})


def _brute_survivors(game):
    from symtrust.games.normal_form.twins.dominance import brute_dominance

    current = [list(a) for a in game.actions]
    while True:
        drop = {
            (i, b)
            for i in range(len(current))
            for _, b in brute_dominance(game, i, current)[0]
        }
        if not drop:
            return tuple(tuple(a) for a in current)
        for i, b in drop:
            current[i].remove(b)


@given(numeric_game((3, 3), max_denominator=1, bound=3))
def test_numeric_iterated_elimination_equals_brute_force(game):
    # numeric conditions are always decided, so symbolic elimination goes all the way
    r = iterated_elimination(game)
    iterated_elimination_twin(r, {})
    assert r.value == _brute_survivors(game)


SYMBOLIC = bimatrix([[x, 1], [y, x - y]], [[y, 0], [1, x]], assumptions=[x > y])
SYMBOLIC_DOMINANCE = dominance(SYMBOLIC)
SYMBOLIC_ROW = dominated_actions(SYMBOLIC, "row", strict=False)


@given(points(SYMBOLIC.assumptions, max_denominator=2, bound=3))
def test_symbolic_dominance_at_points(point):
    dominance_twin(SYMBOLIC_DOMINANCE, point)
    dominance_twin(SYMBOLIC_ROW, point)


@given(st.data())
def test_symbolic_iterated_elimination_at_points(data):
    entries = st.sampled_from([0, 1, -1, 2, x, c, x + c, -c])
    A = [[data.draw(entries) for _ in range(2)] for _ in range(3)]
    B = [[data.draw(entries) for _ in range(2)] for _ in range(3)]
    g = bimatrix(A, B, row_actions=("a", "b", "d"))
    r = iterated_elimination(g)
    for _ in range(3):
        iterated_elimination_twin(r, data.draw(points(g.assumptions, [x, c])))


def test_check_runs_the_dominance_twin():
    assert check(SYMBOLIC_DOMINANCE, max_examples=10).passed is True


def test_every_ordered_pair_is_compared():
    g = bimatrix([[3, 3], [2, 2], [1, 1]], [[0, 0], [0, 0], [0, 0]], row_actions="abc")
    strict = {(d.dominant, d.dominated) for d in dominated_actions(g, "row")}
    assert strict == {p for p in itertools.permutations("abc", 2) if p[0] < p[1]}
