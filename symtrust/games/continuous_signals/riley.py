"""The least-cost (Riley) separating equilibrium with n ordered types.

Game in :mod:`symtrust.games.continuous_signals.ordered`. Riley (1979),
Mailath (1987): in the least-cost separating equilibrium the lowest type
sends s_1 = 0 and each higher type the least signal that keeps the type just
below it from mimicking:

1. the downward adjacent constraint binds, ``U_{k-1}(s_k, r_k) =
   U_{k-1}(s_{k-1}, r_{k-1})``, solved for s_k (the unique nonnegative root);
2. the upward adjacent constraint, ``U_k(s_k, r_k) >= U_k(s_{k-1}, r_{k-1})``,
   is the existence condition (implied by single crossing where z3 proves it);
3. under single crossing the adjacent constraints imply the global ones, so
   the game's single-crossing conditions join the condition;
4. the supporting beliefs: a signal s is taken for the highest type k with
   s_k <= s, and replied r_k.

Examples
--------
>>> from symtrust import nonnegative, positive, real
>>> from symtrust.games.continuous_signals.ordered import ordered_signal_game
>>> e, w, t = nonnegative("e"), real("w"), positive("theta")
>>> g = ordered_signal_game(types={"1": 1, "2": 2, "3": 3}, utility=w - e / t,
...                         type_symbol=t, signal=e, response=w, known_reply=t)
>>> riley_outcome(g).signals
(0, 1, 3)
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
from symtrust.games.continuous_signals.ordered import OrderedSignalGame
from symtrust.logic.conditions import simplify_cleared

__all__ = ["RileyChain", "riley_outcome"]


@dataclass(frozen=True, kw_only=True)
class RileyChain(Result):
    """The least-cost separating signals s_1 = 0 < s_2 < ... < s_n.

    Attributes
    ----------
    signals : tuple
        Each type's signal, lowest type first.
    reply : sympy.Piecewise
        The supporting reply to a signal s: r_k for the highest k with s_k <= s.
    incentives : tuple
        The upward adjacent constraints (type k does not send s_{k-1}).
    game : OrderedSignalGame
    """

    signals: tuple = ()
    reply: Any = None
    incentives: tuple = ()
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (self.kind, sympy.Tuple(*self.signals)),
            ("reply to a signal", self.reply),
        )


def riley_outcome(game: OrderedSignalGame) -> RileyChain:
    """The least-cost separating signals of an n-type game, with their condition.

    Examples
    --------
    >>> from symtrust import nonnegative, positive, real
    >>> from symtrust.games.continuous_signals.ordered import ordered_signal_game
    >>> e, w, t = nonnegative("e"), real("w"), positive("theta")
    >>> lo, mid, hi = positive("theta_1 theta_2 theta_3")
    >>> g = ordered_signal_game(types={"1": lo, "2": mid, "3": hi}, utility=w - e / t,
    ...                         type_symbol=t, signal=e, response=w, known_reply=t,
    ...                         assumptions=[lo < mid, mid < hi])
    >>> [sympy.factor(s) for s in riley_outcome(g).signals]
    [0, -theta_1*(theta_1 - theta_2), -theta_1**2 + theta_1*theta_2 - theta_2**2 + theta_2*theta_3]
    """
    if not isinstance(game, OrderedSignalGame):
        raise ModelError(
            f"expected an OrderedSignalGame (from ordered_signal_game), got "
            f"{type(game).__name__}"
        )
    return _chain(game)


@functools.lru_cache(maxsize=64)
def _chain(game):
    s, r, assume = game.signal, game.response, game.assumptions
    u, reps = game.utilities, game.replies
    signals = [S.Zero]
    steps = [Step("lowest type's signal", S.Zero, "known lowest, signals are costly")]
    upward = []
    for k in range(1, len(u)):
        # the type below is just indifferent to mimicking type k
        level = u[k - 1].subs({s: signals[-1], r: reps[k - 1]})
        s_k = solve_level(
            u[k - 1].subs(r, reps[k]),
            level,
            s,
            assume,
            what=f"the signal of type {k + 1}",
        )
        # type k does not prefer the signal of the type below
        ic = sympy.Ge(
            u[k].subs({s: s_k, r: reps[k]}), u[k].subs({s: signals[-1], r: reps[k - 1]})
        )
        upward.append(ic)
        steps.append(Step(f"signal of type {k + 1}", s_k, f"type {k} indifferent"))
        signals.append(s_k)
    condition = simplify_cleared(sympy.And(*upward, *game.single_crossing), assume)
    pieces = [(reps[k], sympy.Ge(s, signals[k])) for k in range(len(u) - 1, 0, -1)]
    reply = sympy.Piecewise(*pieces, (reps[0], True))
    steps += [
        Step("upward constraints", sympy.And(*upward), "type k does not send s_(k-1)"),
        Step("single crossing", sympy.And(*game.single_crossing), "adjacent types, z3"),
        Step("existence", condition, "adjacent constraints imply the global ones"),
    ]
    return RileyChain(
        kind=f"Riley outcome with {len(u)} types",
        value=sympy.Tuple(*signals),
        condition=condition,
        assumptions=assume,
        steps=tuple(steps),
        signals=tuple(signals),
        reply=reply,
        incentives=tuple(upward),
        game=game,
    )
