"""Tests of symtrust.testing.strategies: points satisfy assumptions, by construction."""

from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, assume, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from symtrust import interval, positive, probability, real
from symtrust.catalog import prisoners_dilemma
from symtrust.errors import AssumptionError, ModelError
from symtrust.logic.assumptions import build_assumptions
from symtrust.testing import (
    numeric_bimatrix,
    numeric_game,
    points,
    rationals,
    symbolic_game,
)
from symtrust.testing.strategies import _Bound, _Linear, _propagate, _tighten

R, S, T, P = real("R S T P")
c, w = positive("c w")
t = probability("t")
m = interval("m", 0, 1, left_open=True, right_open=True)
x, y, z = real("x y z")
n = sympy.Symbol("n", integer=True, nonnegative=True)
POOL = (x, y, z, c, w, t, m, n)

# health checks on: a strategy that mostly rejects would fail these tests
STRICT = settings(suppress_health_check=[HealthCheck.too_slow])


def _well_formed(point, assumptions, symbols):
    assert set(point) == set(symbols)
    for sym, value in point.items():
        assert isinstance(value, sympy.Rational), (sym, value)
        if sym.is_integer:
            assert value.is_integer, (sym, value)
    assert assumptions.holds_at(point)


@st.composite
def linear_assumptions(draw):
    """Random consistent sets of orderings x > k*y + c among pool symbols."""
    syms = draw(st.lists(st.sampled_from(POOL), min_size=1, max_size=5, unique=True))
    order = draw(st.permutations(syms))
    rels = []
    for hi_i in range(len(order)):
        for lo_i in range(hi_i + 1, len(order)):
            if draw(st.booleans()):
                k = draw(st.sampled_from([1, 1, 2, sympy.Rational(1, 2)]))
                const = draw(st.sampled_from([0, 0, 1, -1, sympy.Rational(1, 3)]))
                op = draw(st.sampled_from(["gt", "ge"]))
                lhs, rhs = order[lo_i], k * order[hi_i] + const
                rels.append(lhs > rhs if op == "gt" else lhs >= rhs)
    try:
        return build_assumptions(rels, symbols=syms)
    except AssumptionError:
        # an ordering incompatible with the domains (t > 1 + c, ...): a fixed set
        return build_assumptions([x > y], symbols=syms)


@STRICT
@given(st.data())
def test_points_satisfy_random_linear_assumptions(data):
    assumptions = data.draw(linear_assumptions())
    point = data.draw(points(assumptions))
    _well_formed(point, assumptions, assumptions.symbols)


@STRICT
@given(points([T > R, R > P, P > S]))
def test_prisoners_dilemma_chain_is_built_not_filtered(point):
    assert point[T] > point[R] > point[P] > point[S]


@STRICT
@given(points([c > w + t, m < t, n > 2 * m, x > 2 * y + 1, y >= c]))
def test_mixed_domains_offsets_and_scales(point):
    assert point[c] > point[w] + point[t] and 0 < point[m] < point[t] <= 1
    assert point[n] > 2 * point[m] and point[n].is_integer
    assert point[x] > 2 * point[y] + 1 and point[y] >= point[c] > 0


@given(points([x * y > 1, x < 3, sympy.Ne(x, 2)]))
def test_nonlinear_assumptions_hold(point):
    assert point[x] * point[y] > 1 and point[x] < 3 and point[x] != 2


@given(points([sympy.Or(x > 3, y < -3)]))
def test_disjunctions_are_filtered_exactly(point):
    assert point[x] > 3 or point[y] < -3


@given(points([sympy.Eq(x, y + 1), y >= 9]))
def test_linear_equalities_are_solved(point):
    assert point[x] == point[y] + 1 and point[y] >= 9


@given(points([c < sympy.Rational(1, 100)]))
def test_narrow_intervals_beyond_max_denominator(point):
    assert 0 < point[c] < sympy.Rational(1, 100)


@given(points([], [x, c, t], bound=3, max_denominator=5))
def test_unconstrained_symbols_respect_bound_and_denominator(point):
    assert -3 <= point[x] <= 3 and 0 < point[c] <= 3 and 0 <= point[t] <= 1
    assert all(v.q <= 5 for v in point.values())


def test_closed_bounds_are_reached_open_ones_never():
    assert find(points([], [t]), lambda p: p[t] == 1)[t] == 1
    with pytest.raises(NoSuchExample):
        find(
            points([], [m]),
            lambda p: p[m] in (0, 1),
            settings=settings(max_examples=200, database=None),
        )


def test_accepts_games_results_and_lists():
    game = prisoners_dilemma()
    point = find(points(game), lambda p: True)
    _well_formed(point, game.assumptions, game.parameters)
    from symtrust import pure_nash

    from_solution = find(points(pure_nash(game)), lambda p: True)
    _well_formed(from_solution, game.assumptions, game.parameters)
    from_list = find(points([c > w]), lambda p: True)
    assert set(from_list) == {c, w} and from_list[c] > from_list[w] > 0


def test_extra_symbols_get_their_domains():
    point = find(points([c > w], [t]), lambda p: p[t] > 0)
    assert set(point) == {c, w, t} and 0 < point[t] <= 1


@given(points([n >= 3, n <= 5]))
def test_integer_symbols_draw_integers(point):
    assert point[n] in (3, 4, 5) and isinstance(point[n], sympy.Integer)


def test_bad_arguments_are_named():
    with pytest.raises(ModelError, match=r"max_denominator=0 must be an int >= 1"):
        points([x > 0], max_denominator=0)
    with pytest.raises(ModelError, match=r"bound=-1 must be an int >= 1"):
        points([x > 0], bound=-1)
    with pytest.raises(ModelError, match=r"bound=2.5"):
        points([x > 0], bound=2.5)
    with pytest.raises(AssumptionError, match="contradict"):
        points([x > y, y > x])
    with pytest.raises(AssumptionError, match="string"):
        points(["x > y"])


@given(numeric_game((2, 2, 2)))
def test_numeric_games_have_exact_small_payoffs(game):
    assert len(game.players) == 3 and len(game.table) == 8
    for vec in game.table:
        for u in vec:
            assert isinstance(u, sympy.Rational) and abs(u) <= 5 and u.q <= 4


@given(numeric_bimatrix(3, 2), rationals(bound=2, max_denominator=3))
def test_numeric_bimatrix_shape_and_rationals(game, q):
    assert game.actions == (("a0", "a1", "a2"), ("a0", "a1"))
    assert isinstance(q, sympy.Rational) and abs(q) <= 2 and q.q <= 3


def test_numeric_game_shape_is_validated():
    with pytest.raises(ModelError, match=r"shape=\(2, 0\)"):
        numeric_game((2, 0))


@given(symbolic_game((2, 3), entries=(0, c, w, c - w, t), relations=(c > w, w > c)))
def test_symbolic_games_draw_entries_and_consistent_assumptions(game):
    assert game.actions == (("a0", "a1"), ("a0", "a1", "a2"))
    assert all(u in (0, c, w, c - w, t) for vec in game.table for u in vec)
    stated = set(game.assumptions.conditions) & {c > w, w > c}
    assert len(stated) <= 1  # both together contradict: never both


def test_symbolic_game_arguments():
    with pytest.raises(ModelError, match="entries must not be empty"):
        symbolic_game((2, 2), entries=())
    with pytest.raises(ModelError, match=r"max_relations=-1 must be an int >= 0"):
        symbolic_game((2, 2), max_relations=-1)


@st.composite
def general_linear_assumptions(draw):
    """Random linear relations with mixed-sign coefficients, equalities too."""
    rels = []
    for _ in range(draw(st.integers(1, 3))):
        syms = draw(
            st.lists(st.sampled_from(POOL[:6]), min_size=1, max_size=3, unique=True)
        )
        coeffs = [
            draw(st.sampled_from([-2, -1, sympy.Rational(1, 2), 1, 3])) for _ in syms
        ]
        lhs = sum(k * s for k, s in zip(coeffs, syms, strict=True))
        rhs = draw(st.sampled_from([0, 1, -1, sympy.Rational(5, 2)]))
        op = draw(st.sampled_from([sympy.Gt, sympy.Ge, sympy.Lt, sympy.Le, sympy.Eq]))
        rel = op(lhs, rhs)
        if rel not in (sympy.true, sympy.false):
            rels.append(rel)
    try:
        return build_assumptions(rels)
    except AssumptionError:
        return build_assumptions([x > y])


@given(st.data())
def test_points_satisfy_general_linear_assumptions(data):
    assumptions = data.draw(general_linear_assumptions())
    point = data.draw(points(assumptions))
    _well_formed(point, assumptions, assumptions.symbols)


@given(points([1 / x > y, x > -1, x < 1]))
def test_assumptions_undefined_at_a_partial_point_are_rejected_not_raised(point):
    assert point[x] != 0 and 1 / point[x] > point[y]


# -- bounds propagation: the worklist reaches the fixed point of full sweeps ----

_SYMS = sympy.symbols("a0:4", real=True)
_COEFF = st.sampled_from([-2, -1, 1, 2, Fraction(1, 2)])
_LINEAR = st.builds(
    lambda picks, const, strict: _Linear(
        tuple((_SYMS[i], Fraction(c)) for i, c in sorted(picks.items())),
        Fraction(const),
        strict,
    ),
    st.dictionaries(st.integers(0, 3), _COEFF, min_size=1, max_size=3),
    st.fractions(-3, 3, max_denominator=4),
    st.booleans(),
)


def _sweep(linears, bounds):
    """Reference: tighten every constraint in turn until nothing moves."""
    for _ in range(200):
        moved = False
        for lin in linears:
            changed = _tighten(lin, bounds, {})
            if changed is None:
                return False
            moved |= bool(changed)
        if not moved:
            return True
    return None  # not converged: no reference


@given(st.lists(_LINEAR, min_size=1, max_size=6), st.integers(0, 3))
def test_worklist_propagation_reaches_the_sweep_fixed_point(linears, box_from):
    # a box keeps every symbol bounded, so both converge in finitely many steps
    box = [
        _Linear(((s, Fraction(sign)),), Fraction(5), False)
        for s in _SYMS
        for sign in (1, -1)
    ]
    system = box[box_from:] + linears + box[:box_from]
    swept = {s: _Bound() for s in _SYMS}
    reference = _sweep(system, swept)
    assume(reference is not None)
    listed = {s: _Bound() for s in _SYMS}
    ok = _propagate(system, listed, {}, rounds=200)
    assert ok == reference
    if ok:
        assert listed == swept


def _looser_or_equal(outer: _Bound, inner: _Bound) -> bool:
    """Whether ``outer`` contains every value ``inner`` allows."""
    lo_ok = outer.lo is None or (
        inner.lo is not None
        and (
            outer.lo < inner.lo
            or (outer.lo == inner.lo and (inner.lo_strict or not outer.lo_strict))
        )
    )
    hi_ok = outer.hi is None or (
        inner.hi is not None
        and (
            outer.hi > inner.hi
            or (outer.hi == inner.hi and (inner.hi_strict or not outer.hi_strict))
        )
    )
    return lo_ok and hi_ok


@given(st.lists(_LINEAR, min_size=1, max_size=6), st.integers(0, 3))
def test_settled_propagation_is_sound(linears, box_from):
    # settling (drawing points) applies only some of the tightenings: its
    # bounds contain the full fixed point, and it finds no contradiction
    # the full propagation does not
    box = [
        _Linear(((s, Fraction(sign)),), Fraction(5), False)
        for s in _SYMS
        for sign in (1, -1)
    ]
    system = box[box_from:] + linears + box[:box_from]
    swept = {s: _Bound() for s in _SYMS}
    reference = _sweep(system, swept)
    assume(reference is not None)
    settled = {s: _Bound() for s in _SYMS}
    ok = _propagate(system, settled, {}, rounds=200, settle=True)
    if not ok:
        assert reference is False
    elif reference:
        assert all(_looser_or_equal(settled[s], swept[s]) for s in _SYMS)


def test_settled_propagation_stops_a_geometric_tightening():
    # s > (c + m)/3 and m > s > 0 at c = 1 raise the lower bound of s towards
    # 1/2 by ever smaller steps (s > 1/3, 4/9, 13/27, ...): settling stops early
    # with a sound, nearly tight bound and a small denominator
    c, m, s = sympy.symbols("c m s", positive=True)
    system = [
        _Linear(
            ((c, -Fraction(1, 3)), (m, -Fraction(1, 3)), (s, Fraction(1))), 0, True
        ),
        _Linear(((m, Fraction(1)), (s, Fraction(-1))), Fraction(0), True),
        _Linear(((m, Fraction(1)),), Fraction(0), True),
        _Linear(((s, Fraction(1)),), Fraction(0), True),
    ]
    exact = {m: _Bound(), s: _Bound()}
    assert _propagate(system, exact, {c: Fraction(1)}, rounds=200)
    settled = {m: _Bound(), s: _Bound()}
    assert _propagate(system, settled, {c: Fraction(1)}, rounds=200, settle=True)
    assert Fraction(1, 2) - Fraction(1, 100) < settled[s].lo <= Fraction(1, 2)
    assert settled[s].lo.denominator < 10**6 < exact[s].lo.denominator
