"""One printing policy: signs normalised, conditions solved, no trivial parts.

Every rewrite must keep the value (and a relation's truth) at every admissible
point; the property tests check that by exact substitution.
"""

from __future__ import annotations

import sympy
from hypothesis import assume, given
from hypothesis import strategies as st

from symtrust import interval, parameter, positive, probability
from symtrust.render.canonical import (
    auto_focus,
    canonical,
    canonical_relation,
    is_trivial,
    sign_of,
    tex,
)

c, w = positive("c w")
t_good = interval("t_T", 0, 1, right_open=True)
m = interval("m", 0, 1, left_open=True, right_open=True)
pi = probability("pi")


def test_the_two_sign_forms_of_one_fraction_print_alike():
    # the pair: never (-c+w)/(-c+t_good+w-1) beside (c-w)/(c-t_good-w+1)
    a = tex(canonical((-c + w) / (-c + t_good + w - 1), [c > w]))
    b = tex(canonical((c - w) / (c - t_good - w + 1), [c > w]))
    assert a == b == r"\frac{c - w}{c - t_{T} - w + 1}"


def test_the_denominator_is_made_positive_where_the_assumptions_fix_its_sign():
    # 2 c m - 2 c + w < 0 when 2 c (1 - m) > w: numerator and denominator flip
    mu = (2 * c * m - 2 * c + w) / (2 * c * m - 2 * c + t_good + w - 1)
    shown = tex(canonical(mu, [2 * c * (1 - m) > w]))
    assert shown == r"\frac{2 c - 2 c m - w}{2 c - 2 c m - t_{T} - w + 1}"


def test_without_a_fixed_sign_the_leading_term_is_positive():
    assert tex(canonical((w - c) / (w - c - 1))) == r"\frac{c - w}{c - w + 1}"


def test_factors_of_fixed_negative_sign_are_turned_round():
    assert tex(canonical(2 * (m - 1) * (t_good - 1))) == (
        r"2 \left(1 - m\right) \left(1 - t_{T}\right)"
    )
    # a minus sign in front goes into a sum: -pi (s - 1) reads pi (1 - s)
    s = probability("s")
    assert tex(canonical(-pi * (s - 1))) == r"\pi \left(1 - s\right)"


def test_a_sum_starts_with_a_positive_term():
    assert tex(canonical(1 - t_good)) == "1 - t_{T}"
    assert tex(canonical(-t_good + c)) == "c - t_{T}"


def test_a_condition_is_solved_for_the_variable_of_interest():
    # the example: c pi + pi + w >= c + pi t_good + pi w reads pi >= mu
    rel = c * pi + pi + w >= c + pi * t_good + pi * w
    shown = tex(canonical(rel, [c > w], focus=pi))
    assert shown == r"\pi \geq \frac{c - w}{c - t_{T} - w + 1}"
    # "auto" picks the probability-valued parameter
    assert tex(canonical(rel, [c > w], focus="auto")) == shown
    assert auto_focus(rel, [c > w]) == pi


def test_solving_flips_the_relation_when_the_coefficient_is_negative():
    # (1 - c) pi >= w with c > 1: pi <= w / (1 - c) is wrong-signed, so
    # the relation must flip and the bound must read -w/(c - 1)
    rel = (1 - c) * pi >= w - 1
    shown = canonical(rel, [c > 1], focus=pi)
    assert shown.rel_op == "<="
    assert sympy.simplify(shown.rhs - (w - 1) / (1 - c)) == 0


def test_a_relation_whose_coefficient_sign_varies_is_left_unsolved():
    rel = (c - w) * pi >= 1
    assert canonical(rel, [], focus=pi).lhs.free_symbols >= {c, w}


def test_trivial_conjuncts_are_dropped():
    cond = sympy.And(sympy.Ge(0, 0, evaluate=False), c > w + 1)
    assert tex(canonical(cond)) == "c > w + 1"
    assert is_trivial(sympy.Ge(0, 0, evaluate=False))
    assert not is_trivial(c > w)


def test_signs_are_three_valued():
    assert sign_of(c - w, [c > w]) == 1
    assert sign_of(w - c, [c > w]) == -1
    assert sign_of(c - w) is None


def test_booleans_print_as_words():
    assert tex(sympy.true) == r"\text{true}"


_coeff = st.integers(-3, 3)
_point = st.tuples(st.integers(1, 40), st.integers(1, 40)).map(
    lambda t: (sympy.Rational(max(t), 7) + 1, sympy.Rational(min(t), 11))
)


@given(st.lists(_coeff, min_size=6, max_size=6), _point)
def test_canonical_keeps_the_value(coeffs, point):
    a1, a2, a3, b1, b2, b3 = coeffs
    num, den = a1 * c + a2 * w + a3, b1 * c + b2 * w + b3
    at = {c: point[0], w: point[1]}
    assume(den != 0 and den.xreplace(at) != 0)
    expr = num / den
    shown = canonical(expr, [c > w])
    assert shown.xreplace(at) == expr.xreplace(at)


@given(st.lists(_coeff, min_size=4, max_size=4), _point, st.integers(0, 12))
def test_a_solved_relation_holds_exactly_where_the_original_does(coeffs, point, k):
    a1, a2, b1, b2 = coeffs
    rel = (a1 * c + a2) * pi + b1 * w >= b2 * c
    shown = canonical(rel, [c > w], focus=pi)
    at = {c: point[0], w: point[1], pi: sympy.Rational(k, 12)}
    assert bool(shown.xreplace(at)) == bool(rel.xreplace(at))


def test_the_parameter_solved_for_may_be_any_that_fits_every_relation():
    b = parameter("b", lower=1, left_open=True)
    cond = sympy.And(c / 2 + 1 <= b + w, 4 * b * w <= c**2 + 4 * b * c)
    assert auto_focus(cond, [c > w]) == b


def test_a_nonlinear_condition_is_solved_by_solve_for():
    h, s = positive("h s")
    p = probability("p")
    shown = canonical(p**2 * s >= h, [s > h], focus=p)
    assert shown.lhs == p and shown.rel_op == ">="
    assert sympy.simplify(shown.rhs**2 - h / s) == 0
    # several pieces (the answer depends on the parameters): left as it stands
    x = positive("x")
    assert canonical(p**2 >= x, [], focus=p) == sympy.Ge(p**2, x, evaluate=False)


def test_positive_constants_are_cleared_from_both_sides():
    c, p, m, s, a, k = positive("c p m s a k")
    assert tex(canonical_relation((c + 2 * p) / 2 >= (m + s) / 2)) == (
        r"c + 2 p \geq m + s"
    )
    assert tex(canonical_relation(a / 3 <= c / 3 + k)) == r"a \leq c + 3 k"
    # a side solved for (a symbol) or a bound (a number) stays as it is
    assert tex(canonical_relation(p >= sympy.Rational(1, 2))) == r"p \geq \frac{1}{2}"
    assert tex(canonical_relation(p <= (m + s) / 2)) == r"p \leq \frac{m + s}{2}"
