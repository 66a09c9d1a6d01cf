"""A target payoff sustained by grim trigger with public randomization.

A feasible payoff :math:`x = \\sum_a \\lambda_a u(a)` (exact weights
:math:`\\lambda` on pure profiles) is played by a public randomization device:
each period it draws profile :math:`a` with probability :math:`\\lambda_a` and
the players play it; after any deviation they play a punishment profile
:math:`N` forever (Fudenberg and Maskin 1986; Mailath and Samuelson 2006,
sec. 3.3). In average discounted payoffs the value of the cooperative phase is
:math:`x`, so with the punishment's payoff :math:`v = u(N)`:

1. after the device draws :math:`a` (weight > 0), player :math:`i` does not
   deviate to :math:`b` iff
   :math:`(1 - \\delta) u_i(a) + \\delta x_i \\ge (1 - \\delta) u_i(b, a_{-i}) + \\delta v_i`;
2. in the punishment, no player gains by deviating from :math:`N` once:
   :math:`u_i(N) \\ge u_i(b, N_{-i})` (a stage Nash equilibrium);
3. the conjunction is solved for :math:`\\delta`
   (:func:`~symtrust.logic.solve_for.solve_for`) and its least value read
   piece by piece (:func:`~symtrust.games.repeated.discount.read_minimum`).

Examples
--------
>>> import sympy
>>> from symtrust.catalog import symmetric_2x2
>>> from symtrust.games.repeated.model import repeated_game
>>> g = repeated_game(symmetric_2x2(3, 0, 5, 1))
>>> half = sympy.Rational(1, 2)
>>> r = target_discount(g, {("C", "C"): half, ("C", "D"): half})
>>> r.target, r.value
((3/2, 4), 4/5)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.numbers import exact_number
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.repeated.automaton import check_profile
from symtrust.games.repeated.discount import read_minimum
from symtrust.games.repeated.folk import stage_punishment
from symtrust.games.repeated.model import RepeatedGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import isolate, simplify_cleared
from symtrust.logic.solve_for import solve_for

__all__ = ["TargetDiscount", "target_discount"]


@dataclass(frozen=True, kw_only=True)
class TargetDiscount(Result):
    """The least discount factor sustaining a target payoff (public device).

    Attributes
    ----------
    weights : tuple of (profile, weight)
    target : tuple
        The target payoff vector.
    punishment : tuple
        The profile played forever after a deviation.
    constraints : sympy Boolean
        Every incentive constraint, conjoined.
    strict, unattainable : sympy Boolean
        As in :class:`~symtrust.games.repeated.discount.DiscountThreshold`.
    delta : Parameter
    game : RepeatedGame
    """

    weights: tuple = ()
    target: tuple = ()
    punishment: tuple = ()
    constraints: Any = S.true
    strict: Any = S.false
    unattainable: Any = S.false
    delta: Any = None
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, self.value), ("target payoff", self.target)]
        if self.unattainable is not S.false:
            rows.append(("no discount factor sustains it where", self.unattainable))
        return tuple(rows)


def _weights(stage, weights):
    if not isinstance(weights, Mapping) or not weights:
        raise ModelError(
            f"weights must map pure profiles to probabilities, got {weights!r}"
        )
    out = []
    for profile, w in weights.items():
        check_profile(stage, profile, "weights")
        w = exact_number(w, f"weight of {profile}")
        if not w.is_Rational or w < 0:
            raise ModelError(
                f"weight of {profile} is {w}: weights are exact numbers in [0, 1]"
            )
        out.append((profile, w))
    total = sum(w for _, w in out)
    if total != 1:
        raise ModelError(f"weights {dict(out)} sum to {total}, not 1")
    return tuple((p, w) for p, w in out if w > 0)


def target_discount(game, weights, *, punishment=None, budget=None) -> TargetDiscount:
    """The least delta at which grim trigger sustains a randomized target payoff.

    Parameters
    ----------
    game : RepeatedGame
        Two or more players; delta a parameter.
    weights : mapping
        Pure profile -> exact probability (summing to 1).
    punishment : tuple, optional
        The profile played after a deviation (default: a pure stage Nash
        equilibrium at every admissible point).
    budget : Budget, float or None

    Raises
    ------
    ModelError
        Weights that are not exact probabilities summing to 1, profiles not of
        the stage game, a numeric discount factor.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.model import repeated_game
    >>> target_discount(repeated_game(prisoners_dilemma()), {("C", "C"): 1}).value
    (R - T)/(P - T)
    """
    if not isinstance(game, RepeatedGame) or not isinstance(game.delta, sympy.Symbol):
        raise ModelError(
            "target_discount needs a RepeatedGame whose discount factor is a "
            f"parameter, got {game!r}"
        )
    budget = Budget.of(budget)
    stage, delta, assume = game.stage, game.delta, game.assumptions
    pairs = _weights(stage, weights)
    punish = stage_punishment(stage, budget) if punishment is None else punishment
    check_profile(stage, punish, "punishment")
    n = len(stage.players)
    target = tuple(sum(w * stage.utility(i, p) for p, w in pairs) for i in range(n))
    relations = []
    for i in range(n):
        v = stage.utility(i, punish)
        for b in stage.actions[i]:
            dev = (*punish[:i], b, *punish[i + 1 :])
            relations.append(v >= stage.utility(i, dev))
            for p, _ in pairs:
                q = (*p[:i], b, *p[i + 1 :])
                relations.append(
                    (1 - delta) * stage.utility(i, p) + delta * target[i]
                    >= (1 - delta) * stage.utility(i, q) + delta * v
                )
    constraints = simplify_cleared(sympy.And(*relations), assume, budget=budget)
    constraints = isolate(constraints, [delta], assume, budget=budget)
    solved = solve_for(constraints, delta, assumptions=assume, budget=budget)
    value, strict, empty, undecided = read_minimum(solved, delta, constraints)
    return TargetDiscount(
        kind="minimum discount factor for the target",
        value=value,
        condition=sympy.Not(undecided),
        assumptions=assume,
        steps=(
            Step("target payoff", target, "expected payoff of the device"),
            Step("incentive constraints", constraints, "no one-shot deviation"),
            Step(
                f"solved for {delta}",
                solved.value,
                "the condition's truth is constant between its critical points, decided on each piece",
            ),
            Step("minimum discount factor", value, "lower end of each piece"),
        ),
        weights=pairs,
        target=target,
        punishment=tuple(punish),
        constraints=constraints,
        strict=strict,
        unattainable=empty,
        delta=delta,
        game=game,
    )
