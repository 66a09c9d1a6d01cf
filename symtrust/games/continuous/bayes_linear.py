"""Bayesian games with continuous types and actions: strategies linear in type.

Player ``i`` has a private type ``theta_i`` drawn independently from a
:class:`~symtrust.games.continuous_types.ContinuousType`, chooses an action
``a_i`` from an interval, and receives ``u_i(a_1..a_k, theta_1..theta_k)``
(smooth in the actions). An equilibrium is sought in a *given form*:
``s_i(theta_i) = alpha_i + beta_i theta_i``.

1. The interim utility of type ``theta_i`` choosing ``a_i`` against the
   others' linear strategies is ``U_i = E[u_i | theta_i]``, the integral of
   ``u_i`` against the others' densities (closed form);
2. the first-order condition ``dU_i/da_i = 0`` at ``a_i = s_i(theta_i)``
   must hold for every type: its coefficients in ``theta_i`` vanish;
3. the coefficient equations are solved exactly (a form that cannot satisfy
   them is an :class:`~symtrust.errors.UnsupportedError`);
4. the condition: every type's action inside its interval (checked at the
   ends of the support, the strategy being linear); concavity of ``u_i`` in
   ``a_i`` is decided by z3 and otherwise stated as a condition.

Source: Harsanyi (1967-68); Gibbons (1992), section 3.1 (Cournot with private
costs), Vives (1999), ch. 8 (linear equilibria).

Examples
--------
>>> import sympy
>>> from symtrust import positive
>>> from symtrust.games.continuous_types import uniform
>>> a = positive("a")
>>> q1, q2, c1, c2 = sympy.symbols("q1 q2 c1 c2", real=True)
>>> g = bayesian_continuous_game(("1", "2"), (q1, q2), (c1, c2),
...     (uniform(0, 1), uniform(0, 1)),
...     (q1 * (a - q1 - q2 - c1), q2 * (a - q1 - q2 - c2)),
...     bounds=((0, sympy.oo), (0, sympy.oo)), assumptions=[a > 2])
>>> linear_bayes_nash(g).strategies[0]
a/3 - c1/2 + 1/12
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.numbers import exact_number
from symtrust.core.printing import Printable
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous._system import solve_system, type_coefficients
from symtrust.games.continuous._validate import (
    check_action,
    check_differentiable,
    value_at,
    within,
)
from symtrust.games.continuous.model import continuous_game
from symtrust.games.continuous_types.distributions import ContinuousType
from symtrust.games.normal_form.model import substitute_point
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide

_LINEAR = "a linear strategy cannot satisfy it for every type"

__all__ = [
    "BayesianContinuousGame",
    "LinearBayesEquilibrium",
    "bayesian_continuous_game",
    "interim_utility",
    "linear_bayes_nash",
]


@dataclass(frozen=True)
class BayesianContinuousGame(Printable):
    """Continuous actions and independent continuous private types.

    Attributes
    ----------
    players, actions, bounds, utilities, assumptions, name
        As :class:`~symtrust.games.continuous.model.ContinuousGame`.
    types : tuple of sympy.Symbol
        Each player's type symbol in the utilities.
    distributions : tuple of ContinuousType
        Each type's distribution.
    """

    players: tuple
    actions: tuple
    bounds: tuple
    utilities: tuple
    types: tuple
    distributions: tuple
    assumptions: Assumptions
    name: str = ""

    @property
    def parameters(self) -> frozenset:
        """Free symbols other than actions and types."""
        out = set(self.assumptions.symbols)
        for u in self.utilities:
            out |= u.free_symbols
        for d in self.distributions:
            out |= set(d.parameters)
        for lo, hi in self.bounds:
            out |= lo.free_symbols | hi.free_symbols
        return frozenset(out - set(self.actions) - set(self.types))

    def density(self, i) -> sympy.Expr:
        """Player i's type density in its type symbol."""
        d = self.distributions[i]
        return d.density.xreplace({d.variable: self.types[i]})

    def subs(self, point, *, strict: bool = True) -> BayesianContinuousGame:
        """The game at a parameter point."""
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def at(e, what):
            return value_at(e, point, what, strict)

        return BayesianContinuousGame(
            self.players,
            self.actions,
            tuple((at(lo, "bound"), at(hi, "bound")) for lo, hi in self.bounds),
            tuple(at(u, "utility") for u in self.utilities),
            self.types,
            tuple(d.subs(point, strict=False) for d in self.distributions),
            assume,
            self.name,
        )

    def display_rows(self):
        """Rows: each player's action interval, type and utility."""
        rows = [("game", self.name or "Bayesian game with continuous types")]
        for p, a, (lo, hi), t, d, u in zip(
            self.players,
            self.actions,
            self.bounds,
            self.types,
            self.distributions,
            self.utilities,
            strict=True,
        ):
            rows.append((f"{p} chooses {a} in", sympy.Interval(lo, hi)))
            rows.append((f"{p}'s type {t}", d))
            rows.append((f"utility of {p}", u))
        return tuple(rows)


def bayesian_continuous_game(
    players,
    actions,
    types,
    distributions,
    utilities,
    *,
    bounds=None,
    assumptions=None,
    name="",
) -> BayesianContinuousGame:
    """Build and validate a Bayesian game with continuous types and actions.

    Raises
    ------
    ModelError
        As :func:`~symtrust.games.continuous.model.continuous_game`, plus a
        type that is not a symbol or repeats an action, or a distribution
        that is not a ContinuousType.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.continuous_types import uniform
    >>> x, t = sympy.symbols("x t", real=True)
    >>> bayesian_continuous_game(("A",), (x,), (t,), ((0, 1),), (x * t,))
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: distribution of A's type=(0, 1) must be a ContinuousType
    """
    base = continuous_game(
        players, actions, utilities, bounds=bounds, assumptions=assumptions, name=name
    )
    if not isinstance(types, (tuple, list)) or len(types) != len(base.players):
        raise ModelError(f"types={types!r} must give one symbol per player")
    if not isinstance(distributions, (tuple, list)) or len(distributions) != len(
        base.players
    ):
        raise ModelError(f"distributions={distributions!r} must give one per player")
    types = tuple(
        check_action(t, f"type of {p}")
        for p, t in zip(base.players, types, strict=True)
    )
    if len(set(types)) != len(types) or set(types) & set(base.actions):
        raise ModelError(
            f"type symbols {types} must be distinct from each other and the actions"
        )
    for p, d in zip(base.players, distributions, strict=True):
        if not isinstance(d, ContinuousType):
            raise ModelError(
                f"distribution of {p}'s type={d!r} must be a ContinuousType"
            )
    assume = base.assumptions
    for d in distributions:
        assume = extend_assumptions(assume, d.assumptions.conditions)
    extra = assume.symbols & set(types)
    if extra:
        raise ModelError(f"assumptions mention the types {sorted(extra, key=str)}")
    return BayesianContinuousGame(
        base.players,
        base.actions,
        base.bounds,
        base.utilities,
        types,
        tuple(distributions),
        assume,
        base.name,
    )


def interim_utility(game, i, strategies) -> sympy.Expr:
    """``E[u_i | theta_i]`` with the others playing ``strategies`` (in their types).

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.continuous_types import uniform
    >>> x, y, s, t = sympy.symbols("x y s t", real=True)
    >>> g = bayesian_continuous_game(("A", "B"), (x, y), (s, t),
    ...     (uniform(0, 1), uniform(0, 1)), (x * y, x * y), bounds=((0, 1), (0, 1)))
    >>> interim_utility(g, 0, (None, t))
    x/2
    """
    if not isinstance(game, BayesianContinuousGame):
        raise ModelError(
            f"interim_utility needs a BayesianContinuousGame, got {game!r}"
        )
    k = len(game.players)
    if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < k:
        raise ModelError(
            f"player index i={i!r} must be an int from 0 to {k - 1} "
            f"(players are {game.players})"
        )
    if not isinstance(strategies, (tuple, list)) or len(strategies) != k:
        raise ModelError(
            f"strategies={strategies!r} must give one entry per player ({k}; "
            "the player's own entry is ignored)"
        )
    strategies = tuple(
        None if j == i else exact_number(s, f"strategy of {game.players[j]}")
        for j, s in enumerate(strategies)
    )
    u = game.utilities[i]
    for j, (a, t) in enumerate(zip(game.actions, game.types, strict=True)):
        if j == i:
            continue
        lo, hi = game.distributions[j].support
        u = sympy.integrate(
            sympy.expand(u.xreplace({a: strategies[j]}) * game.density(j)), (t, lo, hi)
        )
    return sympy.expand(u)


@dataclass(frozen=True, kw_only=True)
class LinearBayesEquilibrium(Result):
    """A Bayesian Nash equilibrium in strategies linear in the type.

    Attributes
    ----------
    players : tuple of str
    strategies : tuple of sympy.Expr
        ``s_i(theta_i)`` (also ``value``).
    types : tuple of sympy.Symbol
    concave : tuple of (bool or None)
        Concavity of each utility in the own action, as decided by z3.
    """

    players: tuple = ()
    strategies: tuple = ()
    types: tuple = ()
    concave: tuple = ()

    @property
    def parameters(self) -> frozenset:
        """The game's parameters (not the types)."""
        out = set(self.assumptions.symbols)
        for s in self.strategies:
            out |= s.free_symbols
        return frozenset(out - set(self.types))

    def display_rows(self):
        """Each player's strategy."""
        return tuple(
            (f"{p}'s strategy", s)
            for p, s in zip(self.players, self.strategies, strict=True)
        )


def _box(game):
    conds = []
    for a, t, (lo, hi), d in zip(
        game.actions, game.types, game.bounds, game.distributions, strict=True
    ):
        conds += [*within(a, lo, hi), t >= d.lower, t <= d.upper]
    conds = [c for c in conds if c is not S.true]
    return extend_assumptions(
        game.assumptions, conds, symbols=(*game.actions, *game.types)
    )


def linear_bayes_nash(
    game: BayesianContinuousGame, *, budget=None
) -> LinearBayesEquilibrium:
    """The Bayesian Nash equilibrium in strategies linear in the type.

    Raises
    ------
    ModelError
        Not a BayesianContinuousGame; a utility not differentiable in the
        own action.
    UnsupportedError
        The linear form cannot satisfy the first-order conditions, has
        several solutions, or SymPy cannot solve them.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.continuous_types import uniform
    >>> x, t = sympy.symbols("x t", real=True)
    >>> g = bayesian_continuous_game(("A",), (x,), (t,), (uniform(0, 1),),
    ...     (-(x - t)**2,), bounds=((0, 1),))
    >>> linear_bayes_nash(g).value
    (t,)
    """
    if not isinstance(game, BayesianContinuousGame):
        raise ModelError(
            f"linear_bayes_nash needs a BayesianContinuousGame, got {game!r}"
        )
    k = len(game.players)
    alphas = sympy.symbols(f"alpha1:{k + 1}", real=True)
    betas = sympy.symbols(f"beta1:{k + 1}", real=True)
    forms = tuple(
        al + be * t for al, be, t in zip(alphas, betas, game.types, strict=True)
    )
    box = _box(game)
    eqs, concave = [], []
    for i, (a, t) in enumerate(zip(game.actions, game.types, strict=True)):
        check_differentiable(game.utilities[i], a, f"utility of {game.players[i]}")
        h = sympy.diff(game.utilities[i], a, 2)
        concave.append(decide(h <= 0, box, budget=budget).truth)
        foc = sympy.diff(interim_utility(game, i, forms), a).xreplace({a: forms[i]})
        eqs += type_coefficients(foc, t, why=_LINEAR)
    sols = solve_system(eqs, (*alphas, *betas))
    if len(sols) != 1:
        raise UnsupportedError(
            f"the linear form has {len(sols)} solutions of the coefficient equations "
            f"{eqs}; a unique linear equilibrium is needed"
        )
    strategies = tuple(sympy.expand(f.xreplace(sols[0])) for f in forms)
    parts = []
    for i, (s, t, (lo, hi), d) in enumerate(
        zip(strategies, game.types, game.bounds, game.distributions, strict=True)
    ):
        for end in (d.lower, d.upper):
            parts += within(s.xreplace({t: end}), lo, hi)
        if concave[i] is not True:
            point = {a: s for a, s in zip(game.actions, strategies, strict=True)}
            parts.append(
                sympy.diff(game.utilities[i], game.actions[i], 2).xreplace(point) < 0
            )
    cond = simplify_condition(sympy.And(*parts), game.assumptions, budget=budget)
    return LinearBayesEquilibrium(
        kind="Bayesian Nash equilibrium (linear strategies)",
        value=strategies,
        condition=cond,
        assumptions=game.assumptions,
        steps=(
            Step("linear form", sympy.Tuple(*forms), "s_i = alpha_i + beta_i theta_i"),
            Step("coefficient equations", sympy.Tuple(*eqs), "each FOC for every type"),
            Step("strategies", sympy.Tuple(*strategies), "solve"),
        ),
        game=game,
        players=game.players,
        strategies=strategies,
        types=game.types,
        concave=tuple(concave),
    )
