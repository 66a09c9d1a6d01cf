"""Dominance between pure actions, and iterated elimination of dominated actions.

Action ``a`` of player ``i`` *strictly dominates* action ``b`` iff
``u_i(a, s) > u_i(b, s)`` for every profile ``s`` of the other players'
actions; it *weakly dominates* ``b`` iff ``u_i(a, s) >= u_i(b, s)`` for every
``s`` with strict inequality for at least one (Fudenberg and Tirole 1991,
sec. 2.1). With symbolic payoffs each relation holds under a condition on the
parameters:

1. collect the comparisons over the others' profiles;
2. conjoin them (and, for weak dominance, add the disjunction of the strict
   comparisons);
3. simplify under the game's assumptions (z3 decides the condition always,
   never or sometimes holds); relations that never hold are left out.

Iterated elimination of strictly dominated actions removes, round by round,
every action that is strictly dominated *everywhere* under the assumptions
(condition ``True``); the surviving game does not depend on the order of
elimination (Gilboa, Kalai and Zemel 1990). Dominance that holds only on part
of the parameter space is reported in the notes, never used.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> [(d.player, d.dominant, d.dominated) for d in dominated_actions(prisoners_dilemma(), "row")]
[('row', 'D', 'C')]
>>> iterated_elimination(prisoners_dilemma()).value
(('D',), ('D',))
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import NormalFormGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import clear_denominators, simplify_condition

__all__ = [
    "Dominance",
    "DominanceSolution",
    "IteratedElimination",
    "dominance",
    "dominated_actions",
    "iterated_elimination",
    "restrict",
]


@dataclass(frozen=True, kw_only=True)
class Dominance(Result):
    """One action dominating another, with the condition under which it does.

    Attributes
    ----------
    player : str
        Whose actions.
    dominant, dominated : str
        The dominating and the dominated action.
    strict : bool
        Strict (True) or weak (False) dominance.
    """

    player: str = ""
    dominant: str = ""
    dominated: str = ""
    strict: bool = True

    def display_rows(self):
        """Rows for the renderers."""
        word = "strictly" if self.strict else "weakly"
        return (
            (
                self.kind,
                f"{self.player}: {self.dominant} {word} dominates {self.dominated}",
            ),
        )


@dataclass(frozen=True, kw_only=True)
class DominanceSolution(Solution):
    """The dominance relations found, with the scope that was searched.

    Attributes
    ----------
    players : tuple of str
        The players whose actions were compared.
    kinds : tuple of bool
        Which relations were searched: True for strict, False for weak.
    """

    players: tuple = ()
    kinds: tuple = (True, False)


def _check_game(game):
    if not isinstance(game, NormalFormGame):
        raise ModelError(f"expected a NormalFormGame, got {type(game).__name__}")


def _comparisons(game, i, a, b):
    """u_i(a, s) - u_i(b, s) for every profile s of the others."""
    others = [acts for k, acts in enumerate(game.actions) if k != i]
    out = []
    for rest in itertools.product(*others):
        pa = (*rest[:i], a, *rest[i:])
        pb = (*rest[:i], b, *rest[i:])
        out.append((game.payoff(pa)[i], game.payoff(pb)[i]))
    return out


def _relations(game, i, budget, strict_only):
    player = game.players[i]
    assume = game.assumptions

    def clear(rel):
        # denominators of constant sign cleared before simplification
        return clear_denominators(rel, assume, budget=budget)

    found = []
    for a, b in itertools.permutations(game.actions[i], 2):
        pairs = _comparisons(game, i, a, b)
        kinds = (True,) if strict_only else (True, False)
        for strict in kinds:
            if strict:
                raw = sympy.And(*(clear(ua > ub) for ua, ub in pairs))
                why = "better against every profile of the others"
            else:
                raw = sympy.And(
                    *(clear(ua >= ub) for ua, ub in pairs),
                    sympy.Or(*(clear(ua > ub) for ua, ub in pairs)),
                )
                why = "never worse, and better against some profile of the others"
            cond = simplify_condition(raw, assume, budget=budget)
            if cond is S.false:
                continue
            word = "strict" if strict else "weak"
            found.append(
                Dominance(
                    kind=f"{word} dominance",
                    value=(a, b),
                    condition=cond,
                    assumptions=assume,
                    steps=(
                        Step(f"{a} {word}ly dominates {b}", raw, why),
                        Step("condition", cond, "simplified under the assumptions"),
                    ),
                    player=player,
                    dominant=a,
                    dominated=b,
                    strict=strict,
                )
            )
    return found


def dominance(game: NormalFormGame, *, weak: bool = True, budget=None) -> Solution:
    """Every dominance relation between pure actions, each with its condition.

    Parameters
    ----------
    game : NormalFormGame
        The game.
    weak : bool
        Also report weak dominance (default True).
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    Solution
        Results of type :class:`Dominance`, by player and ordered action pair;
        relations that never hold under the assumptions are left out.

    Examples
    --------
    >>> from symtrust import real, bimatrix
    >>> x = real("x")
    >>> g = bimatrix([[x, 1], [0, 0]], [[0, 0], [0, 0]])
    >>> [(d.kind, d.dominant, d.condition) for d in dominance(g) if d.player == "row"]
    [('strict dominance', 'C', x > 0), ('weak dominance', 'C', x >= 0)]
    """
    budget = Budget.of(budget)
    _check_game(game)
    found = []
    for i in range(len(game.players)):
        found.extend(_relations(game, i, budget, strict_only=not weak))
    return DominanceSolution(
        method="dominance",
        solver=dominance,
        game=game,
        results=tuple(found),
        players=game.players,
        kinds=(True, False) if weak else (True,),
    )


def dominated_actions(
    game: NormalFormGame, player, *, strict: bool = True, budget=None
) -> Solution:
    """The dominance relations among one player's actions.

    Parameters
    ----------
    game : NormalFormGame
        The game.
    player : str or int
        The player.
    strict : bool
        Only strict dominance (default); False gives weak dominance only.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Examples
    --------
    >>> from symtrust.catalog import chicken
    >>> len(dominated_actions(chicken(), "column"))
    0
    """
    budget = Budget.of(budget)
    _check_game(game)
    i = game.player_index(player)
    found = [
        d for d in _relations(game, i, budget, strict_only=strict) if d.strict == strict
    ]
    return DominanceSolution(
        method="dominance",
        solver=dominated_actions,
        game=game,
        results=tuple(found),
        players=(game.players[i],),
        kinds=(strict,),
    )


def restrict(game: NormalFormGame, actions) -> NormalFormGame:
    """The game with each player limited to a subset of actions.

    Parameters
    ----------
    game : NormalFormGame
        The game.
    actions : sequence of sequence of str
        The kept actions of each player (in any order; the game's order is kept).

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> restrict(stag_hunt(), [["C"], ["C", "D"]]).actions
    (('C',), ('C', 'D'))
    """
    _check_game(game)
    if len(actions) != len(game.players):
        raise ModelError(
            f"actions {actions!r} must give one action set per player {game.players}"
        )
    kept = []
    for i, acts in enumerate(actions):
        for a in acts:
            game.action_index(i, a)
        sub = tuple(a for a in game.actions[i] if a in set(acts))
        if not sub:
            raise ModelError(
                f"player {game.players[i]!r} must keep at least one action"
            )
        kept.append(sub)
    table = tuple(game.payoff(p) for p in itertools.product(*kept))
    return NormalFormGame(game.players, tuple(kept), table, game.assumptions, game.name)


@dataclass(frozen=True, kw_only=True)
class IteratedElimination(Result):
    """The outcome of iterated elimination of strictly dominated actions.

    Attributes
    ----------
    game : NormalFormGame
        The original game.
    reduced : NormalFormGame
        The game on the surviving actions.
    eliminated : tuple
        ``(round, player, dominated action, dominating action)`` in order.
    notes : tuple of str
        Strict dominance in the reduced game that holds only on part of the
        parameter space (not used for elimination).
    """

    game: Any = None
    reduced: Any = None
    eliminated: tuple = ()
    notes: tuple = ()

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, self.value)]
        for rnd, player, gone, by in self.eliminated:
            rows.append(
                (f"  round {rnd}", f"{player} drops {gone} (dominated by {by})")
            )
        rows.extend(("  note", n) for n in self.notes)
        return tuple(rows)


def iterated_elimination(game: NormalFormGame, *, budget=None) -> IteratedElimination:
    """Remove strictly dominated actions, round by round, where decided everywhere.

    Parameters
    ----------
    game : NormalFormGame
        The game.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    IteratedElimination
        ``value`` holds each player's surviving actions; ``condition`` is
        ``True``: only dominance holding everywhere under the assumptions is
        used.

    Examples
    --------
    >>> from symtrust import positive, bimatrix
    >>> c = positive("c")
    >>> g = bimatrix([[1, 0], [0, -c]], [[1, 0], [2, 0]])
    >>> r = iterated_elimination(g)
    >>> r.value, [e[1:3] for e in r.eliminated]
    ((('C',), ('C',)), [('row', 'D'), ('column', 'D')])
    """
    budget = Budget.of(budget)
    _check_game(game)
    current, eliminated, steps, rnd = game, [], [], 0
    while True:
        rnd += 1
        drop = {}
        # every action strictly dominated everywhere, for every player at once
        for i in range(len(game.players)):
            for d in _relations(current, i, budget, strict_only=True):
                if d.condition is S.true and d.dominated not in drop.get(i, {}):
                    drop.setdefault(i, {})[d.dominated] = d.dominant
        if not drop:
            break
        for i, gone in drop.items():
            for b, a in gone.items():
                eliminated.append((rnd, game.players[i], b, a))
                steps.append(
                    Step(
                        f"round {rnd}: {game.players[i]} drops {b}",
                        sympy.true,
                        f"strictly dominated by {a} everywhere under the assumptions",
                    )
                )
        current = restrict(
            current,
            [
                [a for a in acts if a not in drop.get(i, {})]
                for i, acts in enumerate(current.actions)
            ],
        )
    notes = tuple(
        f"{d.player}: {d.dominant} strictly dominates {d.dominated} only when "
        f"{d.condition}"
        for i in range(len(game.players))
        for d in _relations(current, i, budget, strict_only=True)
    )
    return IteratedElimination(
        kind="surviving actions",
        value=current.actions,
        condition=S.true,
        assumptions=game.assumptions,
        steps=tuple(steps),
        game=game,
        reduced=current,
        eliminated=tuple(eliminated),
        notes=notes,
    )
