"""Numeric twins of the cheap-talk solvers: direct verification at exact points.

At an exact rational bias the twins recompute from the game's utilities
only, never from the solver's recursion or closed forms:

* a partition equilibrium: the boundaries run from 0 to 1 and rise exactly
  when the result's condition holds; each reply beats a fine rational grid of
  actions (and its near neighbours) in the receiver's expected utility over
  its interval, integrated exactly; each interior boundary type is exactly
  indifferent between the replies on either side; every type on a rational
  grid prefers its own interval's reply to every other reply;
* N(b): forward shooting from the degenerate first interval (a_1 = 0): the
  boundary type's indifference gives the next reply, the receiver's
  first-order condition the next boundary, each by ``sympy.roots`` at
  rational values; an N-step equilibrium exists iff the N-th boundary of this
  path stays below 1 (the N-th boundary rises with a_1), so N(b) is the last
  N for which it does.

Examples
--------
>>> import sympy
>>> from symtrust.games.cheap_talk.model import cheap_talk_game
>>> from symtrust.games.cheap_talk.partition import max_steps, partition_equilibrium
>>> g = cheap_talk_game(sympy.Rational(1, 20))
>>> partition_twin(partition_equilibrium(g, 3), {}) is None
True
>>> max_steps_twin(max_steps(g), {}) is None
True
"""

from __future__ import annotations

import functools
from fractions import Fraction

import sympy

from symtrust.core.exact import fraction_at, substitute_condition
from symtrust.core.twins import skip, twin
from symtrust.errors import VerificationError
from symtrust.games.cheap_talk.partition import (
    MaxSteps,
    PartitionEquilibrium,
    partition_equilibria,
)
from symtrust.games.cheap_talk.welfare import ExAntePayoffs

__all__ = [
    "ex_ante_twin",
    "max_steps_twin",
    "partition_solution_twin",
    "partition_twin",
    "shooting_steps",
]

#: Beyond this many intervals the brute force is too long for a check.
LIMIT = 40
_LOW, _HIGH = sympy.symbols("l h", real=True)


def _num(expr, point, what="a quantity of the cheap-talk game") -> Fraction:
    return fraction_at(expr, point, what)


@functools.lru_cache(maxsize=32)
def _expected(utility, theta, y):
    """The receiver's expected utility over [l, h] (times h - l), as a polynomial."""
    return sympy.integrate(utility, (theta, _LOW, _HIGH))


def _size(result, point) -> int:
    if isinstance(result.size, int):
        return result.size
    return int(_num(result.size, point, "the number of steps N"))


def _bias_point(result, point) -> dict:
    return {s: v for s, v in point.items() if s in result.game.parameters}


def _check_receiver(game, bounds, replies, pt) -> None:
    """Each reply beats a rational grid of actions over its interval."""
    total = _expected(game.receiver_utility.xreplace(pt), game.state, game.action)
    for k, y_k in enumerate(replies):
        lo, hi = bounds[k], bounds[k + 1]
        width = hi - lo

        def eu(y, lo=lo, hi=hi):
            return _num(total, {game.action: y, _LOW: lo, _HIGH: hi})

        best = eu(y_k)
        grid = [lo + width * Fraction(j, 16) for j in range(17)]
        grid += [y_k - width / 1000, y_k + width / 1000]
        for y in grid:
            if eu(y) > best:
                raise VerificationError(
                    f"the reply {y_k} to [{lo}, {hi}] is beaten by {y} at {pt}"
                )


def _check_sender(game, bounds, replies, pt) -> None:
    """Boundary types indifferent; grid types prefer their own interval's reply."""
    u = game.sender_utility.xreplace(pt)

    def us(y, theta):
        return _num(u, {game.action: y, game.state: theta})

    for k in range(1, len(replies)):
        a = bounds[k]
        if us(replies[k - 1], a) != us(replies[k], a):
            raise VerificationError(
                f"boundary type {a} is not indifferent between {replies[k - 1]} "
                f"and {replies[k]} at {pt}"
            )
    for k, own in enumerate(replies):
        lo, hi = bounds[k], bounds[k + 1]
        for j in range(6):
            theta = lo + (hi - lo) * Fraction(j, 5)
            mine = us(own, theta)
            for other in replies:
                if us(other, theta) > mine:
                    raise VerificationError(
                        f"type {theta} in [{lo}, {hi}] prefers the reply {other} to "
                        f"{own} at {pt}"
                    )


@twin(PartitionEquilibrium)
def partition_twin(result, point) -> None:
    """Direct verification of a :class:`PartitionEquilibrium` at one point.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> from symtrust.games.cheap_talk.partition import partition_equilibrium
    >>> b = positive("b")
    >>> partition_twin(partition_equilibrium(cheap_talk_game(b), 2), {b: sympy.Rational(1, 9)})
    """
    pt = _bias_point(result, point)
    n = _size(result, point)
    if n > LIMIT:
        skip(f"N = {n} > {LIMIT} intervals: too many to verify directly")
    at = {**pt, **({} if isinstance(result.size, int) else {result.size: n})}
    bounds = [_num(result.boundary, {**at, result.index: k}) for k in range(n + 1)]
    if bounds[0] != 0 or bounds[-1] != 1:
        raise VerificationError(f"boundaries {bounds} do not run from 0 to 1 at {pt}")
    rising = all(bounds[k] < bounds[k + 1] for k in range(n))
    held = substitute_condition(result.condition, at)
    if held is not rising:
        raise VerificationError(
            f"existence condition {result.condition} is {held} but the boundaries "
            f"{bounds} {'rise' if rising else 'do not rise'} at {at}"
        )
    if result.boundaries and [_num(a, pt) for a in result.boundaries] != bounds:
        raise VerificationError(
            f"boundaries {result.boundaries} differ from a_i at {pt}"
        )
    if not rising:
        return
    replies = [_num(result.reply, {**at, result.index: k}) for k in range(1, n + 1)]
    if result.replies and [_num(y, pt) for y in result.replies] != replies:
        raise VerificationError(f"replies {result.replies} differ from y_i at {pt}")
    _check_receiver(result.game, bounds, replies, pt)
    _check_sender(result.game, bounds, replies, pt)


def _real_roots(expr, var) -> list:
    poly = sympy.Poly(sympy.expand(expr), var)
    return [r for r in sympy.roots(poly) if r.is_real]


def shooting_steps(game, point, limit: int = LIMIT) -> int | None:
    """The largest N with an N-step equilibrium, by forward shooting; None past ``limit``.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> shooting_steps(cheap_talk_game(sympy.Rational(1, 20)), {})
    3
    """
    theta, y = game.state, game.action
    u_r = game.receiver_utility.xreplace(point)
    u_s = game.sender_utility.xreplace(point)
    total = _expected(u_r, theta, y)
    h_var = sympy.Symbol("h_next", real=True)
    # degenerate first interval at 0: the receiver's reply to the state 0
    prev_bound = sympy.Integer(0)
    (reply,) = _real_roots(sympy.diff(u_r, y).subs(theta, 0), y)
    steps = 1
    while steps <= limit:
        # the boundary type's other indifferent reply
        gap = u_s.subs({theta: prev_bound}) - u_s.subs({theta: prev_bound, y: reply})
        others = [r for r in _real_roots(gap, y) if r != reply]
        if len(others) != 1:
            raise VerificationError(f"indifference at {prev_bound} gives {others}")
        nxt_reply = others[0]
        # the next boundary: the receiver's reply to [prev, h] is nxt_reply
        foc = sympy.diff(total, y).subs({y: nxt_reply, _LOW: prev_bound, _HIGH: h_var})
        highs = [r for r in _real_roots(foc, h_var) if r > prev_bound]
        if len(highs) != 1:
            raise VerificationError(f"next boundary after {prev_bound}: {highs}")
        prev_bound, reply = highs[0], nxt_reply
        if prev_bound >= 1:
            return steps
        steps += 1
    return None


@twin(MaxSteps)
def max_steps_twin(result, point) -> None:
    """N(b) against forward shooting at one point.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> from symtrust.games.cheap_talk.partition import max_steps
    >>> b = positive("b")
    >>> max_steps_twin(max_steps(cheap_talk_game(b)), {b: sympy.Rational(1, 50)})
    """
    pt = _bias_point(result, point)
    claimed = _num(result.value, pt, "N(b)")
    found = shooting_steps(result.game.subs(pt, strict=False), {})
    if found is None:
        skip(f"N(b) > {LIMIT}: the shooting path is too long")
    if claimed != found:
        raise VerificationError(
            f"N(b) = {claimed}, forward shooting gives {found} at {pt}"
        )


@twin(partition_equilibria)
def partition_solution_twin(solution, point) -> None:
    """Every listed equilibrium holds, and there is one for each N up to N(b).

    Examples
    --------
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> from symtrust.games.cheap_talk.partition import partition_equilibria
    >>> partition_solution_twin(partition_equilibria(cheap_talk_game(sympy.Rational(1, 9))), {})
    """
    found = shooting_steps(solution.game, point)
    if found is None:
        skip(f"N(b) > {LIMIT}: the shooting path is too long")
    for r in solution.results:
        partition_twin(r, point)
    sizes = [r.size for r in solution.results]
    if sizes != list(range(1, found + 1)):
        raise VerificationError(
            f"equilibria with N = {sizes}, shooting finds 1..{found}"
        )


@twin(ExAntePayoffs)
def ex_ante_twin(result, point) -> None:
    """Ex-ante payoffs against exact integration interval by interval.

    Examples
    --------
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> from symtrust.games.cheap_talk.partition import partition_equilibrium
    >>> from symtrust.games.cheap_talk.welfare import ex_ante_payoffs
    >>> eq = partition_equilibrium(cheap_talk_game(sympy.Rational(1, 20)), 3)
    >>> ex_ante_twin(ex_ante_payoffs(eq), {})
    """
    eq = result.equilibrium
    pt = _bias_point(eq, point)
    n = _size(eq, point)
    if n > LIMIT:
        skip(f"N = {n} > {LIMIT} intervals: too many to integrate one by one")
    at = {**pt, **({} if isinstance(eq.size, int) else {eq.size: n})}
    if substitute_condition(eq.condition, at) is not True:
        skip("no equilibrium with this many steps at the point")
    game = eq.game
    bounds = [_num(eq.boundary, {**at, eq.index: k}) for k in range(n + 1)]
    replies = [_num(eq.reply, {**at, eq.index: k}) for k in range(1, n + 1)]
    for who, utility, claimed in (
        ("sender", game.sender_utility, result.sender),
        ("receiver", game.receiver_utility, result.receiver),
    ):
        u = utility.xreplace(pt)
        total = sum(
            (
                sympy.integrate(u.subs(game.action, y), (game.state, lo, hi))
                for y, lo, hi in zip(replies, bounds, bounds[1:], strict=False)
            ),
            sympy.S.Zero,
        )
        if _num(claimed, at) != _num(total, {}):
            raise VerificationError(
                f"the {who}'s ex-ante payoff {claimed} is {_num(claimed, at)}, exact "
                f"integration gives {total} at {at}"
            )
