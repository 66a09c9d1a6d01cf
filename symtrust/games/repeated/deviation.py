"""Subgame perfection of an automaton profile by the one-shot deviation principle.

A strategy profile of a discounted repeated game is subgame perfect iff no
player gains from a *one-shot deviation* after any history: deviating in one
period and following the profile afterwards (Fudenberg and Tirole 1991,
Theorem 4.2; Mailath and Samuelson 2006, Proposition 2.2.1). For a profile
given as a joint automaton, histories lead to the automaton's reachable
states, so the condition is finite (Mailath and Samuelson 2006, Proposition
2.4.1):

1. *values*: solve the linear value equations of the profile exactly
   (:func:`~symtrust.games.repeated.values.state_values`);
2. *deviations*: for every reachable state :math:`s`, player :math:`i` and
   action :math:`b \\ne a_i(s)`, the value of the one-shot deviation
   :math:`u_i(b, a_{-i}(s)) + \\delta V_i(\\tau(s, (b, a_{-i}(s))))`;
3. *incentive constraints*: :math:`V_i(s) \\ge` each deviation's value; each is
   cleared of its denominator (a polynomial in :math:`\\delta` whose sign is
   proved under the assumptions), simplified, and solved for
   :math:`\\delta` where it is linear in it with a coefficient of proved sign;
4. the profile is subgame perfect exactly where every constraint holds: their
   conjunction, simplified under the assumptions.

Nothing here knows a closed form; grim trigger's :math:`\\delta \\ge (T-R)/(T-P)`
comes out of the equations.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated.model import repeated_game
>>> from symtrust.games.repeated.strategies import grim_trigger
>>> g = repeated_game(prisoners_dilemma())
>>> subgame_perfection(g, grim_trigger()).value
delta >= (R - T)/(P - T)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.repeated.automaton import Automaton, Machine, strategy_profile
from symtrust.games.repeated.model import RepeatedGame
from symtrust.games.repeated.values import deviation_value, state_values, tidy
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import isolate, simplify_cleared, simplify_condition

__all__ = [
    "Incentive",
    "SubgamePerfection",
    "as_profile",
    "constraint",
    "subgame_perfection",
]


@dataclass(frozen=True)
class Incentive:
    """One incentive constraint: following beats a one-shot deviation.

    Attributes
    ----------
    state : str
    player : str
    action : str
        The deviation.
    follow, deviate : sympy.Expr
        The values of following and of deviating once.
    condition : sympy Boolean
        Where ``follow >= deviate``, simplified (solved for delta where it can).
    """

    state: str
    player: str
    action: str
    follow: Any
    deviate: Any
    condition: Any


@dataclass(frozen=True, kw_only=True)
class SubgamePerfection(Result):
    """Where an automaton profile is subgame perfect (``value``, a condition).

    Attributes
    ----------
    profile : Automaton
    values : tuple of (state, tuple of values)
        The value of following the profile from each state, per player.
    incentives : tuple of Incentive
        Every one-shot deviation and its constraint.
    delta : Parameter or Rational
        The discount factor.
    game : RepeatedGame
    """

    profile: Any = None
    values: tuple = ()
    incentives: tuple = ()
    delta: Any = None
    game: Any = None

    def value_of(self, state: str, player) -> Any:
        """The value of following the profile from ``state`` for ``player``."""
        i = self.game.stage.player_index(player)
        return dict(self.values)[self.profile.states[self.profile.index(state)]][i]

    def binding(self) -> tuple:
        """The incentives whose constraint is not implied by the assumptions."""
        return tuple(c for c in self.incentives if c.condition is not S.true)

    def display_rows(self):
        """Rows for the renderers: the condition, then each binding constraint."""
        rows = [(self.kind, self.value)]
        for c in self.binding():
            rows.append(
                (
                    f"in {c.state}, {c.player} does not deviate to {c.action} iff",
                    c.condition,
                )
            )
        return tuple(rows)


def as_profile(game, profile) -> Automaton:
    """An automaton from an Automaton, a Machine (both play it) or a pair.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.model import repeated_game
    >>> from symtrust.games.repeated.strategies import always_defect
    >>> as_profile(repeated_game(prisoners_dilemma()), always_defect()).states
    ('(D, D)',)
    """
    if not isinstance(game, RepeatedGame):
        raise ModelError(
            f"expected a RepeatedGame (repeated_game(stage, delta)), got "
            f"{type(game).__name__}"
        )
    if isinstance(profile, Machine):
        return strategy_profile(game.stage, profile)
    if isinstance(profile, tuple) and all(isinstance(m, Machine) for m in profile):
        return strategy_profile(game.stage, *profile)
    if isinstance(profile, Automaton):
        if profile.stage.actions != game.stage.actions:
            raise ModelError(
                f"the automaton plays the actions {profile.stage.actions}; the "
                f"stage game has {game.stage.actions}"
            )
        return profile
    raise ModelError(
        f"the strategy profile must be an Automaton, a Machine or a pair of "
        f"Machines, got {profile!r}"
    )


def constraint(follow, deviate, delta, assume, budget):
    """Where ``follow >= deviate``: cleared, simplified, solved for delta."""
    raw = sympy.Ge(tidy(follow - deviate), 0)
    cond = simplify_cleared(raw, assume, budget=budget)
    if isinstance(delta, sympy.Symbol):
        cond = isolate(cond, [delta], assume, budget=budget)
    return cond


def incentives(game, profile, values, budget) -> list:
    """Every one-shot deviation's constraint, state by state."""
    stage, assume = game.stage, game.assumptions
    out = []
    for s, prof in zip(profile.states, profile.play, strict=True):
        for i, player in enumerate(stage.players):
            for b in stage.actions[i]:
                if b == prof[i]:
                    continue
                dev = deviation_value(game, profile, values, s, i, b)
                follow = values[s][i]
                cond = constraint(follow, dev, game.delta, assume, budget)
                out.append(Incentive(s, player, b, follow, dev, cond))
    return out


def subgame_perfection(game, profile, *, budget=None) -> SubgamePerfection:
    """The exact condition under which an automaton profile is subgame perfect.

    Parameters
    ----------
    game : RepeatedGame
    profile : Automaton, Machine or pair of Machines
        A Machine alone is played by both players.
    budget : Budget, float or None
        Time allowed (see :class:`~symtrust.logic.budget.Budget`).

    Returns
    -------
    SubgamePerfection
        ``value``: the condition on the discount factor and the payoffs;
        ``incentives``: each one-shot deviation's constraint.

    Raises
    ------
    ModelError
        Not a repeated game; a profile that is not an automaton of its stage.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.model import repeated_game
    >>> from symtrust.games.repeated.strategies import always_defect
    >>> g = repeated_game(prisoners_dilemma())
    >>> subgame_perfection(g, always_defect()).value
    True
    """
    budget = Budget.of(budget)
    profile = as_profile(game, profile)
    values = state_values(game, profile)
    found = incentives(game, profile, values, budget)
    value = simplify_condition(
        sympy.And(*(c.condition for c in found)), game.assumptions, budget=budget
    )
    if isinstance(game.delta, sympy.Symbol):
        value = isolate(value, [game.delta], game.assumptions, budget=budget)
    steps = [
        Step(f"V({s})", vals, "solve the linear value equations")
        for s, vals in values.items()
    ]
    steps += [
        Step(
            f"{c.player} deviates to {c.action} in {c.state}",
            c.condition,
            f"{c.follow} >= {c.deviate}",
        )
        for c in found
    ]
    steps.append(Step("subgame perfect iff", value, "every one-shot deviation"))
    return SubgamePerfection(
        kind="subgame-perfection condition",
        value=value,
        condition=S.true,
        assumptions=game.assumptions,
        steps=tuple(steps),
        profile=profile,
        values=tuple(values.items()),
        incentives=tuple(found),
        delta=game.delta,
        game=game,
    )
