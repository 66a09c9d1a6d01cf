"""Comparative statics: derivative signs against exact finite differences.

Expected signs (tests only): the Security Dilemma threshold
mu = (c - w) / (1 - t + c - w) rises with c and t and falls with w; x^2 - 2x
falls for x < 1 and rises for x > 1.
"""

import dataclasses

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symtrust import check, comparative_statics, positive, probability, real
from symtrust.errors import ModelError, VerificationError
from symtrust.logic.statics import elasticity
from symtrust.logic.statics_twin import statics_twin
from symtrust.results import ComparativeStatics, Result
from symtrust.testing import points

c, w, x, a = positive("c w x a")
t = probability("t")
MU = (c - w) / (1 - t + c - w)
ASSUME = [c > w, t < 1]


def test_threshold_signs():
    got = {s: comparative_statics(MU, s, ASSUME).sign for s in (c, w, t)}
    assert got == {c: "increasing", w: "decreasing", t: "increasing"}
    cs = comparative_statics(MU, c, ASSUME)
    assert sympy.simplify(cs.derivative - sympy.diff(MU, c)) == 0
    assert [s.label for s in cs.steps][:2] == ["derivative", "numerator"]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(points(ASSUME, [c, w, t]), st.sampled_from(["c", "w", "t"]))
def test_threshold_signs_agree_with_finite_differences(point, name):
    wrt = {"c": c, "w": w, "t": t}[name]
    statics_twin(comparative_statics(MU, wrt, ASSUME), point)


def test_boundary_points_use_a_one_sided_step():
    # t = 0 is admissible (t is a probability): only t + h stays in [0, 1]
    # (this was "no admissible step in t around this point")
    edge = {t: sympy.Integer(0), w: sympy.Integer(1), c: sympy.Integer(2)}
    for wrt in (c, w, t):
        statics_twin(comparative_statics(MU, wrt, ASSUME), edge)
    convex = comparative_statics(t**3 + t**2, t, order=2)
    assert convex.sign == "increasing"
    statics_twin(convex, {t: sympy.Integer(0)})
    statics_twin(convex, {t: sympy.Integer(1)})


def test_one_sided_steps_still_catch_a_wrong_sign():
    cs = comparative_statics(MU, t, ASSUME)
    wrong = dataclasses.replace(cs, sign="decreasing")
    edge = {t: sympy.Integer(0), w: sympy.Integer(1), c: sympy.Integer(2)}
    with pytest.raises(VerificationError, match="claimed decreasing in t"):
        statics_twin(wrong, edge)
    concave = dataclasses.replace(
        comparative_statics(t**3 + t**2, t, order=2), sign="decreasing"
    )
    with pytest.raises(VerificationError):
        statics_twin(concave, {t: sympy.Integer(1)})


def test_split_condition_and_finite_differences():
    cs = comparative_statics(x**2 - 2 * x, x)
    assert (cs.sign, cs.condition, cs.negative_when) == ("depends", x > 1, x < 1)
    assert check(cs, max_examples=20).passed is True


@given(
    st.integers(min_value=-5, max_value=5).filter(bool),
    st.integers(min_value=-5, max_value=5),
)
def test_quadratics_signs_match_the_vertex(p, q):
    # d/dx (p x^2 + q x) = 2 p x + q on x > 0
    cs = comparative_statics(p * x**2 + q * x, x)
    vertex = sympy.Rational(-q, 2 * p)
    if vertex <= 0:
        assert cs.sign == ("increasing" if p > 0 else "decreasing")
    else:
        assert cs.sign == "depends"
        inside = vertex + sympy.Rational(1, 7)
        assert cs.condition.subs(x, inside) == (p > 0)


def test_second_derivative_and_elasticity():
    assert comparative_statics(x**3, x, order=2).sign == "increasing"
    assert comparative_statics(-(x**4) - x, x, order=2).sign == "decreasing"
    assert comparative_statics(a * x + 1, x, order=2).sign == "constant"
    e = elasticity(a * x**3, x)
    assert (e.derivative, e.sign) == (3, "increasing")
    e2 = elasticity(1 / (1 + x), x)
    assert e2.sign == "decreasing"
    assert check(e2, max_examples=10).passed is True


def test_result_input_uses_its_condition_and_assumptions():
    r = Result(kind="demo", value=(x - 1) ** 2, condition=x > 1)
    cs = comparative_statics(r, x)
    assert isinstance(cs, ComparativeStatics) and cs.sign == "increasing"
    pair = Result(kind="pair", value=sympy.Tuple(x, -x))
    assert comparative_statics(pair, x, index=1).sign == "decreasing"


def test_undecided_is_said_as_undecided():
    y = real("y")
    cs = comparative_statics(sympy.sin(y) * y, y)
    assert cs.sign == "undecided"
    assert cs.condition is sympy.true


def test_bad_input_is_refused_with_the_rule():
    with pytest.raises(ModelError, match=r"does not depend on wrt=a"):
        comparative_statics(x**2, a)
    with pytest.raises(ModelError, match=r"wrt='x' must be a parameter"):
        comparative_statics(x**2, "x")
    with pytest.raises(ModelError, match=r"order=3 must be 1 or 2"):
        comparative_statics(x**2, x, order=3)
    with pytest.raises(ModelError, match=r"has 2 components; choose one with index="):
        comparative_statics(Result(value=sympy.Tuple(x, x)), x)
    with pytest.raises(ModelError, match=r"'x\*\*2' is not a SymPy expression"):
        comparative_statics("x**2", x)
