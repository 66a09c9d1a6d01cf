"""Numeric twin of :func:`finite_horizon_spe`: the explicit tree, solved.

At an exact admissible point the stage game is substituted and repeated on
an explicit game tree (:func:`~symtrust.games.repeated._finite_tree.repeated_tree`)
for small horizons (every horizon up to three periods that fits the tree
budget; a numeric horizon itself when it fits). The extensive-form solver
:func:`~symtrust.games.extensive.spe` must find exactly one subgame-perfect
equilibrium, playing the result's stage strategies at every information set
of every period, with the result's payoffs at that horizon.

Examples
--------
>>> from symtrust import check
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated.finite import finite_horizon_spe, horizon
>>> check(finite_horizon_spe(prisoners_dilemma(), horizon("n")), max_examples=3).passed
True
"""

from __future__ import annotations

import sympy

from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.extensive.subgames import spe
from symtrust.games.repeated._finite_tree import MAX_LEAVES, repeated_tree
from symtrust.games.repeated.finite import FiniteHorizonSPE, finite_horizon_spe

__all__ = ["finite_horizon_twin", "finite_solution_twin"]

#: The longest explicit horizon the twin solves.
LONGEST = 3


def _horizons(result) -> list:
    cells = len(result.game.table)
    fits = [k for k in range(1, LONGEST + 1) if cells**k <= MAX_LEAVES]
    if isinstance(result.horizon, int) and result.horizon in fits:
        return [result.horizon]
    return fits


def _compare(result, stage, periods, point) -> None:
    found = spe(repeated_tree(stage, periods))
    if len(found) != 1:
        raise VerificationError(
            f"the {periods}-period tree has {len(found)} subgame-perfect equilibria "
            f"at {point}, the result claims a unique one"
        )
    eq = found[0]
    plays = {
        p: tuple(sympy.sympify(x, strict=True).xreplace(point) for x in s)
        for p, s in zip(stage.players, result.strategies, strict=True)
    }
    for label, b in zip(eq.infosets, eq.behaviour, strict=True):
        owner = next(p for p in stage.players if label.startswith(p + " "))
        if b is None or tuple(b) != plays[owner]:
            raise VerificationError(
                f"at {label!r} the tree's SPE plays {b}, the result {plays[owner]}"
            )
    n = result.horizon
    if isinstance(n, sympy.Symbol):
        at = {**{s: v for s, v in point.items() if s != n}, n: periods}
        expect = tuple(
            sympy.sympify(u, strict=True).xreplace(at) for u in result.payoffs
        )
    else:
        expect = tuple(
            sympy.sympify(u, strict=True).xreplace(point) * periods / n
            for u in result.payoffs
        )
    if tuple(sympy.sympify(x, strict=True) for x in eq.payoffs) != expect:
        raise VerificationError(
            f"over {periods} periods the tree pays {eq.payoffs}, the result {expect}"
        )


@twin(FiniteHorizonSPE)
def finite_horizon_twin(result, point) -> None:
    """Compare one finite-horizon SPE with the explicit trees' SPE."""
    if not holds(result.condition, point, "the uniqueness region"):
        skip("the stage equilibrium is not the unique one here")
    stage = result.game.subs(
        {s: v for s, v in point.items() if s in result.game.parameters}
    )
    for periods in _horizons(result):
        _compare(result, stage, periods, point)


@twin(finite_horizon_spe)
def finite_solution_twin(solution, point) -> None:
    """Check every result of a finite-horizon Solution where it holds."""
    held = 0
    for result in solution:
        if holds(result.condition, point, "the uniqueness region"):
            held += 1
            finite_horizon_twin(result, point)
    if held > 1:
        raise VerificationError(f"{held} results claim uniqueness at {point}")
    if held == 0:
        skip("no result's region holds here")
