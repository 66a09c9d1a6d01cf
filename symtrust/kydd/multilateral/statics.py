"""Comparative statics of cooperation in multilateral trust games.

Kydd (2005), chapter 5 (a reconstruction; ``models.md`` section 4). How a
trustworthy actor's cooperation index ``Q_i(S)`` (power-weighted trust in the
cooperating others, :func:`~symtrust.kydd.multilateral.cooperation.weighted_trust`) and
its threshold ``mu_i`` move with a parameter such as the hegemon's power:

1. differentiate both (group sizes may be symbolic: ``n`` stays a symbol);
2. factor, so that signs can be read off the factors;
3. decide each sign under the game's assumptions (z3): 1, -1, 0 or None
   when it varies (then a claim such as "sign dQ/dm = sign(pi_h - pi_s)" says
   on what it depends).

Examples
--------
>>> from symtrust.catalog import hegemony_game
>>> g = hegemony_game()
>>> cooperation_statics(g, "hegemon", g.actor("hegemon").power).index_slope
0
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.kydd.multilateral._conditions import (
    actor_names,
    check_game,
    index_expression,
)
from symtrust.kydd.multilateral.cooperation import cooperation_threshold
from symtrust.kydd.multilateral.model import MultilateralGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import sign_under, simplify_condition

__all__ = ["CooperationStatics", "cooperation_statics"]


@dataclass(frozen=True, kw_only=True)
class CooperationStatics(Result):
    """How an actor's cooperation index and threshold move with a parameter.

    Attributes
    ----------
    actor : str
        The actor.
    wrt : sympy.Symbol
        The parameter varied.
    index_slope, threshold_slope : sympy.Expr
        ``dQ_i/dx`` and ``dmu_i/dx``, factored.
    index_sign, threshold_sign : int or None
        Their signs where constant under the assumptions (1, -1, 0), else None.
    cooperators : tuple of str
        The set ``S``.
    game : MultilateralGame
        The game (for the numeric twin).
    """

    actor: str = ""
    wrt: Any = None
    index_slope: Any = S.Zero
    threshold_slope: Any = S.Zero
    index_sign: int | None = None
    threshold_sign: int | None = None
    cooperators: tuple = ()
    game: Any = field(default=None, compare=False, repr=False)

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (f"dQ[{self.actor}]/d{self.wrt}", self.index_slope),
            (f"dmu[{self.actor}]/d{self.wrt}", self.threshold_slope),
        )


def cooperation_statics(
    game: MultilateralGame, name: str, wrt, cooperators=None, *, budget=None
) -> CooperationStatics:
    """Derivatives of ``Q_i(S)`` and ``mu_i`` in a parameter, with their signs.

    Parameters
    ----------
    game : MultilateralGame
        The game (group sizes may be symbolic).
    name : str
        The actor.
    wrt : sympy.Symbol
        The parameter (e.g. the hegemon's power ``m``).
    cooperators : iterable of str, optional
        The set ``S`` (default all actors).

    Returns
    -------
    CooperationStatics
        The factored slopes and their signs where constant; the condition
        says where the index is defined (its denominator nonzero).

    Examples
    --------
    >>> from symtrust.catalog import hegemony_game
    >>> g = hegemony_game()
    >>> m = g.actor("hegemon").power
    >>> cooperation_statics(g, "small", m).index_slope
    (n - 2)*(n - 1)*(pi_h - pi_s)/(m + n - 2)**2
    """
    budget = Budget.of(budget)
    check_game(game)
    if not isinstance(wrt, sympy.Symbol):
        raise ModelError(f"wrt={wrt!r} must be a parameter (a SymPy symbol)")
    if wrt not in game.parameters:
        raise ModelError(f"wrt={wrt} is not a parameter of the game")
    assume = game.assumptions
    index = index_expression(game, name, cooperators)
    mu = cooperation_threshold(game, name, budget=budget).value
    # differentiate, then factor: signs read off the factors
    d_index = sympy.factor(sympy.diff(index, wrt))
    d_mu = sympy.factor(sympy.diff(mu, wrt))
    den = sympy.fraction(sympy.cancel(index))[1]
    defined = simplify_condition(sympy.Ne(den, 0), assume, budget=budget)
    s_index = sign_under(d_index, assume, budget=budget)
    s_mu = sign_under(d_mu, assume, budget=budget)
    return CooperationStatics(
        kind="comparative statics",
        value=sympy.Tuple(d_index, d_mu),
        condition=defined,
        assumptions=assume,
        steps=(
            Step("Q", index, "weighted_trust"),
            Step(f"dQ/d{wrt}", d_index, f"sign {s_index} under the assumptions"),
            Step("threshold", mu, "cooperation_threshold"),
            Step(f"dmu/d{wrt}", d_mu, f"sign {s_mu} under the assumptions"),
        ),
        actor=name,
        wrt=wrt,
        index_slope=d_index,
        threshold_slope=d_mu,
        index_sign=s_index,
        threshold_sign=s_mu,
        cooperators=actor_names(game, cooperators),
        game=game,
    )
