"""Continuous types given by their density, validated exactly.

Models often state a type's density rather than its CDF. ``from_density``
checks the two rules a density must obey on its support ``[lo, hi]`` before
building the :class:`~symtrust.games.continuous_types.ContinuousType`
(whose CDF is the integral of the density):

1. ``f >= 0`` on the support (decided by z3 under the assumptions);
2. ``int_lo^hi f = 1`` (exactly, or decided by z3 when symbolic).

Examples
--------
>>> import sympy
>>> t = sympy.Symbol("t", real=True)
>>> from_density(2 * t, t, (0, 1)).cdf
t**2
>>> from_density(t, t, (0, 1))
Traceback (most recent call last):
...
symtrust.errors.ModelError: density t does not integrate to 1 over [0, 1]: its integral is 1/2
"""

from __future__ import annotations

import sympy

from symtrust.core.numbers import exact_number
from symtrust.errors import ModelError
from symtrust.games.continuous_types.distributions import ContinuousType
from symtrust.logic.assumptions import build_assumptions, extend_assumptions
from symtrust.logic.decide import decide

__all__ = ["from_density"]


def from_density(density, variable, support, *, assumptions=None) -> ContinuousType:
    """A continuous type from its density on ``support = (lo, hi)``.

    Raises
    ------
    ModelError
        A density that is negative somewhere on the support, does not
        integrate to 1, is not exact (floats, strings, nan), or a support in
        the wrong order.

    Examples
    --------
    >>> import sympy
    >>> t = sympy.Symbol("t", real=True)
    >>> from_density(1 - 2 * t, t, (0, 1))
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: density 1 - 2*t is negative somewhere on the support [0, 1] (at t = ..., for instance): a density must be >= 0
    """
    if not isinstance(variable, sympy.Symbol):
        raise ModelError(f"variable={variable!r} must be a SymPy Symbol")
    f = exact_number(density, "density")
    if not (isinstance(support, (tuple, list)) and len(support) == 2):
        raise ModelError(f"support={support!r} must be a pair (lower, upper)")
    lo = exact_number(support[0], "lower bound of the support")
    hi = exact_number(support[1], "upper bound of the support")
    syms = (f.free_symbols | lo.free_symbols | hi.free_symbols) - {variable}
    stated = () if assumptions is None else tuple(assumptions)
    assume = build_assumptions(stated, symbols=syms)
    if decide(sympy.StrictLessThan(lo, hi), assume).truth is False:
        raise ModelError(
            f"support [{lo}, {hi}] has its bounds in the wrong order: lower={lo} "
            f"< upper={hi} fails"
        )
    assume = extend_assumptions(assume, [sympy.StrictLessThan(lo, hi)])
    x = sympy.Dummy("x", real=True)
    inside = extend_assumptions(assume, [x >= lo, x <= hi])
    sign = decide(f.xreplace({variable: x}) >= 0, inside)
    if sign.truth is False:
        at = (sign.counterexample or {}).get(x)
        where = f" (at {variable} = {at}, for instance)" if at is not None else ""
        raise ModelError(
            f"density {f} is negative somewhere on the support [{lo}, {hi}]{where}: "
            "a density must be >= 0"
        )
    s = sympy.Dummy("s", real=True)
    total = sympy.simplify(sympy.integrate(f.xreplace({variable: s}), (s, lo, hi)))
    if total != 1 and (
        total.is_number or decide(sympy.Eq(total, 1), assume).truth is False
    ):
        raise ModelError(
            f"density {f} does not integrate to 1 over [{lo}, {hi}]: its integral "
            f"is {total}"
        )
    cdf = sympy.simplify(sympy.integrate(f.xreplace({variable: s}), (s, lo, variable)))
    return ContinuousType.build(cdf, variable, (lo, hi), assumptions=assume)
