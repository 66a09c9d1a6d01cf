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
from fractions import Fraction

import sympy

from symtrust.errors import ModelError
from symtrust.games.normal_form.model import NormalFormGame

__all__ = ["compare", "exact_number", "exact_payoff", "pure_equilibria"]


def exact_payoff(value, where: str = "") -> Fraction:
    """One numeric payoff as an exact Fraction.

    Raises
    ------
    ModelError
        A payoff with free symbols, an undefined one (zero denominator), or an
        irrational one (see :func:`exact_number` for those).

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
        "irrational: use exact_number to compare those)"
    )


def exact_number(value, where: str = ""):
    """One numeric payoff, exactly: a Fraction, or a real SymPy constant.

    Rationals become :class:`fractions.Fraction` (fast exact comparisons);
    other real constants (``sqrt(2)``) stay SymPy numbers, compared exactly
    by :func:`compare`.

    Raises
    ------
    ModelError
        A payoff with free symbols, or an undefined, non-real or inexact one
        (a zero denominator, the root of a negative number, a float).

    Examples
    --------
    >>> import sympy
    >>> exact_number(sympy.Rational(1, 2)), exact_number(sympy.sqrt(2))
    (Fraction(1, 2), sqrt(2))
    """
    try:
        return exact_payoff(value, where)
    except ModelError:
        if not (
            isinstance(value, sympy.Expr)
            and not value.free_symbols
            and not value.has(sympy.Float)
            and value.is_number
            and value.is_finite
            and value.is_real
        ):
            raise
    return value


def compare(a, b) -> int:
    """The sign of ``a - b`` for exact payoffs, decided exactly.

    Raises
    ------
    ModelError
        When SymPy cannot decide the sign of an irrational difference.

    Examples
    --------
    >>> import sympy
    >>> compare(Fraction(3, 2), sympy.sqrt(2)), compare(sympy.sqrt(8), 2 * sympy.sqrt(2))
    (1, 0)
    """
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return (a > b) - (a < b)
    # exact simplification: a zero difference must reduce to 0
    diff = sympy.simplify(sympy.sympify(a, strict=True) - sympy.sympify(b, strict=True))
    if diff == 0:
        return 0
    if diff.is_positive:
        return 1
    if diff.is_negative:
        return -1
    raise ModelError(f"cannot decide the sign of {a} - {b} exactly")


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
        table[idx] = tuple(exact_number(u, where) for u in vec)
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
