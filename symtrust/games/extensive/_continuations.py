"""Continuation strategies: everything a mover can do from an information set on.

Sequential rationality (Mas-Colell, Whinston and Green 1995, def. 9.C.1)
asks that at every information set H of player i, i's strategy be optimal
among *all* its continuation strategies, given the belief at H and the
others' behaviour, not only against one-shot deviations at H. The two differ
when a later set H' of i is off the path with a belief that Bayes' rule does
not tie to H's: in Myerson's (1991) fig. 4.2 player 1 declines A1 because,
after it, a belief at its own later set justifies Z1, though the deviation
(A1, then Y1) pays it more. Checking full continuations makes every weak
perfect Bayesian equilibrium a Nash equilibrium (MWG prop. 9.C.1).

With perfect recall, i's sets after taking action a at H lie below H's
members through a (their members share i's history, which contains
``(H, a)``). A *pure continuation* is an action a at H and an action at each
of i's sets after (H, a). For a support action s at H and every other
continuation c, the *gap* at member n is

    g_n(s, c) = U_i(n; s, then the profile) - U_i(n; c, others as in the profile),

and the profile is sequentially rational at H under belief mu iff
``sum_n mu(n) g_n(s, c) >= 0`` for all s and c. When i has no later set
this is the one-shot test (c ranges over the rival actions at H).
"""

from __future__ import annotations

import itertools

import sympy
from sympy import S

from symtrust.games.extensive.profiles import node_values

__all__ = ["continuation_gaps", "later_sets"]


def later_sets(game, info, action: str) -> tuple:
    """The owner's information sets after taking ``action`` at ``info``.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {"x": decision("B", {"l": decision("A", {
    ...     "u": (1, 0), "d": (0, 1)}), "r": (0, 0)}), "y": (1, 1)}))
    >>> [g.infosets[i].label for i in later_sets(g, g.infosets[0], "x")]
    ['A@x/l']
    >>> later_sets(g, g.infosets[0], "y")
    ()
    """
    roots = [game.nodes[m].child(action) for m in info.members]
    out = []
    for other in game.infosets:
        if other.player != info.player or other.id == info.id:
            continue
        if any(game.in_subtree(other.members[0], r) for r in roots):
            out.append(other.id)
    return tuple(out)


def _pure(actions, chosen) -> tuple:
    return tuple(S.One if a == chosen else S.Zero for a in actions)


def _plays(beh_probs, actions, chosen) -> bool:
    return tuple(beh_probs) == _pure(actions, chosen)


def continuation_gaps(game, info, beh, support, values=None) -> list:
    """Per member, the owner's gain from each support action over each continuation.

    Parameters
    ----------
    game : ExtensiveGame
    info : InfoSet
    beh : mapping
        Information-set index -> probabilities aligned with its actions;
        it must give every set after ``info`` that play can reach.
    support : sequence of str
        The actions played at ``info``.
    values : mapping, optional
        ``node_values(game, beh)`` if already computed.

    Returns
    -------
    list of list
        ``gaps[j][r]`` for member j and alternative r (the same alternatives,
        in the same order, at every member; see module doc).

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> from symtrust.games.extensive.profiles import behaviour
    >>> g = game_tree(decision("A", {"x": decision("A", {"u": (2,), "d": (0,)}),
    ...                              "y": (1,)}))
    >>> beh = behaviour(g, {"A@root": "y", "A@x": "d"})
    >>> continuation_gaps(g, g.infosets[0], beh, ["y"])  # y vs (x, u) and (x, d)
    [[-1, 1]]
    """
    k = game.player_index(info.player)
    kids = {game.nodes[m].child(a) for m in info.members for a in info.actions}
    if values is None or any(values.get(c) is None for c in kids):
        values = node_values(game, beh, needed=kids)
    own = [
        {a: values[game.nodes[m].child(a)][k] for a in info.actions}
        for m in info.members
    ]
    alternatives = []
    for a in info.actions:
        later = later_sets(game, info, a)
        if not later:
            if a not in support:
                alternatives.append([u[a] for u in own])
            continue
        sets = [game.infosets[j] for j in later]
        heads = [game.nodes[m].child(a) for m in info.members]
        for combo in itertools.product(*(s.actions for s in sets)):
            if a in support and all(
                _plays(beh[s.id], s.actions, c)
                for s, c in zip(sets, combo, strict=True)
            ):
                continue  # the profile's own continuation
            trial = dict(beh)
            for s, c in zip(sets, combo, strict=True):
                trial[s.id] = _pure(s.actions, c)
            alt = node_values(game, trial, needed=set(heads))
            alternatives.append([alt[h][k] for h in heads])
    return [
        [sympy.expand(u[s] - alt[j]) for s in support for alt in alternatives]
        for j, u in enumerate(own)
    ]
