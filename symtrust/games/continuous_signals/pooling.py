"""Pooling equilibria with a continuum of signals, and their off-path beliefs.

Game in :mod:`symtrust.games.continuous_signals.model`. Both types send
s_p; Bayes' rule leaves the prior p on the path, so the reply is r(p) (one
result per case when the reply is piecewise, as with a receiver who
cooperates iff trust reaches a threshold). The derivation:

1. the worst off-path belief q(s) = 0 (reply r(0)) supports the pool iff no
   type would rather send its best signal, 0, and be taken for low:
   ``U_theta(s_p, r(p)) >= U_theta(0, r0)`` for both types;
2. at equality each type's constraint gives a largest pooling signal; the
   pool range is [0, min of the two] (the binding type is decided by z3;
   under single crossing it is the low type);
3. any off-path belief q(s) supports the pool iff
   ``U_theta(s, r(q(s))) <= U_theta(s_p, r(p))`` for both types at every
   s != s_p: the off-path condition.

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative, real
>>> from symtrust.games.continuous_signals.model import signal_game
>>> e, w, q = nonnegative("e"), real("w"), real("q")
>>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 3),
...                 utility={"low": w - 2 * e, "high": w - e}, signal=e,
...                 response=w, reply=1 + q, belief=q)
>>> [p.signals for p in pooling_equilibria(g)]
[(0, 1/6)]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.games.continuous_signals._levels import branches, solve_level
from symtrust.games.continuous_signals.model import ContinuousSignalGame
from symtrust.games.continuous_signals.separating import check_game
from symtrust.logic.conditions import sign_under

__all__ = ["POOL", "PoolingRange", "pooling_equilibria"]

#: The pooling signal s_p in the off-path condition.
POOL = sympy.Symbol("s_p", nonnegative=True)


@dataclass(frozen=True, kw_only=True)
class PoolingRange(Result):
    """Pooling equilibria on signals [0, top] for one case of the reply r(p).

    Attributes
    ----------
    signals : tuple
        (0, top): the pooling signals supported by q = 0 off the path.
    response : sympy.Expr
        r(p), the reply on the path.
    off_path : sympy Boolean
        What a belief q(s) off the path must satisfy (in s, q and the pool
        signal s_p) for the pool at s_p to be an equilibrium.
    beliefs : sympy.Piecewise
        One supporting belief: the prior at the pool signal, 0 elsewhere (at
        the lowest pooling signal, 0).
    game : ContinuousSignalGame
    """

    signals: tuple = ()
    response: Any = None
    off_path: Any = S.true
    beliefs: Any = None
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (self.kind, sympy.Interval(*self.signals)),
            ("reply on the path", self.response),
            ("off-path beliefs", self.off_path),
        )


def pooling_equilibria(game: ContinuousSignalGame) -> Solution:
    """Pooling PBE: the range of pooling signals for each case of the reply r(p).

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
    >>> [(p.response, p.signals, p.condition) for p in pooling_equilibria(g)]
    [(1, (0, 1/2), mu <= 1/2), (0, (0, 0), mu > 1/2)]
    """
    return _pooling(check_game(game))


def _top(tops, assume):
    """The smaller of the two largest pooling signals, decided where possible."""
    order = sign_under(tops[1] - tops[0], assume)
    if order in (0, 1):
        return tops[0]
    if order == -1:
        return tops[1]
    return sympy.Min(*tops)


@functools.lru_cache(maxsize=128)
def _pooling(game):
    s, r, assume = game.signal, game.response, game.assumptions
    # each type: pooling at s beats its best signal 0 taken for low
    outside = [u.subs({s: 0, r: game.replies[0]}) for u in game.utilities]
    out = []
    for response, case in branches(game.reply_to(game.prior), assume):
        on_path = [u.subs(r, response) for u in game.utilities]
        tops = [
            solve_level(
                on, off, s, assume, what=f"the {n} type's largest pooling signal"
            )
            for on, off, n in zip(on_path, outside, game.types, strict=True)
        ]
        top = _top(tops, [*assume.conditions, case])
        deviation = [u.subs(r, game.reply) for u in game.utilities]
        off_path = sympy.And(
            *(
                sympy.Le(dev, on.subs(s, POOL))
                for dev, on in zip(deviation, on_path, strict=True)
            )
        )
        steps = (
            Step("belief on the path", game.prior, "Bayes' rule: both types send s_p"),
            Step("reply on the path", response, f"case {case}"),
            Step(
                "largest pooling signals",
                sympy.Tuple(*tops),
                "U(s_p, r(p)) = U(0, r(0))",
            ),
            Step("pooling range", sympy.Interval(0, top), "both types' constraints"),
            Step("off-path beliefs", off_path, "no type gains by deviating to s"),
        )
        out.append(
            PoolingRange(
                kind=f"pooling PBE with reply {response}",
                value=sympy.Tuple(S.Zero, top),
                condition=case,
                assumptions=assume,
                steps=steps,
                signals=(S.Zero, top),
                response=response,
                off_path=off_path,
                beliefs=sympy.Piecewise((game.prior, sympy.Eq(s, 0)), (S.Zero, True)),
                game=game,
            )
        )
    return Solution(
        method="pooling_equilibria",
        game=game,
        results=tuple(out),
        solver=pooling_equilibria,
    )
