"""Nash equilibrium of an automaton profile: the best deviation is stationary.

A profile is a Nash equilibrium of the repeated game iff, from the initial
state, no player has a better strategy against the others' automata. Against
fixed automata a player faces a discounted Markov decision problem whose
state is the joint automaton's state, so an optimal strategy exists among the
*stationary pure policies* (an action in each joint state; Blackwell 1962;
Puterman 1994, Theorem 6.2.10). Hence:

1. for each player :math:`i` and each stationary policy :math:`\\pi` on the
   reachable joint states, the value :math:`W_i^\\pi(s_0)` of playing
   :math:`\\pi` against the others' automata solves
   :math:`W(s) = u_i(\\pi(s), a_{-i}(s)) + \\delta W(\\tau(s, (\\pi(s), a_{-i}(s))))`
   exactly (a linear system, as for the profile's own values);
2. the profile is a Nash equilibrium iff :math:`V_i(s_0) \\ge W_i^\\pi(s_0)` for
   every player and policy: each constraint is cleared, simplified and solved
   for :math:`\\delta` where linear, and their conjunction simplified.

For tit-for-tat in the Prisoner's Dilemma this gives Axelrod's (1984)
conditions for tit-for-tat to be collectively stable, with no closed form
typed here. Policies number :math:`|A_i|^n` for :math:`n` states; more than
``MAX_POLICIES`` are refused.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated.model import repeated_game
>>> from symtrust.games.repeated.strategies import grim_trigger
>>> nash_conditions(repeated_game(prisoners_dilemma()), grim_trigger()).value
delta >= (R - T)/(P - T)
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import UnsupportedError
from symtrust.games.repeated.deviation import as_profile, constraint
from symtrust.games.repeated.values import path_values, state_values, tidy
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import isolate, simplify_condition

__all__ = ["MAX_POLICIES", "NashConditions", "nash_conditions", "policy_value"]

#: At most this many stationary policies per player are compared.
MAX_POLICIES = 4096


@dataclass(frozen=True, kw_only=True)
class NashConditions(Result):
    """Where an automaton profile is a Nash equilibrium (``value``).

    Attributes
    ----------
    profile : Automaton
    constraints : tuple of (player, policy, value, condition)
        Each stationary deviation policy (a tuple of actions, one per state),
        its value from the initial state, and where following beats it.
    delta : Parameter or Rational
    game : RepeatedGame
    """

    profile: Any = None
    constraints: tuple = ()
    delta: Any = None
    game: Any = None

    def display_rows(self):
        """Rows for the renderers: the condition and each binding policy."""
        rows = [(self.kind, self.value)]
        for player, policy, _, cond in self.constraints:
            if cond is not S.true:
                rows.append(
                    (f"{player} does not switch to {','.join(policy)} iff", cond)
                )
        return tuple(rows)


def policy_value(game, profile, player, policy):
    """Player's value from the initial state of a stationary policy.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.automaton import strategy_profile
    >>> from symtrust.games.repeated.model import repeated_game
    >>> from symtrust.games.repeated.strategies import grim_trigger
    >>> g = repeated_game(prisoners_dilemma())
    >>> policy_value(g, strategy_profile(g, grim_trigger()), 0, ("D", "D"))
    (P*delta - T*delta + T)/(1 - delta)
    """
    plays = [
        (*play[:player], own, *play[player + 1 :])
        for play, own in zip(profile.play, policy, strict=True)
    ]
    return tidy(path_values(game, profile, plays, player)[0])


def nash_conditions(game, profile, *, budget=None) -> NashConditions:
    """The exact condition under which an automaton profile is a Nash equilibrium.

    Parameters
    ----------
    game : RepeatedGame
    profile : Automaton, Machine or pair of Machines
    budget : Budget, float or None

    Raises
    ------
    UnsupportedError
        More than ``MAX_POLICIES`` stationary policies for some player.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.model import repeated_game
    >>> from symtrust.games.repeated.strategies import always_defect
    >>> nash_conditions(repeated_game(prisoners_dilemma()), always_defect()).value
    True
    """
    budget = Budget.of(budget)
    profile = as_profile(game, profile)
    stage, assume, n = game.stage, game.assumptions, len(profile.states)
    follow = state_values(game, profile)[profile.initial]
    found, seen = [], {}
    for i, player in enumerate(stage.players):
        count = len(stage.actions[i]) ** n
        if count > MAX_POLICIES:
            raise UnsupportedError(
                f"{player!r} has {count} stationary policies on {n} states (more than "
                f"{MAX_POLICIES}); check subgame perfection instead"
            )
        own = tuple(p[i] for p in profile.play)
        for policy in itertools.product(stage.actions[i], repeat=n):
            if policy == own:
                continue
            value = policy_value(game, profile, i, policy)
            key = (i, value)
            if key not in seen:
                seen[key] = constraint(follow[i], value, game.delta, assume, budget)
            found.append((player, policy, value, seen[key]))
    value = simplify_condition(
        sympy.And(*(c for *_, c in found)), assume, budget=budget
    )
    if isinstance(game.delta, sympy.Symbol):
        value = isolate(value, [game.delta], assume, budget=budget)
    steps = (
        Step("V(initial)", follow, "solve the linear value equations"),
        *(
            Step(
                f"{pl} plays {','.join(pol)}",
                c,
                f"{follow[stage.player_index(pl)]} >= {v}",
            )
            for pl, pol, v, c in found
            if c is not S.true
        ),
        Step("Nash equilibrium iff", value, "every stationary deviation policy"),
    )
    return NashConditions(
        kind="Nash-equilibrium condition",
        value=value,
        assumptions=assume,
        steps=steps,
        profile=profile,
        constraints=tuple(found),
        delta=game.delta,
        game=game,
    )
