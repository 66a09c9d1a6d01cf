"""Two-sided starting small (models.md section 5, reconstruction) by hand.

With both types uniform on [0, b], cutoffs b = a_0 > a_1 > ... > a_N, and
P_k = a_k / b:

* the last round: type a_N is indifferent between cooperating and
  defecting, P_N x_N - (P_{N-1} - P_N) c x_N = P_N a_N x_N, i.e.
  a_N (1 - a_N) = c (a_{N-1} - a_N), a quadratic in a_N;
* the marginal type a_k: defecting in round k or k + 1 pays the same, so
  x_{k+1} / x_k = [a_k (a_k - 1) + c (a_{k-1} - a_k)] / (a_k a_{k+1});
* trust at the start of round k + 1 is Pr(t <= 1 | t <= a_k) = 1 / a_k;
* single crossing: P_{k+1} x_{k+1} < P_k x_k.
"""

import math

import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from symtrust import check, interval
from symtrust.errors import ModelError, SolverError
from symtrust.kydd import starting_small_two_sided
from symtrust.testing import Tally

R = sympy.Rational


def test_published_conditions_symbolic():
    b, a_1 = interval("b a_1", 1, 8, left_open=True)
    a_2 = interval("a_2", 1, 4, left_open=True)
    c = interval("c", 0, R(1, 20), left_open=True)
    sm = starting_small_two_sided(3, upper=b, cost=c, cutoffs=(a_1, a_2))
    a_3 = sm.cutoffs[2]
    assert sympy.simplify(a_3 * (1 - a_3) - c * (a_2 - a_3)) == 0
    chain = (b, a_1, a_2, a_3)
    for k in (1, 2):
        expect = (chain[k] * (chain[k] - 1) + c * (chain[k - 1] - chain[k])) / (
            chain[k] * chain[k + 1]
        )
        assert sympy.simplify(sm.ratios[k - 1] - expect) == 0
    assert sm.trust[:3] == (1 / b, 1 / a_1, 1 / a_2)
    assert sm.stakes[0] == 1


def test_numbers_and_the_other_root():
    # b = 2, c = 1/4, a_1 = 3/2: a_2^2 - (5/4) a_2 + 3/8 = 0, roots 3/4 and 1/2
    sm = starting_small_two_sided(2, upper=2, cost=R(1, 4), cutoffs=(R(3, 2),))
    assert sm.cutoffs == (R(3, 2), R(3, 4))
    assert sm.other_root == R(1, 2)
    # x_2 = [a_1 (a_1 - 1) + c (b - a_1)] / (a_1 a_2) = (3/4 + 1/8) / (9/8)
    assert sm.stakes == (1, R(7, 9))
    assert sm.trust == (R(1, 2), R(2, 3), 1)
    assert sm.stakes_rise == (sympy.false,)


def test_stakes_rise_when_cutoffs_fall_fast():
    # b = 4, a_1 = 2, c = 1/10: a_2 = (11 + sqrt 41) / 20, x_2 / x_1 > 1
    sm = starting_small_two_sided(2, upper=4, cost=R(1, 10), cutoffs=(2,))
    assert sympy.simplify(sm.cutoffs[1] - (11 + sympy.sqrt(41)) / 20) == 0
    assert sm.stakes_rise == (sympy.true,)
    assert sm.condition == sympy.true


def test_twin_checks_and_catches_an_error():
    import dataclasses

    sm = starting_small_two_sided(2, upper=4, cost=R(1, 10), cutoffs=(2,))
    assert check(sm, max_examples=1).passed
    wrong = dataclasses.replace(sm, stakes=(1, sm.stakes[1] * 2))
    assert check(wrong, max_examples=1).passed is False


def test_numeric_games_against_brute_force():
    # refusals and empty conditions check nothing: a floor on the games the
    # twin actually played keeps the test from passing on those alone
    tally = Tally(floor=0.5, what="checked by the twin")

    @settings(
        max_examples=6,
        deadline=None,
        suppress_health_check=[HealthCheck.nested_given],
    )
    @given(
        st.fractions(R(11, 10), 6),
        st.fractions(R(1, 100), R(1, 10)),
        st.fractions(R(1, 20), R(19, 20)),
    )
    def run(b, c, share):
        a_1 = 1 + (R(b) - 1) * R(share)
        try:
            sm = starting_small_two_sided(2, upper=R(b), cost=R(c), cutoffs=(a_1,))
        except SolverError as exc:
            # refused only without a real last-round cutoff: negative discriminant
            assert (1 + R(c)) ** 2 < 4 * R(c) * a_1, exc
            tally.count(False)
            return
        report = check(sm, max_examples=1)
        assert report.passed is True or sm.condition == sympy.false
        tally.count(report.passed is True)

    run()
    tally.check()


@pytest.mark.parametrize(
    "kwargs, shown",
    [
        ({"rounds": 0}, "rounds=0"),
        ({"rounds": 2.0}, "rounds=2.0"),
        ({"upper": 1.5}, "float 1.5"),
        ({"cost": "c"}, "string 'c'"),
        ({"cost": math.nan}, "nan"),
        ({"cutoffs": (2, 1)}, "cutoffs=\\(2, 1\\)"),
        ({"cutoffs": "2"}, "cutoffs='2'"),
    ],
)
def test_bad_input_named(kwargs, shown):
    args = {"rounds": 2, "upper": 4, "cost": R(1, 10), "cutoffs": (2,)}
    args.update(kwargs)
    rounds = args.pop("rounds")
    with pytest.raises(ModelError, match=shown):
        starting_small_two_sided(rounds, **args)


def test_no_real_last_cutoff_is_named():
    with pytest.raises(SolverError, match="no positive real last-round cutoff"):
        starting_small_two_sided(2, upper=2, cost=R(1, 2), cutoffs=(R(3, 2),))


_Q = st.fractions(-5, 5, max_denominator=7)


@given(_Q, _Q, _Q, _Q, st.sampled_from([2, 3, 5, 7, 66041]))
def test_twin_field_arithmetic_is_exact(a, b, c, d, radicand):
    # the twin's numbers a + b sqrt(r) against SymPy: each operation's exact
    # value, and the exact sign of the result
    from symtrust.kydd.two_sided.twins import _field, _sign

    assume(b != 0 or d != 0)  # a radical to work with
    root = sympy.sqrt(radicand)
    x_s, y_s = R(a) + R(b) * root, R(c) + R(d) * root
    x, y = _field([x_s, y_s])
    results = [(x + y, x_s + y_s), (x - y, x_s - y_s), (x * y, x_s * y_s)]
    if y_s != 0:
        results.append((x / y, x_s / y_s))
    for got, want in results:
        exact = sympy.radsimp(sympy.expand(want))
        assert sympy.expand(got.expr() - exact) == 0
        assert _sign(got) == sympy.sign(exact)
