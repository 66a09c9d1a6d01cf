"""The registry of numeric twins: independent exact checks of derived results.

Every solver has a *twin*: a function ``twin(obj, point)`` that evaluates the
result at one exact rational parameter point and compares it with an
independent brute-force computation (enumeration of profiles and deviations,
of PBE candidates, Bayes' rule on the joint distribution), raising
:class:`~symtrust.errors.VerificationError` on any disagreement.

Twins are registered by *object*, never by a name: a result class
(``@twin(PureEquilibrium)``) for results of that class and its subclasses,
and a solver function (``@twin(pure_nash)``) for the whole
:class:`~symtrust.core.result.Solution` it returns (the Solution records its
``solver``). Renaming a class or a solver therefore cannot leave a result
silently unchecked: the registration follows the object.

The registry lives in the bottom layer so that each family of games can
register its twins beside its solvers, and :func:`symtrust.check` (in the
verification layer) can find them.

Examples
--------
>>> from symtrust import pure_nash
>>> from symtrust.catalog import chicken
>>> sol = pure_nash(chicken())
>>> twin_for(sol) is not None and twin_for(sol[0]) is not None
True
"""

from __future__ import annotations

from collections.abc import Callable

from symtrust.core.exact import substitute_condition, value_at
from symtrust.core.printing import Printable
from symtrust.core.result import Result, Solution
from symtrust.errors import ModelError, VerificationError

__all__ = [
    "PointSkipped",
    "defined_value",
    "holds",
    "registered_twins",
    "skip",
    "subject_name",
    "twin",
    "twin_for",
]

# result class -> twin, and solver function -> twin of its whole Solution
_BY_TYPE: dict[type, Callable] = {}
_BY_SOLVER: dict[Callable, Callable] = {}
# the base classes say nothing about a result: a twin for them checks nothing
_BASES = (object, Printable, Result, Solution)


def twin(target):
    """Register a numeric twin ``fn(obj, point) -> None`` for a class or a solver.

    Parameters
    ----------
    target : type or callable
        A result class (the twin checks its instances and those of its
        subclasses) or a solver function (the twin checks the whole Solution
        the solver returns).

    Notes
    -----
    The twin raises :class:`~symtrust.errors.VerificationError` when the
    object disagrees with brute force at the point. It calls :func:`skip` at
    a point where the comparison does not apply (a game undefined there); a
    skipped point is not counted as checked. Registering a target again
    replaces the earlier twin.

    Examples
    --------
    >>> from dataclasses import dataclass
    >>> from symtrust.errors import VerificationError
    >>> @dataclass(frozen=True, kw_only=True)
    ... class Half(Result):
    ...     pass
    >>> @twin(Half)
    ... def _half_twin(obj, point):
    ...     if obj.value.xreplace(point) < 0:
    ...         raise VerificationError("negative value")
    >>> twin_for(Half(value=1)) is _half_twin
    True
    """
    if isinstance(target, type):
        if target in _BASES:
            raise ModelError(
                f"a twin needs a specific result class, not the base {target.__name__}"
            )
        table = _BY_TYPE
    elif callable(target):
        table = _BY_SOLVER
    else:
        raise ModelError(
            f"a twin is registered for a result class or a solver function, got "
            f"{target!r}"
        )

    def register(fn: Callable) -> Callable:
        if not callable(fn):
            raise ModelError(f"a twin must be callable, got {fn!r}")
        table[target] = fn
        return fn

    return register


class PointSkipped(Exception):  # noqa: N818 - a signal, not an error
    """Raised by :func:`skip`: the twin does not apply at this point."""


def skip(reason: str = "") -> None:
    """Skip the current point inside a twin (it is not counted as checked).

    Examples
    --------
    >>> try:
    ...     skip("the game is undefined at x = 0")
    ... except PointSkipped as exc:
    ...     print(exc)
    the game is undefined at x = 0
    """
    raise PointSkipped(reason)


def holds(cond, point, what: str = "condition") -> bool:
    """Whether a result's condition holds at an admissible point (for twins).

    Raises
    ------
    VerificationError
        The condition is undefined there: a result must state where it is
        defined, so an admissible point where it is not is a defect.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> holds(x > 1, {x: 2})
    True
    >>> holds(1 / x > 1, {x: 0}, "the threshold's condition")
    Traceback (most recent call last):
    ...
    symtrust.errors.VerificationError: the threshold's condition 1/x > 1 is undefined at the admissible point {x: 0}
    """
    held = substitute_condition(cond, point)
    if held is None:
        shown = "{" + ", ".join(f"{s}: {v}" for s, v in dict(point).items()) + "}"
        raise VerificationError(
            f"{what} {cond} is undefined at the admissible point {shown}"
        )
    return held


def defined_value(expr, point, what: str = "a quantity"):
    """A quantity's exact value at an admissible point (for twins).

    Returns a Fraction, or an exact real SymPy constant such as ``sqrt(2)``
    (compared by :func:`~symtrust.core.exact.compare`), never a float.

    Raises
    ------
    VerificationError
        The quantity is undefined there (a zero denominator): a result must
        state where it is defined, so an admissible point where it is not is
        a defect.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> defined_value(sympy.sqrt(x), {x: 2}), defined_value(1 / x, {x: 4})
    (sqrt(2), Fraction(1, 4))
    >>> defined_value(1 / x, {x: 0}, "the gesture")
    Traceback (most recent call last):
    ...
    symtrust.errors.VerificationError: the gesture 1/x is undefined at {x: 0}
    """
    value = value_at(expr, point)
    if value is None:
        raise VerificationError(f"{what} {expr} is undefined at {dict(point)}")
    return value


def registered_twins() -> tuple:
    """Everything with a registered twin: result classes, then solvers.

    Examples
    --------
    >>> from symtrust import pure_nash
    >>> from symtrust.results import PureEquilibrium
    >>> PureEquilibrium in registered_twins() and pure_nash in registered_twins()
    True
    """
    classes = sorted(_BY_TYPE, key=lambda c: (c.__module__, c.__qualname__))
    solvers = sorted(_BY_SOLVER, key=lambda f: (f.__module__, f.__qualname__))
    return (*classes, *solvers)


def subject_name(obj) -> str:
    """What a check report calls the object: its solver for a Solution, else its class.

    Examples
    --------
    >>> from symtrust import pure_nash
    >>> from symtrust.catalog import chicken
    >>> sol = pure_nash(chicken())
    >>> subject_name(sol), subject_name(sol[0])
    ('pure_nash', 'PureEquilibrium')
    """
    if isinstance(obj, Solution):
        solver = getattr(obj, "solver", None)
        return getattr(solver, "__name__", None) or obj.method or type(obj).__name__
    return type(obj).__name__


def twin_for(obj) -> Callable | None:
    """The twin registered for an object, or None.

    A Solution is looked up by the solver that produced it (its ``solver``),
    any other object by its class, the most specific registered class in its
    method resolution order winning.

    Examples
    --------
    >>> from symtrust import pure_nash
    >>> from symtrust.catalog import chicken
    >>> twin_for(pure_nash(chicken())) is not None
    True
    >>> twin_for(chicken()) is None
    True
    """
    if isinstance(obj, Solution):
        solver = getattr(obj, "solver", None)
        found = _BY_SOLVER.get(solver) if solver is not None else None
        if found is not None:
            return found
    for cls in type(obj).__mro__:
        if cls in _BASES:
            break
        if cls in _BY_TYPE:
            return _BY_TYPE[cls]
    return None
