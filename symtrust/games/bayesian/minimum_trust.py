"""The minimum trust level: the least trust at which cooperation can exist.

Given an existence condition ``E(tau, theta)`` of a cooperative equilibrium
(for example the one
:func:`~symtrust.games.continuous_types.cutoffs.cutoff_equilibria` reports, in
terms of trust ``tau`` and other parameters ``theta``), the minimum trust level
is the function ``theta -> tau*(theta)`` with ``E(tau, theta) <=> tau >=
tau*(theta)`` (or ``tau > tau*(theta)``) (Kydd 2005, ch. 2: minimum trust as a
function of the net cost of conflict).

1. the existence condition is solved for ``tau``
   (:func:`~symtrust.logic.solve_for.solve_for`): on each piece of the
   parameter space, the set of trust levels where it holds;
2. on a piece where that set is ``tau >= m`` (or ``tau > m``) within the trust
   domain, the minimum is ``m`` (strict where the bound is not attained);
3. on a piece where the set is empty, no admissible trust level sustains
   cooperation: the minimum is the domain's upper end (certainty) and the
   piece is reported in ``unattainable``;
4. a piece where the set is not of that form (cooperation at low trust but not
   at high) raises :class:`~symtrust.errors.UnsupportedError` naming it; a
   piece z3 could not settle is left out of ``condition``. The value is never
   ``nan``.

Examples
--------
>>> from symtrust import interval, positive
>>> import sympy
>>> tau = interval("tau", 0, 1, left_open=True, right_open=True)
>>> x = positive("x")
>>> exists = sympy.And(tau * (x + 1) <= 2, (1 + x)**2 * tau >= 4 * x)
>>> minimum_trust(exists, tau, x).value
Piecewise((4*x/(x + 1)**2, x < 1), (1, True))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.parameters import Parameter
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.solve_for import solve_for

__all__ = ["MinimumTrust", "minimum_trust"]


@dataclass(frozen=True, kw_only=True)
class MinimumTrust(Result):
    """The minimum trust level as a piecewise function of the parameters.

    Attributes
    ----------
    existence : sympy Boolean
        The existence condition it was derived from.
    trust : Parameter
        The trust symbol.
    over : Symbol
        The parameter the minimum is read as a function of.
    strict : sympy Boolean
        Where the minimum is not attained (existence needs trust above it).
    unattainable : sympy Boolean
        Where no admissible trust level sustains cooperation (the value is
        then the domain's upper end).
    solved : SolvedCondition
        The existence condition solved for the trust symbol.
    """

    existence: Any = S.true
    trust: Any = None
    over: Any = None
    strict: Any = S.false
    unattainable: Any = S.false
    solved: Any = None

    def display_rows(self) -> tuple:
        rows = [(self.kind, self.value)]
        if self.strict is not S.false:
            rows.append(("not attained (trust must exceed it) where", self.strict))
        if self.unattainable is not S.false:
            rows.append(("no admissible trust level where", self.unattainable))
        return tuple(rows)


def _piece_minimum(piece, trust, existence):
    """``(minimum, strict, empty)`` of one decided piece of the solved set."""
    dom = trust.domain
    if not piece.intervals:
        return dom.sup, False, True
    if len(piece.intervals) == 1:
        lo, hi, lo_open, hi_open = piece.intervals[0]
        if hi == dom.sup and hi_open == bool(dom.right_open):
            return lo, lo_open, False
    raise UnsupportedError(
        f"the existence condition {existence} is not of the form {trust} >= m "
        f"where {piece.condition}: there it holds for {trust} in {piece.set}, "
        "so no single minimum trust level describes it"
    )


def _ordered(pieces):
    """Decided pieces with nonempty sets first, the last one "otherwise"."""
    return sorted(pieces, key=lambda p: (not p.decided, not p.intervals))


def _minimum_steps(existence, solved, value):
    return (
        Step(
            "existence condition", existence, "where a cooperative equilibrium exists"
        ),
        Step(
            f"solved for {solved.variable}",
            solved.value,
            "z3 decides the existence condition between its critical points",
        ),
        Step(
            "minimum trust", value, "the lower end of each piece's set of trust levels"
        ),
    )


def minimum_trust(existence, trust, over, assumptions=(), *, budget=None):
    """Derive the least trust at which the existence condition holds.

    Parameters
    ----------
    existence : sympy Boolean
        Where a cooperative equilibrium exists, over ``trust`` and ``over``.
    trust : Parameter
        The trust symbol; its domain's upper end is certainty.
    over : Symbol
        The parameter the minimum trust is a function of.
    assumptions : iterable of Boolean
        Further assumptions on the parameters.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    MinimumTrust
        ``value`` is a ``Piecewise`` in the parameters; ``strict`` and
        ``unattainable`` say where the minimum is not attained and where no
        admissible trust level will do.

    Raises
    ------
    ModelError
        If ``trust`` is not a parameter with a bounded domain.
    UnsupportedError
        If on some piece the existence condition is not of the form
        ``trust >= m``, or cannot be solved for ``trust``.

    Examples
    --------
    >>> from symtrust import interval, positive
    >>> tau = interval("tau", 0, 1, left_open=True)
    >>> x = positive("x")
    >>> mt = minimum_trust(tau >= x / 2, tau, x)
    >>> mt.value, mt.unattainable
    (Piecewise((x/2, x <= 2), (1, True)), x > 2)
    """
    budget = Budget.of(budget)
    if not isinstance(trust, Parameter) or not trust.domain.sup.is_finite:
        raise ModelError(
            f"trust={trust!r} must be a parameter with a bounded domain "
            "(e.g. interval('tau', 0, 1)); its upper end is certainty"
        )
    if not isinstance(over, sympy.Symbol):
        raise ModelError(f"over={over!r} must be a SymPy symbol")
    existence = sympy.sympify(existence, strict=True)
    assume = build_assumptions(
        assumptions, symbols=existence.free_symbols | {trust, over}
    )
    solved = solve_for(existence, trust, assumptions=assume, budget=budget)
    pieces, strict, empty, undecided = [], [], [], []
    for piece in _ordered(solved.pieces):
        if not piece.decided:
            undecided.append(piece.condition)
            continue
        low, is_strict, is_empty = _piece_minimum(piece, trust, existence)
        pieces.append((low, piece.condition))
        (strict if is_strict else empty if is_empty else []).append(piece.condition)
    if not pieces:
        pieces.append((trust.domain.sup, S.true))
    pieces[-1] = (pieces[-1][0], S.true)
    value = sympy.Piecewise(*pieces)
    return MinimumTrust(
        kind="minimum trust for a cooperative equilibrium",
        value=value,
        condition=sympy.Not(sympy.Or(*undecided)) if undecided else S.true,
        assumptions=assume,
        steps=_minimum_steps(existence, solved, value),
        existence=existence,
        trust=trust,
        over=over,
        strict=sympy.Or(*strict),
        unattainable=sympy.Or(*empty),
        solved=solved,
    )
