"""Exact evaluation at a point: conditions and expressions at rational values.

Numeric twins, the prover and the samplers all evaluate symbolic objects at
exact rational parameter points. This module is the one place that does it.

An expression is *compiled* once (cached) into a tree of Python closures
that evaluate in :class:`fractions.Fraction` arithmetic; SymPy is used only
for what leaves the rationals (``sqrt(2)``, ``exp(1)``), whose values stay
exact SymPy constants and are compared by their exact sign. The rules:

1. a value is a Fraction when it is rational, else an exact real SymPy
   constant;
2. a value is *undefined* at a point where any subexpression is: a zero
   denominator, an even root (any non-integer power) of a negative number,
   ``nan`` or a complex infinity (only the selected branch of a
   ``Piecewise`` is evaluated);
3. a condition evaluates to True or False, or to None where it is undefined
   (rule 2) or its truth cannot be decided exactly.

:func:`value_at` gives the value (None where undefined), :func:`fraction_at`
the rational value or a :class:`~symtrust.errors.ModelError` naming what is
wrong, :func:`substitute_condition` the truth of a condition, and
:func:`sign` the exact sign of a value.

Examples
--------
>>> import sympy
>>> x = sympy.Symbol("x")
>>> substitute_condition(x > 1, {x: 2})
True
>>> fraction_at(x / 3 + 1, {x: 2})
Fraction(5, 3)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from fractions import Fraction

import sympy
from sympy import S
from sympy.core.relational import Relational
from sympy.logic.boolalg import Boolean, BooleanAtom

from symtrust.errors import ModelError

__all__ = [
    "compare",
    "defined_at",
    "fraction_at",
    "sign",
    "substitute_condition",
    "to_fraction",
    "value_at",
]


class _Undefined(Exception):  # noqa: N818 - internal signal
    """A subexpression is undefined at the point (rule 2)."""


class _Free(Exception):  # noqa: N818 - internal signal
    """A symbol has no value at the point."""


class _Undecided(Exception):  # noqa: N818 - internal signal
    """The exact sign of an irrational value could not be decided."""


class _Inexact(Exception):  # noqa: N818 - internal signal
    """A float: not an exact number."""


def to_fraction(value, what: str = "value") -> Fraction:
    """An exact rational number as a Fraction (an int, a Fraction or a SymPy Rational).

    Raises
    ------
    ModelError
        Anything else: a bool, a float, a symbolic, undefined or irrational value.

    Examples
    --------
    >>> import sympy
    >>> to_fraction(sympy.Rational(-3, 4)), to_fraction(2)
    (Fraction(-3, 4), Fraction(2, 1))
    >>> to_fraction(sympy.sqrt(2), "payoff at CC")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: payoff at CC is sqrt(2), not an exact rational number
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    if isinstance(value, sympy.Expr) and value.free_symbols:
        names = ", ".join(sorted(str(s) for s in value.free_symbols))
        raise ModelError(
            f"{what} is {value}, not a number: no value for {names} (substitute a "
            "parameter point first)"
        )
    raise ModelError(f"{what} is {value!r}, not an exact rational number")


def _sym(v) -> sympy.Expr:
    if isinstance(v, Fraction):
        return sympy.Rational(v.numerator, v.denominator)
    if isinstance(v, bool):
        return S.true if v else S.false
    return v


def _normal(v):
    """A SymPy result as a value: Fraction if rational; undefined if not real."""
    if isinstance(v, Fraction | bool):
        return v
    if v is S.true or v is S.false:
        return bool(v)
    if isinstance(v, sympy.Rational):
        return Fraction(int(v.p), int(v.q))
    if isinstance(v, sympy.Basic):
        if v.has(S.NaN, S.ComplexInfinity):
            raise _Undefined
        if v.free_symbols:
            raise _Free
        if isinstance(v, sympy.Expr) and v.is_extended_real is False:
            raise _Undefined
    return v


def _sign_of(v) -> int:
    """The exact sign of a value; _Undecided if SymPy cannot settle it."""
    if isinstance(v, Fraction):
        return (v > 0) - (v < 0)
    if v is S.Infinity:
        return 1
    if v is S.NegativeInfinity:
        return -1
    if v.is_zero:
        return 0
    if v.is_positive:
        return 1
    if v.is_negative:
        return -1
    # an algebraic expression SymPy did not fold: exact simplification
    w = sympy.simplify(v)
    if w.is_zero:
        return 0
    if w.is_positive:
        return 1
    if w.is_negative:
        return -1
    raise _Undecided


def _compare(a, b) -> int:
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return (a > b) - (a < b)
    return _sign_of(_normal(_sym(a) - _sym(b)))


# ---------------------------------------------------------------- compilation


def _const(value):
    return lambda env: value


def _symbol(sym):
    def get(env):
        try:
            return env[sym]
        except KeyError:
            raise _Free from None

    return get


def _add(parts):
    def run(env):
        vals = [f(env) for f in parts]
        if all(isinstance(v, Fraction) for v in vals):
            return sum(vals, Fraction(0))
        return _normal(sympy.Add(*map(_sym, vals)))

    return run


def _mul(parts):
    def run(env):
        vals = [f(env) for f in parts]
        if all(isinstance(v, Fraction) for v in vals):
            out = Fraction(1)
            for v in vals:
                out *= v
            return out
        return _normal(sympy.Mul(*map(_sym, vals)))

    return run


def _root(base: Fraction, q: int) -> Fraction | None:
    """The exact q-th root of a nonnegative Fraction, or None if irrational."""
    top, exact_top = sympy.integer_nthroot(base.numerator, q)
    if not exact_top:
        return None
    bottom, exact_bottom = sympy.integer_nthroot(base.denominator, q)
    return Fraction(int(top), int(bottom)) if exact_bottom else None


def _fraction_power(base: Fraction, exp: Fraction):
    if exp.denominator == 1:
        if base == 0 and exp < 0:
            raise _Undefined
        return base ** int(exp)
    if base < 0:
        raise _Undefined  # a non-integer power of a negative number is not real
    if base == 0:
        if exp < 0:
            raise _Undefined
        return Fraction(0)
    root = _root(base, exp.denominator)
    if root is not None:
        return root**exp.numerator
    return _normal(sympy.Pow(_sym(base), _sym(exp)))


def _pow(base_fn, exp_fn):
    def run(env):
        b, e = base_fn(env), exp_fn(env)
        if isinstance(b, Fraction) and isinstance(e, Fraction):
            return _fraction_power(b, e)
        if isinstance(e, Fraction) and e.denominator != 1 and _sign_of(b) < 0:
            raise _Undefined
        if _sign_of(b) == 0 and _sign_of(e) <= 0:
            raise _Undefined
        return _normal(sympy.Pow(_sym(b), _sym(e)))

    return run


_RELATIONS = {
    "==": lambda c: c == 0,
    "!=": lambda c: c != 0,
    ">": lambda c: c > 0,
    ">=": lambda c: c >= 0,
    "<": lambda c: c < 0,
    "<=": lambda c: c <= 0,
}


def _relation(op, lhs, rhs):
    test = _RELATIONS[op]

    def run(env):
        return test(_compare(lhs(env), rhs(env)))

    return run


def _logic(combine, parts):
    # Kleene's strong three-valued logic: a False conjunct settles an And and a
    # True disjunct settles an Or even where another part is undefined (a
    # guard such as Ne(d, 0) & (x/d > 0) is False at d = 0, not undefined)
    decisive = {all: False, any: True}.get(combine)

    def run(env):
        values, undefined = [], False
        for f in parts:
            try:
                value = bool(f(env))
            except _Undefined:
                undefined = True
                continue
            if value is decisive:
                return decisive
            values.append(value)
        if undefined:
            raise _Undefined
        return combine(values)

    return run


def _piecewise(pairs):
    def run(env):
        for value, cond in pairs:
            if cond(env):
                return value(env)
        raise _Undefined  # no branch applies

    return run


def _extremum(pick, parts):
    def run(env):
        vals = [f(env) for f in parts]
        best = vals[0]
        for v in vals[1:]:
            if pick(_compare(v, best)):
                best = v
        return best

    return run


def _generic(func, parts):
    def run(env):
        return _normal(func(*[_sym(f(env)) for f in parts]))

    return run


def _implies(vals):
    return (not vals[0]) or vals[1]


_BOOLEAN = {
    sympy.And: all,
    sympy.Or: any,
    sympy.Not: lambda vals: not vals[0],
    sympy.Implies: _implies,
    sympy.Xor: lambda vals: sum(vals) % 2 == 1,
    sympy.Equivalent: lambda vals: all(vals) or not any(vals),
}


@functools.lru_cache(maxsize=16384)
def _compile(expr) -> Callable:
    """A closure evaluating ``expr`` at an environment {symbol: Fraction}."""
    if isinstance(expr, bool):
        return _const(expr)
    if isinstance(expr, BooleanAtom):
        return _const(bool(expr))
    if isinstance(expr, sympy.Rational):
        return _const(Fraction(int(expr.p), int(expr.q)))
    if expr is S.NaN or expr is S.ComplexInfinity:

        def undefined(env):
            raise _Undefined

        return undefined
    if isinstance(expr, sympy.Symbol):
        return _symbol(expr)
    if isinstance(expr, sympy.Float):

        def inexact(env):
            raise _Inexact

        return inexact
    if not expr.args or not expr.free_symbols:
        return _constant(expr)
    parts = [_compile(a) for a in expr.args]
    if isinstance(expr, sympy.Add):
        return _add(parts)
    if isinstance(expr, sympy.Mul):
        return _mul(parts)
    if isinstance(expr, sympy.Pow):
        return _pow(*parts)
    if isinstance(expr, Relational) and expr.rel_op in _RELATIONS:
        return _relation(expr.rel_op, *parts)
    if type(expr) in _BOOLEAN:
        return _logic(_BOOLEAN[type(expr)], parts)
    if isinstance(expr, sympy.Piecewise):
        return _piecewise([(_compile(e), _compile(c)) for e, c in expr.args])
    if isinstance(expr, sympy.Min):
        return _extremum(lambda c: c < 0, parts)
    if isinstance(expr, sympy.Max):
        return _extremum(lambda c: c > 0, parts)
    if isinstance(expr, sympy.Abs):
        (arg,) = parts
        return lambda env: _absolute(arg(env))
    return _generic(expr.func, parts)


def _constant(expr):
    """A closure for an expression without symbols, evaluated once."""
    try:
        value = _normal(expr)
    except _Undefined:

        def undefined(env):
            raise _Undefined

        return undefined
    return _const(value)


def _absolute(v):
    return abs(v) if isinstance(v, Fraction) else (-v if _sign_of(v) < 0 else v)


# SymPy rationals already converted, by identity (the entry keeps the number
# alive, so its id is not reused): twins evaluate many expressions at the same
# few points, and hashing a SymPy number or normalising a Fraction again costs
_CONVERTED: dict[int, tuple] = {}


def _rational(v) -> Fraction:
    hit = _CONVERTED.get(id(v))
    if hit is not None and hit[0] is v:
        return hit[1]
    value = Fraction(int(v.p), int(v.q))
    if len(_CONVERTED) > 65536:
        _CONVERTED.clear()
    _CONVERTED[id(v)] = (v, value)
    return value


def _env(point: Mapping) -> dict:
    env = {}
    for s, v in point.items():
        # exact type checks first: Fraction's metaclass is ABCMeta, and an
        # isinstance against it is slow for every other type
        if type(v) is Fraction:
            env[s] = v
        elif isinstance(v, sympy.Rational):
            env[s] = _rational(v)
        elif isinstance(v, Fraction):
            env[s] = v
        elif isinstance(v, int) and not isinstance(v, bool):
            env[s] = Fraction(v)
        else:
            env[s] = _normal(sympy.sympify(v, strict=True))
    return env


def _evaluate(expr, point: Mapping):
    """The value at the point; raises _Undefined, _Free or _Undecided."""
    if isinstance(expr, sympy.Basic):
        try:
            return _compile(expr)(_env(point or {}))
        except (ZeroDivisionError, TypeError):
            raise _Undefined from None
    if isinstance(expr, Fraction | bool):
        return expr
    if isinstance(expr, int):
        return Fraction(expr)
    if not isinstance(expr, sympy.Basic):
        expr = sympy.sympify(expr, strict=True)
    try:
        return _compile(expr)(_env(point or {}))
    except (ZeroDivisionError, TypeError):
        raise _Undefined from None


# ---------------------------------------------------------------- public API


def value_at(expr, point: Mapping | None = None):
    """The exact value of an expression at a point; None where it is undefined.

    Parameters
    ----------
    expr : sympy.Expr or number
        The expression.
    point : mapping
        A value (int, Fraction or SymPy number) for every free symbol.

    Returns
    -------
    Fraction, sympy.Expr or None
        A Fraction when the value is rational, an exact real SymPy constant
        otherwise, None where the expression is undefined (module rule 2).

    Raises
    ------
    ModelError
        A free symbol without a value at the point.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> value_at(1 / x, {x: 4}), value_at(1 / x, {x: 0}), value_at(sympy.sqrt(x), {x: 2})
    (Fraction(1, 4), None, sqrt(2))
    """
    try:
        return _evaluate(expr, point or {})
    except _Undefined:
        return None
    except _Inexact:
        raise ModelError(
            f"{expr} contains a float: symtrust evaluates exactly (use "
            "fractions.Fraction or sympy.Rational)"
        ) from None
    except _Undecided:
        raise ModelError(
            f"{expr} at {_show(point)}: a comparison inside it cannot be decided "
            "exactly"
        ) from None
    except _Free:
        missing = sympy.sympify(expr, strict=True).free_symbols - set(point or {})
        names = ", ".join(sorted(map(str, missing))) or "a symbol"
        raise ModelError(
            f"{expr} has no value at {dict(point or {})}: no value for {names}"
        ) from None


def fraction_at(expr, point: Mapping | None = None, what: str = "value") -> Fraction:
    """The exact rational value of an expression at a point.

    This is the one conversion of "a value at a point" to a Fraction that the
    twins use.

    Raises
    ------
    ModelError
        The value is undefined (a zero denominator), irrational, or a symbol
        has no value at the point; the message names ``what`` and the point.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> fraction_at((x + 1) / 2, {x: 2})
    Fraction(3, 2)
    >>> fraction_at(1 / x, {x: 0}, "the threshold")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: the threshold 1/x is undefined at {x: 0} (a zero denominator or a root of a negative number)
    """
    if not isinstance(expr, sympy.Basic) and isinstance(expr, Fraction):
        return expr
    value = value_at(expr, point)
    if value is None:
        raise ModelError(
            f"{what} {expr} is undefined at {_show(point)} (a zero denominator or a "
            "root of a negative number)"
        )
    if isinstance(value, Fraction):
        return value
    if isinstance(value, sympy.Expr):
        # an algebraic form SymPy did not fold, such as (1 + sqrt(2))**2 - 2*sqrt(2)
        folded = sympy.simplify(value)
        if isinstance(folded, sympy.Rational):
            return Fraction(int(folded.p), int(folded.q))
    raise ModelError(
        f"{what} {expr} is {value} at {_show(point)}, not an exact rational number"
    )


def _show(point) -> str:
    return "{" + ", ".join(f"{s}: {v}" for s, v in dict(point or {}).items()) + "}"


def _sympy_point(point) -> dict:
    try:
        env = _env(point or {})
    except _Free:
        # a symbolic value (x = 2*k): SymPy's own substitution takes it as it is
        return {s: sympy.sympify(v, strict=True) for s, v in dict(point).items()}
    return {s: _sym(v) for s, v in env.items()}


def sign(value) -> int:
    """The exact sign (-1, 0 or 1) of a real number: a Fraction or a SymPy constant.

    Raises
    ------
    ModelError
        An undefined or non-real value, or an irrational one whose sign SymPy
        cannot decide exactly.

    Examples
    --------
    >>> import sympy
    >>> sign(Fraction(-1, 3)), sign(sympy.sqrt(2) - 1), sign(sympy.sqrt(8) - 2 * sympy.sqrt(2))
    (-1, 1, 0)
    """
    try:
        v = _evaluate(value, {})
        if isinstance(v, bool):
            raise ModelError(f"{value!r} is a truth value, not a number")
        return _sign_of(v)
    except _Undefined:
        raise ModelError(f"{value} is undefined or not real: it has no sign") from None
    except _Undecided:
        raise ModelError(f"cannot decide the sign of {value} exactly") from None
    except _Inexact:
        raise ModelError(f"{value} is a float: its sign is not exact") from None
    except _Free:
        raise ModelError(f"{value} is symbolic: it has no sign") from None


def compare(a, b) -> int:
    """The exact sign of ``a - b`` for real numbers (Fractions or SymPy constants).

    Raises
    ------
    ModelError
        As :func:`sign`.

    Examples
    --------
    >>> import sympy
    >>> compare(Fraction(3, 2), sympy.sqrt(2)), compare(sympy.sqrt(8), 2 * sympy.sqrt(2))
    (1, 0)
    """
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return (a > b) - (a < b)
    return sign(_sym(_evaluate(a, {})) - _sym(_evaluate(b, {})))


def substitute_condition(cond: sympy.Basic, point: Mapping) -> bool | None:
    """Evaluate a condition exactly at a point; None if it is undefined there.

    None also when its truth cannot be decided exactly, or a symbol of the
    condition has no value at the point and the condition does not settle
    without it.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> substitute_condition(1 / x > 0, {x: 0}) is None
    True
    >>> substitute_condition(x**2 >= 2, {x: sympy.Rational(3, 2)})
    True

    A false conjunct settles a conjunction, a true disjunct a disjunction,
    even where another part is undefined (Kleene's three-valued logic):

    >>> guarded = sympy.And(sympy.Ne(x, 0), 1 / x > 0)
    >>> substitute_condition(guarded, {x: 0})
    False
    >>> substitute_condition(sympy.Or(x > -1, 1 / x > 0), {x: 0})
    True
    """
    try:
        value = _evaluate(cond, point or {})
    except _Undefined:
        return None
    except (_Free, _Undecided, _Inexact):
        return _by_sympy(cond, point)
    if isinstance(value, bool):
        return value
    return None  # an expression, not a condition


def _by_sympy(cond, point) -> bool | None:
    """SymPy's own substitution (a partial point, an undecided algebraic sign)."""
    try:
        value = cond.xreplace(_sympy_point(point)) if point else cond
        value = value.doit() if isinstance(value, sympy.Basic) else value
    except (ZeroDivisionError, TypeError, _Undefined):
        return None
    if value is S.true or value is True:
        return True
    if value is S.false or value is False:
        return False
    if not isinstance(value, Boolean) or value.has(S.NaN, S.ComplexInfinity):
        return None
    if value.free_symbols:
        return None
    try:
        simplified = sympy.simplify(value)
    except Exception:  # pragma: no cover - SymPy internals
        return None
    if simplified is S.true:
        return True
    if simplified is S.false:
        return False
    return None


def defined_at(cond, point) -> bool:
    """Whether every subexpression of ``cond`` is finite and real at ``point``.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> defined_at(1 / x > 0, {x: 0}), defined_at(1 / x > 0, {x: 2})
    (False, True)
    """
    try:
        _evaluate(cond, point)
    except _Undefined:
        return False
    except (_Free, _Undecided, _Inexact):
        return _defined_by_sympy(cond, point)
    if isinstance(cond, sympy.Basic) and cond.has(sympy.Piecewise):
        # branches not taken were not evaluated: look at every subexpression
        return _defined_by_sympy(cond, point)
    return True


def _defined_by_sympy(cond, point) -> bool:
    subs = _sympy_point(point)
    for sub in sympy.preorder_traversal(cond):
        if isinstance(sub, sympy.Expr) and not isinstance(sub, sympy.Symbol):
            try:
                val = sub.xreplace(subs)
            except (ZeroDivisionError, TypeError):
                return False
            if val.is_number and (
                val.has(S.ComplexInfinity, S.NaN, S.Infinity, S.NegativeInfinity)
                or val.is_real is False
            ):
                return False
    return True
