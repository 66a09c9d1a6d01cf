"""The explicit game tree of a stage game repeated a given number of times.

Each period the players move in turn at information sets that hide the
others' moves of the same period (a simultaneous stage), after a history
that everyone observes; a leaf pays the undiscounted sum of the stage payoffs
along its history. The tree is built with the extensive-form family
(:func:`~symtrust.games.extensive.decision`,
:func:`~symtrust.games.extensive.game_tree`), so its subgame-perfect
equilibria come from :func:`~symtrust.games.extensive.spe`: the independent
computation the finite-horizon twin compares with.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> g = prisoners_dilemma()
>>> point = dict(zip(sorted(g.parameters, key=str), (1, 3, 0, 5)))  # P R S T
>>> tree = repeated_tree(g.subs(point), 2)
>>> len(tree.infosets)
10
"""

from __future__ import annotations

from sympy import S

from symtrust.errors import ModelError
from symtrust.games.extensive.builder import game_tree
from symtrust.games.extensive.model import ExtensiveGame
from symtrust.games.extensive.nodes import decision
from symtrust.games.normal_form.model import NormalFormGame

__all__ = ["history_label", "repeated_tree"]

#: The largest tree the twin builds (leaves), to keep brute force brief.
MAX_LEAVES = 4096


def history_label(history: tuple) -> str:
    """The information-set suffix naming an observed history.

    Examples
    --------
    >>> history_label(()), history_label((("C", "D"),))
    ('start', 'CD')
    """
    if not history:
        return "start"
    return "|".join("".join(p) for p in history)


def _stage(game, history, periods, total, k):
    """The players' moves of one period, player k onwards, then what follows."""
    if k == len(game.players):
        raise AssertionError("unreachable")  # pragma: no cover
    player = game.players[k]
    branches = {}
    for a in game.actions[k]:
        chosen = (*total[1], a)
        if k + 1 < len(game.players):
            branches[a] = _stage(game, history, periods, (total[0], chosen), k + 1)
        else:
            pay = game.payoff(chosen)
            sums = tuple(x + y for x, y in zip(total[0], pay, strict=True))
            branches[a] = _period(game, (*history, chosen), periods, sums)
    return decision(player, branches, info=f"{player} {history_label(history)}")


def _period(game, history, periods, sums):
    if len(history) == periods:
        return tuple(sums)
    return _stage(game, history, periods, (sums, ()), 0)


def repeated_tree(stage: NormalFormGame, periods: int) -> ExtensiveGame:
    """The stage game played ``periods`` times, every history observed.

    Raises
    ------
    ModelError
        A stage that is not a NormalFormGame, a period count that is not a
        positive int, or a tree beyond :data:`MAX_LEAVES` leaves.

    Examples
    --------
    >>> from symtrust.catalog import matching_pennies
    >>> repeated_tree(matching_pennies(), 1).players
    ('row', 'column')
    """
    if not isinstance(stage, NormalFormGame):
        raise ModelError(f"expected a NormalFormGame, got {type(stage).__name__}")
    if isinstance(periods, bool) or not isinstance(periods, int) or periods < 1:
        raise ModelError(f"periods={periods!r} must be an int >= 1")
    cells = len(stage.table)
    if cells**periods > MAX_LEAVES:
        raise ModelError(
            f"{periods} periods of a stage with {cells} profiles give "
            f"{cells**periods} leaves, beyond {MAX_LEAVES}"
        )
    zero = tuple(S.Zero for _ in stage.players)
    root = _period(stage, (), periods, zero)
    return game_tree(
        root,
        players=stage.players,
        assumptions=stage.assumptions.conditions,
        name=f"{stage.name or 'stage game'} repeated {periods} times",
    )
