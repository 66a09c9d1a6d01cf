"""The two-type Security Dilemma Game as the last stage of a larger game.

A model-layer module: the stage game's payoff table and two facts every game
built on it needs (derived here once, by the engine, when a game is built).

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
plain game; arms ``d`` in the spiral model). Two facts feed the signaling and
arming games:

1. **Minimum trust threshold.** A trustworthy player who believes the other is
   trustworthy with probability q, and expects the trustworthy type to
   cooperate and the untrustworthy type to defect, cooperates iff
   ``EU(C) >= EU(D)``; solving the indifference for q gives the threshold mu.
2. **Value of being trusted.** A player's payoff when the other cooperates
   minus its payoff when the other defects, each at the player's own best
   reply, is what a sender gains from being trusted.

Both are derived here by the engine (``sympy.solve`` and sign decisions under
the assumptions), never typed.

Examples
--------
>>> from symtrust import interval, nonnegative, positive
>>> t = interval("t", 0, 1, right_open=True)
>>> c, w = positive("c w")
>>> mu, steps = trust_threshold(t, c, w, assumptions=[c > w])
>>> sorted(map(str, mu.free_symbols))
['c', 't', 'w']
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.core.result import Step
from symtrust.errors import SolverError, UnsupportedError
from symtrust.logic.conditions import sign_under
from symtrust.logic.decide import as_conditions

__all__ = ["sdg_payoffs", "trust_threshold", "value_of_trust"]


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


def trust_threshold(t, c, w, *, gain=S.Zero, assumptions=()):
    """Minimum trust at which a trustworthy player cooperates, derived by solve.

    Parameters
    ----------
    t : sympy.Expr
        The player's own (trustworthy) type, below 1.
    c, w : sympy.Expr
        Cost of being exploited and of mutual defection.
    gain : sympy.Expr
        What the player gains whenever the other defects (arms); it cancels.
    assumptions : Assumptions or iterable of Boolean

    Returns
    -------
    (sympy.Expr, tuple of Step)
        The threshold and the derivation.

    Examples
    --------
    >>> import sympy
    >>> t, c, w = sympy.symbols("t c w", positive=True)
    >>> mu, _ = trust_threshold(t, c, w)
    >>> sympy.simplify(mu - (c - w) / (1 - t + c - w))
    0
    """
    q = sympy.Dummy("q")
    pay = sdg_payoffs(t, c, w, gain)
    # expected payoffs: the other's trustworthy type cooperates, untrustworthy defects
    eu_c = q * pay[("C", "C")] + (1 - q) * pay[("C", "D")]
    eu_d = q * pay[("D", "C")] + (1 - q) * pay[("D", "D")]
    roots = sympy.solve(sympy.Eq(eu_c, eu_d), q, dict=True)
    if len(roots) != 1:
        raise SolverError(
            f"the indifference EU(C) = EU(D) gave {len(roots)} solutions for trust; "
            "expected exactly one (is t < 1 and c > w assumed?)"
        )
    mu = sympy.factor(roots[0][q])
    # present the fraction with a leading-positive denominator
    num, den = sympy.fraction(mu)
    if den.could_extract_minus_sign():
        mu = sympy.expand(-num) / sympy.expand(-den)
    qs = sympy.Symbol("q")
    steps = (
        Step("EU(C)", eu_c.subs(q, qs), "other's trustworthy type cooperates"),
        Step("EU(D)", eu_d.subs(q, qs), "other's untrustworthy type defects"),
        Step("trust threshold", mu, "solve EU(C) = EU(D) for q"),
    )
    return mu, steps


def _best(payoffs: dict, other: str, conds, what: str):
    """Own best reply to the other's action, decided under the assumptions."""
    diff = sympy.simplify(payoffs[("C", other)] - payoffs[("D", other)])
    sign = sign_under(diff, conds)
    if sign is None:
        raise UnsupportedError(
            f"cannot decide the {what}'s best reply to {other}: the sign of "
            f"{diff} varies or is undecided under the assumptions"
        )
    own = "C" if sign >= 0 else "D"
    return own, payoffs[(own, other)]


def value_of_trust(t, c, w, *, gain=S.Zero, assumptions=(), who="sender"):
    """What a player of type t gains when the other cooperates rather than defects.

    Each side is evaluated at the player's own best reply, decided under the
    assumptions (a trustworthy type reciprocates, an untrustworthy one exploits).

    Returns
    -------
    (sympy.Expr, tuple of Step)

    Examples
    --------
    >>> from symtrust import parameter, positive
    >>> tU = parameter("t_U", lower=1, left_open=True)
    >>> c, w = positive("c w")
    >>> value_of_trust(tU, c, w, assumptions=[c > w])[0]
    t_U + w
    """
    conds = as_conditions(assumptions)
    pay = sdg_payoffs(t, c, w, gain)
    own_c, v_c = _best(pay, "C", conds, who)
    own_d, v_d = _best(pay, "D", conds, who)
    value = sympy.expand(v_c - v_d)
    steps = (
        Step(f"{who} reply when trusted", sympy.Symbol(own_c), f"payoff {v_c}"),
        Step(f"{who} reply when distrusted", sympy.Symbol(own_d), f"payoff {v_d}"),
        Step(f"{who} value of being trusted", value, "difference of best payoffs"),
    )
    return value, steps
