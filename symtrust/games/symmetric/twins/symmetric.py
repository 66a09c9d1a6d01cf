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

import sympy

from symtrust.core.exact import substitute_condition
from symtrust.core.twins import twin
from symtrust.errors import VerificationError
from symtrust.games.normal_form.twins.brute_nash import pure_equilibria

__all__ = [
    "MAX_PROFILE_PLAYERS",
    "brute_equilibrium_counts",
    "brute_symmetric_plans",
    "symmetric_bayes_nash_twin",
    "symmetric_pure_nash_twin",
]

#: Largest n solved by writing out all 2**n profiles.
MAX_PROFILE_PLAYERS = 8
#: Largest number of the others' type profiles enumerated.
MAX_TYPE_PROFILES = 4096


def _fraction(value, what="payoff") -> Fraction:
    value = sympy.sympify(value, strict=True)
    if not value.is_Rational:
        raise VerificationError(f"{what} = {value} is not an exact rational")
    return Fraction(int(value.p), int(value.q))


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


def _claimed_counts(solution, point, n) -> set:
    out = set()
    for r in solution.results:
        j = r.cooperators.xreplace(point) if r.cooperators is not None else None
        if j is not None and j.is_Integer:
            held = substitute_condition(r.condition, point)
            if held is None:
                raise VerificationError(f"condition {r.condition} undefined at {point}")
            if held:
                out.add(int(j))
            continue
        # an interior count symbol: try every value 1..n-1
        (sym,) = r.cooperators.free_symbols - set(point)
        for value in range(1, n):
            held = substitute_condition(r.condition, {**point, sym: value})
            if held is None:
                raise VerificationError(
                    f"condition {r.condition} undefined at j={value}"
                )
            if held:
                out.add(value)
    return out


@twin("symmetric_pure_nash")
def symmetric_pure_nash_twin(solution, point) -> None:
    """Compare equilibrium counts with explicit-profile brute force.

    Raises
    ------
    VerificationError
        If the counts differ.
    """
    point = {s: sympy.sympify(v, strict=True) for s, v in dict(point).items()}
    game = solution.game.subs(point, strict=False)
    n = int(game.n)
    claimed = _claimed_counts(solution, point, n)
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


@twin("symmetric_bayes_nash")
def symmetric_bayes_nash_twin(solution, point) -> None:
    """Compare symmetric Bayesian equilibria with brute-force expectations.

    Raises
    ------
    VerificationError
        If the sets of equilibrium plans differ.
    """
    point = {s: sympy.sympify(v, strict=True) for s, v in dict(point).items()}
    game = solution.game.subs(point, strict=False)
    claimed = set()
    for r in solution.results:
        held = substitute_condition(r.condition, point)
        if held is None:
            raise VerificationError(f"condition {r.condition} undefined at {point}")
        if held:
            claimed.add(r.cooperating_types)
    brute = brute_symmetric_plans(game)
    if claimed != brute:
        raise VerificationError(
            f"equilibrium plans {sorted(claimed)} but brute force finds "
            f"{sorted(brute)} at {point}"
        )
