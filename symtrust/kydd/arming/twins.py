"""Numeric twin of the arming-game solvers (:mod:`symtrust.kydd.arming.equilibria`).

At an exact rational point the twin works from the game's primitives only
(prior, cost bound, the stage-2 payoff tables), never from the derived
threshold, cutoff or regime:

* trust after a build from the joint distribution of (type, move);
* stage-2 cooperation iff each security seeker's expected payoff of C (the
  other's S cooperates, its G defects) is at least that of D at its trust;
* a security seeker's gain from building, summed over the other's type and
  move; the best-response rate clip(gain / K, 0, 1).

A result is an equilibrium at the point iff its rate is a fixed point of the
best response in the regime it names (and lies in its range); on a rational
grid of building rates every fixed point must be reported. Outcome
probabilities are recomputed by enumerating type pairs and moves, the
observer's posterior by Bayes on the joint distribution.

Examples
--------
>>> import sympy
>>> from symtrust.kydd.arming.model import arming_game
>>> from symtrust.kydd.arming.equilibria import arming_equilibria
>>> half = sympy.Rational(1, 2)
>>> g = arming_game(prior=half, cost_bound=half, arms_gain=sympy.Rational(3, 4),
...                 t_secure=0, t_greedy=2, c=3, w=1)
>>> arming_twin(arming_equilibria(g), {}) is None
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import fraction_at, substitute_condition, value_at
from symtrust.core.twins import skip, twin
from symtrust.errors import VerificationError
from symtrust.kydd.arming.equilibria import (
    REGIMES,
    ArmingEquilibrium,
    ArmingOutcomes,
    BuildGain,
    Coexistence,
    arming_equilibria,
    coexisting_equilibria,
)

__all__ = [
    "arming_twin",
    "best_response_rate",
    "brute_equilibrium",
    "brute_outcomes",
    "build_gain_twin",
    "coexistence_solution_twin",
    "coexistence_twin",
    "equilibrium_twin",
]

GRID = tuple(Fraction(k, 20) for k in range(21))
ZERO, ONE = Fraction(0), Fraction(1)


def _num(expr, point) -> Fraction:
    return fraction_at(expr, point, "a quantity of the arming game")


def _table(game, kind, built, point):
    return {k: _num(v, point) for k, v in game.table(kind, built).items()}


def _willing(game, built, q, point) -> bool:
    """Does a security seeker (armed or not) cooperate at trust q?"""
    t = _table(game, "S", built, point)
    eu_c = q * t[("C", "C")] + (1 - q) * t[("C", "D")]
    eu_d = q * t[("D", "C")] + (1 - q) * t[("D", "D")]
    return bool(eu_c >= eu_d)


def _trust_after(game, built, s, point):
    pi = _num(game.prior, point)
    if not built:
        return ONE
    joint_s, joint_g = pi * s, (1 - pi) * 1
    return joint_s / (joint_s + joint_g)


def _coop(game, bi, bj, s, point) -> bool:
    return _willing(game, bi, _trust_after(game, bj, s, point), point) and _willing(
        game, bj, _trust_after(game, bi, s, point), point
    )


def _gain(game, s, point):
    pi = _num(game.prior, point)
    others = (("S", True, pi * s), ("S", False, pi * (1 - s)), ("G", True, 1 - pi))

    def eu(bi):
        total = ZERO
        for kind, bj, p in others:
            t = _table(game, "S", bi, point)
            if _coop(game, bi, bj, s, point):
                total += p * (t[("C", "C")] if kind == "S" else t[("C", "D")])
            else:
                total += p * t[("D", "D")]
        return total

    return eu(True) - eu(False)


def best_response_rate(game, s, point):
    """Brute force: the building rate that best responds to rate s."""
    K = _num(game.cost_bound, point)
    return min(max(_gain(game, s, point) / K, ZERO), ONE)


def _regime(game, s, point) -> str:
    return (
        REGIMES[1]
        if _willing(game, True, _trust_after(game, True, s, point), point)
        else REGIMES[0]
    )


def brute_equilibrium(eq, point) -> bool:
    """Brute force: is the equilibrium's rate a best-response fixed point here,
    in the regime and range (and denominator-sign case) it names?"""
    game = eq.game
    case = substitute_condition(eq.case, point)
    if case is not True:
        return False
    rate = _num(eq.rate, point)
    in_range = 0 < rate < 1 if eq.shape == "interior" else rate in (0, 1)
    return bool(
        in_range
        and best_response_rate(game, rate, point) == rate
        and _regime(game, rate, point) == eq.regime
    )


def equilibrium_twin(eq, point) -> None:
    """Check one :class:`ArmingEquilibrium` against brute force at a point."""
    held = substitute_condition(eq.condition, point)
    case = substitute_condition(eq.case, point)
    rate = value_at(eq.rate, point)
    if held is None and case is not False:
        raise VerificationError(f"{eq.kind}: condition undefined at {point}")
    brute = brute_equilibrium(eq, point)
    if bool(held) != brute:
        raise VerificationError(
            f"{eq.kind} ({eq.regime}) at rate {rate}: condition {held}, brute "
            f"force {brute} at {point}"
        )


def brute_outcomes(game, rate, point):
    """Peace, tragic and Pr(both secure | conflict) by enumeration."""
    pi = _num(game.prior, point)
    types = {"S": pi, "G": 1 - pi}
    moves = {"S": ((True, rate), (False, 1 - rate)), "G": ((True, ONE),)}
    peace = tragic = conflict = ZERO
    for ti, tj in itertools.product(types, repeat=2):
        for (bi, p), (bj, q) in itertools.product(moves[ti], moves[tj]):
            prob = types[ti] * types[tj] * p * q
            ok = ti == tj == "S" and _coop(game, bi, bj, rate, point)
            if ok:
                peace += prob
            else:
                conflict += prob
                if ti == tj == "S":
                    tragic += prob
    both = tragic / conflict if conflict != 0 else None
    return peace, tragic, both


twin(ArmingEquilibrium)(equilibrium_twin)


@twin(Coexistence)
def coexistence_twin(result, point) -> None:
    """Both equilibria hold by brute force exactly where the joint condition does."""
    held = substitute_condition(result.condition, point)
    brute = brute_equilibrium(result.first, point) and brute_equilibrium(
        result.second, point
    )
    if bool(held) != brute:
        raise VerificationError(
            f"{result.kind}: condition {held}, brute force {brute} at {point}"
        )


@twin(ArmingOutcomes)
def outcomes_twin(out, point) -> None:
    """Check an :class:`ArmingOutcomes` against enumeration (where it holds)."""
    if substitute_condition(out.condition, point) is not True:
        skip("the outcomes' condition does not hold here: they claim nothing")
    game = out.equilibrium.game
    rate = _num(out.rate, point)
    if _regime(game, rate, point) != out.regime:
        skip("the named regime does not obtain at this rate: nothing is claimed")
    peace, tragic, both = brute_outcomes(game, rate, point)
    got = (_num(out.peace, point), _num(out.tragic, point))
    if got != (peace, tragic):
        raise VerificationError(f"outcomes {got} but brute force {(peace, tragic)}")
    if both is not None and _num(out.posterior_both_secure, point) != both:
        raise VerificationError(
            f"posterior after conflict {_num(out.posterior_both_secure, point)}, "
            f"brute force {both} at {point}"
        )


@twin(arming_equilibria)
def arming_twin(solution, point) -> None:
    """Check every reported equilibrium, and that no grid fixed point is missing."""
    game = solution.game
    for eq in solution.results:
        equilibrium_twin(eq, point)
    reported = {
        (_num(eq.rate, point), eq.regime)
        for eq in solution.results
        if substitute_condition(eq.condition, point) is True
    }
    fixed = [
        (s, _regime(game, s, point))
        for s in GRID
        if best_response_rate(game, s, point) == s
    ]
    if len(fixed) > 3:
        return  # best response is the identity: the degenerate set in the notes
    for s, regime in fixed:
        if (s, regime) not in reported:
            raise VerificationError(
                f"rate {s} is an equilibrium ({regime}) by brute force but is not "
                f"reported at {point}"
            )


@twin(BuildGain)
def build_gain_twin(result, point) -> None:
    """The gain from building equals brute force at every grid rate of its regime."""
    game = result.game
    for s in GRID:
        if _regime(game, s, point) != result.regime:
            continue
        got = _num(result.value.subs(result.rate, s), point)
        if got != _gain(game, s, point):
            raise VerificationError(
                f"gain from building at rate {s}: {got}, brute force "
                f"{_gain(game, s, point)} at {point}"
            )


@twin(coexisting_equilibria)
def coexistence_solution_twin(solution, point) -> None:
    """Each reported pair checks out, and every pair holding by brute force is reported."""
    for result in solution.results:
        coexistence_twin(result, point)
    reported = {
        (id(r.first), id(r.second))
        for r in solution.results
        if substitute_condition(r.condition, point) is True
    }
    for a, b in itertools.combinations(solution.equilibria.results, 2):
        if a.regime == b.regime and a.rate == b.rate:
            continue
        if brute_equilibrium(a, point) and brute_equilibrium(b, point):
            if (id(a), id(b)) not in reported:
                raise VerificationError(
                    f"{a.kind} and {b.kind} both hold by brute force at {point} "
                    "but their coexistence is not reported"
                )
