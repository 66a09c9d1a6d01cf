"""Numeric twins of the continuous-signal solvers: deviations on a rational grid.

At an exact parameter point each twin recomputes from the game's primitives
(the two payoff expressions and the reply to beliefs) only, never from the
solver's closed forms, and compares exactly (gestures such as sqrt(2) from
convex costs stay exact algebraic numbers, compared by
:func:`~symtrust.core.exact.compare`):

* separating: at the Riley profile (low sends 0, high sends s_lo, the
  result's beliefs) no type gains by deviating to any signal of a fine
  rational grid; a candidate s_H of the grid separates (with beliefs 1 at s_H
  and 0 elsewhere) exactly when it lies in the reported set;
* pooling: a pool at a grid signal, with belief 0 off the path, is an
  equilibrium exactly when it lies in the reported range, and the reply on
  the path is the reply to the prior; the off-path condition holds at q = 0;
* Riley with n types: no type gains by sending any grid signal (or another
  type's) given the result's reply to signals; each type just below another
  is exactly indifferent to mimicking it and would mimic a slightly smaller
  signal (least cost); the condition holds exactly when brute force finds
  the profile an equilibrium (where single crossing holds);
* Intuitive Criterion: each candidate equilibrium of the grid is tested by
  searching deviations (grid points and the exact-rational bisection of each
  type's break-even signal) that are equilibrium-dominated for the low type
  only and pay the high type more when believed high.

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative, real
>>> from symtrust.games.continuous_signals.model import signal_game
>>> from symtrust.games.continuous_signals.separating import separating_equilibria
>>> e, w, q = nonnegative("e"), real("w"), real("q")
>>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 3),
...                 utility={"low": w - 2 * e, "high": w - e}, signal=e,
...                 response=w, reply=1 + q, belief=q)
>>> separating_twin(separating_equilibria(g), {}) is None
True
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from symtrust.core.exact import compare, substitute_condition
from symtrust.core.twins import defined_value, twin
from symtrust.errors import VerificationError
from symtrust.games.continuous_signals.intuitive import IntuitiveSelection
from symtrust.games.continuous_signals.pooling import PoolingRange, pooling_equilibria
from symtrust.games.continuous_signals.riley import RileyChain
from symtrust.games.continuous_signals.separating import SeparatingSet

__all__ = [
    "intuitive_twin",
    "pooling_solution_twin",
    "pooling_twin",
    "riley_chain_twin",
    "separating_twin",
]

STEPS = 48


def _ge(a, b) -> bool:
    return compare(a, b) >= 0


def _gt(a, b) -> bool:
    return compare(a, b) > 0


class _Game:
    """The game's primitives at one exact point."""

    def __init__(self, game, point):
        self.game = game
        self.pt = {k: v for k, v in point.items() if k in game.parameters}
        self.memo = {}
        self.r0 = self.reply(0)
        self.r1 = self.reply(1)

    def reply(self, q):
        return defined_value(
            self.game.reply, {**self.pt, self.game.belief: q}, "the reply"
        )

    def u(self, kind, s, r):
        # payoffs are looked up many times on the grid: each is evaluated once
        key = (kind, s, r)
        if key not in self.memo:
            g = self.game
            self.memo[key] = defined_value(
                g.utilities[kind], {**self.pt, g.signal: s, g.response: r}
            )
        return self.memo[key]

    def best_outside(self, kind, grid, reply):
        """The type's best payoff over the grid when every signal gets ``reply``."""
        values = [self.u(kind, s, reply) for s in grid]
        best = values[0]
        for v in values[1:]:
            if _gt(v, best):
                best = v
        return best


def _grid(*marks) -> list:
    """``STEPS + 1`` rational signals from 0 to twice the largest mark, and the marks."""
    top = max([Fraction(1), *(Fraction(m) for m in marks if _rational(m))])
    for m in marks:
        if not _rational(m) and _gt(m, top):
            top = Fraction(int(sympy.ceiling(m)))
    points = [top * 2 * Fraction(k, STEPS) for k in range(STEPS + 1)]
    return points + [m for m in marks if m is not None]


def _rational(v) -> bool:
    return isinstance(v, Fraction | int)


def _separates(g, s_high, grid) -> bool:
    """Low sends 0, high sends s_high; belief 1 at s_high, 0 elsewhere."""
    if not _gt(s_high, 0):
        return False
    eq_low, eq_high = g.u(0, 0, g.r0), g.u(1, s_high, g.r1)
    others = [s for s in grid if compare(s, s_high) != 0]
    return bool(
        _ge(eq_low, g.u(0, s_high, g.r1))
        and _ge(eq_low, g.best_outside(0, others, g.r0))
        and _ge(eq_high, g.best_outside(1, others, g.r0))
    )


@twin(SeparatingSet)
def separating_twin(result, point) -> None:
    """Brute-force check of a :class:`SeparatingSet` at one point.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative, real
    >>> from symtrust.games.continuous_signals.model import signal_game
    >>> e, w, q = nonnegative("e"), real("w"), real("q")
    >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 3),
    ...                 utility={"low": w - 2 * e, "high": w - e}, signal=e,
    ...                 response=w, reply=1 + q, belief=q)
    >>> from symtrust.games.continuous_signals.separating import separating_equilibria
    >>> separating_twin(separating_equilibria(g), {}) is None
    True
    """
    g = _Game(result.game, point)
    lo, hi = (defined_value(v, g.pt) for v in result.signals)
    exists = substitute_condition(result.condition, g.pt)
    grid = _grid(lo, hi)
    # the Riley profile with the result's beliefs: nobody gains by deviating
    beliefs = result.beliefs
    riley_ok = _gt(lo, 0)
    for s in grid:
        q = defined_value(beliefs, {**g.pt, result.game.signal: s}, "the belief")
        r = g.reply(q)
        riley_ok = riley_ok and _ge(g.u(0, 0, g.r0), g.u(0, s, r))
        riley_ok = riley_ok and _ge(g.u(1, lo, g.r1), g.u(1, s, r))
    if riley_ok is not exists:
        raise VerificationError(
            f"Riley outcome at {lo}: brute force says {riley_ok}, the condition "
            f"says {exists} at {g.pt}"
        )
    for s_high in grid:
        inside = _ge(s_high, lo) and _ge(hi, s_high) and _gt(s_high, 0)
        if _separates(g, s_high, grid) != inside:
            raise VerificationError(
                f"signal {s_high}: brute-force separation {not inside}, but the set "
                f"is [{lo}, {hi}] at {g.pt}"
            )


@twin(PoolingRange)
def pooling_twin(result, point) -> None:
    """Brute-force check of a :class:`PoolingRange` at one point.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative, real
    >>> from symtrust.games.continuous_signals.model import signal_game
    >>> e, w, q = nonnegative("e"), real("w"), real("q")
    >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 3),
    ...                 utility={"low": w - 2 * e, "high": w - e}, signal=e,
    ...                 response=w, reply=1 + q, belief=q)
    >>> pooling_twin(pooling_equilibria(g)[0], {}) is None
    True
    """
    game = result.game
    g = _Game(game, point)
    prior = defined_value(game.prior, g.pt)
    held = substitute_condition(result.condition, g.pt)
    path = g.reply(prior)
    claimed = defined_value(result.response, g.pt)
    if held is not (compare(path, claimed) == 0):
        raise VerificationError(
            f"{result.kind}: condition {held}, but the reply to the prior is {path} "
            f"(claimed {claimed}) at {g.pt}"
        )
    if not held:
        return
    low, top = (defined_value(v, g.pt) for v in result.signals)
    grid = _grid(top)
    outside = [g.best_outside(k, grid, g.r0) for k in (0, 1)]
    for s_p in grid:
        pools = all(_ge(g.u(k, s_p, path), outside[k]) for k in (0, 1))
        if pools != bool(_ge(s_p, low) and _ge(top, s_p)):
            raise VerificationError(
                f"pooling at {s_p}: brute force {pools}, range [{low}, {top}] at {g.pt}"
            )
    # the off-path condition at q = 0 holds exactly on the range
    for s_p in (low, top):
        for s in grid[:: max(1, len(grid) // 8)]:
            at = {**g.pt, game.signal: s, game.belief: 0, _pool(result): s_p}
            if substitute_condition(result.off_path, at) is not True:
                raise VerificationError(f"off-path condition fails at q = 0, {at}")


def _pool(result):
    return next(s for s in result.off_path.free_symbols if s.name == "s_p")


@twin(pooling_equilibria)
def pooling_solution_twin(solution, point) -> None:
    """Each pooling result holds, and the case of the prior's reply is present.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative, real
    >>> from symtrust.games.continuous_signals.model import signal_game
    >>> e, w, q = nonnegative("e"), real("w"), real("q")
    >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 3),
    ...                 utility={"low": w - 2 * e, "high": w - e}, signal=e,
    ...                 response=w, reply=1 + q, belief=q)
    >>> pooling_solution_twin(pooling_equilibria(g), {}) is None
    True
    """
    for r in solution.results:
        pooling_twin(r, point)
    g = _Game(solution.game, point)
    path = g.reply(defined_value(solution.game.prior, g.pt))
    present = [
        r
        for r in solution.results
        if substitute_condition(r.condition, g.pt)
        and compare(defined_value(r.response, g.pt), path) == 0
    ]
    if not present:
        raise VerificationError(f"no pooling result with the reply {path} at {g.pt}")


def _bisect(f, lo, hi, rounds=40):
    """A rational point near where the decreasing f changes sign on [lo, hi]."""
    for _ in range(rounds):
        mid = (lo + hi) / 2
        if _gt(f(mid), 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _broken(g, eq_low, eq_high, grid) -> bool:
    """Is there a deviation dominated for low only that pays high, believed high?"""

    def f_low(s):
        return g.u(0, s, g.r1) - eq_low

    def f_high(s):
        return g.u(1, s, g.r1) - eq_high

    def witness(s):
        return not _gt(f_low(s), 0) and _gt(f_high(s), 0) and _gt(s, 0)

    if any(witness(s) for s in grid):
        return True
    # a window narrower than the grid: between the two break-even signals
    top = max(s for s in grid if _rational(s))
    ends = [_bisect(f, Fraction(0), top) for f in (f_low, f_high)]
    return witness((ends[0] + ends[1]) / 2)


@twin(IntuitiveSelection)
def intuitive_twin(result, point) -> None:
    """Brute-force Intuitive Criterion on the grid's candidate equilibria.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative, real
    >>> from symtrust.games.continuous_signals.model import signal_game
    >>> e, w, q = nonnegative("e"), real("w"), real("q")
    >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 3),
    ...                 utility={"low": w - 2 * e, "high": w - e}, signal=e,
    ...                 response=w, reply=1 + q, belief=q)
    >>> from symtrust.games.continuous_signals.intuitive import intuitive_criterion
    >>> intuitive_twin(intuitive_criterion(g), {}) is None
    True
    """
    game = result.game
    g = _Game(game, point)
    riley = defined_value(result.riley, g.pt)
    grid = _grid(riley)
    exists_riley = _separates(g, riley, grid)
    # the Riley outcome survives; every other separating signal of the grid fails
    if exists_riley and _broken(g, g.u(0, 0, g.r0), g.u(1, riley, g.r1), grid):
        raise VerificationError(f"the Riley outcome {riley} is broken at {g.pt}")
    for s_high in grid:
        if compare(s_high, riley) != 0 and _separates(g, s_high, grid):
            if not _broken(g, g.u(0, 0, g.r0), g.u(1, s_high, g.r1), grid):
                raise VerificationError(f"separating at {s_high} survives at {g.pt}")
    # pools: every pool of the prior's reply fails iff the result says so
    path = g.reply(defined_value(game.prior, g.pt))
    outside = [g.best_outside(k, grid, g.r0) for k in (0, 1)]
    pools = [s for s in grid if all(_ge(g.u(k, s, path), outside[k]) for k in (0, 1))]
    all_fail = all(_broken(g, g.u(0, s, path), g.u(1, s, path), grid) for s in pools)
    unique = bool(exists_riley and all_fail)
    held = substitute_condition(result.condition, g.pt)
    if held is not unique:
        raise VerificationError(
            f"unique survivor: condition {held}, brute force {unique} (Riley exists "
            f"{exists_riley}, every pool fails {all_fail}) at {g.pt}"
        )


@twin(RileyChain)
def riley_chain_twin(result, point) -> None:
    """Brute-force check of a :class:`RileyChain` at one point.

    Examples
    --------
    >>> from symtrust import nonnegative, positive, real
    >>> from symtrust.games.continuous_signals.ordered import ordered_signal_game
    >>> from symtrust.games.continuous_signals.riley import riley_outcome
    >>> e, w, t = nonnegative("e"), real("w"), positive("theta")
    >>> g = ordered_signal_game(types={"1": 1, "2": 2, "3": 3}, utility=w - e / t,
    ...                         type_symbol=t, signal=e, response=w, known_reply=t)
    >>> riley_chain_twin(riley_outcome(g), {}) is None
    True
    """
    game = result.game
    pt = {k: v for k, v in point.items() if k in game.parameters}
    s, r = game.signal, game.response
    signals = [defined_value(x, pt) for x in result.signals]
    reps = [defined_value(x, pt) for x in game.replies]

    def u(k, sig, rep):
        return defined_value(game.utilities[k], {**pt, s: sig, r: rep})

    grid = _grid(*signals)
    replies = [defined_value(result.reply, {**pt, s: x}, "the reply") for x in grid]
    equilibrium = True
    for k in range(len(signals)):
        own = u(k, signals[k], reps[k])
        if any(_gt(u(k, x, rep), own) for x, rep in zip(grid, replies, strict=True)):
            equilibrium = False
    for k in range(1, len(signals)):
        below = u(k - 1, signals[k - 1], reps[k - 1])
        if compare(u(k - 1, signals[k], reps[k]), below) != 0:
            raise VerificationError(
                f"type {k} is not indifferent to the signal {signals[k]} of type "
                f"{k + 1} at {pt}"
            )
        smaller = signals[k] - (signals[k] - signals[k - 1]) / 100
        if not _gt(u(k - 1, smaller, reps[k]), below):
            raise VerificationError(
                f"signal {signals[k]} is not the least cost at {pt}"
            )
    held = substitute_condition(result.condition, pt)
    crossing = all(substitute_condition(c, pt) for c in game.single_crossing)
    if held and not equilibrium:
        raise VerificationError(
            f"the Riley profile {signals} is not an equilibrium at {pt}"
        )
    if crossing and held is not equilibrium:
        raise VerificationError(
            f"existence {held}, brute force {equilibrium} under single crossing at {pt}"
        )
