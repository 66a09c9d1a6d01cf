"""The Riley outcome with n ordered types (Riley 1979; Mailath 1987).

Expectation: in Spence's model with wage equal to productivity theta_k and
education cost e / theta, the least-cost separating education of type k is
e_k = sum_{j < k} theta_j (theta_{j+1} - theta_j) (each type just below is
indifferent to mimicking: theta_{k+1} - e_{k+1} / theta_k = theta_k - e_k / theta_k).
"""

import dataclasses

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import Rational

from symtrust import check, nonnegative, positive, real
from symtrust.errors import ModelError, VerificationError
from symtrust.games.continuous_signals import ordered_signal_game, riley_outcome
from symtrust.games.continuous_signals.twins import riley_chain_twin

e, w = nonnegative("e"), real("w")
t = positive("theta")


def spence(values, **changes):
    base = dict(
        types={str(k + 1): v for k, v in enumerate(values)},
        utility=w - e / t,
        type_symbol=t,
        signal=e,
        response=w,
        known_reply=t,
    )
    base.update(changes)
    return ordered_signal_game(**base)


def published(values):
    return [
        sum((values[j] * (values[j + 1] - values[j]) for j in range(k)), sympy.S.Zero)
        for k in range(len(values))
    ]


def test_symbolic_three_types():
    th = positive("theta_1 theta_2 theta_3")
    game = spence(th, assumptions=[th[0] < th[1], th[1] < th[2]])
    chain = riley_outcome(game)
    assert all(
        sympy.simplify(a - b) == 0
        for a, b in zip(chain.signals, published(th), strict=True)
    )
    assert chain.condition is sympy.true
    assert check(chain, max_examples=15).passed is True


@settings(max_examples=20, deadline=None)
@given(
    st.lists(
        st.fractions(min_value=Rational(1, 5), max_value=20),
        min_size=2,
        max_size=5,
        unique=True,
    )
)
def test_numeric_chains(values):
    values = sorted(Rational(v.numerator, v.denominator) for v in values)
    chain = riley_outcome(spence(values))
    assert list(chain.signals) == published(values)
    riley_chain_twin(chain, {})


def test_condition_where_single_crossing_is_not_implied():
    k = positive("k_1 k_2 k_3")
    game = ordered_signal_game(
        types=("1", "2", "3"),
        utility={str(j + 1): w - k[j] * e for j in range(3)},
        signal=e,
        response=w,
        known_reply={"1": 1, "2": 2, "3": 3},
    )
    assert game.single_crossing == (k[1] < k[0], k[2] < k[1])
    chain = riley_outcome(game)
    assert sympy.simplify(chain.signals[2] - (1 / k[0] + 1 / k[1])) == 0
    assert chain.condition.xreplace({k[0]: 3, k[1]: 2, k[2]: 1}) == sympy.true
    assert chain.condition.xreplace({k[0]: 1, k[1]: 2, k[2]: 3}) == sympy.false
    assert check(chain, max_examples=20).passed is True


def test_twin_rejects_a_wrong_chain():
    chain = riley_outcome(spence([1, 2, 3]))
    riley_chain_twin(chain, {})
    for wrong in ((0, 1, 4), (0, 2, 3), (0, 1, Rational(5, 2))):
        with pytest.raises(VerificationError):
            riley_chain_twin(dataclasses.replace(chain, signals=wrong), {})


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"types": {"1": 1, "2": 3, "3": 2}}, "type values are not ordered"),
        ({"types": {"1": 1}}, "at least two types"),
        ({"known_reply": -t}, "replies to known types are not ordered"),
        ({"utility": w - e * t}, "single crossing fails between types 1 and 2"),
        ({"utility": w + e / t}, "signals must be costly"),
        ({"utility": "w - e"}, "string"),
        ({"known_reply": 0.5 * t}, "float"),
        ({"types": {"1": 1, "2": sympy.nan}}, "nan"),
        ({"signal": real("s")}, "nonnegative symbol"),
    ],
)
def test_bad_input_is_refused(changes, message):
    with pytest.raises(ModelError, match=message):
        spence([1, 2, 3], **changes)


def test_solver_refuses_other_objects():
    with pytest.raises(ModelError, match="OrderedSignalGame"):
        riley_outcome("three types")
