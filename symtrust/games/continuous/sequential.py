"""Sequential continuous games: a leader commits, a follower best-responds.

Backward induction over a continuous choice (Stackelberg leadership):

1. the follower's best response ``r(a_L)`` solves its first-order condition
   (concavity in its own action decided by z3, else stated);
2. the leader maximises ``u_L(a_L, r(a_L))``: its first-order condition is
   solved, its concavity decided by z3 (else stated at the solution);
3. the condition: both actions inside their intervals (interior solution).

Source: von Stackelberg (1934); Gibbons (1992), *Game Theory for Applied
Economists*, section 2.1.B.

Examples
--------
>>> import sympy
>>> from symtrust import positive, nonnegative
>>> from symtrust.games.continuous import continuous_game
>>> a, b, c = positive("a b c")
>>> q1, q2 = nonnegative("q1 q2")
>>> g = continuous_game(("leader", "follower"), (q1, q2),
...     (q1 * (a - b * (q1 + q2)) - c * q1, q2 * (a - b * (q1 + q2)) - c * q2),
...     assumptions=[a > c])
>>> eq = stackelberg(g, "leader")
>>> eq.leader_action, eq.follower_action
((a - c)/(2*b), (a - c)/(4*b))
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous._system import solve_system
from symtrust.games.continuous._validate import within
from symtrust.games.continuous.best_response import (
    box_assumptions,
    first_order,
)
from symtrust.games.continuous.model import ContinuousGame
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide

__all__ = ["SequentialEquilibrium", "stackelberg"]


@dataclass(frozen=True, kw_only=True)
class SequentialEquilibrium(Result):
    """The subgame-perfect outcome of a leader-follower continuous game.

    Attributes
    ----------
    leader, follower : str
    leader_action, follower_action : sympy.Expr
        The equilibrium actions (``value`` is the pair).
    response : sympy.Expr
        The follower's best response as a function of the leader's action.
    concave : (bool or None, bool or None)
        Whether the follower's and the leader's concavity were proved.
    """

    leader: str = ""
    follower: str = ""
    leader_action: sympy.Expr = None
    follower_action: sympy.Expr = None
    response: sympy.Expr = None
    concave: tuple = (None, None)

    def display_rows(self):
        """Both actions and the follower's response."""
        return (
            (f"{self.leader} (leader)", self.leader_action),
            (f"{self.follower} (follower)", self.follower_action),
            (f"{self.follower}'s best response", self.response),
        )


def stackelberg(game: ContinuousGame, leader, *, budget=None) -> SequentialEquilibrium:
    """Solve a two-player continuous game with ``leader`` moving first.

    Raises
    ------
    ModelError
        Not a two-player ContinuousGame, or an unknown leader.
    UnsupportedError
        A first-order condition SymPy cannot solve or with several roots.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.continuous import continuous_game
    >>> x, y = sympy.symbols("x y", real=True)
    >>> g = continuous_game(("L", "F"), (x, y), (x * (1 - x - y), y * (1 - x - y)),
    ...                     bounds=((0, 1), (0, 1)))
    >>> stackelberg(g, "L").value
    (1/2, 1/4)
    """
    if not isinstance(game, ContinuousGame) or len(game.players) != 2:
        raise ModelError(f"stackelberg needs a two-player ContinuousGame, got {game!r}")
    budget = Budget.of(budget)
    i = game.index(leader)
    j = 1 - i
    a_l, a_f = game.actions[i], game.actions[j]
    g_f, h_f = first_order(game, j)
    box = box_assumptions(game)
    concave_f = decide(h_f <= 0, box, budget=budget).truth
    sols = solve_system([g_f], (a_f,))
    if len(sols) != 1:
        raise UnsupportedError(
            f"the follower's first-order condition {g_f} = 0 has {len(sols)} "
            f"solutions for {a_f}; backward induction needs one"
        )
    r = sympy.simplify(sols[0][a_f])
    u_l = sympy.simplify(game.utilities[i].xreplace({a_f: r}))
    g_l = sympy.diff(u_l, a_l)
    h_l = sympy.simplify(sympy.diff(g_l, a_l))
    lo_l, hi_l = game.bounds[i]
    lo_f, hi_f = game.bounds[j]
    region = [c for c in within(r, lo_f, hi_f) if c is not S.true]
    box_l = [
        c for c in game.action_box() if c is not S.true and a_f not in c.free_symbols
    ]
    leader_box = extend_assumptions(game.assumptions, [*box_l, *region], symbols=(a_l,))
    concave_l = decide(h_l <= 0, leader_box, budget=budget).truth
    lead = solve_system([g_l], (a_l,))
    if len(lead) != 1:
        raise UnsupportedError(
            f"the leader's first-order condition {g_l} = 0 has {len(lead)} "
            f"solutions for {a_l}; report it as a continuous_nash problem instead"
        )
    v_l = sympy.simplify(lead[0][a_l])
    v_f = sympy.simplify(r.xreplace({a_l: v_l}))
    parts = [*within(v_l, lo_l, hi_l), *within(v_f, lo_f, hi_f)]
    if concave_f is not True:
        parts.append(h_f.xreplace({a_l: v_l, a_f: v_f}) < 0)
    if concave_l is not True:
        parts.append(h_l.xreplace({a_l: v_l}) < 0)
    cond = simplify_condition(sympy.And(*parts), game.assumptions, budget=budget)
    steps = (
        Step(
            f"first-order condition of {game.players[j]}", sympy.Eq(g_f, 0), "follower"
        ),
        Step("follower's best response", sympy.Eq(a_f, r), f"solve for {a_f}"),
        Step("leader's utility", u_l, "the follower's response substituted"),
        Step(f"first-order condition of {leader}", sympy.Eq(g_l, 0), "leader"),
        Step("leader's action", v_l, "solve"),
    )
    return SequentialEquilibrium(
        kind="Stackelberg equilibrium",
        value=(v_l, v_f),
        condition=cond,
        assumptions=game.assumptions,
        steps=steps,
        game=game,
        leader=game.players[i],
        follower=game.players[j],
        leader_action=v_l,
        follower_action=v_f,
        response=r,
        concave=(concave_f, concave_l),
    )
