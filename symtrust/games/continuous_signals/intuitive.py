"""The Intuitive Criterion (Cho and Kreps 1987) selects the Riley outcome.

Game in :mod:`symtrust.games.continuous_signals.model`; equilibria from
:mod:`~symtrust.games.continuous_signals.separating` and
:mod:`~symtrust.games.continuous_signals.pooling`. A deviation s' breaks an
equilibrium when it is *equilibrium-dominated* for the low type (even the
best reply r(1) leaves it below its equilibrium payoff) but not for the high
type, who gains if the receiver, putting no weight on the low type, replies
r(1). Payoffs fall in the signal and rise in the reply, so:

1. a separating equilibrium at s_H > s_lo fails: every s' in (s_lo, s_H) is
   dominated for the low type (its IC is slack above s_lo) and pays the high
   type more than s_H; the least-cost signal s_lo survives (below it the low
   type would gain, so no belief is restricted);
2. a pool at s_p with reply r(p) fails iff the window (d_low, d_high) is
   nonempty, where d_theta solves ``U_theta(d, r(1)) = U_theta(s_p, r(p))``
   (the signal at which type theta, believed high, is as well off as in the
   pool); the window's width is decided under the assumptions, for every
   pooling signal s_p in the pool's range.

The Riley outcome is the unique survivor iff it exists and every pool fails.

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative, real
>>> from symtrust.games.continuous_signals.model import signal_game
>>> e, w, q = nonnegative("e"), real("w"), real("q")
>>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 3),
...                 utility={"low": w - 2 * e, "high": w - e}, signal=e,
...                 response=w, reply=1 + q, belief=q)
>>> sel = intuitive_criterion(g)
>>> sel.riley, sel.condition
(1/2, True)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.games.continuous_signals._levels import solve_level
from symtrust.games.continuous_signals.model import ContinuousSignalGame
from symtrust.games.continuous_signals.pooling import POOL, pooling_equilibria
from symtrust.games.continuous_signals.separating import (
    check_game,
    separating_equilibria,
)
from symtrust.logic.conditions import simplify_cleared

__all__ = ["IntuitiveSelection", "intuitive_criterion"]


@dataclass(frozen=True, kw_only=True)
class IntuitiveSelection(Result):
    """Which equilibria survive the Intuitive Criterion.

    Attributes
    ----------
    riley : sympy.Expr
        The least-cost separating signal: the surviving separating equilibrium.
    separating_survives : sympy Boolean
        Which separating signal s_H survives: s_H = s_lo.
    pools : tuple
        One (reply on the path, window (d_low, d_high), condition that every
        pool of that case fails) per case of the pooling reply.
    game : ContinuousSignalGame
    """

    riley: Any = None
    separating_survives: Any = S.true
    pools: tuple = ()
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        rows = [
            (self.kind, self.riley),
            ("surviving separating", self.separating_survives),
        ]
        rows += [(f"pools with reply {r} fail iff", c) for r, _, c in self.pools]
        return tuple(rows)


def intuitive_criterion(game: ContinuousSignalGame) -> IntuitiveSelection:
    """Apply the Intuitive Criterion to the separating and pooling equilibria.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative, positive, real
    >>> from symtrust.games.continuous_signals.model import signal_game
    >>> e, w, q, mu = nonnegative("e"), real("w"), real("q"), positive("mu")
    >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 2),
    ...                 utility={"low": w - 2 * e, "high": w - e}, signal=e, response=w,
    ...                 reply=sympy.Piecewise((1, q >= mu), (0, True)), belief=q,
    ...                 assumptions=[mu < 1])
    >>> intuitive_criterion(g).condition
    mu > 1/2
    """
    return _intuitive(check_game(game))


def _window(game, response, case, top):
    """(d_low, d_high) for a pool at s_p, and the condition that it is nonempty."""
    s, r = game.signal, game.response
    r1 = game.replies[1]
    assume = [*game.assumptions.conditions, case, POOL >= 0, POOL <= top]
    ends = []
    for u, n in zip(game.utilities, game.types, strict=True):
        level = u.subs({s: POOL, r: response})
        ends.append(
            solve_level(
                u.subs(r, r1), level, s, assume, what=f"the {n} type's break-even"
            )
        )
    broken = simplify_cleared(sympy.Gt(ends[1], ends[0]), assume)
    return tuple(ends), broken


@functools.lru_cache(maxsize=128)
def _intuitive(game):
    sep = separating_equilibria(game)
    s_high = sympy.Symbol("s_H", nonnegative=True)
    survives = sympy.Eq(s_high, sep.riley)
    pools, fails = [], []
    for pool in pooling_equilibria(game):
        window, broken = _window(game, pool.response, pool.condition, pool.signals[1])
        pools.append((pool.response, window, broken))
        fails.append(sympy.Or(sympy.Not(pool.condition), broken))
    condition = simplify_cleared(sympy.And(sep.condition, *fails), game.assumptions)
    steps = (
        Step("separating survivor", survives, "(s_lo, s_H) is dominated for low only"),
        *(
            Step(
                f"pool with reply {r}: window",
                sympy.Tuple(*w),
                "U(d, r(1)) = U(s_p, r(p))",
            )
            for r, w, _ in pools
        ),
        *(
            Step(f"pool with reply {r} fails iff", c, "window nonempty")
            for r, _, c in pools
        ),
        Step("unique survivor", condition, "Riley exists and every pool fails"),
    )
    return IntuitiveSelection(
        kind="Intuitive Criterion: the Riley outcome",
        value=sep.riley,
        condition=condition,
        assumptions=game.assumptions,
        steps=steps,
        riley=sep.riley,
        separating_survives=survives,
        pools=tuple(pools),
        game=game,
    )
