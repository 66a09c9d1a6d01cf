"""Beliefs at an information set that make an action sequentially rational.

At an information set with members ``n_1 .. n_k``, a belief ``mu`` (a point
of the simplex) makes action a a best response iff for every other action b

    sum_j mu_j g_j(b) >= 0,   g_j(b) = U(n_j, a) - U(n_j, b),            (1)

with ``U(n, a)`` the mover's expected payoff from taking a at n and following
the profile afterwards. The beliefs satisfying (1) form a polytope. It is
empty iff it has no vertex, and a vertex solves ``k - 1`` of the
constraints (1) and ``mu_j >= 0`` held with equality: with the tight rows
``C x = -e`` (coordinates: the beliefs of all members but the last),
Cramer's rule turns "the vertex satisfies ``c . x + e_g >= 0``" into the
polynomial condition ``(c . adj(C)(-e) + e_g det C) det C >= 0`` with
``det C != 0``. The existence condition is the disjunction over the choices
of tight rows: exact and quantifier free (:func:`symtrust.logic.polytope.
vertex_exists`, the same test as the signaling family's off-path one).

Examples
--------
>>> import sympy
>>> q = sympy.Symbol("q", real=True)
>>> supportable([[1], [-1]])
True
>>> supportable([[q - 1], [q - 1]])
q - 1 >= 0
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.logic.polytope import vertex_exists

__all__ = ["supportable"]


def supportable(gaps) -> sympy.Basic:
    """Whether some belief over the members satisfies (1).

    Parameters
    ----------
    gaps : sequence of sequence
        ``gaps[j][b]``: the gain at member j of the action over its b-th
        alternative (an empty inner sequence for an action with no rival).

    Returns
    -------
    sympy Boolean
        An exact condition on the parameters (True/False when numeric).
    """
    k = len(gaps)
    if k == 0:
        return S.false
    width = len(gaps[0])
    if width == 0:
        return S.true
    d = k - 1
    if d == 0:
        return sympy.And(*[sympy.Ge(g, 0) for g in gaps[0]])
    xs = sympy.symbols(f"x0:{d}", real=True)
    mu = [*xs, 1 - sum(xs, S.Zero)]
    constraints = [
        sum((mu[j] * gaps[j][b] for j in range(k)), S.Zero) for b in range(width)
    ]
    constraints.extend(mu)
    return vertex_exists(constraints, xs)
