"""Small trees solved by hand, and careless input read back as errors.

Each answer below was worked out on paper first (the reasoning is in the
comments); the solvers must reproduce it, conditions included.
"""

from fractions import Fraction

import pytest
import sympy

from symtrust import check, extensive_pbe, game_tree, probability, real, spe
from symtrust.core.exact import substitute_condition
from symtrust.errors import ModelError
from symtrust.games.extensive import backward_induction, chance, decision, outcome

Q = probability("q")
C = real("c")
HALF = Fraction(1, 2)

# Entry with a private type: the incumbent is tough with probability q. The
# entrant does not see the type. After entry a tough incumbent fights
# (1 > 0), a soft one accommodates (1 > -1). Entering gives the entrant
# -q + (1 - q) = 1 - 2q, staying out 0: it enters iff q <= 1/2.
ENTRY = game_tree(
    chance(
        {
            "tough": (
                Q,
                decision(
                    "entrant",
                    {
                        "in": decision(
                            "incumbent", {"fight": (-1, 1), "share": (1, 0)}
                        ),
                        "out": (0, 2),
                    },
                    info="entrant",
                ),
            ),
            "soft": (
                1 - Q,
                decision(
                    "entrant",
                    {
                        "in": decision(
                            "incumbent", {"fight": (-1, -1), "share": (1, 1)}
                        ),
                        "out": (0, 2),
                    },
                    info="entrant",
                ),
            ),
        }
    ),
    players=("entrant", "incumbent"),
)

# A quits for c, or A and B play matching pennies (A wins 1 on a match, B on
# a mismatch), B not seeing A's coin. The subgame's only equilibrium mixes
# 1/2-1/2 and is worth 0 to A, so A plays iff 0 >= c, quits iff c >= 0.
PENNIES = game_tree(
    decision(
        "A",
        {
            "quit": (C, 0),
            "play": decision(
                "A",
                {
                    coin: decision(
                        "B",
                        {
                            guess: (1, -1) if guess == coin else (-1, 1)
                            for guess in ("heads", "tails")
                        },
                        info="B guesses",
                    )
                    for coin in ("heads", "tails")
                },
                info="A's coin",
            ),
        },
    ),
    players=("A", "B"),
)


def test_entry_with_a_private_type_by_hand():
    found = extensive_pbe(ENTRY)
    by_move = {eq.action("entrant"): eq for eq in found if eq.is_pure}
    assert set(by_move) == {"in", "out"}
    assert all(
        eq.action("incumbent@tough/in") == "fight"
        and eq.action("incumbent@soft/in") == "share"
        for eq in by_move.values()
    )
    for q, enters, stays in ((Fraction(1, 3), True, False), (HALF, True, True)):
        assert substitute_condition(by_move["in"].condition, {Q: q}) is enters
        assert substitute_condition(by_move["out"].condition, {Q: q}) is stays
    # the entrant's set is always on the path: its belief is the prior
    assert by_move["in"].belief("entrant") == {"tough": Q, "soft": 1 - Q}
    assert check(found, max_examples=15).passed is True


def test_matching_pennies_after_a_quit_option_by_hand():
    found = spe(PENNIES)
    quits = [eq for eq in found if eq.action("A@root") == "quit"]
    plays = [eq for eq in found if eq.action("A@root") == "play"]
    assert quits and plays
    for eq in plays:
        assert eq.action("A's coin") == {"heads": HALF, "tails": HALF}
        assert eq.action("B guesses") == {"heads": HALF, "tails": HALF}
        assert eq.payoffs == (0, 0)
    assert any(eq.condition == (C < 0) for eq in plays)
    assert any(eq.condition == (C > 0) for eq in quits)
    assert check(found, max_examples=15).passed is True


def test_a_three_level_perfect_information_tree_by_hand():
    # B at the bottom takes x if x >= 1 (else 1); A then compares its payoffs
    # 2 (after B's x) or 0 (after B's 1) against 1 for stopping
    x = real("x")
    g = game_tree(
        decision(
            "A",
            {
                "stop": (1, 0),
                "go": decision("B", {"take x": (2, x), "take 1": (0, 1)}),
            },
        )
    )
    bi = backward_induction(g)
    assert bi.rule("go", "take x") == (x >= 1)
    assert bi.rule("root", "go") == (x >= 1)
    assert {o.path: o.condition for o in bi} == {
        ("go", "take x"): x >= 1,
        ("stop",): x <= 1,
    }


# -- careless input --------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: game_tree(decision("A", {"l": (C, 0), "r": (0, 1)})),
            r"there is 1 player \('A',\); the players were taken from the movers",
        ),
        (
            lambda: game_tree(chance({"h": (0.5, (1,)), "t": (0.5, (0,))})),
            "is the float 0.5",
        ),
        (
            lambda: game_tree(chance({"h": ("1/2", (1,)), "t": (HALF, (0,))})),
            "is the string '1/2': strings are never parsed",
        ),
        (
            lambda: game_tree(chance({"h": (C, (1,)), "t": (1 - C, (0,))})),
            r"is c, which is below 0 at the admissible point",
        ),
        (
            lambda: game_tree(decision("A", {"l": outcome({"A": 1, "B": 0})})),
            r"names unknown players \['B'\]",
        ),
        (
            lambda: game_tree(
                decision("A", {"l": decision("A", {"u": (1,)}, info="same")}),
                players=("A",),
            ).node("l/u/v"),
            "'l/u' is a leaf",
        ),
        (
            lambda: PENNIES.subs({C: "0"}),
            "value of c is the string '0'",
        ),
    ],
)
def test_careless_input_is_named(build, message):
    with pytest.raises(ModelError, match=message):
        build()


def test_a_sum_that_only_the_assumptions_make_one():
    a, b = probability("a b")
    root = chance({"h": (a, (1,)), "t": (b, (0,))})
    with pytest.raises(ModelError, match=r"sum to a \+ b, which differs from 1"):
        game_tree(root)
    assert game_tree(root, assumptions=[sympy.Eq(a + b, 1)]).has_chance
