"""Brute-force pure Nash equilibria of a numeric normal-form game, exactly.

The numeric twin of :func:`symtrust.pure_nash`, written independently of it:
a profile ``a`` is a pure Nash equilibrium iff for every player ``i`` and
every action ``b`` of ``i``, ``u_i(b, a_{-i}) <= u_i(a)`` (Nash 1951). With
numeric payoffs each comparison is exact (:class:`fractions.Fraction` for
rationals, SymPy's exact sign for algebraic numbers), so enumeration of all
profiles and all unilateral deviations decides the set of pure equilibria
exactly.

Steps:

1. read every payoff exactly: a Fraction, or a real SymPy constant such as
   ``sqrt(2)`` (refusing symbolic or undefined payoffs: substitute a
   parameter point first);
2. for each player, the best payoff it can reach against each profile of the
   others (one pass over the table);
3. a profile is an equilibrium iff every player's payoff there attains that
   best reply value.

Examples
--------
>>> from symtrust import bimatrix
>>> pure_equilibria(bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]]))
(('D', 'D'),)
"""

from __future__ import annotations

import itertools

from symtrust.core.exact import compare, value_at
from symtrust.core.twins import skip
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import NormalFormGame

__all__ = ["game_at", "pure_equilibria"]


def game_at(game, point):
    """The game with a point substituted; the point is skipped where a payoff is undefined.

    A twin calls it: where the game itself is undefined (a zero denominator
    in a payoff) there is nothing to compare.

    Examples
    --------
    >>> from symtrust import bimatrix, real
    >>> x = real("x")
    >>> game_at(bimatrix([[x, 0], [0, 0]], [[0, 0], [0, 0]]), {x: 2}).payoff(("C", "C"))
    (2, 0)
    """
    numeric = game.subs(point, strict=False)
    if any(value_at(u) is None for vec in numeric.table for u in vec):
        skip("a payoff is undefined at this point")
    return numeric


def _payoff(value, where: str):
    """One payoff exactly: a Fraction, or a real SymPy constant such as sqrt(2)."""
    try:
        exact = value_at(value)
    except ModelError as exc:
        raise ModelError(
            f"payoff at {where} is {value}, not a number: substitute a parameter "
            f"point first ({exc})"
        ) from None
    if exact is None or isinstance(exact, bool):
        raise ModelError(f"payoff at {where} is {value!r}, undefined or not real")
    return exact


def pure_equilibria(game: NormalFormGame) -> tuple[tuple[str, ...], ...]:
    """Every pure Nash equilibrium of a numeric game, by enumeration.

    Parameters
    ----------
    game : NormalFormGame
        A game whose payoffs are exact real numbers (rationals, or constants
        such as ``sqrt(2)``).

    Returns
    -------
    tuple of tuple of str
        The equilibrium profiles, in ``itertools.product`` order of actions.

    Raises
    ------
    ModelError
        A payoff that is symbolic, undefined or not real.

    Examples
    --------
    >>> from symtrust import bimatrix
    >>> pure_equilibria(bimatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]]))
    (('C', 'C'), ('D', 'D'))
    >>> pure_equilibria(bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]]))
    ()
    """
    if not isinstance(game, NormalFormGame):
        raise ModelError(
            f"pure_equilibria needs a NormalFormGame, got {type(game).__name__}"
        )
    n = len(game.actions)
    sizes = [len(a) for a in game.actions]
    index_profiles = list(itertools.product(*(range(k) for k in sizes)))
    # 1. the payoff table as exact fractions, keyed by action indices
    table = {}
    for idx, vec in zip(index_profiles, game.table, strict=True):
        where = ",".join(game.actions[i][j] for i, j in enumerate(idx))
        table[idx] = tuple(_payoff(u, where) for u in vec)
    # 2. best reachable payoff of player i against each profile of the others
    best = [{} for _ in range(n)]
    for idx, vec in table.items():
        for i in range(n):
            others = idx[:i] + idx[i + 1 :]
            if others not in best[i] or compare(vec[i], best[i][others]) > 0:
                best[i][others] = vec[i]
    # 3. equilibria: every player attains its best reply value
    out = []
    for idx in index_profiles:
        vec = table[idx]
        if all(compare(vec[i], best[i][idx[:i] + idx[i + 1 :]]) == 0 for i in range(n)):
            out.append(tuple(game.actions[i][j] for i, j in enumerate(idx)))
    return tuple(out)
