"""Brute force on a numeric tree: every pure profile, checked in every subgame.

Independent of the symbolic solvers: a tree at an exact point becomes plain
:class:`fractions.Fraction` data, and subgame perfection is checked from its
definition (Selten 1965): a profile is subgame perfect iff in every subgame
no player gains by switching to any other pure strategy of that subgame.
Strategies are enumerated outright (every action at every information set),
so this is for the small trees of tests and derivations.

Examples
--------
>>> from symtrust import game_tree
>>> from symtrust.games.extensive import decision
>>> g = game_tree(decision("entrant", {
...     "in": decision("incumbent", {"fight": (-1, -1), "share": (1, 1)}),
...     "out": (0, 2)}))
>>> t = NumericTree(g)
>>> sorted(spe_profiles(t))
[(('entrant@root', 'in'), ('incumbent@in', 'share'))]
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.errors import ModelError, VerificationError

__all__ = ["NumericTree", "exact", "is_subgame_perfect", "spe_profiles"]


def exact(value, what: str = "value") -> Fraction:
    """A SymPy or Python exact number as a Fraction; VerificationError if not one."""
    try:
        if hasattr(value, "p") and hasattr(value, "q"):
            return Fraction(int(value.p), int(value.q))
        if isinstance(value, (int, Fraction)):
            return Fraction(value)
    except (TypeError, ValueError):
        pass
    raise VerificationError(f"{what} = {value} is not an exact rational number")


class NumericTree:
    """A tree with exact Fraction payoffs and probabilities (already at a point).

    Parameters
    ----------
    game : ExtensiveGame
        A game whose payoffs and probabilities are numbers (``game.subs(point)``).
    """

    def __init__(self, game):
        self.game = game
        self.nodes = game.nodes
        self.labels = tuple(i.label for i in game.infosets)
        self.actions = tuple(i.actions for i in game.infosets)
        self.owner = tuple(game.player_index(i.player) for i in game.infosets)
        self.pay = {
            n.id: tuple(exact(u, f"payoff at {n.path}") for u in n.payoffs)
            for n in game.nodes
            if n.is_terminal
        }
        self.prob = {
            n.id: tuple(exact(p, f"probability at {n.path}") for p in n.probabilities)
            for n in game.nodes
            if n.kind == "chance"
        }
        self._memo: dict = {}
        self._below: dict = {}
        self.roots = tuple(
            n.id
            for n in game.nodes
            if not n.is_terminal
            and all(
                len({n.id <= m < n.end for m in info.members}) == 1
                for info in game.infosets
            )
        )

    def value(self, beh, node_id: int = 0) -> tuple:
        """Expected payoffs from a node; ``beh[i]`` maps actions to probabilities."""
        # a pure profile's value from a node depends only on the actions at
        # the information sets of its subtree: computed once per such choice
        key = self._pure_key(beh, node_id)
        if key is not None:
            hit = self._memo.get(key)
            if hit is None:
                hit = self._memo[key] = self._value(beh, node_id)
            return hit
        return self._value(beh, node_id)

    def _pure_key(self, beh, node_id):
        """The actions at the subtree's sets if each is played for sure, else None."""
        below = self._below.get(node_id)
        if below is None:
            node = self.nodes[node_id]
            below = self._below[node_id] = tuple(
                sorted(
                    {
                        n.infoset
                        for n in self.nodes[node.id : node.end]
                        if not n.is_terminal and n.kind != "chance"
                    }
                )
            )
        picks = []
        for i in below:
            mix = beh[i]
            if len(mix) != 1:
                return None
            ((action, p),) = mix.items()
            if p != 1:
                return None
            picks.append(action)
        return node_id, tuple(picks)

    def _value(self, beh, node_id: int) -> tuple:
        out = [Fraction(0)] * len(self.game.players)
        stack = [(node_id, Fraction(1))]
        while stack:
            nid, w = stack.pop()
            node = self.nodes[nid]
            if node.is_terminal:
                for k, u in enumerate(self.pay[nid]):
                    out[k] += w * u
                continue
            if node.kind == "chance":
                probs = self.prob[nid]
            else:
                mix = beh[node.infoset]
                probs = [mix.get(a, Fraction(0)) for a in node.actions]
            for c, p in zip(node.children, probs, strict=True):
                if p:
                    stack.append((c, w * p))
        return tuple(out)

    def reach(self, beh) -> dict:
        """Node id -> probability of reaching it."""
        out = {0: Fraction(1)}
        for node in self.nodes:
            r = out[node.id]
            if node.is_terminal:
                continue
            if node.kind == "chance":
                probs = self.prob[node.id]
            elif r == 0:
                probs = [Fraction(0)] * len(node.children)
            else:
                mix = beh[node.infoset]
                probs = [mix.get(a, Fraction(0)) for a in node.actions]
            for c, p in zip(node.children, probs, strict=True):
                out[c] = r * p
        return out

    def inside(self, root: int) -> tuple:
        """Information sets inside the subtree of ``root``."""
        n = self.nodes[root]
        return tuple(
            info.id for info in self.game.infosets if n.id <= info.members[0] < n.end
        )


def pure(choice) -> dict:
    """Information set -> {action: 1} from information set -> action."""
    return {i: {a: Fraction(1)} for i, a in choice.items()}


def is_subgame_perfect(tree: NumericTree, beh) -> bool:
    """Whether no player gains by any pure deviation in any subgame."""
    for root in tree.roots:
        here = tree.value(beh, root)
        sets = tree.inside(root)
        for k in range(len(tree.game.players)):
            mine = [i for i in sets if tree.owner[i] == k]
            for devs in itertools.product(*(tree.actions[i] for i in mine)):
                trial = dict(beh)
                trial.update(pure(dict(zip(mine, devs, strict=True))))
                if tree.value(trial, root)[k] > here[k]:
                    return False
    return True


def spe_profiles(tree: NumericTree, *, limit: int = 200_000) -> set:
    """Every pure subgame-perfect profile, as ``((label, action), ...)``."""
    sizes = 1
    for acts in tree.actions:
        sizes *= len(acts)
    if sizes > limit:
        raise ModelError(
            f"brute force would enumerate {sizes} pure profiles (limit {limit})"
        )
    out = set()
    for combo in itertools.product(*tree.actions):
        beh = pure(dict(enumerate(combo)))
        if is_subgame_perfect(tree, beh):
            out.add(tuple(zip(tree.labels, combo, strict=True)))
    return out
