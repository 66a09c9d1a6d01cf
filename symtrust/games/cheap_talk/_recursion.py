"""Internals of the cheap-talk solvers: reply, indifference, recursion.

Crawford and Sobel (1982), uniform-quadratic case. Each step is derived from
the game's utilities, never typed in:

1. the receiver's reply to a message sent by the states in [l, h]: the
   first-order condition of its expected utility over the interval (the
   state is uniform), with the second-order condition decided by z3;
2. the boundary type a_i is indifferent between the replies to the
   intervals below and above it; the difference of its utilities factors
   into (distinct replies) x (the boundary equation), solved for a_{i+1};
3. the boundary equation is a linear second-order recurrence, solved in
   closed form by ``sympy.rsolve`` from a_0 = 0 and a free a_1, then a_1
   from a_N = 1.

Examples
--------
>>> from symtrust import positive
>>> from symtrust.games.cheap_talk.model import cheap_talk_game
>>> lo, hi = sympy.symbols("l h", real=True)
>>> receiver_reply(cheap_talk_game(positive("b")), lo, hi)[0]
h/2 + l/2
"""

from __future__ import annotations

import functools

import sympy

from symtrust.core.result import Step
from symtrust.errors import SolverError, UnsupportedError
from symtrust.games.cheap_talk.model import cheap_talk_game
from symtrust.logic.conditions import sign_under

__all__ = ["INDEX", "boundary_recurrence", "receiver_reply", "solve_recurrence"]

#: The boundary index i in a_i.
INDEX = sympy.Symbol("i", integer=True, nonnegative=True)
_LOW, _MID, _HIGH = sympy.symbols("a_lo a_mid a_hi", real=True)
#: The placeholder bias for games with a numeric one.
_BIAS = sympy.Symbol("b", positive=True)


@functools.lru_cache(maxsize=256)
def receiver_reply(game, low, high):
    """The receiver's best reply to the states [low, high], and its steps.

    Examples
    --------
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> receiver_reply(cheap_talk_game(sympy.Rational(1, 9)), 0, 1)[0]
    1/2
    """
    theta, y = game.state, game.action
    # expected utility over the interval (uniform: a constant density)
    total = sympy.integrate(game.receiver_utility, (theta, low, high))
    foc = sympy.diff(total, y)
    roots = sympy.solve(sympy.Eq(foc, 0), y)
    if len(roots) != 1:
        raise UnsupportedError(
            f"the receiver's first-order condition {foc} = 0 has roots {roots}, "
            "not exactly one"
        )
    second = sympy.diff(total, y, 2)
    context = [*game.assumptions.conditions]
    if not (
        sympy.sympify(low, strict=True).is_number
        and sympy.sympify(high, strict=True).is_number
    ):
        context.append(sympy.Gt(high, low))
    if sign_under(second, context) != -1:
        raise SolverError(
            f"the receiver's second-order condition {second} < 0 is not implied"
        )
    reply = sympy.simplify(roots[0])
    steps = (
        Step("receiver's expected utility", total, "integrate over [l, h], uniform"),
        Step("receiver's reply", sympy.Eq(y, reply), "first-order condition"),
        Step("second-order condition", second < 0, "decided by z3"),
    )
    return reply, steps


def boundary_recurrence(game):
    """a_{i+1} in terms of a_i and a_{i-1}, from the boundary type's indifference.

    A game with a numeric bias is solved once for a symbolic bias (a
    placeholder b > 0), then the number is substituted: the derivation does
    not depend on its value.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> nxt, _ = boundary_recurrence(cheap_talk_game(positive("b")))
    >>> nxt
    4*b - a_lo + 2*a_mid
    """
    if game.bias.is_number:
        nxt, steps = _boundary_recurrence(cheap_talk_game(_BIAS))
        return nxt.xreplace({_BIAS: game.bias}), tuple(
            Step(st.label, st.expr.xreplace({_BIAS: game.bias}), st.justification)
            for st in steps
        )
    return _boundary_recurrence(game)


# games are immutable values: each is derived once
@functools.lru_cache(maxsize=64)
def _boundary_recurrence(game):
    theta, y = game.state, game.action
    below, steps = receiver_reply(game, _LOW, _MID)
    above, _ = receiver_reply(game, _MID, _HIGH)
    # indifference of the boundary type between the two replies
    gap = game.sender_utility.subs({theta: _MID, y: below}) - game.sender_utility.subs(
        {theta: _MID, y: above}
    )
    _, factors = sympy.factor_list(sympy.together(gap))
    distinct = above - below
    # drop the factor that only says the two replies differ
    kept = [
        f
        for f, _ in factors
        if _HIGH in f.free_symbols
        and (sympy.cancel(f / distinct).free_symbols & {_LOW, _MID, _HIGH})
    ]
    if len(kept) != 1:
        raise UnsupportedError(
            f"the boundary indifference {gap} = 0 does not reduce to one equation "
            f"in the next boundary (factors {factors})"
        )
    solved = sympy.solve(kept[0], _HIGH)
    if len(solved) != 1:
        raise UnsupportedError(
            f"the boundary equation {kept[0]} = 0 gives {solved} for the next boundary"
        )
    nxt = sympy.expand(solved[0])
    steps = (
        *steps,
        Step(
            "boundary indifference",
            sympy.Eq(gap, 0),
            "u_S(y_i, a_i) = u_S(y_{i+1}, a_i)",
        ),
        Step(
            "boundary equation", sympy.Eq(_HIGH, nxt), "drop the factor y_{i+1} - y_i"
        ),
    )
    return nxt, steps


def solve_recurrence(game, nxt, steps_n):
    """The boundaries a_i in closed form for an N-step partition.

    Returns ``(a_i, a_1, steps)`` with a_i an expression in :data:`INDEX` and N.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> g = cheap_talk_game(positive("b"))
    >>> nxt, _ = boundary_recurrence(g)
    >>> solve_recurrence(g, nxt, 2)[1]
    1/2 - 2*b
    """
    if game.bias.is_number:
        # solved once for the placeholder bias, then the number substituted
        template = cheap_talk_game(_BIAS)
        general = _general_solution(boundary_recurrence(template)[0])
        general = tuple(v.xreplace({_BIAS: game.bias}) for v in general)
    else:
        general = _general_solution(nxt)
    return _impose_top(*general, steps_n)


_A = sympy.Function("a")
_N = sympy.Symbol("n", integer=True, nonnegative=True)
_FIRST = sympy.Symbol("a_1", real=True)


@functools.lru_cache(maxsize=64)
def _general_solution(nxt):
    """rsolve of the recurrence from a_0 = 0 and a free a_1."""
    a, n, first = _A, _N, _FIRST
    recurrence = a(n + 2) - nxt.subs({_MID: a(n + 1), _LOW: a(n)}, simultaneous=True)
    general = sympy.rsolve(recurrence, a(n), {a(0): 0, a(1): first})
    if general is None:
        raise UnsupportedError(
            f"sympy.rsolve cannot solve the recurrence {recurrence} = 0"
        )
    return recurrence, general


def _impose_top(recurrence, general, steps_n):
    a, n, first = _A, _N, _FIRST
    # the last boundary is the top of the state space
    found = sympy.solve(sympy.Eq(general.subs(n, steps_n), 1), first)
    if len(found) != 1:
        raise SolverError(f"a_N = 1 gives {found} for the first boundary a_1")
    a1 = sympy.expand(found[0])
    boundary = sympy.factor(sympy.expand(general.subs(first, a1).subs(n, INDEX)))
    out = (
        Step(
            "recurrence", sympy.Eq(recurrence, 0), "the boundary equation at i = n + 1"
        ),
        Step("general solution", sympy.Eq(a(n), general), "sympy.rsolve, a_0 = 0"),
        Step("first boundary", sympy.Eq(a(1), a1), "a_N = 1"),
        Step("boundaries", sympy.Eq(a(INDEX), boundary), "substitute a_1"),
    )
    return boundary, a1, out
