"""Best responses from first-order conditions, with corners and concavity.

For player ``i`` with utility ``u_i`` and interval ``[l, h]``:

1. the first-order condition ``g = du_i/da_i = 0`` is solved for ``a_i``,
   giving the interior best response ``r(a_-i)``;
2. the second-order condition: concavity ``d2u_i/da_i2 <= 0`` on the whole
   box of actions is decided by z3 under the assumptions; if it is implied,
   the first-order condition is sufficient, otherwise the best response is
   reported only as a local one with ``d2u_i/da_i2 < 0`` at ``r`` in its
   condition;
3. corners (concave case): the best response is ``l`` where ``g(l) <= 0``,
   ``h`` where ``g(h) >= 0``, else ``r``, a piecewise expression.

Source: Fudenberg and Tirole (1991), *Game Theory*, sections 1.2.1-1.2.2.

Examples
--------
>>> from symtrust.games.continuous import continuous_game
>>> import sympy
>>> from symtrust import positive, nonnegative
>>> a, b, c = positive("a b c")
>>> q1, q2 = nonnegative("q1 q2")
>>> g = continuous_game(("firm 1", "firm 2"), (q1, q2),
...     (q1 * (a - b * (q1 + q2)) - c * q1, q2 * (a - b * (q1 + q2)) - c * q2))
>>> br = best_response(g, "firm 1")
>>> br.interior
(a - b*q2 - c)/(2*b)
>>> br.concave
True
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous._system import solve_system
from symtrust.games.continuous._validate import check_differentiable, within
from symtrust.games.continuous.model import ContinuousGame
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide

__all__ = ["BestResponse", "best_response", "concavity", "first_order"]


def first_order(game: ContinuousGame, i: int) -> tuple:
    """``(du_i/da_i, d2u_i/da_i2)`` after checking differentiability.

    Examples
    --------
    >>> from symtrust.games.continuous import continuous_game
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> first_order(continuous_game(("A",), (x,), (x - x**2,), bounds=((0, 1),)), 0)
    (1 - 2*x, -2)
    """
    u, a = game.utilities[i], game.actions[i]
    check_differentiable(u, a, f"utility of {game.players[i]}")
    g = sympy.diff(u, a)
    check_differentiable(g, a, f"marginal utility of {game.players[i]}")
    return g, sympy.diff(g, a)


def box_assumptions(game):
    """The game's assumptions with every action inside its interval."""
    box = [c for c in game.action_box() if c is not S.true]
    return extend_assumptions(game.assumptions, box, symbols=game.actions)


def concavity(game: ContinuousGame, i: int, *, budget=None):
    """Whether ``u_i`` is concave in ``a_i`` on the whole box (True, False, None).

    Examples
    --------
    >>> from symtrust.games.continuous import continuous_game
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> concavity(continuous_game(("A",), (x,), (x**3,), bounds=((-1, 1),)), 0)
    False
    """
    _, h = first_order(game, i)
    return decide(h <= 0, box_assumptions(game), budget=budget).truth


@dataclass(frozen=True, kw_only=True)
class BestResponse(Result):
    """A player's best response, piecewise over the corners.

    Attributes
    ----------
    player : str
    action : sympy.Symbol
    interior : sympy.Expr
        The solution of the first-order condition, ``r(a_-i)``.
    lower, upper : sympy.Expr
        The interval.
    concave : bool or None
        Whether z3 proved concavity in the own action on the box (True),
        refuted it (False) or could not decide (None). Unless True the best
        response is local: its condition holds the second-order condition.
    """

    player: str = ""
    action: sympy.Symbol = None
    interior: sympy.Expr = None
    lower: sympy.Expr = None
    upper: sympy.Expr = None
    concave: bool | None = None

    def display_rows(self):
        """The best response and whether it is global."""
        where = "global (concave)" if self.concave is True else "local"
        return ((f"best response of {self.player} ({where})", self.value),)


def _interior(game, i, g):
    a = game.actions[i]
    sols = solve_system([g], (a,))
    if len(sols) != 1:
        raise UnsupportedError(
            f"the first-order condition {g} = 0 of {game.players[i]} has "
            f"{len(sols)} solutions for {a}; a best response needs exactly one"
        )
    return sympy.simplify(sols[0][a])


def best_response(game: ContinuousGame, player, *, budget=None) -> BestResponse:
    """The best response of one player, from the first-order condition.

    Parameters
    ----------
    game : ContinuousGame
    player : str
        The player's name.
    budget : Budget, float or None
        Time for the z3 decisions.

    Returns
    -------
    BestResponse
        ``value`` is piecewise (corners, then the interior solution) when
        concavity is proved; otherwise the interior solution, with the
        second-order condition and the interval in the condition.

    Raises
    ------
    ModelError
        A utility not differentiable in the player's action.
    UnsupportedError
        A first-order condition SymPy cannot solve, or with several roots.

    Examples
    --------
    >>> from symtrust.games.continuous import continuous_game
    >>> import sympy
    >>> x, y = sympy.symbols("x y", real=True)
    >>> g = continuous_game(("A", "B"), (x, y), (x * y - x**2, -y**2),
    ...                     bounds=((0, 1), (0, 4)))
    >>> best_response(g, "A").value
    Piecewise((0, y <= 0), (1, y >= 2), (y/2, True))
    """
    if not isinstance(game, ContinuousGame):
        raise ModelError(f"best_response needs a ContinuousGame, got {game!r}")
    i = game.index(player)
    a, (lo, hi) = game.actions[i], game.bounds[i]
    g, h = first_order(game, i)
    r = _interior(game, i, g)
    assume = box_assumptions(game)
    others = [c for c in assume.conditions if not (c.free_symbols & {a})]
    assume = extend_assumptions(game.assumptions, others, symbols=game.actions)
    concave = decide(h <= 0, box_assumptions(game), budget=budget).truth
    steps = [
        Step(f"first-order condition of {player}", sympy.Eq(g, 0), f"du/d{a} = 0"),
        Step("interior solution", sympy.Eq(a, r), f"solve for {a}"),
    ]
    if concave is True:
        pieces = []
        if lo.is_finite is not False:
            pieces.append((lo, simplify_condition(g.xreplace({a: lo}) <= 0, assume)))
        if hi.is_finite is not False:
            pieces.append((hi, simplify_condition(g.xreplace({a: hi}) >= 0, assume)))
        value = sympy.Piecewise(*pieces, (r, True))
        condition = S.true
        steps.append(
            Step(
                "concavity",
                h <= 0,
                "the second derivative is nonpositive on the box, so the first-order condition is sufficient",
            )
        )
        steps.append(Step("corners", value, "g(lower) <= 0 or g(upper) >= 0"))
    else:
        value = r
        condition = simplify_condition(
            sympy.And(h.xreplace({a: r}) < 0, *within(r, lo, hi)), assume, budget=budget
        )
        steps.append(
            Step(
                "second-order condition", h.xreplace({a: r}) < 0, "not implied: stated"
            )
        )
    return BestResponse(
        kind=f"best response of {player}",
        value=value,
        condition=condition,
        assumptions=assume,
        steps=tuple(steps),
        game=game,
        player=player,
        action=a,
        interior=r,
        lower=lo,
        upper=hi,
        concave=concave,
    )
