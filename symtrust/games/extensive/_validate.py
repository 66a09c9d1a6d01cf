"""Validating a game tree: payoffs, chance probabilities, information sets, recall.

Each check names the offending node by its path of actions from the root.

1. *Payoffs*: one exact number or SymPy expression per player at every leaf
   (:func:`~symtrust.games.normal_form.model.as_payoff`: strings are never
   parsed, floats are refused).
2. *Chance*: every probability lies in [0, 1] at every admissible point and
   the probabilities of a node sum to one, decided by z3 under the
   assumptions (a sum that cannot be shown to equal one is refused).
3. *Information sets*: one player, one action set.
4. *Perfect recall* (Kuhn 1953): the members of an information set of player
   i share i's own history, the sequence of (information set, action) pairs
   of i's earlier moves; otherwise i would forget what it knew or did.
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import check_probability
from symtrust.games.extensive.model import path_name
from symtrust.games.normal_form.model import as_payoff
from symtrust.logic.decide import decide

__all__ = [
    "check_chance",
    "check_recall",
    "exact_probability",
    "group_infosets",
    "leaf_payoffs",
]


def leaf_payoffs(term, path, players, *, inferred: bool = False) -> tuple:
    """A leaf's payoffs as a tuple in the players' order, validated.

    ``inferred``: the players were read off the movers (the message says how
    to name a player who never moves).
    """
    where = f"the leaf {path_name(path)!r}"
    if term.by_player:
        given = dict(term.payoffs)
        unknown = [p for p in given if p not in players]
        if unknown:
            raise ModelError(
                f"{where} names unknown players {unknown}; players are {players}"
            )
        missing = [p for p in players if p not in given]
        if missing:
            raise ModelError(f"{where} gives no payoff for players {missing}")
        raw = tuple(given[p] for p in players)
    else:
        raw = term.payoffs
        if len(raw) != len(players):
            n = len(players)
            counted = "is 1 player" if n == 1 else f"are {n} players"
            hint = (
                "; the players were taken from the movers: give players=(...) to "
                "name one who never moves"
                if inferred and len(raw) > n
                else ""
            )
            raise ModelError(
                f"{where} has {len(raw)} payoff(s) {raw}; there {counted} "
                f"{players}{hint}"
            )
    return tuple(
        as_payoff(u, f"{where} for {p!r}") for p, u in zip(players, raw, strict=True)
    )


def exact_probability(value, label, path) -> sympy.Expr:
    """A chance probability as written: exact, never a string or a float."""
    where = f"the probability of {label!r} at the chance node {path_name(path)!r}"
    if isinstance(value, str):
        raise ModelError(
            f"{where} is the string {value!r}: strings are never parsed; write "
            "fractions.Fraction(1, 2) or use a parameter"
        )
    if isinstance(value, float):
        raise ModelError(
            f"{where} is the float {value!r}: symtrust computes exactly; write "
            "fractions.Fraction or sympy.Rational"
        )
    return as_payoff(value, where)


def check_chance(path, labels, probs, assume) -> tuple:
    """Chance probabilities: exact, in [0, 1], summing to one under ``assume``."""
    where = f"the chance node {path_name(path)!r}"
    out = []
    for label, p in zip(labels, probs, strict=True):
        out.append(
            check_probability(p, f"the probability of {label!r} at {where}", assume)
        )
    total = sympy.expand(sum(out, S.Zero))
    if total == 1:
        return tuple(out)
    if total.is_number:
        raise ModelError(f"the probabilities at {where} sum to {total}, not 1")
    verdict = decide(sympy.Eq(total, 1), assume)
    if verdict.truth is False:
        raise ModelError(
            f"the probabilities at {where} sum to {total}, which differs from 1 at "
            f"the admissible point {verdict.counterexample}"
        )
    if verdict.truth is None:
        raise ModelError(
            f"the probabilities at {where} sum to {total}, which could not be shown "
            f"to equal 1 under the assumptions ({verdict.reason}); state the "
            "relation as an assumption"
        )
    return tuple(out)


def group_infosets(decisions) -> list:
    """Group decision nodes into information sets.

    ``decisions`` lists ``(node id, path, player, actions, info label or None)``
    in preorder. Returns ``(label, player, actions, member ids)`` per set.
    """
    groups: dict = {}
    order = []
    explicit = {d[4] for d in decisions if d[4] is not None}
    for nid, path, player, actions, info in decisions:
        if info is None:
            # a singleton set, named after its node (kept apart from given labels)
            info = f"{player}@{path_name(path)}"
            while info in explicit or info in groups:
                info += "'"
        if info not in groups:
            groups[info] = (player, actions, path, [nid])
            order.append(info)
            continue
        player0, actions0, path0, members = groups[info]
        if player != player0:
            raise ModelError(
                f"information set {info!r} mixes players: node "
                f"{path_name(path0)!r} belongs to {player0!r} and node "
                f"{path_name(path)!r} to {player!r}"
            )
        if set(actions) != set(actions0) or len(actions) != len(actions0):
            raise ModelError(
                f"information set {info!r} has different actions at its nodes: "
                f"{actions0} at {path_name(path0)!r} and {actions} at "
                f"{path_name(path)!r}; a player must have the same choices at "
                "nodes it cannot tell apart"
            )
        members.append(nid)
    return [(label, *groups[label][:2], tuple(groups[label][3])) for label in order]


def check_recall(nodes, infosets) -> None:
    """Raise unless every player recalls its own past moves and information.

    ``nodes`` are :class:`~symtrust.games.extensive.model.TreeNode` records
    (preorder), ``infosets`` the :class:`InfoSet` records.
    """
    # each node's own history for the player who moves there
    history: dict = {}
    stack = [(0, {})]
    while stack:
        nid, seen = stack.pop()
        node = nodes[nid]
        if node.kind == "terminal":
            continue
        if node.kind == "decision":
            history[nid] = seen.get(node.player, ())
        for action, cid in zip(node.actions, node.children, strict=True):
            if node.kind == "decision":
                mine = (*seen.get(node.player, ()), (node.infoset, action))
                stack.append((cid, {**seen, node.player: mine}))
            else:
                stack.append((cid, seen))
    for info in infosets:
        first = info.members[0]
        for other in info.members[1:]:
            if history[other] != history[first]:
                raise ModelError(
                    f"information set {info.label!r} of {info.player!r} violates "
                    f"perfect recall: at node {path_name(nodes[first].path)!r} "
                    f"{info.player!r} has made the moves "
                    f"{_moves(history[first], infosets)}, at node "
                    f"{path_name(nodes[other].path)!r} the moves "
                    f"{_moves(history[other], infosets)}; a player who cannot "
                    "tell the nodes apart must have the same past"
                )


def _moves(hist, infosets) -> str:
    if not hist:
        return "[] (none)"
    return "[" + ", ".join(f"{a!r} at {infosets[i].label!r}" for i, a in hist) + "]"
