"""Crisis bargaining under uncertainty (Fearon 1995): an offer or a war.

Two states divide a good of size 1. The proposer offers the receiver a share
``x`` in ``[0, 1]``. The receiver accepts, or fights: war gives the receiver
``p - c_R`` (``p`` its probability of winning, ``c_R`` its cost of war) and
the proposer ``1 - p - c_P``. The receiver's cost of war is its private type,
distributed by a :class:`~symtrust.games.continuous_types.ContinuousType`
(uniform in Fearon's example). The receiver accepts iff ``x >= p - c_R``; the
proposer trades a larger share (the *return*) against a larger probability
of war (the *risk*). :func:`crisis_bargaining` builds the game as an
:class:`~symtrust.games.continuous.offer_model.OfferGame`, solved by
:func:`~symtrust.games.continuous.offers.optimal_offer`.

Source: James D. Fearon (1995), "Rationalist Explanations for War",
*International Organization* 49(3), section "Private information and
incentives to misrepresent".

Examples
--------
>>> from symtrust import interval, positive
>>> from symtrust.games.continuous import optimal_offer
>>> from symtrust.games.continuous_types import uniform
>>> p = interval("p", 0, 1, left_open=True, right_open=True)
>>> c_p = positive("c_P")
>>> g = crisis_bargaining(p, c_p, uniform(0, 1))
>>> g.reject
(-c_P - p + 1, p - c_R)
"""

from __future__ import annotations

import sympy

from symtrust.core.numbers import exact_number
from symtrust.errors import ModelError
from symtrust.games.continuous.offer_model import OfferGame, offer_game
from symtrust.games.continuous_types.distributions import ContinuousType
from symtrust.logic.decide import decide

__all__ = ["crisis_bargaining"]


def crisis_bargaining(
    power,
    proposer_cost,
    receiver_cost: ContinuousType,
    *,
    players=("proposer", "receiver"),
    offer_name: str = "x",
    cost_name: str = "c_R",
    assumptions=None,
    name: str = "crisis bargaining (Fearon 1995)",
) -> OfferGame:
    """Fearon's bargaining game with a privately known cost of war.

    Parameters
    ----------
    power : exact number or parameter
        ``p``, the receiver's probability of winning a war.
    proposer_cost : exact number or parameter
        ``c_P``, the proposer's cost of war.
    receiver_cost : ContinuousType
        The distribution of the receiver's cost ``c_R``.
    players : (str, str)
    offer_name, cost_name : str
        Names of the offer and cost symbols.
    assumptions : iterable of sympy Boolean, optional

    Raises
    ------
    ModelError
        A float, string or nan; a distribution that is not a ContinuousType.

    Examples
    --------
    >>> from symtrust.games.continuous_types import uniform
    >>> crisis_bargaining(0.5, 1, uniform(0, 1))
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: power p is the float 0.5: ...
    """
    p = exact_number(power, "power p")
    c_p = exact_number(proposer_cost, "proposer's cost of war c_P")
    if not isinstance(receiver_cost, ContinuousType):
        raise ModelError(
            f"receiver_cost={receiver_cost!r} must be a ContinuousType (for "
            "instance uniform(lo, hi))"
        )
    x = sympy.Symbol(offer_name, real=True)
    c_r = sympy.Symbol(cost_name, real=True)
    game = offer_game(
        x,
        (0, 1),
        c_r,
        receiver_cost,
        accept=(1 - x, x),
        reject=(1 - p - c_p, p - c_r),
        players=players,
        assumptions=assumptions,
        name=name,
    )
    for value, holds, rule, what, hint in (
        (p, sympy.And(p >= 0, p <= 1), "0 <= p <= 1", "power p", "interval('p', 0, 1)"),
        (c_p, c_p > 0, "c_P > 0", "proposer's cost of war c_P", "positive('c_P')"),
    ):
        verdict = decide(holds, game.assumptions)
        if holds is sympy.false or verdict.truth is False:
            at = verdict.counterexample or {}
            shown = ", ".join(f"{k} = {v}" for k, v in sorted(at.items(), key=str))
            raise ModelError(
                f"{what}={value} breaks the rule {rule} (p is a probability of "
                "winning; war is costly)"
                + (f": it fails at the admissible point {shown}" if shown else "")
                + (f"; declare its domain, e.g. {hint}" if shown else "")
            )
    return game
