"""Numeric twin of the costly-signal solvers (:mod:`symtrust.kydd.reassurance.costly_signal`).

At an exact rational point the twin recomputes everything by brute force from
the game's primitives only (the stage-2 payoff tables, the prior and the cost
functions), never from the derived threshold or values of trust:

* the receiver's reply at a belief q: expected payoffs of C and D against a
  sender whose trustworthy type reciprocates and untrustworthy type exploits;
* a sender type's payoff when trusted or distrusted: the maximum over its own
  moves in the table;
* posteriors from the joint distribution of (type, gesture).

It then checks, on a grid of rational gestures, that a separating, pooling or
hybrid profile is an equilibrium exactly when the result says so, and checks
both incentive constraints exactly at the least-cost gesture and just below it.

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative
>>> from symtrust.kydd.reassurance.model import costly_signal
>>> from symtrust.kydd.reassurance.costly_signal import costly_signal_equilibria
>>> x = nonnegative("x")
>>> g = costly_signal(prior=sympy.Rational(1, 5), t_trustworthy=0,
...                   t_untrustworthy=2, c=2, w=1, costs=(x, 4 * x), gesture=x)
>>> costly_signal_twin(costly_signal_equilibria(g), {x: 0}) is None
True
"""

from __future__ import annotations

from fractions import Fraction

from symtrust.core.exact import compare, fraction_at
from symtrust.core.twins import defined_value, holds, twin
from symtrust.errors import VerificationError
from symtrust.kydd.reassurance.costly_signal import (
    HybridGesture,
    PoolingGesture,
    SeparatingGesture,
    costly_signal_equilibria,
    pooling_equilibria,
)

__all__ = [
    "costly_signal_twin",
    "hybrid_twin",
    "pooling_solution_twin",
    "pooling_twin",
    "receiver_cooperates",
    "separating_twin",
]

GRID = tuple(Fraction(k, 8) for k in range(0, 33))
ZERO, ONE = Fraction(0), Fraction(1)


def _num(expr, point):
    """The exact value at a point: a Fraction, or an exact algebraic SymPy number.

    Convex costs put roots such as sqrt(2) into the gestures; these stay exact
    and are compared by :func:`~symtrust.core.exact.compare`, never as floats.
    """
    return defined_value(expr, point, "a quantity of the costly-signal game")


def _ge(a, b) -> bool:
    return compare(a, b) >= 0


def _gt(a, b) -> bool:
    return compare(a, b) > 0


def _largest(a, b):
    return a if _ge(a, b) else b


def receiver_cooperates(game, q, point) -> bool:
    """Brute force: does the receiver (trustworthy) cooperate at trust q?"""
    table = {k: _num(v, point) for k, v in game.payoffs[2].items()}
    eu_c = q * table[("C", "C")] + (1 - q) * table[("C", "D")]
    eu_d = q * table[("D", "C")] + (1 - q) * table[("D", "D")]
    return _ge(eu_c, eu_d)


def _values(game, point):
    """Each sender type's best payoff when trusted / distrusted."""
    out = []
    for table in game.payoffs[:2]:
        t = {k: _num(v, point) for k, v in table.items()}
        trusted = _largest(t[("C", "C")], t[("D", "C")])
        distrusted = _largest(t[("C", "D")], t[("D", "D")])
        out.append((trusted, distrusted))
    return out


def _cost(game, kind, x, point):
    return _num(game.costs[kind], {**point, game.gesture: x})


def _payoff(game, kind, x, rho, point):
    """Type's payoff from gesture x when the receiver cooperates w.p. rho."""
    trusted, distrusted = _values(game, point)[kind]
    return rho * trusted + (1 - rho) * distrusted - _cost(game, kind, x, point)


def _at(game, point):
    base = {s: v for s, v in point.items() if s != game.gesture}
    return base


def separating_twin(result, point) -> None:
    """Brute-force check of a :class:`SeparatingGesture` at one point."""
    game = result.game
    pt = _at(game, point)
    lo, hi = (_num(v, pt) for v in result.gestures)
    exists = holds(result.condition, pt, "separation")
    # the receiver: trust 1 -> cooperate, trust 0 -> defect (Bayes: types apart)
    if not receiver_cooperates(game, ONE, pt) or receiver_cooperates(game, ZERO, pt):
        raise VerificationError(f"receiver replies are not C at 1 and D at 0 at {pt}")

    def separates(x):
        ic_t = _ge(_payoff(game, 0, x, 1, pt), _payoff(game, 0, 0, 0, pt))
        ic_u = _ge(_payoff(game, 1, 0, 0, pt), _payoff(game, 1, x, 1, pt))
        return bool(ic_t and ic_u and _gt(x, 0))

    # both constraints exactly at the least-cost gesture, and U mimics just below
    if separates(lo) != exists:
        raise VerificationError(
            f"separation at the least-cost gesture {lo}: brute force says "
            f"{separates(lo)}, the condition says {exists} at {pt}"
        )
    below = lo * Fraction(99, 100)
    if _ge(_payoff(game, 1, 0, 0, pt), _payoff(game, 1, below, 1, pt)):
        raise VerificationError(f"gesture {below} below {lo} still deters mimicry")
    scale = _largest(_largest(lo, hi), ONE)
    for k in GRID:
        x = k * scale / 2
        inside = _ge(x, lo) and _ge(hi, x) and _gt(x, 0)
        if separates(x) != inside:
            raise VerificationError(
                f"gesture {x}: brute-force separation {separates(x)} but interval "
                f"[{lo}, {hi}] at {pt}"
            )


def pooling_twin(result, point) -> None:
    """Brute-force check of a :class:`PoolingGesture` at one point."""
    game = result.game
    pt = _at(game, point)
    pi = _num(game.prior, pt)
    # Bayes from the joint distribution: both types send the pooled gesture
    q = (pi * 1) / (pi * 1 + (1 - pi) * 1)
    coop = receiver_cooperates(game, q, pt)
    held = holds(result.condition, pt, result.kind)
    if held != (coop == result.trusted):
        raise VerificationError(
            f"{result.kind}: condition {held} but the receiver cooperates={coop} "
            f"at the prior {q} ({pt})"
        )
    if not held:
        return
    low, top = (_num(v, pt) for v in result.gestures)
    rho = 1 if coop else 0
    scale = _largest(top, ONE)
    for k in GRID:
        x = k * scale / 2
        # off the path q = 0: the best deviation is to gesture 0 and be distrusted
        ok = all(
            _ge(_payoff(game, kind, x, rho, pt), _payoff(game, kind, 0, 0, pt))
            for kind in (0, 1)
        )
        if not coop:
            ok = ok and compare(x, 0) == 0
        if ok != bool(_ge(x, low) and _ge(top, x)):
            raise VerificationError(
                f"pooling at {x}: brute force {ok}, result [{low}, {top}] at {pt}"
            )


def hybrid_twin(result, point) -> None:
    """Brute-force check of a :class:`HybridGesture` at one point (x included)."""
    game = result.game
    x = fraction_at(point.get(game.gesture, 0))
    pt = _at(game, point)
    pi = _num(game.prior, pt)
    r = _num(result.mixing, pt)
    rho = _num(result.cooperation, {**pt, game.gesture: x})
    held = holds(result.condition, {**pt, game.gesture: x}, result.kind)
    # Bayes from the joint distribution after the gesture
    mass = pi + (1 - pi) * r
    q = pi / mass if compare(mass, 0) != 0 else None
    valid = bool(
        x > 0 and _gt(r, 0) and _gt(1, r) and _ge(rho, 0) and _ge(1, rho)
    ) and (q is not None)
    if valid:
        # receiver indifferent at q (so mixing is a best reply)
        indifferent = receiver_cooperates(game, q, pt) and not receiver_cooperates(
            game, q - Fraction(1, 10**6), pt
        )
        u_mix = compare(_payoff(game, 1, x, rho, pt), _payoff(game, 1, 0, 0, pt)) == 0
        t_ok = _ge(_payoff(game, 0, x, rho, pt), _payoff(game, 0, 0, 0, pt))
        valid = bool(indifferent and u_mix and t_ok)
    if held != valid:
        raise VerificationError(
            f"hybrid at gesture {x}: condition {held}, brute force {valid} "
            f"(r={r}, rho={rho}) at {pt}"
        )


twin(SeparatingGesture)(separating_twin)
twin(PoolingGesture)(pooling_twin)
twin(HybridGesture)(hybrid_twin)


@twin(costly_signal_equilibria)
def costly_signal_twin(solution, point) -> None:
    """Check every result of a costly_signal Solution, and that none is missing.

    A pooling result must be present whenever brute force finds the receiver's
    reply at the prior to be the one it describes.
    """
    checks = {
        SeparatingGesture: separating_twin,
        PoolingGesture: pooling_twin,
        HybridGesture: hybrid_twin,
    }
    for r in solution.results:
        checks[type(r)](r, point)
    pt = _at(solution.game, point)
    pi = _num(solution.game.prior, pt)
    coop = receiver_cooperates(solution.game, pi, pt)
    present = {r.trusted for r in solution.results if isinstance(r, PoolingGesture)}
    if coop not in present:
        raise VerificationError(
            f"a pooling equilibrium with trusted={coop} is missing at {pt}"
        )


@twin(pooling_equilibria)
def pooling_solution_twin(solution, point) -> None:
    """Check each pooling result, and that the one brute force finds is reported.

    At the prior the receiver either cooperates or not; the pooling result
    with that ``trusted`` must be present and hold at the point.
    """
    for r in solution.results:
        pooling_twin(r, point)
    pt = _at(solution.game, point)
    coop = receiver_cooperates(solution.game, _num(solution.game.prior, pt), pt)
    holding = {r.trusted for r in solution.results if holds(r.condition, pt, r.kind)}
    if coop not in holding:
        raise VerificationError(
            f"a pooling equilibrium with trusted={coop} is missing at {pt}"
        )
