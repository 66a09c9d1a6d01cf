"""Crawford-Sobel cheap talk (uniform-quadratic): published results and bad input.

Expectations are Crawford and Sobel (1982) in the uniform-quadratic case:
a_i = i/N + 2 b i (i - N), an N-step equilibrium iff 2 b N (N - 1) < 1, and
N(b) = ceil(-1/2 + 1/2 sqrt(1 + 2/b)).
"""

import dataclasses
import functools

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational

from symtrust import check, positive
from symtrust.core.exact import substitute_condition
from symtrust.errors import ModelError, UnsupportedError, VerificationError
from symtrust.games.cheap_talk import (
    cheap_talk_game,
    ex_ante_payoffs,
    max_steps,
    partition_equilibria,
    partition_equilibrium,
)
from symtrust.games.cheap_talk.twins import (
    ex_ante_twin,
    max_steps_twin,
    partition_twin,
    shooting_steps,
)

b = positive("b")
N = sympy.Symbol("N", integer=True, positive=True)
i = sympy.Symbol("i", integer=True, nonnegative=True)
GAME = cheap_talk_game(b)


# solved on first use, not while the tests are collected
@functools.cache
def _general():
    return partition_equilibrium(GAME, N)


@functools.cache
def _top():
    return max_steps(GAME)


BIASES = st.fractions(min_value=Rational(1, 400), max_value=2).filter(lambda f: f > 0)


def published_n(bias):
    return sympy.ceiling(-Rational(1, 2) + sympy.sqrt(1 + 2 / bias) / 2)


def test_boundaries_are_the_published_formula():
    published = i / N + 2 * b * i * (i - N)
    assert sympy.simplify(_general().boundary - published) == 0
    # the replies are the midpoints of the intervals
    midpoint = (published + published.subs(i, i - 1)) / 2
    assert sympy.simplify(_general().reply - midpoint) == 0


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_numeric_n_boundaries_and_existence(n):
    eq = partition_equilibrium(GAME, n)
    assert eq.boundaries == tuple(
        sympy.expand(Rational(k, n) + 2 * b * k * (k - n)) for k in range(n + 1)
    )
    for bias in (Rational(1, 100), Rational(1, 13), Rational(1, 12), Rational(1, 5)):
        published = 2 * bias * n * (n - 1) < 1
        assert substitute_condition(eq.condition, {b: bias}) is bool(published)


def test_general_existence_condition_is_published():
    for n in range(1, 7):
        for bias in (Rational(1, 60), Rational(1, 24), Rational(1, 12), Rational(1, 4)):
            got = substitute_condition(_general().condition, {b: bias, N: n})
            assert got is bool(2 * bias * n * (n - 1) < 1)


def test_max_steps_is_the_published_formula():
    expected = published_n(b)
    assert isinstance(_top().value, sympy.ceiling)
    assert sympy.simplify(_top().value.args[0] - expected.args[0]) == 0


@settings(max_examples=60, deadline=None)
@given(BIASES)
def test_max_steps_at_exact_biases(bias):
    bias = Rational(bias.numerator, bias.denominator)
    assert _top().value.subs(b, bias) == published_n(bias)


@pytest.mark.parametrize(
    ("bias", "n"),
    [(Rational(1, 4), 1), (Rational(1, 12), 2), (Rational(1, 13), 3)],
)
def test_boundary_biases(bias, n):
    # at b = 1 / (2 N (N - 1)) the N-step equilibrium just fails
    assert published_n(bias) == n
    assert _top().value.subs(b, bias) == n
    assert shooting_steps(cheap_talk_game(bias), {}) == n
    assert [eq.size for eq in partition_equilibria(cheap_talk_game(bias))] == list(
        range(1, n + 1)
    )


def test_checks_pass():
    assert check(_general(), max_examples=15).passed is True
    assert check(_top(), max_examples=15).passed is True
    assert check(partition_equilibrium(GAME, 3), max_examples=15).passed is True
    assert check(partition_equilibria(cheap_talk_game(Rational(1, 30)))).passed is True


def test_twins_reject_wrong_results():
    eq = partition_equilibrium(GAME, 2)
    point = {b: Rational(1, 20)}
    partition_twin(eq, point)
    shifted = eq.boundary + b * i * (i - 2)  # still 0 at both ends
    wrong = dataclasses.replace(
        eq, boundary=shifted, boundaries=tuple(shifted.subs(i, k) for k in range(3))
    )
    with pytest.raises(VerificationError):
        partition_twin(wrong, point)
    with pytest.raises(VerificationError):
        partition_twin(
            dataclasses.replace(eq, reply=eq.reply + b / 4, replies=()), point
        )
    with pytest.raises(VerificationError):
        partition_twin(dataclasses.replace(eq, condition=b < 1), {b: Rational(1, 3)})
    with pytest.raises(VerificationError):
        max_steps_twin(dataclasses.replace(_top(), value=_top().value + 1), point)
    assert (
        check(
            dataclasses.replace(_top(), value=_top().value + 1), max_examples=10
        ).passed
        is False
    )


@pytest.mark.parametrize(
    ("bias", "message"),
    [
        (0, "bias b = 0 must be positive"),
        (-Rational(1, 3), "bias b = -1/3 must be positive"),
        (0.1, "float"),
        ("1/10", "string"),
        (sympy.nan, "nan"),
        (
            sympy.Symbol("c", real=True),
            "must be positive .b > 0. under the assumptions",
        ),
        (sympy.Symbol("theta", positive=True), "reserved|the game's own variables"),
    ],
)
def test_bad_bias_is_refused(bias, message):
    with pytest.raises(ModelError, match=message):
        cheap_talk_game(bias)


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (0, "steps=0 must be at least 1"),
        (-2, "steps=-2 must be at least 1"),
        (True, "must be a positive int"),
        (1.5, "must be a positive int"),
        ("3", "must be a positive int"),
        (sympy.Symbol("M"), "positive integer symbol"),
    ],
)
def test_bad_steps_are_refused(steps, message):
    with pytest.raises(ModelError, match=message):
        partition_equilibrium(GAME, steps)


def test_bad_game_and_symbolic_list():
    with pytest.raises(ModelError, match="CheapTalkGame"):
        max_steps("cheap talk")
    with pytest.raises(UnsupportedError, match="not a number"):
        partition_equilibria(GAME)


def test_ex_ante_payoffs_are_the_published_ones():
    # Crawford and Sobel (1982), uniform-quadratic: the receiver's ex-ante
    # utility is -1/(12 N^2) - b^2 (N^2 - 1)/3; the sender's is b^2 lower
    welfare = ex_ante_payoffs(_general())
    receiver = -1 / (12 * N**2) - b**2 * (N**2 - 1) / 3
    assert sympy.simplify(welfare.receiver - receiver) == 0
    assert sympy.simplify(welfare.sender - (receiver - b**2)) == 0
    assert check(welfare, max_examples=10).passed is True
    wrong = dataclasses.replace(welfare, receiver=welfare.receiver - b**2 / 2)
    with pytest.raises(VerificationError):
        ex_ante_twin(wrong, {b: Rational(1, 30), N: 3})
    with pytest.raises(ModelError, match="PartitionEquilibrium"):
        ex_ante_payoffs(_top())
