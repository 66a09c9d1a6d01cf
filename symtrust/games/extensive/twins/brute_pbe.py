"""Brute-force perfect Bayesian equilibria of a numeric tree.

Independent of :mod:`symtrust.games.extensive.perfect_bayesian`: every pure
profile is tried; on the path beliefs come from the reach probabilities of
the members; off the path the question "does some belief make the action a
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


def _action_values(tree, beh, info, k):
    """Per member, the mover's expected payoff of each action."""
    out = []
    for m in info.members:
        node = tree.nodes[m]
        out.append({a: tree.value(beh, node.child(a))[k] for a in info.actions})
    return out


def best_at(tree, beh, info, support, reach, belief=None) -> bool:
    """Sequential rationality of ``support`` at one information set.

    On the path (positive reach) the belief is Bayes' rule; off it, the given
    ``belief`` (member -> probability), or else the existence of one.
    """
    k = tree.owner[info.id]
    vals = _action_values(tree, beh, info, k)
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
        rivals = [b for b in info.actions if b not in support]
        gaps = [[v[s] - v[b] for s in support for b in rivals] for v in vals]
        return belief_feasible(gaps)
    expected = {
        a: sum((w * v[a] for w, v in zip(weights, vals, strict=True)), Fraction(0))
        for a in info.actions
    }
    top = max(expected.values())
    return all(expected[s] == top for s in support)


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
