"""Exact real numbers: the one validator every constructor and ``subs`` uses.

symtrust computes exactly over the reals. Every number a user hands it (a
payoff, a prior, a likelihood, a cost, a bound, a count, a power share, a value
substituted for a parameter) goes through :func:`exact_number`, which accepts

* Python and numpy integers, :class:`fractions.Fraction`,
  :class:`decimal.Decimal` (finite) and exact SymPy numbers;
* SymPy expressions in real parameters;

and refuses, naming the value, what it is and the rule it breaks:

* strings (text is never parsed), bools, and objects that are not numbers;
* floats, numpy floats and SymPy ``Float`` (inexact: use ``Fraction`` or
  ``sympy.Rational``);
* ``nan``, infinities (``oo``, ``zoo``, ``float("inf")``) and complex values
  (``1j``, ``c + I``, symbols declared ``complex=True``).

:func:`check_relation` applies the same rules to the numbers inside a stated
assumption such as ``c > 1/2``.

Examples
--------
>>> from fractions import Fraction
>>> exact_number(Fraction(1, 2), "prior of 'trustworthy'")
1/2
>>> exact_number(0.5, "prior of 'trustworthy'")
Traceback (most recent call last):
...
symtrust.errors.ModelError: prior of 'trustworthy' is the float 0.5: symtrust computes exactly; use an int, fractions.Fraction('0.5') or sympy.Rational('0.5')
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from fractions import Fraction

import sympy
from sympy import S

from symtrust.errors import ModelError

__all__ = ["check_relation", "exact_number", "is_numpy", "non_real_symbols"]

_STRING_HINT = (
    "strings are not parsed; build it from parameters, "
    'e.g. c - w with c, w = positive("c w")'
)


def is_numpy(value) -> bool:
    """Whether a value comes from numpy (checked without importing numpy).

    Examples
    --------
    >>> is_numpy(3), is_numpy([1, 2])
    (False, False)
    """
    return type(value).__module__.split(".")[0] == "numpy"


def _float_message(value, what: str) -> str:
    number = float(value)
    if math.isnan(number):
        return f"{what} is nan (not a number): every value must be a finite real number"
    if math.isinf(number):
        return f"{what} is {number!r}, an infinity: every value must be finite"
    text = repr(number)
    numpy_hint = (
        f" (a numpy {type(value).__name__}: build the array with dtype=int, or "
        "dtype=object with Fraction entries)"
        if is_numpy(value)
        else ""
    )
    return (
        f"{what} is the float {text}: symtrust computes exactly; use an int, "
        f"fractions.Fraction({text!r}) or sympy.Rational({text!r}){numpy_hint}"
    )


def non_real_symbols(expr) -> list:
    """Free symbols that are declared non-real, complex or noncommutative.

    A plain ``Symbol("x")`` (no assumptions) is taken as real, as z3 takes it.

    Examples
    --------
    >>> import sympy
    >>> z, x = sympy.Symbol("z", complex=True), sympy.Symbol("x")
    >>> non_real_symbols(z + x)
    [z]
    """
    out = []
    for s in getattr(expr, "free_symbols", ()):
        if not isinstance(s, sympy.Symbol) or isinstance(s, sympy.Dummy):
            continue
        if (
            s.is_extended_real is False
            or s.is_commutative is False
            or (s.is_complex is True and s.is_extended_real is not True)
        ):
            out.append(s)
    return sorted(out, key=str)


def _symbolic_problem(expr) -> str | None:
    """Why a SymPy object holds something that is not an exact real value.

    The text continues "<what> is <expr>, which ..." (None when all is well).
    """
    if expr.has(S.NaN):
        return "contains nan (not a number): every value must be a finite real number"
    for inf in (S.ComplexInfinity, S.Infinity, S.NegativeInfinity):
        if expr.has(inf):
            return f"contains the infinity {inf}: every value must be finite"
    floats = sorted(expr.atoms(sympy.Float), key=str)
    if floats:
        # the float as typed (0.5), not SymPy's 15 digits
        f = repr(float(floats[0]))
        return (
            f"contains the float {f}: symtrust computes exactly; use "
            f"fractions.Fraction({f!r}) or sympy.Rational({f!r})"
        )
    if expr.has(S.ImaginaryUnit) or (
        isinstance(expr, sympy.Expr) and expr.is_number and expr.is_real is False
    ):
        return "is not real (it contains the imaginary unit I): values must be real"
    bad = non_real_symbols(expr)
    if bad:
        s = bad[0]
        return (
            f"contains the symbol {s}, declared complex or non-real: symtrust's "
            f'parameters are real; use real("{s.name}") or another symtrust '
            "parameter"
        )
    return None


def exact_number(value, what: str) -> sympy.Expr:
    """Validate one number a model takes: exact, real and finite.

    Parameters
    ----------
    value : int, Fraction, Decimal, numpy integer or sympy.Expr
        The number, or an expression in (real) parameters.
    what : str
        What the number is, for the message ("prior of 'trustworthy'",
        "number of players n", "payoff at ('C', 'D')").

    Returns
    -------
    sympy.Expr
        The value as a SymPy object (Python and numpy integers become
        ``Integer``, fractions ``Rational``).

    Raises
    ------
    ModelError
        A string, bool, float, nan, infinity, complex value, non-real symbol,
        or an object that is not a number; the message names the value and
        the rule.

    Examples
    --------
    >>> import sympy
    >>> exact_number(3, "number of players n")
    3
    >>> exact_number(sympy.nan, "prior of 'high'")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: prior of 'high' is nan (not a number): every value must be a finite real number
    >>> c = sympy.Symbol("c", positive=True)
    >>> exact_number(c + sympy.I, "payoff at ('C', 'C')")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: payoff at ('C', 'C') is c + I, which is not real (it contains the imaginary unit I): values must be real
    """
    if isinstance(value, (str, bytes)):
        raise ModelError(f"{what} is the string {value!r}: {_STRING_HINT}")
    if isinstance(value, bool) or (
        is_numpy(value) and type(value).__name__.startswith("bool")
    ):
        raise ModelError(f"{what} is the bool {value!r}, not a number")
    if is_numpy(value) and getattr(value, "shape", None) not in (None, ()):
        raise ModelError(
            f"{what} is a numpy array of shape {value.shape}, not a single number"
        )
    if is_numpy(value) and not isinstance(value, numbers.Number):
        # a 0-d array: its single entry
        value = value.item()
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return sympy.Integer(int(value))
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ModelError(
                f"{what} is Decimal({str(value)!r}): every value must be a finite "
                "real number"
            )
        frac = Fraction(value)
        return sympy.Rational(frac.numerator, frac.denominator)
    if isinstance(value, numbers.Real) and not isinstance(value, sympy.Basic):
        raise ModelError(_float_message(value, what))
    if isinstance(value, numbers.Complex) and not isinstance(value, sympy.Basic):
        raise ModelError(f"{what} is the complex number {value!r}: values must be real")
    if isinstance(value, sympy.Basic):
        if not isinstance(value, sympy.Expr) or getattr(value, "is_Matrix", False):
            raise ModelError(
                f"{what} is {value} (a SymPy {type(value).__name__}), not a number "
                "or an expression"
            )
        problem = _symbolic_problem(value)
        if problem is None:
            return value
        if value is S.NaN:
            raise ModelError(
                f"{what} is nan (not a number): every value must be a finite "
                "real number"
            )
        if value in (S.ComplexInfinity, S.Infinity, S.NegativeInfinity):
            raise ModelError(
                f"{what} is the infinity {value}: every value must be finite"
            )
        if isinstance(value, sympy.Float):
            raise ModelError(_float_message(value, what))
        raise ModelError(f"{what} is {value}, which {problem}")
    raise ModelError(
        f"{what} is {value!r} of type {type(value).__name__}; expected an exact "
        "number (int, fractions.Fraction, sympy.Rational) or a SymPy expression "
        "in parameters"
    )


def check_relation(cond, what: str, error=ModelError) -> None:
    """Apply :func:`exact_number`'s rules to every number inside a relation.

    Parameters
    ----------
    cond : sympy Boolean
        A relation or logical combination of relations.
    what : str
        What it is ("assumption c > 1/2"), for the message.
    error : type
        The exception class to raise.

    Examples
    --------
    >>> import sympy
    >>> c = sympy.Symbol("c", positive=True)
    >>> check_relation(c > sympy.Rational(1, 2), "assumption")
    >>> check_relation(c > 0.5, "assumption c > 0.5")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: assumption c > 0.5 contains the float 0.5: symtrust computes exactly; use fractions.Fraction('0.5') or sympy.Rational('0.5')
    """
    problem = _symbolic_problem(cond)
    if problem is not None:
        problem = problem.replace(
            "is not real (it contains the imaginary unit I)",
            "contains the imaginary unit I",
        )
        raise error(f"{what} {problem}")
