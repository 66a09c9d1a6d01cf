"""Pure Bayesian Nash equilibria of finite Bayesian games, with exact conditions.

A pure strategy of player :math:`i` assigns an action :math:`s_i(\\theta_i)` to
each of its types. A profile :math:`s` is a Bayesian Nash equilibrium
(Harsanyi 1967-68) iff every type plays a best response to the others'
strategies given its beliefs about their types:

.. math::
   \\sum_{\\theta_{-i}} w(\\theta_{-i} \\mid \\theta_i)\\,
   \\big[u_i(s_i(\\theta_i), s_{-i}(\\theta_{-i}); \\theta) -
         u_i(a, s_{-i}(\\theta_{-i}); \\theta)\\big] \\ge 0
   \\quad\\text{for every type } \\theta_i \\text{ and action } a.

With independent types the weights :math:`w` are the other players' priors, so
each type's belief is defined even where its own prior is zero. With a joint
prior they are the joint probabilities :math:`\\pi(\\theta_i, \\theta_{-i})`
(the ex-ante form, equivalent to the interim one wherever
:math:`\\pi(\\theta_i) > 0`; a type of zero probability is unconstrained).

The solver:

1. (pruning) drops, for each type, actions strictly dominated for that type at
   every opponent type profile and action profile, proved under the
   assumptions (valid because the weights sum to a positive number);
2. enumerates the remaining type-contingent profiles;
3. for each, simplifies each type's no-deviation inequality under the game's
   assumptions; a profile with an inequality that never holds is dropped;
4. simplifies the conjunction: the equilibrium's exact condition.

Examples
--------
>>> from symtrust import probability
>>> from symtrust import trust_game
>>> t1, t2 = probability("t1 t2")
>>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (t1, t2))
>>> for eq in bayes_nash(g):
...     print(eq.strategies[0]["trustworthy"], eq.strategies[1]["trustworthy"],
...           eq.condition)
C C (t1 >= 1/2) & (t2 >= 1/2)
D D True
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.progress import progress, stopped_note
from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError
from symtrust.games.bayesian.model import BayesianGame
from symtrust.games.bayesian.typemap import TypeMap, validate_distribution
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import (
    admissible_points,
    isolate,
    sample_points,
    sign_under,
    simplify_by_components,
    simplify_cleared,
)
from symtrust.logic.decide import decide

__all__ = ["BayesNashEquilibrium", "InterimPayoff", "bayes_nash", "interim_payoff"]


@dataclass(frozen=True, kw_only=True)
class InterimPayoff(Result):
    """A type's expected payoff from an action, given the others' strategies.

    Attributes
    ----------
    player : str
        The player.
    type : str
        Its type.
    action : str
        The action taken.
    game : BayesianGame
        The game.
    strategies : tuple
        Per player: None (the player itself) or a TypeMap type ->
        TypeMap(action -> probability).
    """

    player: str = ""
    type: str = ""
    action: str = ""
    game: Any = None
    strategies: tuple = ()

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (
                f"{self.kind} of {self.player} ({self.type}) from {self.action}",
                self.value,
            ),
        )


@dataclass(frozen=True, kw_only=True)
class BayesNashEquilibrium(Result):
    """A pure type-contingent profile and where it is a Bayesian equilibrium.

    Attributes
    ----------
    strategies : tuple of TypeMap
        One map type -> action per player.
    game : BayesianGame
        The game it solves.
    payoffs : tuple of TypeMap
        Each type's interim expected payoff in equilibrium (for a joint
        prior, valid where the type has positive probability).
    """

    strategies: tuple = ()
    game: Any = None
    payoffs: tuple = ()

    def action(self, player, type_) -> str:
        """The action a type of a player takes in this equilibrium."""
        i = self.game.player_index(player)
        return self.strategies[i][self.game.check_type(i, type_)]

    def display_rows(self):
        """Rows for the renderers: each player's strategy."""
        pairs = list(zip(self.game.players, self.strategies, strict=True))
        rows = [(f"{self.kind}, {pairs[0][0]}", pairs[0][1])]
        rows.extend((f"  {p}", s) for p, s in pairs[1:])
        return tuple(rows)


def _behaviour(game: BayesianGame, i: int, strategy) -> dict:
    """Player i's strategy as type -> TypeMap(action -> probability)."""
    if not isinstance(strategy, Mapping):
        raise ModelError(
            f"strategy of {game.players[i]!r} must map each type to an action, "
            f"got {strategy!r}"
        )
    out = {}
    for t in game.types[i]:
        if t not in strategy:
            raise ModelError(
                f"strategy of {game.players[i]!r} gives no action for type {t!r}"
            )
        entry = strategy[t]
        if isinstance(entry, str):
            game.check_action(i, entry)
            out[t] = TypeMap(((entry, S.One),))
            continue
        if not isinstance(entry, Mapping):
            raise ModelError(
                f"strategy of {game.players[i]!r} at type {t!r} is {entry!r}: "
                "give an action or a mapping action -> probability"
            )
        mixed = TypeMap.of(entry)
        for a in mixed:
            game.check_action(i, a)
        validate_distribution(
            mixed,
            f"mixed action of {game.players[i]!r} at type {t!r}",
            game.assumptions,
        )
        out[t] = mixed
    for t in strategy:
        game.check_type(i, t)
    return out


def _strategies(game: BayesianGame, profile, skip: int | None = None) -> tuple:
    profile = getattr(profile, "strategies", profile)
    if isinstance(profile, Mapping) or not isinstance(profile, Sequence):
        raise ModelError(
            f"strategy profile must be a sequence with one strategy per player, "
            f"got {profile!r}"
        )
    if len(profile) != len(game.players):
        raise ModelError(
            f"strategy profile has {len(profile)} strategies; the game has "
            f"{len(game.players)} players"
        )
    return tuple(
        None if j == skip else _behaviour(game, j, s) for j, s in enumerate(profile)
    )


def _expected(game, i, types, action, behaviours) -> sympy.Expr:
    """u_i(action, s_-i(types_-i); types), expected over the others' mixing."""
    dists = [
        TypeMap(((action, S.One),)) if j == i else behaviours[j][t]
        for j, t in enumerate(types)
    ]
    total = S.Zero
    for prof in itertools.product(*(tuple(d) for d in dists)):
        weight = sympy.Mul(*(d[a] for d, a in zip(dists, prof, strict=True)))
        total += weight * game.utility(i, prof, types)
    return total


def _weighted(game, i, type_, action, behaviours) -> sympy.Expr:
    return sympy.Add(
        *(
            w * _expected(game, i, tp, action, behaviours)
            for tp, w in game.belief_weights(i, type_).items()
        )
    )


def interim_payoff(
    game: BayesianGame,
    player,
    type_: str,
    action: str,
    strategy_profile,
    *,
    budget=None,
) -> InterimPayoff:
    """A type's expected payoff from an action against the others' strategies.

    Parameters
    ----------
    game : BayesianGame
        The game.
    player : str or int
        The player.
    type_ : str
        The player's type.
    action : str
        The action it takes.
    strategy_profile : sequence of mapping, or an equilibrium
        One strategy per player: type -> action, or type -> (action ->
        probability). The player's own entry is ignored.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    InterimPayoff
        The expectation over the others' types (conditional on ``type_``) and
        mixing; with a joint prior its condition is that ``type_`` has
        positive probability.

    Examples
    --------
    >>> from symtrust import probability
    >>> from symtrust import trust_game
    >>> t = probability("t")
    >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t)
    >>> other = {"trustworthy": "C", "untrustworthy": "D"}
    >>> interim_payoff(g, 0, "trustworthy", "C", [None, other]).value
    3*t + 1
    """
    budget = Budget.of(budget)
    if not isinstance(game, BayesianGame):
        raise ModelError(
            f"interim_payoff needs a BayesianGame, got {type(game).__name__}"
        )
    i = game.player_index(player)
    game.check_type(i, type_)
    game.check_action(i, action)
    behaviours = _strategies(game, strategy_profile, skip=i)
    weights = game.belief_weights(i, type_)
    value = _weighted(game, i, type_, action, behaviours)
    condition = S.true
    steps = [
        Step(
            f"weights of {game.players[i]} ({type_}) on type profiles",
            weights,
            "the other players' priors"
            if game.independent
            else "joint prior with own type fixed",
        )
    ]
    if not game.independent:
        mass = game.type_probability(i, type_)
        condition = simplify_cleared(mass > 0, game.assumptions, budget=budget)
        value = value / mass
        steps.append(Step("normalised by Pr(own type)", mass, "conditional belief"))
    value = sympy.factor(sympy.cancel(value)) if not game.independent else value
    steps.append(Step("interim expected payoff", value, "expectation over types"))
    return InterimPayoff(
        kind="interim expected payoff",
        value=value,
        condition=condition,
        assumptions=game.assumptions,
        steps=tuple(steps),
        player=game.players[i],
        type=type_,
        action=action,
        game=game,
        strategies=tuple(
            None if b is None else TypeMap(tuple((t, b[t]) for t in game.types[j]))
            for j, b in enumerate(behaviours)
        ),
    )


def _dominated(game: BayesianGame, i: int, type_: str, a: str, budget: Budget):
    """An action strictly better than ``a`` for this type everywhere, if any."""
    profiles = [tp for tp in game.type_profiles() if tp[i] == type_]
    others = [game.actions[j] for j in range(len(game.players)) if j != i]
    for b in game.actions[i]:
        if b == a:
            continue
        parts = []
        for tp in profiles:
            for rest in itertools.product(*others):
                prof_a = (*rest[:i], a, *rest[i:])
                prof_b = (*rest[:i], b, *rest[i:])
                parts.append(game.utility(i, prof_b, tp) > game.utility(i, prof_a, tp))
        stmt = sympy.And(*parts)
        if stmt is S.true:
            return b
        # a comparison that fails as written (numbers) settles it without z3
        if stmt is S.false:
            continue
        if decide(stmt, game.assumptions, budget=budget).truth is True:
            return b
    return None


def _candidates(game: BayesianGame, prune: bool, budget: Budget):
    """Each (player, type)'s candidate actions, and notes on what was pruned."""
    cands, notes = {}, []
    for i, p in enumerate(game.players):
        for t in game.types[i]:
            keep = list(game.actions[i])
            usable = prune and (
                game.independent
                or sign_under(game.type_probability(i, t), game.assumptions) == 1
            )
            if usable and len(keep) > 1:
                for a in game.actions[i]:
                    b = _dominated(game, i, t, a, budget)
                    if b is not None:
                        keep.remove(a)
                        notes.append(
                            f"{p} ({t}): {a} is strictly dominated by {b}; pruned"
                        )
            cands[(i, t)] = tuple(keep)
    return cands, tuple(notes)


class _Deviations:
    """Each type's no-deviation conditions, computed once per opponents' play.

    A type's condition depends on its own action and the others' strategies
    only, not on what its own player's other types do; a profile is looked
    up by that part of it, so each condition is built and simplified once
    however many profiles share it.
    """

    def __init__(self, game, slots, assume, budget):
        self.game, self.slots, self.assume, self.budget = game, slots, assume, budget
        # for each slot, the positions of the other players' slots
        self.others = [
            tuple(m for m, (j, _) in enumerate(slots) if j != i) for i, _ in slots
        ]
        self.cache = {}

    def of(self, k, choice):
        """(steps, simplified relations) of slot k, relations None if one fails."""
        key = (k, choice[k], tuple(choice[m] for m in self.others[k]))
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._compute(k, choice)
        return hit

    def _compute(self, k, choice):
        game = self.game
        i, t = self.slots[k]
        behaviours = [dict() for _ in game.players]
        for m in self.others[k]:
            j, u = self.slots[m]
            behaviours[j][u] = TypeMap(((choice[m], S.One),))
        here = choice[k]
        steps, simples = [], []
        for dev in game.actions[i]:
            if dev == here:
                continue
            gain = _weighted(game, i, t, here, behaviours) - _weighted(
                game, i, t, dev, behaviours
            )
            # built unevaluated: SymPy's sign evaluation of the raw sum is
            # slow, and the simplifier's normal form evaluates it anyway
            simple = simplify_cleared(
                sympy.Ge(gain, 0, evaluate=False), self.assume, budget=self.budget
            )
            steps.append(
                Step(
                    f"{game.players[i]} ({t}) does not gain by switching to {dev}",
                    simple,
                    "interim expected payoffs, under the assumptions",
                )
            )
            if simple is S.false:
                return tuple(steps), None
            simples.append(simple)
        return tuple(steps), tuple(simples)


def bayes_nash(game: BayesianGame, *, budget=None, prune: bool = True) -> Solution:
    """Every pure Bayesian Nash equilibrium, each with its exact condition.

    Parameters
    ----------
    game : BayesianGame
        A finite Bayesian game.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).
    prune : bool
        Whether to drop actions strictly dominated for a type first.

    Returns
    -------
    Solution
        ``method="bayes_nash"``; results are :class:`BayesNashEquilibrium`,
        in enumeration order; profiles that are never equilibria under the
        assumptions are left out. ``notes`` list the pruned actions.

    Examples
    --------
    >>> from symtrust import probability
    >>> from symtrust import trust_game
    >>> t = probability("t")
    >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t)
    >>> sol = bayes_nash(g)
    >>> [eq.condition for eq in sol]
    [t >= 1/2, True]
    >>> sol.notes[0]
    'row (untrustworthy): C is strictly dominated by D; pruned'
    """
    budget = Budget.of(budget)
    if not isinstance(game, BayesianGame):
        raise ModelError(f"bayes_nash needs a BayesianGame, got {type(game).__name__}")
    assume = game.assumptions
    cands, notes = _candidates(game, prune, budget)
    slots = [(i, t) for i in range(len(game.players)) for t in game.types[i]]
    beliefs = sorted(game.prior.free_symbols, key=lambda x: x.sort_key())
    found, complete, examined = [], True, 0
    total = math.prod(len(cands[s]) for s in slots)
    choices = itertools.product(*(cands[s] for s in slots))
    deviations = _Deviations(game, slots, assume, budget)
    # admissible points spare the simplifier the decisions they settle
    points = admissible_points(game.parameters, assume)
    with sample_points(points):
        for choice in progress(choices, total=total, desc="bayes_nash profiles"):
            if budget.expired:
                complete = False
                break
            examined += 1
            pure = [dict() for _ in game.players]
            for (i, t), a in zip(slots, choice, strict=True):
                pure[i][t] = a
            steps, conjuncts, dead = [], [], False
            # each type: no profitable deviation given its beliefs
            for k in range(len(slots)):
                found_steps, simples = deviations.of(k, choice)
                steps.extend(found_steps)
                if simples is None:
                    dead = True
                    break
                conjuncts.extend(simples)
            if dead:
                continue
            # the players' parts share no symbol when each is about the others'
            # priors: simplified apart (equivalent, and smaller z3 questions)
            condition = simplify_by_components(
                sympy.And(*conjuncts), assume, budget=budget
            )
            if condition is S.false:
                continue
            # read each inequality as a bound on a prior (trust >= threshold)
            condition = isolate(condition, beliefs, assume, budget=budget)
            steps.append(
                Step("equilibrium condition", condition, "conjunction, simplified")
            )
            strategies = tuple(
                TypeMap(tuple((t, s[t]) for t in game.types[i]))
                for i, s in enumerate(pure)
            )
            payoffs = tuple(
                TypeMap(
                    tuple(
                        (
                            t,
                            interim_payoff(
                                game, i, t, pure[i][t], strategies, budget=budget
                            ).value,
                        )
                        for t in game.types[i]
                    )
                )
                for i in range(len(game.players))
            )
            found.append(
                BayesNashEquilibrium(
                    kind="Bayesian Nash equilibrium",
                    value=strategies,
                    condition=condition,
                    assumptions=assume,
                    steps=tuple(steps),
                    strategies=strategies,
                    game=game,
                    payoffs=payoffs,
                )
            )
    return Solution(
        method="bayes_nash",
        solver=bayes_nash,
        game=game,
        results=tuple(found),
        notes=(*notes, *stopped_note(complete, examined, total, "profiles")),
        complete=complete,
    )
