"""Building game trees: the nested constructors, validation, printing, subs."""

from fractions import Fraction

import pytest
import sympy

from symtrust import game_tree, interval, positive, probability, real
from symtrust.catalog import beer_quiche, job_market
from symtrust.errors import AssumptionError, ModelError
from symtrust.games.extensive import (
    chance,
    decision,
    outcome,
    path_name,
)

HALF = Fraction(1, 2)
x = real("x")
p, q = probability("p q")


def trust_game():
    h, a = real("h a")
    r, s = positive("r s")
    return game_tree(
        decision(
            "investor",
            {
                "trust": decision("trustee", {"honor": (r, h), "abuse": (-s, a)}),
                "not": (0, 0),
            },
        ),
        name="trust",
    )


def test_index_paths_players_and_infosets():
    g = trust_game()
    assert g.players == ("investor", "trustee")
    assert [n.path for n in g.nodes] == [
        (),
        ("trust",),
        ("trust", "honor"),
        ("trust", "abuse"),
        ("not",),
    ]
    # each subtree is an interval of preorder ids
    assert [(n.id, n.end) for n in g.nodes] == [(0, 5), (1, 4), (2, 3), (3, 4), (4, 5)]
    assert [i.label for i in g.infosets] == ["investor@root", "trustee@trust"]
    assert g.is_perfect_information and not g.has_chance
    assert g.node("trust/abuse").payoffs == (-positive("s"), real("a"))
    assert g.node(("not",)).payoffs == (0, 0)
    assert g.parameters == set(map(sympy.Symbol, ())) | {
        real("h"),
        real("a"),
        positive("r"),
        positive("s"),
    }


def test_players_in_given_order_and_payoffs_by_name():
    g = game_tree(
        decision("A", {"x": outcome({"B": 1, "A": 2}, label="deal"), "y": (0, 0)}),
        players=("A", "B"),
    )
    assert g.node("x").payoffs == (2, 1)
    assert g.node("x").label == "deal"
    # a player who never moves still has payoffs
    g = game_tree(decision("A", {"x": (1, 5), "y": (0, 3)}), players=("A", "observer"))
    assert g.infosets_of("observer") == ()


def test_information_sets_by_label_with_any_action_order():
    g = game_tree(
        chance(
            {
                "H": (p, decision("A", {"l": (1,), "r": (0,)}, info="guess")),
                "T": (1 - p, decision("A", {"r": (1,), "l": (0,)}, info="guess")),
            }
        )
    )
    (info,) = g.infosets
    assert info.label == "guess" and info.actions == ("l", "r")
    assert [path_name(g.nodes[m].path) for m in info.members] == ["H", "T"]
    assert not g.is_perfect_information and g.has_chance


def test_signaling_game_is_a_tree():
    sg = beer_quiche()
    g = game_tree(sg)
    assert g.players == ("sender", "receiver")
    assert g.node("weak").probabilities == ()
    assert g.nodes[0].probabilities == sg.prior
    assert {i.label for i in g.infosets} == {
        "sender weak",
        "sender strong",
        "receiver after beer",
        "receiver after quiche",
    }
    for t in sg.types:
        for m in sg.messages:
            for a in sg.actions:
                assert g.node((t, m, a)).payoffs == (sg.u_S(t, m, a), sg.u_R(t, m, a))
    # the signaling game's assumptions travel with it
    assert game_tree(job_market()).assumptions == job_market().assumptions


def test_text_outline():
    text = str(trust_game())
    assert text.splitlines() == [
        "trust (players: investor, trustee)",
        "investor",
        "├─ trust → trustee",
        "│  ├─ honor → (r, h)",
        "│  └─ abuse → (-s, a)",
        "└─ not → (0, 0)",
    ]


def test_subs_keeps_structure_and_checks_the_point():
    g = game_tree(
        chance({"H": (p, decision("A", {"l": (x,), "r": (0,)})), "T": (1 - p, (1,))}),
        assumptions=[x > 1],
    )
    at = g.subs({p: Fraction(1, 3)})
    assert at.nodes[0].probabilities == (sympy.Rational(1, 3), sympy.Rational(2, 3))
    assert at.assumptions.conditions == (x > 1,)
    assert at.subs({x: 2}).node("H/l").payoffs == (2,)
    with pytest.raises(AssumptionError, match=r"violates the assumption x > 1"):
        g.subs({x: 0})
    with pytest.raises(AssumptionError, match=r"p = 2 is outside the domain of p"):
        g.subs({p: 2})
    with pytest.raises(ModelError, match="is the string"):
        g.subs({x: "2"})


def test_deep_chain_builds_and_prints_without_recursion_error():
    node = (0, 0)
    for k in range(1500):
        node = decision("A" if k % 2 else "B", {"stop": (k, -k), "go": node})
    g = game_tree(node)
    assert len(g.nodes) == 3001
    assert str(g).count("\n") == 3001


# -- careless input: each error names the node, the value and the rule ---------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: decision("A", {"l": ("1",), "r": (0,)}),
            r"leaf 'l' for 'A' is the string '1': strings are not parsed",
        ),
        (
            lambda: decision("A", {"l": (0.5,), "r": (0,)}),
            r"leaf 'l' for 'A' is the float 0.5",
        ),
        (
            lambda: decision(
                "A", {"l": (1,), "r": decision("B", {"u": (1, 2), "d": (1, 2, 3)})}
            ),
            r"the leaf 'l' has 1 payoff\(s\) \(1,\); there are 2 players",
        ),
        (
            lambda: decision("A", {"l": {"A": 1, "Z": 2}, "r": {"A": 0}}),
            r"the leaf 'l' names unknown players \['Z'\]",
        ),
        (
            lambda: chance(
                {
                    "h": (HALF, decision("A", {"l": (1, 0), "r": (0, 0)}, info="I")),
                    "t": (HALF, decision("B", {"l": (1, 0), "r": (0, 0)}, info="I")),
                }
            ),
            r"information set 'I' mixes players: node 'h' belongs to 'A' and node 't' to 'B'",
        ),
        (
            lambda: chance(
                {
                    "h": (HALF, decision("A", {"l": (1,), "r": (0,)}, info="I")),
                    "t": (HALF, decision("A", {"l": (1,), "m": (0,)}, info="I")),
                }
            ),
            r"information set 'I' has different actions at its nodes: \('l', 'r'\) at 'h' "
            r"and \('l', 'm'\) at 't'",
        ),
        (
            lambda: decision(
                "A",
                {
                    "l": decision("A", {"x": (1,), "y": (0,)}, info="J"),
                    "r": decision("A", {"x": (1,), "y": (0,)}, info="J"),
                },
            ),
            r"information set 'J' of 'A' violates perfect recall: at node 'l' 'A' has made "
            r"the moves \['l' at 'A@root'\], at node 'r' the moves \['r' at 'A@root'\]",
        ),
        (
            # the absent-minded driver: a set that follows its own member
            lambda: decision(
                "A",
                {
                    "exit": (0,),
                    "continue": decision(
                        "A", {"exit": (4,), "continue": (1,)}, info="I"
                    ),
                },
                info="I",
            ),
            r"information set 'I' of 'A' violates perfect recall: at node 'root'",
        ),
        (
            # forgetting what one knew (which set one was in), not what one did
            lambda: chance(
                {
                    "h": (
                        HALF,
                        decision(
                            "A",
                            {
                                "l": decision("A", {"x": (1,), "y": (0,)}, info="J"),
                                "r": (0,),
                            },
                            info="I1",
                        ),
                    ),
                    "t": (
                        HALF,
                        decision(
                            "A",
                            {
                                "l": decision("A", {"x": (0,), "y": (1,)}, info="J"),
                                "r": (0,),
                            },
                            info="I2",
                        ),
                    ),
                }
            ),
            r"at node 'h/l' 'A' has made the moves \['l' at 'I1'\], at node 't/l' the "
            r"moves \['l' at 'I2'\]",
        ),
        (
            lambda: chance({"h": (Fraction(3, 2), (1,)), "t": (-HALF, (0,))}),
            r"the probability of 'h' at the chance node 'root' is 3/2, outside \[0, 1\]",
        ),
        (
            lambda: chance({"h": (HALF, (1,)), "t": (Fraction(1, 3), (0,))}),
            r"the probabilities at the chance node 'root' sum to 5/6, not 1",
        ),
        (
            lambda: chance({"h": (2 * p, (1,)), "t": (1 - 2 * p, (0,))}),
            r"the probability of 'h' at the chance node 'root' is 2\*p, which is above 1 "
            r"at the admissible point",
        ),
        (
            lambda: chance({"h": (p, (1,)), "t": (q, (0,))}),
            r"sum to p \+ q, which differs from 1 at the admissible point",
        ),
        (
            lambda: chance({"h": ("1/2", (1,)), "t": ("1/2", (0,))}),
            r"the probability of 'h' at the chance node 'root' is the string '1/2': "
            r"strings are never parsed",
        ),
        (
            lambda: chance({"h": (0.5, (1,)), "t": (0.5, (0,))}),
            r"is the float 0.5: symtrust computes exactly",
        ),
    ],
)
def test_bad_trees_are_refused_with_the_node_named(build, message):
    with pytest.raises(ModelError, match=message):
        game_tree(build())


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: decision("A", ["l", "r"]), r"must be a mapping action -> subtree"),
        (lambda: decision("A", {}), r"the decision node of 'A' has no actions"),
        (lambda: decision("", {"l": (1,)}), r"player must be a nonempty string"),
        (
            lambda: decision("A", {"": (1,)}),
            r"an action of 'A' must be a nonempty string",
        ),
        (
            lambda: decision("A", {"l": 1}),
            r"the subtree after 'A' plays 'l' is 1 of type int",
        ),
        (lambda: decision("A", {"l": "win"}), r"is the string 'win'"),
        (lambda: chance({"h": (p,), "t": (1 - p, (0,))}), r"must be a pair"),
        (lambda: chance({}), r"nonempty mapping"),
        (lambda: decision("A", {"l": (1,)}, info=""), r"information-set label"),
    ],
)
def test_constructors_check_shapes(build, message):
    with pytest.raises(ModelError, match=message):
        build()


def test_players_and_assumptions_are_checked():
    with pytest.raises(
        ModelError, match=r"belongs to 'A', who is not among the players \('B',\)"
    ):
        game_tree(decision("A", {"l": (1,), "r": (0,)}), players=("B",))
    with pytest.raises(ModelError, match="duplicate"):
        game_tree(decision("A", {"l": (1, 1), "r": (0, 0)}), players=("A", "A"))
    with pytest.raises(AssumptionError, match="contradict"):
        game_tree(decision("A", {"l": (x,), "r": (0,)}), assumptions=[x > 1, x < 0])
    with pytest.raises(AssumptionError, match="is a string"):
        game_tree(decision("A", {"l": (x,), "r": (0,)}), assumptions=["x > 1"])
    with pytest.raises(ModelError, match="sender, receiver"):
        game_tree(beer_quiche(), players=("a", "b"))


def test_symbolic_probabilities_valid_under_the_assumptions():
    # 2 p is a probability because the assumptions say p <= 1/2
    half = interval("w", 0, sympy.Rational(1, 2))
    g = game_tree(chance({"h": (2 * half, (1,)), "t": (1 - 2 * half, (0,))}))
    assert g.nodes[0].probabilities == (2 * half, 1 - 2 * half)


def test_a_cycle_is_named():
    leaf = decision("A", {"l": (1,), "r": (0,)})
    inner = decision("A", {"x": leaf, "y": (0,)})
    # immutable nodes cannot form a cycle; forcing one is still caught
    object.__setattr__(leaf, "branches", (("l", inner), ("r", (0,))))
    with pytest.raises(
        ModelError,
        match=r"the tree has a cycle: the node at 'l/x' is its own ancestor at 'root'",
    ):
        game_tree(leaf)


def test_lookups_name_what_is_missing():
    g = trust_game()
    with pytest.raises(ModelError, match=r"no node at path 'trust/share'"):
        g.node("trust/share")
    with pytest.raises(ModelError, match=r"no information set 'nobody'"):
        g.infoset("nobody")
    with pytest.raises(ModelError, match="unknown player"):
        g.infosets_of("nobody")
