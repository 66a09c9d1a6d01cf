"""Undefined points, one way everywhere: a statement undefined at an admissible
point is not proved, and every simplified condition states its guards."""

import pytest
import sympy

from symtrust import decide, positive, prove, real
from symtrust.core.exact import substitute_condition
from symtrust.errors import UnsupportedError
from symtrust.logic.conditions import (
    cancelled_factor,
    clear_denominators,
    defined_form,
    normalize_relation,
    result_condition,
    simplify_cleared,
    simplify_condition,
)

x, a, b = real("x a b")
c = positive("c")


def test_a_cancelled_factor_does_not_make_a_claim_true():
    # before: "proved", then "a bug in symtrust's prover" at x = 1
    proof = prove((x**2 - 1) / (x - 1) > x)
    assert proof.status == "refuted"
    assert proof.counterexample == {x: 1}
    # consistent with a plain zero denominator
    assert prove(1 / x**2 > 0).counterexample == {x: 0}
    # away from the hole it is proved
    assert prove((x**2 - 1) / (x - 1) > x, [x > 2]).status == "proved"


def test_decide_counts_undefined_points_as_violations():
    v = decide(1 / x > 0, [x >= 0])
    assert v.truth is False and v.counterexample == {x: 0}
    assert decide(1 / x > 0, [x > 0]).truth is True
    assert decide(sympy.sqrt(x) >= 0, []).truth is False  # undefined below 0


def test_simplification_keeps_the_guards_a_fraction_needs():
    guarded = sympy.And(sympy.Ne(b, 0), a / b >= 0)
    out = simplify_condition(guarded, [])
    assert sympy.Ne(b, 0) in sympy.And.make_args(out)
    assert substitute_condition(out, {a: 1, b: 0}) is False
    rooted = sympy.And(x <= 1, sympy.sqrt(1 - x) > a)
    out = simplify_condition(rooted, [])
    assert substitute_condition(out, {x: 2, a: -5}) is False
    # a guard implied by the assumptions themselves may go
    assert simplify_condition(guarded, [b > 0]) == (a >= 0)


def test_result_conditions_are_defined_everywhere():
    cond = result_condition(sympy.And(a / b >= 0, a / b <= 1))
    for point in ({a: 0, b: 0}, {a: 1, b: 0}, {a: 1, b: 2}, {a: 3, b: 2}):
        assert substitute_condition(cond, point) is not None
    assert substitute_condition(cond, {a: 1, b: 2}) is True
    assert substitute_condition(cond, {a: 1, b: 0}) is False
    assert defined_form(a / b > 1) == sympy.And(sympy.Ne(b, 0), a * b - b**2 > 0)


def test_clearing_never_hides_a_hole():
    hole = (x**2 - 1) / (x - 1) > 2
    assert cancelled_factor(hole.lhs - hole.rhs) == x - 1
    for form in (
        clear_denominators(hole),
        normalize_relation(hole),
        simplify_cleared(hole),
    ):
        assert substitute_condition(form, {x: 1}) is not True, form
        assert substitute_condition(form, {x: 3}) is True, form


def _nested(depth):
    """``2 (2 (... x ...) + 1) + 1``, unevaluated so that SymPy builds it."""
    e = x
    for _ in range(depth):
        e = sympy.Add(sympy.Mul(2, e, evaluate=False), 1, evaluate=False)
    return e


@pytest.mark.parametrize("depth", [300, 600])
def test_deep_nesting_is_a_clear_error_not_a_recursion_error(depth):
    deep = sympy.Gt(_nested(depth), 0, evaluate=False)
    for call in (
        lambda: decide(deep, [x > 0]),
        lambda: simplify_condition(deep, [x > 0]),
        lambda: normalize_relation(deep),
        lambda: simplify_cleared(deep, [x > 0]),
    ):
        with pytest.raises(UnsupportedError, match="nested"):
            call()


def test_moderate_nesting_still_works():
    moderate = sympy.Gt(_nested(20), 0, evaluate=False)
    assert decide(moderate, [x > 0]).truth is True
    assert simplify_condition(moderate, [x > 0]) is sympy.true


def test_a_symbolic_value_at_a_point_is_substituted_by_sympy():
    # x = 2k is no rational value: SymPy's substitution settles what it can
    # (2k > k for k > 0) and leaves undecided what it cannot, never an
    # internal error
    x, k = sympy.symbols("x k", positive=True)
    assert substitute_condition(x > k, {x: 2 * k}) is True
    assert substitute_condition(x > k, {x: k / 2}) is False
    assert substitute_condition(x > 1, {x: 2 * k}) is None


def test_a_guard_another_conjunct_divides_by_is_kept():
    # the three fractions contradict each other at x = 1 whatever value z3
    # gives 1/0, so z3 proves Ne(x, 1) from them; it is still their guard
    x = real("x")
    cond = sympy.And(
        sympy.Ne(x - 1, 0),
        1 / (x - 1) > 0,
        (x - 2) / (x - 1) > 0,
        (2 - x) / (x - 1) <= 0,
    )
    assert sympy.Ne(x, 1) in sympy.And.make_args(simplify_condition(cond, []))
