"""Real roots of a polynomial in one unknown, in closed form, with conditions.

An equation ``P(x) = 0`` whose coefficients are expressions in parameters has
closed-form roots up to degree 4 (degree 5 and up have none in radicals, by
Abel-Ruffini). Each root is reported with the condition under which it is a
real root of the equation:

1. ``P`` is factored over the rationals (in all its symbols); a factor free of
   ``x`` makes the equation hold identically where it vanishes (a degenerate
   parameter set, reported as a note);
2. a factor ``a x + b``: the root ``-b/a``, valid where ``a != 0``;
3. a factor ``a x^2 + b x + c``: the roots ``(-b +- sqrt(D)) / (2 a)`` with
   ``D = b^2 - 4 a c``, valid where ``a != 0`` and ``D >= 0``;
4. degree 3 and 4: SymPy's radical formulas (Cardano, Ferrari), valid where
   the leading coefficient is nonzero and the root's imaginary part vanishes;
   with numeric coefficients, exact real-root isolation (``CRootOf``) instead.

Examples
--------
>>> import sympy
>>> x, k = sympy.symbols("x k", positive=True)
>>> roots, notes = polynomial_roots(x**2 - 2*x + k, x)
>>> [(r.value, r.condition) for r in roots]
[(1 - sqrt(4 - 4*k)/2, 4 - 4*k >= 0), (sqrt(4 - 4*k)/2 + 1, 4 - 4*k >= 0)]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.errors import UnsupportedError

__all__ = ["PolynomialRoot", "polynomial_roots"]


@dataclass(frozen=True)
class PolynomialRoot:
    """One closed-form root of a polynomial equation.

    Attributes
    ----------
    value : sympy.Expr
        The root.
    condition : sympy Boolean
        Where it is a real, well-defined root (leading coefficient nonzero,
        discriminant nonnegative), not yet simplified.
    factor : sympy.Expr
        The irreducible factor it solves.
    degree : int
        The factor's degree in the unknown.
    discriminant : sympy.Expr or None
        The factor's discriminant (degree 2 and up).
    branch : int
        For a quadratic ``(-b + branch sqrt(D)) / (2 a)``: -1 or +1; else 0.
    """

    value: sympy.Expr
    condition: sympy.Basic
    factor: sympy.Expr
    degree: int
    discriminant: sympy.Expr | None = None
    branch: int = 0

    def within(self, x, lower, upper, lead_sign: int | None):
        """``lower <= root <= upper`` as a condition free of square roots.

        For a quadratic root (given ``D >= 0``) with ``g = sign(a) P`` and
        vertex ``v = -b / (2 a)``: the smaller root is ``<= u`` iff
        ``g(u) <= 0`` or ``v <= u``, and ``>= l`` iff ``g(l) >= 0`` and
        ``v >= l``; the larger root is ``<= u`` iff ``g(u) >= 0`` and
        ``v <= u``, and ``>= l`` iff ``g(l) <= 0`` or ``v >= l``. Other roots,
        or a leading coefficient of unknown sign (``lead_sign`` None), give the
        plain comparison.

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x")
        >>> roots, _ = polynomial_roots(x**2 - 3*x + 1, x)
        >>> roots[1].within(x, 0, 2, 1)
        False
        """
        if self.degree != 2 or lead_sign not in (1, -1):
            return sympy.And(self.value >= lower, self.value <= upper)
        poly = sympy.Poly(self.factor, x)
        a, b, _ = poly.all_coeffs()
        g = lead_sign * poly.as_expr()
        vertex = sympy.cancel(-b / (2 * a))
        larger = self.branch * lead_sign > 0
        g_u, g_l = sympy.expand(g.subs(x, upper)), sympy.expand(g.subs(x, lower))
        if larger:
            up = sympy.And(g_u >= 0, vertex <= upper)
            low = sympy.Or(g_l <= 0, vertex >= lower)
        else:
            up = sympy.Or(g_u <= 0, vertex <= upper)
            low = sympy.And(g_l >= 0, vertex >= lower)
        return sympy.And(low, up)


def polynomial_roots(
    expr, x: sympy.Symbol, *, max_degree: int = 4
) -> tuple[tuple[PolynomialRoot, ...], tuple[str, ...]]:
    """Closed-form roots of ``expr = 0`` in ``x``, each with its validity condition.

    Parameters
    ----------
    expr : sympy.Expr
        A polynomial in ``x`` whose coefficients may involve parameters.
    x : sympy.Symbol
        The unknown.
    max_degree : int
        Largest degree of an irreducible factor with symbolic coefficients that
        is solved in radicals (at most 4).

    Returns
    -------
    roots : tuple of PolynomialRoot
    notes : tuple of str
        Degenerate cases met (factors free of ``x``).

    Raises
    ------
    UnsupportedError
        If ``expr`` is not a polynomial in ``x``, or an irreducible factor with
        symbolic coefficients has degree above ``max_degree``.

    Examples
    --------
    >>> import sympy
    >>> x, a = sympy.symbols("x a", real=True)
    >>> roots, _ = polynomial_roots(a*x - 1, x)
    >>> roots[0].value, roots[0].condition
    (1/a, Ne(a, 0))
    >>> polynomial_roots(x**5 - a*x - 1, x)
    Traceback (most recent call last):
    ...
    symtrust.errors.UnsupportedError: the equation -a*x + x**5 - 1 = 0 has an irreducible factor of degree 5 in x with symbolic coefficients; closed forms in radicals stop at degree 4 (Abel-Ruffini): solve at a parameter point with numeric_cutoffs(...) instead
    """
    expr = sympy.expand(expr)
    try:
        sympy.Poly(expr, x)
    except sympy.PolynomialError as exc:
        raise UnsupportedError(
            f"{expr} = 0 is not a polynomial equation in {x}: {exc}"
        ) from None
    if not expr.has(x):
        raise UnsupportedError(f"{expr} = 0 does not involve the unknown {x}")
    _, factors = sympy.factor_list(expr)
    roots: list[PolynomialRoot] = []
    notes: list[str] = []
    for factor, _mult in factors:
        poly = sympy.Poly(factor, x)
        if poly.LC().is_number and poly.LC().is_negative:
            # a positive leading coefficient orders quadratic roots low, high
            factor, poly = -factor, -poly
        d = poly.degree()
        if d == 0:
            notes.append(
                f"the equation holds for every {x} where {factor} = 0 "
                "(a degenerate parameter set, not reported)"
            )
            continue
        coeffs = poly.all_coeffs()
        numeric = all(c.is_number for c in coeffs)
        if d > max_degree and not numeric:
            raise UnsupportedError(
                f"the equation {expr} = 0 has an irreducible factor of degree {d} "
                f"in {x} with symbolic coefficients; closed forms in radicals stop "
                "at degree 4 (Abel-Ruffini): solve at a parameter point with "
                "numeric_cutoffs(...) instead"
            )
        roots.extend(_factor_roots(factor, poly, coeffs, d, numeric))
    # a root found twice (repeated factor) is reported once
    unique, seen = [], set()
    for r in roots:
        if r.value not in seen:
            seen.add(r.value)
            unique.append(r)
    return tuple(unique), tuple(notes)


def _factor_roots(factor, poly, coeffs, d, numeric):
    lead = coeffs[0]
    nonzero = S.true if lead.is_number else sympy.Ne(lead, 0)
    if numeric and d > 2:
        # exact real-root isolation: each real root is an exact CRootOf
        return [
            PolynomialRoot(r, S.true, factor, d, sympy.discriminant(poly))
            for r in sympy.real_roots(poly)
        ]
    if d == 1:
        a, b = coeffs
        return [PolynomialRoot(sympy.cancel(-b / a), nonzero, factor, 1)]
    if d == 2:
        a, b, c = coeffs
        disc = sympy.expand(b**2 - 4 * a * c)
        real = sympy.GreaterThan(disc, 0)
        if disc.is_number:
            if disc.is_negative:
                return []
            real = S.true
        root_d = sympy.sqrt(disc)
        values = [(-b - root_d) / (2 * a), (-b + root_d) / (2 * a)]
        return [
            PolynomialRoot(
                sympy.expand(v) if a.is_number else v,
                sympy.And(nonzero, real),
                factor,
                2,
                disc,
                branch,
            )
            for v, branch in zip(values, (-1, 1), strict=True)
        ]
    # degree 3 or 4 with symbolic coefficients: radical formulas
    found = sympy.roots(poly, cubics=True, quartics=True, multiple=True)
    if len(found) != d:
        raise UnsupportedError(
            f"SymPy found no radical formula for the roots of {factor} = 0"
        )
    disc = sympy.discriminant(poly)
    return [
        PolynomialRoot(r, sympy.And(nonzero, sympy.Eq(sympy.im(r), 0)), factor, d, disc)
        for r in found
    ]
