"""Exact vertex enumeration of the best-response polytopes of a bimatrix game.

The numeric path of :func:`symtrust.mixed_nash` (Mangasarian 1964; von Stengel
2002, *Computing equilibria for two-person games*, sec. 3): with payoffs made
positive (adding a constant changes no best response),

* ``P = {x >= 0 : B^T x <= 1}`` carries the row player's strategies, with
  label ``i`` where ``x_i = 0`` and label ``m + j`` where ``(B^T x)_j = 1``;
* ``Q = {y >= 0 : A y <= 1}`` the column player's, with label ``i`` where
  ``(A y)_i = 1`` and label ``m + j`` where ``y_j = 0``;
* ``(x, y) != (0, 0)`` is completely labelled (every label in one of the two
  sets) iff ``(x / sum x, y / sum y)`` is an equilibrium; the completely
  labelled pairs of *vertices* are the extreme equilibria.

The vertices are enumerated by breadth-first search over the feasible bases of
each polytope's simplex tableau (integer pivoting, exact: the tableau is kept
as integers over one common denominator, as in lrs and Lemke-Howson codes).
A game is *nondegenerate* when every vertex of P has exactly ``m`` labels and
every vertex of Q exactly ``n``; then every equilibrium is an extreme
equilibrium, isolated, and the list is the whole equilibrium set.

Examples
--------
>>> eqs, nondegenerate = extreme_equilibria([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
>>> [(tuple(map(str, p)), tuple(map(str, q))) for p, q in eqs], nondegenerate
([(('1/2', '1/2'), ('1/2', '1/2'))], True)
"""

from __future__ import annotations

import math
from collections import deque
from fractions import Fraction

__all__ = ["extreme_equilibria", "polytope_vertices"]


def _positive_integers(U) -> list[list[int]]:
    """A positive integer matrix with the same best responses as U (rationals)."""
    flat = [Fraction(x) for row in U for x in row]
    scale = math.lcm(*(x.denominator for x in flat))
    low = min(flat)
    return [[int((Fraction(x) - low + 1) * scale) for x in row] for row in U]


def _pivot(T, r, c, D):
    """Integer pivot on T[r][c] (positive); returns the new tableau and denominator."""
    pr = T[r]
    a = pr[c]
    out = []
    for i, row in enumerate(T):
        if i == r:
            out.append(pr)
            continue
        b = row[c]
        if b == 0:
            # (x*a - 0) / D: still exact, since D divides every entry times a
            out.append([x * a // D for x in row])
        else:
            out.append([(x * a - b * y) // D for x, y in zip(row, pr, strict=True)])
    return out, a


def polytope_vertices(M, label_of) -> dict:
    """Vertices of ``{z >= 0 : M z <= 1}`` (M a positive integer matrix), with labels.

    Parameters
    ----------
    M : list of list of int
        ``k`` rows (constraints) over ``d`` unknowns, entries positive.
    label_of : callable
        ``label_of(v)`` is the label of variable ``v`` being zero: the
        unknowns are ``0..d-1``, the slack of constraint ``i`` is ``d + i``.

    Returns
    -------
    dict
        Vertex (tuple of Fraction, the unknowns) to its bitmask of labels.

    Examples
    --------
    >>> verts = polytope_vertices([[1, 2], [2, 1]], lambda v: v)
    >>> sorted(tuple(map(str, z)) for z in verts)
    [('0', '0'), ('0', '1/2'), ('1/2', '0'), ('1/3', '1/3')]
    """
    k, d = len(M), len(M[0])
    total = d + k
    # rows: M z + s = 1, basis: the slacks, denominator 1
    start = [[*row, *(int(i == j) for j in range(k)), 1] for i, row in enumerate(M)]
    basis0 = tuple(d + i for i in range(k))
    seen = {frozenset(basis0)}
    queue = deque([(start, basis0, 1)])
    vertices = {}
    while queue:
        T, basis, D = queue.popleft()
        values = [Fraction(0)] * total
        for i, v in enumerate(basis):
            values[v] = Fraction(T[i][-1], D)
        z = tuple(values[:d])
        if z not in vertices:
            mask = 0
            for v in range(total):
                if values[v] == 0:
                    mask |= 1 << label_of(v)
            vertices[z] = mask
        in_basis = set(basis)
        for c in range(total):
            if c in in_basis:
                continue
            # ratio test: rows with a positive entry, least rhs / entry (ties all)
            best, rows = None, []
            for i in range(k):
                a = T[i][c]
                if a <= 0:
                    continue
                ratio = (T[i][-1], a)
                if best is None or ratio[0] * best[1] < best[0] * ratio[1]:
                    best, rows = ratio, [i]
                elif ratio[0] * best[1] == best[0] * ratio[1]:
                    rows.append(i)
            for r in rows:
                new = (*basis[:r], c, *basis[r + 1 :])
                key = frozenset(new)
                if key in seen:
                    continue
                seen.add(key)
                T2, D2 = _pivot(T, r, c, D)
                queue.append((T2, new, D2))
    return vertices


def _normalized(z):
    s = sum(z)
    return tuple(x / s for x in z)


def extreme_equilibria(A, B):
    """The extreme equilibria of ``(A, B)`` and whether the game is nondegenerate.

    Parameters
    ----------
    A, B : sequence of sequence of rationals
        Row and column payoffs (ints or Fractions), ``A[i][j]`` at row ``i``,
        column ``j``.

    Returns
    -------
    (list, bool)
        Pairs ``(p, q)`` of probability vectors (tuples of Fraction), sorted;
        and True when the game is nondegenerate (the pairs are then every
        equilibrium).

    Examples
    --------
    >>> eqs, nondegenerate = extreme_equilibria([[1, 1], [0, 0]], [[0, 0], [0, 1]])
    >>> nondegenerate
    False
    """
    m, n = len(A), len(A[0])
    A_pos = _positive_integers(A)
    B_pos = _positive_integers(B)
    B_t = [[B_pos[i][j] for i in range(m)] for j in range(n)]
    # P: unknowns x_i (label i), slacks of column j (label m + j)
    p_verts = polytope_vertices(B_t, lambda v: v)
    # Q: unknowns y_j (label m + j), slacks of row i (label i)
    q_verts = polytope_vertices(A_pos, lambda v: m + v if v < n else v - n)
    nondegenerate = all(bin(x).count("1") == m for x in p_verts.values()) and all(
        bin(y).count("1") == n for y in q_verts.values()
    )
    full = (1 << (m + n)) - 1
    q_items = [(y, mask) for y, mask in q_verts.items() if any(y)]
    out = []
    for x, xmask in p_verts.items():
        if not any(x):
            continue
        for y, ymask in q_items:
            if xmask | ymask == full:
                out.append((_normalized(x), _normalized(y)))
    return sorted(out), nondegenerate
