"""The reassurance games as instances of the general costly-signal family.

Kydd (2005, ch. 7) reconstruction; the family is
:mod:`symtrust.games.continuous_signals`. A gesture x >= 0 is the signal; the
untrustworthy type U is the *low* type and the trustworthy type T the *high*
one; the receiver's reply is its probability rho of cooperating, 1 iff its
trust q reaches the threshold mu (``Piecewise``); a type's payoff,
normalised so that being distrusted after no gesture is 0, is
``rho B_theta - C_theta(x)`` with B_theta its value of being trusted. The
separating set, the least-cost (Riley) gesture and the pooling ranges of the
reassurance solvers are those of this game.

Single crossing (the trustworthy type's marginal cost per unit of trust,
C_T'(x) / B_T, below the untrustworthy type's) is *stated* here, not
required: the book's model is defined also where it fails, and there no
separating equilibrium exists.

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative
>>> from symtrust.kydd.reassurance.model import costly_signal
>>> x = nonnegative("x")
>>> g = costly_signal(prior=sympy.Rational(1, 3), t_trustworthy=0,
...                   t_untrustworthy=2, c=2, w=1, costs=(x, 4 * x), gesture=x)
>>> as_signal_game(g).utilities
(-4*x + 3*rho, -x + 2*rho)
"""

from __future__ import annotations

import sympy

from symtrust.games.continuous_signals.model import ContinuousSignalGame, signal_game
from symtrust.kydd.reassurance.model import TYPES, CostlySignalGame

__all__ = ["COOPERATION", "TRUST", "as_signal_game"]

#: The receiver's probability of cooperating (the reply).
COOPERATION = sympy.Symbol("rho", real=True)
#: The receiver's trust q in the sender (the belief of the high type, T).
TRUST = sympy.Symbol("q", real=True)


def as_signal_game(
    game: CostlySignalGame, *, benefits=None, costs=None, prior=None, assumptions=None
) -> ContinuousSignalGame:
    """The costly-signal game as a two-type game with a continuum of signals.

    Parameters
    ----------
    game : CostlySignalGame
    benefits, costs : pair, optional
        (trustworthy, untrustworthy) values of being trusted and gesture costs,
        replacing the game's (a mover of the reciprocal gestures has its own).
    prior : sympy.Expr, optional
        Trust before the gesture, replacing the game's prior.
    assumptions : Assumptions, optional
        Replacing the game's.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative
    >>> from symtrust.kydd.reassurance.model import costly_signal
    >>> x = nonnegative("x")
    >>> g = costly_signal(prior=sympy.Rational(1, 3), t_trustworthy=0,
    ...                   t_untrustworthy=2, c=2, w=1, costs=(x, 4 * x), gesture=x)
    >>> as_signal_game(g).replies
    (0, 1)
    """
    b_t, b_u = benefits if benefits is not None else game.benefits
    c_t, c_u = costs if costs is not None else game.costs
    rho, q, mu = COOPERATION, TRUST, game.threshold
    assume = assumptions if assumptions is not None else game.assumptions
    return signal_game(
        types=(TYPES[1], TYPES[0]),
        prior=game.prior if prior is None else prior,
        utility={TYPES[1]: rho * b_u - c_u, TYPES[0]: rho * b_t - c_t},
        signal=game.gesture,
        response=rho,
        reply=sympy.Piecewise((sympy.S.One, q >= mu), (sympy.S.Zero, True)),
        belief=q,
        assumptions=assume.conditions,
        strict_crossing=False,
        name=game.name,
    )
