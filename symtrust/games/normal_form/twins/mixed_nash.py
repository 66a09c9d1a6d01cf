"""Numeric twin of :func:`symtrust.mixed_nash`.

At an exact admissible parameter point (which may also fix the free
probabilities of families):

1. *soundness*: every result whose condition holds there (for a family, at
   the point's values of its free probabilities and at a few more on a grid)
   is checked exactly: probabilities form distributions, positive exactly on
   the reported supports, every action in a support earns the maximal
   expected payoff and none outside earns more, and the reported payoffs are
   the expected payoffs;
2. *completeness*: an independent exact enumeration of the extreme
   equilibria (:func:`symtrust.games.normal_form.twins.brute_mixed.extreme_equilibria`,
   Fractions only) finds equilibria, each of which must be matched by a
   result whose condition holds there (for a family, with its free
   probabilities set to the equilibrium's values).

Examples
--------
>>> from symtrust import check, mixed_nash
>>> from symtrust.catalog import chicken
>>> check(mixed_nash(chicken()), max_examples=5).passed
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import fraction_at, substitute_condition, value_at
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.normal_form.mixed_nash import MixedEquilibrium, mixed_nash
from symtrust.games.normal_form.twins.brute_mixed import (
    bimatrix_of,
    extreme_equilibria,
    is_equilibrium,
)
from symtrust.games.normal_form.twins.brute_nash import game_at

__all__ = ["contains", "mixed_equilibrium_twin", "mixed_nash_twin"]

_GRID = (Fraction(1, 3), Fraction(1, 2), Fraction(3, 4))


def _position(eq, sym):
    for k, mix in enumerate(eq.strategies):
        for a, x in enumerate(mix):
            if x == sym:
                return k, a
    raise VerificationError(
        f"free probability {sym} of {eq.supports} is not a strategy entry"
    )


def _choices(eq, point):
    """Values of a family's free probabilities to test: the point's and a grid."""
    if not eq.free:
        return [{}]
    out = []
    if all(s in point for s in eq.free):
        out.append({s: point[s] for s in eq.free})
    out.extend(
        dict(zip(eq.free, v, strict=True))
        for v in itertools.product(_GRID, repeat=len(eq.free))
    )
    return out


def _sound(eq, at, A, B, actions):
    rows, cols = len(A), len(A[0])
    p = tuple(fraction_at(x, at, "a mixing probability") for x in eq.strategies[0])
    q = tuple(fraction_at(x, at, "a mixing probability") for x in eq.strategies[1])
    if len(p) != rows or len(q) != cols:
        raise VerificationError(f"strategies {eq.strategies} have the wrong lengths")
    if not is_equilibrium(A, B, p, q):
        raise VerificationError(
            f"{eq.kind} {eq.supports} holds by its condition at {at} but "
            f"(p, q) = ({p}, {q}) is not a Nash equilibrium there"
        )
    actual = (
        tuple(i for i, x in enumerate(p) if x > 0),
        tuple(j for j, x in enumerate(q) if x > 0),
    )
    names = tuple(
        tuple(acts[i] for i in supp) for acts, supp in zip(actions, actual, strict=True)
    )
    if names != eq.supports:
        raise VerificationError(
            f"reported supports {eq.supports} differ from the actual supports "
            f"{names} at {at}"
        )
    v = sum(A[actual[0][0]][j] * q[j] for j in range(cols))
    w = sum(p[i] * B[i][actual[1][0]] for i in range(rows))
    got = tuple(fraction_at(u, at, "an equilibrium payoff") for u in eq.payoffs)
    if got != (v, w):
        raise VerificationError(
            f"payoffs {got} of {eq.supports} at {at} differ from the expected payoffs {(v, w)}"
        )


def contains(eq, point, p, q) -> bool:
    """Whether the result ``eq`` accounts for the equilibrium ``(p, q)`` at a point.

    ``p`` and ``q`` are sequences of Fractions; for a family, its free
    probabilities are set to the corresponding entries of ``(p, q)``.

    Examples
    --------
    >>> from fractions import Fraction as F
    >>> from symtrust import mixed_nash
    >>> from symtrust.catalog import matching_pennies
    >>> eq = mixed_nash(matching_pennies())[0]
    >>> a = next(iter(eq.parameters))
    >>> contains(eq, {a: 2}, (F(1, 2), F(1, 2)), (F(1, 2), F(1, 2)))
    True
    """
    full = dict(point)
    for s in eq.free:
        k, a = _position(eq, s)
        full[s] = (p, q)[k][a]
    for mix, target in zip(eq.strategies, (p, q), strict=True):
        for x, t in zip(mix, target, strict=True):
            if value_at(x, full) != t:
                return False
    return substitute_condition(eq.condition, full) is True


def _check_sound(eq, game, point, A, B) -> None:
    for values in _choices(eq, point):
        full = {**point, **values}
        if holds(eq.condition, full, f"the condition of {eq.supports}"):
            _sound(eq, full, A, B, game.actions)


def _numeric(game, point):
    at = {s: v for s, v in point.items() if s in game.parameters}
    return at, bimatrix_of(game_at(game, at))


@twin(MixedEquilibrium)
def mixed_equilibrium_twin(eq, point) -> None:
    """Check one mixed equilibrium: where its condition holds it is one (soundness).

    Examples
    --------
    >>> from symtrust import mixed_nash, real
    >>> from symtrust.catalog import stag_hunt
    >>> R, S, T, P = real("R S T P")
    >>> eq = mixed_nash(stag_hunt())[0]
    >>> mixed_equilibrium_twin(eq, {R: 4, T: 3, P: 2, S: 1}) is None
    True
    """
    if eq.game is None:
        raise VerificationError(f"the equilibrium {eq.supports} carries no game")
    _, (A, B) = _numeric(eq.game, point)
    _check_sound(eq, eq.game, dict(point), A, B)


@twin(mixed_nash)
def mixed_nash_twin(solution, point) -> None:
    """Compare a mixed_nash Solution with exact brute force at one point.

    Raises
    ------
    VerificationError
        A result that holds but is no equilibrium (or reports wrong supports
        or payoffs), or an extreme equilibrium no result accounts for.

    Examples
    --------
    >>> from symtrust import mixed_nash, real
    >>> from symtrust.catalog import stag_hunt
    >>> R, S, T, P = real("R S T P")
    >>> mixed_nash_twin(mixed_nash(stag_hunt()), {R: 4, T: 3, P: 2, S: 1}) is None
    True
    """
    game = solution.game
    at, (A, B) = _numeric(game, point)
    # soundness of every result that holds at the point
    for eq in solution.results:
        _check_sound(eq, game, dict(point), A, B)
    # completeness against the independent enumeration (not owed by a solve
    # that its budget cut short)
    if not solution.complete:
        return
    for p, q in extreme_equilibria(A, B):
        if not any(contains(eq, at, p, q) for eq in solution.results):
            raise VerificationError(
                f"the equilibrium p = {tuple(map(str, p))}, q = {tuple(map(str, q))} "
                f"at {at} is matched by no result of mixed_nash"
            )
