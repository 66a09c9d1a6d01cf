"""Numeric twin of :func:`symtrust.pure_nash`.

At an admissible parameter point, the profiles whose symbolic equilibrium
condition holds must be exactly the pure equilibria that brute-force
enumeration (:func:`symtrust.games.normal_form.twins.brute_nash.pure_equilibria`) finds in the
game with the point substituted, and each reported payoff vector must equal
the game's payoff there. Points where a payoff is undefined (a zero denominator)
are skipped: the game itself says nothing there.

Examples
--------
>>> from symtrust import check, pure_nash
>>> from symtrust.catalog import chicken
>>> check(pure_nash(chicken()), max_examples=5).passed
True
"""

from __future__ import annotations

from sympy import S

from symtrust.core.exact import substitute_condition
from symtrust.core.twins import skip, twin
from symtrust.errors import VerificationError
from symtrust.games.normal_form.twins.brute_nash import pure_equilibria

__all__ = ["pure_nash_twin"]


@twin("pure_nash")
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
    game = solution.game.subs(point, strict=False)
    # the game itself is undefined here (a zero denominator): nothing to compare
    if any(u.has(S.ComplexInfinity, S.NaN) for vec in game.table for u in vec):
        skip("a payoff is undefined at this point")
    brute = set(pure_equilibria(game))
    claimed, seen = set(), set()
    for eq in solution.results:
        if eq.profile in seen:
            raise VerificationError(f"profile {eq.profile} is reported twice")
        seen.add(eq.profile)
        held = substitute_condition(eq.condition, point)
        if held is None:
            raise VerificationError(
                f"the condition {eq.condition} of profile {eq.profile} cannot be "
                f"evaluated at the admissible point {point}"
            )
        payoffs = tuple(u.xreplace(point) for u in eq.payoffs)
        if payoffs != game.payoff(eq.profile):
            raise VerificationError(
                f"payoffs {payoffs} reported for {eq.profile} differ from the "
                f"game's {game.payoff(eq.profile)}"
            )
        if held:
            claimed.add(eq.profile)
    if claimed != brute:
        missing = sorted(brute - claimed)
        extra = sorted(claimed - brute)
        raise VerificationError(
            "pure equilibria disagree with brute force: "
            f"missed {missing}, wrongly reported {extra}"
        )
