"""Behaviour strategies on a tree: reach probabilities and expected payoffs.

A *behaviour strategy profile* assigns to every information set a probability
distribution over its actions (Kuhn 1953). Under a profile ``b``,

1. the *reach probability* of a node is the product, along its path, of
   nature's probabilities and the movers' behaviour probabilities;
2. the *value* of a node is the expected payoff vector of play from it,
   ``v(n) = sum_a Pr(a | n) v(child(n, a))``, with ``v`` of a leaf its payoffs;
3. the expected payoffs of the game are the value of the root.

Profiles are given by information-set label: an action (a pure choice), a
mapping ``{action: probability}``, or a sequence aligned with the set's
actions. Internally a profile is a mapping from information-set index to
the tuple of probabilities.

Examples
--------
>>> from symtrust import game_tree, probability
>>> from symtrust.games.extensive import decision
>>> q = probability("q")
>>> g = game_tree(decision("A", {"x": decision("B", {"l": (2, 1), "r": (0, 0)}),
...                              "y": (1, 1)}))
>>> expected_payoffs(g, {"A@root": "x", "B@x": {"l": q, "r": 1 - q}})
(2*q, q)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy
from sympy import S

from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import check_probability
from symtrust.games.extensive.model import ExtensiveGame, path_name

__all__ = [
    "behaviour",
    "expected_payoffs",
    "node_values",
    "pure_behaviour",
    "reach_probabilities",
]


def _game(game) -> ExtensiveGame:
    if not isinstance(game, ExtensiveGame):
        raise ModelError(
            f"expected an ExtensiveGame (build one with game_tree), got "
            f"{type(game).__name__}"
        )
    return game


def _one(game, info, choice) -> tuple:
    """One information set's behaviour as probabilities aligned with its actions."""
    where = f"information set {info.label!r}"
    if isinstance(choice, str):
        if choice not in info.actions:
            raise ModelError(
                f"action {choice!r} is not available at {where}; actions are "
                f"{info.actions}"
            )
        return tuple(S.One if a == choice else S.Zero for a in info.actions)
    if isinstance(choice, Mapping):
        unknown = [a for a in choice if a not in info.actions]
        if unknown:
            raise ModelError(
                f"actions {unknown} are not available at {where}; actions are "
                f"{info.actions}"
            )
        raw = [choice.get(a, 0) for a in info.actions]
    elif isinstance(choice, Sequence) and not isinstance(choice, bytes):
        if len(choice) != len(info.actions):
            raise ModelError(
                f"{where} has {len(info.actions)} actions {info.actions}; got "
                f"{len(choice)} probabilities {tuple(choice)}"
            )
        raw = list(choice)
    else:
        raise ModelError(
            f"the behaviour at {where} must be an action, a mapping action -> "
            f"probability or a sequence of probabilities, got {choice!r}"
        )
    probs = tuple(
        check_probability(p, f"Pr({a!r}) at {where}", game.assumptions)
        for a, p in zip(info.actions, raw, strict=True)
    )
    total = sympy.expand(sum(probs, S.Zero))
    if total != 1 and (total.is_number or not total.free_symbols):
        raise ModelError(f"the probabilities at {where} sum to {total}, not 1")
    return probs


def behaviour(game: ExtensiveGame, profile) -> dict:
    """A profile given by information-set label, validated, as index -> probabilities.

    Information sets left out are left out (solvers say when they need them).

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": (1,), "y": (0,)}))
    >>> behaviour(g, {"A@root": "y"})
    {0: (0, 1)}
    >>> behaviour(g, {"A@nowhere": "y"})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: no information set 'A@nowhere'; they are ['A@root']
    """
    _game(game)
    if not isinstance(profile, Mapping):
        raise ModelError(
            f"a profile maps information-set labels to behaviour, got {profile!r}"
        )
    out = {}
    for label, choice in profile.items():
        if isinstance(label, int) and not isinstance(label, bool):
            info = game.infosets[label]
        else:
            info = game.infoset(label)
        out[info.id] = _one(game, info, choice)
    return out


def pure_behaviour(game: ExtensiveGame, choices: Mapping) -> dict:
    """Index -> one-hot probabilities from index -> action (no validation).

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": (1,), "y": (0,)}))
    >>> pure_behaviour(g, {0: "y"})
    {0: (0, 1)}
    """
    return {
        i: tuple(S.One if a == act else S.Zero for a in game.infosets[i].actions)
        for i, act in choices.items()
        if act is not None
    }


def _probs(game, node, beh):
    if node.kind == "chance":
        return node.probabilities
    probs = beh.get(node.infoset)
    if probs is None:
        raise ModelError(
            f"the profile gives no behaviour at information set "
            f"{game.infosets[node.infoset].label!r} (node {path_name(node.path)!r}), "
            "which the computation needs"
        )
    info = game.infosets[node.infoset]
    order = dict(zip(info.actions, probs, strict=True))
    return tuple(order[a] for a in node.actions)


def reach_probabilities(game: ExtensiveGame, beh: Mapping) -> dict:
    """Node id -> probability that play reaches it under ``beh`` (index form).

    A node below an action of probability zero has reach zero; behaviour is
    needed only where play can arrive.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": (1,), "y": (0,)}))
    >>> reach_probabilities(g, behaviour(g, {"A@root": "y"}))
    {0: 1, 1: 0, 2: 1}
    """
    out = {0: S.One}
    for node in game.nodes:
        r = out[node.id]
        if node.is_terminal:
            continue
        if r == 0:
            for c in node.children:
                out[c] = S.Zero
            continue
        for c, p in zip(node.children, _probs(game, node, beh), strict=True):
            out[c] = r * p
    return out


def node_values(game: ExtensiveGame, beh: Mapping, *, needed=None) -> dict:
    """Node id -> expected payoff vector of play from that node under ``beh``.

    ``needed`` (a set of node ids) restricts the computation to those nodes'
    subtrees; by default every node. A node whose behaviour is missing has no
    value; asking for a value that depends on it is an error naming it.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": decision("B", {"l": (2, 0), "r": (0, 1)}),
    ...                              "y": (1, 1)}))
    >>> node_values(g, behaviour(g, {"A@root": "y"}))[0]
    (1, 1)
    >>> node_values(g, behaviour(g, {"A@root": "x"}))[0]
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: the profile gives no behaviour at information set 'B@x' (node 'x'), which the computation needs
    """
    values: dict = {}
    missing: dict = {}
    for node in reversed(game.nodes):
        if needed is not None and not any(game.in_subtree(node.id, r) for r in needed):
            continue
        if node.is_terminal:
            values[node.id] = node.payoffs
            continue
        if node.kind == "decision" and node.infoset not in beh:
            values[node.id] = None
            missing[node.id] = node
            continue
        probs = _probs(game, node, beh)
        vec = [S.Zero] * len(game.players)
        for c, p in zip(node.children, probs, strict=True):
            if p == 0:
                continue
            if values[c] is None:
                values[node.id] = None
                missing[node.id] = missing[c]
                break
            for k, u in enumerate(values[c]):
                vec[k] += p * u
        else:
            values[node.id] = tuple(sympy.expand(v) for v in vec)
    for nid in needed if needed is not None else (0,):
        if values.get(nid) is None:
            _probs(game, missing[nid], beh)  # raises, naming the information set
    return values


def expected_payoffs(game: ExtensiveGame, profile) -> tuple:
    """Expected payoffs of a behaviour profile (by information-set label).

    Examples
    --------
    >>> from symtrust import game_tree, probability
    >>> from symtrust.games.extensive import chance
    >>> p = probability("p")
    >>> expected_payoffs(game_tree(chance({"H": (p, (1,)), "T": (1 - p, (0,))})), {})
    (p,)
    """
    beh = behaviour(_game(game), profile)
    return node_values(game, beh, needed={0})[0]
