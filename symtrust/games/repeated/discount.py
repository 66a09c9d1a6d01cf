"""The minimum discount factor: the least patience that sustains a profile.

Given an automaton profile of a repeated game whose discount factor is a
parameter, the *minimum discount factor* is the function
:math:`\\theta \\mapsto \\delta^*(\\theta)` of the stage payoffs with

.. math:: \\text{the profile is subgame perfect} \\iff \\delta \\ge \\delta^*(\\theta)

(or :math:`\\delta > \\delta^*`), the analogue for the shadow of the future of
Kydd's minimum trust threshold (:mod:`symtrust.games.bayesian.minimum_trust`):

1. the subgame-perfection condition
   (:func:`~symtrust.games.repeated.deviation.subgame_perfection`) is solved
   for :math:`\\delta` (:func:`~symtrust.logic.solve_for.solve_for`): on each
   piece of the payoff space, the set of discount factors where it holds;
2. where that set is :math:`[m, 1)` or :math:`(m, 1)`, the minimum is
   :math:`m` (*strict* where it is not attained);
3. where the set is empty, no discount factor sustains the profile: the
   value is 1 (the domain's upper end, never attained) and the piece is
   reported in ``unattainable``;
4. a piece where the set has another shape (the profile is subgame perfect
   for some discount factors but not for all larger ones, as tit-for-tat)
   raises :class:`~symtrust.errors.UnsupportedError` naming it.

Comparative statics of the result are those of its value
(:func:`symtrust.comparative_statics`).

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated.model import repeated_game
>>> from symtrust.games.repeated.strategies import grim_trigger
>>> md = minimum_discount(repeated_game(prisoners_dilemma()), grim_trigger())
>>> md.value, md.strict
((R - T)/(P - T), False)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.repeated.deviation import as_profile, subgame_perfection
from symtrust.logic.budget import Budget
from symtrust.logic.solve_for import solve_for

__all__ = ["DiscountThreshold", "minimum_discount", "read_minimum"]


@dataclass(frozen=True, kw_only=True)
class DiscountThreshold(Result):
    """The minimum discount factor of a profile, piecewise in the payoffs.

    Attributes
    ----------
    delta : Parameter
        The discount factor.
    perfection : SubgamePerfection
        The subgame-perfection condition it was read from.
    strict : sympy Boolean
        Where the minimum is not attained (delta must exceed it).
    unattainable : sympy Boolean
        Where no discount factor in (0, 1) sustains the profile.
    solved : SolvedCondition
        The condition solved for delta.
    profile : Automaton
    game : RepeatedGame
    """

    delta: Any = None
    perfection: Any = None
    strict: Any = S.false
    unattainable: Any = S.false
    solved: Any = None
    profile: Any = None
    game: Any = None

    @property
    def direction(self) -> str:
        """``">="`` where attained; ``">"`` where the minimum is strict."""
        return ">" if self.strict is S.true else ">="

    def display_rows(self) -> tuple:
        rows = [(self.kind, self.value)]
        if self.strict is not S.false:
            rows.append(("not attained (delta must exceed it) where", self.strict))
        if self.unattainable is not S.false:
            rows.append(("no discount factor sustains it where", self.unattainable))
        return tuple(rows)


def _piece_minimum(piece, delta, perfection):
    """``(minimum, strict, empty)`` of one decided piece of the solved set."""
    if not piece.intervals:
        return S.One, True, True
    if len(piece.intervals) == 1:
        lo, hi, lo_open, hi_open = piece.intervals[0]
        if hi == 1 and hi_open:
            return lo, lo_open, False
    raise UnsupportedError(
        f"the profile is subgame perfect iff {perfection} which is not of the "
        f"form {delta} >= m where {piece.condition}: there it holds for {delta} in "
        f"{piece.set}, so no single minimum discount factor describes it"
    )


def read_minimum(solved, delta, shown):
    """The least delta of each piece of a condition solved for delta.

    Returns ``(value, strict, unattainable, undecided)``: the minimum (a
    ``Piecewise`` over the pieces, 1 where no delta in (0, 1) will do) and
    the conditions where it is not attained, where nothing is, and where z3
    could not decide (left out of the value).

    Examples
    --------
    >>> from symtrust import interval, positive, solve_for
    >>> d = interval("delta", 0, 1, left_open=True, right_open=True)
    >>> x = positive("x")
    >>> read_minimum(solve_for(d >= x, d), d, d >= x)[:2]
    (Piecewise((x, x < 1), (1, True)), x >= 1)
    """
    pieces, strict, empty, undecided = [], [], [], []
    for piece in sorted(solved.pieces, key=lambda p: (not p.decided, not p.intervals)):
        if not piece.decided:
            undecided.append(piece.condition)
            continue
        low, is_strict, is_empty = _piece_minimum(piece, delta, shown)
        pieces.append((low, piece.condition))
        if is_strict:
            strict.append(piece.condition)
        if is_empty:
            empty.append(piece.condition)
    if not pieces:
        pieces.append((S.One, S.true))
    pieces[-1] = (pieces[-1][0], S.true)
    value = pieces[0][0] if len(pieces) == 1 else sympy.Piecewise(*pieces)
    return value, sympy.Or(*strict), sympy.Or(*empty), sympy.Or(*undecided)


def minimum_discount(game, profile, *, budget=None) -> DiscountThreshold:
    """The least discount factor at which an automaton profile is subgame perfect.

    Parameters
    ----------
    game : RepeatedGame
        Its discount factor must be a parameter, not a number.
    profile : Automaton, Machine or pair of Machines
    budget : Budget, float or None
        Time allowed (see :class:`~symtrust.logic.budget.Budget`).

    Returns
    -------
    DiscountThreshold
        ``value`` a closed form (a ``Piecewise`` where it differs across the
        payoff space); ``strict`` and ``unattainable`` as in the module
        docstring; ``condition`` where every piece was decided.

    Raises
    ------
    ModelError
        A numeric discount factor (there is nothing to solve for).
    UnsupportedError
        A piece where the set of discount factors is not an upper interval.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.model import repeated_game
    >>> from symtrust.games.repeated.strategies import tit_for_tat
    >>> minimum_discount(repeated_game(prisoners_dilemma()), tit_for_tat())
    Traceback (most recent call last):
    ...
    symtrust.errors.UnsupportedError: the profile is subgame perfect iff ...
    """
    budget = Budget.of(budget)
    profile = as_profile(game, profile)
    delta = game.delta
    if not isinstance(delta, sympy.Symbol):
        raise ModelError(
            f"the discount factor is the number {delta}: a minimum discount factor "
            "needs delta to be a parameter (repeated_game(stage) makes one)"
        )
    perfection = subgame_perfection(game, profile, budget=budget)
    solved = solve_for(
        perfection.value, delta, assumptions=game.assumptions, budget=budget
    )
    value, strict, empty, undecided = read_minimum(solved, delta, perfection.value)
    steps = (
        *perfection.steps,
        Step(
            f"solved for {delta}",
            solved.value,
            "the condition's truth is constant between its critical points, decided on each piece",
        ),
        Step(
            "minimum discount factor",
            value,
            "the lower end of each piece's set of discount factors",
        ),
    )
    return DiscountThreshold(
        kind="minimum discount factor",
        value=value,
        condition=sympy.Not(undecided),
        assumptions=game.assumptions,
        steps=steps,
        delta=delta,
        perfection=perfection,
        strict=strict,
        unattainable=empty,
        solved=solved,
        profile=profile,
        game=game,
    )
