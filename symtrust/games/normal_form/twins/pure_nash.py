"""Numeric twin of :func:`symtrust.pure_nash` and of one :class:`PureEquilibrium`.

At an admissible parameter point, with the point substituted into the game:

1. each reported profile's condition holds exactly when brute-force
   enumeration (:func:`symtrust.games.normal_form.twins.brute_nash.pure_equilibria`)
   finds the profile an equilibrium, and its payoff vector is the game's
   payoff there (this is the twin of a single result);
2. for the whole Solution, no profile is reported twice and the profiles
   whose conditions hold are *all* the pure equilibria (completeness).

Points where a payoff is undefined (a zero denominator) are skipped: the game
itself says nothing there.

Examples
--------
>>> from symtrust import check, pure_nash
>>> from symtrust.catalog import chicken
>>> check(pure_nash(chicken()), max_examples=5).passed
True
"""

from __future__ import annotations

from symtrust.core.exact import value_at
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.normal_form.pure_nash import PureEquilibrium, pure_nash
from symtrust.games.normal_form.twins.brute_nash import game_at, pure_equilibria

__all__ = ["pure_equilibrium_twin", "pure_nash_twin"]


def _check_one(eq, game, brute, point) -> bool:
    """Check one equilibrium against the brute-force set; whether it holds."""
    held = holds(eq.condition, point, f"the condition of profile {eq.profile}")
    payoffs = tuple(value_at(u, point) for u in eq.payoffs)
    if payoffs != tuple(value_at(u) for u in game.payoff(eq.profile)):
        raise VerificationError(
            f"payoffs {payoffs} reported for {eq.profile} differ from the "
            f"game's {game.payoff(eq.profile)}"
        )
    if held != (eq.profile in brute):
        raise VerificationError(
            f"profile {eq.profile}: its condition is {held} at {point}, but brute "
            f"force says it is{'' if eq.profile in brute else ' not'} an equilibrium"
        )
    return held


@twin(PureEquilibrium)
def pure_equilibrium_twin(eq, point) -> None:
    """Check one pure equilibrium: its condition holds iff brute force agrees.

    Examples
    --------
    >>> from symtrust import pure_nash, real
    >>> from symtrust.catalog import stag_hunt
    >>> R, S, T, P = real("R S T P")
    >>> eq = pure_nash(stag_hunt())[0]
    >>> pure_equilibrium_twin(eq, {R: 4, T: 3, P: 2, S: 1}) is None
    True
    """
    if eq.game is None:
        raise VerificationError(f"the equilibrium {eq.profile} carries no game")
    game = game_at(eq.game, point)
    _check_one(eq, game, set(pure_equilibria(game)), point)


@twin(pure_nash)
def pure_nash_twin(solution, point) -> None:
    """Compare a pure_nash Solution with brute force at one point.

    Raises
    ------
    VerificationError
        A condition undefined at the point, a wrong payoff vector, a duplicate
        profile, or a set of equilibria that differs from brute force.

    Examples
    --------
    >>> from symtrust import pure_nash, real
    >>> from symtrust.catalog import stag_hunt
    >>> sol = pure_nash(stag_hunt())
    >>> R, S, T, P = real("R S T P")
    >>> pure_nash_twin(sol, {R: 4, T: 3, P: 2, S: 1}) is None
    True
    """
    game = game_at(solution.game, point)
    brute = set(pure_equilibria(game))
    claimed, seen = set(), set()
    for eq in solution.results:
        if eq.profile in seen:
            raise VerificationError(f"profile {eq.profile} is reported twice")
        seen.add(eq.profile)
        if _check_one(eq, game, brute, point):
            claimed.add(eq.profile)
    # a solve its budget cut short lists correct results, maybe not all
    if claimed != brute and (solution.complete or not claimed <= brute):
        raise VerificationError(
            "pure equilibria disagree with brute force: "
            f"missed {sorted(brute - claimed)}, wrongly reported "
            f"{sorted(claimed - brute)}"
        )
