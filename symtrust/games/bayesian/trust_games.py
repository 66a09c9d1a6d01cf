"""Ready-made Bayesian games: types given by their own 2x2 payoff tables.

Kydd (2005, ch. 1) models trust with two-player games in which each player is
independently *trustworthy* with probability :math:`t_i` (Assurance-game
preferences: it prefers to reciprocate cooperation) or *untrustworthy*
(Prisoner's-Dilemma preferences: it prefers to exploit cooperation).
:func:`trust_game` builds exactly that game; :func:`type_game` the general
private-values case, where each type of each player has its own table of own
payoffs (rows: own action; columns: the other's action). Both return a
validated :class:`~symtrust.games.bayesian.model.BayesianGame`.

Examples
--------
>>> from symtrust import probability
>>> t = probability("t")
>>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t)
>>> g.payoff(("C", "D"), ("trustworthy", "untrustworthy"))
(1, 4)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from symtrust.core.numbers import exact_number
from symtrust.errors import ModelError
from symtrust.games.bayesian.model import BayesianGame, bayesian_game
from symtrust.games.normal_form.model import (
    NormalFormGame,
    _names,
    as_matrix,
    as_payoff,
)

__all__ = ["TRUSTWORTHY", "UNTRUSTWORTHY", "trust_game", "type_game"]

#: Type labels used by :func:`trust_game`.
TRUSTWORTHY, UNTRUSTWORTHY = "trustworthy", "untrustworthy"


def _own_table(table, actions, where: str) -> tuple:
    """A player's own-payoff table: rows own actions, columns the other's."""
    if isinstance(table, NormalFormGame):
        if table.actions != (actions, actions):
            raise ModelError(
                f"{where}: game actions {table.actions} differ from {actions}"
            )
        return tuple(tuple(table.utility(0, (a, b)) for b in actions) for a in actions)
    rows = as_matrix(table, where)
    if len(rows) != len(actions) or any(len(r) != len(actions) for r in rows):
        raise ModelError(
            f"{where} must be a {len(actions)}x{len(actions)} table of own payoffs "
            f"(rows: own action in {actions}; columns: the other's), got "
            f"{len(rows)}x{len(rows[0])}: {table!r}"
        )
    return tuple(
        tuple(
            as_payoff(u, f"{where}[{a}, {b}]") for b, u in zip(actions, r, strict=True)
        )
        for a, r in zip(actions, rows, strict=True)
    )


def type_game(
    own_payoffs,
    priors: Sequence[Mapping],
    *,
    players: Sequence[str] = ("row", "column"),
    actions: Sequence[str] = ("C", "D"),
    assumptions=(),
    name: str = "",
) -> BayesianGame:
    """A two-player game where each type has its own table of own payoffs.

    Payoffs are private values: a player's payoff depends on its own type
    and the action profile only. Types are independent across players.

    Parameters
    ----------
    own_payoffs : mapping, or sequence of two mappings
        Type -> square table ``[own action][other's action]`` of the player's
        own payoff (a nested sequence, a SymPy matrix, or a symmetric
        NormalFormGame whose row payoffs are taken). One mapping is used for
        both players.
    priors : sequence of two mappings
        Each player's prior over its types.
    players : pair of str
        Player names.
    actions : sequence of str
        The common action set (default ``("C", "D")``).
    assumptions : iterable of sympy Boolean
        Relations between parameters.
    name : str
        A label for printing.

    Examples
    --------
    >>> from symtrust import probability
    >>> a, b = probability("a b")
    >>> g = type_game({"hawk": [[2, 0], [3, 1]], "dove": [[3, 1], [2, 0]]},
    ...               [{"hawk": a, "dove": 1 - a}, {"hawk": b, "dove": 1 - b}])
    >>> g.payoff(("C", "D"), ("dove", "hawk"))
    (1, 3)
    """
    actions = _names(actions, "actions")
    players = _names(players, "players")
    if len(players) != 2:
        raise ModelError(f"type_game builds two-player games; players are {players}")
    if isinstance(own_payoffs, Mapping):
        own_payoffs = (own_payoffs, own_payoffs)
    if (
        isinstance(own_payoffs, str)
        or not isinstance(own_payoffs, Sequence)
        or len(own_payoffs) != 2
    ):
        raise ModelError(
            "own_payoffs must be one mapping type -> table, or one per player, "
            f"got {own_payoffs!r}"
        )
    if (
        isinstance(priors, Mapping)
        or not isinstance(priors, Sequence)
        or len(priors) != 2
    ):
        raise ModelError(f"priors must be one mapping per player (2), got {priors!r}")
    tables = []
    for p, own in zip(players, own_payoffs, strict=True):
        if not isinstance(own, Mapping) or not own:
            raise ModelError(f"own payoffs of {p!r} must be a mapping type -> table")
        tables.append(
            {
                t: _own_table(tab, actions, f"table of {p!r}, type {t!r}")
                for t, tab in own.items()
            }
        )
    types = tuple(tuple(t) for t in tables)
    payoffs = {}
    for t0, t1 in itertools.product(*types):
        for i0, a0 in enumerate(actions):
            for i1, a1 in enumerate(actions):
                payoffs[((a0, a1), (t0, t1))] = (
                    tables[0][t0][i0][i1],
                    tables[1][t1][i1][i0],
                )
    return bayesian_game(
        players,
        (actions, actions),
        types,
        priors,
        payoffs,
        assumptions=assumptions,
        name=name,
    )


def trust_game(
    trustworthy,
    untrustworthy,
    trust,
    *,
    players: Sequence[str] = ("row", "column"),
    actions: Sequence[str] = ("C", "D"),
    assumptions=(),
    name: str = "",
) -> BayesianGame:
    """Kydd's trust game: each player independently trustworthy with prob t_i.

    Parameters
    ----------
    trustworthy, untrustworthy : table or NormalFormGame
        Own-payoff tables of the two types (rows: own action; columns: the
        other's), e.g. Assurance and Prisoner's Dilemma payoffs.
    trust : expression or pair of expressions
        Each player's probability of being trustworthy (one value for both).
    players, actions, assumptions, name
        As in :func:`type_game`.

    Examples
    --------
    >>> from symtrust import probability
    >>> t = probability("t")
    >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t)
    >>> print(g.marginals[1])
    {trustworthy: t, untrustworthy: 1 - t}
    """
    if isinstance(trust, (tuple, list)):
        if len(trust) != 2:
            raise ModelError(
                f"trust must be one value or one per player, got {trust!r}"
            )
        trust = tuple(trust)
    else:
        trust = (trust, trust)
    players = _names(players, "players")
    if len(players) != 2:
        raise ModelError(f"trust_game builds two-player games; players are {players}")
    priors = []
    for p, t in zip(players, trust, strict=True):
        t = exact_number(t, f"trust in {p!r} (the prior that it is trustworthy)")
        priors.append({TRUSTWORTHY: t, UNTRUSTWORTHY: 1 - t})
    return type_game(
        {TRUSTWORTHY: trustworthy, UNTRUSTWORTHY: untrustworthy},
        priors,
        players=players,
        actions=actions,
        assumptions=assumptions,
        name=name,
    )
