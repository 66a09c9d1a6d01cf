"""Solving first-order systems exactly, or saying why not.

``solve_system`` returns every closed-form solution of polynomial (or
rational) equations in the unknowns. It never returns a silent empty answer
for a system SymPy could not handle: a solver failure, roots without a
closed form (``CRootOf``), or an empty answer to a nonlinear system whose
Groebner basis is not ``[1]`` (which would prove there is no solution) is an
:class:`~symtrust.errors.UnsupportedError` naming the equations and their
degree.
"""

from __future__ import annotations

import sympy

from symtrust.errors import UnsupportedError

__all__ = ["numerator", "solve_system", "system_degree", "type_coefficients"]


def numerator(expr) -> sympy.Expr:
    """The numerator of an expression combined into one fraction.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> numerator(1 / x - 1)
    1 - x
    """
    return sympy.numer(sympy.together(expr))


def type_coefficients(expr, var, *, why: str) -> list:
    """The coefficients in ``var`` of the numerator of a first-order condition.

    A condition that must hold for every type ``var`` holds iff each
    coefficient vanishes; ``why`` says what fails when it is not polynomial.

    Raises
    ------
    UnsupportedError
        The numerator is not polynomial in ``var``.

    Examples
    --------
    >>> import sympy
    >>> t, a, b = sympy.symbols("t a b")
    >>> type_coefficients((a * t + b - t) / 2, t, why="no linear form")
    [a - 1, b]
    """
    try:
        return sympy.Poly(numerator(sympy.expand(expr)), var).all_coeffs()
    except sympy.PolynomialError:
        raise UnsupportedError(
            f"the first-order condition {expr} = 0 is not polynomial in the type "
            f"{var}: {why}"
        ) from None


def system_degree(polys, unknowns) -> int | None:
    """The largest total degree in the unknowns (None if not polynomial).

    Examples
    --------
    >>> import sympy
    >>> x, y = sympy.symbols("x y")
    >>> system_degree([x * y - 1, x + y], (x, y))
    2
    """
    degrees = []
    for p in polys:
        try:
            degrees.append(sympy.Poly(p, *unknowns).total_degree())
        except sympy.PolynomialError:
            return None
    return max(degrees, default=0)


def _unsupported(eqs, unknowns, why) -> UnsupportedError:
    degree = system_degree(eqs, unknowns)
    shown = "; ".join(f"{sympy.sstr(e)} = 0" for e in eqs)
    deg = f"of degree {degree}" if degree is not None else "not polynomial"
    return UnsupportedError(
        f"cannot solve the first-order system {shown} for "
        f"{', '.join(map(str, unknowns))} ({deg} in the actions): {why}"
    )


def solve_system(eqs, unknowns) -> list:
    """Every closed-form solution of ``eqs = 0`` as dicts unknown -> value.

    Raises
    ------
    UnsupportedError
        SymPy cannot solve the system, its roots have no closed form, or a
        continuum of solutions; the message names the equations and degree.

    Examples
    --------
    >>> import sympy
    >>> x, y = sympy.symbols("x y", real=True)
    >>> solve_system([1 - 2 * x - y, 1 - 2 * y - x], (x, y))
    [{x: 1/3, y: 1/3}]
    >>> solve_system([x**5 - x - 1], (x,))
    Traceback (most recent call last):
    ...
    symtrust.errors.UnsupportedError: cannot solve the first-order system x**5 - x - 1 = 0 for x (of degree 5 in the actions): SymPy returned no solution
    """
    eqs = [numerator(e) for e in eqs]
    eqs = [e for e in eqs if e != 0]
    if not unknowns:
        return [{}]
    if not eqs:
        raise _unsupported(eqs, unknowns, "no equation restricts the actions")
    try:
        sols = sympy.solve(eqs, list(unknowns), dict=True)
    except (NotImplementedError, sympy.PolynomialError, ValueError) as exc:
        raise _unsupported(eqs, unknowns, f"SymPy cannot solve it ({exc})") from None
    out = []
    for sol in sols:
        if any(v.has(sympy.CRootOf, sympy.RootOf) for v in sol.values()):
            raise _unsupported(eqs, unknowns, "its roots have no closed form (CRootOf)")
        if set(sol) != set(unknowns) or any(
            v.free_symbols & set(unknowns) for v in sol.values()
        ):
            raise _unsupported(eqs, unknowns, "it has a continuum of solutions")
        if any(v.has(sympy.I) and v.free_symbols == set() for v in sol.values()):
            continue  # a numeric non-real root
        out.append(sol)
    if not sols and system_degree(eqs, unknowns) != 1:
        degree = system_degree(eqs, unknowns)
        if degree is None or list(sympy.groebner(eqs, *unknowns)) != [1]:
            raise _unsupported(eqs, unknowns, "SymPy returned no solution")
    return out
