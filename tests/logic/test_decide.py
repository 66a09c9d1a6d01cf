"""decide / satisfiable: verdicts checked at random exact admissible points."""

import pytest
import sympy
from hypothesis import event, given
from hypothesis import strategies as st

from symtrust import Budget, decide, positive, probability, real, satisfiable
from symtrust.errors import AssumptionError, ClaimError
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.decide import as_conditions, substitute_condition
from symtrust.testing import points

x, y = real("x y")
c, w = positive("c w")
t = probability("t")
SYMS = (x, y, c, w, t)
HALF = sympy.Rational(1, 2)
RELATIONS = (
    c > w,
    x > y,
    x >= c + 1,
    t <= HALF,
    y > 2 * t,
    w >= t,
    c < 3,
    x * y > 1,
)
OPS = (sympy.Gt, sympy.Ge, sympy.Lt, sympy.Le, sympy.Eq, sympy.Ne)


@st.composite
def expressions(draw):
    """Polynomials of degree <= 2 (sometimes over a positive denominator)."""
    terms = draw(
        st.lists(
            st.tuples(
                st.sampled_from([-2, -1, HALF, 1, 3]),
                st.sampled_from([1, *SYMS]),
                st.sampled_from([1, 1, *SYMS]),
            ),
            min_size=1,
            max_size=4,
        )
    )
    expr = sum(k * u * v for k, u, v in terms)
    if draw(st.booleans()) and draw(st.booleans()):
        expr = expr / draw(st.sampled_from([c, 1 + w, c + t, 1 + x**2]))
    return expr


@st.composite
def statements(draw):
    op = draw(st.sampled_from(OPS))
    stmt = op(draw(expressions()), draw(st.sampled_from([0, 1, -1, t, x])))
    if stmt in (sympy.true, sympy.false):
        return stmt
    if draw(st.integers(0, 3)) == 0:
        other = draw(st.sampled_from(OPS))(draw(expressions()), 0)
        stmt = draw(st.sampled_from([sympy.And, sympy.Or]))(stmt, other)
    return stmt


@st.composite
def assumption_sets(draw):
    rels = draw(st.lists(st.sampled_from(RELATIONS), max_size=3, unique=True))
    try:
        return build_assumptions(rels, symbols=SYMS)
    except AssumptionError:
        return build_assumptions(symbols=SYMS)


def _weakened(data, assumptions):
    """A consequence of an assumption (a relaxed, rescaled copy), or None."""
    rel = data.draw(st.sampled_from(assumptions.conditions))
    if not isinstance(rel, sympy.core.relational.Relational) or rel.rel_op == "==":
        return None
    slack = data.draw(st.sampled_from([0, HALF, 2]))
    scale = data.draw(st.sampled_from([1, 3, HALF]))
    diff = rel.lhs - rel.rhs
    if rel.rel_op in (">", ">="):
        return scale * diff + slack >= 0
    return scale * diff - slack <= 0


@given(statements(), assumption_sets(), st.data())
def test_decide_verdicts_hold_at_exact_points(stmt, assumptions, data):
    weak = _weakened(data, assumptions) if data.draw(st.booleans()) else None
    stmt = stmt if weak is None else weak
    verdict = decide(stmt, assumptions, budget=Budget(per_decision=5))
    event(f"decide: {verdict.truth}")
    if verdict.truth is True:
        # proved: true (and defined) at every admissible point we can draw
        for _ in range(5):
            # every free symbol of the statement, not only the assumptions'
            point = data.draw(points(assumptions, stmt.free_symbols))
            assert substitute_condition(stmt, point) is True, (stmt, point)
    elif verdict.truth is False:
        point = verdict.counterexample
        assert assumptions.holds_at(point)
        assert substitute_condition(stmt, point) in (False, None)
    else:
        assert verdict.counterexample is None and verdict.reason


@given(statements(), assumption_sets(), st.data())
def test_satisfiable_verdicts_hold_at_exact_points(cond, assumptions, data):
    verdict = satisfiable(cond, assumptions, budget=Budget(per_decision=5))
    event(f"satisfiable: {verdict.truth}")
    if verdict.truth is True and verdict.counterexample is not None:
        witness = verdict.counterexample
        assert assumptions.holds_at(witness)
        assert substitute_condition(cond, witness) is True
    elif verdict.truth is False:
        for _ in range(5):
            point = data.draw(points(assumptions, cond.free_symbols))
            assert substitute_condition(cond, point) is not True, (cond, point)


def test_textbook_decisions():
    assert decide(t**2 <= t, []).truth is True
    assert decide((c - w) / (1 + c - w) > 0, [c > w]).truth is True
    assert decide(x**2 >= 0, []).truth is True
    v = decide(t >= HALF, [])
    assert v.truth is False and v.counterexample[t] < HALF
    assert satisfiable(t > 1, []).truth is False


def test_undefined_points_refute():
    # 1/x > 0 fails where x = 0 is admissible (undefined counts as violated)
    v = decide(1 / x > 0, [x >= 0])
    assert v.truth is False and v.counterexample[x] == 0
    assert decide(1 / c > 0, []).truth is True


def test_verdict_refuses_bool():
    with pytest.raises(TypeError, match="three-valued"):
        bool(decide(c > 0, []))


def test_bare_expressions_are_not_statements():
    with pytest.raises(ClaimError, match=r"statement c - w is not a statement"):
        decide(c - w, [])
    with pytest.raises(ClaimError, match=r"assumption c is not a statement"):
        decide(c > w, [c])
    with pytest.raises(ClaimError, match=r"condition x \+ 1 is not a statement"):
        satisfiable(x + 1, [])
    with pytest.raises(ClaimError, match=r"assumptions 3 are not a SymPy Boolean"):
        as_conditions(3)


def test_substitute_condition_three_values():
    assert substitute_condition(x**2 >= 2, {x: sympy.Rational(3, 2)}) is True
    assert substitute_condition(x**2 >= 3, {x: sympy.Rational(3, 2)}) is False
    assert substitute_condition(1 / x > 0, {x: 0}) is None
    assert substitute_condition(sympy.sqrt(x) > 0, {x: -1}) is None
