"""normalize_relation and simplify_condition on rational functions: the rewritten
relation has the same truth value as the original at every admissible point."""

import sympy
from hypothesis import given
from hypothesis import strategies as st

from symtrust import probability, real
from symtrust.core.exact import substitute_condition
from symtrust.logic.conditions import normalize_relation, simplify_condition

q = probability("q")
x = real("x")
OPS = [sympy.Lt, sympy.Le, sympy.Gt, sympy.Ge]


def test_negative_denominator_flips_once():
    # q/(1-q) < 1 with q < 1 means q < 1/2 (the denominator is positive) ...
    assert simplify_condition(q / (1 - q) < 1, [q < 1]) == (q < sympy.Rational(1, 2))
    # ... and q/(q-1) < -1 (negative denominator) means q > 1/2
    assert simplify_condition(q / (q - 1) < -1, [q < 1]) == (q > sympy.Rational(1, 2))


coeff = st.integers(-4, 4)


@given(
    a=coeff,
    b=coeff,
    c=coeff,
    d=st.integers(1, 4),
    k=coeff,
    op=st.sampled_from(OPS),
    value=st.fractions(-5, 5, max_denominator=7),
)
def test_normalize_preserves_truth_with_sign_fixed_denominator(
    a, b, c, d, k, op, value
):
    # denominator -(x**2 + d) is negative everywhere, so it is cleared with a flip
    rel = op((a * x**2 + b * x + c) / (-(x**2) - d), k)
    point = {x: sympy.Rational(value.numerator, value.denominator)}
    out = normalize_relation(rel, [])
    assert substitute_condition(out, point) == substitute_condition(rel, point)
