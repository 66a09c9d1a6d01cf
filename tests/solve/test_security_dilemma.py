"""The Security Dilemma Game's derivation helpers, built on the engine's solvers."""

import dataclasses

import pytest
import sympy

from symtrust import check, interval, parameter, positive
from symtrust.errors import UnsupportedError
from symtrust.kydd import sdg_payoffs, stage_game, stage_threshold, value_of_trust
from symtrust.results import Threshold, ValueOfTrust

t_trust = interval("t_T", 0, 1, right_open=True)
t_greedy = parameter("t_U", lower=1, left_open=True)
c, w, d = positive("c w d")


def test_stage_game_holds_the_payoff_table():
    game = stage_game(t_trust, c, w, gain=d, assumptions=[c > w])
    pay = sdg_payoffs(t_trust, c, w, d)
    for own in "CD":
        for other in "CD":
            assert game.utility(0, (own, other)) == pay[(own, other)]
            assert game.utility(1, (other, own)) == pay[(own, other)]


def test_threshold_is_the_engines_and_the_arms_gain_cancels():
    for gain in (0, d):
        th = stage_threshold(t_trust, c, w, gain=gain, assumptions=[c > w])
        assert isinstance(th, Threshold) and th.direction == ">="
        assert sympy.simplify(th.value - (c - w) / (1 - t_trust + c - w)) == 0
        # written with a denominator whose leading term is positive
        assert not sympy.fraction(th.value)[1].could_extract_minus_sign()
        assert check(th, max_examples=20).passed is True


def test_value_of_trust_by_best_replies():
    trustworthy = value_of_trust(t_trust, c, w, assumptions=[c > w], who="T")
    greedy = value_of_trust(t_greedy, c, w, assumptions=[c > w], who="U")
    assert isinstance(greedy, ValueOfTrust)
    assert trustworthy.replies == (("C", "C"), ("D", "D"))
    assert greedy.replies == (("C", "D"), ("D", "D"))
    assert sympy.expand(trustworthy.value - (1 + w)) == 0
    assert sympy.expand(greedy.value - (t_greedy + w)) == 0
    for result in (trustworthy, greedy):
        assert check(result, max_examples=20).passed is True
    wrong = dataclasses.replace(greedy, value=greedy.value + 1)
    assert check(wrong, max_examples=20).passed is False


def test_an_undecided_best_reply_is_refused():
    t = positive("t")  # neither below nor above 1
    with pytest.raises(UnsupportedError, match="best reply to C"):
        value_of_trust(t, c, w, assumptions=[c > w])
