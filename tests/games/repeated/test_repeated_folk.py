"""Folk-theorem regions: minmax values and feasible, individually rational sets.

Published answers: in the Prisoner's Dilemma each player's minmax value is P,
pure or mixed (Fudenberg and Tirole 1991, sec. 5.1.2); in matching pennies
the pure minmax is 1 and the mixed minmax 0 (Mailath and Samuelson 2006,
sec. 2.7.1); grim trigger sustains (C, C) iff delta >= (T - R)/(T - P).
"""

import dataclasses

import pytest
import sympy

from symtrust import bimatrix, check, decide, real
from symtrust.catalog import prisoners_dilemma, symmetric_2x2
from symtrust.core.twins import twin_for
from symtrust.errors import ModelError, UnsupportedError, VerificationError
from symtrust.games.repeated import (
    folk_region,
    grim_trigger_discount,
    minmax,
    repeated_game,
    target_discount,
)

PD = prisoners_dilemma()
R, S, T, P = (next(s for s in PD.parameters if s.name == n) for n in "RSTP")
PENNIES = bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]], name="matching pennies")


@pytest.mark.parametrize("mixed", [False, True])
def test_prisoners_dilemma_minmax_is_p(mixed):
    for player in (0, 1):
        m = minmax(PD, player, mixed=mixed)
        assert m.value == P
        assert check(m, max_examples=8).passed is True


def test_matching_pennies_minmax():
    assert minmax(PENNIES, 0).value == 1
    assert minmax(PENNIES, 1, mixed=True).value == 0
    assert check(minmax(PENNIES, 0, mixed=True), max_examples=3).passed is True


def test_numeric_prisoners_dilemma_region():
    region = folk_region(symmetric_2x2(3, 0, 5, 1))
    x1, x2 = region.target
    half = sympy.Rational(1, 2)

    def at(a, b):
        return region.value.xreplace({x1: a, x2: b})

    assert at(3, 3) and at(2, 2) and at(4, 2) is sympy.false
    assert at(1, 1) is sympy.false  # not strictly individually rational
    assert at(4, 4) is sympy.false  # not feasible
    assert at(3 + half, 1 + half)  # inside: 3 x_1 + 2 x_2 = 13.5 <= 15
    assert check(region, max_examples=25).passed is True


def test_symbolic_prisoners_dilemma_region_contains_cooperation():
    region = folk_region(PD)
    x1, x2 = region.target
    at_rr = region.value.xreplace({x1: R, x2: R})
    assert decide(at_rr, PD.assumptions).truth is True
    assert decide(region.value.xreplace({x1: T, x2: T}), PD.assumptions).truth is False


def test_region_twin_catches_a_wrong_region():
    region = folk_region(symmetric_2x2(3, 0, 5, 1))
    x1, x2 = region.target
    wrong = dataclasses.replace(region, value=sympy.And(x1 > 1, x2 > 1))
    with pytest.raises(VerificationError):
        twin_for(wrong)(wrong, {x1: 4, x2: 4})
    twin_for(region)(region, {x1: 4, x2: 4})


def test_grim_trigger_sustains_cooperation_above_friedmans_bound():
    md = grim_trigger_discount(repeated_game(PD), ("C", "C"))
    assert sympy.simplify(md.value - (T - R) / (T - P)) == 0


def test_bad_input():
    with pytest.raises(UnsupportedError, match="2x2"):
        minmax(bimatrix([[1, 2, 3]], [[1, 2, 3]]), 0, mixed=True)
    with pytest.raises(ModelError, match="pair of SymPy symbols"):
        folk_region(PD, target=("x", "y"))
    with pytest.raises(ModelError, match="parameters of the game"):
        folk_region(PD, target=(R, real("y")))
    with pytest.raises(ModelError, match="not an action"):
        grim_trigger_discount(repeated_game(PD), ("C", "X"))


def test_randomized_target_by_hand():
    # x = (3/2, 4) from (C, C) and (C, D) with weights 1/2, Nash reversion to
    # (D, D) worth (1, 1): after (C, C) the row needs
    # 3 (1 - d) + 3/2 d >= 5 (1 - d) + d, i.e. d >= 4/5 (the binding one);
    # after (C, D) it needs 3/2 d >= (1 - d) + d, i.e. d >= 2/3
    half = sympy.Rational(1, 2)
    g = repeated_game(symmetric_2x2(3, 0, 5, 1))
    r = target_discount(g, {("C", "C"): half, ("C", "D"): half})
    assert r.target == (sympy.Rational(3, 2), 4)
    assert r.value == sympy.Rational(4, 5)
    assert check(r, max_examples=8).passed is True
    wrong = dataclasses.replace(r, value=sympy.Rational(2, 3))
    with pytest.raises(VerificationError):
        twin_for(wrong)(wrong, {g.delta: sympy.Rational(3, 4)})


def test_pure_target_is_grim_trigger():
    r = target_discount(repeated_game(PD), {("C", "C"): 1})
    assert sympy.simplify(r.value - (T - R) / (T - P)) == 0


@pytest.mark.parametrize(
    ("weights", "match"),
    [
        ({("C", "C"): sympy.Rational(1, 2)}, "sum to 1/2"),
        ({("C", "C"): 0.5, ("D", "D"): 0.5}, "float 0.5"),
        ({("C", "X"): 1}, "action 'X'"),
        ({("C", "C"): -1, ("D", "D"): 2}, "is -1"),
        ({}, "must map pure profiles"),
        ("CC", "must map pure profiles"),
    ],
)
def test_bad_weights(weights, match):
    with pytest.raises(ModelError, match=match):
        target_discount(repeated_game(PD), weights)
