"""Every equilibrium of a degenerate numeric bimatrix game, by exact support pairs.

In a degenerate game equilibria come in convex sets. Every equilibrium is a
convex combination of extreme equilibria that form a *bipartite clique*
(every row vertex in it is an equilibrium with every column vertex in it;
Winkels 1979, Jansen 1981, Avis et al. 2010), so its supports are unions of
the supports of a clique's vertices, and every such union is the support pair
of an equilibrium (average the chosen vertices). Hence:

1. :func:`support_pairs` grows the cliques from the extreme equilibria
   (:mod:`symtrust.games.normal_form._vertices`) and collects the support
   pairs ``(I, J)`` they realise; each pair has at least one equilibrium;
2. for each pair, :func:`affine_solution` solves one player's indifference
   equations exactly (Fractions, reduced row echelon form): the probabilities
   off the pivots stay free, and the equilibria with exactly these supports
   are the solutions whose support probabilities are positive and against
   which no action outside the other support earns more (linear conditions in
   the free probabilities).

Examples
--------
>>> eqs = [((1, 0), (Fraction(1, 2), Fraction(1, 2))), ((1, 0), (1, 0))]
>>> support_pairs(eqs)
[((0,), (0,)), ((0,), (0, 1))]
>>> affine_solution([[1, 1]], [1], 2)
({0: (Fraction(1, 1), {1: Fraction(-1, 1)})}, (1,))
"""

from __future__ import annotations

from collections import deque
from fractions import Fraction

__all__ = ["affine_solution", "support_pairs"]


def _support(v) -> frozenset:
    return frozenset(i for i, x in enumerate(v) if x)


def support_pairs(extreme) -> list[tuple[tuple, tuple]]:
    """The support pairs realised by the cliques of extreme equilibria, sorted.

    Parameters
    ----------
    extreme : sequence of (p, q)
        The extreme equilibria (probability vectors).

    Returns
    -------
    list of (tuple of int, tuple of int)
        Row and column supports, by size, then lexicographically.
    """
    adjacent = {}
    for p, q in extreme:
        adjacent.setdefault(p, set()).add(q)
    rows = sorted(adjacent)
    cols = sorted({q for _, q in extreme})
    start = [(frozenset([p]), frozenset([q])) for p, q in extreme]
    seen, queue, out = set(start), deque(start), set()
    while queue:
        S, T = queue.popleft()
        I = frozenset().union(*(_support(p) for p in S))
        J = frozenset().union(*(_support(q) for q in T))
        out.add((tuple(sorted(I)), tuple(sorted(J))))
        grown = [(S | {p}, T) for p in rows if p not in S and T <= adjacent[p]]
        grown += [
            (S, T | {q})
            for q in cols
            if q not in T and all(q in adjacent[p] for p in S)
        ]
        for clique in grown:
            if clique not in seen:
                seen.add(clique)
                queue.append(clique)
    return sorted(out, key=lambda IJ: (len(IJ[0]), IJ[0], len(IJ[1]), IJ[1]))


def affine_solution(M, rhs, n: int):
    """All solutions of ``M z = rhs`` (Fractions): pivots in terms of free unknowns.

    Returns
    -------
    (dict, tuple) or None
        ``{pivot: (constant, {free: coefficient})}`` and the free unknowns;
        None when the system is inconsistent.
    """
    rows = [
        [Fraction(x) for x in r] + [Fraction(b)] for r, b in zip(M, rhs, strict=True)
    ]
    pivots, r = [], 0
    for c in range(n):
        k = next((k for k in range(r, len(rows)) if rows[k][c] != 0), None)
        if k is None:
            continue
        rows[r], rows[k] = rows[k], rows[r]
        lead = rows[r][c]
        rows[r] = [x / lead for x in rows[r]]
        for k in range(len(rows)):
            if k != r and rows[k][c] != 0:
                f = rows[k][c]
                rows[k] = [x - f * y for x, y in zip(rows[k], rows[r], strict=True)]
        pivots.append(c)
        r += 1
    if any(row[-1] != 0 for row in rows[r:]):
        return None
    free = tuple(c for c in range(n) if c not in pivots)
    solution = {
        c: (rows[k][-1], {f: -rows[k][f] for f in free if rows[k][f] != 0})
        for k, c in enumerate(pivots)
    }
    return solution, free
