"""Numeric twin of :func:`~symtrust.games.repeated.nash.nash_conditions`.

At an exact admissible point the profile is played
(:mod:`~symtrust.games.repeated.twins.simulate`): each stationary policy's
value from the initial state is the played path's exact periodic sum and
must equal the closed form; the condition holds iff no stationary policy
beats following (read from the played values, independent of the linear
solve), and where it holds, no finite deviation plan up to a horizon beats
following either.

Examples
--------
>>> from symtrust import check
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated import repeated_game, tit_for_tat
>>> from symtrust.games.repeated.nash import nash_conditions
>>> r = nash_conditions(repeated_game(prisoners_dilemma()), tit_for_tat())
>>> check(r, max_examples=5).passed
True
"""

from __future__ import annotations

from fractions import Fraction

from symtrust.core.exact import fraction_at
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.repeated.nash import NashConditions
from symtrust.games.repeated.twins.simulate import NumericProfile

__all__ = ["nash_twin"]


def _policy_value(num, player, policy) -> Fraction:
    """The played value of a stationary policy from the initial state."""
    by_state = dict(zip(num.profile.states, policy, strict=True))
    d, state = num.delta, num.profile.initial
    seen, pay = {}, []
    while state not in seen:
        seen[state] = len(pay)
        prof = list(num.profile.action_profile(state))
        prof[player] = by_state[state]
        prof = tuple(prof)
        pay.append(num.payoff[prof][player])
        state = num.profile.next_state(state, prof)
    start = seen[state]
    cycle = pay[start:]
    prefix = sum(d**k * u for k, u in enumerate(pay[:start]))
    return prefix + d**start * sum(d**k * u for k, u in enumerate(cycle)) / (
        1 - d ** len(cycle)
    )


@twin(NashConditions)
def nash_twin(result, point) -> None:
    """Policies' played values and the condition against brute force."""
    point = dict(point)
    game = result.game.subs(point, strict=False)
    num = NumericProfile(game.stage, result.profile, game.delta)
    profitable = False
    for player, policy, value, cond in result.constraints:
        i = num.stage.player_index(player)
        played = _policy_value(num, i, policy)
        closed = fraction_at(value, point, "policy value")
        if played != closed:
            raise VerificationError(
                f"{player} playing {policy}: closed form {value} = {closed}, the "
                f"played path gives {played}"
            )
        better = played > num.value(num.profile.initial, i)
        profitable |= better
        if holds(cond, point, "policy constraint") == better:
            raise VerificationError(
                f"constraint {cond} for {player} playing {policy} is "
                f"{not better} at the point, but the policy "
                f"{'beats' if better else 'does not beat'} following"
            )
    nash = holds(result.value, point, "Nash condition")
    if nash == profitable:
        raise VerificationError(
            f"condition {result.value} is {nash} at the point, but a profitable "
            f"stationary policy {'exists' if profitable else 'does not exist'}"
        )
    if nash:
        for i in range(len(num.stage.players)):
            plan = num.profitable_plan(num.profile.initial, i, 3)
            if plan is not None:
                raise VerificationError(
                    f"Nash condition holds, but player {i} profits from the plan {plan}"
                )
