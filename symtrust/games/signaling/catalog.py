"""Textbook signaling games: beer-quiche and a Spence-style job market.

* **Beer-quiche** (Cho and Kreps 1987, "Signaling games and stable
  equilibria", QJE 102, p. 185): the sender is weak (prior ``p``, 1/10 in the
  paper) or strong; it chooses beer or quiche for breakfast; the receiver
  duels or not. The weak type prefers quiche, the strong type beer (1 for the
  preferred breakfast) and both gain 2 from avoiding a duel; the receiver gets
  1 from duelling a weak sender or not duelling a strong one, else 0.
* **Job market** (after Spence 1973, two types, two education levels): a
  worker of high or low ability (prior ``q`` of high) chooses education E or
  none N at cost ``c_H`` or ``c_L`` (``c_H < c_L``); the employer puts the
  worker in a skilled (S) or unskilled (U) job; the skilled job pays 1 more;
  the employer gets 1 from matching the job to ability, else 0.

Only the game descriptions are written here; every equilibrium is derived by
:func:`symtrust.pbe`.

Examples
--------
>>> beer_quiche().types
('weak', 'strong')
>>> job_market().u_S("low", "E", "S")
1 - c_L
"""

from __future__ import annotations

import sympy

from symtrust.core.parameters import interval, positive
from symtrust.games.signaling.model import signaling_game

__all__ = ["beer_quiche", "job_market"]


def beer_quiche(weak_prior=None):
    """The beer-quiche game of Cho and Kreps (1987).

    Parameters
    ----------
    weak_prior : exact number or sympy.Expr, optional
        Prior probability of the weak type; 1/10 (the paper's value) by
        default. Pass a parameter such as ``interval("p", 0, 1)`` to keep it
        symbolic.

    Examples
    --------
    >>> beer_quiche().prior
    (1/10, 9/10)
    """
    p = sympy.Rational(1, 10) if weak_prior is None else weak_prior
    payoffs = {}
    for t in ("weak", "strong"):
        liked = "quiche" if t == "weak" else "beer"
        for m in ("beer", "quiche"):
            for a in ("duel", "not"):
                u_s = int(m == liked) + 2 * int(a == "not")
                u_r = int((a == "duel") == (t == "weak"))
                payoffs[(t, m, a)] = (u_s, u_r)
    return signaling_game(
        ("weak", "strong"),
        ("beer", "quiche"),
        ("duel", "not"),
        payoffs,
        prior={"weak": p, "strong": 1 - p},
        name="beer-quiche (Cho-Kreps 1987)",
    )


def job_market(prior_high=None, cost_high=None, cost_low=None):
    """A Spence-style job-market signaling game with two types and two levels.

    Parameters
    ----------
    prior_high : exact number or sympy.Expr, optional
        Prior probability of high ability; the parameter ``q`` in (0, 1) by
        default.
    cost_high, cost_low : exact number or sympy.Expr, optional
        Education costs; positive parameters ``c_H < c_L`` by default.

    Examples
    --------
    >>> job_market().assumptions.conditions[-1]
    c_H < c_L
    """
    q = interval("q", 0, 1, left_open=True, right_open=True)
    c_H, c_L = positive("c_H c_L")
    q = q if prior_high is None else prior_high
    ch = c_H if cost_high is None else cost_high
    cl = c_L if cost_low is None else cost_low
    cost = {"high": ch, "low": cl}
    payoffs = {}
    for t in ("high", "low"):
        for m in ("E", "N"):
            for a in ("S", "U"):
                wage = 1 if a == "S" else 0
                u_s = wage - (cost[t] if m == "E" else 0)
                u_r = int((a == "S") == (t == "high"))
                payoffs[(t, m, a)] = (u_s, u_r)
    stated = []
    if cost_high is None and cost_low is None:
        stated.append(c_H < c_L)
    return signaling_game(
        ("high", "low"),
        ("E", "N"),
        ("S", "U"),
        payoffs,
        prior={"high": q, "low": 1 - q},
        assumptions=stated,
        name="job market (Spence-style)",
    )
