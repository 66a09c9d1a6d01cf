"""Numeric twin of the Security Dilemma Game's derivation helpers.

At an exact rational point the twin reads the stage game's payoff table and
takes, by comparison of exact numbers, the player's best payoff against C and
against D; their difference must be the derived value of being trusted. (The
threshold of :func:`~symtrust.kydd.security_dilemma.stage.stage_threshold` is
the engine's :class:`~symtrust.results.Threshold`, checked by its own twin.)

Examples
--------
>>> from symtrust import parameter, positive
>>> from symtrust.kydd.security_dilemma.stage import value_of_trust
>>> tU = parameter("t_U", lower=1, left_open=True)
>>> c, w = positive("c w")
>>> v = value_of_trust(tU, c, w, assumptions=[c > w])
>>> value_of_trust_twin(v, {tU: 2, c: 3, w: 1}) is None
True
"""

from __future__ import annotations

import sympy

from symtrust.core.twins import twin
from symtrust.errors import VerificationError
from symtrust.kydd.security_dilemma.stage import ValueOfTrust

__all__ = ["value_of_trust_twin"]


def _num(expr, point):
    return sympy.sympify(sympy.sympify(expr).xreplace(point), strict=True)


@twin(ValueOfTrust)
def value_of_trust_twin(result, point) -> None:
    """Best payoff against C minus best payoff against D, by exact comparison."""
    game = result.game
    best = {}
    for other in ("C", "D"):
        payoffs = [_num(game.utility(0, (own, other)), point) for own in ("C", "D")]
        if not all(p.is_Rational for p in payoffs):
            raise VerificationError(f"payoffs {payoffs} are not exact at {point}")
        best[other] = max(payoffs)
    want = best["C"] - best["D"]
    got = _num(result.value, point)
    if got != want:
        raise VerificationError(
            f"value of being trusted {got}, brute force {want} at {point}"
        )
