"""Internals of the multilateral solvers: cooperation indices and conditions.

Kydd (2005), chapter 5 (a reconstruction; ``models.md`` section 4). The entry
points live in :mod:`symtrust.kydd.multilateral.cooperation`; this module
holds the steps they share:

1. the cooperation index ``Q_i(S)`` in a readable form (one fraction whose
   numerator is collected by the trusts);
2. a condition ``Q_i(S) >= mu_i`` cleared of a denominator of known sign and
   simplified under the assumptions, kept as written when that is shorter;
3. a conjunction without the conjuncts the others imply.

Examples
--------
>>> from symtrust.catalog import hegemony_game
>>> index_expression(hegemony_game(), "small", None)
(m*pi_h*(n - 1) - pi_s*(m - 1)*(n - 2))/(m + n - 2)
"""

from __future__ import annotations

from functools import lru_cache

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.errors import ModelError, UnsupportedError
from symtrust.kydd.multilateral.model import MultilateralGame
from symtrust.logic.budget import Budget, cached_by_budget
from symtrust.logic.conditions import sign_under, simplify_condition
from symtrust.logic.decide import decide, satisfiable
from symtrust.logic.z3_bridge import Translation

__all__ = [
    "actor_names",
    "check_game",
    "conjoin",
    "index_expression",
    "simplified",
]


def check_game(game) -> None:
    """Refuse anything but a :class:`MultilateralGame`.

    Examples
    --------
    >>> check_game("game")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: expected a MultilateralGame, got str
    """
    if not isinstance(game, MultilateralGame):
        raise ModelError(f"expected a MultilateralGame, got {type(game).__name__}")


def actor_names(game, cooperators) -> tuple:
    """The named actors (all by default), each checked to be in the game.

    Examples
    --------
    >>> from symtrust.catalog import hegemony_game
    >>> actor_names(hegemony_game(), "small")
    ('small',)
    """
    if cooperators is None:
        return game.names
    if isinstance(cooperators, str):
        cooperators = (cooperators,)
    out = tuple(cooperators)
    for name in out:
        if name not in game.names:
            raise ModelError(f"unknown actor {name!r}; actors are {game.names}")
    return out


def index_expression(game, name: str, cooperators) -> sympy.Expr:
    """``Q_i(S)``: others' trustworthy types in ``S`` cooperate (a closed form).

    Examples
    --------
    >>> from symtrust.catalog import hegemony_game
    >>> index_expression(hegemony_game(), "hegemon", ["small"])
    pi_s
    """
    return _index(game, name, actor_names(game, cooperators))


# the iterated deletion asks for the same indices round after round
@lru_cache(maxsize=1024)
def _index(game, name, chosen):
    game.actor(name)
    q = {a.name: a.trust for a in game.actors if a.name in chosen}
    index = game.cooperation_index(name, q)
    if game.aggregation == "weakest_link":
        return index
    # one fraction, numerator collected by the trusts (each a weight of a pi)
    num, den = sympy.fraction(sympy.cancel(sympy.together(index)))
    trusts = sorted(
        {a.trust for a in game.actors} - {S.Zero}, key=sympy.default_sort_key
    )
    return sympy.collect(sympy.expand(num), trusts, sympy.factor) / den


def _cleared(rel, assume, budget):
    """``lhs >= rhs`` as a polynomial inequality, clearing a denominator of known sign."""
    if not isinstance(rel, Relational):
        return rel
    num, den = sympy.fraction(sympy.cancel(sympy.together(rel.lhs - rel.rhs)))
    sign = sign_under(den, assume, budget=budget) if den != 1 else 1
    if sign == 1:
        return sympy.Ge(sympy.expand(num), 0)
    if sign == -1:
        return sympy.Le(sympy.expand(num), 0)
    return rel


@lru_cache(maxsize=1024)
def _readable(cond) -> bool:
    """Whether z3 can read a condition (translating it is not free: cached)."""
    try:
        Translation().boolean(cond)
    except UnsupportedError:
        return False
    return True


def _translatable(context) -> tuple:
    """The conditions z3 can read (dropping others keeps every verdict sound)."""
    return tuple(c for c in context if _readable(c))


def simplified(rel, context, budget):
    """Simplify ``Q >= mu``; keep that form when the expanded one is longer.

    Examples
    --------
    >>> from symtrust import positive
    >>> a, b = positive("a b")
    >>> simplified(a / b >= 1, (), None)
    a >= b
    """
    return _simplified(rel, tuple(context), Budget.of(budget))


@cached_by_budget()
def _simplified(rel, context, budget):
    context = _translatable(context)
    out = simplify_condition(_cleared(rel, context, budget), context, budget=budget)
    if out in (S.true, S.false) or not isinstance(rel, Relational):
        return out
    if sympy.count_ops(out) > sympy.count_ops(rel):
        return rel
    return out


def conjoin(parts, context, budget):
    """A conjunction without the conjuncts the others (and the context) imply.

    Examples
    --------
    >>> from symtrust import positive
    >>> a = positive("a")
    >>> conjoin([a > 1, a > 0], (), None)
    a > 1
    """
    parts = [p for p in dict.fromkeys(parts) if p is not S.true]
    if S.false in parts:
        return S.false
    kept = list(parts)
    for p in parts:
        others = [q for q in kept if q is not p]
        if decide(p, (*context, *others), budget=budget).truth is True:
            kept = others
    if kept and satisfiable(sympy.And(*kept), context, budget=budget).truth is False:
        return S.false
    return sympy.And(*kept)
