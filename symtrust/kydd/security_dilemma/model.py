"""The Security Dilemma Game as the last stage of a larger game.

Kydd (2005, ch. 2; reconstruction in ``models.md`` section 2): payoffs to a
player against another (row = own move) are

    ======  ========  ==========
            other C   other D
    ======  ========  ==========
    own C   1         -c + g
    own D   t         -w + g
    ======  ========  ==========

where ``t`` is the player's type (trustworthy iff t < 1), c > w >= 0, and
``g`` is a gain the player collects whenever the other defects (0 in the
plain game; arms ``d`` in the spiral model). :func:`stage_game` is the
symmetric 2x2 normal-form game of two players of one type, on which the
engine's generic solvers derive what the book's models need
(:mod:`symtrust.kydd.security_dilemma.stage`).

Examples
--------
>>> from symtrust import interval, positive
>>> t = interval("t", 0, 1, right_open=True)
>>> c, w = positive("c w")
>>> stage_game(t, c, w, assumptions=[c > w]).payoff(("D", "C"))
(t, -c)
"""

from __future__ import annotations

from sympy import S

from symtrust.games.normal_form.catalog import symmetric_2x2
from symtrust.games.normal_form.model import NormalFormGame

__all__ = ["sdg_payoffs", "stage_game"]


def sdg_payoffs(t, c, w, gain=S.Zero) -> dict:
    """Payoffs of one player of the Security Dilemma Game, keyed (own, other).

    Examples
    --------
    >>> import sympy
    >>> t, c, w = sympy.symbols("t c w")
    >>> sdg_payoffs(t, c, w)[("D", "C")]
    t
    """
    return {
        ("C", "C"): S.One,
        ("C", "D"): -c + gain,
        ("D", "C"): t,
        ("D", "D"): -w + gain,
    }


def stage_game(t, c, w, *, gain=S.Zero, assumptions=()) -> NormalFormGame:
    """The symmetric Security Dilemma Game of two players of type ``t``.

    Parameters
    ----------
    t : sympy.Expr
        Both players' type (the value of exploiting a cooperator).
    c, w : sympy.Expr
        Cost of being exploited and of mutual defection.
    gain : sympy.Expr
        What a player gains whenever the other defects (arms).
    assumptions : Assumptions or iterable of Boolean
        Relations between the parameters (c > w, t < 1, ...).

    Examples
    --------
    >>> import sympy
    >>> t, c, w, d = sympy.symbols("t c w d", positive=True)
    >>> stage_game(t, c, w, gain=d).payoff(("C", "D"))
    (-c + d, t)
    """
    pay = sdg_payoffs(t, c, w, gain)
    return symmetric_2x2(
        pay[("C", "C")],
        pay[("C", "D")],
        pay[("D", "C")],
        pay[("D", "D")],
        assumptions=assumptions,
        name="Security Dilemma Game",
    )
