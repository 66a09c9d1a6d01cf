"""Finitely repeated games whose stage game has a unique equilibrium.

Selten's backward-induction argument (Selten 1978; Fudenberg and Tirole
1991, sec. 4.3; Osborne and Rubinstein 1994, prop. 155.1): when the stage
game has a unique Nash equilibrium (pure or mixed), the game repeated any
finite number ``n`` of times, every history observed, has a unique
subgame-perfect equilibrium, in which that equilibrium is played in every
period after every history. For the Prisoner's Dilemma this is the
*unraveling* of cooperation: defection from the first period on.

:func:`finite_horizon_spe` derives it with the engine:

1. the stage game's Nash equilibria, pure and mixed, each with its exact
   condition (:func:`~symtrust.games.normal_form.mixed_nash`, cross-checked
   with :func:`~symtrust.games.normal_form.pure_nash`);
2. the region where one of them is the *only* one (its condition and the
   negation of every other's), decided by z3 under the game's assumptions
   (:func:`~symtrust.logic.decide`): a theorem about the given stage game;
3. the induction: the last period is the stage game, and in an earlier
   period every history leads to the same continuation payoffs (induction
   hypothesis), so the period game is the stage game plus a constant vector;
   the engine solves that shifted game with symbolic constants and finds the
   same equilibria under the same conditions;
4. the equilibrium payoffs: the stage payoffs summed over the periods
   (``sympy.summation`` for a symbolic horizon).

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> spe_n = finite_horizon_spe(prisoners_dilemma(), horizon("n"))[0]
>>> spe_n.strategy("row"), spe_n.payoffs, spe_n.unique
({'C': 0, 'D': 1}, (P*n, P*n), True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, SolverError, UnsupportedError
from symtrust.games.normal_form.mixed_nash import mixed_nash
from symtrust.games.normal_form.model import NormalFormGame, normal_form_game
from symtrust.games.normal_form.pure_nash import pure_nash
from symtrust.games.repeated._finite_horizon import as_horizon, horizon, is_symbolic
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide, satisfiable

__all__ = ["FiniteHorizonSPE", "finite_horizon_spe", "horizon"]


@dataclass(frozen=True, kw_only=True)
class FiniteHorizonSPE(Result):
    """The unique subgame-perfect equilibrium of a finitely repeated game.

    ``value`` is the payoff vector over the whole horizon; ``condition`` the
    region where the stage equilibrium is unique (True when proved for
    every admissible point).

    Attributes
    ----------
    horizon : int or sympy.Symbol
        The number of periods n.
    strategies : tuple of tuple
        The stage equilibrium, each player's probabilities aligned with the
        stage game's actions: played in every period after every history.
    stage_payoffs : tuple
        The payoffs of one period.
    payoffs : tuple
        The payoffs summed over the n periods.
    unique : bool or None
        Whether z3 proved the stage equilibrium unique at every admissible
        point (None: undecided; the condition then says where).
    game : NormalFormGame
        The stage game.
    """

    horizon: Any = None
    strategies: tuple = ()
    stage_payoffs: tuple = ()
    payoffs: tuple = ()
    unique: Any = None
    game: Any = None

    def strategy(self, player) -> dict:
        """A player's stage strategy, by action name (the same every period).

        Examples
        --------
        >>> from symtrust.catalog import prisoners_dilemma
        >>> finite_horizon_spe(prisoners_dilemma(), 3)[0].strategy("column")
        {'C': 0, 'D': 1}
        """
        i = self.game.player_index(player)
        return dict(zip(self.game.actions[i], self.strategies[i], strict=True))

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, f"over {self.horizon} periods")]
        for name, s in zip(self.game.players, self.strategies, strict=True):
            rows.append((f"  {name} plays every period", sympy.Tuple(*s)))
        rows.append(("  payoffs over the horizon", sympy.Tuple(*self.payoffs)))
        return tuple(rows)


def _stage_game(stage) -> NormalFormGame:
    if not isinstance(stage, NormalFormGame):
        raise ModelError(
            f"the stage game must be a NormalFormGame, got {type(stage).__name__}"
        )
    if len(stage.players) != 2:
        raise UnsupportedError(
            f"uniqueness of the stage equilibrium is decided for two players (mixed "
            f"equilibria included); the stage game has {len(stage.players)}"
        )
    return stage


def _shifted(stage: NormalFormGame):
    """The stage game plus a constant continuation vector (symbolic)."""
    shift = sympy.symbols("kappa_1:3", real=True)
    table = {
        prof: tuple(x + c for x, c in zip(stage.payoff(prof), shift, strict=True))
        for prof in stage.profiles()
    }
    return normal_form_game(
        stage.players,
        stage.actions,
        table,
        assumptions=stage.assumptions.conditions,
        name="stage game plus continuation",
    )


def _signature(sol) -> list:
    """The equilibria as (strategies, condition) pairs, in a canonical order."""
    return sorted(
        ((tuple(map(tuple, eq.strategies)), eq.condition) for eq in sol), key=str
    )


def _induction(stage, equilibria) -> Step:
    """Step of the induction: constant continuation payoffs change nothing."""
    moved = mixed_nash(_shifted(stage))
    if _signature(moved) != _signature(equilibria):
        raise SolverError(
            "the stage game plus a constant continuation has other equilibria "
            f"than the stage game: {[e.strategies for e in moved]}"
        )
    return Step(
        "induction step",
        sympy.Tuple(*(sympy.Tuple(*map(sympy.Tuple, e.strategies)) for e in moved)),
        "a period before the last: every history has the same continuation, so "
        "the period game is the stage game plus constants (kappa_1, kappa_2), "
        "solved again: the same equilibria under the same conditions",
    )


def _pure_agrees(stage, equilibria) -> None:
    """Cross-check: the pure equilibria are the degenerate mixed ones."""
    pure = {eq.profile for eq in pure_nash(stage)}
    mixed = set()
    for eq in equilibria:
        if eq.free:
            continue
        if all(sum(1 for p in s if p != 0) == 1 for s in eq.strategies):
            mixed.add(
                tuple(
                    acts[[p != 0 for p in s].index(True)]
                    for acts, s in zip(stage.actions, eq.strategies, strict=True)
                )
            )
    if pure != mixed:
        raise SolverError(
            f"pure_nash found {sorted(pure)}, mixed_nash's pure ones are "
            f"{sorted(mixed)}"
        )


def _meets_family(region, families, assume, budget) -> bool:
    """Whether a continuum of equilibria may exist somewhere in the region.

    A family's condition involves its free probabilities; the region is kept
    only when z3 proves that no point of it, with any free values, satisfies
    the condition (undecided counts as meeting it: uniqueness is not claimed).
    """
    for fam in families:
        if (
            satisfiable(sympy.And(region, fam.condition), assume, budget=budget).truth
            is not False
        ):
            return True
    return False


def _unique_regions(equilibria, assume, budget) -> list:
    """(equilibrium, region, verdict) for each isolated stage equilibrium that
    is the only equilibrium somewhere (a region meeting a family of
    equilibria does not count)."""
    isolated = [e for e in equilibria if not e.free]
    families = [e for e in equilibria if e.free]
    unique = []
    for i, eq in enumerate(isolated):
        others = [sympy.Not(e.condition) for j, e in enumerate(isolated) if j != i]
        region = simplify_condition(sympy.And(eq.condition, *others), assume)
        if region is S.false or _meets_family(region, families, assume, budget):
            continue
        unique.append((eq, region, decide(region, assume, budget=budget)))
    return unique


def finite_horizon_spe(stage: NormalFormGame, horizon, *, budget=None) -> Solution:
    """The unique SPE of a finitely repeated game, by backward induction.

    Parameters
    ----------
    stage : NormalFormGame
        A two-player stage game (symbolic payoffs allowed).
    horizon : int or sympy.Symbol
        The number of periods: a positive int, or a positive-integer symbol
        (:func:`horizon`).
    budget : Budget, float or None
        Time for the z3 decisions.

    Returns
    -------
    Solution
        ``method="finite_horizon_spe"``; one :class:`FiniteHorizonSPE` per
        stage equilibrium that is the unique one somewhere, each with that
        region as its condition (a single result with condition True when the
        stage equilibrium is unique everywhere).

    Raises
    ------
    ModelError
        A stage that is not a NormalFormGame; a horizon that is not a
        positive integer (see :func:`horizon`).
    UnsupportedError
        A stage game with no region where one equilibrium is the only one
        (a region meeting a continuum of equilibria does not count), or
        with more than two players.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> sol = finite_horizon_spe(prisoners_dilemma(), 4)
    >>> sol[0].payoffs, sol[0].condition
    ((4*P, 4*P), True)
    """
    stage = _stage_game(stage)
    n = as_horizon(horizon)
    assume = stage.assumptions
    equilibria = mixed_nash(stage, budget=budget)
    _pure_agrees(stage, equilibria)
    unique = _unique_regions(equilibria, assume, budget)
    if not unique:
        raise UnsupportedError(
            f"the stage game {stage.name or ''} has no region with a unique "
            f"equilibrium ({len(equilibria)} equilibria found); backward induction "
            "then has several subgame-perfect equilibria"
        )
    # the induction step only once some stage equilibrium is unique somewhere
    step_induction = _induction(stage, equilibria)
    t = sympy.Symbol("t", integer=True, positive=True)
    found = []
    for eq, region, verdict in unique:
        # 4. the payoffs: the stage payoffs in each of the n periods
        totals = tuple(sympy.factor(sympy.summation(u, (t, 1, n))) for u in eq.payoffs)
        steps = (
            Step("stage equilibria", len(equilibria), "mixed_nash (pure included)"),
            Step("uniqueness region", region, "its condition, no other's"),
            Step("uniqueness proved", verdict.truth, "decided under the assumptions"),
            Step(
                "last period",
                sympy.Tuple(*map(sympy.Tuple, eq.strategies)),
                "the stage game itself",
            ),
            step_induction,
            Step("payoffs", sympy.Tuple(*totals), "stage payoffs summed over n"),
        )
        found.append(
            FiniteHorizonSPE(
                kind="unique subgame-perfect equilibrium of the repeated game",
                value=sympy.Tuple(*totals),
                condition=S.true if verdict.truth is True else region,
                assumptions=assume,
                steps=steps,
                horizon=n,
                strategies=tuple(tuple(s) for s in eq.strategies),
                stage_payoffs=tuple(eq.payoffs),
                payoffs=totals,
                unique=verdict.truth,
                game=stage,
            )
        )
    return Solution(
        results=tuple(found),
        method="finite_horizon_spe",
        game=stage,
        solver=finite_horizon_spe,
        notes=(f"horizon {n} ({'symbolic' if is_symbolic(n) else 'numeric'})",),
    )
