"""Exact brute-force Nash equilibria of numeric two-player games (the twin's oracle).

Independent of :func:`symtrust.mixed_nash`: plain :class:`fractions.Fraction`
arithmetic, no SymPy solving, no z3. It enumerates the *extreme* equilibria,
the pairs of vertices of the best-response polytopes that are completely
labelled (Mangasarian 1964; von Stengel 2002, sec. 3), which is what Gambit's
``enummixed`` solver computes:

1. a vertex of ``Q = {(q, v): q >= 0, sum q = 1, A q <= v}`` is the unique
   solution of ``q_j = 0`` off a support ``J``, ``sum q = 1`` and
   ``(A q)_i = v`` on a set ``K`` of rows; enumerate every ``(J, K)``, keep
   unique, feasible solutions (``q > 0`` on ``J``, ``A q <= v``), and record
   the row best responses ``BR(q) = {i: (A q)_i = v}``;
2. likewise the vertices ``p`` of ``P`` for the column player with ``B``;
3. ``(p, q)`` is an equilibrium iff ``supp p`` is inside ``BR(q)`` and
   ``supp q`` inside ``BR(p)``.

Every equilibrium of the game is a convex combination of extreme equilibria
that share a best-response clique, so extreme equilibria are the natural set
to compare; :func:`is_equilibrium` checks any profile exactly.

Examples
--------
>>> from fractions import Fraction as F
>>> mp = [[1, -1], [-1, 1]], [[-1, 1], [1, -1]]
>>> [(tuple(map(str, p)), tuple(map(str, q))) for p, q in extreme_equilibria(*mp)]
[(('1/2', '1/2'), ('1/2', '1/2'))]
>>> is_equilibrium(*mp, (F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import to_fraction

__all__ = ["bimatrix_of", "extreme_equilibria", "is_equilibrium", "solve_unique"]


def _f(x) -> Fraction:
    return to_fraction(x, "a payoff or probability")


def bimatrix_of(game):
    """The two payoff matrices of a numeric two-player game, as Fractions.

    Examples
    --------
    >>> from symtrust.catalog import symmetric_2x2
    >>> bimatrix_of(symmetric_2x2(4, 1, 3, 2))[1][0]
    (Fraction(4, 1), Fraction(3, 1))
    """
    rows, cols = game.actions
    A = tuple(tuple(_f(game.payoff((r, c))[0]) for c in cols) for r in rows)
    B = tuple(tuple(_f(game.payoff((r, c))[1]) for c in cols) for r in rows)
    return A, B


def solve_unique(M, b):
    """The unique solution of ``M x = b`` in Fractions, or None.

    None when the system is inconsistent or has more than one solution.

    Examples
    --------
    >>> solve_unique([[1, 1], [1, -1]], [2, 0])
    (Fraction(1, 1), Fraction(1, 1))
    >>> solve_unique([[1, 1]], [1]) is None
    True
    """
    rows = [[_f(x) for x in r] + [_f(y)] for r, y in zip(M, b, strict=True)]
    n = len(rows[0]) - 1 if rows else 0
    r = 0
    for c in range(n):
        piv = next((k for k in range(r, len(rows)) if rows[k][c] != 0), None)
        if piv is None:
            return None  # a free unknown: not unique
        rows[r], rows[piv] = rows[piv], rows[r]
        lead = rows[r][c]
        rows[r] = [x / lead for x in rows[r]]
        for k in range(len(rows)):
            if k != r and rows[k][c] != 0:
                f = rows[k][c]
                rows[k] = [x - f * y for x, y in zip(rows[k], rows[r], strict=True)]
        r += 1
    if any(row[-1] != 0 for row in rows[r:]):
        return None  # inconsistent
    return tuple(rows[k][-1] for k in range(n))


def _vertices(U):
    """Vertices (mix, best responses) of {y >= 0, sum y = 1, U y <= v}.

    ``U[i][j]``: payoff of the responder (action i) against the mixer's j.
    """
    m, n = len(U), len(U[0])
    found = {}
    for size in range(1, n + 1):
        for J in itertools.combinations(range(n), size):
            for ksize in range(1, m + 1):
                for K in itertools.combinations(range(m), ksize):
                    # unknowns (y_J, v): (U y)_i - v = 0 on K, sum y = 1
                    M = [[U[i][j] for j in J] + [-1] for i in K]
                    M.append([1] * size + [0])
                    sol = solve_unique(M, [0] * ksize + [1])
                    if sol is None or any(x <= 0 for x in sol[:-1]):
                        continue
                    y = [Fraction(0)] * n
                    for j, x in zip(J, sol[:-1], strict=True):
                        y[j] = x
                    pay = [sum(U[i][j] * y[j] for j in range(n)) for i in range(m)]
                    v = sol[-1]
                    if max(pay) != v:
                        continue
                    found[tuple(y)] = frozenset(i for i in range(m) if pay[i] == v)
    return found


def extreme_equilibria(A, B):
    """All extreme Nash equilibria ``(p, q)`` of the bimatrix game ``(A, B)``.

    Parameters
    ----------
    A, B : sequence of sequence of numbers
        Row and column payoffs (ints, Fractions or SymPy Rationals),
        ``A[i][j]`` at row action ``i``, column action ``j``.

    Returns
    -------
    tuple
        Pairs of probability vectors (tuples of Fraction), sorted.

    Examples
    --------
    >>> extreme_equilibria([[1, 0], [0, 1]], [[1, 0], [0, 1]])[0]
    ((Fraction(0, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1)))
    """
    A = [[_f(x) for x in r] for r in A]
    B = [[_f(x) for x in r] for r in B]
    m, n = len(A), len(A[0])
    q_vertices = _vertices(A)
    B_t = [[B[i][j] for i in range(m)] for j in range(n)]
    p_vertices = _vertices(B_t)
    out = []
    # completely labelled pairs: each support inside the other's best responses
    for p, br_col in p_vertices.items():
        supp_p = {i for i in range(m) if p[i] > 0}
        for q, br_row in q_vertices.items():
            supp_q = {j for j in range(n) if q[j] > 0}
            if supp_p <= br_row and supp_q <= br_col:
                out.append((p, q))
    return tuple(sorted(out))


def is_equilibrium(A, B, p, q) -> bool:
    """Whether ``(p, q)`` is a Nash equilibrium of ``(A, B)``, exactly.

    Checks that ``p`` and ``q`` are probability vectors and that every action
    played with positive probability earns the maximal expected payoff.

    Examples
    --------
    >>> is_equilibrium([[1, 0], [0, 1]], [[1, 0], [0, 1]], (1, 0), (0, 1))
    False
    """
    A = [[_f(x) for x in r] for r in A]
    B = [[_f(x) for x in r] for r in B]
    p, q = [_f(x) for x in p], [_f(x) for x in q]
    m, n = len(A), len(A[0])
    if len(p) != m or len(q) != n:
        return False
    if any(x < 0 for x in (*p, *q)) or sum(p) != 1 or sum(q) != 1:
        return False
    row = [sum(A[i][j] * q[j] for j in range(n)) for i in range(m)]
    col = [sum(p[i] * B[i][j] for i in range(m)) for j in range(n)]
    return all(row[i] == max(row) for i in range(m) if p[i] > 0) and all(
        col[j] == max(col) for j in range(n) if q[j] > 0
    )
