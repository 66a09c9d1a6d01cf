"""Parameter points: validated substitutions into models and results.

A *point* maps some of a model's parameters to values. Every ``subs`` in
symtrust (games, :class:`~symtrust.core.result.Result`,
:class:`~symtrust.core.result.Solution`) checks its point here first:

1. keys are the model's own parameters (SymPy symbols, not strings; a symbol
   that merely shares a parameter's name is refused, naming both);
2. values pass :func:`~symtrust.core.numbers.exact_number` (exact, real,
   finite: no strings, floats, nan, infinities or complex numbers);
3. a numeric value lies in its parameter's domain (``q = 3/2`` is refused for
   a probability ``q``), and an integer parameter gets an integer.

The stated assumptions are then substituted by
:meth:`~symtrust.core.assumptions.Assumptions.subs`: those that became true
are dropped, a false one is refused, the rest are kept.

:func:`substitute` carries a point into any value a result holds (SymPy
objects, tuples, mappings, steps, nested games).

Examples
--------
>>> from symtrust.core.parameters import probability
>>> q = probability("q")
>>> check_point({q: 1}, {q})
{q: 1}
>>> check_point({q: 2}, {q})
Traceback (most recent call last):
...
symtrust.errors.AssumptionError: q = 2 is outside the domain of q: q must lie in [0, 1]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import sympy
from sympy import S, Symbol

from symtrust.core.exact import substitute_condition
from symtrust.core.numbers import exact_number
from symtrust.core.parameters import (
    describe_symbol,
    domain_rule,
    symbol_domain_condition,
)
from symtrust.errors import AssumptionError, ModelError

__all__ = ["at_point", "check_point", "point_text", "substitute", "symbols_of"]


def point_text(point: Mapping) -> str:
    """A point as ``q = 1/2, c = 3`` for messages.

    Examples
    --------
    >>> import sympy
    >>> point_text({sympy.Symbol("c"): 3})
    'c = 3'
    """
    return ", ".join(f"{k} = {v}" for k, v in point.items())


def _names(parameters) -> str:
    names = sorted(str(s) for s in parameters)
    return ", ".join(names) if names else "none"


def _key(key, parameters, by_name: dict, where: str, strict: bool) -> Symbol | None:
    if isinstance(key, str):
        hint = (
            f": use the parameter object {key} itself (it is among {where}'s "
            "parameters)"
            if key in by_name
            else f"; {where}'s parameters are {_names(parameters)}"
        )
        raise ModelError(
            f"point key {key!r} is a string: keys are parameters, never names "
            f"(text is not looked up or parsed){hint}"
        )
    if not isinstance(key, Symbol):
        raise ModelError(
            f"point key {key!r} is not a parameter (a SymPy symbol); {where}'s "
            f"parameters are {_names(parameters)}"
        )
    if key in parameters:
        return key
    if key.name not in by_name and not strict:
        return None
    if key.name in by_name:
        raise ModelError(
            f"point key {describe_symbol(key)} is not the parameter of {where} "
            f"with that name, {describe_symbol(by_name[key.name])}: two symbols "
            "with one name are different parameters; use the model's own "
            "parameter object"
        )
    raise ModelError(
        f"{key} is not a parameter of {where}; its parameters are {_names(parameters)}"
    )


def _same_names(key, value, by_name: dict, where: str) -> None:
    """A symbolic value must not bring a second symbol with a parameter's name."""
    for s in sorted(value.free_symbols, key=str):
        own = by_name.get(s.name)
        if own is not None and own != s:
            raise ModelError(
                f"value of {key}, {value}, mentions {describe_symbol(s)}, which is "
                f"not the parameter of {where} with that name, "
                f"{describe_symbol(own)}: two symbols with one name are different "
                "parameters; use the model's own parameter object"
            )


def _check_domain(key: Symbol, value) -> None:
    if key.is_integer and value.is_integer is False:
        raise AssumptionError(
            f"{key} = {value} is not an integer: {key} is an integer parameter"
        )
    cond = symbol_domain_condition(key)
    if cond is S.true or value.free_symbols:
        # a symbolic value: its domain condition stays among the assumptions
        return
    if substitute_condition(cond, {key: value}) is not True:
        raise AssumptionError(
            f"{key} = {value} is outside the domain of {key}: {domain_rule(key)}"
        )


def check_point(
    point, parameters, *, where: str = "the model", strict: bool = True
) -> dict:
    """Validate a point against a model's parameters (keys, values, domains).

    Parameters
    ----------
    point : mapping
        Parameter -> value (an exact number or a SymPy expression).
    parameters : collection of Symbol
        The parameters the point may set.
    where : str
        What is substituted into ("the game"), for messages.
    strict : bool
        With ``False``, keys that are symbols but not parameters (and share no
        parameter's name) are dropped rather than refused: for callers whose
        point covers a larger model (a result's twin). Their values are still
        validated.

    Returns
    -------
    dict
        Parameter -> exact SymPy value.

    Raises
    ------
    ModelError
        A point that is not a mapping, a string key, a key that is not one
        of the parameters (a same-named symbol is named as such), a value that
        is not an exact real number or expression.
    AssumptionError
        A value outside its parameter's domain, or a non-integer value of an
        integer parameter.

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c = positive("c")
    >>> check_point({"c": 1}, {c})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: point key 'c' is a string: keys are parameters, never names (text is not looked up or parsed): use the parameter object c itself (it is among the model's parameters)
    >>> check_point({c: 0.5}, {c})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: value of c is the float 0.5: symtrust computes exactly; use an int, fractions.Fraction('0.5') or sympy.Rational('0.5')
    """
    if not isinstance(point, Mapping):
        raise ModelError(f"a point must be a mapping parameter -> value, got {point!r}")
    parameters = frozenset(parameters)
    by_name = {s.name: s for s in parameters if isinstance(s, Symbol)}
    out = {}
    for key, value in point.items():
        own = _key(key, parameters, by_name, where, strict)
        value = exact_number(value, f"value of {key}")
        _same_names(key, value, by_name, where)
        if own is not None:
            _check_domain(own, value)
            out[own] = value
    return out


def at_point(expr, point: Mapping, what: str, *, refuse: bool = True):
    """A model's value at a (validated) point; refused where it is undefined.

    A game's ``subs`` passes every payoff, prior and bound through here, so a
    point that makes one infinite, nan or non-real (``1/x`` at ``x = 0``,
    ``sqrt(x)`` at ``x = -1``) is refused instead of yielding a game with a
    ``zoo`` payoff. With ``refuse=False`` (a game's ``subs(..., strict=False)``,
    which numeric twins use) the value is returned as SymPy gives it, so that
    the twin skips a point where the game is undefined.

    Raises
    ------
    AssumptionError
        Naming the value, what it is, the point and what it became.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> at_point(1 / (x - 1), {x: 3}, "payoff")
    1/2
    >>> at_point(1 / (x - 1), {x: 1}, "payoff at ('C', 'D')")
    Traceback (most recent call last):
    ...
    symtrust.errors.AssumptionError: payoff at ('C', 'D') is 1/(x - 1), which is undefined at x = 1 (it becomes zoo): a zero denominator or a non-real value; a model's values must be finite real numbers at the point
    """
    if not point or not isinstance(expr, sympy.Basic):
        return expr
    try:
        new = expr.xreplace(dict(point))
    except TypeError:  # SymPy refuses comparisons of what became undefined
        if not refuse:
            raise
        new = None
    if not refuse:
        return new
    if (
        new is None
        or new.has(S.NaN, S.ComplexInfinity, S.Infinity, S.NegativeInfinity)
        or new.has(S.ImaginaryUnit)
        or getattr(new, "is_extended_real", None) is False
    ):
        became = "" if new is None else f" (it becomes {new})"
        raise AssumptionError(
            f"{what} is {expr}, which is undefined at {point_text(point)}{became}: "
            "a zero denominator or a non-real value; a model's values must be "
            "finite real numbers at the point"
        )
    return new


def substitute(obj, point: Mapping, memo: dict | None = None):
    """Carry a (validated) point into any value a result may hold.

    SymPy objects are substituted exactly (``xreplace``); tuples, lists and
    dicts element by element; values with a ``subs`` method (games, type
    maps, assumptions) through it, given the part of the point that concerns
    them; dataclass values (steps) field by field. ``memo`` shares one
    substituted copy of a game between the results that hold it.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> substitute((x + 1, {"a": 2 * x}), {x: 3})
    (4, {'a': 6})
    """
    memo = {} if memo is None else memo
    if isinstance(obj, sympy.Basic):
        return obj.xreplace(dict(point)) if point else obj
    if obj is None or isinstance(obj, (str, bytes, bool, int, float)):
        return obj
    if id(obj) in memo:
        return memo[id(obj)]
    if isinstance(obj, tuple):
        out = tuple(substitute(o, point, memo) for o in obj)
    elif isinstance(obj, list):
        out = [substitute(o, point, memo) for o in obj]
    elif isinstance(obj, dict):
        out = {k: substitute(v, point, memo) for k, v in obj.items()}
    elif callable(getattr(obj, "subs", None)) and hasattr(obj, "parameters"):
        own = {k: v for k, v in point.items() if k in obj.parameters}
        out = obj.subs(own) if own else obj
    elif callable(getattr(obj, "subs", None)):
        out = obj.subs(point)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {
            f.name: substitute(getattr(obj, f.name), point, memo)
            for f in dataclasses.fields(obj)
            if f.init
        }
        out = dataclasses.replace(obj, **changes)
    else:
        out = obj
    memo[id(obj)] = out
    return out


def symbols_of(obj, seen: set | None = None) -> set:
    """Every symbol a value mentions, through the containers ``substitute`` walks.

    Examples
    --------
    >>> import sympy
    >>> x, y = sympy.symbols("x y")
    >>> sorted(symbols_of((x, {"a": [y + 1]})), key=str)
    [x, y]
    """
    seen = set() if seen is None else seen
    if isinstance(obj, sympy.Basic):
        return set(obj.free_symbols)
    if obj is None or isinstance(obj, (str, bytes, bool, int, float)):
        return set()
    if id(obj) in seen:
        return set()
    seen.add(id(obj))
    out = set()
    if isinstance(obj, (tuple, list, set, frozenset)):
        for o in obj:
            out |= symbols_of(o, seen)
    elif isinstance(obj, Mapping):
        for k, v in obj.items():
            out |= symbols_of(k, seen) | symbols_of(v, seen)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            out |= symbols_of(getattr(obj, f.name), seen)
    elif hasattr(obj, "parameters"):
        out |= set(obj.parameters)
    return out
