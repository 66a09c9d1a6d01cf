"""Numeric twins of the symmetric-game solvers: explicit players, brute force.

Independent of :mod:`symtrust.games.symmetric.equilibria`:

* ``symmetric_pure_nash``: at an exact point the game is written out as an
  explicit ``2**n``-profile normal-form game and solved by
  :func:`symtrust.games.normal_form.twins.brute_nash.pure_equilibria` (up to
  :data:`MAX_PROFILE_PLAYERS` players; beyond, each count's representative
  profile is checked against every unilateral deviation of every player);
  the numbers of cooperators of the equilibria must be exactly the counts
  whose conditions hold;
* ``symmetric_bayes_nash``: for every symmetric plan (type -> action), each
  type's expected payoffs are computed by enumerating the other players' type
  profiles (or, when there are too many, by convolving the others' cooperation
  one player at a time), never by the binomial formula; the plans that are
  equilibria must be exactly those whose conditions hold.

Examples
--------
>>> from symtrust import positive
>>> from symtrust.games.symmetric.model import symmetric_game
>>> from symtrust.games.symmetric.equilibria import symmetric_pure_nash
>>> b, c = positive("b c")
>>> sol = symmetric_pure_nash(symmetric_game(3, (b - c, b - c, b), (0, b, b)))
>>> symmetric_pure_nash_twin(sol, {b: 2, c: 1}) is None
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import fraction_at, value_at
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.normal_form.twins.brute_nash import pure_equilibria
from symtrust.games.symmetric.equilibria import (
    CountEquilibrium,
    symmetric_bayes_nash,
    symmetric_pure_nash,
)

__all__ = [
    "MAX_PROFILE_PLAYERS",
    "brute_equilibrium_counts",
    "brute_symmetric_plans",
    "count_equilibrium_twin",
    "symmetric_bayes_nash_twin",
    "symmetric_pure_nash_twin",
]

#: Largest n solved by writing out all 2**n profiles.
MAX_PROFILE_PLAYERS = 8
#: Largest number of the others' type profiles enumerated.
MAX_TYPE_PROFILES = 4096


def _fraction(value, what="payoff") -> Fraction:
    return fraction_at(value, {}, what)


def _u(game, action, k, theta=None) -> Fraction:
    return _fraction(game.payoff(action, k, theta), f"u_{action}({k})")


def brute_equilibrium_counts(game) -> set:
    """Numbers of cooperators of the pure equilibria of a numeric game."""
    n = int(game.n)
    if n <= MAX_PROFILE_PLAYERS:
        normal = game.to_normal_form()
        return {profile.count("C") for profile in pure_equilibria(normal)}
    out = set()
    for j in range(n + 1):
        profile = ["C"] * j + ["D"] * (n - j)
        ok = True
        for i in range(n):
            others = sum(1 for x, a in enumerate(profile) if a == "C" and x != i)
            here = _u(game, profile[i], others)
            there = _u(game, "D" if profile[i] == "C" else "C", others)
            if there > here:
                ok = False
                break
        if ok:
            out.add(j)
    return out


def _counts_of(r, point, n) -> tuple[set, set]:
    """The counts a result covers, and those at which its condition holds."""
    j = value_at(r.cooperators, point) if r.cooperators is not None else None
    if isinstance(j, Fraction) and j.denominator == 1:
        held = holds(r.condition, point, "the equilibrium's condition")
        return {int(j)}, ({int(j)} if held else set())
    # an interior count symbol: try every value 1..n-1
    (sym,) = r.cooperators.free_symbols - set(point)
    covered = set(range(1, n))
    held = {
        value
        for value in covered
        if holds(r.condition, {**point, sym: value}, f"the condition at j={value}")
    }
    return covered, held


def _check_count(r, point) -> None:
    game = r.game.subs(point, strict=False)
    n = int(game.n)
    covered, held = _counts_of(r, point, n)
    brute = brute_equilibrium_counts(game) & covered
    if held != brute:
        raise VerificationError(
            f"equilibrium counts {sorted(held)} but brute force finds {sorted(brute)} "
            f"among {sorted(covered)} at {point}"
        )


def _check_plan(r, point) -> None:
    game = r.game.subs(point, strict=False)
    held = holds(r.condition, point, "the equilibrium's condition")
    brute = r.cooperating_types in brute_symmetric_plans(game)
    if held != brute:
        raise VerificationError(
            f"plan {r.cooperating_types}: condition {held} at {point}, brute force "
            f"says it is{'' if brute else ' not'} an equilibrium"
        )


@twin(CountEquilibrium)
def count_equilibrium_twin(result, point) -> None:
    """Check one class of equilibria: its condition holds iff brute force agrees.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.games.symmetric.model import symmetric_game
    >>> b, c = positive("b c")
    >>> sol = symmetric_pure_nash(symmetric_game(3, (b - c, b - c, b), (0, b, b)))
    >>> count_equilibrium_twin(sol[0], {b: 2, c: 1}) is None
    True
    """
    if result.game is None:
        raise VerificationError("the equilibrium carries no game")
    point = dict(point)
    if result.cooperation_probability is not None:
        _check_plan(result, point)
    else:
        _check_count(result, point)


@twin(symmetric_pure_nash)
def symmetric_pure_nash_twin(solution, point) -> None:
    """Compare equilibrium counts with explicit-profile brute force.

    Raises
    ------
    VerificationError
        If the counts differ.
    """
    point = dict(point)
    game = solution.game.subs(point, strict=False)
    n = int(game.n)
    claimed = set()
    for r in solution.results:
        claimed |= _counts_of(r, point, n)[1]
    brute = brute_equilibrium_counts(game)
    if claimed != brute:
        raise VerificationError(
            f"equilibrium counts {sorted(claimed)} but brute force finds "
            f"{sorted(brute)} at {point}"
        )


def _count_distribution(probs, others) -> list:
    """Distribution of the number of cooperating others (one player at a time)."""
    dist = [Fraction(1)]
    q = sum(probs)
    for _ in range(others):
        new = [Fraction(0)] * (len(dist) + 1)
        for c, p in enumerate(dist):
            new[c] += p * (1 - q)
            new[c + 1] += p * q
        dist = new
    return dist


def _expected(game, theta, action, plan, probs) -> Fraction:
    n = int(game.n)
    types = game.types
    if len(types) ** (n - 1) <= MAX_TYPE_PROFILES:
        total = Fraction(0)
        for profile in itertools.product(range(len(types)), repeat=n - 1):
            prob = Fraction(1)
            for x in profile:
                prob *= probs[x]
            if prob:
                k = sum(1 for x in profile if plan[types[x]] == "C")
                total += prob * _u(game, action, k, theta)
        return total
    coop = [probs[i] for i, t in enumerate(types) if plan[t] == "C"]
    dist = _count_distribution(coop, n - 1)
    return sum(
        (p * _u(game, action, k, theta) for k, p in enumerate(dist)), Fraction(0)
    )


def brute_symmetric_plans(game) -> set:
    """The symmetric plans (tuples of cooperating types) that are equilibria."""
    probs = [_fraction(p, "prior") for p in game.prior]
    out = set()
    for choice in itertools.product("CD", repeat=len(game.types)):
        plan = dict(zip(game.types, choice, strict=True))
        ok = True
        for theta in game.types:
            mine = plan[theta]
            other = "D" if mine == "C" else "C"
            if _expected(game, theta, other, plan, probs) > _expected(
                game, theta, mine, plan, probs
            ):
                ok = False
                break
        if ok:
            out.add(tuple(t for t in game.types if plan[t] == "C"))
    return out


@twin(symmetric_bayes_nash)
def symmetric_bayes_nash_twin(solution, point) -> None:
    """Compare symmetric Bayesian equilibria with brute-force expectations.

    Raises
    ------
    VerificationError
        If the sets of equilibrium plans differ.
    """
    point = dict(point)
    game = solution.game.subs(point, strict=False)
    claimed = set()
    for r in solution.results:
        if holds(r.condition, point, "the equilibrium's condition"):
            claimed.add(r.cooperating_types)
    brute = brute_symmetric_plans(game)
    if claimed != brute:
        raise VerificationError(
            f"equilibrium plans {sorted(claimed)} but brute force finds "
            f"{sorted(brute)} at {point}"
        )
