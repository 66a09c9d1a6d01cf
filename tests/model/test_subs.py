"""``subs`` keeps a model's assumptions: two user models, off the catalog.

Each model is written here as a user would write it: an investment game
(invest at cost k, the partner honours for g or betrays for b, with
k < g < b) and a two-type trust game with a probability prior and c > w.
Points are drawn by hand from the stated relations (not from symtrust), so
the expectations below are independent of the code under test:

* a part of an admissible point keeps exactly the substituted assumptions
  that did not become true, and the solvers then agree with solving first
  and substituting after (issue 9, item 4);
* a point that breaks a stated relation is an AssumptionError naming it;
* symbolic values settle or keep the relations they touch.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy
from hypothesis import given
from hypothesis import strategies as st
from sympy import Rational, S

from symtrust import (
    bayes_nash,
    bimatrix,
    positive,
    probability,
    pure_nash,
    real,
    trust_game,
    uniform,
)
from symtrust.errors import AssumptionError, ModelError
from symtrust.games.continuous_types import cutoff_game
from symtrust.kydd import arming_game, costly_signal

g, k, b = positive("g k b")
INVEST = bimatrix(
    [[g - k, -k], [0, 0]],
    [[g, b], [0, 0]],
    row_actions=("Invest", "Keep"),
    column_actions=("Honour", "Betray"),
    players=("investor", "partner"),
    assumptions=[g > k, b > g],
)
p = probability("p")
c, w = positive("c w")
TRUST = trust_game([[c, 0], [c + 1, w]], [[c + 1, 0], [c, w]], p, assumptions=[c > w])

rationals = st.fractions(min_value=Fraction(1, 8), max_value=8, max_denominator=8)


@st.composite
def investment_points(draw):
    """An admissible point: 0 < k < g < b, built from positive gaps."""
    kv = draw(rationals)
    gv = kv + draw(rationals)
    bv = gv + draw(rationals)
    return {k: Rational(kv), g: Rational(gv), b: Rational(bv)}


@st.composite
def trust_points(draw):
    """An admissible point: p in [0, 1], 0 < w < c."""
    pv = draw(st.fractions(min_value=0, max_value=1, max_denominator=6))
    wv = draw(rationals)
    return {p: Rational(pv), w: Rational(wv), c: Rational(wv + draw(rationals))}


def _expected(game, part):
    """The stated and domain conditions at a partial point, minus the true ones."""
    out = set()
    for cond in game.assumptions.conditions:
        new = cond.xreplace(part)
        if new is not S.true:
            out.add(new)
    return out


def _split(point, keep):
    part = {s: v for s, v in point.items() if s in keep}
    rest = {s: v for s, v in point.items() if s not in keep}
    return part, rest


@given(investment_points(), st.sets(st.sampled_from([g, k, b]), min_size=1))
def test_investment_partial_points_keep_the_rest(point, keep):
    part, rest = _split(point, keep)
    at = INVEST.subs(part)
    assert set(at.assumptions.conditions) == _expected(INVEST, part)
    assert at.parameters == frozenset(rest)
    # solving after substituting = substituting after solving
    assert [e.profile for e in pure_nash(at).subs(rest)] == [
        e.profile for e in pure_nash(INVEST).subs(point)
    ]
    assert [e.profile for e in pure_nash(INVEST.subs(point))] == [("Keep", "Betray")]


@given(trust_points(), st.sets(st.sampled_from([p, c, w]), min_size=1))
def test_trust_game_partial_points_keep_the_rest(point, keep):
    part, rest = _split(point, keep)
    at = TRUST.subs(part)
    assert set(at.assumptions.conditions) == _expected(TRUST, part)
    solved_after = bayes_nash(at).subs(rest) if rest else bayes_nash(at)
    assert sorted(str(e.strategies) for e in solved_after) == sorted(
        str(e.strategies) for e in bayes_nash(TRUST).subs(point)
    )


@given(
    st.fractions(min_value=Fraction(1, 8), max_value=8, max_denominator=8),
    st.fractions(min_value=Fraction(1, 8), max_value=8, max_denominator=8),
)
def test_points_breaking_a_stated_relation_are_refused(gv, kv):
    point = {g: Rational(gv), k: Rational(kv)}
    if gv > kv:
        assert INVEST.subs(point).assumptions.conditions[-1] == (b > Rational(gv))
    else:
        with pytest.raises(
            AssumptionError,
            match=rf"^g = {Rational(gv)}, k = {Rational(kv)} violates the assumption "
            r"g > k",
        ):
            INVEST.subs(point)


@given(trust_points())
def test_trust_game_refuses_what_leaves_its_domains(point):
    with pytest.raises(AssumptionError, match=r"p = 3/2 is outside the domain of p"):
        TRUST.subs({**point, p: Rational(3, 2)})
    with pytest.raises(
        AssumptionError, match=rf"c = {point[w]}, w = {point[c]} violates .* c > w"
    ):
        TRUST.subs({c: point[w], w: point[c]})


def test_symbolic_values_settle_or_keep_the_relations_they_touch():
    # g = 2k: g > k becomes true (dropped), b > g becomes b > 2k (kept)
    assert set(map(str, INVEST.subs({g: 2 * k}).assumptions.conditions)) == {
        "b > 0",
        "k > 0",
        "b > 2*k",
    }
    with pytest.raises(
        AssumptionError,
        match=r"^g = k violates the assumption g > k \(it becomes k > k",
    ):
        INVEST.subs({g: k})
    with pytest.raises(
        AssumptionError,
        match=r"g = k/2 violates the assumption g > k \(it becomes k/2 > k\)",
    ):
        INVEST.subs({g: k / 2})
    with pytest.raises(
        ModelError,
        match=r"value of g, k \+ 1, mentions k \(a plain SymPy symbol with no "
        r"assumptions\), which is not the parameter of the game with that name",
    ):
        INVEST.subs({g: sympy.Symbol("k") + 1})


def test_chained_substitutions_keep_what_the_first_left():
    half = INVEST.subs({k: Rational(1, 2)})
    assert (g > Rational(1, 2)) in half.assumptions.conditions
    with pytest.raises(
        AssumptionError, match=r"g = 1/4 violates the assumption g > 1/2"
    ):
        half.subs({g: Rational(1, 4)})
    assert list(map(str, half.subs({g: 1}).assumptions.conditions)) == [
        "b > 0",
        "b > 1",
    ]


def test_book_models_subs_keep_their_assumptions():
    pi = probability("pi")
    arming = arming_game(
        prior=pi, cost_bound=1, arms_gain=1, t_secure=0, t_greedy=2, c=c, w=w
    )
    at = arming.subs({c: 3})
    assert sympy.Gt(3, w) in at.assumptions.conditions
    assert (pi < 1) in at.assumptions.conditions
    assert at.threshold == arming.threshold.xreplace({c: 3})
    with pytest.raises(AssumptionError, match=r"pi = 1 violates the assumption pi < 1"):
        arming.subs({pi: 1})
    with pytest.raises(ModelError, match=r"s is not a parameter of the game"):
        arming.subs({probability("s"): 0})
    x = sympy.Symbol("x", nonnegative=True)
    kk = positive("kk")
    signal = costly_signal(
        prior=pi,
        t_trustworthy=0,
        t_untrustworthy=2,
        c=c,
        w=w,
        costs=(kk * x, 2 * kk * x),
        gesture=x,
    )
    at = signal.subs({c: 2, kk: 1})
    assert at.costs == (x, 2 * x)
    assert sympy.Gt(2, w) in at.assumptions.conditions
    with pytest.raises(AssumptionError, match=r"c = 1, w = 2 violates .* c > w"):
        signal.subs({c: 1, w: 2})


def test_type_variables_of_a_cutoff_game_are_not_parameters():
    t1, t2 = real("t_1 t_2")
    beta = positive("beta")
    game = cutoff_game(
        bimatrix([[beta, -2], [t1, -1]], [[beta, t2], [-2, -1]]),
        {t1: uniform(0, 2), t2: uniform(0, 2)},
    )
    assert game.parameters == frozenset({beta})
    with pytest.raises(ModelError, match=r"t_1 is not a parameter of the game"):
        game.subs({t1: 1})
    assert game.subs({beta: 1}).utility(1, "C", "C") == 1
