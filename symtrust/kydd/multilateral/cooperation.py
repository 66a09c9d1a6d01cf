"""Cooperation in multilateral trust games: thresholds, full and largest cooperation.

Kydd (2005), chapter 5 (a reconstruction; ``models.md`` section 4). In a
:class:`~symtrust.kydd.multilateral.model.MultilateralGame` consider equilibria in
which every untrustworthy type defects and the trustworthy types of a set ``S``
of actors cooperate. Then:

1. the untrustworthy type's ``D`` is dominant (``t_U > 1``, ``c_i > w``);
2. a trustworthy member of ``i`` expects ``Q u(a, C) + (1 - Q) u(a, D)``
   from action ``a``, where ``Q = Q_i(S)`` is its cooperation index with
   ``q_j = pi_j`` for ``j`` in ``S`` and 0 otherwise: for the power
   aggregation ``Q_i = sum_{j != i} m_j q_j / (1 - m_i)``, the power-weighted
   trust in the others; for the weakest link ``Q_i = prod_{j != i} q_j``;
3. solving ``EU(C) = EU(D)`` for ``Q`` gives the threshold ``mu_i``; since
   ``EU(C) - EU(D)`` increases in ``Q`` it cooperates iff ``Q_i(S) >= mu_i``;
4. ``S`` is an equilibrium iff that holds for every ``i`` in ``S`` (actors
   outside ``S`` defect whatever their type, which is a best response for
   them exactly when their condition fails or they are indifferent);
5. the largest such ``S``: start from all actors and delete every actor whose
   condition fails, until none fails (the steps in
   :mod:`symtrust.kydd.multilateral._deletion`). ``Q_i(S)`` grows with ``S``, so a
   deleted actor can never return, and the limit contains every equilibrium
   set (Topkis' fixed point argument for supermodular games).

Deletions are decided symbolically under the assumptions (z3); an undecided
condition splits the parameter space into cases, or is settled exactly at a
given numeric point. Members of an exchangeable group face identical
conditions, so groups are kept or deleted whole, whatever their size.

Examples
--------
>>> from symtrust.catalog import hegemony_game
>>> g = hegemony_game()
>>> print(cooperation_threshold(g, "small").value)
(c - w)/(c - t - w + 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, SolverError
from symtrust.kydd.multilateral._conditions import (
    actor_names,
    check_game,
    conjoin,
    index_expression,
    simplified,
)
from symtrust.kydd.multilateral._deletion import check_point, finished_cases
from symtrust.kydd.multilateral.model import MultilateralGame
from symtrust.logic.budget import Budget, cached_by_budget
from symtrust.logic.conditions import sign_under, simplify_condition
from symtrust.logic.decide import decide

__all__ = [
    "CooperationCondition",
    "CooperationIndex",
    "CooperationThreshold",
    "CooperativeSet",
    "FullCooperation",
    "cooperation_condition",
    "cooperation_threshold",
    "full_cooperation",
    "largest_cooperative_set",
    "weighted_trust",
]


@dataclass(frozen=True, kw_only=True)
class CooperationThreshold(Result):
    """The minimum cooperation index at which a trustworthy actor cooperates.

    Attributes
    ----------
    actor : str
        The actor (each member of a group has the same threshold).
    game : MultilateralGame
        The game (for the numeric twin).
    """

    actor: str = ""
    game: Any = field(default=None, compare=False, repr=False)

    def display_rows(self):
        """Rows for the renderers."""
        return ((f"{self.kind} of {self.actor}", self.value),)


@dataclass(frozen=True, kw_only=True)
class CooperationIndex(Result):
    """The cooperation index ``Q_i(S)`` of an actor, given who cooperates.

    ``value`` is the closed form: power-weighted trust in the cooperating
    others, or the probability that all others cooperate (weakest link).

    Attributes
    ----------
    actor : str
        The actor ``i``.
    cooperators : tuple of str
        The set ``S`` of actors whose trustworthy types cooperate.
    game : MultilateralGame
        The game (for the numeric twin).
    """

    actor: str = ""
    cooperators: tuple = ()
    game: Any = field(default=None, compare=False, repr=False)

    def display_rows(self):
        """Rows for the renderers."""
        return ((f"{self.kind} of {self.actor}", self.value),)


@dataclass(frozen=True, kw_only=True)
class CooperativeSet(Result):
    """A set of actors whose trustworthy types cooperate in equilibrium.

    Attributes
    ----------
    cooperators : tuple of str
        Actors whose trustworthy types cooperate (groups count whole).
    defectors : tuple of str
        The other actors: all their types defect.
    indices : tuple of (str, sympy.Expr)
        Each cooperator's cooperation index ``Q_i(S)`` at this set.
    """

    cooperators: tuple = ()
    defectors: tuple = ()
    indices: tuple = ()

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, self.cooperators or "nobody")]
        rows.extend((f"Q[{a}]", q) for a, q in self.indices)
        return tuple(rows)


@dataclass(frozen=True, kw_only=True)
class CooperationCondition(Result):
    """When a trustworthy actor cooperates, given who else cooperates.

    Attributes
    ----------
    actor : str
        The actor.
    cooperators : tuple of str
        The set ``S`` of actors whose trustworthy types cooperate.
    game : MultilateralGame
        The game (for the numeric twin).
    """

    actor: str = ""
    cooperators: tuple = ()
    game: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, kw_only=True)
class FullCooperation(Result):
    """The condition under which every actor's trustworthy type cooperates.

    Attributes
    ----------
    actors : tuple of str
        All actors (the value).
    game : MultilateralGame
        The game (for the numeric twin).
    """

    actors: tuple = ()
    game: Any = field(default=None, compare=False, repr=False)


def weighted_trust(
    game: MultilateralGame, name: str, cooperators=None
) -> CooperationIndex:
    """The cooperation index ``Q_i(S)``: others' trustworthy types in ``S`` cooperate.

    Parameters
    ----------
    game : MultilateralGame
        The game.
    name : str
        The actor ``i``.
    cooperators : iterable of str, optional
        The set ``S`` of actors whose trustworthy types cooperate (default all).

    Returns
    -------
    CooperationIndex
        ``value`` is ``sum_{j != i, j in S} m_j pi_j / (1 - m_i)`` (power
        aggregation) or ``prod_{j != i} q_j`` (weakest link), groups
        aggregated by size; it is defined everywhere under the game's
        assumptions.

    Examples
    --------
    >>> from symtrust.catalog import hegemony_game
    >>> g = hegemony_game()
    >>> weighted_trust(g, "small").value
    (m*pi_h*(n - 1) - pi_s*(m - 1)*(n - 2))/(m + n - 2)
    """
    check_game(game)
    chosen = actor_names(game, cooperators)
    index = index_expression(game, name, chosen)
    return CooperationIndex(
        kind="cooperation index",
        value=index,
        assumptions=game.assumptions,
        steps=(
            Step(
                "Q",
                index,
                "power-weighted trust in the cooperating others"
                if game.aggregation == "power"
                else "probability that every other cooperates",
            ),
        ),
        actor=name,
        cooperators=chosen,
        game=game,
    )


def cooperation_threshold(
    game: MultilateralGame, name: str, *, budget=None
) -> CooperationThreshold:
    """Derive the trust threshold ``mu_i`` of a trustworthy actor.

    Solves ``EU(C) = EU(D)`` for the cooperation index and checks the direction
    (``EU(C) - EU(D)`` increasing in it) and the untrustworthy type's dominant
    defection, under the game's assumptions.

    Raises
    ------
    SolverError
        If the direction or the dominance cannot be decided.

    Examples
    --------
    >>> from symtrust.catalog import hegemony_game
    >>> r = cooperation_threshold(hegemony_game(), "hegemon")
    >>> [s.label for s in r.steps][:2]
    ['EU(C)', 'EU(D)']
    """
    check_game(game)
    game.actor(name)
    return _threshold(game, name, Budget.of(budget))


# every solver of the module asks for the same thresholds: derive each once
@cached_by_budget(maxsize=256)
def _threshold(game, name, budget) -> CooperationThreshold:
    assume = game.assumptions
    Q = sympy.Symbol("Q", real=True)
    # expected payoffs of a trustworthy member as functions of its index Q
    eu_c = game.expected_payoff(name, "C", Q)
    eu_d = game.expected_payoff(name, "D", Q)
    gain = sympy.expand(eu_c - eu_d)
    steps = [
        Step("EU(C)", eu_c, "others cooperate with aggregate probability Q"),
        Step("EU(D)", eu_d, "others cooperate with aggregate probability Q"),
    ]
    # the gain from cooperating must increase in Q for a threshold rule
    slope = sympy.diff(gain, Q)
    if sign_under(slope, assume, budget=budget) != 1:
        raise SolverError(
            f"cannot show that EU(C) - EU(D) = {gain} increases in Q for {name!r}"
        )
    steps.append(Step("d(EU(C) - EU(D))/dQ", slope, "positive under the assumptions"))
    # indifference: EU(C) = EU(D)
    roots = sympy.solve(sympy.Eq(gain, 0), Q)
    if len(roots) != 1:
        raise SolverError(f"indifference {gain} = 0 has roots {roots}, expected one")
    mu = sympy.factor(roots[0])
    # write it with a positive denominator (the slope), as readers expect
    num, den = sympy.fraction(mu)
    if sign_under(den, assume, budget=budget) == -1:
        mu = sympy.Mul(sympy.expand(-num), 1 / sympy.expand(-den))
    steps.append(Step("threshold", mu, "solve EU(C) = EU(D) for Q"))
    # the untrustworthy type defects whatever the others do (Q in [0, 1])
    greedy = sympy.expand(
        game.expected_payoff(name, "C", Q, trustworthy=False)
        - game.expected_payoff(name, "D", Q, trustworthy=False)
    )
    at_ends = sympy.And(greedy.subs(Q, 0) < 0, greedy.subs(Q, 1) < 0)
    if decide(at_ends, assume, budget=budget).truth is not True:
        raise SolverError(
            f"cannot show that D is dominant for an untrustworthy {name!r}"
        )
    steps.append(
        Step(
            "untrustworthy type",
            sympy.Lt(greedy, 0),
            "D dominant: affine, < 0 at Q=0,1",
        )
    )
    inside = simplify_condition(sympy.And(mu > 0, mu < 1), assume, budget=budget)
    steps.append(Step("threshold in (0, 1)", inside, "under the assumptions"))
    return CooperationThreshold(
        kind="trust threshold",
        value=mu,
        condition=S.true,
        assumptions=assume,
        steps=tuple(steps),
        actor=name,
        game=game,
    )


def _threshold_values(game, budget):
    return {
        a.name: cooperation_threshold(game, a.name, budget=budget).value
        for a in game.actors
    }


def _raw_condition(game, name, cooperators, mu):
    return sympy.Ge(index_expression(game, name, cooperators), mu)


def cooperation_condition(
    game: MultilateralGame, name: str, cooperators=None, *, budget=None
) -> CooperationCondition:
    """When a trustworthy ``name`` cooperates, given that the actors ``S`` do.

    Returns a Result whose value is the raw inequality ``Q_i(S) >= mu_i`` and
    whose condition is its simplified equivalent under the assumptions.

    Examples
    --------
    >>> from symtrust.catalog import hegemony_game
    >>> r = cooperation_condition(hegemony_game(), "hegemon")
    >>> r.condition
    pi_s >= (c - w)/(c - t - w + 1)
    """
    budget = Budget.of(budget)
    check_game(game)
    mu = cooperation_threshold(game, name, budget=budget).value
    cooperators = actor_names(game, cooperators)
    index = index_expression(game, name, cooperators)
    raw = sympy.Ge(index, mu)
    cond = simplified(raw, game.assumptions, budget)
    return CooperationCondition(
        kind=f"{name} cooperates",
        value=raw,
        condition=cond,
        assumptions=game.assumptions,
        steps=(
            Step("Q", index, "power-weighted trust in the cooperating others"),
            Step("threshold", mu, "cooperation_threshold"),
            Step("condition", cond, "Q >= threshold, simplified"),
        ),
        actor=name,
        cooperators=cooperators,
        game=game,
    )


def full_cooperation(game: MultilateralGame, *, budget=None) -> FullCooperation:
    """The condition under which every trustworthy type cooperates.

    Examples
    --------
    >>> from sympy import Rational as R
    >>> from symtrust.catalog import hegemony_game
    >>> g = hegemony_game(3, t=0, c=2, w=1, greedy_temptation=2)
    >>> full_cooperation(g).condition
    (pi_s >= 1/2) & (4*m*pi_h + 2*pi_s >= 2*m*pi_s + m + 1)
    """
    budget = Budget.of(budget)
    check_game(game)
    mus = _threshold_values(game, budget)
    steps, parts = [], []
    for a in game.actors:
        raw = _raw_condition(game, a.name, game.names, mus[a.name])
        cond = simplified(raw, game.assumptions, budget)
        steps.append(
            Step(f"{a.name} cooperates", cond, "Q >= threshold, all cooperate")
        )
        parts.append(cond)
    cond = conjoin(parts, game.assumptions.conditions, budget)
    steps.append(Step("full cooperation", cond, "conjunction, simplified"))
    return FullCooperation(
        kind="full cooperation",
        value=game.names,
        actors=game.names,
        game=game,
        condition=cond,
        assumptions=game.assumptions,
        steps=tuple(steps),
    )


def largest_cooperative_set(
    game: MultilateralGame,
    *,
    point: Mapping | None = None,
    max_cases: int = 32,
    budget=None,
) -> Solution:
    """The largest cooperative equilibrium, by iterated deletion, case by case.

    Parameters
    ----------
    game : MultilateralGame
        The game.
    point : mapping, optional
        Exact parameter values settling any condition the assumptions leave
        undecided; then the one case containing the point is returned, with
        its symbolic condition.
    max_cases : int
        Cap on the number of cases; beyond it, UnsupportedError (pass a point).
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    Solution
        ``method="largest_cooperative_set"``; results of type
        :class:`CooperativeSet`, one per case, whose conditions partition the
        parameter space (up to undecided overlaps).

    Examples
    --------
    >>> from sympy import Rational as R
    >>> from symtrust.catalog import hegemony_game
    >>> g = hegemony_game(4, m=R(1, 2), pi_h=R(9, 10), t=0, c=2, w=1,
    ...                   greedy_temptation=2)
    >>> [(r.cooperators, r.condition) for r in largest_cooperative_set(g)]
    [(('hegemon', 'small'), pi_s >= 1/2), ((), pi_s < 1/2)]
    """
    budget = Budget.of(budget)
    check_game(game)
    if isinstance(max_cases, bool) or not isinstance(max_cases, int) or max_cases < 1:
        raise ModelError(f"max_cases={max_cases!r} must be a positive int")
    point = check_point(game, point)
    assume = game.assumptions.conditions
    mus = _threshold_values(game, budget)
    results = []
    for case in finished_cases(game, mus, point, max_cases, budget):
        # no condition fails: the largest cooperative set of this case
        cond = conjoin(case.path, assume, budget)
        current = case.current
        indices = tuple((x, index_expression(game, x, current)) for x in current)
        results.append(
            CooperativeSet(
                kind="largest cooperative set",
                value=current,
                condition=cond,
                assumptions=game.assumptions,
                steps=(
                    *case.steps,
                    Step("stable", cond, "every remaining actor's Q >= threshold"),
                ),
                cooperators=current,
                defectors=tuple(x for x in game.names if x not in current),
                indices=indices,
            )
        )
    return Solution(
        method="largest_cooperative_set",
        solver=largest_cooperative_set,
        game=game,
        results=tuple(results),
        notes=(f"thresholds: {mus}",),
    )
