"""Nodes of a game tree and the nested constructors that build them.

A finite extensive-form game (Kuhn 1953; Osborne and Rubinstein 1994, ch. 6
and 11) is a rooted tree whose inner nodes are *decision nodes* of named
players or *chance nodes*, and whose leaves carry one payoff per player. A
theorist writes it the way it is drawn, outside in:

* ``decision(player, {action: subtree, ...}, info=label)`` -- a move of
  ``player``; nodes given the same ``info`` label form one information set
  (the player cannot tell them apart);
* ``chance({outcome: (probability, subtree), ...})`` -- a move of nature,
  probabilities exact or symbolic (a prior ``p``);
* a leaf is a tuple of payoffs in the game's player order, a mapping
  ``{player: payoff}``, or ``outcome(*payoffs, label=...)`` when the outcome
  has a name (Gambit files name outcomes).

The values are immutable (frozen dataclasses over tuples), so a tree cannot
contain a cycle and subtrees can be shared freely. The constructors check
only shapes; :func:`symtrust.games.extensive.model.game_tree` validates the
whole tree (payoffs, probabilities, information sets, perfect recall) and
names the node of every error by its path of actions from the root.

Examples
--------
>>> from symtrust import real
>>> h, a = real("h a")
>>> node = decision("investor", {
...     "trust": decision("trustee", {"honor": (1, h), "abuse": (-1, a)}),
...     "not": (0, 0),
... })
>>> node.actions
('trust', 'not')
>>> node.child("trust").player
'trustee'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from symtrust.errors import ModelError

__all__ = ["Chance", "Decision", "Terminal", "chance", "decision", "outcome"]


@dataclass(frozen=True)
class Terminal:
    """A leaf: the payoffs when play ends here.

    Attributes
    ----------
    payoffs : tuple
        One payoff per player, in the game's player order, or pairs
        ``(player, payoff)`` when given as a mapping (resolved and validated
        by :func:`~symtrust.games.extensive.model.game_tree`).
    label : str
        The outcome's name ("" for none).
    by_player : bool
        Whether ``payoffs`` holds ``(player, payoff)`` pairs.
    """

    payoffs: tuple
    label: str = ""
    by_player: bool = False


@dataclass(frozen=True)
class Decision:
    """A decision node of ``player``; ``branches`` pairs each action with a subtree.

    Attributes
    ----------
    player : str
        Who moves.
    branches : tuple of (str, node)
        The actions, in order, each with the subtree it leads to.
    info : str or None
        The information set's label; nodes sharing a label form one set.
    """

    player: str
    branches: tuple
    info: str | None = None

    @property
    def actions(self) -> tuple:
        """The action labels, in order."""
        return tuple(a for a, _ in self.branches)

    def child(self, action: str):
        """The subtree after ``action``.

        Examples
        --------
        >>> decision("A", {"x": (0,), "y": (1,)}).child("y")
        Terminal(payoffs=(1,), label='', by_player=False)
        """
        for a, node in self.branches:
            if a == action:
                return node
        raise ModelError(f"unknown action {action!r}; actions are {self.actions}")


@dataclass(frozen=True)
class Chance:
    """A move of nature; ``branches`` are ``(outcome, probability, subtree)``.

    Attributes
    ----------
    branches : tuple of (str, probability, node)
        Nature's outcomes, in order.
    """

    branches: tuple

    @property
    def actions(self) -> tuple:
        """The outcome labels, in order."""
        return tuple(a for a, _, _ in self.branches)

    @property
    def probabilities(self) -> tuple:
        """The probabilities as given, aligned with :attr:`actions`."""
        return tuple(p for _, p, _ in self.branches)

    def child(self, action: str):
        """The subtree after nature's outcome ``action``."""
        for a, _, node in self.branches:
            if a == action:
                return node
        raise ModelError(f"unknown outcome {action!r}; outcomes are {self.actions}")


Node = Decision | Chance | Terminal


def _label(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ModelError(f"{what} must be a nonempty string, got {value!r}")
    return value


def as_node(value, where: str) -> Any:
    """A subtree as given: a node, or a leaf written as payoffs.

    Examples
    --------
    >>> as_node((1, 2), "after 'x'")
    Terminal(payoffs=(1, 2), label='', by_player=False)
    >>> as_node("win", "after 'x'")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: the subtree after 'x' is the string 'win': give a node (decision, chance) or a leaf's payoffs, e.g. (1, 0)
    """
    if isinstance(value, (Decision, Chance, Terminal)):
        return value
    if isinstance(value, Mapping):
        return outcome(value)
    if isinstance(value, (str, bytes)):
        raise ModelError(
            f"the subtree {where} is the string {value!r}: give a node (decision, "
            "chance) or a leaf's payoffs, e.g. (1, 0)"
        )
    if isinstance(value, Sequence):
        return Terminal(tuple(value))
    raise ModelError(
        f"the subtree {where} is {value!r} of type {type(value).__name__}: give a "
        "node (decision, chance) or a leaf's payoffs, e.g. (1, 0)"
    )


def decision(player: str, branches: Mapping, *, info: str | None = None) -> Decision:
    """A decision node: ``player`` chooses one of the actions in ``branches``.

    Parameters
    ----------
    player : str
        The mover.
    branches : mapping
        Action label -> subtree (a node, or a leaf's payoffs), in order.
    info : str, optional
        Information-set label. Decision nodes with the same label are one
        information set: the same player, the same actions.

    Raises
    ------
    ModelError
        A player or action that is not a nonempty string, no actions, a
        subtree that is neither a node nor payoffs.

    Examples
    --------
    >>> decision("receiver", {"fight": (0, 1), "yield": (2, 0)}, info="after beer").info
    'after beer'
    >>> decision("receiver", {})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: the decision node of 'receiver' has no actions
    """
    _label(player, "a decision node's player")
    if not isinstance(branches, Mapping):
        raise ModelError(
            f"the actions of {player!r} must be a mapping action -> subtree, "
            f"got {branches!r}"
        )
    if not branches:
        raise ModelError(f"the decision node of {player!r} has no actions")
    if info is not None:
        _label(info, f"the information-set label of {player!r}")
    made = []
    for action, sub in branches.items():
        _label(action, f"an action of {player!r}")
        made.append((action, as_node(sub, f"after {player!r} plays {action!r}")))
    return Decision(player, tuple(made), info)


def chance(branches: Mapping) -> Chance:
    """A chance node: nature picks each outcome with its probability.

    Parameters
    ----------
    branches : mapping
        Outcome label -> ``(probability, subtree)``. Probabilities are exact
        numbers or SymPy expressions; that they lie in [0, 1] and sum to one
        is checked when the game is built.

    Examples
    --------
    >>> from symtrust import probability
    >>> p = probability("p")
    >>> chance({"strong": (p, (1, 0)), "weak": (1 - p, (0, 1))}).probabilities
    (p, 1 - p)
    >>> chance({"strong": (1, 0)})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: chance outcome 'strong' must be a pair (probability, subtree), got (1, 0) whose second entry is not a subtree
    """
    if not isinstance(branches, Mapping) or not branches:
        raise ModelError(
            "a chance node needs a nonempty mapping outcome -> (probability, "
            f"subtree), got {branches!r}"
        )
    made = []
    for label, pair in branches.items():
        _label(label, "a chance outcome")
        if (
            isinstance(pair, (str, bytes))
            or not isinstance(pair, Sequence)
            or len(pair) != 2
        ):
            raise ModelError(
                f"chance outcome {label!r} must be a pair (probability, subtree), "
                f"got {pair!r}"
            )
        prob, sub = pair
        if not isinstance(sub, (Decision, Chance, Terminal, Mapping, tuple, list)):
            raise ModelError(
                f"chance outcome {label!r} must be a pair (probability, subtree), "
                f"got {pair!r} whose second entry is not a subtree"
            )
        made.append((label, prob, as_node(sub, f"after chance outcome {label!r}")))
    return Chance(tuple(made))


def outcome(*payoffs, label: str = "") -> Terminal:
    """A leaf with a name: ``outcome(1, h, label="honored")``.

    Parameters
    ----------
    *payoffs
        One payoff per player, in the game's player order; or one mapping
        ``{player: payoff}``.
    label : str
        The outcome's name (kept in Gambit files).

    Examples
    --------
    >>> outcome(1, 0, label="entry accommodated").label
    'entry accommodated'
    >>> outcome({"entrant": 1, "incumbent": 0}).by_player
    True
    """
    if not isinstance(label, str):
        raise ModelError(f"an outcome's label must be a string, got {label!r}")
    if len(payoffs) == 1 and isinstance(payoffs[0], Mapping):
        pairs = tuple(payoffs[0].items())
        for player, _ in pairs:
            _label(player, "a player named in a leaf's payoffs")
        return Terminal(pairs, label, by_player=True)
    if len(payoffs) == 1 and isinstance(payoffs[0], (tuple, list)):
        payoffs = tuple(payoffs[0])
    return Terminal(tuple(payoffs), label)
