"""Pure-strategy Nash equilibria with their exact conditions.

A profile ``a`` is a pure Nash equilibrium iff no player gains by a unilateral
deviation: for every player ``i`` and action ``b_i``,
``u_i(a) >= u_i(b_i, a_{-i})`` (Nash 1951). With symbolic payoffs each
inequality is a condition on the parameters; the profile's condition is their
conjunction, simplified under the game's assumptions:

1. for each profile and player, collect the no-deviation inequalities;
2. simplify each under the assumptions (z3 decides it always, never, or
   sometimes holds); a profile with a never-holding inequality is dropped;
3. simplify the conjunction (drop conjuncts implied by the others).

A profile that is an equilibrium everywhere has condition ``True``; one that
never is does not appear.

Examples
--------
>>> from symtrust import pure_nash
>>> from symtrust.catalog import prisoners_dilemma, stag_hunt
>>> [eq.profile for eq in pure_nash(prisoners_dilemma())]
[('D', 'D')]
>>> [eq.profile for eq in pure_nash(stag_hunt())]
[('C', 'C'), ('D', 'D')]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.progress import progress, stopped_note
from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError
from symtrust.games.normal_form._numeric import (
    pure_equilibrium_indices,
    rational_tables,
    strides,
)
from symtrust.games.normal_form.model import NormalFormGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import simplify_condition

__all__ = ["PureEquilibrium", "pure_nash"]


@dataclass(frozen=True, kw_only=True)
class PureEquilibrium(Result):
    """A pure-strategy profile and the condition under which it is an equilibrium.

    Attributes
    ----------
    profile : tuple of str
        One action per player.
    payoffs : tuple
        The payoff vector at the profile.
    """

    profile: tuple = ()
    payoffs: tuple = ()

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (self.kind, self.profile),
            ("payoffs", sympy.Tuple(*self.payoffs)),
        )


def no_deviation_conditions(game: NormalFormGame, profile) -> list[tuple]:
    """The raw no-profitable-deviation inequalities of a profile.

    Returns a list of ``(player, deviation, inequality)``.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> [str(c) for _, _, c in no_deviation_conditions(prisoners_dilemma(), ("C", "C"))]
    ['R >= T', 'R >= T']
    """
    out = []
    for i, player in enumerate(game.players):
        here = game.payoff(profile)[i]
        for dev in game.deviations(profile, i):
            there = game.payoff(dev)[i]
            # numbers compare at once; symbolic relations are left to the
            # simplifier (SymPy's own evaluation asks its slow assumptions)
            if here.is_number and there.is_number:
                rel = sympy.Ge(here, there)
            else:
                rel = sympy.Ge(here, there, evaluate=False)
            out.append((player, dev[i], rel))
    return out


def pure_nash(game: NormalFormGame, *, budget=None) -> Solution:
    """Every pure-strategy Nash equilibrium, each with its exact condition.

    Parameters
    ----------
    game : NormalFormGame
        The game, with symbolic or numeric payoffs.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    Solution
        Results of type :class:`PureEquilibrium`, in profile order. Profiles
        that are never equilibria under the assumptions are left out.

    Examples
    --------
    >>> from symtrust.catalog import chicken
    >>> sol = pure_nash(chicken())
    >>> [(eq.profile, eq.condition) for eq in sol]
    [(('C', 'D'), True), (('D', 'C'), True)]
    """
    budget = Budget.of(budget)
    if not isinstance(game, NormalFormGame):
        raise ModelError(f"pure_nash needs a NormalFormGame, got {type(game).__name__}")
    tables = rational_tables(game)
    if tables is not None:
        return _numeric_pure_nash(game, tables)
    assume = game.assumptions
    found, complete, examined = [], True, 0
    total = len(game.table)
    for profile in progress(game.profiles(), total=total, desc="pure_nash profiles"):
        if budget.expired:
            complete = False
            break
        examined += 1
        steps, conjuncts, dead = [], [], False
        # each player's no-deviation inequalities, simplified one by one
        for player, action, ineq in no_deviation_conditions(game, profile):
            simple = simplify_condition(ineq, assume, budget=budget)
            steps.append(
                Step(
                    f"{player} does not gain by switching to {action}",
                    simple,
                    "no profitable unilateral deviation, under the assumptions",
                )
            )
            if simple is S.false:
                dead = True
                break
            conjuncts.append(simple)
        if dead:
            continue
        condition = simplify_condition(sympy.And(*conjuncts), assume, budget=budget)
        if condition is S.false:
            continue
        steps.append(
            Step("equilibrium condition", condition, "conjunction, simplified")
        )
        found.append(
            PureEquilibrium(
                kind="pure Nash equilibrium",
                value=sympy.Tuple(*game.payoff(profile)),
                condition=condition,
                assumptions=assume,
                steps=tuple(steps),
                profile=tuple(profile),
                payoffs=game.payoff(profile),
            )
        )
    return Solution(
        method="pure_nash",
        solver=pure_nash,
        game=game,
        results=tuple(found),
        notes=stopped_note(complete, examined, total, "profiles"),
        complete=complete,
    )


def _numeric_pure_nash(game: NormalFormGame, tables) -> Solution:
    """The numeric path: best-reply marking in exact rationals (no SymPy, no z3)."""
    sizes = tuple(len(a) for a in game.actions)
    stride = strides(sizes)
    found = []
    for f in pure_equilibrium_indices(tables, sizes):
        profile = tuple(
            acts[(f // s) % len(acts)]
            for acts, s in zip(game.actions, stride, strict=True)
        )
        payoffs = game.table[f]
        steps = tuple(
            Step(
                f"{player} has no profitable deviation",
                payoffs[i],
                f"its payoff at {profile} is the largest over its actions, the "
                "others' fixed (exact rational comparison)",
            )
            for i, player in enumerate(game.players)
        )
        found.append(
            PureEquilibrium(
                kind="pure Nash equilibrium",
                value=sympy.Tuple(*payoffs),
                condition=S.true,
                assumptions=game.assumptions,
                steps=steps,
                profile=profile,
                payoffs=payoffs,
            )
        )
    return Solution(
        method="pure_nash", solver=pure_nash, game=game, results=tuple(found)
    )
