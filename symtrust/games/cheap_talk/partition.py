"""Partition equilibria of uniform-quadratic cheap talk (Crawford and Sobel 1982).

Game in :mod:`symtrust.games.cheap_talk.model`. In an N-step equilibrium the
sender reveals only which of N intervals [a_{i-1}, a_i] holds the state
(0 = a_0 < a_1 < ... < a_N = 1); the receiver replies with its best action
for that interval. The solvers derive:

1. the receiver's reply to an interval (first-order condition of its expected
   utility, second-order condition decided by z3);
2. the boundary equation from the indifference of each boundary type a_i
   between the replies below and above it;
3. the boundaries a_i in closed form (``sympy.rsolve`` on the recurrence,
   a_0 = 0, a_N = 1);
4. the existence condition: the steps a_i - a_{i-1} must be positive; their
   difference in i is decided by z3 (it is 4b > 0), so the smallest step is
   the first, and the condition is a_1 > 0;
5. the largest number of steps N(b): the largest integer below the positive
   root in N of a_1 = 0.

Examples
--------
>>> from symtrust import positive
>>> from symtrust.games.cheap_talk.model import cheap_talk_game
>>> g = cheap_talk_game(sympy.Rational(1, 20))
>>> partition_equilibrium(g, 2).boundaries
(0, 2/5, 1)
>>> max_steps(g).value
3
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, SolverError, UnsupportedError
from symtrust.games.cheap_talk._recursion import (
    INDEX,
    boundary_recurrence,
    receiver_reply,
    solve_recurrence,
)
from symtrust.games.cheap_talk.model import CheapTalkGame
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.conditions import sign_under, simplify_cleared

__all__ = [
    "MaxSteps",
    "PartitionEquilibrium",
    "max_steps",
    "partition_equilibria",
    "partition_equilibrium",
]


@dataclass(frozen=True, kw_only=True)
class PartitionEquilibrium(Result):
    """An N-step partition equilibrium: boundaries a_i and replies y_i.

    Attributes
    ----------
    size : int or sympy.Symbol
        N, the number of intervals (a positive integer, or a positive integer
        symbol for the general formula).
    index : sympy.Symbol
        The boundary index i in ``boundary``.
    boundary : sympy.Expr
        a_i as an expression in the index (and N), for 0 <= i <= N.
    boundaries : tuple
        (a_0, ..., a_N) when N is a number, else ().
    reply : sympy.Expr
        y_i, the receiver's reply to the i-th interval (1 <= i <= N).
    replies : tuple
        (y_1, ..., y_N) when N is a number, else ().
    recurrence : sympy.Eq
        The boundary equation a_{i+1} = f(a_i, a_{i-1}).
    game : CheapTalkGame
    """

    size: Any = 1
    index: Any = INDEX
    boundary: Any = None
    boundaries: tuple = ()
    reply: Any = None
    replies: tuple = ()
    recurrence: Any = None
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, sympy.Eq(sympy.Symbol("a_i"), self.boundary))]
        if self.boundaries:
            rows.append(("boundaries", sympy.Tuple(*self.boundaries)))
            rows.append(("replies", sympy.Tuple(*self.replies)))
        return tuple(rows)


@dataclass(frozen=True, kw_only=True)
class MaxSteps(Result):
    """N(b): the largest number of intervals of a partition equilibrium.

    Attributes
    ----------
    root : sympy.Expr
        The positive root in N of a_1 = 0; N(b) is the largest integer below it.
    game : CheapTalkGame
    """

    root: Any = None
    game: Any = None


def _game(game) -> CheapTalkGame:
    if not isinstance(game, CheapTalkGame):
        raise ModelError(
            f"expected a CheapTalkGame (from cheap_talk_game), got {type(game).__name__}"
        )
    return game


def _size(steps):
    """N: a positive int, or a positive integer symbol."""
    if isinstance(steps, sympy.Symbol):
        if steps.is_integer is True and steps.is_positive is True:
            return steps
        raise ModelError(
            f"steps={steps} must be a positive integer symbol, e.g. "
            'sympy.Symbol("N", integer=True, positive=True)'
        )
    if isinstance(steps, bool) or not isinstance(steps, int | sympy.Integer):
        raise ModelError(
            f"steps={steps!r} must be a positive int (the number of intervals N)"
        )
    if steps < 1:
        raise ModelError(
            f"steps={steps} must be at least 1 (the number of intervals N)"
        )
    return int(steps)


def _existence(game, boundary, size, assume):
    """a_i increasing in i: the step's growth is decided, then the first step."""
    step = sympy.expand(boundary - boundary.subs(INDEX, INDEX - 1))
    growth = sympy.expand(step.subs(INDEX, INDEX + 1) - step)
    if INDEX in growth.free_symbols:
        raise UnsupportedError(f"the step a_i - a_(i-1) = {step} is not linear in i")
    grows = sign_under(growth, assume)
    if grows is None or grows < 0:
        raise SolverError(
            f"the steps a_i - a_(i-1) = {step} do not provably grow in i "
            f"(difference {growth}): the smallest step is not the first"
        )
    first = sympy.expand(step.subs(INDEX, 1))
    condition = simplify_cleared(sympy.Gt(first, 0), assume)
    return condition, (
        Step("step", step, "a_i - a_(i-1)"),
        Step(
            "growth of the step",
            growth,
            "nonnegative by z3: the first step is the smallest",
        ),
        Step("existence", condition, "a_1 - a_0 > 0, simplified"),
    )


def partition_equilibrium(game: CheapTalkGame, steps) -> PartitionEquilibrium:
    """The N-step partition equilibrium: boundaries, replies, existence condition.

    Parameters
    ----------
    game : CheapTalkGame
    steps : int or sympy.Symbol
        N >= 1, or a positive integer symbol for the general formula.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> b = positive("b")
    >>> eq = partition_equilibrium(cheap_talk_game(b), 3)
    >>> eq.boundaries, eq.condition
    ((0, 1/3 - 4*b, 2/3 - 4*b, 1), b < 1/12)
    >>> N = sympy.Symbol("N", integer=True, positive=True)
    >>> partition_equilibrium(cheap_talk_game(b), N).boundary
    i*(-2*b*N**2 + 2*b*N*i + 1)/N
    """
    return _partition(_game(game), _size(steps))


# games and results are immutable values: a repeated question is answered once
@functools.lru_cache(maxsize=128)
def _partition(game, size):
    assume = game.assumptions
    if isinstance(size, sympy.Symbol):
        assume = build_assumptions([*assume.conditions, size >= 1], symbols=[size])
    nxt, derivation = boundary_recurrence(game)
    boundary, _a1, solved = solve_recurrence(game, nxt, size)
    condition, exist_steps = _existence(game, boundary, size, assume)
    # the receiver's reply to [l, h], derived once, at the i-th interval
    lo_end, hi_end = sympy.symbols("l h", real=True)
    formula, _ = receiver_reply(game, lo_end, hi_end)
    low, high = boundary.subs(INDEX, INDEX - 1), boundary
    reply_expr = formula.subs({lo_end: low, hi_end: high}, simultaneous=True)
    reply_expr = sympy.factor(sympy.expand(reply_expr))
    bounds, replies = (), ()
    if isinstance(size, int):
        bounds = tuple(sympy.expand(boundary.subs(INDEX, k)) for k in range(size + 1))
        replies = tuple(
            sympy.expand(reply_expr.subs(INDEX, k)) for k in range(1, size + 1)
        )
    return PartitionEquilibrium(
        kind=f"{size}-step partition equilibrium",
        value=sympy.Tuple(*bounds) if bounds else boundary,
        condition=condition,
        assumptions=assume,
        steps=(*derivation, *solved, *exist_steps, Step("replies", reply_expr, "y_i")),
        size=size,
        boundary=boundary,
        boundaries=bounds,
        reply=reply_expr,
        replies=replies,
        recurrence=sympy.Eq(sympy.Symbol("a_hi"), nxt),
        game=game,
    )


def max_steps(game: CheapTalkGame) -> MaxSteps:
    """N(b), the largest number of intervals, as a function of the bias.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> max_steps(cheap_talk_game(positive("b"))).value
    ceiling(-1/2 + sqrt(b + 2)/(2*sqrt(b)))
    >>> max_steps(cheap_talk_game(sympy.Rational(1, 4))).value
    1
    """
    return _max_steps(_game(game))


@functools.lru_cache(maxsize=64)
def _max_steps(game):
    size = sympy.Symbol("N", integer=True, positive=True)
    general = partition_equilibrium(game, size)
    _, first, _ = solve_recurrence(game, boundary_recurrence(game)[0], size)
    real_n = sympy.Symbol("N", real=True)
    # the existence condition a_1 > 0 fails from the positive root of a_1 = 0 on
    numerator = sympy.numer(sympy.together(first.subs(size, real_n)))
    roots = [
        r
        for r in sympy.solve(numerator, real_n)
        if sign_under(r, game.assumptions) == 1
    ]
    if len(roots) != 1:
        raise UnsupportedError(
            f"a_1 = {first} = 0 has roots {sympy.solve(numerator, real_n)} in N, "
            "not exactly one provably positive"
        )
    root = sympy.simplify(roots[0])
    # the largest integer strictly below the root: ceiling(root) - 1
    value = sympy.ceiling(root - 1)
    return MaxSteps(
        kind="largest number of steps N(b)",
        value=value,
        condition=S.true,
        assumptions=game.assumptions,
        steps=(
            *general.steps,
            Step("first boundary", first, "a_1 as a function of N"),
            Step("positive root", root, "solve a_1 = 0 for N"),
            Step("N(b)", value, "largest integer N < root"),
        ),
        root=root,
        game=game,
    )


def partition_equilibria(game: CheapTalkGame) -> Solution:
    """Every partition equilibrium of a game with a numeric bias: N = 1 ... N(b).

    Raises
    ------
    UnsupportedError
        A symbolic bias (N(b) is then not a number; use
        :func:`partition_equilibrium` with a symbol N).

    Examples
    --------
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> [eq.boundaries for eq in partition_equilibria(cheap_talk_game(sympy.Rational(1, 10)))]
    [(0, 1), (0, 3/10, 1)]
    """
    game = _game(game)
    top = max_steps(game).value
    if not top.is_Integer:
        raise UnsupportedError(
            f"N(b) = {top} is not a number for the bias {game.bias}: list the "
            "equilibria at a numeric bias, or use partition_equilibrium(game, N)"
        )
    results = tuple(partition_equilibrium(game, n) for n in range(1, int(top) + 1))
    return Solution(
        method="partition_equilibria",
        game=game,
        results=results,
        solver=partition_equilibria,
    )
