"""Hypothesis strategies for game trees, built valid by construction.

* ``perfect_information_trees``: two players, decision and chance nodes,
  leaves with small integers or one of a few symbolic payoffs;
* ``imperfect_information_trees``: the same with simultaneous-move stages
  (the second mover's nodes form one information set), so every tree has
  perfect recall by construction.
"""

from fractions import Fraction

from hypothesis import strategies as st

from symtrust import game_tree, interval, real
from symtrust.games.extensive import chance, decision

X, Y = real("x y")
P = interval("p", 0, 1, left_open=True, right_open=True)
PLAYERS = ("A", "B")


def _payoff(draw, symbolic):
    base = draw(st.integers(-2, 2))
    if symbolic and draw(st.integers(0, 3)) == 0:
        return base + draw(st.sampled_from([X, Y, -X]))
    return base


@st.composite
def _leaf(draw, symbolic):
    return tuple(_payoff(draw, symbolic) for _ in PLAYERS)


@st.composite
def _node(draw, depth, symbolic, simultaneous, counter):
    if depth == 0 or draw(st.integers(0, 4)) == 0:
        return draw(_leaf(symbolic))
    kind = draw(
        st.sampled_from(["decision"] * 4 + ["chance"] + ["stage"] * simultaneous)
    )
    width = draw(st.integers(2, 3 if depth > 1 else 2))
    actions = [f"a{k}" for k in range(width)]
    if kind == "chance":
        prob = draw(
            st.sampled_from([Fraction(1, 2), P] if symbolic else [Fraction(1, 3)])
        )
        kids = [
            draw(_node(depth - 1, symbolic, simultaneous, counter)) for _ in range(2)
        ]
        return chance({"h": (prob, kids[0]), "t": (1 - prob, kids[1])})
    if kind == "stage":
        # A moves, then B without seeing A's move: one information set for B
        counter[0] += 1
        label = f"B stage {counter[0]}"
        rows = {
            a: decision(
                "B",
                {b: draw(_leaf(symbolic)) for b in ("l", "r")},
                info=label,
            )
            for a in actions[:2]
        }
        return decision("A", rows)
    player = draw(st.sampled_from(PLAYERS))
    return decision(
        player,
        {a: draw(_node(depth - 1, symbolic, simultaneous, counter)) for a in actions},
    )


@st.composite
def perfect_information_trees(draw, depth=3, symbolic=True):
    root = draw(_node(depth, symbolic, False, [0]))
    if not hasattr(root, "branches"):
        root = decision("A", {"only": root, "other": draw(_leaf(symbolic))})
    return game_tree(root, players=PLAYERS)


@st.composite
def imperfect_information_trees(draw, depth=3, symbolic=True):
    counter = [0]
    other = draw(_node(depth, symbolic, True, counter))
    # at least one simultaneous stage, below a first move
    counter[0] += 1
    stage = decision(
        "A",
        {
            a: decision(
                "B",
                {b: draw(_leaf(symbolic)) for b in ("l", "r")},
                info="B first stage",
            )
            for a in ("u", "d")
        },
    )
    first = draw(st.sampled_from(PLAYERS))
    return game_tree(decision(first, {"stage": stage, "other": other}), players=PLAYERS)
