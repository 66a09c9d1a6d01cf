"""Continuous games solved by first-order conditions, against published answers.

Cournot: Gibbons (1992) 1.2.A and 3.1.A (asymmetric information); Bertrand
with differentiated goods: Gibbons 1.2.B; Stackelberg: Gibbons 2.1.B;
Tullock contest: Tullock (1980), n players, x* = V (n - 1) / n**2.
"""

import sympy
from sympy import Rational

from symtrust import check, decide, interval, nonnegative, positive, probability
from symtrust.games.continuous import (
    best_response,
    continuous_game,
    continuous_nash,
    player_count,
    stackelberg,
    symmetric_continuous_game,
    symmetric_nash,
)
from symtrust.games.continuous.twins.nash import continuous_nash_twin

a, b, c = positive("a b c")
q1, q2 = nonnegative("q1 q2")


def _cournot(assumptions=(a > c,)):
    price = a - b * (q1 + q2)
    return continuous_game(
        ("firm 1", "firm 2"),
        (q1, q2),
        (q1 * price - c * q1, q2 * price - c * q2),
        assumptions=list(assumptions),
    )


def test_cournot_duopoly_is_unique_and_checked():
    sol = continuous_nash(_cournot())
    assert len(sol) == 1
    eq = sol[0]
    want = (a - c) / (3 * b)
    assert all(sympy.simplify(v - want) == 0 for v in eq.profile)
    assert eq.unique is True and eq.is_global and eq.condition == sympy.true
    assert check(sol, max_examples=10).ok


def test_cournot_corners_appear_without_the_assumption():
    sol = continuous_nash(_cournot(()))
    regimes = {eq.regimes for eq in sol}
    assert ("lower bound", "lower bound") in regimes
    both_out = next(eq for eq in sol if eq.regimes == ("lower bound", "lower bound"))
    # no firm produces where demand never covers cost
    assert both_out.subs({a: 1, c: 2, b: 1}).condition == sympy.true
    assert both_out.subs({a: 2, c: 1, b: 1}).condition == sympy.false
    assert check(sol, max_examples=10).ok


def test_cournot_with_n_symbolic_firms():
    n = player_count()
    x, others = sympy.symbols("x X", nonnegative=True)
    g = symmetric_continuous_game(
        n, x, others, x * (a - b * (x + others)) - c * x, assumptions=[a > c]
    )
    sol = symmetric_nash(g)
    (eq,) = [e for e in sol if e.regime == "interior"]
    assert sympy.simplify(eq.action - (a - c) / (b * (n + 1))) == 0
    assert eq.concave is True
    assert check(sol, max_examples=10).ok


def test_cournot_asymmetric_information():
    # firm 2's cost is c_H with probability theta, else c_L (Gibbons 3.1.A)
    theta = probability("theta")
    c_h, c_l = positive("c_H c_L")
    qh, ql = nonnegative("q_H q_L")
    u1 = theta * q1 * (a - b * (q1 + qh)) + (1 - theta) * q1 * (a - b * (q1 + ql))
    g = continuous_game(
        ("firm 1", "firm 2 (high cost)", "firm 2 (low cost)"),
        (q1, qh, ql),
        (
            u1 - c * q1,
            qh * (a - b * (q1 + qh)) - c_h * qh,
            ql * (a - b * (q1 + ql)) - c_l * ql,
        ),
        assumptions=[a > 2 * c_h, a > 2 * c, a > 2 * c_l, c_h > c_l],
        # enough demand that every firm produces
    )
    sol = continuous_nash(g)
    interior = [e for e in sol if e.regimes == ("interior",) * 3]
    assert len(interior) == 1
    eq = interior[0]
    want_1 = (a - 2 * c + theta * c_h + (1 - theta) * c_l) / (3 * b)
    want_h = (a - 2 * c_h + c) / (3 * b) + (1 - theta) * (c_h - c_l) / (6 * b)
    want_l = (a - 2 * c_l + c) / (3 * b) - theta * (c_h - c_l) / (6 * b)
    for got, want in zip(eq.profile, (want_1, want_h, want_l), strict=True):
        assert sympy.simplify(got - want) == 0
    assert check(eq, max_examples=8).passed is not False


def test_bertrand_with_differentiated_goods():
    d = interval("d", 0, 1, left_open=True, right_open=True)
    p1, p2 = nonnegative("p1 p2")
    g = continuous_game(
        ("firm 1", "firm 2"),
        (p1, p2),
        ((p1 - c) * (a - p1 + d * p2), (p2 - c) * (a - p2 + d * p1)),
        assumptions=[a > c],
    )
    sol = continuous_nash(g)
    interior = [e for e in sol if e.regimes == ("interior", "interior")]
    assert len(interior) == 1
    for v in interior[0].profile:
        assert sympy.simplify(v - (a + c) / (2 - d)) == 0
    assert check(sol, max_examples=10).ok


def test_stackelberg_leader_produces_half_the_monopoly_quantity_times_two():
    eq = stackelberg(_cournot(), "firm 1")
    assert sympy.simplify(eq.leader_action - (a - c) / (2 * b)) == 0
    assert sympy.simplify(eq.follower_action - (a - c) / (4 * b)) == 0
    assert check(eq, max_examples=10).ok


def test_tullock_contest_with_n_players():
    n = player_count()
    v = positive("V")
    x, others = sympy.symbols("x X", nonnegative=True)
    g = symmetric_continuous_game(n, x, others, v * x / (x + others) - x)
    sol = symmetric_nash(g)
    interior = [e for e in sol if e.regime == "interior" and e.action != 0]
    assert len(interior) == 1
    assert sympy.simplify(interior[0].action - v * (n - 1) / n**2) == 0
    assert check(interior[0], max_examples=8).passed is not False


def test_best_response_has_its_corner():
    br = best_response(_cournot(()), "firm 1")
    assert sympy.simplify(br.interior - (a - b * q2 - c) / (2 * b)) == 0
    # above the monopoly output of the rival the best response is 0
    at = br.value.subs({a: 4, b: 1, c: 1, q2: 5})
    assert at == 0
    assert br.value.subs({a: 4, b: 1, c: 1, q2: 1}) == 1
    assert check(br, max_examples=10).ok


def test_a_local_equilibrium_is_marked_as_such():
    x = sympy.Symbol("x", real=True)
    # x**3 - 3x has a local max at x = -1 on [-3, 3] but is not concave there
    g = continuous_game(("A",), (x,), (x**3 - 3 * x,), bounds=((-3, 3),))
    sol = continuous_nash(g)
    assert all(not eq.is_global for eq in sol)
    assert (-1,) in [eq.profile for eq in sol if eq.regimes == ("interior",)]
    assert Rational(1) not in [
        eq.profile[0] for eq in sol if eq.regimes == ("interior",)
    ]


def test_two_player_tullock_contest_and_the_undefined_corner():
    v = positive("V")
    x, y = nonnegative("x y")
    g = continuous_game(("1", "2"), (x, y), (v * x / (x + y) - x, v * y / (x + y) - y))
    sol = continuous_nash(g)
    assert [eq.profile for eq in sol] == [(v / 4, v / 4)]
    assert any("undefined at (0, 0)" in note for note in sol.notes)
    assert check(sol, max_examples=5).ok


def test_an_interior_solution_on_a_bound_is_one_equilibrium():
    # Found by Hypothesis in CI: A's best response is y, B's is x + 1/4 (both
    # clipped to [0, 1]), so (1, 1) is the only equilibrium. The interior and
    # the corner regime of A both reach it; it is listed once, and unique.
    x, y = sympy.symbols("x y", real=True)
    q = sympy.Rational(1, 4)
    u1 = -q * x**2 + x * y / 2
    u2 = -q * y**2 + x * y / 2 + q * y
    g = continuous_game(("A", "B"), (x, y), (u1, u2), bounds=((0, 1), (0, 1)))
    sol = continuous_nash(g)
    assert [eq.profile for eq in sol] == [(1, 1)]
    assert sol.results[0].unique is True
    assert sol.results[0].regimes == ("interior or upper bound", "upper bound")
    continuous_nash_twin(sol, {})


def test_uniqueness_ignores_overlaps_where_profiles_coincide():
    # Capacity k: the interior output a/2 is optimal iff a <= 2k, the capacity
    # iff a >= 2k; at a = 2k both regimes give the same output, so each is
    # still the unique equilibrium where it holds.
    x = sympy.Symbol("x", real=True)
    a, k = sympy.symbols("a k", positive=True)
    g = continuous_game(("M",), (x,), (x * (a - x),), bounds=((0, k),))
    sol = continuous_nash(g)
    assert sorted(str(eq.profile) for eq in sol) == ["(a/2,)", "(k,)"]
    assert all(eq.unique is True for eq in sol)
    for point in ({a: 2, k: 1}, {a: 1, k: 1}, {a: 3, k: 1}):
        continuous_nash_twin(sol, point)


def test_cournot_with_capacity_has_no_boundary_copies():
    # By hand: the interior output (a - c)/3 holds iff it is within capacity
    # k; both firms at capacity iff a - c >= 3k. The mixed corners hold only
    # at a - c = 3k, where they are (k, k): not separate equilibria.
    x, y = sympy.symbols("x y", real=True)
    a, c, k = positive("a c k")
    g = continuous_game(
        ("A", "B"),
        (x, y),
        (x * (a - x - y) - c * x, y * (a - x - y) - c * y),
        bounds=((0, k), (0, k)),
        assumptions=[a > c],
    )
    sol = continuous_nash(g)
    q = (a - c) / 3
    by_profile = {eq.profile: eq for eq in sol}
    assert set(by_profile) == {(q, q), (k, k)}
    assume = g.assumptions
    inner = by_profile[(q, q)].condition
    capacity = by_profile[(k, k)].condition
    assert decide(sympy.Equivalent(inner, q <= k), assume).truth is True
    assert decide(sympy.Equivalent(capacity, a - c >= 3 * k), assume).truth is True
    assert all(eq.unique is True for eq in sol)
    assert check(sol, max_examples=30).passed
