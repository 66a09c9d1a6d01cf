"""simplify_condition / normalize_relation / sign_under: meaning preserved exactly."""

import sympy
from hypothesis import HealthCheck, event, given, seed, settings
from hypothesis import strategies as st

from symtrust import Budget, positive, probability, real
from symtrust.core.exact import substitute_condition
from symtrust.errors import AssumptionError
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.conditions import (
    clear_denominators,
    normalize_relation,
    sign_under,
    simplify_cleared,
    simplify_condition,
    simplify_rooted,
)
from symtrust.testing import Tally, points

x, y = real("x y")
c, w = positive("c w")
t = probability("t")
SYMS = (x, y, c, w, t)
HALF = sympy.Rational(1, 2)
RELATIONS = (c > w, x > y, x >= c + 1, t <= HALF, y > 2 * t, w >= t, c < 3)
OPS = (sympy.Gt, sympy.Ge, sympy.Lt, sympy.Le, sympy.Eq, sympy.Ne)


@st.composite
def sides(draw):
    """Linear expressions, sometimes with a product or over a positive factor."""
    terms = draw(
        st.lists(
            st.tuples(
                st.sampled_from([-2, -1, HALF, 1, 3]), st.sampled_from([1, *SYMS])
            ),
            min_size=1,
            max_size=3,
        )
    )
    expr = sympy.sympify(sum(k * s for k, s in terms))
    kind = draw(st.integers(0, 5))
    if kind == 0:
        expr = expr * draw(st.sampled_from(SYMS))
    elif kind == 1:
        # denominators of fixed sign, and ones whose sign the assumptions decide
        expr = expr / draw(st.sampled_from([c, 1 + w, c + t, -1 - t, c - w, w - c]))
    return expr


@st.composite
def conditions(draw):
    """Payoff comparisons and their conjunctions/disjunctions, as solvers make."""
    parts = [
        draw(st.sampled_from(OPS))(draw(sides()), draw(sides()))
        for _ in range(draw(st.integers(1, 3)))
    ]
    parts = [p for p in parts if p not in (sympy.true, sympy.false)] or [x > 0]
    combine = draw(st.sampled_from([sympy.And, sympy.Or]))
    return parts[0] if len(parts) == 1 else combine(*parts)


@st.composite
def assumption_sets(draw):
    rels = draw(st.lists(st.sampled_from(RELATIONS), max_size=3, unique=True))
    try:
        return build_assumptions(rels, symbols=SYMS)
    except AssumptionError:
        return build_assumptions(symbols=SYMS)


@given(conditions(), assumption_sets(), st.data())
def test_simplification_preserves_truth_at_admissible_points(cond, assumptions, data):
    simple = simplify_condition(cond, assumptions, budget=Budget(per_decision=5))
    event(f"simplified to {'a constant' if simple in (True, False) else 'a condition'}")
    for _ in range(6):
        # every symbol drawn: x and y, which no assumption mentions, left free
        # made a dropped implied conjunct read as undecided (see below)
        point = data.draw(points(assumptions, SYMS))
        before = substitute_condition(cond, point)
        if before is None:  # undefined there (a zero denominator): nothing to compare
            continue
        assert substitute_condition(simple, point) == before, (cond, simple, point)


@given(st.sampled_from(OPS), sides(), sides(), assumption_sets(), st.data())
def test_normalized_relation_is_equivalent(op, lhs, rhs, assumptions, data):
    rel = op(lhs, rhs)
    out = normalize_relation(rel, assumptions, budget=Budget(per_decision=5))
    for _ in range(4):
        point = data.draw(points(assumptions, SYMS))
        before = substitute_condition(rel, point)
        if before is not None:
            assert substitute_condition(out, point) == before, (rel, out, point)


def test_an_implied_conjunct_dropped_is_compared_at_full_points():
    # Found by a long random run: x > 1 and 2tx > x imply t > 1/2, so the
    # simplifier rightly drops it; the test drew points without x (no
    # assumption mentions it), where the simplified form is undecided while
    # the original is False through t = 0. Compared with x drawn, they agree.
    cond = (-2 > -2 * x) & (-4 * t < -2) & (-x > -2 * t * x)
    simple = simplify_condition(cond, build_assumptions(symbols=SYMS))
    for tv, xv in [(0, 2), (0, -1), (sympy.Rational(3, 4), 2), (1, HALF), (HALF, 3)]:
        point = {c: 1, w: 1, t: sympy.Rational(tv), x: sympy.Rational(xv), y: 0}
        assert substitute_condition(simple, point) == substitute_condition(cond, point)


def _sign_under_run(tally):
    """The property: sign_under's verdict is the sign at every admissible point."""

    # the tally discards undecided signs (assume), so an unlucky random start
    # (51 of the first 60 sides drawn took both signs) failed Hypothesis'
    # filter_too_much health check, in 1 of 35 random dev runs; the tally's
    # floor, not the health check, guards the decided rate
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(sides(), assumption_sets(), st.data())
    def run(expr, assumptions, data):
        sign = sign_under(expr, assumptions, budget=Budget(per_decision=5))
        event(f"sign {sign}")
        tally.decided(sign is not None)
        for _ in range(4):
            point = data.draw(points(assumptions))
            value = expr.xreplace(point)
            assert value.is_number and sympy.sign(value) == sign, (expr, point, sign)

    return run


def test_sign_under_is_the_sign_at_every_point():
    # an undecided (or varying) sign asserts nothing: such cases are
    # discarded, and the tally fails the test if too many are (a floor on the
    # decided fraction: a sign_under that always answered None fails it)
    tally = Tally(floor=0.25, what="signs decided")  # about 45% are
    _sign_under_run(tally)()
    tally.check()


def test_sign_under_survives_a_start_of_undecided_signs():
    # Found by a long random run: this seed (Hypothesis 6.170) starts with 51
    # undecided sides in 60 and failed the filter_too_much health check
    # before the property was checked at all
    tally = Tally(floor=0.1, what="signs decided")
    seed(316920355210616202497932628162221308305)(_sign_under_run(tally))()
    tally.check()


def test_readable_forms():
    R, T = real("R T")
    assert normalize_relation(T - R >= 0) == (T >= R)
    assert normalize_relation(2 * t - 1 >= 0) == (t >= HALF)
    assert normalize_relation(4 * t + (1 - t) >= 3 * t + 2 * (1 - t)) == (t >= HALF)
    # a denominator of known negative sign flips the relation
    assert normalize_relation(x / (-1 - c) > 0) == (x < 0)


def test_conditions_decided_by_the_assumptions():
    R, T = real("R T")
    assert simplify_condition(T - R >= 0, [T > R]) is sympy.true
    assert simplify_condition(T - R >= 0, [R > T]) is sympy.false
    assert simplify_condition(sympy.And(c > w, c > 0, c + 1 > w), []) == (c > w)
    assert simplify_condition(sympy.Or(t > 2, t >= HALF), []) == (t >= HALF)


def test_sign_under_cases():
    assert sign_under(1 + c - w, [c > w]) == 1
    assert sign_under(-c, []) == -1
    assert sign_under(c - w, []) is None
    assert sign_under(sympy.Integer(0), []) == 0


# -- the merged condition algebra: clearing, square roots -------------------------

ROOTS = (sympy.sqrt(c), sympy.sqrt(1 + w), sympy.sqrt(c * w), sympy.sqrt(t))


@st.composite
def rooted_sides(draw):
    """Linear sides with a square root term, sometimes over a rooted denominator."""
    expr = draw(sides()) + draw(st.sampled_from([-1, HALF, 2])) * draw(
        st.sampled_from(ROOTS)
    )
    if draw(st.booleans()):
        expr = expr / (1 + draw(st.sampled_from(ROOTS)))
    return expr


@st.composite
def rooted_conditions(draw):
    parts = [
        draw(st.sampled_from(OPS))(draw(rooted_sides()), draw(sides()))
        for _ in range(draw(st.integers(1, 2)))
    ]
    parts = [p for p in parts if p not in (sympy.true, sympy.false)]
    parts = parts or [sympy.sqrt(c) > w]
    return parts[0] if len(parts) == 1 else sympy.And(*parts)


def _agrees_where_defined(before, after, points_drawn):
    """``after`` has ``before``'s truth wherever ``before`` is defined, and is
    never True where ``before`` is undefined (no undefined point is hidden)."""
    decided = 0
    for point in points_drawn:
        was, now = (
            substitute_condition(before, point),
            substitute_condition(after, point),
        )
        if was is None:
            assert now is not True, (before, after, point)
            continue
        if now is None and after.free_symbols - set(point):
            # a symbol the point leaves free (x in sqrt(c) - x**2 - 4 > 0):
            # SymPy could not settle the cleared form for every x; undecided
            continue
        decided += 1
        assert now == was, (before, after, point)
    return decided


def test_cleared_conditions_agree_where_defined():
    # points where the condition is undefined compare nothing: a floor on the
    # points where it is defined keeps the test from passing on those alone
    # the share defined varies with the draw (13% to 70% seen in 60 draws):
    # derandomized, so the floor is a fixed check that some points compare
    tally = Tally(floor=0.05, what="defined there")

    @settings(max_examples=15, derandomize=True)
    @given(conditions(), assumption_sets(), st.data())
    def run(cond, assumptions, data):
        cleared = clear_denominators(cond, assumptions, budget=Budget(per_decision=5))
        drawn = [data.draw(points(assumptions)) for _ in range(4)]
        tally.add(_agrees_where_defined(cond, cleared, drawn), of=len(drawn))
        simple = simplify_cleared(cond, assumptions, budget=Budget(per_decision=5))
        for point in drawn:
            before = substitute_condition(cond, point)
            if before is not None:
                assert substitute_condition(simple, point) == before, (cond, simple)

    run()
    tally.check()


def test_square_root_conditions_keep_their_meaning():
    # the share defined varies with the draw: 0.28 to 0.83 (median 0.58) in 25
    # random runs, 0.25 once in CI; the floor catches a test gone hollow
    # (nothing defined) without failing on an unlucky draw
    tally = Tally(floor=0.1, what="defined there")

    @settings(max_examples=12)
    @given(rooted_conditions(), assumption_sets(), st.data())
    def run(cond, assumptions, data):
        cleared = clear_denominators(cond, assumptions, budget=Budget(per_decision=5))
        simple = simplify_rooted(cond, assumptions, Budget(per_decision=5))
        event(f"rooted: {'constant' if simple in (True, False) else 'a condition'}")
        drawn = [data.draw(points(assumptions)) for _ in range(3)]
        tally.add(_agrees_where_defined(cond, cleared, drawn), of=len(drawn))
        for point in drawn:
            before = substitute_condition(cond, point)
            if before is not None:
                assert substitute_condition(simple, point) == before, (cond, simple)

    run()
    tally.check()


def test_clearing_rules_as_specified():
    # 1. no denominator: as written (rational coefficients included)
    assert clear_denominators(t - HALF >= 0) == (t - HALF >= 0)
    # 3. a numeric denominator is multiplied out
    assert clear_denominators((x + 1) / 3 + 1 / (2 * (1 + x**2)) > 0) == (
        2 * x**3 + 2 * x**2 + 2 * x + 5 > 0
    )
    # 4. a proved negative denominator flips the relation; undecided keeps it
    assert clear_denominators(y / (x - c) >= 1, [x < c]) == (x - c - y >= 0)
    assert clear_denominators(y / (x - c) >= 1) == (y / (x - c) >= 1)
    # 5. Eq / Ne: cleared under a proved sign, never flipped; otherwise kept
    assert clear_denominators(sympy.Eq(y / (-1 - c), 1)) == sympy.Eq(-c - y - 1, 0)
    assert clear_denominators(sympy.Ne(y / x, 1)) == sympy.Ne(y / x, 1)
    # 2. a cancelled factor that may vanish stays as a condition
    assert clear_denominators((x**2 - 1) / (x - 1) > x) == sympy.Ne(x - 1, 0)
    assert normalize_relation((x**2 - 1) / (x - 1) > x) == sympy.Ne(x, 1)
    # 6. square roots: combined, not cancelled; the sign still decides
    root = sympy.sqrt(c)
    assert clear_denominators(y / (1 + root) > 1) == (-root + y - 1 > 0)
