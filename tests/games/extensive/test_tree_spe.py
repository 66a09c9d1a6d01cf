"""Subgame perfection: backward induction (flat and factored) and subgames.

Published answers (Kreps' trust game, Selten's horse, entry deterrence),
random trees against brute force at exact points, and ties kept as cases.
"""

from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tree_cases import X, Y, imperfect_information_trees, perfect_information_trees

from symtrust import check, game_tree, positive, pure_nash, real, spe
from symtrust.core.exact import substitute_condition
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.extensive import (
    agent_form,
    backward_induction,
    chance,
    decision,
    reduced_normal_form,
    subgame_roots,
)
from symtrust.games.extensive.twins.brute import NumericTree, spe_profiles
from symtrust.games.extensive.twins.spe import backward_induction_twin, spe_twin
from symtrust.testing import points

h, a = real("h a")
r, s = positive("r s")
TRUST = game_tree(
    decision(
        "investor",
        {
            "trust": decision("trustee", {"honor": (r, h), "abuse": (-s, a)}),
            "not": (0, 0),
        },
    )
)
HORSE = game_tree(
    decision(
        "1",
        {
            "C": decision(
                "2",
                {
                    "c": (1, 1, 1),
                    "d": decision("3", {"L": (0, 0, 1), "R": (4, 4, 0)}, info="3"),
                },
            ),
            "D": decision("3", {"L": (0, 0, 0), "R": (3, 2, 2)}, info="3"),
        },
    ),
    players=("1", "2", "3"),
)


def test_kreps_trust_game_rules_honor_iff_then_trust_iff():
    bi = backward_induction(TRUST)
    assert bi.rule("trust", "honor") == (h >= a)
    assert bi.rule("trust", "abuse") == (a >= h)
    # r, s > 0: the investor trusts exactly where the trustee honours
    assert bi.rule("root", "trust") == (h >= a)
    assert bi.rule("root", "not") == (a >= h)
    assert [(o.path, o.condition) for o in bi] == [
        (("trust", "honor"), h >= a),
        (("not",), a >= h),
    ]


def test_kreps_trust_game_regions_with_the_tie_as_its_own_case():
    found = [(eq.path, eq.condition, eq.tie) for eq in spe(TRUST)]
    assert found == [
        (("trust", "honor"), h > a, False),
        (("not",), a > h, False),
        (("trust", "honor"), sympy.Eq(h, a), True),
        (("not",), sympy.Eq(h, a), True),
    ]
    # regions z3 proves empty under the assumptions are dropped
    sure = game_tree(TRUST.root, assumptions=[h > a])
    assert [eq.path for eq in spe(sure)] == [("trust", "honor")]


def test_rules_with_signs_unknown_keep_both_branches():
    x, y = real("x y")
    g = game_tree(
        decision(
            "A",
            {
                "in": decision("B", {"l": (x, 1), "r": (y, 0)}),
                "out": (0, 0),
            },
        )
    )
    bi = backward_induction(g)
    assert bi.rule("in", "l") is sympy.true
    assert bi.rule("root", "in") == (x >= 0)
    assert check(bi, max_examples=20).passed is True


def test_entry_deterrence_has_no_noncredible_threat():
    g = game_tree(
        decision(
            "entrant",
            {
                "in": decision("incumbent", {"fight": (-1, -1), "share": (1, 1)}),
                "out": (0, 2),
            },
        )
    )
    nash = {eq.profile for eq in pure_nash(reduced_normal_form(g))}
    assert nash == {("in", "share"), ("out", "fight")}
    assert [eq.profile for eq in spe(g)] == [
        (("entrant@root", "in"), ("incumbent@in", "share"))
    ]


def test_selten_horse_subgame_perfect_equals_nash_when_no_proper_subgame():
    assert subgame_roots(HORSE) == (0,)
    sol = spe(HORSE)
    assert {eq.profile for eq in sol} == {
        (("1@root", "C"), ("2@C", "c"), ("3", "L")),
        (("1@root", "D"), ("2@C", "c"), ("3", "R")),
    }
    assert any("3 movers" in n for n in sol.notes)
    spe_twin(sol, {})


def test_mixed_subgame_folds_back_with_kuhn_behaviour():
    x = real("x")
    stage = {
        "H": decision("B", {"H": (x, -1), "T": (-1, 1)}, info="B"),
        "T": decision("B", {"H": (-1, 1), "T": (1, -1)}, info="B"),
    }
    g = game_tree(decision("A", {"out": (0, 0), "in": decision("A", stage, info="A2")}))
    sol = spe(g)
    mixed = [eq for eq in sol if not eq.is_pure]
    assert mixed, "the matching-pennies subgame has a mixed equilibrium"
    eq = mixed[0]
    assert eq.action("A2") == {"H": sympy.Rational(1, 2), "T": sympy.Rational(1, 2)}
    q = eq.action("B")["H"]
    assert sympy.simplify(q - 2 / (x + 3)) == 0
    assert check(sol, max_examples=15).passed is True


def test_chance_in_a_perfect_information_tree():
    p = positive("p_c")
    g = game_tree(
        decision(
            "A",
            {
                "gamble": chance(
                    {
                        "win": (sympy.Rational(1, 3), (3,)),
                        "lose": (sympy.Rational(2, 3), (0,)),
                    }
                ),
                "safe": (p,),
            },
        )
    )
    bi = backward_induction(g)
    assert bi.rule("root", "gamble") == (p <= 1)
    gamble = next(o for o in bi if len(o.play) == 2)
    assert {path: q for path, q in gamble.play} == {
        ("gamble", "win"): sympy.Rational(1, 3),
        ("gamble", "lose"): sympy.Rational(2, 3),
    }
    assert check(bi, max_examples=10).passed is True


def test_centipede_unravels():
    # payoffs grow, but each mover prefers to take now
    node = (5, 5)
    for k in range(5, 0, -1):
        mover = "A" if k % 2 else "B"
        take = (k + 1, k - 1) if mover == "A" else (k - 1, k + 1)
        node = decision(mover, {"take": take, "pass": node})
    g = game_tree(node, players=("A", "B"))
    (eq,) = spe(g)
    assert eq.path == ("take",)
    assert all(action == "take" for _, action in eq.profile)


def test_agent_form_and_reduced_form_apply_to_trees():
    af = agent_form(HORSE)
    assert af.players == ("1@root", "2@C", "3")
    assert {eq.profile for eq in pure_nash(af)} >= {("C", "c", "L"), ("D", "c", "R")}
    nf = reduced_normal_form(TRUST)
    assert nf.actions == (("trust", "not"), ("honor", "abuse"))


def test_backward_induction_needs_perfect_information():
    with pytest.raises(
        UnsupportedError, match="information set '3' has 2 nodes; use spe"
    ):
        backward_induction(HORSE)
    with pytest.raises(ModelError, match="spe needs an ExtensiveGame"):
        spe("horse")


def test_factored_form_scales_where_the_partition_cannot():
    # six movers in a row, each with an independent choice: 3^63 cells, 64 plays
    # (benchmarks/bench_trees.py times depth 10)
    def build(depth, tag):
        if depth == 6:
            return tuple(syms_for(tag))
        return decision(
            f"P{depth}",
            {"L": build(depth + 1, tag + "L"), "R": build(depth + 1, tag + "R")},
        )

    def syms_for(tag):
        # mover k gets theta_(prefix, own action): independent node conditions
        return [real(f"t_{tag[:k] or 'e'}_{tag[k]}") for k in range(6)]

    g = game_tree(build(0, ""))
    bi = backward_induction(g)
    assert len(bi) == 64
    assert all(len(o.condition.args) == 6 for o in bi)
    with pytest.raises(UnsupportedError, match="keeps the partition factored"):
        spe(g)


# -- random trees against brute force ---------------------------------------------


@settings(max_examples=15, suppress_health_check=list(HealthCheck), deadline=None)
@given(perfect_information_trees(symbolic=False))
def test_numeric_perfect_information_trees_match_brute_force(g):
    sol = spe(g)
    assert {eq.profile for eq in sol} == spe_profiles(NumericTree(g))
    backward_induction_twin(backward_induction(g), {})
    # every pure SPE path is an outcome of the factored form
    plays = {tuple(sorted(eq.play)) for eq in sol}
    assert plays == {tuple(sorted(o.play)) for o in backward_induction(g)}


@settings(max_examples=12, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_symbolic_perfect_information_trees_at_exact_points(data):
    g = data.draw(perfect_information_trees(depth=2))
    sol, bi = spe(g), backward_induction(g)
    symbols = sorted(g.parameters, key=lambda v: v.sort_key())
    for _ in range(3):
        point = data.draw(points(g.assumptions, symbols))
        spe_twin(sol, point)
        backward_induction_twin(bi, point)


@settings(max_examples=8, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_imperfect_information_trees_at_exact_points(data):
    g = data.draw(imperfect_information_trees(depth=2))
    sol = spe(g, mixed=False)
    symbols = sorted(g.parameters, key=lambda v: v.sort_key())
    for _ in range(3):
        point = data.draw(points(g.assumptions, symbols))
        spe_twin(sol, point)


@settings(max_examples=8, suppress_health_check=list(HealthCheck), deadline=None)
@given(imperfect_information_trees(depth=1, symbolic=False))
def test_numeric_stage_games_with_mixed_equilibria_match_brute_force(g):
    # pure ones exactly; mixed ones subgame perfect when checked directly
    spe_twin(spe(g, mixed=True), {})


def test_regions_partition_the_space_at_points():
    g = game_tree(
        decision("A", {"l": decision("B", {"u": (X, 1), "d": (0, Y)}), "r": (1, 0)})
    )
    sol = spe(g)
    for point in ({X: 2, Y: 1}, {X: 0, Y: 1}, {X: 1, Y: 1}, {X: 2, Y: 3}):
        held = [eq for eq in sol if substitute_condition(eq.condition, point)]
        assert held, point
        # outside a tie one equilibrium holds; in a tie one per best action
        if not any(eq.tie for eq in held):
            assert len(held) == 1, point
        spe_twin(sol, point)


def test_check_runs_the_twins():
    assert check(spe(TRUST), max_examples=20).passed is True
    assert check(backward_induction(TRUST), max_examples=20).passed is True
    _ = Fraction
