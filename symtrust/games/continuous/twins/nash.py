"""Numeric twins of the first-order Nash solvers: exact grid search.

At an exact parameter point, each claimed equilibrium (whose condition holds
there) is checked player by player: with the others at their equilibrium
actions, no action on a fine rational grid of the player's interval gives a
strictly higher utility (exact evaluation; only the neighbours of the
action for a local equilibrium). A best response is checked the same way at
a point that also fixes the other players' actions. Results reported as
unique must not share the point with another result of the same Solution.

Examples
--------
>>> import sympy
>>> x = sympy.Symbol("x", real=True)
>>> from symtrust.games.continuous.model import continuous_game
>>> from symtrust.games.continuous.nash import continuous_nash
>>> sol = continuous_nash(continuous_game(("A",), (x,), (x - x**2,), bounds=((0, 1),)))
>>> continuous_nash_twin(sol, {}) is None
True
"""

from __future__ import annotations

from symtrust.core.exact import compare, value_at
from symtrust.core.twins import defined_value, holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.continuous.best_response import BestResponse
from symtrust.games.continuous.nash import (
    ContinuousEquilibrium,
    SymmetricEquilibrium,
    continuous_nash,
    symmetric_nash,
)
from symtrust.games.continuous.sequential import SequentialEquilibrium
from symtrust.games.continuous.twins._grid import (
    grid,
    no_better_deviation,
)

__all__ = [
    "best_response_twin",
    "continuous_nash_twin",
    "equilibrium_twin",
    "sequential_twin",
    "symmetric_equilibrium_twin",
    "symmetric_nash_twin",
]


def _held(r, point) -> bool:
    return holds(r.condition, point, f"the condition of the {r.kind}")


@twin(ContinuousEquilibrium)
def equilibrium_twin(r, point) -> None:
    """No player gains by a grid deviation from the equilibrium."""
    if not _held(r, point):
        skip("the equilibrium's condition is false here")
    game = r.game
    profile = {
        a: defined_value(v, point, f"action of {p}")
        for p, a, v in zip(game.players, game.actions, r.profile, strict=True)
    }
    for i, (p, a) in enumerate(zip(game.players, game.actions, strict=True)):
        others = {b: v for b, v in profile.items() if b != a}
        no_better_deviation(
            game.utilities[i],
            a,
            {**point, **others},
            profile[a],
            game.bounds[i],
            local=r.concave[i] is not True,
            who=p,
        )


def _check_held(sol, point, check) -> int:
    """``check`` every result whose condition holds, then uniqueness; how many held."""
    held = [r for r in sol.results if _held(r, point)]
    points = {_at(r, point) for r in held}
    for r in held:
        check(r, point)
        if r.unique is True and len(points) > 1:
            raise VerificationError(
                f"an equilibrium reported unique shares the point {point} with "
                f"{len(points) - 1} other equilibria"
            )
    return len(held)


def _at(r, point) -> tuple:
    """The equilibrium's actions at the point (equal results count once)."""
    actions = r.profile if hasattr(r, "profile") else (r.action,)
    return tuple(defined_value(v, point, "equilibrium action") for v in actions)


@twin(continuous_nash)
def continuous_nash_twin(sol, point) -> None:
    """Every equilibrium whose condition holds survives the grid; uniqueness holds."""
    checked = _check_held(sol, point, equilibrium_twin)
    if not checked and _must_exist(sol):
        raise VerificationError(
            f"no equilibrium holds at {point}, but a game with continuous utilities "
            "concave in the own action on compact intervals has one (Debreu, "
            "Glicksberg, Fan)"
        )
    if not checked:
        skip("no equilibrium's condition holds here")


def _must_exist(sol) -> bool:
    """Existence is guaranteed: polynomial, concave, compact, corners searched."""
    game = sol.game
    if any("only interior" in note or "continuum" in note for note in sol.notes):
        return False
    if not all(lo.is_finite and hi.is_finite for lo, hi in game.bounds):
        return False
    if not all(u.is_polynomial(*game.actions) for u in game.utilities):
        return False
    concave = {r.concave for r in sol}
    return concave == {tuple(True for _ in game.players)}


@twin(SymmetricEquilibrium)
def symmetric_equilibrium_twin(r, point) -> None:
    """One player's grid deviations, the other n - 1 at the common action."""
    if not _held(r, point):
        skip("the equilibrium's condition is false here")
    game = r.game
    n = defined_value(game.n, point, "number of players")
    v = defined_value(r.action, point, "equilibrium action")
    no_better_deviation(
        game.utility,
        game.action,
        {**point, game.others: (n - 1) * v},
        v,
        game.bounds,
        local=r.concave is not True,
        who="a player",
    )


@twin(symmetric_nash)
def symmetric_nash_twin(sol, point) -> None:
    """Every symmetric equilibrium whose condition holds survives the grid."""
    if not _check_held(sol, point, symmetric_equilibrium_twin):
        skip("no equilibrium's condition holds here")


@twin(BestResponse)
def best_response_twin(r, point) -> None:
    """The best response beats every grid action, the others' actions fixed."""
    if not _held(r, point):
        skip("the best response's condition is false here")
    game = r.game
    i = game.index(r.player)
    v = defined_value(r.value, point, f"best response of {r.player}")
    no_better_deviation(
        game.utilities[i],
        r.action,
        point,
        v,
        game.bounds[i],
        local=r.concave is not True,
        who=r.player,
    )


@twin(SequentialEquilibrium)
def sequential_twin(r, point) -> None:
    """The follower's response is a best response at every grid leader action,
    and no grid leader action earns the leader more."""
    if not _held(r, point):
        skip("the equilibrium's condition is false here")
    game = r.game
    i, j = game.index(r.leader), game.index(r.follower)
    a_l, a_f = game.actions[i], game.actions[j]
    v_l = defined_value(r.leader_action, point, "leader's action")
    v_f = defined_value(r.follower_action, point, "follower's action")
    local_f = r.concave[0] is not True
    no_better_deviation(
        game.utilities[j],
        a_f,
        {**point, a_l: v_l},
        v_f,
        game.bounds[j],
        local=local_f,
        who=r.follower,
    )
    lo, hi = game.bounds[i]
    lo_v = lo if lo.is_finite is False else defined_value(lo, point, "bound")
    hi_v = hi if hi.is_finite is False else defined_value(hi, point, "bound")
    here = defined_value(game.utilities[i], {**point, a_l: v_l, a_f: v_f}, "leader")
    for d in grid(lo_v, hi_v, v_l, local=r.concave[1] is not True):
        reply = value_at(r.response, {**point, a_l: d})
        if reply is None:
            continue
        f_lo, f_hi = game.bounds[j]
        if (
            f_lo.is_finite is not False
            and compare(reply, defined_value(f_lo, point, "b")) < 0
        ) or (
            f_hi.is_finite is not False
            and compare(reply, defined_value(f_hi, point, "b")) > 0
        ):
            continue  # outside the interior region the result speaks of
        no_better_deviation(
            game.utilities[j],
            a_f,
            {**point, a_l: d},
            reply,
            game.bounds[j],
            local=local_f,
            who=r.follower,
        )
        there = value_at(game.utilities[i], {**point, a_l: d, a_f: reply})
        if there is not None and compare(there, here) > 0:
            raise VerificationError(
                f"the leader gains by committing to {d} instead of {v_l} at {point}"
            )
