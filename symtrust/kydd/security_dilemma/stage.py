"""What games built on the Security Dilemma Game need from it, by the engine.

Kydd (2005, ch. 2; reconstruction in ``models.md`` section 2). Two facts feed
the arming game (:mod:`symtrust.kydd.arming`) and the reassurance games
(:mod:`symtrust.kydd.reassurance`), each derived by the engine's generic
solvers on the stage game (:func:`~symtrust.kydd.security_dilemma.model.stage_game`),
never typed:

1. **Minimum trust threshold** (:func:`stage_threshold`). A trustworthy player
   who believes the other cooperates with probability q (its trustworthy type
   cooperates, its untrustworthy type defects) cooperates iff
   ``EU(C) >= EU(D)``; the engine's
   :func:`~symtrust.games.bayesian.thresholds.trust_threshold` solves the
   indifference for q and decides the direction. The gain from arms cancels.
2. **Value of being trusted** (:func:`value_of_trust`). A player's payoff when
   the other cooperates minus its payoff when the other defects, each at the
   player's own best reply, decided by the engine's
   :func:`~symtrust.games.normal_form.payoffs.best_responses` under the
   assumptions: what a sender gains from being trusted.

Examples
--------
>>> from symtrust import interval, positive
>>> t = interval("t", 0, 1, right_open=True)
>>> c, w = positive("c w")
>>> stage_threshold(t, c, w, assumptions=[c > w]).value
(c - w)/(c - t - w + 1)
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import UnsupportedError
from symtrust.games.bayesian.thresholds import Threshold, trust_threshold
from symtrust.games.normal_form.payoffs import best_responses
from symtrust.kydd.security_dilemma.model import stage_game

__all__ = ["ValueOfTrust", "stage_threshold", "value_of_trust"]


@dataclass(frozen=True, kw_only=True)
class ValueOfTrust(Result):
    """A player's gain from being trusted: its best payoff against C minus against D.

    Attributes
    ----------
    replies : tuple
        Pairs ``(other's action, own best reply)`` for C and D.
    who : str
        Whose value (for printing).
    game : NormalFormGame
        The stage game (the row player is the one valued).
    """

    replies: tuple = ()
    who: str = ""
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return ((f"{self.kind} ({self.who})", self.value),)


def stage_threshold(t, c, w, *, gain=S.Zero, assumptions=(), budget=None) -> Threshold:
    """Minimum trust at which a trustworthy player of type ``t`` cooperates.

    Parameters
    ----------
    t : sympy.Expr
        The player's own (trustworthy) type, below 1.
    c, w : sympy.Expr
        Cost of being exploited and of mutual defection.
    gain : sympy.Expr
        What the player gains whenever the other defects (arms); it cancels.
    assumptions : Assumptions or iterable of Boolean
    budget : Budget, float or None
        Time allowed (see :class:`~symtrust.logic.budget.Budget`).

    Returns
    -------
    Threshold
        The engine's threshold of the stage game's row player, written with a
        denominator whose leading term is positive.

    Examples
    --------
    >>> import sympy
    >>> t, c, w = sympy.symbols("t c w", positive=True)
    >>> th = stage_threshold(t, c, w, assumptions=[t < 1, c > w])
    >>> sympy.simplify(th.value - (c - w) / (1 - t + c - w)), th.direction
    (0, '>=')
    """
    game = stage_game(t, c, w, gain=gain, assumptions=assumptions)
    th = trust_threshold(game, "row", budget=budget)
    # present the fraction with a leading-positive denominator
    num, den = sympy.fraction(th.value)
    if not den.could_extract_minus_sign():
        return th
    mu = sympy.expand(-num) / sympy.expand(-den)
    steps = (*th.steps, Step("trust threshold", mu, "the same, signs rearranged"))
    return dataclasses.replace(th, value=mu, steps=steps)


def _best_reply(game, other, who, budget) -> str:
    """The row player's best reply to ``other``, decided under the assumptions."""
    br = best_responses(game, "row", [other], budget=budget)
    for own in ("C", "D"):
        if br.of(own) is S.true:
            return own
    diff = game.utility(0, ("C", other)) - game.utility(0, ("D", other))
    raise UnsupportedError(
        f"cannot decide the {who}'s best reply to {other}: the sign of "
        f"{sympy.simplify(diff)} varies or is undecided under the assumptions"
    )


def value_of_trust(
    t, c, w, *, gain=S.Zero, assumptions=(), who="sender", budget=None
) -> ValueOfTrust:
    """What a player of type t gains when the other cooperates rather than defects.

    Each side is evaluated at the player's own best reply, decided under the
    assumptions (a trustworthy type reciprocates, an untrustworthy one exploits).

    Examples
    --------
    >>> from symtrust import parameter, positive
    >>> tU = parameter("t_U", lower=1, left_open=True)
    >>> c, w = positive("c w")
    >>> value_of_trust(tU, c, w, assumptions=[c > w]).value
    t_U + w
    """
    game = stage_game(t, c, w, gain=gain, assumptions=assumptions)
    own_c = _best_reply(game, "C", who, budget)
    own_d = _best_reply(game, "D", who, budget)
    v_c = game.utility(0, (own_c, "C"))
    v_d = game.utility(0, (own_d, "D"))
    value = sympy.expand(v_c - v_d)
    steps = (
        Step(f"{who} reply when trusted", sympy.Symbol(own_c), f"payoff {v_c}"),
        Step(f"{who} reply when distrusted", sympy.Symbol(own_d), f"payoff {v_d}"),
        Step(f"{who} value of being trusted", value, "difference of best payoffs"),
    )
    return ValueOfTrust(
        kind="value of being trusted",
        value=value,
        assumptions=game.assumptions,
        steps=steps,
        replies=(("C", own_c), ("D", own_d)),
        who=who,
        game=game,
    )
