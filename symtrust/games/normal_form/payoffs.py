"""Expected payoffs of mixed strategies, and best responses.

A mixed strategy of player ``k`` is a probability vector ``sigma_k`` over the
player's actions. With independent mixing, player ``i``'s expected payoff is

.. math:: U_i(\\sigma) = \\sum_{a} \\Big(\\prod_k \\sigma_k(a_k)\\Big) u_i(a),

the sum running over all action profiles (von Neumann and Morgenstern 1944;
Fudenberg and Tirole 1991, sec. 1.1). An action ``a`` of player ``i`` is a best
response to the others' strategies iff ``U_i(a, sigma_-i) >= U_i(b, sigma_-i)``
for every action ``b``.

With symbolic probabilities the strategy is valid only where every probability
lies in [0, 1]; that requirement becomes the result's condition (simplified
under the game's assumptions). A strategy that can never be valid (a
probability outside [0, 1] everywhere, or probabilities whose sum can never
be 1) is a :class:`~symtrust.errors.ModelError`.

Examples
--------
>>> from symtrust import probability
>>> from symtrust.catalog import matching_pennies
>>> q = probability("q")
>>> r = expected_payoff(matching_pennies(), "row", ["H", {"H": q, "T": 1 - q}])
>>> r.value
2*a*q - a
>>> r.condition
True
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import NormalFormGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import clear_denominators, simplify_condition
from symtrust.logic.decide import satisfiable

__all__ = [
    "BestResponses",
    "ExpectedPayoff",
    "best_responses",
    "expected_payoff",
    "mixed_strategy",
]


def _probability(value, where: str) -> sympy.Expr:
    """Validate one probability: an exact number or a SymPy expression."""
    if isinstance(value, bool) or isinstance(value, str):
        raise ModelError(
            f"probability {value!r} of {where} must be an exact number or a "
            "SymPy expression (strings are not parsed)"
        )
    if isinstance(value, float):
        raise ModelError(
            f"probability {value!r} of {where} is a float: symtrust computes "
            "exactly; use an int, fractions.Fraction or sympy.Rational"
        )
    if isinstance(value, int):
        return sympy.Integer(value)
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, sympy.Expr) and not value.has(sympy.Float):
        return value
    raise ModelError(
        f"probability {value!r} of {where} must be an exact number or a SymPy "
        "expression without floats"
    )


def mixed_strategy(game: NormalFormGame, player, strategy) -> tuple:
    """One player's strategy as a probability vector aligned with its actions.

    Parameters
    ----------
    game : NormalFormGame
        The game.
    player : str or int
        The player.
    strategy : str, mapping or sequence
        An action name (a pure strategy), a mapping action -> probability
        (missing actions get 0), or one probability per action in order.

    Returns
    -------
    tuple of sympy.Expr
        The probabilities (not yet checked to lie in [0, 1]).

    Raises
    ------
    ModelError
        Unknown actions, wrong lengths, strings or floats as probabilities.

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> mixed_strategy(stag_hunt(), "row", "D")
    (0, 1)
    >>> mixed_strategy(stag_hunt(), "column", {"C": Fraction(1, 3)})
    (1/3, 0)
    """
    i = game.player_index(player)
    actions = game.actions[i]
    name = game.players[i]
    if isinstance(strategy, str):
        game.action_index(i, strategy)
        return tuple(S.One if a == strategy else S.Zero for a in actions)
    if isinstance(strategy, Mapping):
        for a in strategy:
            game.action_index(i, a)
        return tuple(
            _probability(strategy[a], f"{name}'s action {a!r}")
            if a in strategy
            else S.Zero
            for a in actions
        )
    if isinstance(strategy, Sequence) and len(strategy) == len(actions):
        return tuple(
            _probability(v, f"{name}'s action {a!r}")
            for a, v in zip(actions, strategy, strict=True)
        )
    raise ModelError(
        f"strategy {strategy!r} of player {name!r} must be an action name, a "
        f"mapping action -> probability, or {len(actions)} probabilities "
        f"(one per action of {actions})"
    )


def _validity(game: NormalFormGame, player, vector: tuple, budget: Budget):
    """Conditions under which the vector is a probability distribution."""
    assume = game.assumptions
    name = game.players[game.player_index(player)]
    actions = game.actions[game.player_index(player)]
    conds = []
    # each probability in [0, 1]
    for a, p in zip(actions, vector, strict=True):
        bounds = [
            clear_denominators(r, assume, budget=budget) for r in (p >= 0, p <= 1)
        ]
        inside = simplify_condition(sympy.And(*bounds), assume, budget=budget)
        if inside is S.false:
            raise ModelError(
                f"probability {p} of {name}'s action {a!r} lies outside [0, 1] "
                "everywhere under the assumptions"
            )
        conds.append(inside)
    # probabilities sum to one
    total = sympy.cancel(sympy.Add(*vector))
    if total != 1:
        equal = sympy.Eq(total, 1)
        if total.is_number or satisfiable(equal, assume, budget=budget).truth is False:
            raise ModelError(
                f"the probabilities of {name}'s strategy sum to {total}, not 1"
            )
        conds.append(equal)
    return conds


def _profiles_payoff(game, i, vectors) -> sympy.Expr:
    """Sum over profiles of (product of probabilities) times u_i."""
    terms = []
    indexed = [tuple(enumerate(v)) for v in vectors]
    for combo in itertools.product(*indexed):
        weight = sympy.Mul(*(p for _, p in combo))
        if weight == 0:
            continue
        profile = tuple(game.actions[k][j] for k, (j, _) in enumerate(combo))
        terms.append(weight * game.payoff(profile)[i])
    return sympy.cancel(sympy.Add(*terms))


@dataclass(frozen=True, kw_only=True)
class ExpectedPayoff(Result):
    """A player's expected payoff under a profile of mixed strategies.

    Attributes
    ----------
    game : NormalFormGame
        The game.
    player : str
        Whose payoff.
    strategies : tuple of tuple
        One probability vector per player, aligned with ``game.actions``.
    """

    game: Any = None
    player: str = ""
    strategies: tuple = ()

    def display_rows(self):
        """Rows for the renderers."""
        return ((f"{self.kind} of {self.player}", self.value),)


def _all_strategies(game, strategies, budget):
    if isinstance(strategies, (str, Mapping)) or not isinstance(strategies, Sequence):
        raise ModelError(
            f"strategies {strategies!r} must be a sequence with one strategy "
            f"per player {game.players}"
        )
    if len(strategies) != len(game.players):
        raise ModelError(
            f"strategies {strategies!r} give {len(strategies)} strategies; "
            f"the game has {len(game.players)} players {game.players}"
        )
    vectors = tuple(mixed_strategy(game, k, s) for k, s in enumerate(strategies))
    conds = []
    for k, v in enumerate(vectors):
        conds.extend(_validity(game, k, v, budget))
    return vectors, conds


def expected_payoff(
    game: NormalFormGame, player, strategies, *, budget=None
) -> ExpectedPayoff:
    """A player's expected payoff when every player mixes independently.

    Parameters
    ----------
    game : NormalFormGame
        The game.
    player : str or int
        Whose expected payoff.
    strategies : sequence
        One strategy per player: an action name, a mapping action ->
        probability, or a probability vector aligned with the actions.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    ExpectedPayoff
        ``value`` is the expected payoff; ``condition`` says where every
        probability lies in [0, 1] (and sums to 1), under the assumptions.

    Raises
    ------
    ModelError
        Malformed strategies, or probabilities that can never be valid.

    Examples
    --------
    >>> from symtrust.catalog import chicken
    >>> expected_payoff(chicken(), "row", ["C", {"C": Fraction(1, 2), "D": Fraction(1, 2)}]).value
    R/2 + S/2
    >>> expected_payoff(chicken(), "row", ["C", {"C": 2, "D": -1}])
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: probability 2 of column's action 'C' lies outside [0, 1] everywhere under the assumptions
    """
    budget = Budget.of(budget)
    if not isinstance(game, NormalFormGame):
        raise ModelError(f"expected a NormalFormGame, got {type(game).__name__}")
    i = game.player_index(player)
    vectors, conds = _all_strategies(game, strategies, budget)
    value = _profiles_payoff(game, i, vectors)
    condition = simplify_condition(sympy.And(*conds), game.assumptions, budget=budget)
    steps = (
        Step(
            f"expected payoff of {game.players[i]}",
            value,
            "sum over profiles of the product of the players' probabilities "
            "times the payoff",
        ),
        Step("valid strategies", condition, "probabilities in [0, 1] summing to 1"),
    )
    return ExpectedPayoff(
        kind="expected payoff",
        value=value,
        condition=condition,
        assumptions=game.assumptions,
        steps=steps,
        game=game,
        player=game.players[i],
        strategies=vectors,
    )


@dataclass(frozen=True, kw_only=True)
class BestResponses(Result):
    """When each action of a player is a best response to the others' strategies.

    Attributes
    ----------
    game : NormalFormGame
        The game.
    player : str
        The responding player.
    strategies : tuple of tuple
        The others' probability vectors; the responder's own entry is ``None``.
    actions : tuple of str
        The responder's actions.
    payoffs : tuple of sympy.Expr
        Expected payoff of each action against the others' strategies.
    conditions : tuple of sympy Boolean
        For each action, where it is a best response (under the assumptions
        and the condition that the strategies are valid).
    """

    game: Any = None
    player: str = ""
    strategies: tuple = ()
    actions: tuple = ()
    payoffs: tuple = ()
    conditions: tuple = ()

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, self.player)]
        for a, u, c in zip(self.actions, self.payoffs, self.conditions, strict=True):
            rows.append((f"  U({a})", u))
            rows.append((f"  {a} is a best response when", c))
        return tuple(rows)

    def of(self, action: str):
        """The condition under which ``action`` is a best response."""
        if action not in self.actions:
            raise ModelError(f"unknown action {action!r}; actions are {self.actions}")
        return self.conditions[self.actions.index(action)]


def best_responses(
    game: NormalFormGame, player, strategies_of_others, *, budget=None
) -> BestResponses:
    """For each action of a player, the condition under which it is a best response.

    Parameters
    ----------
    game : NormalFormGame
        The game.
    player : str or int
        The responding player.
    strategies_of_others : sequence
        The other players' strategies in player order (one fewer than the
        number of players), or one per player with ``None`` in the
        responder's place. Each is an action name, a mapping action ->
        probability, or a probability vector.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    BestResponses
        ``conditions[k]`` says when ``actions[k]`` is a best response;
        ``condition`` says where the given strategies are valid.

    Examples
    --------
    >>> from symtrust import probability
    >>> from symtrust.catalog import stag_hunt
    >>> q = probability("q")
    >>> br = best_responses(stag_hunt(), "row", [{"C": q, "D": 1 - q}])
    >>> br.of("C")
    P*q + R*q + S >= P + S*q + T*q
    """
    budget = Budget.of(budget)
    if not isinstance(game, NormalFormGame):
        raise ModelError(f"expected a NormalFormGame, got {type(game).__name__}")
    i = game.player_index(player)
    n = len(game.players)
    others = (
        tuple(strategies_of_others)
        if isinstance(strategies_of_others, Sequence)
        and not isinstance(strategies_of_others, str)
        else None
    )
    if others is not None and len(others) == n - 1:
        others = (*others[:i], None, *others[i:])
    if others is None or len(others) != n or others[i] is not None:
        raise ModelError(
            f"strategies_of_others {strategies_of_others!r} must give the {n - 1} "
            f"other players' strategies, or {n} with None for {game.players[i]!r}"
        )
    vectors, conds = [], []
    for k, s in enumerate(others):
        if k == i:
            vectors.append(None)
            continue
        v = mixed_strategy(game, k, s)
        conds.extend(_validity(game, k, v, budget))
        vectors.append(v)
    valid = simplify_condition(sympy.And(*conds), game.assumptions, budget=budget)
    context = (*game.assumptions.conditions, valid)
    # expected payoff of each pure action against the others' mix
    payoffs = []
    for a in game.actions[i]:
        pure = mixed_strategy(game, i, a)
        payoffs.append(
            _profiles_payoff(game, i, (*vectors[:i], pure, *vectors[i + 1 :]))
        )
    # an action is a best response when it does at least as well as every other
    conditions, steps = [], []
    for k, (a, u) in enumerate(zip(game.actions[i], payoffs, strict=True)):
        steps.append(Step(f"U({a})", u, "expected payoff against the others' mix"))
        raw = sympy.And(
            *(
                clear_denominators(u >= w, context, budget=budget)
                for m, w in enumerate(payoffs)
                if m != k
            )
        )
        cond = simplify_condition(raw, context, budget=budget)
        steps.append(Step(f"{a} is a best response", cond, "no action does better"))
        conditions.append(cond)
    return BestResponses(
        kind="best responses of",
        value=sympy.Tuple(*conditions),
        condition=valid,
        assumptions=game.assumptions,
        steps=tuple(steps),
        game=game,
        player=game.players[i],
        strategies=tuple(vectors),
        actions=game.actions[i],
        payoffs=tuple(payoffs),
        conditions=tuple(conditions),
    )
