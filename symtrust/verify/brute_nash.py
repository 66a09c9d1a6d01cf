"""Brute-force pure Nash equilibria of a numeric normal-form game, exactly.

The numeric twin of :func:`symtrust.pure_nash`, written independently of it:
a profile ``a`` is a pure Nash equilibrium iff for every player ``i`` and
every action ``b`` of ``i``, ``u_i(b, a_{-i}) <= u_i(a)`` (Nash 1951). With
numeric payoffs each comparison is a comparison of exact rationals
(:class:`fractions.Fraction`), so enumeration of all profiles and all unilateral
deviations decides the set of pure equilibria exactly.

Steps:

1. read every payoff as an exact Fraction (refusing symbolic or undefined
   payoffs: substitute a parameter point first);
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
from fractions import Fraction

import sympy

from symtrust.errors import ModelError
from symtrust.model.normal_form import NormalFormGame

__all__ = ["exact_payoff", "pure_equilibria"]


def exact_payoff(value, where: str = "") -> Fraction:
    """One numeric payoff as an exact Fraction.

    Raises
    ------
    ModelError
        A payoff with free symbols, an undefined one (zero denominator), or an
        irrational one.

    Examples
    --------
    >>> import sympy
    >>> exact_payoff(sympy.Rational(-3, 4))
    Fraction(-3, 4)
    >>> exact_payoff(sympy.Symbol("x"), "CC")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: payoff at CC is x, not a number: substitute a parameter point first
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, sympy.Expr) and value.free_symbols:
        raise ModelError(
            f"payoff at {where} is {value}, not a number: substitute a parameter "
            "point first"
        )
    raise ModelError(
        f"payoff at {where} is {value!r}, not an exact rational (undefined, or "
        "irrational: brute force compares exact rationals only)"
    )


def pure_equilibria(game: NormalFormGame) -> tuple[tuple[str, ...], ...]:
    """Every pure Nash equilibrium of a numeric game, by enumeration.

    Parameters
    ----------
    game : NormalFormGame
        A game whose payoffs are exact rational numbers.

    Returns
    -------
    tuple of tuple of str
        The equilibrium profiles, in ``itertools.product`` order of actions.

    Raises
    ------
    ModelError
        A payoff that is symbolic, undefined or irrational.

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
        table[idx] = tuple(exact_payoff(u, where) for u in vec)
    # 2. best reachable payoff of player i against each profile of the others
    best = [{} for _ in range(n)]
    for idx, vec in table.items():
        for i in range(n):
            others = idx[:i] + idx[i + 1 :]
            if others not in best[i] or vec[i] > best[i][others]:
                best[i][others] = vec[i]
    # 3. equilibria: every player attains its best reply value
    out = []
    for idx in index_profiles:
        vec = table[idx]
        if all(vec[i] == best[i][idx[:i] + idx[i + 1 :]] for i in range(n)):
            out.append(tuple(game.actions[i][j] for i, j in enumerate(idx)))
    return tuple(out)
