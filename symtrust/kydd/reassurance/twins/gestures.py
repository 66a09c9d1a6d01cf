"""Numeric twins of reciprocal gestures and starting small.

*Reciprocal gestures*: at an exact point, play out the sequence by brute force
from the payoff tables (player 2's trustworthy type reciprocates only after
the first gesture; untrustworthy types always defect in stage 2; a
trustworthy type cooperates iff it believes the other trustworthy) and check
both incentive constraints exactly at each least-cost gesture and that mimicry
pays just below it.

*Starting small*: at an exact point, compute every type's discounted payoff
from exploiting in each round (or never) on a rational grid of types, check
that the best round matches the reported cutoffs, and recompute the trust path
as the measure of trustworthy survivors over the measure of survivors.

Examples
--------
>>> import sympy
>>> from symtrust.kydd.reassurance.gestures import starting_small
>>> starting_small_twin(starting_small(3, upper=4, discount=sympy.Rational(1, 2)), {})
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import compare, fraction_at, substitute_condition
from symtrust.core.twins import defined_value, twin
from symtrust.errors import VerificationError
from symtrust.kydd.reassurance.gestures import ReciprocalGestures, StartingSmall

__all__ = ["reciprocal_twin", "starting_small_twin"]


def _num(expr, point) -> Fraction:
    return fraction_at(expr, point, "a quantity of the gestures")


def _exact(expr, point):
    """A Fraction, or an exact algebraic number (a root gesture), never a float."""
    return defined_value(expr, point, "a quantity of the gestures")


@twin(StartingSmall)
def starting_small_twin(result, point) -> None:
    """Brute-force check of a :class:`StartingSmall` result at one point."""
    b, delta = _num(result.upper, point), _num(result.discount, point)
    cut = [_num(c, point) for c in result.cutoffs]
    stakes = [_num(x, point) for x in result.stakes]
    n = result.rounds
    held = substitute_condition(result.condition, point)
    chain = [b, *cut]
    falling = all(chain[k] > chain[k + 1] for k in range(n))
    if held is not falling:
        raise VerificationError(f"validity {held} but cutoffs {chain} at {point}")
    if not falling:
        return

    def payoff(t, j):
        # honour rounds before j, exploit in round j (j = n: never exploit)
        total = sum((delta**i * stakes[i] for i in range(j)), Fraction(0))
        if j < n:
            total += delta**j * t * stakes[j]
        return total

    grid = [b * Fraction(k, 40) for k in range(41)] + cut
    for t in grid:
        values = [payoff(t, j) for j in range(n + 1)]
        best = max(values)
        # the reported round: first k with t > t_k (rounds 0-based), else never
        claimed = next((k for k in range(n) if t > cut[k]), n)
        if values[claimed] != best:
            raise VerificationError(
                f"type {t} should exploit in round {claimed + 1} but round "
                f"{values.index(best) + 1} pays {best} > {values[claimed]} at {point}"
            )
    # trust path: measure of [0, 1] over the survivors' measure [0, t_{k-1}]
    expected = [min(Fraction(1), c) / c for c in chain]
    got = [_num(q, point) for q in result.trust]
    if got != expected:
        raise VerificationError(f"trust path {got}, brute force {expected} at {point}")
    if stakes != got[:n]:
        raise VerificationError(f"stakes {stakes} are not the trust levels {got[:n]}")


def _best(table, other):
    return max(table[("C", other)], table[("D", other)])


def _stage(tables, kind, other_kind, other_trusts):
    """Stage-2 payoff of `kind` against `other_kind` whose trust is given."""
    if other_kind == 0 and other_trusts:
        return _best(tables[kind], "C")
    return _best(tables[kind], "D")


@twin(ReciprocalGestures)
def reciprocal_twin(result, point) -> None:
    """Brute-force check of a :class:`ReciprocalGestures` result at one point."""
    game = result.game
    pt = {s: v for s, v in point.items() if s != game.gesture}
    tables = [{k: _num(v, pt) for k, v in t.items()} for t in game.payoffs[:2]]
    pi2 = _num(result.priors[1], pt)
    x1, x2 = (_exact(v, pt) for v in result.gestures)

    costs = result.costs or (game.costs, game.costs)

    def cost(mover, kind, x):
        return _exact(costs[mover][kind], {**pt, game.gesture: x})

    def first_mover(kind, x, trusted):
        # expectation over player 2's type; a trustworthy 2 reciprocates iff trusting
        total = Fraction(0)
        for other, p in ((0, pi2), (1, 1 - pi2)):
            total += p * _stage(tables, kind, other, trusted)
        return total - cost(0, kind, x)

    def second_mover(kind, x, trusted):
        return _stage(tables, kind, 0, trusted) - cost(1, kind, x)

    ok = True
    for mover, x in ((first_mover, x1), (second_mover, x2)):
        # untrustworthy: indifferent at the least-cost gesture, mimics below it
        if compare(mover(1, x, True), mover(1, 0, False)) != 0:
            raise VerificationError(f"U is not indifferent at gesture {x} ({pt})")
        below = x * Fraction(99, 100)
        if compare(mover(1, below, True), mover(1, 0, False)) <= 0:
            raise VerificationError(f"U does not mimic below {x} ({pt})")
        ok = ok and compare(mover(0, x, True), mover(0, 0, False)) >= 0
    held = substitute_condition(result.condition, pt)
    if held is not bool(ok):
        raise VerificationError(f"existence {held}, brute force {ok} at {pt}")
    _gestures_grow(costs, pi2, (x1, x2), pt)


def _gestures_grow(costs, pi2, gestures, pt) -> None:
    """With one cost function for both movers, gestures grow as trust grows."""
    if costs[0] != costs[1] or not pi2 < 1:
        return
    for a, b_ in itertools.pairwise(gestures):
        if compare(a, b_) >= 0:
            raise VerificationError(f"gestures {gestures} do not grow at {pt}")
