"""Normal-form games: construction, validation messages, access, substitution."""

import itertools
from fractions import Fraction

import pytest
import sympy

from symtrust import bimatrix, normal_form_game, positive, probability, real
from symtrust.catalog import prisoners_dilemma
from symtrust.errors import AssumptionError, ModelError
from symtrust.games.normal_form.model import as_payoff

a, b = real("a b")
t = probability("t")
c = positive("c")
PLAYERS = ("r", "k")
ACTIONS = (("C", "D"), ("L", "R"))
PROFILES = tuple(itertools.product(*ACTIONS))


def game(**overrides):
    payoffs = {p: (1, 2) for p in PROFILES}
    payoffs.update(overrides.pop("payoffs", {}))
    return normal_form_game(PLAYERS, ACTIONS, payoffs, **overrides)


def test_structure_and_access():
    g = bimatrix([[a, 0], [1, t]], [[b, 1], [0, c]], assumptions=[a > b])
    assert g.players == ("row", "column")
    assert g.actions == (("C", "D"), ("C", "D"))
    assert g.payoff(("D", "D")) == (t, c)
    assert g.utility("column", ("C", "D")) == 1
    assert g.utility(0, ("D", "C")) == 1
    assert list(g.deviations(("C", "D"), "column")) == [("C", "C")]
    assert g.parameters == {a, b, t, c}
    assert (a > b) in g.assumptions.conditions
    assert (t <= 1) in g.assumptions.conditions  # domains collected


def test_exact_payoff_types():
    g = game(payoffs={("C", "L"): (Fraction(1, 3), sympy.Rational(2, 5))})
    assert g.payoff(("C", "L")) == (sympy.Rational(1, 3), sympy.Rational(2, 5))
    assert all(isinstance(u, sympy.Expr) for vec in g.table for u in vec)


def test_subs_gives_the_numeric_game():
    g = bimatrix([[a, 0], [1, t]], [[b, 1], [0, c]])
    h = g.subs({a: 2, b: sympy.Rational(1, 2), t: 1, c: 3})
    assert h.table == ((2, sympy.Rational(1, 2)), (0, 1), (1, 0), (1, 3))
    assert h.assumptions.conditions == ()


@pytest.mark.parametrize(
    ("payoffs", "message"),
    [
        (
            {("C", "L"): (1,)},
            r"payoff vector at \('C', 'L'\) has length 1; there are 2 players",
        ),
        (
            {("C", "L"): (1, 2, 3)},
            r"payoff vector at \('C', 'L'\) has length 3; there are 2 players",
        ),
        (
            {("C", "L"): ("c - w", 1)},
            r"payoff at \('C', 'L'\) is the string 'c - w': strings are not parsed",
        ),
        (
            {("C", "L"): (0.5, 1)},
            r"payoff at \('C', 'L'\) is the float 0.5: symtrust computes exactly",
        ),
        (
            {("C", "L"): (sympy.Float("0.5"), 1)},
            r"payoff at \('C', 'L'\) is the float 0.5",
        ),
        (
            {("C", "L"): (a / 2.0, 1)},
            r"is 0\.5\*a, which contains the float 0\.5: symtrust computes exactly",
        ),
        ({("C", "L"): (True, 1)}, r"payoff at \('C', 'L'\) is the bool True"),
        ({("C", "L"): (sympy.I, 1)}, r"is I, which is not real"),
        ({("C", "L"): (None, 1)}, r"is None of type NoneType"),
        (
            {("C", "L"): "12"},
            r"payoff at \('C', 'L'\) must be a vector of 2 payoffs, got '12'",
        ),
        ({("C", "L"): 1}, r"payoff at \('C', 'L'\) must be a vector of 2 .*, got 1"),
        (
            {("C", "X"): (1, 1)},
            r"payoff profile \('C', 'X'\) is not a profile \(a tuple of one action "
            r"per player\) of actions",
        ),
    ],
)
def test_bad_payoffs_are_named(payoffs, message):
    with pytest.raises(ModelError, match=message):
        game(payoffs=payoffs)


def test_missing_profile():
    with pytest.raises(ModelError, match=r"no payoff given for profile \('C', 'R'\)"):
        normal_form_game(PLAYERS, ACTIONS, {("C", "L"): (1, 1)})


@pytest.mark.parametrize(
    ("players", "actions", "message"),
    [
        (("r", "r"), ACTIONS, r"players \('r', 'r'\) contain a duplicate name"),
        ("rk", ACTIONS, r"players must be a sequence of names, got 'rk'"),
        (("r", ""), ACTIONS, r"players: names must be nonempty strings, got ''"),
        (PLAYERS, (("C", "D"),), r"actions must list one action set per player \(2\)"),
        (PLAYERS, (("C", "C"), ("L",)), r"actions of 'r' \('C', 'C'\) contain a dup"),
        (PLAYERS, (("C",), ()), r"actions of 'k' must not be empty"),
    ],
)
def test_bad_players_and_actions(players, actions, message):
    with pytest.raises(ModelError, match=message):
        normal_form_game(players, actions, {})


def test_payoffs_must_be_a_mapping():
    with pytest.raises(ModelError, match="payoffs must be a mapping"):
        normal_form_game(PLAYERS, ACTIONS, [((("C", "L")), (1, 1))])


def test_unknown_player_action_and_profile_length():
    g = game()
    with pytest.raises(ModelError, match=r"unknown player 'nobody'; players are"):
        g.utility("nobody", ("C", "L"))
    with pytest.raises(ModelError, match=r"unknown player 2; players are"):
        g.utility(2, ("C", "L"))
    with pytest.raises(ModelError, match=r"unknown player True"):
        g.utility(True, ("C", "L"))
    with pytest.raises(ModelError, match=r"unknown action 'X' for player 'k'"):
        g.payoff(("C", "X"))
    with pytest.raises(ModelError, match=r"profile \('C',\) has 1 actions; the game"):
        g.payoff(("C",))


def test_contradictory_assumptions():
    with pytest.raises(
        AssumptionError, match=r"contradict each other: \[a > b, b > a\]"
    ):
        bimatrix([[a, 0], [0, 0]], [[b, 0], [0, 0]], assumptions=[a > b, b > a])
    # a probability outside [0, 1] contradicts its domain
    with pytest.raises(AssumptionError, match=r"\[t > 2\] \(given the domains t >= 0"):
        bimatrix([[t, 0], [0, 0]], [[0, 0], [0, 0]], assumptions=[t > 2])
    with pytest.raises(AssumptionError, match="is a string"):
        bimatrix([[a, 0], [0, 0]], [[0, 0], [0, 0]], assumptions=["a > 0"])


@pytest.mark.parametrize(
    ("row", "col", "message"),
    [
        (
            [[1, 2, 3], [3, 4, 5]],
            [[1, 2], [3, 4]],
            r"column_payoffs is 2x2 but row_payoffs is 2x3",
        ),
        ([[1, 2]], [[1, 2], [3, 4]], r"column_payoffs is 2x2 but row_payoffs is 1x2"),
        (
            sympy.Matrix([[1, 2, 3], [3, 4, 5]]),
            sympy.Matrix([[1, 2], [3, 4]]),
            r"column_payoffs is 2x2 but row_payoffs is 2x3",
        ),
        (
            [[1, 2], [3, 4]],
            ["ab", "cd"],
            r"column_payoffs must be a matrix \(a list of rows\); row 0 is 'ab'",
        ),
        (
            [[1, 2], [3]],
            [[1, 2], [3, 4]],
            r"row_payoffs must be a matrix \(a list of rows of equal length\): row 1 "
            r"has 1 entries, row 0 has 2",
        ),
    ],
)
def test_bimatrix_shapes(row, col, message):
    with pytest.raises(ModelError, match=message):
        bimatrix(row, col)


def test_bimatrix_accepts_sympy_matrices():
    g = bimatrix(sympy.Matrix([[1, 2], [3, 4]]), sympy.Matrix([[5, 6], [7, 8]]))
    assert g.payoff(("D", "C")) == (3, 7)


def test_as_payoff_directly():
    assert as_payoff(3, "here") == sympy.Integer(3)
    with pytest.raises(ModelError, match=r"payoff at here is the float 0\.1"):
        as_payoff(0.1, "here")


def test_printing_lists_profiles():
    text = str(prisoners_dilemma())
    assert text.splitlines()[:2] == ["game: Prisoner's Dilemma", "CC: (R, R)"]
    assert "assumptions:" in text
    assert r"\text{CC: }" in sympy.latex(prisoners_dilemma())
