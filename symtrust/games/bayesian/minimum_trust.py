"""The minimum trust level: the least trust at which cooperation can exist.

Given an existence condition ``E(tau, x)`` of a cooperative equilibrium (for
example the one :func:`~symtrust.games.continuous_types.cutoffs.cutoff_equilibria` reports, in
terms of trust ``tau`` and another parameter ``x``), the minimum trust level is
the function ``x -> tau*(x)`` with ``E(tau, x)  <=>  tau >= tau*(x)``
(Kydd 2005, ch. 2: minimum trust as a function of the net cost of conflict).
A value at or above the trust domain's upper end means that no admissible
trust level sustains cooperation there.

1. boundary points: each relation of ``E`` solved for ``tau`` with equality;
2. pieces of ``x``: split where a boundary meets another one or the upper end
   of the trust domain;
3. on each piece z3 proves which boundary ``b`` gives ``E <=> tau >= b``, or
   that ``E`` never holds there (the minimum is then the domain's upper end,
   certainty); a piece where neither is proved gets ``nan`` (undecided).

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

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.parameters import Parameter
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.decide import decide

__all__ = ["MinimumTrust", "minimum_trust"]


@dataclass(frozen=True, kw_only=True)
class MinimumTrust(Result):
    """The minimum trust level as a piecewise function of one parameter.

    Attributes
    ----------
    existence : sympy Boolean
        The existence condition it was derived from.
    trust : Parameter
        The trust symbol.
    over : Symbol
        The parameter the minimum is a function of.
    """

    existence: Any = S.true
    trust: Any = None
    over: Any = None


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
        ``value`` is a ``Piecewise`` in ``over``.

    Raises
    ------
    ModelError
        If ``trust`` is not a parameter with a bounded domain.

    Examples
    --------
    >>> from symtrust import interval, positive
    >>> tau = interval("tau", 0, 1, left_open=True)
    >>> x = positive("x")
    >>> minimum_trust(tau >= x / 2, tau, x).value
    x/2
    """
    budget = Budget.of(budget)
    if not isinstance(trust, Parameter) or not trust.domain.sup.is_finite:
        raise ModelError(
            f"trust={trust!r} must be a parameter with a bounded domain "
            "(e.g. interval('tau', 0, 1)); its upper end is certainty"
        )
    if existence in (True, False):
        existence = sympy.sympify(existence, strict=True)
    assume = build_assumptions(
        assumptions, symbols=existence.free_symbols | {trust, over}
    )
    conds = assume.conditions
    # 1. boundary points: each relation solved for trust with equality
    boundaries = []
    for rel in sympy.And.make_args(existence):
        if not isinstance(rel, sympy.core.relational.Relational):
            continue
        for root in sympy.solve(sympy.Eq(rel.lhs, rel.rhs), trust):
            if root.has(trust) or not root.free_symbols <= {over}:
                continue
            boundaries.append(sympy.factor(root))
    top = trust.domain.sup
    if existence is S.true:  # any trust will do: the least is the domain's lower end
        boundaries.append(trust.domain.inf)
    # 2. pieces of `over`, split where boundaries meet each other or certainty
    cuts = set()
    for i, r in enumerate(boundaries):
        for other in (top, *boundaries[i + 1 :]):
            for k in sympy.solve(sympy.Eq(r, other), over):
                if k.is_number and k.is_real and k.is_positive:
                    cuts.add(k)
    edges = [S.Zero, *sorted(cuts), S.Infinity]
    pieces = []
    # 3. on each piece, the boundary that the existence condition reduces to
    for lo, hi in itertools.pairwise(edges):
        piece = [over > lo if lo == 0 else over >= lo]
        if hi is not S.Infinity:
            piece.append(over < hi)
        within = (*conds, *piece)
        chosen = None
        for r in boundaries:
            if (
                decide(
                    sympy.Equivalent(existence, trust >= r), within, budget=budget
                ).truth
                is True
            ):
                chosen = r
                break
        if (
            chosen is None
            and decide(sympy.Not(existence), within, budget=budget).truth is True
        ):
            chosen = top  # no trust below certainty sustains cooperation
        if chosen is None:
            chosen = S.NaN
        last = hi is S.Infinity
        pieces.append((chosen, S.true if last else sympy.And(*piece)))
    value = sympy.Piecewise(*pieces)
    steps = (
        Step(
            "existence condition", existence, "where a cooperative equilibrium exists"
        ),
        Step(
            "boundaries in trust",
            sympy.Tuple(*boundaries),
            "each relation solved with equality",
        ),
        Step(
            "pieces split at",
            sympy.Tuple(*sorted(cuts)),
            "where boundaries meet each other or certainty",
        ),
        Step(
            "minimum trust",
            value,
            "on each piece z3 proves: existence iff trust >= boundary",
        ),
    )
    undecided = value.has(S.NaN)
    return MinimumTrust(
        kind="minimum trust for a cooperative equilibrium",
        value=value,
        condition=S.false if undecided and len(pieces) == 1 else S.true,
        assumptions=assume,
        steps=steps,
        existence=existence,
        trust=trust,
        over=over,
    )
