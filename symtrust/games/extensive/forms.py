"""A tree's reduced normal form and its agent form.

* A *pure strategy* of player i picks an action at each of i's information
  sets. Two strategies that differ only at sets their own earlier choices
  exclude are equivalent; the *reduced normal form* keeps one of each class
  (Osborne and Rubinstein 1994, sec. 11.2; Gambit marks the excluded sets
  ``*``). With perfect recall a set is excluded iff the player's own history
  at it (:mod:`symtrust.games.extensive._validate`) disagrees with the
  strategy. Payoffs are expected over nature's moves.
* The *agent form* (Selten 1975) gives each information set to its own agent
  with the owner's payoffs; its Nash equilibria are the profiles with no
  profitable deviation at any single information set.

Both are :class:`~symtrust.games.normal_form.model.NormalFormGame` values, so
``pure_nash`` and ``mixed_nash`` apply to trees through them. A reduced
strategy is named by its actions at the sets it reaches, joined by ``_``
(the action itself for a player with one information set).

Examples
--------
>>> from symtrust import game_tree, pure_nash
>>> from symtrust.games.extensive import decision
>>> g = game_tree(decision("entrant", {
...     "in": decision("incumbent", {"fight": (-1, -1), "share": (1, 1)}),
...     "out": (0, 2)}))
>>> [eq.profile for eq in pure_nash(reduced_normal_form(g))]
[('in', 'share'), ('out', 'fight')]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.errors import ModelError
from symtrust.games.extensive.model import ExtensiveGame
from symtrust.games.normal_form.model import NormalFormGame, normal_form_game

__all__ = [
    "ReducedStrategy",
    "agent_form",
    "movers",
    "own_history",
    "pure_outcome",
    "reduced_normal_form",
    "reduced_strategies",
    "strategic_form",
]

#: The one strategy of a player who never moves.
NO_MOVE = "none"


@dataclass(frozen=True)
class ReducedStrategy:
    """A reduced pure strategy: an action at each information set it reaches.

    Attributes
    ----------
    name : str
        Its name in the reduced normal form.
    choices : tuple of (int, str or None)
        Per information set of the player (index in ``game.infosets``), the
        action, or None where the strategy's own choices exclude the set.
    """

    name: str
    choices: tuple

    def action(self, infoset: int):
        """The action at an information set index (None if excluded)."""
        return dict(self.choices).get(infoset)


def _game(game) -> ExtensiveGame:
    if not isinstance(game, ExtensiveGame):
        raise ModelError(
            f"expected an ExtensiveGame (build one with game_tree), got "
            f"{type(game).__name__}"
        )
    return game


def own_history(game: ExtensiveGame, infoset: int) -> tuple:
    """The owner's earlier (information set, action) pairs on the way to a set.

    The same at every member (perfect recall is checked when the game is
    built), so it is read off the first member's path.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": decision("A", {"l": (1,), "r": (0,)}),
    ...                              "y": (2,)}))
    >>> own_history(g, 1)
    ((0, 'x'),)
    """
    info = game.infosets[infoset]
    node = game.nodes[info.members[0]]
    out = []
    while node.parent is not None:
        parent = game.nodes[node.parent]
        if parent.kind == "decision" and parent.player == info.player:
            out.append((parent.infoset, parent.actions[parent.children.index(node.id)]))
        node = parent
    return tuple(reversed(out))


def reduced_strategies(game: ExtensiveGame, player: str) -> tuple:
    """The reduced pure strategies of one player, in a fixed order.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": decision("A", {"l": (1,), "r": (0,)}),
    ...                              "y": (2,)}))
    >>> [s.name for s in reduced_strategies(g, "A")]
    ['x_l', 'x_r', 'y']
    """
    _game(game)
    sets = game.infosets_of(player)
    if not sets:
        return (ReducedStrategy(NO_MOVE, ()),)
    history = {i.id: own_history(game, i.id) for i in sets}
    out = []

    # depth-first over the sets in preorder; a set whose history the choices
    # so far contradict is excluded (None)
    def extend(k, chosen):
        if k == len(sets):
            out.append(tuple(chosen))
            return
        info = sets[k]
        mine = dict(chosen)
        if all(mine.get(j) == a for j, a in history[info.id]):
            for a in info.actions:
                extend(k + 1, [*chosen, (info.id, a)])
        else:
            extend(k + 1, [*chosen, (info.id, None)])

    extend(0, [])
    names = []
    for choices in out:
        acts = [a for _, a in choices if a is not None]
        name = "_".join(acts)
        while name in names:
            name += "'"
        names.append(name)
    return tuple(ReducedStrategy(n, c) for n, c in zip(names, out, strict=True))


def pure_outcome(game: ExtensiveGame, choice: dict, node_id: int = 0) -> tuple:
    """Expected payoffs from a node when every set follows ``choice`` (index -> action).

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": (1,), "y": (0,)}))
    >>> pure_outcome(g, {0: "y"})
    (0,)
    """
    total = [S.Zero] * len(game.players)
    stack = [(node_id, S.One)]
    while stack:
        nid, weight = stack.pop()
        node = game.nodes[nid]
        if node.is_terminal:
            for k, u in enumerate(node.payoffs):
                total[k] += weight * u
        elif node.kind == "chance":
            for c, p in zip(node.children, node.probabilities, strict=True):
                if p != 0:
                    stack.append((c, weight * p))
        else:
            action = choice.get(node.infoset)
            if action is None:
                raise ModelError(
                    f"no action at information set "
                    f"{game.infosets[node.infoset].label!r}, which play reaches"
                )
            stack.append((node.child(action), weight))
    return tuple(sympy.expand(u) for u in total)


def movers(game: ExtensiveGame) -> tuple:
    """The players who move somewhere in the tree, in the game's order.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> movers(game_tree(decision("A", {"x": (1, 0)}), players=("A", "B")))
    ('A',)
    """
    owners = {i.player for i in game.infosets}
    return tuple(p for p in game.players if p in owners)


def strategic_form(
    game: ExtensiveGame, players, *, name: str = "", numbered: bool = False
) -> tuple:
    """The reduced normal form over some players, and their strategies.

    The players left out must not move; their payoffs are left out too.
    Returns ``(NormalFormGame, strategies)`` with ``strategies[k]`` the
    :class:`ReducedStrategy` tuple of ``players[k]``, aligned with the
    game's actions of that player. With ``numbered`` the normal form names
    strategies ``s1, s2, ...`` (solvers that build symbols from names then
    accept any action label).

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": decision("B", {"l": (1, 2), "r": (0, 0)}),
    ...                              "y": (2, 1)}))
    >>> nf, strategies = strategic_form(g, ("A", "B"))
    >>> nf.actions, [s.name for s in strategies[1]]
    ((('x', 'y'), ('l', 'r')), ['l', 'r'])
    """
    players = tuple(players)
    strategies = [reduced_strategies(game, p) for p in players]
    index = [game.player_index(p) for p in players]
    payoffs = {}
    for combo in itertools.product(*strategies):
        choice = {}
        for s in combo:
            choice.update({i: a for i, a in s.choices if a is not None})
        vec = pure_outcome(game, choice)
        payoffs[tuple(s.name for s in combo)] = tuple(vec[k] for k in index)
    names = [
        tuple(f"s{j + 1}" if numbered else s.name for j, s in enumerate(strats))
        for strats in strategies
    ]
    if numbered:
        payoffs = {
            tuple(
                f"s{strats.index(s) + 1}"
                for s, strats in zip(combo, strategies, strict=True)
            ): payoffs[tuple(s.name for s in combo)]
            for combo in itertools.product(*strategies)
        }
    nf = normal_form_game(
        players,
        names,
        payoffs,
        assumptions=game.assumptions.conditions,
        name=name or f"reduced normal form of {game.name or 'the tree'}",
    )
    return nf, tuple(strategies)


def reduced_normal_form(game: ExtensiveGame, *, name: str = "") -> NormalFormGame:
    """The reduced normal form of a tree (see module doc).

    Examples
    --------
    >>> from symtrust import game_tree, real
    >>> from symtrust.games.extensive import decision
    >>> h, a = real("h a")
    >>> g = game_tree(decision("investor", {
    ...     "trust": decision("trustee", {"honor": (1, h), "abuse": (-1, a)}),
    ...     "not": (0, 0)}))
    >>> nf = reduced_normal_form(g)
    >>> nf.actions
    (('trust', 'not'), ('honor', 'abuse'))
    >>> nf.payoff(("not", "abuse"))
    (0, 0)
    """
    _game(game)
    return strategic_form(game, game.players, name=name)[0]


def agent_form(game: ExtensiveGame, *, name: str = "") -> NormalFormGame:
    """The agent form: one agent per information set, with its owner's payoffs.

    Agents are named by their information sets' labels.

    Examples
    --------
    >>> from symtrust import game_tree, pure_nash
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": decision("A", {"l": (1,), "r": (0,)}),
    ...                              "y": (0,)}))
    >>> af = agent_form(g)
    >>> af.players
    ('A@root', 'A@x')
    >>> [eq.profile for eq in pure_nash(af)]
    [('x', 'l'), ('y', 'r')]
    """
    _game(game)
    if not game.infosets:
        raise ModelError("the tree has no decision node, so its agent form is empty")
    owners = [game.player_index(i.player) for i in game.infosets]
    payoffs = {}
    for combo in itertools.product(*(i.actions for i in game.infosets)):
        vec = pure_outcome(game, dict(enumerate(combo)))
        payoffs[combo] = tuple(vec[k] for k in owners)
    return normal_form_game(
        tuple(i.label for i in game.infosets),
        [i.actions for i in game.infosets],
        payoffs,
        assumptions=game.assumptions.conditions,
        name=name or f"agent form of {game.name or 'the tree'}",
    )
