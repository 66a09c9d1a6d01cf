"""Internals of :func:`~symtrust.kydd.multilateral.cooperation.largest_cooperative_set`.

Kydd (2005), chapter 5 (a reconstruction; ``models.md`` section 4): the
largest cooperative set by iterated deletion, case by case. Each pending case
is a current set ``S``, the path of conditions that defines the case, and the
steps so far. One round of a case:

1. each actor's condition ``Q_i(S) >= mu_i`` at the current set, simplified
   under the assumptions and the path;
2. an undecided condition is settled exactly at a given point (2a), or the
   case splits into the part where it holds and the part where it fails (2b);
3. every actor whose condition fails is deleted, and the case goes round
   again (``Q_i(S)`` grows with ``S``, so a deleted actor never returns);
4. when no condition fails or is undecided the case is finished: its set is
   the largest cooperative set there.

Examples
--------
>>> from sympy import Rational as R
>>> from symtrust.catalog import hegemony_game
>>> g = hegemony_game(3, m=R(1, 2), pi_h=R(9, 10), t=0, c=2, w=1,
...                   greedy_temptation=2)
>>> mus = {a.name: R(1, 2) for a in g.actors}
>>> [case.current for case in finished_cases(g, mus, None, 8, None)]
[('hegemon', 'small'), ()]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.exact import substitute_condition
from symtrust.core.result import Step
from symtrust.errors import ModelError, SolverError, UnsupportedError
from symtrust.kydd.multilateral._conditions import index_expression, simplified
from symtrust.logic.decide import satisfiable

__all__ = ["Case", "check_point", "finished_cases"]


@dataclass(frozen=True)
class Case:
    """One case of the iterated deletion: the set, its path and its steps."""

    current: tuple
    path: tuple = ()
    steps: tuple = ()


def check_point(game, point):
    """A point as a dict of symbols, refused when it breaks the assumptions.

    Examples
    --------
    >>> from symtrust.catalog import hegemony_game
    >>> check_point(hegemony_game(), {"n": 3})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: point keys ['n'] are not symbols
    """
    if point is None:
        return None
    point = dict(point)
    unknown = [s for s in point if not isinstance(s, sympy.Symbol)]
    if unknown:
        raise ModelError(f"point keys {unknown} are not symbols")
    if not game.assumptions.holds_at(point) and game.parameters <= set(point):
        raise ModelError(f"point {point} violates the game's assumptions")
    return point


def _conditions(game, case, mus, budget):
    """1. The actors whose condition fails, and the first undecided condition."""
    context = (*game.assumptions.conditions, *case.path)
    failing, undecided = [], None
    for name in case.current:
        raw = sympy.Ge(index_expression(game, name, case.current), mus[name])
        cond = simplified(raw, context, budget)
        # a case already split on this condition (z3 may not see it)
        if cond in case.path:
            cond = S.true
        elif sympy.Not(cond) in case.path:
            cond = S.false
        if cond is S.false:
            failing.append(name)
        elif cond is not S.true and undecided is None:
            undecided = cond
    return failing, undecided


def _settle(case, cond, point):
    """2a. The case continued on the side of ``cond`` the point is on."""
    holds = substitute_condition(cond, point)
    if holds is None:
        raise SolverError(f"condition {cond} is undefined at {point}")
    chosen = cond if holds else sympy.Not(cond)
    return Case(case.current, (*case.path, chosen), case.steps)


def _split(game, case, cond, budget):
    """2b. The satisfiable cases where ``cond`` holds and where it fails."""
    assume = game.assumptions.conditions
    out = []
    for chosen in (cond, sympy.Not(cond)):
        together = sympy.And(*case.path, chosen)
        if satisfiable(together, assume, budget=budget).truth is not False:
            out.append(Case(case.current, (*case.path, chosen), case.steps))
    return out


def _delete(case, failing):
    """3. The case with every failing actor deleted."""
    kept = tuple(x for x in case.current if x not in failing)
    step = Step(
        f"delete {', '.join(failing)}", sympy.And(*case.path), "Q < threshold here"
    )
    return Case(kept, case.path, (*case.steps, step))


def finished_cases(game, mus, point, max_cases, budget) -> list:
    """Run the iterated deletion; the finished cases in order (step 4).

    Raises
    ------
    UnsupportedError
        More than ``max_cases`` cases (pass a point to settle them).
    """
    done = []
    pending = [Case(game.names)]
    while pending:
        case = pending.pop(0)
        failing, undecided = _conditions(game, case, mus, budget)
        if failing:
            pending.insert(0, _delete(case, failing))
        elif undecided is not None and point is not None:
            pending.insert(0, _settle(case, undecided, point))
        elif undecided is not None:
            pending.extend(_split(game, case, undecided, budget))
            if len(pending) + len(done) > max_cases:
                raise UnsupportedError(
                    f"more than max_cases={max_cases} cases; pass point= to settle "
                    "the conditions at exact values"
                )
        else:
            done.append(case)
    return done
