"""The symbolic-scale games of the benchmarks, against brute force and the old path.

``mixed_nash`` on a 3x3 game with every payoff its own symbol and
``bayes_nash`` on the 729-profile games of ``benchmarks/bench_bayes.py``
(rebuilt here: tests do not import benchmarks). Two kinds of check:

* the numeric twins (brute-force enumeration in Fractions, independent of
  the solvers) at exact points, with small integer payoffs so that ties, the
  degenerate cases, are frequent;
* the speed-ups do not change the results: solving again without sample
  points and without splitting conjunctions into components (the path before
  them) gives the same equilibria with structurally identical conditions.
"""

import importlib
import itertools
import random

import pytest
import sympy
from hypothesis import given, settings

from symtrust import (
    bayes_nash,
    bayesian_game,
    check,
    mixed_nash,
    normal_form_game,
    probability,
    real,
)
from symtrust.games.bayesian import type_game
from symtrust.games.bayesian.twins.bayes import bayes_nash_twin
from symtrust.games.normal_form.twins.mixed_nash import mixed_nash_twin
from symtrust.logic.conditions import simplify_cleared, simplify_condition
from symtrust.testing import points

MIXED = importlib.import_module("symtrust.games.normal_form.mixed_nash")
BAYES = importlib.import_module("symtrust.games.bayesian.bayes_nash")


def symbolic_game(rows, cols):
    """Every payoff of every player its own real symbol."""
    payoffs = {
        (r, c): (real(f"A_{r}{c}"), real(f"B_{r}{c}")) for r in rows for c in cols
    }
    return normal_form_game(("row", "column"), (rows, cols), payoffs)


def two_player_types(k, m, seed=0):
    """bench_bayes's `BNE 2p numeric`: k types, m actions, symbolic priors."""
    rng = random.Random(seed * 1000 + k * 10 + m)
    actions = tuple(f"a{j}" for j in range(m))
    own, priors, assume = [], [], []
    for i in range(2):
        own.append(
            {
                f"T{j}": [
                    [
                        rng.randint(0, 3) + (4 if a == (b + j) % m else 0)
                        for b in range(m)
                    ]
                    for a in range(m)
                ]
                for j in range(k)
            }
        )
        qs = probability(" ".join(f"q_{i + 1}{j}" for j in range(1, k)))
        qs = qs if isinstance(qs, tuple) else (qs,)
        prior = {"T0": 1 - sum(qs)}
        prior.update({f"T{j}": qs[j - 1] for j in range(1, k)})
        priors.append(prior)
        assume.append(sum(qs) <= 1)
    return type_game(own, priors, actions=actions, assumptions=assume)


def three_player_types(m, bonus=4, seed=0):
    """bench_bayes's `BNE 3p`: three players, 2 types, m actions."""
    rng = random.Random(seed * 1000 + 300 + m)
    players = ("p1", "p2", "p3")
    actions = tuple(tuple(f"a{j}" for j in range(m)) for _ in players)
    types = (("T0", "T1"),) * 3
    priors = []
    for i in range(3):
        q = probability(f"q_{i + 1}")
        priors.append({"T0": 1 - q, "T1": q})
    payoffs = {}
    for tp in itertools.product(*types):
        for prof in itertools.product(range(m), repeat=3):
            vec = []
            for i in range(3):
                shift = types[i].index(tp[i])
                match = prof[i] == (prof[(i + 1) % 3] + shift) % m
                vec.append(rng.randint(0, 3) + (bonus if match else 0))
            payoffs[(tuple(f"a{a}" for a in prof), tp)] = tuple(vec)
    return bayesian_game(players, actions, types, priors, payoffs)


def old_path(monkeypatch, module, cleared=False):
    """Solve as before the speed-ups: no sample points, one conjunction."""
    monkeypatch.setattr(module, "admissible_points", lambda *a, **k: ())

    def whole(cond, assumptions=(), *, budget=None, cleared=cleared):
        simplify = simplify_cleared if cleared else simplify_condition
        return simplify(cond, assumptions, budget=budget)

    monkeypatch.setattr(module, "simplify_by_components", whole)
    if module is MIXED:
        # the pair's satisfiability was checked whole before simplifying
        monkeypatch.setattr(module, "_apart", lambda *a: False)


def mixed_rows(sol):
    return [(eq.supports, eq.strategies, eq.payoffs, eq.condition) for eq in sol]


def bayes_rows(sol):
    return [(eq.strategies, eq.condition, eq.payoffs, eq.steps) for eq in sol]


# -- mixed_nash, every payoff a symbol ----------------------------------------------


SYM3 = symbolic_game(("a", "b", "c"), ("x", "y", "z"))


@pytest.fixture(scope="module")
def SYM3_SOLUTION():
    return mixed_nash(SYM3)


@settings(max_examples=40)
@given(points([], sorted(SYM3.parameters, key=str), max_denominator=1, bound=2))
def test_symbolic_3x3_agrees_with_brute_force_at_tied_points(SYM3_SOLUTION, point):
    # payoffs in {-2, ..., 2}: many ties, so degenerate cases and families hold
    mixed_nash_twin(SYM3_SOLUTION, point)


def test_symbolic_3x3_check_passes(SYM3_SOLUTION):
    assert SYM3_SOLUTION.complete
    rep = check(SYM3_SOLUTION, max_examples=25)
    assert rep.passed is True and rep.examples == 25


def test_symbolic_3x3_has_every_support_pair_and_degenerate_case(SYM3_SOLUTION):
    # a generic symbolic game: each of the 7 x 7 support pairs can be an
    # equilibrium, most of them only on a degenerate case (a tie)
    pairs = {eq.supports for eq in SYM3_SOLUTION}
    assert len(pairs) == 49
    assert sum(eq.degenerate for eq in SYM3_SOLUTION) > 49


def test_symbolic_2x3_is_the_same_without_the_speed_ups(monkeypatch):
    game = symbolic_game(("a", "b"), ("x", "y", "z"))
    new = mixed_rows(mixed_nash(game))
    old_path(monkeypatch, MIXED)
    old = mixed_rows(mixed_nash(game))
    assert new == old


def test_game_with_a_linking_assumption_is_the_same_without_the_speed_ups(
    monkeypatch,
):
    # an assumption links the players' payoffs: the conditions are not split
    a, b, c, d = real("a b c d")
    e = real("e")
    game = normal_form_game(
        ("row", "column"),
        (("U", "D"), ("L", "R")),
        {
            ("U", "L"): (a, b),
            ("U", "R"): (0, c),
            ("D", "L"): (d, 0),
            ("D", "R"): (e, 1),
        },
        assumptions=[a > c],
    )
    new = mixed_rows(mixed_nash(game))
    old_path(monkeypatch, MIXED)
    assert mixed_rows(mixed_nash(game)) == new


# -- bayes_nash, 729 type-contingent profiles ----------------------------------------


TWO = two_player_types(3, 3)
THREE = three_player_types(3)


@pytest.fixture(scope="module")
def TWO_SOLUTION():
    return bayes_nash(TWO)


@pytest.fixture(scope="module")
def THREE_SOLUTION():
    return bayes_nash(THREE)


@settings(max_examples=15)
@given(points(TWO.assumptions, max_denominator=4))
def test_two_players_729_profiles_agree_with_brute_force(TWO_SOLUTION, point):
    bayes_nash_twin(TWO_SOLUTION, point)


@settings(max_examples=15)
@given(points(THREE.assumptions, max_denominator=4))
def test_three_players_729_profiles_agree_with_brute_force(THREE_SOLUTION, point):
    bayes_nash_twin(THREE_SOLUTION, point)


def test_729_profile_games_check_passes(TWO_SOLUTION, THREE_SOLUTION):
    for sol in (TWO_SOLUTION, THREE_SOLUTION):
        assert sol.complete and len(sol) > 0
        rep = check(sol, max_examples=10)
        assert rep.passed is True and rep.examples == 10


def test_bayes_nash_is_the_same_without_the_speed_ups(monkeypatch):
    # symbolic bonus g: nonlinear conditions, the players linked through g
    g = sympy.Symbol("g", positive=True)
    for game in (two_player_types(2, 2), three_player_types(2, bonus=g)):
        new = bayes_rows(bayes_nash(game))
        with monkeypatch.context() as m:
            old_path(m, BAYES, cleared=True)
            old = bayes_rows(bayes_nash(game))
        assert new == old


def test_bayes_nash_deviation_cache_keys_on_the_others_only():
    # a type's conditions are looked up by its action and the others' play:
    # 2 players x 2 types x 2 actions, against 4 strategies of the other
    game = two_player_types(2, 2)
    slots = [(i, t) for i in range(2) for t in game.types[i]]
    dev = BAYES._Deviations(game, slots, game.assumptions, BAYES.Budget())
    for choice in itertools.product(*(game.actions[i] for i, _ in slots)):
        for k in range(len(slots)):
            dev.of(k, choice)
    assert len(dev.cache) == 4 * 2 * 4
