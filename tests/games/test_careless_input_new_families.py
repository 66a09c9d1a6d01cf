"""Careless input to the new families: a symtrust error naming the value and the rule.

Strings, floats, nan, infinities, complex numbers, wrong shapes, reversed
bounds, priors outside [0, 1], symbols whose declared domain breaks a rule,
and unknown players; each must raise a :mod:`symtrust.errors` exception
whose message names the offending value and the rule (never a raw SymPy or
Python error, never a silent answer).
"""

import pytest
import sympy
from sympy import Rational

import symtrust
from symtrust.errors import AssumptionError, ModelError, UnsupportedError
from symtrust.games.cheap_talk import cheap_talk_game, partition_equilibrium
from symtrust.games.continuous import (
    bayesian_continuous_game,
    best_response,
    continuous_game,
    crisis_bargaining,
    first_price_auction,
    interim_utility,
    offer_game,
    responder_cutoff,
    stackelberg,
    symmetric_continuous_game,
)
from symtrust.games.continuous_signals import ordered_signal_game, signal_game
from symtrust.games.continuous_types import uniform
from symtrust.games.repeated import chain_store, reputation_equilibrium
from symtrust.kydd.two_sided import starting_small_two_sided

q1, q2 = symtrust.nonnegative("q1 q2")
x, t = sympy.Symbol("x", real=True), sympy.Symbol("t", real=True)
UTILS = (q1 * (1 - q1 - q2), q2 * (1 - q1 - q2))
HALF = Rational(1, 2)


def _cournot(**kw):
    args = dict(players=("a", "b"), actions=(q1, q2), utilities=UTILS)
    args.update(kw)
    return continuous_game(
        args.pop("players"), args.pop("actions"), args.pop("utilities"), **args
    )


@pytest.mark.parametrize(
    ("kw", "pieces"),
    [
        ({"utilities": ("q1", UTILS[1])}, ["string 'q1'", "not parsed"]),
        ({"utilities": (0.5 * q1, UTILS[1])}, ["float 0.5", "exactly"]),
        ({"utilities": (sympy.nan, UTILS[1])}, ["nan", "finite real"]),
        ({"utilities": (sympy.I * q1, UTILS[1])}, ["I*q1", "real"]),
        ({"utilities": UTILS[:1]}, ["1 utilities", "2 players"]),
        ({"actions": ("q1", q2)}, ["'q1'", "SymPy Symbol"]),
        ({"actions": (q1, q1)}, ["(q1, q1)", "repeat"]),
        ({"bounds": ((2, 1), (0, 1))}, ["[2, 1]", "wrong order"]),
        ({"bounds": ((0, float("nan")), (0, 1))}, ["nan", "finite real"]),
        ({"bounds": ((0, 1, 2), (0, 1))}, ["(0, 1, 2)", "pair"]),
        # q1 is declared nonnegative: an interval below 0 contradicts it
        ({"bounds": ((-2, -1), (0, 1))}, ["[-2, -1]", "domain [0, oo]", "q1"]),
        ({"players": "ab"}, ["'ab'", "tuple of names"]),
    ],
)
def test_continuous_game_refuses(kw, pieces):
    with pytest.raises(ModelError) as info:
        _cournot(**kw)
    for piece in pieces:
        assert piece in str(info.value)


def test_symmetric_game_interval_outside_the_action_domain():
    total = sympy.Symbol("X", nonnegative=True)
    with pytest.raises(ModelError, match=r"\[-1, 1\] leaves the domain \[0, oo\]"):
        symmetric_continuous_game(3, q1, total, q1 * (1 - q1 - total), bounds=(-1, 1))


def test_a_parameter_bound_inside_the_domain_is_accepted():
    a = symtrust.positive("a")
    assert continuous_game(("A",), (q1,), (-(q1**2),), bounds=((0, a),)).bounds == (
        (0, a),
    )


@pytest.mark.parametrize("who", ["zed", 5, True])
def test_unknown_player(who):
    game = _cournot()
    for solver in (best_response, stackelberg):
        with pytest.raises(ModelError, match=f"unknown player {who!r}"):
            solver(game, who)


@pytest.mark.parametrize(
    ("power", "cost", "pieces"),
    [
        (2, Rational(1, 10), ["p=2", "0 <= p <= 1"]),
        (sympy.nan, Rational(1, 10), ["nan"]),
        (sympy.oo, Rational(1, 10), ["infinity"]),
        (HALF, -1, ["c_P=-1", "c_P > 0"]),
        # symbols whose declared domain breaks the rule
        (
            sympy.Symbol("p", negative=True),
            Rational(1, 10),
            ["power p=p", "0 <= p <= 1", "p = -1"],
        ),
        (
            symtrust.positive("p"),
            Rational(1, 10),
            ["0 <= p <= 1", "p = 2", "interval('p', 0, 1)"],
        ),
        (HALF, symtrust.real("c"), ["c_P=c", "c_P > 0", "positive('c_P')"]),
    ],
)
def test_crisis_bargaining_refuses(power, cost, pieces):
    with pytest.raises(ModelError) as info:
        crisis_bargaining(power, cost, uniform(0, 1))
    for piece in pieces:
        assert piece in str(info.value)


def test_crisis_bargaining_accepts_a_probability_symbol():
    game = crisis_bargaining(symtrust.probability("p"), Rational(1, 10), uniform(0, 1))
    assert game.reject[1] == symtrust.probability("p") - sympy.Symbol("c_R", real=True)


def test_offer_solvers_need_an_offer_game():
    with pytest.raises(ModelError, match="responder_cutoff needs an OfferGame, got 3"):
        responder_cutoff(3)
    with pytest.raises(ModelError, match=r"\[1, 0\].*wrong order"):
        offer_game(x, (1, 0), t, uniform(0, 1), accept=(1 - x, x), reject=(0, t))
    with pytest.raises(ModelError, match=r"support \[1, 0\]"):
        uniform(1, 0)
    with pytest.raises(ModelError, match="number of bidders n=1 must be at least 2"):
        first_price_auction(1, uniform(0, 1))


E = symtrust.nonnegative("e")
Q, W = symtrust.real("q w")
THETA = symtrust.positive("theta")
LO, HI = symtrust.positive("theta_L theta_H")
PI = symtrust.interval("pi", 0, 1, left_open=True, right_open=True)


def _job(**kw):
    args = dict(
        types={"low": LO, "high": HI},
        prior=PI,
        utility=W - E / THETA,
        type_symbol=THETA,
        signal=E,
        response=W,
        reply=Q * HI + (1 - Q) * LO,
        belief=Q,
        assumptions=[LO < HI],
    )
    args.update(kw)
    return signal_game(**args)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"prior": 2}, "the prior 2 breaks the rule 0 < prior < 1"),
        ({"prior": -HALF}, "the prior -1/2 breaks the rule 0 < prior < 1"),
        ({"prior": 0}, "the prior 0 breaks the rule 0 < prior < 1"),
        ({"prior": 0.3}, "the float 0.3"),
        ({"prior": "1/2"}, "the string '1/2'"),
        ({"types": {1: LO, 2: HI}}, "the type names (1, 2) must be nonempty strings"),
        ({"types": {"low": 2, "high": 1}, "assumptions": []}, "not ordered"),
        ({"signal": "e"}, "signal='e' must be a SymPy symbol"),
        (
            {"utility": W - THETA},
            "the low type's payoff -theta_L + w breaks the rule signals must be costly",
        ),
        ({"utility": W - E * THETA}, "single crossing fails"),
    ],
)
def test_signal_game_refuses(kw, message):
    with pytest.raises(ModelError) as info:
        _job(**kw)
    assert message in str(info.value)
    assert "False is false" not in str(info.value)


def test_signal_game_contradictory_assumptions():
    with pytest.raises(AssumptionError, match="contradict"):
        _job(assumptions=[LO < HI, HI < LO])


@pytest.mark.parametrize(
    ("types", "message"),
    [
        ({"1": 3, "2": 2, "3": 1}, "3 must be below 2 (types are listed lowest first)"),
        ({"1": -2, "2": -1}, "breaks the rule signals must be costly"),
        ({"1": 1}, "at least two types"),
    ],
)
def test_ordered_signal_game_refuses(types, message):
    with pytest.raises(ModelError) as info:
        ordered_signal_game(
            types=types,
            utility=W - E / THETA,
            type_symbol=THETA,
            signal=E,
            response=W,
            known_reply=THETA,
        )
    assert message in str(info.value)
    assert "False is false" not in str(info.value)
    assert "at {}" not in str(info.value)


@pytest.mark.parametrize(
    ("bias", "message"),
    [
        (0, "bias b = 0 must be positive"),
        (0.1, "the float 0.1"),
        (sympy.oo, "infinity"),
        ("1/10", "the string '1/10'"),
        (1 + sympy.I, "not real"),
        (sympy.Symbol("b", negative=True), "not at {b: -1}"),
    ],
)
def test_cheap_talk_bias_refused(bias, message):
    with pytest.raises(ModelError) as info:
        cheap_talk_game(bias)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "steps", [0, 1.5, 2.0, "2", sympy.nan, sympy.oo, Rational(5, 2), True]
)
def test_cheap_talk_steps_refused(steps):
    with pytest.raises(ModelError, match="steps="):
        partition_equilibrium(cheap_talk_game(Rational(1, 10)), steps)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"prior": 2}, "prior of the committed type is 2, outside [0, 1]"),
        ({"prior": 0}, "must lie strictly inside (0, 1)"),
        ({"prior": 0.1}, "the float 0.1"),
        (
            {"prior": sympy.Symbol("p", positive=True)},
            "above 1 at the admissible point",
        ),
        ({"a": 1}, "a=1 must exceed 1"),
        ({"b": 1}, "b=1 must lie strictly inside (0, 1)"),
        ({"periods": 0}, "periods=0 must be a positive integer"),
        ({"periods": 2.5}, "periods=2.5"),
        (
            {"periods": sympy.Symbol("n", positive=True)},
            "not declared a positive integer",
        ),
    ],
)
def test_chain_store_refuses(kw, message):
    args = dict(periods=3, prior=HALF, a=2, b=HALF)
    args.update(kw)
    with pytest.raises(ModelError) as info:
        chain_store(args.pop("periods"), **args)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"upper": HALF}, "upper=1/2 must exceed 1"),
        ({"upper": sympy.Symbol("b", negative=True)}, "upper=b must exceed 1"),
        ({"cost": 0}, "cost=0 must be positive"),
        ({"cost": -1}, "cost=-1 must be positive"),
        ({"cutoffs": (3,)}, "2 > 3 fails"),
        ({"cutoffs": (HALF,)}, "the last cutoff a_(N-1)=1/2 must exceed 1"),
        ({"rounds": 3, "cutoffs": (Rational(5, 4), Rational(3, 2))}, "5/4 > 3/2 fails"),
        ({"rounds": 3}, "2 values for 3 rounds"),
        ({"rounds": 2.0}, "rounds=2.0 must be an int >= 1"),
        ({"cutoffs": 1.5}, "must be a sequence of N - 1 values"),
    ],
)
def test_two_sided_starting_small_names_the_rule(kw, message):
    args = dict(rounds=2, upper=2, cost=Rational(1, 4), cutoffs=(Rational(3, 2),))
    args.update(kw)
    with pytest.raises(ModelError) as info:
        starting_small_two_sided(args.pop("rounds"), **args)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("periods", "prior", "where"),
    [(1, HALF, "theta_1 = 1/2"), (2, Rational(1, 4), "theta_2 = 1/4")],
)
def test_chain_store_prior_exactly_at_a_threshold_is_refused_not_empty(
    periods, prior, where
):
    # b = 1/2: the thresholds are b**r; at one of them the entrant is
    # indifferent, and the open regimes do not cover the prior
    game = chain_store(periods, prior=prior, a=2, b=HALF)
    with pytest.raises(UnsupportedError) as info:
        reputation_equilibrium(game)
    assert f"prior={prior} is exactly the reputation threshold {where}" in str(
        info.value
    )


def test_interim_utility_checks_the_player_and_the_strategies():
    a1, a2 = symtrust.real("a1 a2")
    t1, t2 = symtrust.real("t1 t2")
    game = bayesian_continuous_game(
        ("A", "B"),
        (a1, a2),
        (t1, t2),
        (uniform(0, 1), uniform(0, 1)),
        (a1 * (t1 - a1 - a2 / 2), a2 * (t2 - a2 - a1 / 2)),
    )
    with pytest.raises(
        ModelError, match=r"player index i=5 must be an int from 0 to 1"
    ):
        interim_utility(game, 5, (t1, t2))
    with pytest.raises(ModelError, match=r"player index i='A'"):
        interim_utility(game, "A", (t1, t2))
    with pytest.raises(ModelError, match=r"strategies=\(t1,\) must give one entry"):
        interim_utility(game, 0, (t1,))
    with pytest.raises(ModelError, match=r"the float 0\.5"):
        interim_utility(game, 0, (None, 0.5 * t2))
    # E[a1 (t1 - a1 - a2/2)] with a2 = t2 / 2, t2 ~ U[0, 1]: E[a2] = 1/4
    assert interim_utility(game, 0, (None, t2 / 2)) == sympy.expand(
        a1 * (t1 - a1 - Rational(1, 8))
    )
