"""Exact play of an automaton profile at a numeric point, for the twins.

Independent of the value equations: the profile is *played*. From a state,
a finite plan of one player's actions is played first (the others follow the
automaton), then everyone follows it; the path of states is deterministic,
so it enters a cycle, found by recording each state's first visit. The
discounted sum is the exact periodic-path sum

.. math:: \\sum_{k < m} \\delta^k u_k + \\delta^m \\frac{\\sum_{k < L} \\delta^k
   u_{m+k}}{1 - \\delta^L}

with :math:`m` the periods before the cycle and :math:`L` its length. All
arithmetic is in :class:`fractions.Fraction`.

Examples
--------
>>> from fractions import Fraction
>>> from symtrust.catalog import symmetric_2x2
>>> from symtrust.games.repeated.automaton import strategy_profile
>>> from symtrust.games.repeated.strategies import grim_trigger
>>> pd = symmetric_2x2(3, 0, 5, 1)
>>> a = strategy_profile(pd, grim_trigger())
>>> NumericProfile(pd, a, Fraction(1, 2)).value("(C, C)", 0)
Fraction(6, 1)
>>> NumericProfile(pd, a, Fraction(1, 2)).value("(C, C)", 0, plan=("D",))
Fraction(6, 1)
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import fraction_at

__all__ = ["NumericProfile"]


class NumericProfile:
    """An automaton profile over a numeric stage game, played exactly."""

    def __init__(self, stage, profile, delta):
        self.stage = stage
        self.profile = profile
        self.delta = fraction_at(delta, what="the discount factor")
        self.payoff = {
            p: tuple(fraction_at(u, what=f"payoff at {p}") for u in stage.payoff(p))
            for p in stage.profiles()
        }

    def _step(self, state, profile):
        return self.profile.next_state(state, profile)

    def value(self, state, player, plan=()) -> Fraction:
        """Player's discounted payoff from ``state``: ``plan`` first, then follow."""
        d, total, weight = self.delta, Fraction(0), Fraction(1)
        for action in plan:
            prof = list(self.profile.action_profile(state))
            prof[player] = action
            prof = tuple(prof)
            total += weight * self.payoff[prof][player]
            weight *= d
            state = self._step(state, prof)
        # follow: a deterministic path that enters a cycle
        seen, stage_pay = {}, []
        while state not in seen:
            seen[state] = len(stage_pay)
            prof = self.profile.action_profile(state)
            stage_pay.append(self.payoff[prof][player])
            state = self._step(state, prof)
        start = seen[state]
        prefix = sum(d**k * u for k, u in enumerate(stage_pay[:start]))
        cycle = stage_pay[start:]
        loop = sum(d**k * u for k, u in enumerate(cycle)) / (1 - d ** len(cycle))
        return total + weight * (prefix + d**start * loop)

    def profitable_plan(self, state, player, horizon):
        """A plan of at most ``horizon`` periods that beats following, or None."""
        base = self.value(state, player)
        actions = self.stage.actions[player]
        for h in range(1, horizon + 1):
            for plan in itertools.product(actions, repeat=h):
                if self.value(state, player, plan) > base:
                    return plan
        return None

    def is_subgame_perfect(self, horizon) -> tuple | None:
        """None if no plan up to ``horizon`` profits anywhere, else a witness."""
        for state in self.profile.states:
            for i in range(len(self.stage.players)):
                plan = self.profitable_plan(state, i, horizon)
                if plan is not None:
                    return (state, i, plan)
        return None
