"""Cutoff equilibria of two-player games with continuous private types.

Each player ``i`` has a private type ``t_i`` drawn independently from a
continuous distribution ``F_i`` on ``[l_i, u_i]``; payoffs depend on the own
type (Kydd 2005, chapter 2: the Security Dilemma Game, where ``t_i`` is the
value of exploiting the other). A *cutoff strategy* cooperates iff
``t_i <= h_i``. Given the other's cutoff ``h_j`` the other cooperates with
probability ``p_j = F_j(h_j)`` and the gain from cooperating is

    Delta_i(t, p_j) = p_j [u_i(C,C;t) - u_i(D,C;t)]
                      + (1 - p_j) [u_i(C,D;t) - u_i(D,D;t)].

The engine derives, in order:

1. the *single-crossing* condition ``dDelta_i/dt < 0`` (so that the best
   response to a cutoff is a cutoff: types below the marginal one strictly
   prefer to cooperate, types above it strictly prefer to defect);
2. the *indifference of the marginal type*: ``Delta_i(h_i, F_j(h_j)) = 0``
   for both players, cleared of denominators (whose nonvanishing becomes a
   condition);
3. symmetric games: one polynomial equation in ``h`` (``h_1 = h_2 = h``);
   otherwise the two equations jointly: the resultant in ``h_2`` gives one
   polynomial in ``h_1``, and ``h_2`` follows from an equation linear in it;
4. the closed-form roots (degree <= 4, :mod:`symtrust.logic.polyroots`), each
   with its validity condition: real (discriminant >= 0), inside both
   supports, single crossing, nonzero denominators; simplified under the
   assumptions, and dropped where it can never hold;
5. stability: the slope of the best-response map at the root, by implicit
   differentiation ``dh_i/dh_j = -(dDelta_i/dh_j) / (dDelta_i/dh_i)``
   (composed over both players in the asymmetric case); the root is stable
   where the slope is below 1 in absolute value;
6. corner equilibria: nobody cooperates (cutoffs at the lower bounds), and
   everybody cooperates (cutoffs at the upper bounds), with their conditions;
7. the existence condition of a cooperative equilibrium: the disjunction of
   the conditions of the interior and full-cooperation equilibria.

Each step is one function of :mod:`symtrust.games.continuous_types._cutoff_steps`.
Degree above 4 raises :class:`~symtrust.errors.UnsupportedError`;
:func:`numeric_cutoffs` then isolates the real roots exactly at a parameter
point.

Examples
--------
>>> import sympy
>>> from symtrust import bimatrix, parameter, real, uniform
>>> t1, t2 = real("t_1 t_2")
>>> k = parameter("k", lower=0, upper=1, left_open=True, right_open=True)
>>> game = bimatrix([[1, -k], [t1, 0]], [[1, t2], [-k, 0]])
>>> sol = cutoff_equilibria(game, {t1: uniform(0, 2), t2: uniform(0, 2)})
>>> [eq.cutoffs for eq in sol][1]
(k/2 - sqrt(k**2 - 6*k + 1)/2 + 1/2, k/2 - sqrt(k**2 - 6*k + 1)/2 + 1/2)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError
from symtrust.games.continuous_types._cutoff_steps import (
    Run,
    candidates,
    corner_conditions,
    indifference,
    root_condition,
    single_crossing,
    slope,
    stability,
    start,
)
from symtrust.games.continuous_types.model import CutoffGame, cutoff_game, is_symmetric
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import simplify_rooted

__all__ = [
    "CutoffEquilibrium",
    "CutoffGame",
    "CutoffShape",
    "CutoffSolution",
    "cutoff_equilibria",
    "cutoff_game",
    "numeric_cutoffs",
]


class CutoffShape(StrEnum):
    """Where a cutoff equilibrium lies: a corner of the supports or inside.

    Examples
    --------
    >>> [str(s) for s in CutoffShape]
    ['every type defects', 'every type cooperates', 'interior']
    """

    NO_COOPERATION = "every type defects"
    FULL_COOPERATION = "every type cooperates"
    INTERIOR = "interior"


@dataclass(frozen=True, kw_only=True)
class CutoffEquilibrium(Result):
    """A cutoff-strategy equilibrium: cooperate iff own type <= cutoff.

    Attributes
    ----------
    cutoffs : tuple
        ``(h_1, h_2)``, closed forms in the parameters.
    stability : sympy Boolean
        Where the best-response map's slope at the cutoffs is below 1 in
        absolute value (True: always stable, False: never; corners: True).
    slope : sympy.Expr or None
        That slope (the composed slope in the asymmetric case).
    symmetric : bool
        Whether it solves the symmetric equation ``h_1 = h_2``.
    cooperative : bool
        Whether some types cooperate (False only at the all-defect corner).
    shape : CutoffShape
        A corner (every type defects, every type cooperates) or interior.
    """

    cutoffs: tuple = ()
    stability: Any = S.true
    slope: Any = None
    symmetric: bool = False
    cooperative: bool = True
    shape: CutoffShape = CutoffShape.INTERIOR

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, sympy.Tuple(*self.cutoffs))]
        if self.slope is not None:
            rows.append(("best-response slope", self.slope))
        rows.append(("stable when", self.stability))
        return tuple(rows)


@dataclass(frozen=True, kw_only=True)
class CutoffSolution(Solution):
    """The cutoff equilibria of a game, with the cooperative-existence condition.

    Attributes
    ----------
    existence : sympy Boolean
        Where some equilibrium has cooperating types: the disjunction of the
        interior and full-cooperation equilibria's conditions, simplified.
    equations : tuple of sympy.Eq
        The indifference equations solved.
    """

    existence: Any = S.false
    equations: tuple = ()


def _corners(run: Run) -> list:
    """6. The all-defect and all-cooperate corner equilibria that can hold."""
    out = []
    for coop, at, condition in corner_conditions(run):
        target = "cooperate" if coop else "defect"
        out.append(
            CutoffEquilibrium(
                kind="full-cooperation corner (every type cooperates)"
                if coop
                else "no-cooperation corner (every type defects)",
                value=sympy.Tuple(*at),
                condition=condition,
                assumptions=run.assumptions,
                steps=(
                    Step(
                        f"every type prefers to {target}",
                        condition,
                        "the gain at both ends of each support",
                    ),
                ),
                cutoffs=at,
                stability=S.true,
                slope=None,
                symmetric=False,
                cooperative=coop,
                shape=CutoffShape.FULL_COOPERATION
                if coop
                else CutoffShape.NO_COOPERATION,
            )
        )
    return out


def _interior(run: Run, values, root, var):
    """4-5. One root as a :class:`CutoffEquilibrium`, or None if never valid."""
    condition, within = root_condition(run, values, root, var)
    if condition is S.false:
        return None
    v1, v2 = values
    value = slope(run, {run.h[0]: v1, run.h[1]: v2})
    stable = stability(run, value, root, within)
    return CutoffEquilibrium(
        kind="cutoff equilibrium",
        value=sympy.Tuple(v1, v2),
        condition=condition,
        assumptions=run.assumptions,
        steps=(
            *run.steps,
            Step("root", sympy.Tuple(v1, v2), f"solves {root.factor} = 0"),
            Step("validity", condition, "real, inside the supports, single crossing"),
            Step("best-response slope", value, "implicit differentiation"),
            Step("stable when", stable, "|slope| < 1"),
        ),
        cutoffs=(v1, v2),
        stability=stable,
        slope=value,
        symmetric=run.symmetric,
        cooperative=True,
    )


def _at_corner(values, corners) -> bool:
    """Whether a root is identically one of the corners' cutoff pairs."""
    v1, v2 = values
    return any(
        sympy.expand(v1 - a) == 0 and sympy.expand(v2 - b) == 0 for a, b in corners
    )


def cutoff_equilibria(
    game,
    types,
    *,
    cooperate=None,
    assumptions=(),
    symmetric: bool | None = None,
    budget=None,
) -> CutoffSolution:
    """Cutoff equilibria in closed form, with validity and stability conditions.

    Parameters
    ----------
    game : NormalFormGame or CutoffGame
        Two players, two actions each; player ``i``'s payoffs may depend on its
        own type symbol.
    types : Mapping or sequence of pairs
        ``{t_1: F_1, t_2: F_2}`` (see :func:`cutoff_game`); ignored for a
        :class:`CutoffGame`.
    cooperate : tuple of str, optional
        The cooperative actions; default each player's first action.
    assumptions : iterable of Boolean, optional
        Extra relations on the parameters.
    symmetric : bool, optional
        Solve the one symmetric equation ``h_1 = h_2`` (default: when the game
        and types are symmetric) or the two equations jointly (False).
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    CutoffSolution
        :class:`CutoffEquilibrium` results (corners first, then interior roots
        in root order) and the existence condition of a cooperative one.

    Raises
    ------
    UnsupportedError
        A cutoff equation of degree above 4 with symbolic coefficients (use
        :func:`numeric_cutoffs`), a gain not decreasing in the own type, or an
        asymmetric system not linear in the second cutoff.

    Examples
    --------
    >>> from symtrust import bimatrix, parameter, real, uniform
    >>> t1, t2 = real("t_1 t_2")
    >>> k = parameter("k", lower=0, upper=1, left_open=True, right_open=True)
    >>> game = bimatrix([[1, -k], [t1, 0]], [[1, t2], [-k, 0]])
    >>> sol = cutoff_equilibria(game, {t1: uniform(0, 2), t2: uniform(0, 2)})
    >>> [(eq.condition, eq.stability) for eq in sol[1:]]
    [(k**2 + 1 >= 6*k, False), (k**2 + 1 >= 6*k, k**2 + 1 > 6*k)]
    >>> sol.existence
    k**2 + 1 >= 6*k
    """
    g = (
        game
        if isinstance(game, CutoffGame)
        else cutoff_game(game, types, cooperate=cooperate, assumptions=assumptions)
    )
    # the marginal types' gains, 1. single crossing, 2. indifference
    run = start(g, symmetric, Budget.of(budget))
    single_crossing(run)
    indifference(run)
    # 3. the closed-form roots; 6. the corners, listed first
    roots = candidates(run)
    results = _corners(run)
    corners = [r.cutoffs for r in results]
    for values, root, var in roots:
        # a root identically at a corner is that corner, already reported
        if _at_corner(values, corners):
            v1, v2 = values
            run.notes.append(f"root ({v1}, {v2}) is a corner equilibrium, listed once")
            continue
        # 4. validity and 5. stability of each interior root
        eq = _interior(run, values, root, var)
        if eq is not None:
            results.append(eq)
    # 7. existence of a cooperative equilibrium
    existence = [r.condition for r in results if r.cooperative]
    exists = (
        simplify_rooted(sympy.Or(*existence), run.assumptions, run.budget)
        if existence
        else S.false
    )
    if not run.symmetric:
        run.notes.append(
            "mixed corners (one player's cutoff at a bound, the other's "
            "interior) are not searched"
        )
    return CutoffSolution(
        method="cutoff_equilibria",
        solver=cutoff_equilibria,
        game=g,
        results=tuple(results),
        notes=tuple(run.notes),
        existence=exists,
        equations=run.equations,
    )


def numeric_cutoffs(game, types=None, point=None, *, cooperate=None) -> CutoffSolution:
    """Cutoff equilibria at one parameter point, by exact real-root isolation.

    Any polynomial degree: at a numeric point the cutoff equation has rational
    coefficients and each real root is an exact algebraic number
    (:class:`sympy.CRootOf`, evaluate with ``.evalf()``); roots outside the
    supports are dropped, and stability is decided exactly.

    Parameters
    ----------
    game : NormalFormGame or CutoffGame
        As for :func:`cutoff_equilibria`.
    types : Mapping or sequence of pairs
        As for :func:`cutoff_equilibria` (ignored for a CutoffGame).
    point : Mapping
        Exact values for every parameter (type symbols excluded).

    Examples
    --------
    >>> from fractions import Fraction
    >>> from symtrust import bimatrix, real, uniform
    >>> t1, t2, k = real("t_1 t_2 k")
    >>> game = bimatrix([[1, -k], [t1, 0]], [[1, t2], [-k, 0]])
    >>> T = uniform(0, Fraction(3, 2))
    >>> sol = numeric_cutoffs(game, {t1: T, t2: T}, {k: Fraction(1, 4)})
    >>> [(eq.cutoffs, eq.stability) for eq in sol]
    [((0, 0), True), ((1/2, 1/2), False), ((3/4, 3/4), True)]
    """
    if point is None:
        raise ModelError("numeric_cutoffs needs a point: {parameter: exact value}")
    g = (
        game
        if isinstance(game, CutoffGame)
        else cutoff_game(game, types, cooperate=cooperate)
    )
    pt = {}
    for k, v in dict(point).items():
        # exact rationals only (nsimplify would rewrite some rationals as surds)
        if isinstance(v, Fraction):
            v = sympy.Rational(v.numerator, v.denominator)
        elif isinstance(v, int) and not isinstance(v, bool):
            v = sympy.Integer(v)
        if not (isinstance(v, sympy.Basic) and v.is_Rational):
            raise ModelError(f"point value {k}={v!r} must be an exact rational")
        pt[k] = v
    at = g.subs(pt)
    type_syms = {s for s, _ in at.types}
    free = set()
    for profile in at.game.profiles():
        for u in at.game.payoff(profile):
            free |= u.free_symbols - type_syms
    for _, d in at.types:
        free |= d.lower.free_symbols | d.upper.free_symbols
    if free:
        raise ModelError(
            f"point leaves parameters {sorted(map(str, free))} without values"
        )
    sol = cutoff_equilibria(at, None, symmetric=is_symmetric(at) or None)
    kept = [r for r in sol.results if r.condition is not S.false]
    return CutoffSolution(
        method="numeric_cutoffs",
        solver=numeric_cutoffs,
        game=at,
        results=tuple(kept),
        notes=sol.notes,
        existence=sol.existence,
        equations=sol.equations,
    )
