"""Extensive-form games with symbolic payoffs and chance probabilities.

An :class:`ExtensiveGame` is a validated game tree (Kuhn 1953; Osborne and
Rubinstein 1994, ch. 6 and 11): the nested nodes a theorist wrote
(:mod:`symtrust.games.extensive.nodes`), its players, and the conjunction of
assumptions on its parameters. Building it (:func:`symtrust.game_tree`)
indexes the tree once:

* every node in preorder as a :class:`TreeNode`, named by its *path*, the
  actions from the root (``("trust", "honor")``), with its subtree as the id
  interval ``[id, end)``;
* every information set as an :class:`InfoSet`: one player, one action set,
  its member nodes.

Solvers work on this index; the nested nodes stay as the user wrote them.

Examples
--------
>>> from symtrust import game_tree, real
>>> from symtrust.games.extensive import decision
>>> h, a = real("h a")
>>> g = game_tree(decision("investor", {
...     "trust": decision("trustee", {"honor": (1, h), "abuse": (-1, a)}),
...     "not": (0, 0)}), name="trust game")
>>> g.players
('investor', 'trustee')
>>> g.node(("trust", "abuse")).payoffs
(-1, a)
>>> [i.label for i in g.infosets]
['investor@root', 'trustee@trust']
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.printing import Printable, register_layout
from symtrust.errors import ModelError
from symtrust.games.extensive.nodes import Chance, Decision, Terminal
from symtrust.games.normal_form.model import substitute_point

__all__ = [
    "ExtensiveGame",
    "InfoSet",
    "TreeDrawing",
    "TreeNode",
    "path_name",
    "tree_text",
]


def path_name(path) -> str:
    """A node's path as text: ``"root"`` or the actions joined by ``/``.

    Examples
    --------
    >>> path_name(()), path_name(("trust", "honor"))
    ('root', 'trust/honor')
    """
    return "/".join(path) if path else "root"


@dataclass(frozen=True)
class TreeNode:
    """One node of an indexed tree.

    Attributes
    ----------
    id : int
        Preorder position; the subtree is the id interval ``[id, end)``.
    end : int
        One past the last id of the subtree.
    path : tuple of str
        The actions (and chance outcomes) from the root.
    kind : str
        ``"decision"``, ``"chance"`` or ``"terminal"``.
    parent : int or None
        The parent's id (None at the root).
    actions : tuple of str
        The labels of the branches, in order.
    children : tuple of int
        The children's ids, aligned with ``actions``.
    player : str or None
        The mover at a decision node.
    infoset : int or None
        The information set's index in ``ExtensiveGame.infosets``.
    probabilities : tuple
        At a chance node, aligned with ``actions``.
    payoffs : tuple
        At a leaf, one SymPy expression per player (the game's order).
    label : str
        A leaf's outcome name.
    """

    id: int
    end: int
    path: tuple
    kind: str
    parent: int | None
    actions: tuple = ()
    children: tuple = ()
    player: str | None = None
    infoset: int | None = None
    probabilities: tuple = ()
    payoffs: tuple = ()
    label: str = ""

    @property
    def is_terminal(self) -> bool:
        """Whether the node is a leaf."""
        return self.kind == "terminal"

    def child(self, action: str) -> int:
        """The id of the child after ``action``."""
        if action not in self.actions:
            raise ModelError(
                f"node {path_name(self.path)!r} has no action {action!r}; "
                f"actions are {self.actions}"
            )
        return self.children[self.actions.index(action)]


@dataclass(frozen=True)
class InfoSet:
    """An information set: decision nodes one player cannot tell apart.

    Attributes
    ----------
    id : int
        Index in ``ExtensiveGame.infosets``.
    label : str
        Its name (given with ``info=``, else ``player@path``).
    player : str
        The owner.
    actions : tuple of str
        The actions available at every member.
    members : tuple of int
        Member node ids, in preorder.
    """

    id: int
    label: str
    player: str
    actions: tuple
    members: tuple


@dataclass(frozen=True)
class ExtensiveGame(Printable):
    """A validated finite game tree; build it with :func:`symtrust.game_tree`.

    Attributes
    ----------
    root : Decision, Chance or Terminal
        The nested nodes as written.
    players : tuple of str
        The players; every leaf's payoff vector follows this order.
    assumptions : Assumptions
        Parameter domains and stated relations.
    name : str
        A label for printing.
    nodes : tuple of TreeNode
        Every node in preorder (``nodes[0]`` is the root).
    infosets : tuple of InfoSet
        Every information set, in preorder of first member.
    """

    root: Any
    players: tuple
    assumptions: Assumptions
    name: str = ""
    nodes: tuple = field(default=(), compare=False, repr=False)
    infosets: tuple = field(default=(), compare=False, repr=False)

    # -- lookup --------------------------------------------------------------
    def node(self, path) -> TreeNode:
        """The node at a path of actions (a tuple, or ``"a/b"``).

        Examples
        --------
        >>> from symtrust import game_tree
        >>> from symtrust.games.extensive import decision
        >>> game_tree(decision("A", {"x": (1,), "y": (0,)})).node("y").payoffs
        (0,)
        """
        if isinstance(path, str):
            path = () if path in ("", "root") else tuple(path.split("/"))
        node = self.nodes[0]
        for step, action in enumerate(tuple(path)):
            if action not in node.actions:
                here = path_name(path[:step])
                raise ModelError(
                    f"no node at path {path_name(path)!r}: "
                    + (
                        f"{here!r} is a leaf"
                        if node.is_terminal
                        else f"node {here!r} has actions {node.actions}"
                    )
                )
            node = self.nodes[node.child(action)]
        return node

    def infoset(self, label: str) -> InfoSet:
        """The information set with a label.

        Raises
        ------
        ModelError
            If no information set has that label.
        """
        for info in self.infosets:
            if info.label == label:
                return info
        raise ModelError(
            f"no information set {label!r}; they are {[i.label for i in self.infosets]}"
        )

    def infosets_of(self, player: str) -> tuple:
        """The information sets of one player, in preorder."""
        if player not in self.players:
            raise ModelError(f"unknown player {player!r}; players are {self.players}")
        return tuple(i for i in self.infosets if i.player == player)

    def player_index(self, player: str) -> int:
        """Position of a player in :attr:`players` (and in payoff vectors)."""
        if player not in self.players:
            raise ModelError(f"unknown player {player!r}; players are {self.players}")
        return self.players.index(player)

    @property
    def terminals(self) -> tuple:
        """The leaves, in preorder."""
        return tuple(n for n in self.nodes if n.is_terminal)

    @property
    def is_perfect_information(self) -> bool:
        """Whether every information set is a single node."""
        return all(len(i.members) == 1 for i in self.infosets)

    @property
    def has_chance(self) -> bool:
        """Whether nature moves somewhere."""
        return any(n.kind == "chance" for n in self.nodes)

    @property
    def parameters(self) -> frozenset:
        """Free symbols of payoffs, probabilities and assumptions."""
        out = set(self.assumptions.symbols)
        for n in self.nodes:
            for e in (*n.payoffs, *n.probabilities):
                out |= e.free_symbols
        return frozenset(out)

    def subs(self, point, *, strict: bool = True) -> ExtensiveGame:
        """The game at a parameter point: payoffs and probabilities substituted.

        The structure is unchanged. The point is validated as every ``subs``
        in symtrust validates it (:func:`~symtrust.core.point.check_point`:
        keys are the game's parameters, values exact and inside their
        domains); the stated assumptions are substituted, one the point makes
        false is refused, one it makes true is dropped. With ``strict=False``
        keys that are not parameters of the game are ignored (a point of a
        larger model, such as a result's with belief symbols).

        Raises
        ------
        ModelError
            A value that is not exact, a probability leaving [0, 1] or
            probabilities no longer summing to one.
        AssumptionError
            A point that violates an assumption or a domain.

        Examples
        --------
        >>> from symtrust import game_tree, real
        >>> from symtrust.games.extensive import decision
        >>> h, a = real("h a")
        >>> g = game_tree(decision("B", {"honor": (h,), "abuse": (a,)}),
        ...               assumptions=[h > a])
        >>> g.subs({h: 2}).node("honor").payoffs
        (2,)
        >>> g.subs({h: 0, a: 1})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: h = 0, a = 1 violates the assumption h > a (it becomes 0 > 1)
        """
        values, assume = substitute_point(
            self.parameters,
            self.assumptions,
            point,
            where=f"the game {self.name!r}" if self.name else "the game tree",
            strict=strict,
        )
        nodes = []
        for n in self.nodes:
            probs = tuple(p.xreplace(values) for p in n.probabilities)
            if probs:
                _check_numeric(n, probs)
            nodes.append(
                replace(
                    n,
                    probabilities=probs,
                    payoffs=tuple(u.xreplace(values) for u in n.payoffs),
                )
            )
        return ExtensiveGame(
            _substitute(self.root, values),
            self.players,
            assume,
            self.name,
            tuple(nodes),
            self.infosets,
        )

    def in_subtree(self, node_id: int, root_id: int) -> bool:
        """Whether ``node_id`` lies in the subtree of ``root_id``."""
        root = self.nodes[root_id]
        return root.id <= node_id < root.end

    # -- printing --------------------------------------------------------------
    def display_rows(self):
        """Rows for documents: name, players, the drawing, assumptions."""
        rows = [
            ("game", self.name or "game tree"),
            ("players", self.players),
            ("game tree", TreeDrawing(self)),
        ]
        if self.assumptions.conditions:
            rows.append(("assumptions", self.assumptions.condition))
        return tuple(rows)


@dataclass(frozen=True)
class TreeDrawing(Printable):
    """A game's tree as a figure (laid out by :mod:`symtrust.render.tree_tikz`).

    Attributes
    ----------
    game : ExtensiveGame
    """

    game: Any


def _edge(node: TreeNode, k: int, printer) -> str:
    action = node.actions[k]
    if node.kind == "chance":
        return f"{action} ({printer._print(node.probabilities[k])})"
    return action


def _head(game: ExtensiveGame, node: TreeNode, printer) -> str:
    if node.kind == "terminal":
        pay = ", ".join(printer._print(u) for u in node.payoffs)
        label = f"  [{node.label}]" if node.label else ""
        return f"({pay}){label}"
    if node.kind == "chance":
        return "chance"
    info = game.infosets[node.infoset]
    shared = f"  {{{info.label}}}" if len(info.members) > 1 else ""
    return f"{node.player}{shared}"


def tree_text(game: ExtensiveGame, printer) -> str:
    """The tree as an indented outline (its text layout).

    Examples
    --------
    >>> from symtrust import game_tree, probability
    >>> from symtrust.games.extensive import chance, decision
    >>> p = probability("p")
    >>> g = game_tree(chance({"good": (p, decision("A", {"x": (1,), "y": (0,)},
    ...                                               info="A's move")),
    ...                       "bad": (1 - p, decision("A", {"x": (-1,), "y": (0,)},
    ...                                               info="A's move"))}),
    ...               name="a guess")
    >>> print(g)
    a guess (players: A)
    chance
    ├─ good (p) → A  {A's move}
    │  ├─ x → (1)
    │  └─ y → (0)
    └─ bad (1 - p) → A  {A's move}
       ├─ x → (-1)
       └─ y → (0)
    """
    title = f"{game.name or 'game tree'} (players: {', '.join(game.players)})"
    root = game.nodes[0]
    return "\n".join([title, _head(game, root, printer), *_lines(game, root, printer)])


def _children(game, node, prefix, printer) -> list:
    out = []
    for k, cid in enumerate(node.children):
        last = k == len(node.children) - 1
        text = (
            f"{prefix}{'└─ ' if last else '├─ '}{_edge(node, k, printer)} → "
            f"{_head(game, game.nodes[cid], printer)}"
        )
        out.append((text, cid, prefix + ("   " if last else "│  ")))
    return out


def _lines(game, root, printer) -> list:
    """Lines below the root, in preorder, without recursion (deep trees)."""
    out = []
    work = list(reversed(_children(game, root, "", printer)))
    while work:
        text, cid, prefix = work.pop()
        out.append(text)
        work.extend(reversed(_children(game, game.nodes[cid], prefix, printer)))
    return out


def _drawing_text(obj: TreeDrawing, printer) -> str:
    return tree_text(obj.game, printer)


def _rows_latex(obj, printer) -> str:
    # the fallback LaTeX layout; symtrust.render.tree_tikz replaces it
    return r"\text{" + (obj.name or "game tree") + "}"


def _check_numeric(node: TreeNode, probs) -> None:
    for a, p in zip(node.actions, probs, strict=True):
        if p.is_number and not (S.Zero <= p <= S.One):
            raise ModelError(
                f"at the point, the probability of {a!r} at the chance node "
                f"{path_name(node.path)!r} is {p}, outside [0, 1]"
            )
    total = sum(probs, S.Zero)
    if total.is_number and total != 1:
        raise ModelError(
            f"at the point, the probabilities at {path_name(node.path)!r} sum to "
            f"{total}, not 1"
        )


def _substitute(root, values):
    """The nested nodes with every payoff and probability substituted."""
    # post-order without recursion: children are rebuilt before their parent
    done: dict = {}
    stack = [(root, False)]
    while stack:
        obj, ready = stack.pop()
        if id(obj) in done:
            continue
        if isinstance(obj, Terminal):
            if obj.by_player:
                pays = tuple((k, _x(v, values)) for k, v in obj.payoffs)
            else:
                pays = tuple(_x(v, values) for v in obj.payoffs)
            done[id(obj)] = replace(obj, payoffs=pays)
            continue
        kids = (
            [c for _, c in obj.branches]
            if isinstance(obj, Decision)
            else [c for _, _, c in obj.branches]
        )
        if not ready:
            stack.append((obj, True))
            stack.extend(
                (c, False) for c in kids if isinstance(c, (Decision, Chance, Terminal))
            )
            continue
        if isinstance(obj, Decision):
            branches = tuple((a, done.get(id(c), c)) for a, c in obj.branches)
        else:
            branches = tuple(
                (a, _x(p, values), done.get(id(c), c)) for a, p, c in obj.branches
            )
        done[id(obj)] = replace(obj, branches=branches)
    return done[id(root)]


def _x(value, values):
    return value.xreplace(values) if hasattr(value, "xreplace") else value


register_layout(ExtensiveGame, text=tree_text, latex=_rows_latex)
register_layout(
    TreeDrawing,
    text=_drawing_text,
    latex=lambda obj, printer: _rows_latex(obj.game, printer),
)
