"""Numeric twin of :func:`symtrust.cutoff_equilibria` and ``numeric_cutoffs``.

At an exact admissible parameter point, every reported cutoff pair whose
condition holds is checked from first principles, without the engine's
indifference equations:

1. the probability that the other cooperates is the integral of its density
   (the derivative of its CDF) from the lower bound to its cutoff;
2. each player's expected payoffs of C and D are computed exactly at test
   types: the cutoff itself (indifferent, for an interior cutoff), the
   midpoint below it (strictly prefers C) and the midpoint above it (strictly
   prefers D); at a corner every type weakly prefers the corner action (all
   may be indifferent: at a point where the other never cooperates and
   defecting against a defector costs nothing, nobody cooperating is an
   equilibrium);
3. a pair whose condition fails at the point, but which is real and inside
   both supports there (strictly inside, for an interior result), must fail
   step 2 (the condition is not too strict);
4. where the existence condition holds, some cooperative result is valid;
5. stability: where claimed stable (unstable), the exact best response to
   the other's cutoff moved by a small rational step moves back by less
   (more) than the step, composed over both players.

Examples
--------
>>> from fractions import Fraction
>>> from symtrust import bimatrix, parameter, real, uniform, cutoff_equilibria
>>> t1, t2 = real("t_1 t_2")
>>> k = parameter("k", lower=0, upper=1, left_open=True, right_open=True)
>>> game = bimatrix([[1, -k], [t1, 0]], [[1, t2], [-k, 0]])
>>> sol = cutoff_equilibria(game, {t1: uniform(0, 2), t2: uniform(0, 2)})
>>> cutoff_twin(sol, {k: Fraction(1, 8)}) is None
True
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.core.exact import sign, substitute_condition
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.continuous_types.cutoffs import (
    CutoffEquilibrium,
    CutoffShape,
    cutoff_equilibria,
    numeric_cutoffs,
)

__all__ = ["cutoff_equilibrium_twin", "cutoff_twin", "equilibrium_failure"]


def _exact_sign(v) -> int:
    return sign(v)


def _cooperation_probability(dist, h):
    """P(type <= h) by integrating the density from the lower bound."""
    s = sympy.Dummy("s", real=True)
    density = sympy.diff(dist.cdf, dist.variable).subs(dist.variable, s)
    return sympy.integrate(density, (s, dist.lower, h))


def _expected(g, i, own, p, t):
    Cj, Dj = g.cooperate[1 - i], g.defect[1 - i]
    sym = g.types[i][0]
    return sympy.expand(
        p * g.utility(i, own, Cj).xreplace({sym: t})
        + (1 - p) * g.utility(i, own, Dj).xreplace({sym: t})
    )


def _real_number(v) -> bool:
    return bool(v.is_number and v.is_real) and not v.has(S.NaN, S.ComplexInfinity)


def equilibrium_failure(g, cutoffs) -> str | None:
    """Why a cutoff pair is not an equilibrium of a numeric CutoffGame, or None.

    Examples
    --------
    >>> from symtrust import bimatrix, real, uniform
    >>> from symtrust.games.continuous_types.cutoffs import cutoff_game
    >>> t1, t2 = real("t_1 t_2")
    >>> g = cutoff_game(bimatrix([[1, -1], [t1, 0]], [[1, t2], [-1, 0]]),
    ...                 {t1: uniform(0, 2), t2: uniform(0, 2)})
    >>> equilibrium_failure(g, (0, 0)) is None
    True
    >>> equilibrium_failure(g, (1, 1))
    'player 0 type 1: EU(C) - EU(D) = -1/2, expected 0'
    >>> g0 = cutoff_game(bimatrix([[1, 0], [t1, 0]], [[1, t2], [0, 0]]),
    ...                  {t1: uniform(0, 2), t2: uniform(0, 2)})
    >>> equilibrium_failure(g0, (0, 0)) is None  # indifferent types, weakly D
    True
    """
    F = [d for _, d in g.types]
    for i in range(2):
        lo, hi = F[i].lower, F[i].upper
        h = sympy.sympify(cutoffs[i], strict=True)
        p = _cooperation_probability(F[1 - i], cutoffs[1 - i])
        C, D = g.cooperate[i], g.defect[i]

        def gain(t, i=i, p=p, C=C, D=D):
            return _expected(g, i, C, p, t) - _expected(g, i, D, p, t)

        if _exact_sign(h - lo) <= 0:
            # nobody cooperates: every type weakly prefers D (all may be
            # indifferent, as when the other never cooperates and D costs
            # nothing against D)
            checks = [(lo, -2), (hi, -2)]
        elif _exact_sign(hi - h) <= 0:
            checks = [(lo, 2), (hi, 2)]  # everybody cooperates: weakly C
        else:
            checks = [(h, 0), ((lo + h) / 2, 1), ((h + hi) / 2, -1)]
        for t, want in checks:
            s = _exact_sign(gain(t))
            ok = s == want if want in (-1, 0, 1) else s * want >= 0
            if not ok:
                target = {0: "0", 1: "> 0", -1: "< 0", 2: ">= 0", -2: "<= 0"}[want]
                return (
                    f"player {i} type {t}: EU(C) - EU(D) = {sympy.simplify(gain(t))}, "
                    f"expected {target}"
                )
    return None


def _best_response(g, i, h_other):
    """The exact cutoff type of player i against the other's cutoff."""
    t = sympy.Dummy("t", real=True)
    p = _cooperation_probability(g.types[1 - i][1], h_other)
    gain = _expected(g, i, g.cooperate[i], p, t) - _expected(g, i, g.defect[i], p, t)
    roots = sympy.solve(gain, t)
    return roots[0] if len(roots) == 1 else None


def _check_stability(g, eq, point):
    held = substitute_condition(eq.stability, point)
    if held is None or eq.slope is None:
        return
    h1 = sympy.sympify(eq.cutoffs[0], strict=True).xreplace(point)
    eps = sympy.Rational(1, 10**6)
    moved = _best_response(g, 1, h1 + eps)
    back = _best_response(g, 0, moved) if moved is not None else None
    if back is None:
        return
    ratio = sympy.N((back - h1) / eps, 30)
    # only a clear margin from 1 is evidence either way
    if abs(abs(ratio) - 1) < sympy.Rational(1, 100):
        return
    if held is True and abs(ratio) > 1:
        raise VerificationError(
            f"cutoffs {eq.cutoffs} claimed stable at {point}, but the composed "
            f"best response moves a step by a factor {ratio}"
        )
    if held is False and abs(ratio) < 1:
        raise VerificationError(
            f"cutoffs {eq.cutoffs} claimed unstable at {point}, but the composed "
            f"best response shrinks a step by a factor {ratio}"
        )


def _check_one(eq, g, point) -> bool:
    """Check one reported cutoff pair at the point; whether it is valid there."""
    held = substitute_condition(eq.condition, point)
    values = tuple(sympy.sympify(v, strict=True).xreplace(point) for v in eq.cutoffs)
    if held is None:
        if all(_real_number(v) for v in values):
            raise VerificationError(
                f"condition {eq.condition} of cutoffs {eq.cutoffs} cannot be "
                f"evaluated at {point}"
            )
        return False
    if held:
        why = equilibrium_failure(g, values)
        if why is not None:
            raise VerificationError(
                f"cutoffs {values} (from {eq.cutoffs}) are not an equilibrium at "
                f"{point}: {why}"
            )
        _check_stability(g, eq, point)
        return True
    # an interior result claims interior cutoffs: where its formula lands on
    # a corner (k = 0 above), that corner is the corner result's claim
    edge = 1 if eq.shape is CutoffShape.INTERIOR else 0
    inside = all(_real_number(v) for v in values) and all(
        _exact_sign(v - d.lower) >= edge and _exact_sign(d.upper - v) >= edge
        for v, (_, d) in zip(values, g.types, strict=True)
    )
    if inside and equilibrium_failure(g, values) is None:
        raise VerificationError(
            f"cutoffs {values} are an equilibrium at {point}, but the reported "
            f"condition {eq.condition} is false there"
        )
    return False


@twin(CutoffEquilibrium)
def cutoff_equilibrium_twin(eq, point) -> None:
    """Check one cutoff equilibrium at a point (steps 1-3 and 5 of the module doc).

    Examples
    --------
    >>> from fractions import Fraction
    >>> from symtrust import bimatrix, parameter, real, uniform, cutoff_equilibria
    >>> t1, t2 = real("t_1 t_2")
    >>> k = parameter("k", lower=0, upper=1, left_open=True, right_open=True)
    >>> game = bimatrix([[1, -k], [t1, 0]], [[1, t2], [-k, 0]])
    >>> sol = cutoff_equilibria(game, {t1: uniform(0, 2), t2: uniform(0, 2)})
    >>> cutoff_equilibrium_twin(sol[0], {k: Fraction(1, 8)}) is None
    True
    """
    if eq.game is None:
        raise VerificationError(f"the cutoff equilibrium {eq.cutoffs} carries no game")
    _check_one(eq, eq.game.subs(point, strict=False), point)


def cutoff_twin(solution, point) -> None:
    """Check a cutoff Solution at one exact point (see the module docstring).

    Raises
    ------
    VerificationError
        A reported equilibrium that fails at the point, a condition that
        cannot be evaluated, a condition that excludes a true equilibrium, or
        an existence condition that no valid result backs.
    """
    g = solution.game.subs(point, strict=False)
    valid_cooperative = False
    for eq in solution.results:
        if _check_one(eq, g, point):
            valid_cooperative |= eq.cooperative
    exists = holds(solution.existence, point, "the existence condition")
    if exists and not valid_cooperative:
        raise VerificationError(
            f"existence condition {solution.existence} holds at {point}, but no "
            "reported cooperative equilibrium is valid there"
        )
    if not exists and valid_cooperative:
        raise VerificationError(
            f"existence condition {solution.existence} fails at {point}, but a "
            "cooperative equilibrium is valid there"
        )


twin(cutoff_equilibria)(cutoff_twin)
twin(numeric_cutoffs)(cutoff_twin)
