"""Tree solvers against Gambit's exact solvers, on the same trees.

At random exact points (and on Gambit's own catalog games, loaded at test
time and never copied):

* the pure Nash equilibria of the reduced normal form are those of
  ``pygambit.nash.enumpure_solve`` (which reduces the tree itself);
* the equilibrium ``lcp_solve(rational=True)`` finds in the sequence form of
  a two-player tree has the payoffs symtrust computes for that behaviour
  profile and no profitable pure deviation by symtrust's brute force;
* every subgame-perfect equilibrium symtrust reports, pure or mixed, has
  zero regret in Gambit.
"""

import itertools
from fractions import Fraction

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tree_cases import imperfect_information_trees, perfect_information_trees

from symtrust import check, pure_nash, spe
from symtrust.core.exact import substitute_condition
from symtrust.games.extensive import (
    expected_payoffs,
    extensive_pbe,
    reduced_normal_form,
    reduced_strategies,
)
from symtrust.games.extensive.twins.brute import NumericTree, pure
from symtrust.io import from_pygambit, to_pygambit
from symtrust.testing import points

gbt = pytest.importorskip("pygambit")
catalog = pytest.importorskip("pygambit.catalog")

TREES = st.one_of(
    perfect_information_trees(depth=3, symbolic=True),
    imperfect_information_trees(depth=2, symbolic=True),
)


def _at_point(data, tree):
    point = data.draw(points(tree.assumptions, sorted(tree.parameters, key=str)))
    return tree.subs(point)


# -- pure equilibria: symtrust's reduced normal form against enumpure_solve -----------


def _gambit_pure(g) -> set:
    """Gambit's pure equilibria, as sets of (information set, action or None)."""
    out = set()
    for eq in gbt.nash.enumpure_solve(g).equilibria:
        choices = []
        for player in g.players:
            (strategy,) = [s for s in player.strategies if eq[s] == 1]
            for info in player.infosets:
                act = strategy.action(info)
                choices.append((info.label, act.label if act is not None else None))
        out.add(frozenset(choices))
    return out


def _symtrust_pure(tree) -> set:
    named = {p: {s.name: s for s in reduced_strategies(tree, p)} for p in tree.players}
    out = set()
    for eq in pure_nash(reduced_normal_form(tree)):
        if substitute_condition(eq.condition, {}) is not True:
            continue
        choices = []
        for player, name in zip(tree.players, eq.profile, strict=True):
            for infoset, action in named[player][name].choices:
                choices.append((tree.infosets[infoset].label, action))
        out.add(frozenset(choices))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_pure_equilibria_agree_with_gambits_enumpure(data):
    tree = _at_point(data, data.draw(TREES))
    assert _symtrust_pure(tree) == _gambit_pure(to_pygambit(tree))


# -- the sequence form: lcp_solve's equilibrium checked by symtrust ------------------


def _behaviour_of(eq, g) -> dict:
    """A pygambit behaviour profile as {information-set label: {action: Fraction}}."""
    return {
        info.label: {a.label: Fraction(eq[a]) for a in info.actions}
        for info in g.infosets
    }


def _no_pure_deviation(tree, beh) -> bool:
    """Brute force: no player gains by any pure strategy against the others."""
    numeric = NumericTree(tree)
    labels = [i.label for i in tree.infosets]
    profile = {labels.index(k): v for k, v in beh.items()}
    values = numeric.value(profile)
    for k, player in enumerate(tree.players):
        mine = [i.id for i in tree.infosets if i.player == player]
        for actions in itertools.product(*(tree.infosets[i].actions for i in mine)):
            trial = {**profile, **pure(dict(zip(mine, actions, strict=True)))}
            if numeric.value(trial)[k] > values[k]:
                return False
    return True


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_lcp_sequence_form_equilibrium_is_an_equilibrium_for_symtrust(data):
    tree = _at_point(data, data.draw(TREES))
    g = to_pygambit(tree)
    result = gbt.nash.lcp_solve(g, rational=True, use_strategic=False)
    assert result.equilibria
    for eq in result.equilibria:
        beh = _behaviour_of(eq, g)
        got = expected_payoffs(tree, beh)
        assert got == tuple(sympy.Rational(Fraction(eq.payoff(p))) for p in g.players)
        assert _no_pure_deviation(tree, beh)


# -- symtrust's subgame-perfect equilibria have zero regret in Gambit ----------------


def _regret(g, tree, eq) -> Fraction:
    profile = g.mixed_behavior_profile(rational=True)
    for label, acts, b in zip(eq.infosets, eq.actions, eq.behaviour, strict=True):
        info = g.infosets[label]
        probs = [1] + [0] * (len(acts) - 1) if b is None else b
        for a, q in zip(acts, probs, strict=True):
            q = sympy.Rational(q)
            profile[info.actions[a]] = gbt.Rational(int(q.p), int(q.q))
    return Fraction(profile.max_regret())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_subgame_perfect_equilibria_have_zero_regret_in_gambit(data):
    tree = _at_point(data, data.draw(TREES))
    g = to_pygambit(tree)
    for eq in spe(tree):
        if substitute_condition(eq.condition, {}):
            assert _regret(g, tree, eq) == 0, eq


# -- Gambit's catalog -------------------------------------------------------------


def _perfect_recall_trees():
    return list(catalog.games(is_tree=True, is_perfect_recall=True).Game)


@pytest.mark.parametrize("slug", _perfect_recall_trees())
def test_catalog_games_solved_and_cross_checked(slug):
    original = catalog.load(slug)
    tree = from_pygambit(original)
    g = to_pygambit(tree)
    assert _symtrust_pure(tree) == _gambit_pure(g)
    found = spe(tree)
    assert found.results, "every finite tree has a subgame-perfect equilibrium"
    for eq in found:
        assert _regret(g, tree, eq) == 0, eq
    assert check(found).passed is True
    assessments = extensive_pbe(tree)
    assert assessments.results, "every finite tree has a perfect Bayesian equilibrium"
    for eq in assessments:
        # a perfect Bayesian equilibrium is a Nash equilibrium
        assert _regret(g, tree, eq) == 0, eq
    assert check(assessments).passed is True
