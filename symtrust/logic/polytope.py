"""Whether a bounded polytope ``{x : g(x) >= 0 for every g}`` is nonempty.

A bounded polytope in dimension ``d`` is empty iff it has no vertex, and a
vertex solves ``d`` of the inequalities held with equality and satisfies all
the others. With ``C x = -e`` the chosen equalities (each ``g`` affine in the
coordinates, ``g(x) = c . x + e_g``), Cramer's rule ``x = adj(C)(-e) / det C``
turns "the vertex satisfies ``g(x) >= 0``" into the polynomial condition
``(c . adj(C)(-e) + e_g det C) det C >= 0`` together with ``det C != 0``. The
existence condition is the disjunction over the choices: exact and quantifier
free, without case splits on symbolic signs (vertex enumeration for an
existential quantifier, as in Fourier-Motzkin elimination). With rational
coefficients the same test runs in exact Fraction arithmetic and gives
``True``/``False``.

Used for the beliefs that make an action a best response: at an off-path
message of a signaling game (Fudenberg and Tirole 1991, ch. 8; the
best-response sets of Cho and Kreps 1987) and at an information set of a
game tree.

Examples
--------
>>> import sympy
>>> x, q = sympy.symbols("x q", real=True)
>>> vertex_exists([x, 1 - x, x - q], (x,))
(-q >= 0) | (1 - q >= 0) | ((q >= 0) & (1 - q >= 0))
>>> vertex_exists([x - 2, 1 - x], (x,))
False
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import sympy
from sympy import S

__all__ = ["vertex_exists"]


def _rows(constraints, xs) -> list:
    """Each constraint as (coefficients of ``xs``, constant term)."""
    rows = []
    for g in constraints:
        expr = sympy.expand(g)
        coeffs = [expr.coeff(x) for x in xs]
        rows.append((coeffs, expr.subs({x: 0 for x in xs})))
    return rows


def _numeric_vertex(rows, d) -> bool:
    """The vertex test in exact Fraction arithmetic, for rational rows."""
    rows = [
        ([Fraction(int(c.p), int(c.q)) for c in cs], Fraction(int(e.p), int(e.q)))
        for cs, e in rows
    ]
    for chosen in itertools.combinations(range(len(rows)), d):
        # Gauss-Jordan on the tight constraints C x = -e
        a = [[*rows[i][0], -rows[i][1]] for i in chosen]
        singular = False
        for col in range(d):
            piv = next((r for r in range(col, d) if a[r][col] != 0), None)
            if piv is None:
                singular = True
                break
            a[col], a[piv] = a[piv], a[col]
            for r in range(d):
                if r != col and a[r][col] != 0:
                    f = a[r][col] / a[col][col]
                    a[r] = [x - f * y for x, y in zip(a[r], a[col], strict=True)]
        if singular:
            continue
        x = [a[r][d] / a[r][r] for r in range(d)]
        if all(
            sum((c * v for c, v in zip(cs, x, strict=True)), e) >= 0 for cs, e in rows
        ):
            return True
    return False


def vertex_exists(constraints, xs) -> sympy.Basic:
    """The exact condition that the constraints ``g >= 0`` have a common point.

    Parameters
    ----------
    constraints : sequence of sympy.Expr
        Affine in ``xs``; together they bound the polytope (e.g. they include
        the simplex constraints of a belief).
    xs : sequence of sympy.Symbol
        The coordinates (at least one).

    Returns
    -------
    sympy Boolean
        A quantifier-free condition on the other symbols (not yet simplified
        under any assumptions): ``True``/``False`` when the coefficients are
        rational numbers.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> vertex_exists([x, 1 - x, 2 * x - 1], (x,))
    True
    """
    d = len(xs)
    rows = _rows(constraints, xs)
    if all(v.is_Rational for cs, e in rows for v in (*cs, e)):
        return S.true if _numeric_vertex(rows, d) else S.false
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
            # c . x + e >= 0 at x = sol / det, multiplied by det**2 > 0
            lhs = sum((c * s for c, s in zip(coeffs, sol, strict=True)), S.Zero)
            parts.append(sympy.Ge(sympy.expand((lhs + const * det) * det), 0))
        cond = sympy.And(*parts)
        if cond is S.true:
            return S.true
        if cond is not S.false:
            options.append(cond)
    return sympy.Or(*options) if options else S.false
