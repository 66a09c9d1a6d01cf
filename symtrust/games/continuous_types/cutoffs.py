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

import dataclasses
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous_types.model import CutoffGame, cutoff_game, is_symmetric
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import extend_or_none, sign_under, simplify_rooted
from symtrust.logic.decide import decide
from symtrust.logic.polyroots import polynomial_roots

__all__ = [
    "CutoffEquilibrium",
    "CutoffGame",
    "CutoffSolution",
    "cutoff_equilibria",
    "cutoff_game",
    "numeric_cutoffs",
]


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
    """

    cutoffs: tuple = ()
    stability: Any = S.true
    slope: Any = None
    symmetric: bool = False
    cooperative: bool = True

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


def _cutoff_symbols(g: CutoffGame):
    taken = {s.name for s in g.game.parameters} | {s.name for s, _ in g.types}
    out = []
    for s, _ in g.types:
        name = f"{s.name}^*"
        while name in taken:
            name += "'"
        out.append(sympy.Symbol(name, real=True))
    return tuple(out)


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
    budget = Budget.of(budget)
    g = (
        game
        if isinstance(game, CutoffGame)
        else cutoff_game(game, types, cooperate=cooperate, assumptions=assumptions)
    )
    assume = g.assumptions
    h = _cutoff_symbols(g)
    (t1, F1), (_, F2) = g.types
    F = (F1, F2)
    steps = []
    # expected gain of cooperating for each player's marginal type
    gains = tuple(g.gain(i, h[i], F[1 - i].cdf_at(h[1 - i])) for i in range(2))
    for i in range(2):
        steps.append(
            Step(
                f"gain of cooperating, {g.game.players[i]}",
                gains[i],
                "expected payoff of C minus D against the other's cutoff strategy",
            )
        )
    # single crossing: the gain decreases in the own type
    crossing = []
    for i in range(2):
        sym = g.types[i][0]
        slope_t = sympy.diff(g.gain(i, sym, F[1 - i].cdf_at(h[1 - i])), sym)
        if slope_t.has(sym):
            inside = extend_assumptions(
                assume,
                [
                    sym >= F[i].lower,
                    sym <= F[i].upper,
                    h[1 - i] > F[1 - i].lower,
                    h[1 - i] <= F[1 - i].upper,
                ],
            )
            if decide(slope_t < 0, inside, budget=budget).truth is not True:
                raise UnsupportedError(
                    f"could not prove that the gain of cooperating, {slope_t} per "
                    f"unit of {sym}, is negative: the best response to a cutoff "
                    "need not be a cutoff"
                )
            slope_t = S.NegativeOne
        crossing.append(slope_t < 0)
        steps.append(
            Step(
                f"single crossing, {g.game.players[i]}",
                slope_t < 0,
                "the gain falls in the own type, so best responses are cutoffs",
            )
        )
    sym_case = is_symmetric(g) if symmetric is None else symmetric
    if sym_case and not is_symmetric(g):
        raise ModelError(
            "symmetric=True, but the game or the type distributions are not "
            "symmetric under exchanging the players"
        )
    # indifference of the marginal types, cleared of denominators
    nums, dens = [], []
    for i in range(2):
        num, den = sympy.fraction(sympy.cancel(sympy.together(gains[i])))
        nums.append(sympy.expand(num))
        dens.append(den)
    equations = tuple(sympy.Eq(n, 0) for n in nums)
    steps.append(
        Step(
            "indifference of the marginal types",
            sympy.Tuple(*equations),
            "Delta_i(h_i, F_j(h_j)) = 0, denominators cleared",
        )
    )
    notes = []
    if sym_case:
        x = sympy.Symbol(h[0].name.replace(t1.name, "t"), real=True)
        both = {h[0]: x, h[1]: x}
        poly = sympy.expand(nums[0].xreplace(both))
        steps.append(Step("symmetric cutoff equation", sympy.Eq(poly, 0), "h_1 = h_2"))
        roots, more = polynomial_roots(poly, x)
        notes.extend(more)
        candidates = [((r.value, r.value), r, x) for r in roots]
        notes.append(
            "symmetric equilibria only (h_1 = h_2); pass symmetric=False "
            "for asymmetric ones"
        )
    else:
        candidates = _joint_roots(nums, h, steps, notes)
    results = list(_corners(g, gains, h, crossing, assume, budget))
    existence = [r.condition for r in results if r.cooperative]
    corners = [r.cutoffs for r in results]
    for (v1, v2), root, var in candidates:
        at = {h[0]: v1, h[1]: v2}
        # a root identically at a corner is that corner, already reported
        if any(
            sympy.expand(v1 - a) == 0 and sympy.expand(v2 - b) == 0 for a, b in corners
        ):
            notes.append(f"root ({v1}, {v2}) is a corner equilibrium, listed once")
            continue
        # real root first (stated explicitly), then the rest given that
        real = simplify_rooted(root.condition, assume, budget)
        given = extend_or_none(assume, real)
        if real is S.false or given is None:
            notes.append(f"root ({v1}, {v2}) is never real")
            continue
        lead = sympy.Poly(root.factor, var).LC()
        lead_sign = sign_under(lead, given.conditions, budget=budget)
        inside_1 = root.within(var, F1.lower, F1.upper, lead_sign)
        inside_2 = (
            inside_1.xreplace({F1.lower: F2.lower, F1.upper: F2.upper})
            if sym_case
            else F2.support_condition(v2)
        )
        rest = sympy.And(
            *(c.xreplace(at) for c in crossing),
            *(sympy.Ne(d.xreplace(at), 0) for d in dens if not d.is_number),
            inside_1,
            inside_2,
        )
        rest = simplify_rooted(rest, given, budget)
        condition = S.false if rest is S.false else sympy.And(real, rest)
        if condition is S.false:
            notes.append(f"root ({v1}, {v2}) is never a valid cutoff pair")
            continue
        slope = _slope(gains, h, at, sym_case)
        within = extend_or_none(assume, condition)
        if within is None:
            notes.append(f"root ({v1}, {v2}) is never a valid cutoff pair")
            continue
        stability = _stability(slope, root, within, budget)
        eq_steps = (
            *steps,
            Step("root", sympy.Tuple(v1, v2), f"solves {root.factor} = 0"),
            Step("validity", condition, "real, inside the supports, single crossing"),
            Step("best-response slope", slope, "implicit differentiation"),
            Step("stable when", stability, "|slope| < 1"),
        )
        results.append(
            CutoffEquilibrium(
                kind="cutoff equilibrium",
                value=sympy.Tuple(v1, v2),
                condition=condition,
                assumptions=assume,
                steps=eq_steps,
                cutoffs=(v1, v2),
                stability=stability,
                slope=slope,
                symmetric=sym_case,
                cooperative=True,
            )
        )
        existence.append(condition)
    exists = (
        simplify_rooted(sympy.Or(*existence), assume, budget) if existence else S.false
    )
    if not sym_case:
        notes.append(
            "mixed corners (one player's cutoff at a bound, the other's "
            "interior) are not searched"
        )
    return CutoffSolution(
        method="cutoff_equilibria",
        solver=cutoff_equilibria,
        game=g,
        results=tuple(results),
        notes=tuple(notes),
        existence=exists,
        equations=equations,
    )


def _joint_roots(nums, h, steps, notes):
    """Solve the two indifference equations: resultant, then back-substitution."""
    res = sympy.expand(sympy.resultant(nums[0], nums[1], h[1]))
    steps.append(
        Step(
            f"eliminate {h[1]}",
            sympy.Eq(sympy.factor(res), 0),
            "resultant of the two indifference equations",
        )
    )
    # back-substitute through an equation linear in h_2
    linear = next((n for n in nums if sympy.Poly(n, h[1]).degree() == 1), None)
    if linear is None:
        raise UnsupportedError(
            f"neither indifference equation is linear in {h[1]}; back-substitution "
            "for the second cutoff is not supported (use numeric_cutoffs)"
        )
    a1, a0 = sympy.Poly(linear, h[1]).all_coeffs()
    roots, more = polynomial_roots(res, h[0])
    notes.extend(more)
    out = []
    for r in roots:
        v2 = sympy.cancel(-a0.xreplace({h[0]: r.value}) / a1.xreplace({h[0]: r.value}))
        cond = sympy.And(r.condition, sympy.Ne(a1.xreplace({h[0]: r.value}), 0))
        out.append(((r.value, v2), dataclasses.replace(r, condition=cond), h[0]))
    return out


def _stability(slope, root, within, budget):
    """Where ``|slope| < 1``; tried as-is, then as a strict discriminant sign."""
    stable = sympy.Abs(slope) < 1
    out = simplify_rooted(stable, within, budget)
    if out in (S.true, S.false) or root.discriminant is None:
        return out
    # stability typically changes where two roots meet: D = 0
    disc = root.discriminant
    for candidate in (disc > 0, disc < 0):
        same = decide(sympy.Equivalent(stable, candidate), within, budget=budget)
        if same.truth is True:
            return simplify_rooted(candidate, within, budget)
    return out


def _slope(gains, h, at, symmetric):
    """Slope of the best-response map at a root (composed if asymmetric)."""
    s = []
    for i in range(2):
        num = -sympy.diff(gains[i], h[1 - i])
        den = sympy.diff(gains[i], h[i])
        s.append((num / den).xreplace(at))
    if symmetric:
        # tidy only rational functions and square roots (Cardano roots are slow)
        roots = [
            p.exp
            for p in sympy.preorder_traversal(s[0])
            if isinstance(p, sympy.Pow) and p.exp.is_Rational and not p.exp.is_Integer
        ]
        if all(e.q == 2 for e in roots):
            return sympy.radsimp(sympy.cancel(s[0]))
        return s[0]
    return s[0] * s[1]


def _corners(g, gains, h, crossing, assume, budget):
    """All-defect and all-cooperate corner equilibria."""
    F = (g.types[0][1], g.types[1][1])
    for where, target, coop in (
        ("lower", "defect", False),
        ("upper", "cooperate", True),
    ):
        at = {h[i]: getattr(F[i], where) for i in range(2)}
        parts = []
        for i in range(2):
            sym = g.types[i][0]
            p = F[1 - i].cdf_at(at[h[1 - i]])
            gain = g.gain(i, sym, p)
            # every type in the support prefers the corner action: the gain is
            # monotone in the type, so the two ends of the support decide it
            for end in (F[i].lower, F[i].upper):
                value = gain.xreplace({sym: end})
                parts.append(value <= 0 if not coop else value >= 0)
        condition = simplify_rooted(sympy.And(*parts), assume, budget)
        if condition is S.false:
            continue
        kind = (
            "no-cooperation corner (every type defects)"
            if not coop
            else "full-cooperation corner (every type cooperates)"
        )
        yield CutoffEquilibrium(
            kind=kind,
            value=sympy.Tuple(at[h[0]], at[h[1]]),
            condition=condition,
            assumptions=assume,
            steps=(
                Step(
                    f"every type prefers to {target}",
                    condition,
                    "the gain at both ends of each support",
                ),
            ),
            cutoffs=(at[h[0]], at[h[1]]),
            stability=S.true,
            slope=None,
            symmetric=False,
            cooperative=coop,
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
