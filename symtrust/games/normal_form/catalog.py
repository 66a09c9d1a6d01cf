"""The classic symbolic 2x2 games, each with its standard ordering assumptions.

Payoffs follow the usual letters for symmetric 2x2 games: R (reward, mutual
cooperation), S (sucker), T (temptation), P (punishment, mutual defection).
The orderings that define each game (Rapoport and Guyer's taxonomy) are the
games' assumptions; every solver reasons under them.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> prisoners_dilemma().assumptions.condition
(P > S) & (R > P) & (T > R)
"""

from __future__ import annotations

from symtrust.core.parameters import positive, real
from symtrust.games.normal_form.model import NormalFormGame, bimatrix

__all__ = [
    "battle_of_the_sexes",
    "chicken",
    "matching_pennies",
    "prisoners_dilemma",
    "stag_hunt",
    "symmetric_2x2",
]


def _rstp():
    return real("R S T P")


def symmetric_2x2(R, S, T, P, *, assumptions=(), name="") -> NormalFormGame:
    """A symmetric 2x2 game with actions C and D from its four payoffs.

    Parameters
    ----------
    R, S, T, P : expressions
        Row player's payoffs at CC, CD, DC and DD.
    assumptions : iterable of Boolean
        Orderings between the payoffs.
    name : str
        A label.

    Examples
    --------
    >>> symmetric_2x2(4, 1, 3, 2, name="Assurance").payoff(("D", "C"))
    (3, 1)
    """
    return bimatrix(
        [[R, S], [T, P]], [[R, T], [S, P]], assumptions=assumptions, name=name
    )


def prisoners_dilemma() -> NormalFormGame:
    """Prisoner's Dilemma: T > R > P > S; defection is dominant.

    Examples
    --------
    >>> prisoners_dilemma().name
    "Prisoner's Dilemma"
    """
    R, S, T, P = _rstp()
    return symmetric_2x2(
        R, S, T, P, assumptions=[T > R, R > P, P > S], name="Prisoner's Dilemma"
    )


def stag_hunt() -> NormalFormGame:
    """Stag Hunt (Assurance): R > T > P > S; two pure equilibria, CC and DD.

    Examples
    --------
    >>> stag_hunt().assumptions.condition
    (P > S) & (R > T) & (T > P)
    """
    R, S, T, P = _rstp()
    return symmetric_2x2(
        R, S, T, P, assumptions=[R > T, T > P, P > S], name="Stag Hunt"
    )


def chicken() -> NormalFormGame:
    """Chicken (Hawk-Dove): T > R > S > P; equilibria CD and DC.

    Examples
    --------
    >>> chicken().name
    'Chicken'
    """
    R, S, T, P = _rstp()
    return symmetric_2x2(R, S, T, P, assumptions=[T > R, R > S, S > P], name="Chicken")


def battle_of_the_sexes() -> NormalFormGame:
    """Battle of the Sexes: coordinate on O or F; each prefers its own (a > b > 0).

    Examples
    --------
    >>> battle_of_the_sexes().payoff(("O", "O"))
    (a, b)
    """
    a, b = positive("a b")
    return bimatrix(
        [[a, 0], [0, b]],
        [[b, 0], [0, a]],
        row_actions=("O", "F"),
        column_actions=("O", "F"),
        assumptions=[a > b],
        name="Battle of the Sexes",
    )


def matching_pennies() -> NormalFormGame:
    """Matching Pennies with stake a > 0: no pure equilibrium.

    Examples
    --------
    >>> matching_pennies().payoff(("H", "T"))
    (-a, a)
    """
    a = positive("a")
    return bimatrix(
        [[a, -a], [-a, a]],
        [[-a, a], [a, -a]],
        row_actions=("H", "T"),
        column_actions=("H", "T"),
        name="Matching Pennies",
    )
