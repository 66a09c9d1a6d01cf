"""pure_nash: textbook facts, random symbolic games against brute force.

The comparison with Gambit is in test_pure_gambit.py (it needs pygambit).
"""

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symtrust import check, normal_form_game, positive, probability, pure_nash, real
from symtrust.catalog import (
    battle_of_the_sexes,
    chicken,
    matching_pennies,
    prisoners_dilemma,
    stag_hunt,
)
from symtrust.core.exact import substitute_condition
from symtrust.errors import AssumptionError, ModelError
from symtrust.games.normal_form.twins.brute_nash import pure_equilibria
from symtrust.testing import points, symbolic_game

a, b = real("a b")
c = positive("c")
t = probability("t")
# payoffs: constants, parameters, differences, products, a square root and
# rational functions (one undefined where a = b: the twin skips such points)
ENTRIES = (0, 1, -1, a, b, c, a - b, 2 * a, t, 1 - t, a + c, c * t, b - 1)
ENTRIES += (1 / (1 + c), sympy.sqrt(c), a / c, 1 / (a - b))
RELATIONS = (a > b, c > 1, b > 0, a > c, t < sympy.Rational(1, 2))


def games(shape):
    return symbolic_game(shape, entries=ENTRIES, relations=RELATIONS)


# symbolic solving costs z3 calls: fewer games, many points per game
SYMBOLIC = settings(
    max_examples=min(settings.default.max_examples, 12),
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.nested_given,  # check() runs its own search inside this test
    ],
)


def _holds(solution, point):
    out = set()
    for eq in solution:
        held = substitute_condition(eq.condition, point)
        assert held is not None, (eq.profile, eq.condition, point)
        if held:
            out.add(eq.profile)
    return out


@SYMBOLIC
@given(st.sampled_from([(2, 2), (3, 2), (2, 2, 2)]).flatmap(games), st.data())
def test_random_symbolic_games_agree_with_brute_force(game, data):
    sol = pure_nash(game)
    # directly: at admissible exact points, conditions select exactly brute force
    for _ in range(8):
        point = data.draw(points(game, game.parameters))
        try:
            numeric = game.subs(point)
        except AssumptionError as exc:
            # the game is undefined here (a = b in 1/(a - b)): subs refuses it
            assert "undefined at" in str(exc), exc
            continue
        assert _holds(sol, point) == set(pure_equilibria(numeric))
    # and through check(), which draws its own points
    report = check(sol, max_examples=10)
    assert report.passed is True, report


def test_prisoners_dilemma_only_mutual_defection():
    sol = pure_nash(prisoners_dilemma())
    assert [(e.profile, e.condition) for e in sol] == [(("D", "D"), sympy.true)]


def test_stag_hunt_two_equilibria():
    sol = pure_nash(stag_hunt())
    assert [(e.profile, e.condition) for e in sol] == [
        (("C", "C"), sympy.true),
        (("D", "D"), sympy.true),
    ]


def test_chicken_anti_coordination():
    sol = pure_nash(chicken())
    assert [(e.profile, e.condition) for e in sol] == [
        (("C", "D"), sympy.true),
        (("D", "C"), sympy.true),
    ]


def test_battle_of_the_sexes_two_coordination_equilibria():
    sol = pure_nash(battle_of_the_sexes())
    assert [(e.profile, e.condition) for e in sol] == [
        (("O", "O"), sympy.true),
        (("F", "F"), sympy.true),
    ]


def test_matching_pennies_has_none():
    assert len(pure_nash(matching_pennies())) == 0


def test_unordered_symmetric_game_conditions():
    R, S, T, P = real("R S T P")
    from symtrust.catalog import symmetric_2x2

    sol = pure_nash(symmetric_2x2(R, S, T, P))
    conditions = {e.profile: e.condition for e in sol}
    assert conditions[("C", "C")] == (R >= T)
    assert conditions[("D", "D")] == (P >= S)
    assert set(conditions) == {("C", "C"), ("C", "D"), ("D", "C"), ("D", "D")}


def test_probability_condition_is_solved_for_the_threshold():
    # row: C pays t, D pays 1 - t against C; column indifferent
    g = normal_form_game(
        ["row", "col"],
        [["C", "D"], ["L"]],
        {("C", "L"): (t, 0), ("D", "L"): (1 - t, 0)},
    )
    conditions = {e.profile: e.condition for e in pure_nash(g)}
    assert conditions == {
        ("C", "L"): t >= sympy.Rational(1, 2),
        ("D", "L"): t <= sympy.Rational(1, 2),
    }


def test_not_a_game():
    with pytest.raises(ModelError, match="pure_nash needs a NormalFormGame, got dict"):
        pure_nash({})
