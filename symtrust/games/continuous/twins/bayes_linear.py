"""Numeric twin of linear Bayesian equilibria: exact interim best responses.

At an exact point, for each player and each own type on a grid of its
support, the interim expected utility of every action on a grid of the
player's interval (and beside the equilibrium action) is computed by exact
integration of the utility against the other players' densities, the others
playing their equilibrium strategies; none may beat the equilibrium action
(only its neighbours where concavity was not proved).

Examples
--------
>>> import sympy
>>> from symtrust.games.continuous import bayesian_continuous_game, linear_bayes_nash
>>> from symtrust.games.continuous_types import uniform
>>> x, t = sympy.symbols("x t", real=True)
>>> g = bayesian_continuous_game(("A",), (x,), (t,), (uniform(0, 1),),
...     (-(x - t)**2,), bounds=((0, 1),))
>>> linear_bayes_twin(linear_bayes_nash(g), {}) is None
True
"""

from __future__ import annotations

import sympy

from symtrust.core.exact import compare
from symtrust.core.twins import defined_value, holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.continuous.bayes_linear import LinearBayesEquilibrium
from symtrust.games.continuous.twins._grid import exact_integral, grid

__all__ = ["linear_bayes_twin"]

TYPES = 4


def _interim(game, i, strategies, own_type):
    """E[u_i | theta_i = own_type] as a function of the own action (exact integrals)."""
    u = game.utilities[i].xreplace({game.types[i]: own_type})
    for j, (a, t) in enumerate(zip(game.actions, game.types, strict=True)):
        if j == i:
            continue
        lo, hi = game.distributions[j].support
        u = exact_integral(u.xreplace({a: strategies[j]}) * game.density(j), t, lo, hi)
    return u


@twin(LinearBayesEquilibrium)
def linear_bayes_twin(r, point) -> None:
    """No type of any player gains by a grid deviation, in interim expectation."""
    if not holds(r.condition, point, "the equilibrium's condition"):
        skip("the equilibrium's condition is false here")
    game = r.game.subs(point, strict=False)
    strategies = tuple(
        sympy.sympify(s, strict=True).xreplace(point) for s in r.strategies
    )
    for i, (p, t) in enumerate(zip(game.players, game.types, strict=True)):
        lo_t, hi_t = game.distributions[i].support
        lo, hi = game.bounds[i]
        for k in range(TYPES + 1):
            theta = lo_t + (hi_t - lo_t) * sympy.Rational(k, TYPES)
            mine = defined_value(strategies[i], {t: theta}, f"{p}'s action")
            interim = _interim(game, i, strategies, theta)
            here = defined_value(interim, {game.actions[i]: mine}, "interim utility")
            lo_v = lo if lo.is_finite is False else defined_value(lo, {}, "bound")
            hi_v = hi if hi.is_finite is False else defined_value(hi, {}, "bound")
            for d in grid(lo_v, hi_v, mine, local=r.concave[i] is not True):
                there = defined_value(interim, {game.actions[i]: d}, "interim utility")
                if compare(there, here) > 0:
                    raise VerificationError(
                        f"type {theta} of {p} gains by playing {d} instead of {mine}: "
                        f"{there} > {here} at {point}"
                    )
