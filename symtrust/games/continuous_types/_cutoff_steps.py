"""Internals of :func:`~symtrust.games.continuous_types.cutoffs.cutoff_equilibria`.

The steps the entry point's docstring numbers (Kydd 2005, ch. 2: cutoff
strategies in the Security Dilemma Game with continuous types), one function
each, sharing one :class:`Run` (the game, its assumptions, the cutoff symbols
and the steps and notes gathered so far):

1. :func:`single_crossing`: ``dDelta_i/dt < 0``, proved under the assumptions;
2. :func:`indifference`: ``Delta_i(h_i, F_j(h_j)) = 0``, cleared of
   denominators;
3. :func:`candidates`: the symmetric polynomial in ``h`` or, jointly, the
   resultant in ``h_2`` and back-substitution;
4. :func:`root_condition`: a root's validity (real, inside both supports,
   single crossing, nonzero denominators);
5. :func:`slope` and :func:`stability`: the best-response slope at the root
   and where it is below 1 in absolute value;
6. :func:`corner_conditions`: nobody or everybody cooperates.

Examples
--------
>>> from symtrust import bimatrix, parameter, real, uniform
>>> from symtrust.games.continuous_types.model import cutoff_game
>>> t1, t2 = real("t_1 t_2")
>>> k = parameter("k", lower=0, upper=1, left_open=True, right_open=True)
>>> g = cutoff_game(bimatrix([[1, -k], [t1, 0]], [[1, t2], [-k, 0]]),
...                 {t1: uniform(0, 2), t2: uniform(0, 2)})
>>> run = start(g, None, None)
>>> [str(s.label) for s in run.steps][:2]
['gain of cooperating, row', 'gain of cooperating, column']
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous_types.model import CutoffGame, is_symmetric
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import extend_or_none, sign_under, simplify_rooted
from symtrust.logic.decide import decide
from symtrust.logic.polyroots import polynomial_roots

__all__ = [
    "Run",
    "candidates",
    "corner_conditions",
    "indifference",
    "root_condition",
    "single_crossing",
    "slope",
    "stability",
    "start",
]


@dataclass
class Run:
    """One solver run: the game, its symbols, and what has been derived so far.

    Attributes
    ----------
    game : CutoffGame
    h : tuple of sympy.Symbol
        The cutoff symbols ``(h_1, h_2)``.
    gains : tuple
        ``Delta_i(h_i, F_j(h_j))`` for both players.
    symmetric : bool
        Whether the one symmetric equation is solved.
    budget : Budget
    crossing, nums, dens, equations : tuple
        Single-crossing conditions; indifference numerators, denominators and
        equations.
    steps, notes : list
        The derivation so far, and what the user should know.
    """

    game: CutoffGame
    h: tuple
    gains: tuple
    symmetric: bool
    budget: Budget
    crossing: tuple = ()
    nums: tuple = ()
    dens: tuple = ()
    equations: tuple = ()
    steps: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def assumptions(self):
        """The game's assumptions."""
        return self.game.assumptions

    @property
    def dists(self) -> tuple:
        """The two type distributions."""
        return (self.game.types[0][1], self.game.types[1][1])


def _cutoff_symbols(g: CutoffGame) -> tuple:
    taken = {s.name for s in g.game.parameters} | {s.name for s, _ in g.types}
    out = []
    for s, _ in g.types:
        name = f"{s.name}^*"
        while name in taken:
            name += "'"
        out.append(sympy.Symbol(name, real=True))
    return tuple(out)


def start(g: CutoffGame, symmetric: bool | None, budget) -> Run:
    """A run with the marginal types' gains of cooperating (the first steps)."""
    sym_case = is_symmetric(g) if symmetric is None else symmetric
    if sym_case and not is_symmetric(g):
        raise ModelError(
            "symmetric=True, but the game or the type distributions are not "
            "symmetric under exchanging the players"
        )
    h = _cutoff_symbols(g)
    F = (g.types[0][1], g.types[1][1])
    # expected gain of cooperating for each player's marginal type
    gains = tuple(g.gain(i, h[i], F[1 - i].cdf_at(h[1 - i])) for i in range(2))
    run = Run(g, h, gains, sym_case, Budget.of(budget))
    for i in range(2):
        run.steps.append(
            Step(
                f"gain of cooperating, {g.game.players[i]}",
                gains[i],
                "expected payoff of C minus D against the other's cutoff strategy",
            )
        )
    return run


def single_crossing(run: Run) -> None:
    """1. The gain decreases in the own type, proved on the supports."""
    g, h, F = run.game, run.h, run.dists
    crossing = []
    for i in range(2):
        sym = g.types[i][0]
        slope_t = sympy.diff(g.gain(i, sym, F[1 - i].cdf_at(h[1 - i])), sym)
        if slope_t.has(sym):
            inside = extend_assumptions(
                run.assumptions,
                [
                    sym >= F[i].lower,
                    sym <= F[i].upper,
                    h[1 - i] > F[1 - i].lower,
                    h[1 - i] <= F[1 - i].upper,
                ],
            )
            if decide(slope_t < 0, inside, budget=run.budget).truth is not True:
                raise UnsupportedError(
                    f"could not prove that the gain of cooperating, {slope_t} per "
                    f"unit of {sym}, is negative: the best response to a cutoff "
                    "need not be a cutoff"
                )
            slope_t = S.NegativeOne
        crossing.append(slope_t < 0)
        run.steps.append(
            Step(
                f"single crossing, {g.game.players[i]}",
                slope_t < 0,
                "the gain falls in the own type, so best responses are cutoffs",
            )
        )
    run.crossing = tuple(crossing)


def indifference(run: Run) -> None:
    """2. The indifference of the marginal types, cleared of denominators."""
    nums, dens = [], []
    for gain in run.gains:
        num, den = sympy.fraction(sympy.cancel(sympy.together(gain)))
        nums.append(sympy.expand(num))
        dens.append(den)
    run.nums, run.dens = tuple(nums), tuple(dens)
    run.equations = tuple(sympy.Eq(n, 0) for n in nums)
    run.steps.append(
        Step(
            "indifference of the marginal types",
            sympy.Tuple(*run.equations),
            "Delta_i(h_i, F_j(h_j)) = 0, denominators cleared",
        )
    )


def candidates(run: Run) -> list:
    """3. ``((h_1, h_2), root, unknown)`` for each closed-form root."""
    if not run.symmetric:
        return _joint_roots(run)
    h, t1 = run.h, run.game.types[0][0]
    x = sympy.Symbol(h[0].name.replace(t1.name, "t"), real=True)
    poly = sympy.expand(run.nums[0].xreplace({h[0]: x, h[1]: x}))
    run.steps.append(Step("symmetric cutoff equation", sympy.Eq(poly, 0), "h_1 = h_2"))
    roots, more = polynomial_roots(poly, x)
    run.notes.extend(more)
    run.notes.append(
        "symmetric equilibria only (h_1 = h_2); pass symmetric=False "
        "for asymmetric ones"
    )
    return [((r.value, r.value), r, x) for r in roots]


def _joint_roots(run: Run) -> list:
    """Solve the two indifference equations: resultant, then back-substitution."""
    nums, h = run.nums, run.h
    res = sympy.expand(sympy.resultant(nums[0], nums[1], h[1]))
    run.steps.append(
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
    run.notes.extend(more)
    out = []
    for r in roots:
        v2 = sympy.cancel(-a0.xreplace({h[0]: r.value}) / a1.xreplace({h[0]: r.value}))
        cond = sympy.And(r.condition, sympy.Ne(a1.xreplace({h[0]: r.value}), 0))
        out.append(((r.value, v2), dataclasses.replace(r, condition=cond), h[0]))
    return out


def root_condition(run: Run, values, root, var) -> tuple:
    """4. Where a root is a valid cutoff pair, and the assumptions given that.

    ``(False, None)``, with a note, when it never is.
    """
    v1, v2 = values
    assume, budget = run.assumptions, run.budget
    (F1, F2), at = run.dists, {run.h[0]: v1, run.h[1]: v2}
    # real root first (stated explicitly), then the rest given that
    real = simplify_rooted(root.condition, assume, budget)
    given = extend_or_none(assume, real)
    if real is S.false or given is None:
        run.notes.append(f"root ({v1}, {v2}) is never real")
        return S.false, None
    lead = sympy.Poly(root.factor, var).LC()
    lead_sign = sign_under(lead, given.conditions, budget=budget)
    inside_1 = root.within(var, F1.lower, F1.upper, lead_sign)
    inside_2 = (
        inside_1.xreplace({F1.lower: F2.lower, F1.upper: F2.upper})
        if run.symmetric
        else F2.support_condition(v2)
    )
    rest = sympy.And(
        *(c.xreplace(at) for c in run.crossing),
        *(sympy.Ne(d.xreplace(at), 0) for d in run.dens if not d.is_number),
        inside_1,
        inside_2,
    )
    rest = simplify_rooted(rest, given, budget)
    condition = S.false if rest is S.false else sympy.And(real, rest)
    within = None if condition is S.false else extend_or_none(assume, condition)
    if within is None:
        run.notes.append(f"root ({v1}, {v2}) is never a valid cutoff pair")
        return S.false, None
    return condition, within


def slope(run: Run, at) -> sympy.Expr:
    """5. Slope of the best-response map at a root (composed if asymmetric)."""
    gains, h = run.gains, run.h
    s = []
    for i in range(2):
        num = -sympy.diff(gains[i], h[1 - i])
        den = sympy.diff(gains[i], h[i])
        s.append((num / den).xreplace(at))
    if not run.symmetric:
        return s[0] * s[1]
    # tidy only rational functions and square roots (Cardano roots are slow)
    roots = [
        p.exp
        for p in sympy.preorder_traversal(s[0])
        if isinstance(p, sympy.Pow) and p.exp.is_Rational and not p.exp.is_Integer
    ]
    if all(e.q == 2 for e in roots):
        return sympy.radsimp(sympy.cancel(s[0]))
    return s[0]


def stability(run: Run, value, root, within) -> Any:
    """5. Where ``|slope| < 1``; tried as-is, then as a strict discriminant sign."""
    stable = sympy.Abs(value) < 1
    out = simplify_rooted(stable, within, run.budget)
    if out in (S.true, S.false) or root.discriminant is None:
        return out
    # stability typically changes where two roots meet: D = 0
    disc = root.discriminant
    for candidate in (disc > 0, disc < 0):
        same = decide(sympy.Equivalent(stable, candidate), within, budget=run.budget)
        if same.truth is True:
            return simplify_rooted(candidate, within, run.budget)
    return out


def corner_conditions(run: Run):
    """6. ``(cooperative, cutoffs, condition)`` of the two corners that can hold."""
    g, F = run.game, run.dists
    for where, coop in (("lower", False), ("upper", True)):
        at = tuple(getattr(F[i], where) for i in range(2))
        parts = []
        for i in range(2):
            sym = g.types[i][0]
            gain = g.gain(i, sym, F[1 - i].cdf_at(at[1 - i]))
            # every type in the support prefers the corner action: the gain is
            # monotone in the type, so the two ends of the support decide it
            for end in (F[i].lower, F[i].upper):
                value = gain.xreplace({sym: end})
                parts.append(value >= 0 if coop else value <= 0)
        condition = simplify_rooted(sympy.And(*parts), run.assumptions, run.budget)
        if condition is not S.false:
            yield coop, at, condition
