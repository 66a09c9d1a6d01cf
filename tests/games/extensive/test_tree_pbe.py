"""Perfect Bayesian equilibria of trees, beliefs, action values, rationality.

The general solver must agree with the signaling family's ``pbe`` on every
signaling game of the tests (pure and hybrid equilibria, at exact points),
and with brute-force assessment enumeration on other trees.
"""

from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tree_cases import imperfect_information_trees

from symtrust import (
    check,
    extensive_pbe,
    game_tree,
    interval,
    pbe,
    positive,
    probability,
    real,
    signaling_game,
)
from symtrust.catalog import beer_quiche, job_market
from symtrust.core.exact import substitute_condition
from symtrust.errors import ModelError
from symtrust.games.extensive import (
    action_values,
    chance,
    decision,
    infoset_belief,
    sequential_rationality,
)
from symtrust.games.extensive.twins.brute import NumericTree
from symtrust.games.extensive.twins.brute_pbe import belief_feasible, pure_pbe
from symtrust.games.extensive.twins.pbe import belief_twin, pbe_twin
from symtrust.testing import points

HALF = Fraction(1, 2)


# -- agreement with the signaling family --------------------------------------------


def _signaling_view(eq, game):
    """A tree assessment as (sender behaviour per type, receiver per message)."""
    sender = tuple(
        tuple(
            sorted(
                dict(
                    zip(
                        eq.actions[eq.infosets.index(f"sender {t}")],
                        eq.behaviour[eq.infosets.index(f"sender {t}")],
                        strict=True,
                    )
                ).items()
            )
        )
        for t in game.types
    )
    receiver = tuple(
        tuple(
            sorted(
                dict(
                    zip(
                        eq.actions[eq.infosets.index(f"receiver after {m}")],
                        eq.behaviour[eq.infosets.index(f"receiver after {m}")],
                        strict=True,
                    )
                ).items()
            )
        )
        for m in game.messages
    )
    return sender, receiver


def _family_view(eq, game):
    def full(pairs, names):
        d = dict(pairs)
        return tuple(sorted((n, d.get(n, sympy.S.Zero)) for n in names))

    return (
        tuple(full(x, game.messages) for x in eq.sender),
        tuple(full(x, game.actions) for x in eq.receiver),
    )


def _at(view, point):
    return tuple(
        tuple(
            tuple((a, sympy.sympify(q).xreplace(point)) for a, q in part)
            for part in side
        )
        for side in view
    )


def agree(game, point, *, hybrid=True):
    """Both solvers' equilibria holding at the point, as plain profiles."""
    mine = extensive_pbe(game_tree(game), hybrid=hybrid, max_mixing=2)
    theirs = pbe(game, hybrid=hybrid, max_mixing=1)
    got = {
        _at(_signaling_view(eq, game), point)
        for eq in mine
        if substitute_condition(eq.condition, point)
    }
    want = {
        _at(_family_view(eq, game), point)
        for eq in theirs
        if substitute_condition(eq.condition, point)
    }
    assert got == want, (point, got ^ want)


def test_beer_quiche_agrees_with_pbe_including_beliefs():
    sg = beer_quiche()
    mine = extensive_pbe(game_tree(sg))
    theirs = pbe(sg)
    assert {_signaling_view(eq, sg) for eq in mine} == {
        _family_view(eq, sg) for eq in theirs
    }
    # the same off-path belief sets, on the same belief symbols
    assert sorted(str(eq.off_path_beliefs) for eq in mine) == sorted(
        str(eq.off_path_beliefs) for eq in theirs
    )


@pytest.mark.parametrize(
    "point",
    [
        {},
        {"q": Fraction(1, 3), "c_H": Fraction(1, 2), "c_L": 2},
        {"q": Fraction(2, 3), "c_H": Fraction(1, 2), "c_L": Fraction(3, 4)},
        {"q": HALF, "c_H": 1, "c_L": 2},
    ],
)
def test_job_market_agrees_with_pbe_at_points(point):
    sg = job_market()
    named = {s: point[str(s)] for s in sg.parameters if str(s) in point}
    if point:
        agree(sg, named)
    else:
        # symbolically: the same equilibria with the same conditions
        mine = extensive_pbe(game_tree(sg))
        theirs = pbe(sg)
        assert {_signaling_view(eq, sg) for eq in mine} == {
            _family_view(eq, sg) for eq in theirs
        }
        assert {eq.condition for eq in mine} == {eq.condition for eq in theirs}


@settings(max_examples=6, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_beer_quiche_with_a_symbolic_prior_agrees_at_points(data):
    p = interval("p", 0, 1)
    sg = beer_quiche(p)
    point = data.draw(points(sg.assumptions, [p]))
    agree(sg, point)


@st.composite
def numeric_signaling_games(draw):
    n = draw(st.integers(2, 3))
    k = draw(st.integers(2, 3)) if n == 2 else 2
    l = draw(st.integers(2, 3)) if n == 2 else 2
    T = tuple(f"t{i}" for i in range(n))
    M = tuple(f"m{i}" for i in range(k))
    A = tuple(f"a{i}" for i in range(l))
    u = {
        (t, m, a): (draw(st.integers(0, 2)), draw(st.integers(0, 2)))
        for t in T
        for m in M
        for a in A
    }
    w = [draw(st.integers(1, 3)) for _ in T]
    return signaling_game(T, M, A, u, prior=[Fraction(x, sum(w)) for x in w])


@settings(max_examples=15, suppress_health_check=list(HealthCheck), deadline=None)
@given(numeric_signaling_games())
def test_random_numeric_signaling_games_agree_with_pbe(sg):
    # pure equilibria exactly; hybrids as far as both solvers enumerate them
    agree(sg, {}, hybrid=False)
    pbe_twin(extensive_pbe(game_tree(sg), hybrid=False), {})


@st.composite
def symbolic_signaling_games(draw):
    p = interval("p", 0, 1, left_open=True, right_open=True)
    x = real("x")
    T, M, A = ("t0", "t1"), ("m0", "m1"), ("a0", "a1")

    def entry():
        return draw(st.integers(-1, 2)) + (x if draw(st.integers(0, 3)) == 0 else 0)

    u = {(t, m, a): (entry(), entry()) for t in T for m in M for a in A}
    return signaling_game(T, M, A, u, prior=[p, 1 - p])


@settings(max_examples=4, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_random_symbolic_signaling_games_agree_at_points(data):
    sg = data.draw(symbolic_signaling_games())
    symbols = sorted(sg.parameters, key=lambda v: v.sort_key())
    for _ in range(3):
        agree(sg, data.draw(points(sg.assumptions, symbols)))


def test_three_types_agree_with_pbe():
    T, M, A = ("t0", "t1", "t2"), ("m0", "m1"), ("a0", "a1", "a2")
    u = {}
    for i, t in enumerate(T):
        for j, m in enumerate(M):
            for k, a in enumerate(A):
                u[(t, m, a)] = (k - (j if i == 0 else 1 - j), int(i == k))
    sg = signaling_game(T, M, A, u, prior=[Fraction(1, 3)] * 3)
    agree(sg, {}, hybrid=False)


# -- trees that are not signaling games -----------------------------------------------


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


def test_selten_horse_sequential_rationality_removes_the_noncredible_equilibrium():
    sol = extensive_pbe(HORSE)
    # (D, c, R) is Nash (and subgame perfect) but 2's c is not rational off the path
    assert [eq.profile for eq in sol] == [(("1@root", "C"), ("2@C", "c"), ("3", "L"))]
    (eq,) = sol
    assert eq.off_path == ("3",)
    mu = eq.beliefs[2][0][1]
    assert eq.off_path_beliefs == (mu >= sympy.Rational(2, 3))
    pbe_twin(sol, {})


def test_entry_with_a_private_type():
    q = interval("q", 0, 1, left_open=True, right_open=True)
    e, b, m = positive("e b m")

    def stage(tough):
        fight = (-b, m / 2 if tough else m / 2 - 1)
        share = (e, m / 2 - 1 if tough else m / 2)
        return decision(
            "entrant",
            {
                "enter": decision("incumbent", {"fight": fight, "share": share}),
                "out": (0, m),
            },
            info="entrant",
        )

    g = game_tree(
        chance({"tough": (q, stage(True)), "weak": (1 - q, stage(False))}),
        players=("entrant", "incumbent"),
    )
    sol = extensive_pbe(g)
    enter = next(eq for eq in sol if eq.action("entrant") == "enter")
    assert enter.condition == (e >= b * q + e * q)
    assert check(sol, max_examples=10).passed is True


@settings(max_examples=10, suppress_health_check=list(HealthCheck), deadline=None)
@given(imperfect_information_trees(depth=1, symbolic=False))
def test_numeric_trees_match_brute_force_assessments(g):
    sol = extensive_pbe(g)
    pbe_twin(sol, {})
    assert {eq.profile for eq in sol if eq.is_pure} == pure_pbe(NumericTree(g))


@settings(max_examples=6, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_symbolic_trees_match_brute_force_at_points(data):
    g = data.draw(imperfect_information_trees(depth=1))
    sol = extensive_pbe(g, hybrid=False)
    symbols = sorted(g.parameters, key=lambda v: v.sort_key())
    for _ in range(3):
        pbe_twin(sol, data.draw(points(g.assumptions, symbols)))


def test_brute_force_belief_feasibility():
    # one member favours the action, the other does not: some belief supports it
    assert belief_feasible([[Fraction(1)], [Fraction(-1)]]) is True
    assert belief_feasible([[Fraction(-1)], [Fraction(-2)]]) is False
    # three members, two rivals: only the middle of the simplex works
    gaps = [
        [Fraction(1), Fraction(-1)],
        [Fraction(-1), Fraction(1)],
        [Fraction(0), Fraction(0)],
    ]
    assert belief_feasible(gaps) is True


# -- beliefs, action values, sequential rationality of a given profile ----------------


def _build_game():
    p, s = probability("p s")
    g = game_tree(
        chance(
            {
                "secure": (
                    p,
                    decision(
                        "A",
                        {
                            "build": decision(
                                "B", {"c": (1, 1), "d": (0, 0)}, info="B after build"
                            ),
                            "not": (2, 2),
                        },
                        info="A secure",
                    ),
                ),
                "greedy": (
                    1 - p,
                    decision("B", {"c": (1, 0), "d": (0, 1)}, info="B after build"),
                ),
            }
        ),
        players=("A", "B"),
    )
    return g, p, s


def test_infoset_belief_is_bayes_rule_in_closed_form():
    g, p, s = _build_game()
    mu = infoset_belief(g, "B after build", {"A secure": {"build": s, "not": 1 - s}})
    assert sympy.simplify(mu["secure/build"] - p * s / (p * s + 1 - p)) == 0
    assert sympy.simplify(mu["greedy"] - (1 - p) / (p * s + 1 - p)) == 0
    assert check(mu, max_examples=20).passed is True
    for point in ({p: HALF, s: Fraction(1, 3)}, {p: 1, s: 1}, {p: 0, s: 0}):
        belief_twin(mu, point)


def test_infoset_belief_refuses_an_unreached_set():
    g, _, _ = _build_game()
    solo = game_tree(
        decision(
            "A", {"x": decision("B", {"l": (1, 1), "r": (0, 0)}, info="I"), "y": (0, 0)}
        )
    )
    with pytest.raises(ModelError, match="off the path of play"):
        infoset_belief(solo, "I", {"A@root": "y"})
    with pytest.raises(ModelError, match="no behaviour at 'A secure'"):
        infoset_belief(g, "B after build", {})


def test_action_values_and_sequential_rationality():
    g, p, s = _build_game()
    profile = {"A secure": {"build": s, "not": 1 - s}, "B after build": "c"}
    vals = action_values(g, "B after build", profile)
    assert sympy.simplify(vals.value["c"] - p * s / (p * s + 1 - p)) == 0
    assert check(vals, max_examples=15).passed is True
    sr = sequential_rationality(g, profile, at=["B after build"])
    # c is best iff B believes the builder secure at least half the time
    assert substitute_condition(sr.condition, {p: HALF, s: 1}) is True
    assert substitute_condition(sr.condition, {p: HALF, s: Fraction(1, 3)}) is False
    assert check(sr, max_examples=15).passed is True


# -- sequential rationality against whole continuations, not one-shot deviations ----

# Myerson (1991, fig. 4.2) written out: player 1 moves, player 2 answers
# without seeing the move, and after A1 player 1 moves again without seeing
# player 2's answer.
FORGETFUL_DEVIATION = game_tree(
    decision(
        "1",
        {
            "A1": decision(
                "2",
                {
                    "W2": decision("1", {"Y1": (3, 0), "Z1": (0, 0)}, info="1 again"),
                    "X2": decision("1", {"Y1": (2, 3), "Z1": (4, 1)}, info="1 again"),
                },
                info="2",
            ),
            "B1": decision("2", {"W2": (2, 3), "X2": (3, 2)}, info="2"),
        },
    )
)


def test_a_later_own_set_off_the_path_does_not_excuse_a_deviation():
    # by hand: after B1 and W2, player 1 would gain from A1 followed by Y1
    # (3 > 2), although the off-path belief mu(W2) <= 2/5 at "1 again" makes
    # Z1 the one-shot best there; so (B1, W2, Z1) is no equilibrium. The only
    # pure one is (A1, X2, Z1): 4 beats B1's 3, and X2 gives 2 more than W2.
    pure = [eq.profile for eq in extensive_pbe(FORGETFUL_DEVIATION) if eq.is_pure]
    assert pure == [(("1@root", "A1"), ("2", "X2"), ("1 again", "Z1"))]
    assert pure_pbe(NumericTree(FORGETFUL_DEVIATION)) == set(pure)
    sr = sequential_rationality(
        FORGETFUL_DEVIATION, {"1@root": "B1", "2": "W2", "1 again": "Z1"}, at=["1@root"]
    )
    assert sr.condition is sympy.false
