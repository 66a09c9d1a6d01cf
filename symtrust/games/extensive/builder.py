"""Building a validated game tree: :func:`game_tree`.

``game_tree(root)`` indexes the nested nodes a theorist wrote (preorder ids,
paths, information sets) and validates everything at once (see
:mod:`symtrust.games.extensive._validate`): payoffs, chance probabilities
under the assumptions, information sets, perfect recall. A signaling game is
an extensive-form game, so ``game_tree(signaling_game)`` gives its tree.

Examples
--------
>>> from symtrust import game_tree, probability
>>> from symtrust.games.extensive import chance, decision
>>> p = probability("p")
>>> g = game_tree(chance({"H": (p, (1, 0)), "T": (1 - p, (0, 1))}))
>>> g.players
('player 1', 'player 2')
>>> game_tree(chance({"H": (p, (1, 0)), "T": (p, (0, 1))}))
Traceback (most recent call last):
...
symtrust.errors.ModelError: the probabilities at the chance node 'root' sum to 2*p, which differs from 1 at the admissible point {p: 0}
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from symtrust.errors import ModelError
from symtrust.games.extensive._validate import (
    check_chance,
    check_recall,
    exact_probability,
    group_infosets,
    leaf_payoffs,
)
from symtrust.games.extensive.model import ExtensiveGame, InfoSet, TreeNode, path_name
from symtrust.games.extensive.nodes import Chance, Decision, Terminal, as_node
from symtrust.games.signaling.model import SignalingGame
from symtrust.logic.assumptions import build_assumptions

__all__ = ["game_tree", "index_tree"]


def _walk(root):
    """Preorder records ``[node, path, parent]`` with children; cycles refused."""
    records = []
    stack = [(root, (), None)]
    while stack:
        obj, path, parent = stack.pop()
        # an ancestor that is this very object would make the walk endless
        up = parent
        while up is not None:
            if records[up][0] is obj:
                raise ModelError(
                    f"the tree has a cycle: the node at {path_name(path)!r} is its "
                    f"own ancestor at {path_name(records[up][1])!r}"
                )
            up = records[up][2]
        nid = len(records)
        records.append([obj, path, parent, []])
        if parent is not None:
            records[parent][3].append(nid)
        if isinstance(obj, Decision):
            subs = [(a, as_node(c, f"after {a!r}")) for a, c in obj.branches]
        elif isinstance(obj, Chance):
            subs = [(a, as_node(c, f"after {a!r}")) for a, _, c in obj.branches]
        elif isinstance(obj, Terminal):
            subs = []
        else:
            raise ModelError(
                f"the node at {path_name(path)!r} is {obj!r}, not a decision, "
                "chance node or leaf"
            )
        for action, child in reversed(subs):
            stack.append((child, (*path, action), nid))
    return records


def _players(records, players) -> tuple:
    movers = []
    for obj, *_ in records:
        if isinstance(obj, Decision) and obj.player not in movers:
            movers.append(obj.player)
    if players is None:
        if movers:
            return tuple(movers)
        # no decision at all: name the players after the payoff vectors
        widths = {len(o.payoffs) for o, *_ in records if isinstance(o, Terminal)}
        n = max(widths) if widths else 1
        return tuple(f"player {k + 1}" for k in range(n))
    if isinstance(players, str) or not isinstance(players, Sequence):
        raise ModelError(f"players must be a sequence of names, got {players!r}")
    players = tuple(players)
    for p in players:
        if not isinstance(p, str) or not p.strip():
            raise ModelError(f"player names must be nonempty strings, got {p!r}")
    if len(set(players)) != len(players):
        raise ModelError(f"players {players} contain a duplicate name")
    for obj, path, *_ in records:
        if isinstance(obj, Decision) and obj.player not in players:
            raise ModelError(
                f"the decision node {path_name(path)!r} belongs to {obj.player!r}, "
                f"who is not among the players {players}"
            )
    return players


def index_tree(root, players, assume, name="") -> ExtensiveGame:
    """Index and validate nested nodes under checked assumptions.

    The lower-level entry point of :func:`game_tree` (players already known,
    assumptions already built), used when a tree is rebuilt at a point.

    Examples
    --------
    >>> from symtrust.core.assumptions import Assumptions
    >>> from symtrust.games.extensive import decision
    >>> index_tree(decision("A", {"x": (1,), "y": (0,)}), ("A",), Assumptions(())).players
    ('A',)
    """
    records = _walk(root)
    payoffs = {}
    for nid, (obj, path, *_) in enumerate(records):
        if isinstance(obj, Terminal):
            payoffs[nid] = leaf_payoffs(obj, path, players)
    return _finish(root, records, players, assume, payoffs, name)


def _finish(root, records, players, assume, payoffs, name) -> ExtensiveGame:
    probs = {}
    for nid, (obj, path, *_) in enumerate(records):
        if isinstance(obj, Chance):
            probs[nid] = check_chance(path, obj.actions, obj.probabilities, assume)
    decisions = [
        (nid, path, obj.player, obj.actions, obj.info)
        for nid, (obj, path, *_) in enumerate(records)
        if isinstance(obj, Decision)
    ]
    groups = group_infosets(decisions)
    info_of, infosets = {}, []
    for k, (label, player, actions, members) in enumerate(groups):
        infosets.append(InfoSet(k, label, player, tuple(actions), members))
        for m in members:
            info_of[m] = k
    # subtree intervals: preorder ids are contiguous below each node
    end = [0] * len(records)
    for nid in range(len(records) - 1, -1, -1):
        kids = records[nid][3]
        end[nid] = end[kids[-1]] if kids else nid + 1
    nodes = []
    for nid, (obj, path, parent, kids) in enumerate(records):
        kind = (
            "decision"
            if isinstance(obj, Decision)
            else "chance"
            if isinstance(obj, Chance)
            else "terminal"
        )
        nodes.append(
            TreeNode(
                id=nid,
                end=end[nid],
                path=path,
                kind=kind,
                parent=parent,
                actions=() if kind == "terminal" else obj.actions,
                children=tuple(kids),
                player=obj.player if kind == "decision" else None,
                infoset=info_of.get(nid),
                probabilities=probs.get(nid, ()),
                payoffs=payoffs.get(nid, ()),
                label=obj.label if kind == "terminal" else "",
            )
        )
    nodes, infosets = tuple(nodes), tuple(infosets)
    check_recall(nodes, infosets)
    return ExtensiveGame(root, players, assume, name, nodes, infosets)


def game_tree(
    root,
    *,
    players: Sequence[str] | None = None,
    assumptions: Iterable = (),
    name: str = "",
) -> ExtensiveGame:
    """Build and validate an extensive-form game.

    Parameters
    ----------
    root : Decision, Chance, leaf payoffs, or SignalingGame
        The tree, written with :func:`~symtrust.games.extensive.decision`,
        :func:`~symtrust.games.extensive.chance` and payoff tuples; or a
        signaling game, whose tree (nature, sender, receiver) is returned.
    players : sequence of str, optional
        The players, fixing the order of payoff vectors; by default the
        movers in order of first appearance.
    assumptions : iterable of sympy Boolean
        Relations between parameters (``c > w``); domains are added.
    name : str
        A label for printing.

    Returns
    -------
    ExtensiveGame

    Raises
    ------
    ModelError
        With the path of the node at fault: a payoff vector of the wrong
        length or with a string or float, chance probabilities outside [0, 1]
        or not summing to one, an information set mixing players or action
        sets, imperfect recall, a cycle, a mover who is not a player.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": decision("B", {"l": (1, 2), "r": (0, 0)}),
    ...                              "y": (2, 1)}))
    >>> g.node("x/l").payoffs
    (1, 2)
    >>> game_tree(decision("A", {"x": decision("B", {"l": (1, 2), "r": (0,)}),
    ...                          "y": (2, 1)}))
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: the leaf 'x/r' has 1 payoff(s) (0,); there are 2 players ('A', 'B')
    """
    if isinstance(root, SignalingGame):
        if players is not None:
            raise ModelError("a signaling game's tree has the players sender, receiver")
        return _signaling_tree(root, name=name)
    if not isinstance(name, str):
        raise ModelError(f"name must be a string, got {name!r}")
    root = as_node(root, "at the root")
    records = _walk(root)
    inferred = players is None
    players = _players(records, players)
    payoffs, symbols = {}, set()
    for nid, (obj, path, *_) in enumerate(records):
        if isinstance(obj, Terminal):
            payoffs[nid] = leaf_payoffs(obj, path, players, inferred=inferred)
            for u in payoffs[nid]:
                symbols |= u.free_symbols
        elif isinstance(obj, Chance):
            for label, p in zip(obj.actions, obj.probabilities, strict=True):
                symbols |= exact_probability(p, label, path).free_symbols
    assume = build_assumptions(assumptions, symbols=symbols)
    return _finish(root, records, players, assume, payoffs, name)


def _signaling_tree(game: SignalingGame, *, name: str = "") -> ExtensiveGame:
    """Nature draws the type, the sender sends, the receiver responds."""
    # local names: one information set per type (sender), per message (receiver)
    by_type = {}
    for i, t in enumerate(game.types):
        messages = {}
        for j, m in enumerate(game.messages):
            leaves = {
                a: (game.sender_payoffs[i][j][k], game.receiver_payoffs[i][j][k])
                for k, a in enumerate(game.actions)
            }
            messages[m] = Decision(
                "receiver",
                tuple((a, Terminal(v)) for a, v in leaves.items()),
                f"receiver after {m}",
            )
        by_type[t] = (
            game.prior[i],
            Decision("sender", tuple(messages.items()), f"sender {t}"),
        )
    root = Chance(tuple((t, p, node) for t, (p, node) in by_type.items()))
    records = _walk(root)
    players = ("sender", "receiver")
    payoffs = {
        nid: tuple(obj.payoffs)
        for nid, (obj, *_) in enumerate(records)
        if isinstance(obj, Terminal)
    }
    return _finish(
        root, records, players, game.assumptions, payoffs, name or game.name or ""
    )
