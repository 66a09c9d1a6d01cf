"""Internals of the arming-game solver: stage-2 play and the candidate rates.

Kydd (2005, ch. 3; ``models.md`` section 3), reconstruction. The entry points
live in :mod:`symtrust.kydd.arming.equilibria`; this module holds the steps
their docstring numbers:

* stage 2 plays the cooperative equilibrium iff both sides' trust reaches the
  threshold mu; trust after Not is 1, so whether a build keeps cooperation
  is the *regime* (:class:`~symtrust.kydd.arming.regimes.Regime`);
* a security seeker's gain from building, excluding its cost, summed over the
  other's type and move from the stage-2 payoff tables;
* the candidate building rates of one regime (corners s = 0 and s = 1, and the
  roots of s = k*(s)/K, split by the sign of their denominator when it is not
  fixed) and the raw validity condition of each.

Examples
--------
>>> import sympy
>>> from symtrust.kydd.arming.model import arming_game
>>> g = arming_game(prior=sympy.Rational(1, 2), cost_bound=1, arms_gain=1,
...                 t_secure=0, t_greedy=2, c=3, w=1)
>>> gain_expression(g, Regime.DESTROYED)
s
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.errors import SolverError
from symtrust.kydd.arming.regimes import Regime, Shape
from symtrust.logic.conditions import clear_denominators, sign_under

__all__ = [
    "candidate_rates",
    "cooperate",
    "gain_expression",
    "raw_validity",
]


def cooperate(regime: Regime, built_i: bool, built_j: bool) -> bool:
    """Stage-2 cooperation: both trusts reach mu (trust after Not is 1).

    Examples
    --------
    >>> cooperate(Regime.DESTROYED, True, False), cooperate(Regime.TOLERATED, True, True)
    (False, True)
    """
    tolerated = regime.tolerated
    return (not built_i or tolerated) and (not built_j or tolerated)


def _stage2(game, regime, built_i, type_j, built_j):
    """Security seeker i's stage-2 payoff from the tables."""
    table = game.table("S", built_i)
    if cooperate(regime, built_i, built_j):
        # i cooperates; the other's S cooperates, its G defects (dominant)
        return table[("C", "C")] if type_j == "S" else table[("C", "D")]
    return table[("D", "D")]


def gain_expression(game, regime: Regime) -> sympy.Expr:
    """k*(s) = EU(Build) - EU(Not) of a security seeker, excluding its cost.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> g = arming_game(prior=sympy.Rational(1, 2), cost_bound=1, arms_gain=1,
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> gain_expression(g, Regime.TOLERATED)
    1/2
    """
    pi, s = game.prior, game.rate
    # the other's (type, move) distribution: S builds with rate s, G always
    others = (("S", True, pi * s), ("S", False, pi * (1 - s)), ("G", True, 1 - pi))

    def eu(built):
        return sum(
            (p * _stage2(game, regime, built, t, b) for t, b, p in others), S.Zero
        )

    return sympy.expand(eu(True) - eu(False))


def candidate_rates(game, gain, regime: Regime) -> list:
    """``(shape, rate, case)`` for the corners and each root of s = k*(s)/K.

    An interior root whose denominator has no fixed sign under the assumptions
    becomes two candidates, one per sign (``case``), so that its validity
    condition can be cleared of that denominator.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> half = sympy.Rational(1, 2)
    >>> g = arming_game(prior=half, cost_bound=half, arms_gain=sympy.Rational(3, 4),
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> gain = gain_expression(g, Regime.DESTROYED)
    >>> [(str(shape), rate) for shape, rate, _ in
    ...  candidate_rates(g, gain, Regime.DESTROYED)]
    [('corner s = 0', 0), ('corner s = 1', 1), ('interior', 1/2)]
    """
    s = game.rate
    roots = sympy.solve(sympy.Eq(s, gain / game.cost_bound), s)
    if len(roots) > 1:
        raise SolverError(f"several interior rates {roots} in regime {regime!r}")
    out = [(Shape.NONE_BUILD, S.Zero, S.true), (Shape.ALL_BUILD, S.One, S.true)]
    for r in roots:
        rate = sympy.factor(r)
        _, den = sympy.fraction(sympy.together(rate))
        sign = sign_under(den, game.assumptions)
        # a denominator of unknown sign: one candidate per sign (cleared forms)
        cases = (den > 0, den < 0) if sign is None else (S.true,)
        out += [(Shape.INTERIOR, rate, case) for case in cases]
    return out


def raw_validity(game, regime: Regime, shape: Shape, rate, gain, trust):
    """Unsimplified validity of one candidate rate, and the cutoff k* there.

    The rate is a best response (a corner's gain is beyond the cost range, an
    interior rate lies in (0, 1)) and the regime is consistent with the trust
    after a build at that rate.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> g = arming_game(prior=sympy.Rational(1, 2), cost_bound=1, arms_gain=1,
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> s = g.rate
    >>> raw_validity(g, Regime.DESTROYED, Shape.NONE_BUILD, 0, s, s / (s + 1))
    (True, 0)
    """
    K, mu, s = game.cost_bound, game.threshold, game.rate
    at = gain.subs(s, rate)
    # regime consistency, cleared of the (positive) denominators while s is free,
    # so that substituting the rate leaves only the rate's own denominator
    relation = trust >= mu if regime.tolerated else trust < mu
    consistent = clear_denominators(relation, game.assumptions).subs(s, rate)
    if shape is Shape.NONE_BUILD:
        best = at <= 0
    elif shape is Shape.ALL_BUILD:
        best = at >= K
    else:
        best = sympy.And(rate > 0, rate < 1)
    return sympy.And(best, consistent), at
