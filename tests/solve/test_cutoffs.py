"""Cutoff equilibria: closed forms against first principles at exact points.

Expected formulas (tests only): in the symmetric Security Dilemma Game with
types U[0, b] and kappa = c - w, the cutoffs solve
h^2 - (1 + kappa) h + b kappa = 0; the larger root is the stable one; a
cooperative equilibrium exists iff kappa < 1 and 1/b >= 4 kappa / (1 + kappa)^2.
"""

import functools

import pytest
import sympy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import symtrust
from symtrust import (
    Budget,
    bimatrix,
    cutoff_equilibria,
    decide,
    nonnegative,
    normal_form_game,
    parameter,
    positive,
    real,
    uniform,
)
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous_types import ContinuousType, CutoffShape
from symtrust.games.continuous_types.cutoffs import numeric_cutoffs
from symtrust.games.continuous_types.twins.cutoffs import (
    cutoff_twin,
    equilibrium_failure,
)
from symtrust.testing import points

t1, t2 = real("t_1 t_2")
c = positive("c")
w = nonnegative("w")
b = parameter("b", lower=1, left_open=True)
T = uniform(0, b)
SDG = bimatrix([[1, -c], [t1, -w]], [[1, t2], [-c, -w]], assumptions=[c > w])
k = c - w
DISC = (1 + k) ** 2 - 4 * b * k

k1, k2 = positive("kappa_1 kappa_2")
ASYM_GAME = bimatrix([[1, -k1], [t1, 0]], [[1, t2], [-k2, 0]])


# solved once, when first needed (not at import: collecting took 16 s)
@functools.cache
def _sol():
    return cutoff_equilibria(SDG, {t1: T, t2: T})


@functools.cache
def _asym():
    return cutoff_equilibria(ASYM_GAME, {t1: T, t2: T}, budget=Budget(per_decision=2.0))


@pytest.fixture(scope="module")
def SOL():
    return _sol()


@pytest.fixture(scope="module")
def ASYM():
    return _asym()


@pytest.fixture(scope="module")
def CORNER(SOL):
    return SOL.results[0]


@pytest.fixture(scope="module")
def LOW(SOL):
    return SOL.results[1]


@pytest.fixture(scope="module")
def HIGH(SOL):
    return SOL.results[2]


FRACTIONS = st.fractions(min_value=0, max_value=1, max_denominator=40)


def _close(xs, ys) -> bool:
    """Two finite sets of exact reals agree (to 25 digits, sorted)."""
    a = sorted(sympy.N(v, 40) for v in xs)
    b_ = sorted(sympy.N(v, 40) for v in ys)
    return len(a) == len(b_) and all(
        abs(p - q) < 1e-25 for p, q in zip(a, b_, strict=True)
    )


def test_symmetric_roots_are_the_quadratic_roots(CORNER, LOW, HIGH):
    assert not CORNER.cooperative and CORNER.cutoffs == (0, 0)
    low, high = (1 + k - sympy.sqrt(DISC)) / 2, (1 + k + sympy.sqrt(DISC)) / 2
    assert sympy.simplify(LOW.cutoffs[0] - low) == 0
    assert sympy.simplify(HIGH.cutoffs[0] - high) == 0
    assert LOW.cutoffs[0] == LOW.cutoffs[1]
    assert LOW.stability is sympy.false
    # stable exactly where the two roots are distinct
    assert decide(sympy.Equivalent(HIGH.stability, DISC > 0), SDG.assumptions).truth


def test_existence_is_kappa_below_one_and_trust_above_the_bound(SOL):
    expected = sympy.And(DISC >= 0, k < 1)
    assert decide(sympy.Equivalent(SOL.existence, expected), SDG.assumptions).truth


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.deferred(lambda: points(_sol().game.assumptions, [b, c, w])))
def test_symmetric_solution_agrees_with_first_principles(SOL, point):
    cutoff_twin(SOL, point)


@given(
    st.fractions(min_value=0, max_value=1, max_denominator=30),
    FRACTIONS,
    st.fractions(min_value=0, max_value=3, max_denominator=10),
)
def test_stable_cutoff_inside_the_existence_region(SOL, HIGH, kappa, u, w0):
    kappa = sympy.Rational(kappa)
    assume(0 < kappa < 1 and 0 < u < 1)
    low = 4 * kappa / (1 + kappa) ** 2
    tau = low + (1 - low) * sympy.Rational(u)
    assume(0 < tau < 1)
    point = {b: 1 / tau, w: sympy.Rational(w0), c: kappa + sympy.Rational(w0)}
    assert SOL.existence.xreplace(point) is sympy.true
    assert HIGH.condition.xreplace(point) is sympy.true
    h = HIGH.cutoffs[0].xreplace(point)
    # the twin's exact expected payoffs: the marginal type is indifferent
    assert equilibrium_failure(SOL.game.subs(point), (h, h)) is None
    assert HIGH.stability.xreplace(point) is sympy.true


@given(st.fractions(min_value=0, max_value=1, max_denominator=20), FRACTIONS)
def test_numeric_cutoffs_match_the_closed_form(SOL, kappa, u):
    kappa = sympy.Rational(kappa)
    assume(0 < kappa < 1 and 0 < u < 1)
    bb = 1 + sympy.Rational(u)
    point = {b: bb, w: 0, c: kappa}
    numeric = numeric_cutoffs(SDG, {t1: T, t2: T}, point)
    closed = {
        sympy.radsimp(eq.cutoffs[0].xreplace(point))
        for eq in SOL
        if eq.condition.xreplace(point) is sympy.true
    }
    found = {sympy.radsimp(eq.cutoffs[0]) for eq in numeric}
    assert _close(closed, found)


@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(st.deferred(lambda: points(_asym().game.assumptions, [b, k1, k2])))
def test_asymmetric_solution_agrees_with_first_principles(ASYM, point):
    cutoff_twin(ASYM, point)


def test_asymmetric_solution_reduces_to_the_symmetric_one(ASYM):
    point = {
        k1: sympy.Rational(1, 10),
        k2: sympy.Rational(1, 10),
        b: sympy.Rational(6, 5),
    }
    kappa, bb = sympy.Rational(1, 10), sympy.Rational(6, 5)
    disc = (1 + kappa) ** 2 - 4 * bb * kappa
    expected = {(1 + kappa - sympy.sqrt(disc)) / 2, (1 + kappa + sympy.sqrt(disc)) / 2}
    valid = [eq for eq in ASYM if eq.cooperative and eq.condition.xreplace(point)]
    pairs = [tuple(v.xreplace(point) for v in eq.cutoffs) for eq in valid]
    # at equal costs each joint solution is symmetric, and the roots are the quadratic's
    assert all(abs(sympy.N(h1 - h2, 40)) < 1e-25 for h1, h2 in pairs)
    got = [h1 for h1, _ in pairs]
    assert _close(got, expected)


def test_asymmetric_equilibrium_with_unequal_costs(ASYM):
    point = {
        k1: sympy.Rational(1, 10),
        k2: sympy.Rational(1, 5),
        b: sympy.Rational(11, 10),
    }
    valid = [eq for eq in ASYM if eq.cooperative and eq.condition.xreplace(point)]
    assert len(valid) == 2
    for eq in valid:
        h1, h2 = (v.xreplace(point) for v in eq.cutoffs)
        # the costlier exploitation (kappa_2 > kappa_1) makes player 2 cautious
        assert sympy.N(h2) < sympy.N(h1)
        assert equilibrium_failure(ASYM.game.subs(point), (h1, h2)) is None


def test_cubic_factor_and_degree_above_four():
    x = sympy.Symbol("x", real=True)
    kappa = parameter("kappa", lower=0, upper=1, left_open=True, right_open=True)
    game = bimatrix([[1, -kappa], [t1, 0]], [[1, t2], [-kappa, 0]])
    cubic = ContinuousType.build(x**3, x, (0, 1))
    sol = cutoff_equilibria(game, {t1: cubic, t2: cubic})
    # the factor 1 - h gives the cutoff at the top of the support; a cubic remains
    assert any(eq.cutoffs == (1, 1) for eq in sol)
    # Cardano's real root is valid at kappa = 1/10 and checked from first principles
    at = {kappa: sympy.Rational(1, 10)}
    cardano = [eq for eq in sol if eq.cutoffs != (1, 1) and eq.cooperative]
    assert [eq.condition.xreplace(at) for eq in cardano].count(True) == 1
    cutoff_twin(sol, at)
    quintic = ContinuousType.build(x**5, x, (0, 1))
    with pytest.raises(UnsupportedError, match=r"degree 5 .* numeric_cutoffs"):
        cutoff_equilibria(game, {t1: quintic, t2: quintic})
    numeric = numeric_cutoffs(
        game, {t1: quintic, t2: quintic}, {kappa: sympy.Rational(1, 100)}
    )
    interior = [eq for eq in numeric if eq.cooperative and eq.cutoffs[0] != 1]
    assert interior, "a small kappa leaves an interior cutoff"
    for eq in numeric:
        assert equilibrium_failure(numeric.game, eq.cutoffs) is None


def test_bad_input_is_refused_with_the_rule():
    with pytest.raises(ModelError, match=r"involve t_2, the type of player 'column'"):
        cutoff_equilibria(
            bimatrix([[1, t2], [t1, 0]], [[1, t2], [t1, 0]]), {t1: T, t2: T}
        )
    three = normal_form_game(
        ("a", "b"),
        (("C", "D", "E"), ("C", "D")),
        {(r, s): (0, 0) for r in "CDE" for s in "CD"},
    )
    with pytest.raises(ModelError, match=r"two players with two actions each"):
        cutoff_equilibria(three, {t1: T, t2: T})
    with pytest.raises(ModelError, match=r"expected a ContinuousType"):
        cutoff_equilibria(SDG, {t1: T, t2: "uniform"})
    with pytest.raises(
        ModelError, match=r"must give two \(type symbol, distribution\)"
    ):
        cutoff_equilibria(SDG, {t1: T})
    with pytest.raises(ModelError, match=r"symmetric=True, but the game"):
        cutoff_equilibria(ASYM_GAME, {t1: T, t2: T}, symmetric=True)
    with pytest.raises(ModelError, match=r"unknown action 'X'"):
        cutoff_equilibria(SDG, {t1: T, t2: T}, cooperate=("X", "C"))
    with pytest.raises(ModelError, match=r"point leaves parameters \['w'\]"):
        numeric_cutoffs(SDG, {t1: T, t2: T}, {b: 2, c: 1})


def test_a_root_at_a_corner_is_listed_once():
    # with F(x) = x**2 the cutoff equation has the factor 1 - h, whose root is the
    # full-cooperation corner: it must appear once, not as a corner and a root
    kappa = symtrust.interval("kappa", 0, 1, left_open=True, right_open=True)
    t1, t2 = symtrust.real("t1 t2")
    x = sympy.Symbol("x")
    game = symtrust.bimatrix([[1, -kappa], [t1, 0]], [[1, t2], [-kappa, 0]])
    F = symtrust.games.continuous_types.ContinuousType.build(x**2, x, (0, 1))
    cutoffs = [r.cutoffs for r in symtrust.cutoff_equilibria(game, {t1: F, t2: F})]
    assert cutoffs.count((1, 1)) == 1
    assert len(cutoffs) == len(set(cutoffs))


def test_shapes_are_an_enumeration(SOL, ASYM, CORNER, LOW, HIGH):
    assert CORNER.shape is CutoffShape.NO_COOPERATION
    assert LOW.shape is HIGH.shape is CutoffShape.INTERIOR
    assert all(
        eq.cooperative == (eq.shape is not CutoffShape.NO_COOPERATION)
        for eq in (*SOL, *ASYM)
    )
