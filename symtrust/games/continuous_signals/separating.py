"""Separating equilibria with a continuum of signals, and the Riley outcome.

Game in :mod:`symtrust.games.continuous_signals.model` (types low and high,
signal s >= 0, replies r(0) < r(1) to a known low and a known high type).
In a separating perfect Bayesian equilibrium the low type sends s = 0 (its
best signal once it is known: payoffs fall in s) and the high type sends
s_H > 0, believed high (q = 1) and replied r(1). The derivation:

1. IC of the low type (no mimicry): ``U_low(0, r0) >= U_low(s_H, r1)``; at
   equality it gives the least separating signal s_lo;
2. IC of the high type: ``U_high(s_H, r1) >= U_high(0, r0)``; at equality the
   largest, s_hi;
3. the separating set is [s_lo, s_hi], nonempty iff the high type gains at
   s_lo, ``U_high(s_lo, r1) >= U_high(0, r0)`` (implied by single crossing);
4. the least-cost (Riley 1979) separating equilibrium sends s_lo, supported
   by the beliefs q(s) = 1 for s >= s_lo and 0 below (no type gains by any
   deviation: the low type is indifferent at s_lo, the high type pays more
   above it and is taken for low below it).

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative, positive, real
>>> from symtrust.games.continuous_signals.model import signal_game
>>> e, w, t, q = nonnegative("e"), real("w"), positive("theta"), real("q")
>>> tl, th = positive("theta_L theta_H")
>>> g = signal_game(types={"low": tl, "high": th}, prior=sympy.Rational(1, 2),
...                 utility=w - e / t, type_symbol=t, signal=e, response=w,
...                 reply=q * th + (1 - q) * tl, belief=q, assumptions=[tl < th])
>>> separating_equilibria(g).signals
(theta_L*(theta_H - theta_L), theta_H*(theta_H - theta_L))
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.continuous_signals._levels import solve_level
from symtrust.games.continuous_signals.model import ContinuousSignalGame
from symtrust.logic.conditions import simplify_cleared

__all__ = ["SeparatingSet", "check_game", "separating_equilibria"]


@dataclass(frozen=True, kw_only=True)
class SeparatingSet(Result):
    """The separating equilibria: the high type's signals and the Riley one.

    Attributes
    ----------
    signals : tuple
        (s_lo, s_hi): the high type's signal separates iff s_lo <= s <= s_hi.
    riley : sympy.Expr
        s_lo, the least-cost separating signal (the low type's IC binds).
    low_signal : sympy.Expr
        The low type's signal, 0.
    incentives : tuple
        (IC_low, IC_high) as conditions on the signal symbol.
    beliefs : sympy.Piecewise
        Beliefs q(s) supporting the Riley outcome.
    single_crossing : sympy Boolean
        The game's single-crossing condition.
    game : ContinuousSignalGame
    """

    signals: tuple = ()
    riley: Any = None
    low_signal: Any = S.Zero
    incentives: tuple = ()
    beliefs: Any = None
    single_crossing: Any = S.true
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (self.kind, self.riley),
            ("separating signals", sympy.Interval(*self.signals)),
            ("beliefs", self.beliefs),
        )


def check_game(game) -> ContinuousSignalGame:
    """Refuse anything but a :class:`ContinuousSignalGame`.

    Examples
    --------
    >>> check_game("Spence")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: expected a ContinuousSignalGame (from signal_game), got str
    """
    if not isinstance(game, ContinuousSignalGame):
        raise ModelError(
            f"expected a ContinuousSignalGame (from signal_game), got {type(game).__name__}"
        )
    return game


def separating_equilibria(game: ContinuousSignalGame) -> SeparatingSet:
    """The separating PBE: the set of the high type's signals and the Riley one.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative, real
    >>> from symtrust.games.continuous_signals.model import signal_game
    >>> e, w, q = nonnegative("e"), real("w"), real("q")
    >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 3),
    ...                 utility={"low": w - 2 * e, "high": w - e}, signal=e,
    ...                 response=w, reply=1 + q, belief=q)
    >>> sep = separating_equilibria(g)
    >>> sep.signals, sep.riley, sep.condition
    ((1/2, 1), 1/2, True)
    """
    return _separating(check_game(game))


@functools.lru_cache(maxsize=128)
def _separating(game):
    assume, s = game.assumptions, game.signal
    r0, r1 = game.replies
    out_low, out_high = (u.subs({s: 0, game.response: r0}) for u in game.utilities)
    at_high = [u.subs(game.response, r1) for u in game.utilities]
    # incentive constraints at the high type's signal s
    ic_low = sympy.Ge(out_low, at_high[0])
    ic_high = sympy.Ge(at_high[1], out_high)
    # each constraint at equality, solved for the signal
    lo = solve_level(at_high[0], out_low, s, assume, what="the least separating signal")
    hi = solve_level(
        at_high[1], out_high, s, assume, what="the largest separating signal"
    )
    # the high type's loss from the least signal must not be positive
    exists = simplify_cleared(sympy.Le(out_high - at_high[1].subs(s, lo), 0), assume)
    beliefs = sympy.Piecewise((S.One, sympy.Ge(s, lo)), (S.Zero, True))
    steps = (
        Step("low type's signal", S.Zero, "known low, payoffs fall in the signal"),
        Step("IC of the low type", ic_low, "mimicking the high type must not pay"),
        Step(
            "IC of the high type", ic_high, "signalling must beat being taken for low"
        ),
        Step("least separating signal", lo, "IC of the low type at equality"),
        Step("largest separating signal", hi, "IC of the high type at equality"),
        Step("existence", exists, "the high type gains at the least signal"),
        Step("single crossing", game.single_crossing, "MRS_high < MRS_low, by z3"),
    )
    return SeparatingSet(
        kind="separating PBE (Riley: least-cost signal)",
        value=lo,
        condition=exists,
        assumptions=assume,
        steps=steps,
        signals=(lo, hi),
        riley=lo,
        incentives=(ic_low, ic_high),
        beliefs=beliefs,
        single_crossing=game.single_crossing,
        game=game,
    )
