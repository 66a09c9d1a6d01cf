"""Horizons of finitely repeated games: a positive integer or a symbol.

A horizon (the number of periods) is a positive ``int`` (or SymPy
``Integer``), or a SymPy symbol declared a positive integer, such as the one
:func:`horizon` makes. Anything else (a float, a string, nan, zero, a
negative number, a real symbol) is refused with a
:class:`~symtrust.errors.ModelError` that names the value.

Examples
--------
>>> as_horizon(3)
3
>>> n = horizon("n")
>>> as_horizon(n) is n, n.is_integer, n.is_positive
(True, True, True)
>>> as_horizon(2.5)
Traceback (most recent call last):
...
symtrust.errors.ModelError: horizon=2.5 must be a positive integer or a positive-integer symbol (see horizon())
"""

from __future__ import annotations

import math

import sympy
from sympy import S

from symtrust.core.parameters import Parameter
from symtrust.errors import ModelError

__all__ = ["as_horizon", "horizon", "is_symbolic"]


def horizon(name: str = "n") -> sympy.Symbol:
    """A positive-integer parameter for a symbolic number of periods.

    Examples
    --------
    >>> horizon("T").domain
    Interval(1, oo)
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ModelError(f"horizon name={name!r} must be an identifier string")
    return Parameter(name, sympy.Interval(1, S.Infinity), integer=True)


def is_symbolic(value) -> bool:
    """Whether a validated horizon is a symbol (not a number).

    Examples
    --------
    >>> is_symbolic(3), is_symbolic(horizon())
    (False, True)
    """
    return isinstance(value, sympy.Symbol)


def as_horizon(value, what: str = "horizon"):
    """Validate a horizon: a positive integer, or a positive-integer symbol.

    Returns an ``int`` for a number, the symbol itself for a symbol.

    Raises
    ------
    ModelError
        A bool, float, nan, string, zero or negative number, or a symbol not
        declared a positive integer.

    Examples
    --------
    >>> as_horizon(sympy.Integer(4))
    4
    >>> as_horizon(0)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: horizon=0 must be a positive integer (at least 1 period)
    """
    hint = "must be a positive integer or a positive-integer symbol (see horizon())"
    if isinstance(value, bool) or isinstance(value, str):
        raise ModelError(f"{what}={value!r} {hint}")
    if isinstance(value, float):
        if math.isnan(value):
            raise ModelError(f"{what}=nan {hint}")
        raise ModelError(f"{what}={value!r} {hint}")
    if isinstance(value, sympy.Symbol):
        if value.is_integer and value.is_positive:
            return value
        raise ModelError(
            f"{what}={value} is a symbol not declared a positive integer: {hint}"
        )
    if isinstance(value, (int, sympy.Integer)):
        if int(value) < 1:
            raise ModelError(
                f"{what}={value!r} must be a positive integer (at least 1 period)"
            )
        return int(value)
    raise ModelError(f"{what}={value!r} {hint}")
