"""Brute-force perfect Bayesian equilibria of a numeric tree.

Independent of :mod:`symtrust.games.extensive.perfect_bayesian`: every pure
profile is tried; at each information set every support action must do as
well as every pure strategy of the mover from that set on (all its actions
there and at its own sets below, enumerated outright); on the path beliefs
come from the reach probabilities of the members; off the path the question "does some belief make the action a
best response?" is a linear feasibility problem over the simplex, settled
exactly by Fourier-Motzkin elimination in :class:`fractions.Fraction`
arithmetic (the solver uses vertex enumeration instead).

Examples
--------
>>> from symtrust.catalog import beer_quiche
>>> from symtrust.games.extensive import game_tree
>>> from symtrust.games.extensive.twins.brute import NumericTree
>>> t = NumericTree(game_tree(beer_quiche()))
>>> len(pure_pbe(t))
2
"""

from __future__ import annotations

import itertools
from fractions import Fraction

__all__ = ["belief_feasible", "best_at", "is_pbe", "pure_pbe"]


def _eliminate(rows, n):
    """Fourier-Motzkin: is ``{x : a.x + c >= 0 for (a, c) in rows}`` nonempty?"""
    for var in range(n):
        pos = [r for r in rows if r[0][var] > 0]
        neg = [r for r in rows if r[0][var] < 0]
        rest = [r for r in rows if r[0][var] == 0]
        for (ap, cp), (an, cn) in itertools.product(pos, neg):
            fp, fn = -an[var], ap[var]
            a = [fp * x + fn * y for x, y in zip(ap, an, strict=True)]
            rest.append((a, fp * cp + fn * cn))
        rows = rest
    return all(c >= 0 for _, c in rows)


def belief_feasible(gaps) -> bool:
    """Whether some belief over the members makes every gap sum nonnegative.

    ``gaps[j][b]`` is the gain at member j of the action over rival b.
    """
    k = len(gaps)
    width = len(gaps[0]) if gaps else 0
    if width == 0:
        return True
    n = k - 1
    rows = []
    for b in range(width):
        # sum_j mu_j g_j(b) with mu_last = 1 - sum x
        a = [gaps[j][b] - gaps[-1][b] for j in range(n)]
        rows.append((a, gaps[-1][b]))
    for j in range(n):
        rows.append(([Fraction(int(i == j)) for i in range(n)], Fraction(0)))
    rows.append(([Fraction(-1)] * n, Fraction(1)))
    return _eliminate(rows, n)


def _own_sets_below(tree, info) -> list:
    """The owner's other information sets meeting the subtrees of the members."""
    k = tree.owner[info.id]
    out = []
    for other in tree.game.infosets:
        if other.id == info.id or tree.owner[other.id] != k:
            continue
        if any(
            tree.nodes[m].id < n < tree.nodes[m].end
            for m in info.members
            for n in other.members
        ):
            out.append(other.id)
    return out


def _strategies(tree, beh, info, support):
    """Per member, the owner's payoff from each support action (then ``beh``) and
    from every pure strategy of its own from the set on (any action there and
    at each of its sets below)."""
    k = tree.owner[info.id]
    below = _own_sets_below(tree, info)
    played = [
        {s: tree.value(beh, tree.nodes[m].child(s))[k] for s in support}
        for m in info.members
    ]
    rivals = []
    for combo in itertools.product(*(tree.actions[i] for i in (info.id, *below))):
        trial = dict(beh)
        for i, a in zip((info.id, *below), combo, strict=True):
            trial[i] = {a: Fraction(1)}
        rivals.append([tree.value(trial, m)[k] for m in info.members])
    return played, rivals


def best_at(tree, beh, info, support, reach, belief=None) -> bool:
    """Sequential rationality of ``support`` at one information set.

    Every support action, followed by ``beh``, must do as well as every pure
    strategy of the owner from the set on (Mas-Colell, Whinston and Green
    1995, def. 9.C.1). On the path (positive reach) the belief is Bayes'
    rule; off it, the given ``belief`` (member -> probability), or else the
    existence of one.
    """
    played, rivals = _strategies(tree, beh, info, support)
    mass = sum((reach[m] for m in info.members), Fraction(0))
    if mass > 0 or len(info.members) == 1:
        weights = (
            [Fraction(1)]
            if len(info.members) == 1
            else [reach[m] / mass for m in info.members]
        )
    elif belief is not None:
        weights = [belief[m] for m in info.members]
    else:
        gaps = [
            [mine[s] - rival[j] for s in support for rival in rivals]
            for j, mine in enumerate(played)
        ]
        return belief_feasible(gaps)

    def expect(values):
        return sum((w * v for w, v in zip(weights, values, strict=True)), Fraction(0))

    top = max(expect(r) for r in rivals)
    return all(expect([p[s] for p in played]) >= top for s in support)


def is_pbe(tree, beh, beliefs=None) -> bool:
    """Whether a numeric behaviour profile is a (weak) perfect Bayesian equilibrium.

    ``beh`` maps information-set index -> {action: probability}; ``beliefs``
    optionally maps index -> {member id: probability} at off-path sets.
    """
    reach = tree.reach(beh)
    for info in tree.game.infosets:
        support = [a for a, p in beh[info.id].items() if p > 0]
        belief = (beliefs or {}).get(info.id)
        if not best_at(tree, beh, info, support, reach, belief):
            return False
    return True


def pure_pbe(tree, *, limit: int = 100_000) -> set:
    """Every pure (weak) perfect Bayesian profile, as ``((label, action), ...)``."""
    total = 1
    for acts in tree.actions:
        total *= len(acts)
    if total > limit:
        raise ValueError(f"{total} pure profiles exceed the brute-force limit {limit}")
    out = set()
    for combo in itertools.product(*tree.actions):
        beh = {i: {a: Fraction(1)} for i, a in enumerate(combo)}
        if is_pbe(tree, beh):
            out.add(tuple(zip(tree.labels, combo, strict=True)))
    return out
