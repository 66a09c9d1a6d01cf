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
of tight rows: exact and quantifier free (the same vertex enumeration as the
signaling family's off-path test, over a general information set).

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

import itertools
from fractions import Fraction

import sympy
from sympy import S

__all__ = ["supportable"]


def _rows(constraints, xs):
    rows = []
    for g in constraints:
        expr = sympy.expand(g)
        coeffs = [expr.coeff(x) for x in xs]
        rows.append((coeffs, expr.subs({x: 0 for x in xs})))
    return rows


def _numeric(rows, d) -> bool:
    """The vertex test in exact Fraction arithmetic."""
    rows = [
        ([Fraction(int(c.p), int(c.q)) for c in cs], Fraction(int(e.p), int(e.q)))
        for cs, e in rows
    ]
    for chosen in itertools.combinations(range(len(rows)), d):
        a = [[*rows[i][0], -rows[i][1]] for i in chosen]
        ok = True
        for col in range(d):
            piv = next((r for r in range(col, d) if a[r][col] != 0), None)
            if piv is None:
                ok = False
                break
            a[col], a[piv] = a[piv], a[col]
            for r in range(d):
                if r != col and a[r][col] != 0:
                    f = a[r][col] / a[col][col]
                    a[r] = [x - f * y for x, y in zip(a[r], a[col], strict=True)]
        if not ok:
            continue
        x = [a[r][d] / a[r][r] for r in range(d)]
        if all(
            sum((c * v for c, v in zip(cs, x, strict=True)), e) >= 0 for cs, e in rows
        ):
            return True
    return False


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
    rows = _rows(constraints, xs)
    if all(v.is_Rational for cs, e in rows for v in (*cs, e)):
        return S.true if _numeric(rows, d) else S.false
    options = []
    for chosen in itertools.combinations(range(len(rows)), d):
        C = sympy.Matrix([rows[i][0] for i in chosen])
        rhs = sympy.Matrix([-rows[i][1] for i in chosen])
        det = sympy.expand(C.det())
        if det == 0:
            continue
        sol = C.adjugate() * rhs
        parts = [] if det.is_number else [sympy.Ne(det, 0)]
        for j, (coeffs, const) in enumerate(rows):
            if j in chosen:
                continue
            lhs = sum((c * s for c, s in zip(coeffs, sol, strict=True)), S.Zero)
            parts.append(sympy.Ge(sympy.expand((lhs + const * det) * det), 0))
        cond = sympy.And(*parts)
        if cond is S.true:
            return S.true
        if cond is not S.false:
            options.append(cond)
    return sympy.Or(*options) if options else S.false
