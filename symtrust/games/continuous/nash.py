"""Nash equilibria of continuous games by first-order conditions.

For every assignment of a *regime* to each player (interior, at the lower
bound, at the upper bound):

1. the corner players' actions are fixed at their bounds;
2. the interior players' first-order conditions ``du_i/da_i = 0`` are solved
   jointly (exactly; a system SymPy cannot solve is an
   :class:`~symtrust.errors.UnsupportedError` naming the equations and their
   degree);
3. the equilibrium's condition collects: each interior action inside its
   interval; ``du_i/da_i <= 0`` at a lower corner and ``>= 0`` at an upper
   one; for a player whose concavity in the own action z3 did not prove, the
   second-order condition ``d2u_i/da_i2 < 0`` at the profile (the
   equilibrium is then a local one, and says so);
4. the condition is simplified under the assumptions and the regime dropped
   where it is unsatisfiable.

With concavity proved for every player, the first-order (Kuhn-Tucker)
conditions are necessary and sufficient, so the results are all the
equilibria; uniqueness is then decided by z3 (no two results' conditions
overlap) and reported on each result.

The symmetric shortcut (:func:`symmetric_nash`) solves one first-order
condition, ``du/dx = 0`` at ``X = (n - 1) x``, for any ``n`` (a parameter
included): the symmetric equilibria only.

Source: Fudenberg and Tirole (1991), *Game Theory*, section 1.2; Vives
(1999), *Oligopoly Pricing*, ch. 2 (symmetric aggregative games).

Examples
--------
>>> from symtrust.games.continuous import continuous_game
>>> import sympy
>>> from symtrust import positive, nonnegative
>>> a, b, c = positive("a b c")
>>> q1, q2 = nonnegative("q1 q2")
>>> g = continuous_game(("firm 1", "firm 2"), (q1, q2),
...     (q1 * (a - b * (q1 + q2)) - c * q1, q2 * (a - b * (q1 + q2)) - c * q2),
...     assumptions=[a > c])
>>> sol = continuous_nash(g)
>>> [eq.profile for eq in sol]
[((a - c)/(3*b), (a - c)/(3*b))]
>>> sol[0].unique
True
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError
from symtrust.games.continuous._system import solve_system
from symtrust.games.continuous._validate import check_differentiable, within
from symtrust.games.continuous.best_response import box_assumptions, first_order
from symtrust.games.continuous.model import ContinuousGame, SymmetricContinuousGame
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide, satisfiable

__all__ = [
    "ContinuousEquilibrium",
    "SymmetricEquilibrium",
    "continuous_nash",
    "symmetric_nash",
]

#: Largest number of corner regimes enumerated (beyond it: interior only).
MAX_REGIMES = 64
#: Largest number of equilibria compared pairwise for uniqueness (beyond: None).
MAX_UNIQUE = 8

INTERIOR, LOWER, UPPER = "interior", "lower bound", "upper bound"


@dataclass(frozen=True, kw_only=True)
class ContinuousEquilibrium(Result):
    """A Nash equilibrium of a continuous game, with its condition.

    Attributes
    ----------
    players : tuple of str
    profile : tuple of sympy.Expr
        Each player's equilibrium action (also ``value``).
    regimes : tuple of str
        Each player's regime: ``"interior"``, ``"lower bound"``, ``"upper bound"``.
    concave : tuple of (bool or None)
        Whether each player's concavity in the own action was proved; where
        not, the equilibrium is local (its condition holds the second-order
        condition).
    unique : bool or None
        True: z3 proved no other equilibrium's condition overlaps this one's
        (with concavity proved, these are all the equilibria); False: some
        admissible point has several; None: undecided, not applicable, or
        more than :data:`MAX_UNIQUE` equilibria.
    """

    players: tuple = ()
    profile: tuple = ()
    regimes: tuple = ()
    concave: tuple = ()
    unique: bool | None = None

    def action(self, player) -> sympy.Expr:
        """The equilibrium action of a player (by name).

        Examples
        --------
        >>> from symtrust.games.continuous import continuous_game
        >>> import sympy
        >>> x = sympy.Symbol("x", real=True)
        >>> g = continuous_game(("A",), (x,), (x - x**2,), bounds=((0, 1),))
        >>> continuous_nash(g)[0].action("A")
        1/2
        """
        if player not in self.players:
            raise ModelError(f"unknown player {player!r}; players are {self.players}")
        return self.profile[self.players.index(player)]

    @property
    def is_global(self) -> bool:
        """Whether every player's concavity was proved (a global equilibrium)."""
        return all(c is True for c in self.concave)

    def display_rows(self):
        """One row per player: the action and its regime."""
        rows = [
            (f"{p} ({r})", v)
            for p, r, v in zip(self.players, self.regimes, self.profile, strict=True)
        ]
        if self.unique is True:
            rows.append(("uniqueness", "the only equilibrium where it holds"))
        if not self.is_global:
            rows.append(("note", "local: concavity not proved for every player"))
        return tuple(rows)


def _regimes(game, corners):
    options = []
    for lo, hi in game.bounds:
        opts = [INTERIOR]
        if corners and lo.is_finite is not False:
            opts.append(LOWER)
        if corners and hi.is_finite is not False:
            opts.append(UPPER)
        options.append(opts)
    total = 1
    for opts in options:
        total *= len(opts)
    if total > MAX_REGIMES:
        return [tuple(INTERIOR for _ in game.players)], (
            f"{total} corner regimes exceed {MAX_REGIMES}: only interior "
            "equilibria were searched",
        )
    return list(itertools.product(*options)), ()


def _case(game, regime, derivs, concave, assume, budget):
    """The equilibria of one regime: (list of (profile, condition), notes)."""
    fixed = {}
    for a, r, (lo, hi) in zip(game.actions, regime, game.bounds, strict=True):
        if r == LOWER:
            fixed[a] = lo
        elif r == UPPER:
            fixed[a] = hi
    inner = [a for a, r in zip(game.actions, regime, strict=True) if r == INTERIOR]
    eqs = [
        g.xreplace(fixed)
        for (g, _), r in zip(derivs, regime, strict=True)
        if r == INTERIOR
    ]
    out = []
    flat = [a for a, e in zip(inner, eqs, strict=True) if sympy.simplify(e) == 0]
    if flat:
        # indifferent over the whole interval: a continuum of best responses
        return out, (
            f"regime {regime}: the marginal utility of {', '.join(map(str, flat))} "
            "vanishes identically there (a continuum of best responses); not "
            "enumerated",
        )
    notes = []
    for sol in solve_system(eqs, tuple(inner)):
        point = {**fixed, **{a: sympy.simplify(v) for a, v in sol.items()}}
        profile = tuple(point[a] for a in game.actions)
        if any(_undefined(u.xreplace(point)) for u in game.utilities):
            notes.append(
                f"regime {regime}: a utility is undefined at {profile} (0/0, as in a "
                "contest where nobody spends): not an equilibrium there"
            )
            continue
        parts = []
        for i, (r, (lo, hi)) in enumerate(zip(regime, game.bounds, strict=True)):
            g, h = (d.xreplace(point) for d in derivs[i])
            if _undefined(g) and r != INTERIOR:
                # the one-sided marginal utility at the corner
                a_i = game.actions[i]
                rest = {k: v for k, v in point.items() if k != a_i}
                side = "+" if r == LOWER else "-"
                g = sympy.limit(derivs[i][0].xreplace(rest), a_i, profile[i], side)
            v = profile[i]
            if r == INTERIOR:
                parts += within(v, lo, hi)
                if concave[i] is not True:
                    parts.append(h < 0)
            elif r == LOWER:
                parts.append(g <= 0)
            else:
                parts.append(g >= 0)
        parts += [sympy.Ne(sympy.denom(sympy.together(v)), 0) for v in profile]
        cond = simplify_condition(sympy.And(*parts), assume, budget=budget)
        if cond is S.false or satisfiable(cond, assume, budget=budget).truth is False:
            continue
        out.append((profile, cond))
    return out, tuple(notes)


def _undefined(e) -> bool:
    return isinstance(e, sympy.Basic) and e.has(S.NaN, S.ComplexInfinity)


def _merge_equal(found, assume, budget) -> list:
    """One entry per profile: regimes that give the same point are one equilibrium.

    An interior solution can land on a bound (the best response meets the
    corner), so two regimes may report the same profile; listing it twice
    would also make uniqueness fail. Conditions are joined with ``Or`` and the
    regimes per player with "or".
    """
    merged: dict = {}
    for regime, profile, cond in found:
        key = tuple(profile) if isinstance(profile, tuple) else (profile,)
        if key not in merged:
            merged[key] = (regime, profile, cond)
            continue
        r0, p0, c0 = merged[key]
        r0 = (r0,) if isinstance(r0, str) else r0
        r1 = (regime,) if isinstance(regime, str) else regime
        joined = tuple(
            a if a == b else f"{a} or {b}" for a, b in zip(r0, r1, strict=True)
        )
        joined = joined[0] if isinstance(regime, str) else joined
        cond = simplify_condition(sympy.Or(c0, cond), assume, budget=budget)
        merged[key] = (joined, p0, cond)
    return list(merged.values())


def _drop_subsumed(found, assume, budget) -> list:
    """Drop an equilibrium that is another one wherever it holds.

    A corner regime can hold only on the boundary of another regime's region
    (``a = c + 3 k``, where the interior output meets the capacity), and there
    give the same profile: it adds no equilibrium, only a measure-zero copy.
    Entry ``i`` goes when z3 proves ``c_i => c_j and p_i = p_j`` for a kept
    ``j``; undecided keeps it. Beyond :data:`MAX_UNIQUE` entries nothing is
    compared.
    """
    if len(found) < 2 or len(found) > MAX_UNIQUE:
        return found
    dropped: set = set()
    for i, (_, pi, ci) in enumerate(found):
        for j, (_, pj, cj) in enumerate(found):
            if j == i or j in dropped:
                continue
            same = sympy.And(cj, sympy.Not(_differ(pi, pj)))
            if decide(sympy.Implies(ci, same), assume, budget=budget).truth is True:
                dropped.add(i)
                break
    return [f for k, f in enumerate(found) if k not in dropped]


def _differ(p, q):
    """The condition that two profiles (tuples or single actions) differ."""
    p = p if isinstance(p, tuple) else (p,)
    q = q if isinstance(q, tuple) else (q,)
    return sympy.Or(*(sympy.Ne(a, b) for a, b in zip(p, q, strict=True)))


def _uniqueness(found, concave, assume, budget) -> list:
    """Per equilibrium: no other one holds at a point where it holds, elsewhere.

    Two equilibria whose conditions overlap only where their profiles
    coincide (a boundary where an interior solution meets a corner) are the
    same point there, so they do not break uniqueness.
    """
    if not all(c is True for c in concave) or len(found) > MAX_UNIQUE:
        return [None] * len(found)
    out = []
    for i, (_, pi, ci) in enumerate(found):
        verdicts = [
            decide(
                sympy.Not(sympy.And(ci, cj, _differ(pi, pj))), assume, budget=budget
            ).truth
            for j, (_, pj, cj) in enumerate(found)
            if j != i
        ]
        if all(v is True for v in verdicts):
            out.append(True)
        elif any(v is False for v in verdicts):
            out.append(False)
        else:
            out.append(None)
    return out


def _nash_steps(game, derivs, concave) -> tuple:
    """The first-order conditions and what z3 found about concavity."""
    focs = tuple(
        Step(f"first-order condition of {p}", sympy.Eq(g, 0), f"du/d{a} = 0")
        for p, a, (g, _) in zip(game.players, game.actions, derivs, strict=True)
    )
    return focs + tuple(
        Step(
            f"concavity of {p}",
            h <= 0,
            "the second derivative is nonpositive on the box"
            if c is True
            else "refuted: equilibria are local"
            if c is False
            else "undecided: stated as a condition",
        )
        for p, (_, h), c in zip(game.players, derivs, concave, strict=True)
    )


def continuous_nash(
    game: ContinuousGame, *, corners: bool = True, budget=None
) -> Solution:
    """Nash equilibria of a continuous game from the first-order conditions.

    Parameters
    ----------
    game : ContinuousGame
    corners : bool
        Whether to search equilibria with actions at the interval bounds
        (up to :data:`MAX_REGIMES` regimes; beyond, interior only, noted).
    budget : Budget, float or None
        Time for the z3 decisions.

    Returns
    -------
    Solution
        Of :class:`ContinuousEquilibrium`, one per regime and solution whose
        condition is satisfiable; notes record what concavity z3 proved.

    Raises
    ------
    ModelError
        A utility not differentiable in the player's own action.
    UnsupportedError
        A first-order system SymPy cannot solve (naming the equations and
        their degree).

    Examples
    --------
    >>> from symtrust.games.continuous import continuous_game
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> g = continuous_game(("A",), (x,), (-(x - 2)**2,), bounds=((0, 1),))
    >>> [(eq.profile, eq.regimes) for eq in continuous_nash(g)]
    [((1,), ('upper bound',))]
    """
    if not isinstance(game, ContinuousGame):
        raise ModelError(f"continuous_nash needs a ContinuousGame, got {game!r}")
    budget = Budget.of(budget)
    derivs = [first_order(game, i) for i in range(len(game.players))]
    box = box_assumptions(game)
    concave = tuple(decide(h <= 0, box, budget=budget).truth for _, h in derivs)
    assume = game.assumptions
    regimes, notes = _regimes(game, corners)
    found = []
    for regime in regimes:
        cases, note = _case(game, regime, derivs, concave, assume, budget)
        notes = (*notes, *note)
        for profile, cond in cases:
            found.append((regime, profile, cond))
    found = _drop_subsumed(_merge_equal(found, assume, budget), assume, budget)
    unique = _uniqueness(found, concave, assume, budget)
    steps = _nash_steps(game, derivs, concave)
    results = tuple(
        ContinuousEquilibrium(
            kind="Nash equilibrium (first-order conditions)",
            value=profile,
            condition=cond,
            assumptions=assume,
            steps=(*steps, Step("solution", sympy.Tuple(*profile), ", ".join(regime))),
            game=game,
            players=game.players,
            profile=profile,
            regimes=regime,
            concave=concave,
            unique=u,
        )
        for (regime, profile, cond), u in zip(found, unique, strict=True)
    )
    if not all(c is True for c in concave):
        notes = (*notes, "concavity not proved for every player: equilibria are local")
    elif len(found) > MAX_UNIQUE:
        notes = (
            *notes,
            f"{len(found)} equilibria: uniqueness not compared pairwise (more "
            f"than {MAX_UNIQUE})",
        )
    return Solution(
        method="continuous_nash",
        game=game,
        results=results,
        notes=notes,
        solver=continuous_nash,
    )


@dataclass(frozen=True, kw_only=True)
class SymmetricEquilibrium(Result):
    """A symmetric equilibrium of a symmetric continuous game.

    Attributes
    ----------
    n : sympy.Expr
        The number of players.
    action : sympy.Expr
        Every player's action (also ``value``).
    regime : str
        ``"interior"``, ``"lower bound"`` or ``"upper bound"``.
    concave : bool or None
        Whether concavity in the own action was proved on the box.
    unique : bool or None
        Whether it is the only *symmetric* equilibrium where it holds.
    """

    n: sympy.Expr = None
    action: sympy.Expr = None
    regime: str = INTERIOR
    concave: bool | None = None
    unique: bool | None = None

    def display_rows(self):
        """The common action and its regime."""
        return ((f"each of the {self.n} players ({self.regime})", self.action),)


def _symmetric_box(game):
    x, others, (lo, hi), n = game.action, game.others, game.bounds, game.n
    box = []
    for sym, low, high in ((x, lo, hi), (others, (n - 1) * lo, (n - 1) * hi)):
        if lo.is_finite is not False:
            box.append(sym >= low)
        if hi.is_finite is not False:
            box.append(sym <= high)
    box = [c for c in box if c is not S.true]
    return extend_assumptions(game.assumptions, box, symbols=(x, others))


def _symmetric_cases(game, gs, hs, concave) -> list:
    """(regime, action, raw condition) for the interior solutions and corners."""
    x, (lo, hi) = game.action, game.bounds
    cases = []
    for sol in solve_system([gs], (x,)):
        v = sympy.factor(sympy.simplify(sol[x]))
        parts = [*within(v, lo, hi), sympy.Ne(sympy.denom(sympy.together(v)), 0)]
        if concave is not True:
            parts.append(hs.xreplace({x: v}) < 0)
        cases.append((INTERIOR, v, sympy.And(*parts)))
    for regime, bound, rel, side in (
        (LOWER, lo, sympy.Le, "+"),
        (UPPER, hi, sympy.Ge, "-"),
    ):
        if bound.is_finite is not False:
            at = gs.xreplace({x: bound})
            if at.has(S.NaN, S.ComplexInfinity):
                # undefined at the corner (a contest at zero effort): its one-sided limit
                at = sympy.limit(gs, x, bound, side)
            if at.is_finite is False:
                if (at is S.Infinity) == (rel is sympy.Ge):
                    cases.append((regime, bound, S.true))
                continue
            cases.append((regime, bound, rel(at, 0)))
    return cases


def symmetric_nash(game: SymmetricContinuousGame, *, budget=None) -> Solution:
    """Symmetric equilibria of a symmetric game, for any (symbolic) ``n``.

    Parameters
    ----------
    game : SymmetricContinuousGame
    budget : Budget, float or None

    Returns
    -------
    Solution
        Of :class:`SymmetricEquilibrium`: interior solutions of
        ``du/dx = 0`` at ``X = (n - 1) x``, and corners.

    Examples
    --------
    >>> from symtrust.games.continuous import continuous_game, player_count, symmetric_continuous_game
    >>> import sympy
    >>> from symtrust import positive
    >>> n = player_count()
    >>> a, b, c = positive("a b c")
    >>> x, X = sympy.symbols("x X", nonnegative=True)
    >>> g = symmetric_continuous_game(n, x, X, x * (a - b * (x + X)) - c * x,
    ...                               assumptions=[a > c])
    >>> [eq.action for eq in symmetric_nash(g)]
    [(a - c)/(b*(n + 1))]
    """
    if not isinstance(game, SymmetricContinuousGame):
        raise ModelError(
            f"symmetric_nash needs a SymmetricContinuousGame, got {game!r}"
        )
    budget = Budget.of(budget)
    x, others, n = game.action, game.others, game.n
    check_differentiable(game.utility, x, "utility")
    g = sympy.diff(game.utility, x)
    check_differentiable(g, x, "marginal utility")
    h = sympy.diff(g, x)
    concave = decide(h <= 0, _symmetric_box(game), budget=budget).truth
    sym = {others: (n - 1) * x}
    gs, hs = g.xreplace(sym), h.xreplace(sym)
    assume = game.assumptions
    cases = _symmetric_cases(game, gs, hs, concave)
    found = []
    for regime, v, cond in cases:
        cond = simplify_condition(cond, assume, budget=budget)
        if cond is S.false or satisfiable(cond, assume, budget=budget).truth is False:
            continue
        found.append((regime, v, cond))
    found = _drop_subsumed(_merge_equal(found, assume, budget), assume, budget)
    unique = _uniqueness(found, (concave,), assume, budget)
    steps = (
        Step("first-order condition", sympy.Eq(g, 0), f"du/d{x} = 0"),
        Step("symmetry", sympy.Eq(gs, 0), f"{others} = (n - 1) {x}"),
        Step(
            "concavity",
            h <= 0,
            "the second derivative is nonpositive"
            if concave is True
            else "not implied: stated",
        ),
    )
    results = tuple(
        SymmetricEquilibrium(
            kind="symmetric Nash equilibrium",
            value=v,
            condition=cond,
            assumptions=assume,
            steps=(*steps, Step("solution", v, regime)),
            game=game,
            n=n,
            action=v,
            regime=regime,
            concave=concave,
            unique=u,
        )
        for (regime, v, cond), u in zip(found, unique, strict=True)
    )
    return Solution(
        method="symmetric_nash",
        game=game,
        results=results,
        notes=("symmetric equilibria only",),
        solver=symmetric_nash,
    )
