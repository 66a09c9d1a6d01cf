"""The registry of numeric twins: independent exact checks of derived results.

Every solver has a *twin*: a function ``twin(obj, point)`` that evaluates the
result at one exact rational parameter point and compares it with an
independent brute-force computation (enumeration of profiles and deviations,
of PBE candidates, Bayes' rule on the joint distribution), raising
:class:`~symtrust.errors.VerificationError` on any disagreement.

The registry lives in the bottom layer so that each family of games can
register its twins beside its solvers, and :func:`symtrust.check` (in the
verification layer) can find them. Twins register with the :func:`twin`
decorator under a key: the solver's ``method`` for a Solution
(``"pure_nash"``), the class name for a Result (``"Posterior"``).

Examples
--------
>>> "pure_nash" in registered_twins()
True
"""

from __future__ import annotations

from collections.abc import Callable

from symtrust.core.result import Solution
from symtrust.errors import ModelError

__all__ = [
    "PointSkipped",
    "registered_twins",
    "skip",
    "twin",
    "twin_for",
    "twin_key",
]

_TWINS: dict[str, Callable] = {}


def twin(key: str):
    """Register a numeric twin ``fn(obj, point) -> None`` under ``key``.

    The twin raises :class:`~symtrust.errors.VerificationError` when the
    object disagrees with brute force at the point. It calls :func:`skip` at a
    point where the comparison does not apply (a game undefined there); a
    skipped point is not counted as checked. Registering a key again replaces
    the earlier twin.

    Examples
    --------
    >>> from symtrust.errors import VerificationError
    >>> @twin("example_key")
    ... def _example(obj, point):
    ...     if obj.value.xreplace(point) < 0:
    ...         raise VerificationError("negative value")
    >>> "example_key" in registered_twins()
    True
    """
    if not isinstance(key, str) or not key:
        raise ModelError(f"twin key must be a nonempty string, got {key!r}")

    def register(fn: Callable) -> Callable:
        _TWINS[key] = fn
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


def registered_twins() -> tuple[str, ...]:
    """The keys with a registered twin, sorted.

    Examples
    --------
    >>> "Posterior" in registered_twins()
    True
    """
    return tuple(sorted(_TWINS))


def twin_key(obj) -> str:
    """The registry key of an object: ``method`` of a Solution, else class name.

    Examples
    --------
    >>> from symtrust import pure_nash
    >>> from symtrust.catalog import chicken
    >>> sol = pure_nash(chicken())
    >>> twin_key(sol), twin_key(sol[0])
    ('pure_nash', 'PureEquilibrium')
    """
    if isinstance(obj, Solution):
        return obj.method
    return type(obj).__name__


def twin_for(obj) -> Callable | None:
    """The twin registered for an object, or None.

    Examples
    --------
    >>> from symtrust import pure_nash
    >>> from symtrust.catalog import chicken
    >>> twin_for(pure_nash(chicken())) is not None
    True
    """
    return _TWINS.get(twin_key(obj))
