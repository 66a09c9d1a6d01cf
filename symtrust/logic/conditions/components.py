"""Conjunctions split into parts that share no symbol, simplified part by part.

A conjunction ``P & Q`` whose parts mention disjoint sets of symbols (and no
assumption links a symbol of ``P`` to one of ``Q``) is satisfiable iff each
part is, valid iff each part is, and a conjunct of ``P`` is implied by the
others iff it is implied by the other conjuncts of ``P`` (a point of ``P``
combines with any point of ``Q``). So simplifying each part alone gives an
equivalent condition, with fewer and smaller z3 questions: the two players'
conditions of a fully symbolic bimatrix game, or the conditions of two
players each about the other's prior.

Two symbols are *linked* when one conjunct or one assumption (other than a
symbol's own domain) mentions both; the parts are the classes of the
transitive closure, each keeping its conjuncts in the order given.

Examples
--------
>>> from symtrust.core.parameters import real
>>> a, b, c = real("a b c")
>>> components(sympy.And(a > 0, b > 0, a > c), [])
((a > 0) & (a > c), b > 0)
>>> components(sympy.And(a > 0, b > 0), [a < b])
((a > 0) & (b > 0),)
>>> simplify_by_components(sympy.And(a > 0, a + 1 > 0, b > 0), [])
(a > 0) & (b > 0)
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.logic.budget import Budget
from symtrust.logic.conditions.simplifier import simplify_condition
from symtrust.logic.decide import as_conditions

__all__ = ["components", "simplify_by_components"]


def _parts(conjuncts, conds) -> list[list]:
    """Indices of the conjuncts, grouped by linked symbols (see module doc)."""
    links = [c.free_symbols for c in conds if len(c.free_symbols) > 1]
    groups: list[tuple[set, list]] = []
    for k, a in enumerate(conjuncts):
        syms, members = set(a.free_symbols), [k]
        for link in links:
            if syms & link:
                syms |= link
        kept = []
        for g_syms, g_members in groups:
            if g_syms & syms:
                syms |= g_syms
                members = g_members + members
            else:
                kept.append((g_syms, g_members))
        groups = [*kept, (syms, sorted(members))]
    # an assumption can link two groups only through a third symbol: close it
    merged = True
    while merged:
        merged = False
        for link in links:
            hit = [g for g in groups if g[0] & link]
            if len(hit) > 1:
                syms = set(link).union(*(g[0] for g in hit))
                members = sorted(m for g in hit for m in g[1])
                groups = [g for g in groups if g not in hit] + [(syms, members)]
                merged = True
    groups.sort(key=lambda g: g[1][0])
    return [members for _, members in groups]


def components(cond, assumptions=()) -> tuple:
    """The parts of a conjunction that share no symbol, as conjunctions.

    Parameters
    ----------
    cond : sympy Boolean
        A condition; anything but a conjunction is one part.
    assumptions : Assumptions or iterable of Boolean
        What the parameters satisfy: an assumption mentioning two symbols
        links them.

    Returns
    -------
    tuple of sympy Boolean
        The parts, ordered by their first conjunct in ``cond.args``.

    Examples
    --------
    >>> from symtrust.core.parameters import probability
    >>> p, q = probability("p q")
    >>> components(sympy.And(p > q, q > 0, p < 1))
    ((p > q) & (q > 0) & (p < 1),)
    """
    if not isinstance(cond, sympy.And):
        return (cond,)
    args = cond.args
    parts = _parts(args, as_conditions(assumptions))
    if len(parts) == 1:
        return (cond,)  # one part: the conjunction itself, not rebuilt
    return tuple(sympy.And(*(args[k] for k in members)) for members in parts)


def simplify_by_components(cond, assumptions=(), *, budget=None):
    """Simplify a conjunction part by part (:func:`components`).

    Equivalent to :func:`~symtrust.logic.conditions.simplify_condition` under
    the assumptions (see the module doc), and False as soon as one part is
    proved never to hold.

    Examples
    --------
    >>> from symtrust.core.parameters import probability
    >>> p, q = probability("p q")
    >>> simplify_by_components(sympy.And(p > 2, q > 0))
    False
    """
    budget = Budget.of(budget)
    conds = as_conditions(assumptions)
    parts = components(cond, conds)
    if len(parts) == 1:
        return simplify_condition(cond, conds, budget=budget)
    out = []
    for part in parts:
        simple = simplify_condition(part, conds, budget=budget)
        if simple is S.false:
            return S.false
        out.append(simple)
    return sympy.And(*out)
