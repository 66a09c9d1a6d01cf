"""Tests of symtrust.mixed_nash: textbook answers, degenerate cases, and the
numeric twin (soundness and completeness against exact brute force) at exact
rational points of random symbolic and numeric games."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symtrust import bimatrix, check, mixed_nash, normal_form_game, real
from symtrust.catalog import (
    battle_of_the_sexes,
    chicken,
    matching_pennies,
    prisoners_dilemma,
    stag_hunt,
)
from symtrust.errors import ModelError, UnsupportedError, VerificationError
from symtrust.games.normal_form.twins.brute_mixed import bimatrix_of, extreme_equilibria
from symtrust.games.normal_form.twins.mixed_nash import mixed_nash_twin
from symtrust.results import MixedEquilibrium
from symtrust.testing.strategies import numeric_bimatrix, points, rationals

Rat = sympy.Rational
x, y = real("x y")
half = Rat(1, 2)


def _same(a, b):
    return sympy.simplify(sympy.sympify(a) - sympy.sympify(b)) == 0


def _by_support(sol):
    return {eq.supports: eq for eq in sol}


# -- textbook answers ----------------------------------------------------------


def test_matching_pennies_has_only_the_uniform_equilibrium():
    sol = mixed_nash(matching_pennies())
    assert len(sol) == 1
    eq = sol[0]
    assert isinstance(eq, MixedEquilibrium)
    assert eq.strategies == ((half, half), (half, half))
    assert eq.payoffs == (0, 0)
    assert eq.condition is sympy.true and not eq.degenerate


def test_battle_of_the_sexes_mixed_equilibrium():
    g = battle_of_the_sexes()
    a, b = sorted(g.parameters, key=str)
    sol = _by_support(mixed_nash(g))
    assert set(sol) == {
        (("O",), ("O",)),
        (("F",), ("F",)),
        (("O", "F"), ("O", "F")),
    }
    mixed = sol[(("O", "F"), ("O", "F"))]
    # row (payoff a at OO) mixes so that column (payoff b at OO) is indifferent
    assert _same(mixed.strategies[0][0], a / (a + b))
    assert _same(mixed.strategies[1][0], b / (a + b))
    assert _same(mixed.payoffs[0], a * b / (a + b))
    assert mixed.condition is sympy.true


def test_chicken_has_three_equilibria_with_the_textbook_mix():
    g = chicken()
    R, S, T, P = (next(s for s in g.parameters if s.name == n) for n in "RSTP")
    sol = _by_support(mixed_nash(g))
    assert set(sol) == {
        (("C",), ("D",)),
        (("D",), ("C",)),
        (("C", "D"), ("C", "D")),
    }
    mixed = sol[(("C", "D"), ("C", "D"))]
    p_c = (P - S) / (R - T - S + P)
    assert _same(mixed.strategies[0][0], p_c)
    assert _same(mixed.strategies[1][0], p_c)
    assert _same(mixed.strategies[0][1], 1 - p_c)
    assert all(eq.condition is sympy.true for eq in sol.values())


def test_prisoners_dilemma_has_only_mutual_defection():
    sol = mixed_nash(prisoners_dilemma())
    assert [eq.supports for eq in sol] == [(("D",), ("D",))]


def test_pure_equilibria_agree_with_stag_hunt_textbook():
    sol = mixed_nash(stag_hunt())
    pure = [eq.supports for eq in sol if eq.kind == "pure Nash equilibrium"]
    assert pure == [(("C",), ("C",)), (("D",), ("D",))]


# -- degenerate cases ----------------------------------------------------------


def test_zero_game_is_one_family_per_support_pair():
    sol = mixed_nash(bimatrix([[0, 0], [0, 0]], [[0, 0], [0, 0]]))
    assert len(sol) == 9
    full = _by_support(sol)[(("C", "D"), ("C", "D"))]
    assert len(full.free) == 2 and full.degenerate
    p_d, q_d = full.free
    assert full.strategies == ((1 - p_d, p_d), (1 - q_d, q_d))
    # the family is every completely mixed profile
    assert full.condition.subs({p_d: Rat(1, 3), q_d: Rat(2, 3)}) is sympy.true
    assert full.condition.subs({p_d: 1, q_d: half}) is sympy.false


def test_vanishing_denominator_is_a_separate_degenerate_case():
    a, b, c, d = real("a b c d")
    # row's indifference coefficient a - b - c + d may vanish
    g = bimatrix([[a, b], [c, d]], [[1, 0], [0, 1]])
    sol = mixed_nash(g)
    mixed = [eq for eq in sol if eq.supports == (("C", "D"), ("C", "D"))]
    generic = [eq for eq in mixed if not eq.free]
    family = [eq for eq in mixed if eq.free]
    assert len(generic) == 1 and len(family) == 1
    assert family[0].degenerate and family[0].notes
    # the family lives where row is indifferent whatever column does
    (q_d,) = family[0].free
    assert family[0].condition.subs({a: 1, b: 2, c: 1, d: 2, q_d: half}) is sympy.true
    assert family[0].condition.subs({a: 1, b: 2, c: 0, d: 2, q_d: half}) is sympy.false
    # the generic case: q(C) = (d - b)/(a - b - c + d), defined only off it
    q_c = generic[0].strategies[1][0]
    assert _same(q_c, (d - b) / (a - b - c + d))
    # where the denominator vanishes but d != b there is no solution: noted
    assert any("no solution" in n for n in sol.notes)


def test_pure_strategy_family_with_a_tie():
    # column is indifferent between its actions when row plays C
    g = bimatrix([[1, 1], [0, 0]], [[0, 0], [0, 1]])
    sol = _by_support(mixed_nash(g))
    fam = sol[(("C",), ("C", "D"))]
    (q_d,) = fam.free
    assert fam.strategies == ((1, 0), (1 - q_d, q_d))
    assert mixed_nash_twin(mixed_nash(g), {}) is None


# -- errors --------------------------------------------------------------------


def test_three_players_are_unsupported():
    g = normal_form_game(
        ["a", "b", "c"],
        [["x", "y"]] * 3,
        {
            (i, j, k): (0, 0, 0)
            for i in ("x", "y")
            for j in ("x", "y")
            for k in ("x", "y")
        },
    )
    try:
        mixed_nash(g)
    except UnsupportedError as exc:
        assert "3 players" in str(exc)
    else:
        raise AssertionError("expected UnsupportedError")


def test_not_a_game_is_a_model_error():
    try:
        mixed_nash([[1, 0], [0, 1]])
    except ModelError as exc:
        assert "NormalFormGame" in str(exc)
    else:
        raise AssertionError("expected ModelError")


# -- the twin rejects wrong answers --------------------------------------------


def test_twin_catches_a_missing_equilibrium():
    sol = mixed_nash(stag_hunt())
    R, S, T, P = (next(s for s in sol.game.parameters if s.name == n) for n in "RSTP")
    broken = type(sol)(method=sol.method, game=sol.game, results=sol.results[:2])
    try:
        mixed_nash_twin(broken, {R: 4, T: 3, P: 2, S: 1})
    except VerificationError as exc:
        assert "matched by no result" in str(exc)
    else:
        raise AssertionError(
            "the twin accepted a solution without the mixed equilibrium"
        )


def test_twin_catches_a_wrong_mix():
    import dataclasses

    sol = mixed_nash(matching_pennies())
    wrong = dataclasses.replace(
        sol[0], strategies=((Rat(1, 3), Rat(2, 3)), (half, half))
    )
    broken = type(sol)(method=sol.method, game=sol.game, results=(wrong,))
    a = next(iter(sol.game.parameters))
    try:
        mixed_nash_twin(broken, {a: 1})
    except VerificationError:
        pass
    else:
        raise AssertionError("the twin accepted a wrong mixed strategy")


def test_twin_checks_members_of_families():
    import dataclasses

    g = bimatrix([[1, 0], [0, 0]], [[0, 0], [0, 0]])
    sol = mixed_nash(g)
    fam = _by_support(sol)[(("C",), ("C", "D"))]
    # row playing D against q(D) < 1 is no best response
    wrong = dataclasses.replace(fam, strategies=((0, 1), fam.strategies[1]))
    broken = type(sol)(method=sol.method, game=g, results=(wrong,))
    try:
        mixed_nash_twin(broken, {})
    except VerificationError as exc:
        assert "not a Nash equilibrium" in str(exc)
    else:
        raise AssertionError("the twin accepted a wrong family")


# -- property tests: symbolic games at exact points ----------------------------


GENERIC = bimatrix([[x, y], [Rat(1), Rat(0)]], [[Rat(0), x], [y, Rat(1)]])


@pytest.fixture(scope="module")
def CATALOG():
    """Classic games and their solutions, solved once (not at import)."""
    return {
        g.name: (g, mixed_nash(g))
        for g in (chicken(), stag_hunt(), prisoners_dilemma(), battle_of_the_sexes())
    }


@given(data=st.data())
def test_classic_games_agree_with_brute_force(CATALOG, data):
    name = data.draw(st.sampled_from(sorted(CATALOG)))
    game, sol = CATALOG[name]
    point = data.draw(points(game.assumptions, max_denominator=6))
    mixed_nash_twin(sol, point)


def test_check_passes_on_chicken():
    rep = check(mixed_nash(chicken()), max_examples=20)
    assert rep.passed is True and rep.examples == 20


@pytest.fixture(scope="module")
def GENERIC_SOLUTION():
    return mixed_nash(GENERIC)


@given(points([], [x, y], max_denominator=2, bound=2))
def test_two_parameter_game_agrees_with_brute_force(GENERIC_SOLUTION, point):
    # small denominators make ties (degenerate points) frequent
    mixed_nash_twin(GENERIC_SOLUTION, point)


def test_check_draws_free_probabilities_of_families(GENERIC_SOLUTION):
    # check() also draws the free probabilities of families (q_D, p_D, ...)
    assert any(eq.free for eq in GENERIC_SOLUTION)
    rep = check(GENERIC_SOLUTION, max_examples=15)
    assert rep.passed is True and rep.examples == 15


NUMBERS = rationals(max_denominator=2, bound=2)
SYMBOLIC = st.sampled_from([x, y, x + 1, 2 * y, -x, x - y])


@st.composite
def symbolic_bimatrix(draw, rows, cols, n_symbolic):
    """A numeric bimatrix with ``n_symbolic`` entries replaced by expressions."""
    cells = [(m, i, j) for m in range(2) for i in range(rows) for j in range(cols)]
    M = [[[draw(NUMBERS) for _ in range(cols)] for _ in range(rows)] for _ in range(2)]
    k = draw(st.integers(1, n_symbolic))
    for m, i, j in draw(st.permutations(cells))[:k]:
        M[m][i][j] = draw(SYMBOLIC)
    stated = draw(st.sampled_from([(), (x > y,), (x > 0, y < 1)]))
    return bimatrix(
        M[0],
        M[1],
        row_actions=[f"r{i}" for i in range(rows)],
        column_actions=[f"c{j}" for j in range(cols)],
        assumptions=stated,
    )


def _check_random(data, rows, cols, n_symbolic, n_points):
    game = data.draw(symbolic_bimatrix(rows, cols, n_symbolic))
    sol = mixed_nash(game)
    for _ in range(n_points):
        point = data.draw(points(game.assumptions, [x, y], max_denominator=2, bound=3))
        mixed_nash_twin(sol, point)


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_symbolic_2x2_games(data):
    _check_random(data, 2, 2, 8, 4)


@settings(max_examples=4, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_symbolic_2x3_games(data):
    _check_random(data, 2, 3, 3, 3)


@settings(max_examples=3, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_symbolic_3x3_games(data):
    _check_random(data, 3, 3, 2, 3)


def test_a_guard_on_a_denominator_is_kept():
    # Found by Hypothesis: row is indifferent everywhere; on supports
    # (r2, r3) x (c1, c3) row's mix is ((x - 2)/(x - 1), 1/(x - 1)). z3 gives
    # 1/0 a value, so it proved Ne(x, 1) from the others and the guard was
    # dropped: the condition was undefined at the admissible x = 1.
    zero = [[0] * 3 for _ in range(3)]
    game = bimatrix(zero, [[0, 0, 0], [0, 0, 1], [x, 2, 2]])
    sol = mixed_nash(game)
    (eq,) = [e for e in sol if e.supports == (("2", "3"), ("1", "3"))]
    assert sympy.Ne(x, 1) in sympy.And.make_args(eq.condition)
    for value in (0, 1, 2, 3, sympy.Rational(5, 2)):
        mixed_nash_twin(sol, {x: value, y: 0})


def test_negative_denominator_keeps_the_mixed_equilibrium():
    # regression: the twin found, in a random 3x3 game, an equilibrium lost
    # because -1/(2 y - 2) > 0 under y < 1 was simplified to False; here
    # q(C) = -1/(y - 2) and q(D) = (y - 1)/(y - 2), both positive for y < 1
    game = bimatrix([[y - 1, 1], [0, 0]], [[0, 1], [1, 0]], assumptions=[y < 1])
    mixed = _by_support(mixed_nash(game))[(("C", "D"), ("C", "D"))]
    assert mixed.condition is sympy.true
    assert _same(mixed.strategies[1][0], -1 / (y - 2))


# -- property tests: numeric games ---------------------------------------------


@settings(max_examples=20)
@given(numeric_bimatrix(2, 2, max_denominator=2, bound=2))
def test_random_numeric_2x2_games(game):
    mixed_nash_twin(mixed_nash(game), {})


@settings(max_examples=10)
@given(numeric_bimatrix(3, 3, max_denominator=3, bound=5))
def test_random_numeric_3x3_games(game):
    sol = mixed_nash(game)
    mixed_nash_twin(sol, {})
    # without continua every equilibrium is extreme: the sets coincide
    A, B = bimatrix_of(game)
    extreme = set(extreme_equilibria(A, B))
    if not any(eq.free for eq in sol):
        held = {
            tuple(tuple(Fraction(int(v.p), int(v.q)) for v in s) for s in eq.strategies)
            for eq in sol
            if eq.condition is sympy.true
        }
        assert held == extreme
