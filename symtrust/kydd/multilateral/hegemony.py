"""The hegemony game of chapter 5: one hegemon and n - 1 equal small states.

Kydd (2005), chapter 5 (a reconstruction; ``models.md`` section 4). One
hegemon of power ``m`` and trust ``pi_h`` faces ``n - 1`` small states of power
``(1 - m) / (n - 1)`` and trust ``pi_s`` each, in the multilateral trust game
of :mod:`symtrust.kydd.multilateral.model`. The small states are one exchangeable
group, so ``n`` may stay a symbol (an integer parameter ``n >= 3``).

Examples
--------
>>> g = hegemony_game()
>>> g.size, g.actor("small").size
(n, n - 1)
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy
from sympy import Interval, S

from symtrust.core.numbers import exact_number
from symtrust.core.parameters import Parameter, interval, nonnegative, probability
from symtrust.errors import ModelError
from symtrust.kydd.multilateral.model import MultilateralGame, actor, multilateral_game

__all__ = ["hegemony_game"]


def hegemony_game(
    n=None,
    *,
    m=None,
    pi_h=None,
    pi_s=None,
    t=None,
    c=None,
    c_h=None,
    c_s=None,
    w=None,
    greedy_temptation=None,
    aggregation: str = "power",
    assumptions: Iterable = (),
) -> MultilateralGame:
    """One hegemon of power ``m`` and ``n - 1`` equal small states.

    Each small state has power ``(1 - m) / (n - 1)``; the hegemon is trustworthy
    with probability ``pi_h``, each small state with ``pi_s``. The small states
    form one exchangeable group of size ``n - 1``: ``n`` may stay symbolic.

    Parameters
    ----------
    n : int or integer Parameter, optional
        Number of players, at least 3; default an integer parameter ``n >= 3``.
    m, pi_h, pi_s, t, c, w, greedy_temptation : optional
        Hegemon's power, trusts, trustworthy temptation (common), cost of being
        exploited (common), cost of conflict and greedy temptation. Defaults
        are parameters: ``m`` in (0, 1), probabilities ``pi_h, pi_s``,
        ``t`` in [0, 1), ``w >= 0``, ``c > w``, ``t_U > 1``.
    c_h, c_s : optional
        The hegemon's and the small states' own costs of being exploited
        (default ``c`` for both).
    aggregation : {"power", "weakest_link"}
        How bilateral payoffs combine.
    assumptions : iterable of sympy Boolean
        Further relations (e.g. ``c_h > w`` for a given ``c_h``).

    Examples
    --------
    >>> g = hegemony_game(4)
    >>> g.actor("small").size, g.actor("small").power
    (3, 1/3 - m/3)
    """
    if n is None:
        n = Parameter("n", Interval(3, S.Infinity), integer=True)
    n = exact_number(n, "number of states n")
    if n.is_integer is not True or (n.is_number and n < 3):
        raise ModelError(
            f"number of states n={n} must be a whole number, 3 or more (one hegemon "
            "and at least two small states), or an integer parameter"
        )
    m = interval("m", 0, 1, left_open=True, right_open=True) if m is None else m
    if pi_h is None or pi_s is None:
        ph, ps = probability("pi_h pi_s")
        pi_h = ph if pi_h is None else pi_h
        pi_s = ps if pi_s is None else pi_s
    t = interval("t", 0, 1, right_open=True) if t is None else t
    stated = list(assumptions)
    if w is None:
        w = nonnegative("w")
    if c is None and (c_h is None or c_s is None):
        c = Parameter("c", Interval.open(0, S.Infinity))
        stated.append(c > w)
    c_h = c if c_h is None else c_h
    c_s = c if c_s is None else c_s
    if greedy_temptation is None:
        greedy_temptation = Parameter("t_U", Interval.open(1, S.Infinity))
    small_power = (1 - m) / (n - 1)
    if n.is_Integer:
        small_power = sympy.expand(small_power)
    actors = (
        actor("hegemon", power=m, trust=pi_h, temptation=t, cost=c_h),
        actor(
            "small",
            power=small_power,
            trust=pi_s,
            temptation=t,
            cost=c_s,
            size=n - 1,
            min_size=2,
        ),
    )
    return multilateral_game(
        actors,
        w=w,
        greedy_temptation=greedy_temptation,
        aggregation=aggregation,
        assumptions=stated,
        name="hegemony: one hegemon, n - 1 equal small states",
    )
