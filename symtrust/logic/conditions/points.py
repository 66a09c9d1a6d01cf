"""Sample points: exact admissible points that spare the simplifier decisions.

A solver that asks many questions about one game can answer some of them at
sample points first. A point can only show that something *can* happen: a
condition true at an admissible point is satisfiable, one false (or
undefined) there is not valid, and a conjunct false at a point where the
other conjuncts hold is not implied by them. Unsatisfiable, valid and implied
still need z3. :func:`~symtrust.logic.conditions.simplify_condition` acts on
a decision only when it is True (proved); so within ``with
sample_points(points):`` it skips exactly the decisions that a point shows
cannot be True, and returns the same condition as without the points, only
sooner. A point that breaks the assumptions of a call is not used in it.

:func:`admissible_points` draws them deterministically with the shared
sampler (:func:`symtrust.core.sampling.rational_points`): values inside each
symbol's domain, kept only where every assumption holds by exact substitution.

Examples
--------
>>> from symtrust.core.parameters import probability
>>> p, q = probability("p q")
>>> pts = admissible_points([p, q], [p + q <= 1], count=3)
>>> len(pts), all(pt[p] + pt[q] <= 1 for pt in pts)
(3, True)
"""

from __future__ import annotations

import contextlib
import contextvars

import sympy

from symtrust.core.exact import substitute_condition
from symtrust.core.parameters import symbol_domain_condition
from symtrust.core.sampling import evaluate_at, rational_points
from symtrust.errors import ModelError
from symtrust.logic.decide import as_conditions

__all__ = [
    "admissible_points",
    "fails_somewhere",
    "holds_somewhere",
    "not_implied_at",
    "points_for",
    "sample_points",
]

_POINTS: contextvars.ContextVar = contextvars.ContextVar("sample_points", default=None)


class _Points:
    """The points of one ``sample_points`` block, filtered per assumptions."""

    def __init__(self, points):
        self.points = tuple(dict(p) for p in points)
        self.by_conds: dict = {}

    def admissible(self, conds: tuple) -> tuple:
        hit = self.by_conds.get(conds)
        if hit is None:
            hit = self.by_conds[conds] = tuple(
                p
                for p in self.points
                if all(
                    c.free_symbols <= p.keys() and substitute_condition(c, p) is True
                    for c in conds
                )
            )
        return hit


@contextlib.contextmanager
def sample_points(points):
    """Let the simplifier use these admissible points within the block.

    Examples
    --------
    >>> from symtrust.core.parameters import probability
    >>> from symtrust.logic.conditions import simplify_condition
    >>> t = probability("t")
    >>> with sample_points(admissible_points([t])):
    ...     simplify_condition(2 * t >= 1, [])
    t >= 1/2
    """
    token = _POINTS.set(_Points(points) if points else None)
    try:
        yield
    finally:
        _POINTS.reset(token)


def points_for(conds) -> tuple:
    """The sample points of the current block that satisfy ``conds``.

    Examples
    --------
    >>> x = sympy.Symbol("x")
    >>> points_for((x > 0,))
    ()
    >>> with sample_points([{x: 1}, {x: -1}]):
    ...     points_for((x > 0,))
    ({x: 1},)
    """
    current = _POINTS.get()
    if current is None:
        return ()
    return current.admissible(tuple(conds))


def not_implied_at(part, others, points) -> bool:
    """Whether at one of the points every other conjunct holds and ``part`` fails.

    Examples
    --------
    >>> x, y = sympy.symbols("x y")
    >>> not_implied_at(y > 0, [x > 0], [{x: 1, y: -1}])
    True
    >>> not_implied_at(x > -1, [x > 0], [{x: 1, y: -1}])
    False
    """
    if not points:
        return False
    rest = sympy.And(*others)
    return fails_somewhere(part, [p for p in points if holds_somewhere(rest, [p])])


def admissible_points(symbols, assumptions=(), *, count=12, tries=400, seed=0):
    """Up to ``count`` exact points where every domain and assumption holds.

    Parameters
    ----------
    symbols : iterable of Symbol
        The symbols to give values (integer symbols make no points).
    assumptions : Assumptions or iterable of Boolean
        What the points must satisfy (checked exactly).
    count, tries, seed : int
        How many points to keep, how many draws at most, the generator seed.

    Returns
    -------
    tuple of dict
        Symbol -> sympy.Rational; possibly fewer than ``count`` (even none).

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c, w = positive("c w")
    >>> all(pt[c] > pt[w] > 0 for pt in admissible_points([c, w], [c > w]))
    True
    """
    symbols = list(symbols)
    bad = [s for s in symbols if not isinstance(s, sympy.Symbol)]
    if bad:
        raise ModelError(
            f"admissible_points needs SymPy symbols, got {bad[0]!r}: strings are not "
            'parsed; make them with symtrust.positive("c w") and the like'
        )
    symbols = sorted(set(symbols), key=sympy.default_sort_key)
    if any(s.is_integer for s in symbols):
        return ()
    conds = [*as_conditions(assumptions), *map(symbol_domain_condition, symbols)]
    attempts = max(1, tries // max(count, 1))
    return tuple(rational_points(conds, symbols, count, seed=seed, attempts=attempts))


def holds_somewhere(cond, points) -> bool:
    """Whether the condition is true (and defined) at one of the points.

    Examples
    --------
    >>> x = sympy.Symbol("x")
    >>> holds_somewhere(x > 1, [{x: 0}, {x: 2}]), holds_somewhere(x > 3, [{x: 2}])
    (True, False)
    """
    free = cond.free_symbols
    return any(
        free <= p.keys() and substitute_condition(cond, p) is True for p in points
    )


def fails_somewhere(cond, points) -> bool:
    """Whether the condition is false or undefined at one of the points.

    Examples
    --------
    >>> x = sympy.Symbol("x")
    >>> fails_somewhere(1 / x > 0, [{x: 0}]), fails_somewhere(x > 1, [{x: 2}])
    (True, False)
    """
    free = cond.free_symbols
    return any(free <= p.keys() and evaluate_at(cond, p) is False for p in points)
