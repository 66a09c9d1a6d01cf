"""Internals of the reassurance solvers: best replies, trust, memoisation.

Kydd (2005, ch. 7; ``models.md`` section 5), reconstruction. The entry points
live in :mod:`symtrust.kydd.reassurance.costly_signal` and
:mod:`symtrust.kydd.reassurance.gestures`; they share two steps (the gesture
levels come from the general family,
:func:`symtrust.games.continuous_signals._levels.solve_level`):

1. a type's best stage-2 payoff against the other's action, decided by the
   sign of the payoff difference under the assumptions;
2. trust in the sender after a gesture, by the engine's Bayes' rule
   (:func:`symtrust.games.bayesian.posterior.posterior`) over the types T
   (trustworthy) and U.

Examples
--------
>>> from symtrust import positive
>>> c, w = positive("c w")
>>> table = {("C", "C"): 1, ("C", "D"): -c, ("D", "C"): 2, ("D", "D"): -w}
>>> best_reply_payoff(table, "C", [])
2
"""

from __future__ import annotations

from collections import OrderedDict

from sympy import S

from symtrust.errors import SolverError
from symtrust.games.bayesian.posterior import posterior
from symtrust.logic.conditions import sign_under, simplify_cleared

__all__ = ["best_reply_payoff", "memoised", "require", "trust_after"]

#: Recent results by (solver, game identity); the game is held, so its id stays.
_MEMO: OrderedDict = OrderedDict()
MEMO_SIZE = 64


def memoised(solver, game, compute):
    """``compute(game)``, remembered for this very game object.

    The games hold dicts, so they cannot key a cache by value; a result is
    reused only for the identical (immutable) game, so a derivation that asks
    for the separating equilibrium and then for all equilibria solves once.

    Examples
    --------
    >>> calls = []
    >>> game = object()
    >>> memoised("demo", game, lambda g: calls.append(g) or 1)
    1
    >>> memoised("demo", game, lambda g: calls.append(g) or 1), len(calls)
    (1, 1)
    """
    key = (solver, id(game))
    hit = _MEMO.get(key)
    if hit is not None and hit[0] is game:
        _MEMO.move_to_end(key)
        return hit[1]
    result = compute(game)
    _MEMO[key] = (game, result)
    while len(_MEMO) > MEMO_SIZE:
        _MEMO.popitem(last=False)
    return result


def best_reply_payoff(table: dict, other: str, assumptions):
    """A type's best payoff against the other's action, decided by sign.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> table = {("C", "C"): 1, ("C", "D"): -c, ("D", "C"): 2, ("D", "D"): -w}
    >>> best_reply_payoff(table, "D", [c > w])
    -w
    """
    diff = table[("C", other)] - table[("D", other)]
    sign = sign_under(diff, assumptions)
    if sign is None:
        raise SolverError(f"cannot decide the best reply to {other}: sign of {diff}")
    return table[("C", other)] if sign >= 0 else table[("D", other)]


def trust_after(prior, untrustworthy_sends, assumptions, *, what: str):
    """Trust after a gesture T always sends and U sends with some probability.

    Returns the engine's :class:`~symtrust.results.Posterior` over T and U.

    Examples
    --------
    >>> import sympy
    >>> trust_after(sympy.Rational(1, 3), 0, [], what="a gesture")["T"]
    1
    """
    return posterior(
        {"T": prior, "U": 1 - prior},
        {"T": S.One, "U": untrustworthy_sends},
        assumptions=assumptions,
        observation=what,
    )


def require(cond, assumptions, what: str) -> None:
    """Raise :class:`~symtrust.errors.SolverError` unless ``cond`` always holds.

    Examples
    --------
    >>> from symtrust import positive
    >>> c = positive("c")
    >>> require(c + 1 > 0, [], "positivity")
    """
    out = simplify_cleared(cond, assumptions)
    if out is not S.true:
        raise SolverError(f"{what} does not hold under the assumptions: {out}")
