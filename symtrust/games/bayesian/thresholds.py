"""Minimum trust thresholds: the belief at which cooperating pays.

Kydd (2005, ch. 1) defines the *minimum trust threshold* as the level of trust
above which a trustworthy player prefers to cooperate, given that the other's
trustworthy type cooperates and its untrustworthy type defects. With belief
:math:`p` that the other side plays the cooperative action C (rather than D),

1. expected payoffs: :math:`EU(C) = p\\,u(C, C) + (1 - p)\\,u(C, D)` and
   :math:`EU(D) = p\\,u(D, C) + (1 - p)\\,u(D, D)`;
2. indifference: solve :math:`EU(C) = EU(D)` for :math:`p` (the difference is
   linear in :math:`p`; its slope must be nonzero);
3. direction: cooperate iff :math:`p \\ge p^*` when the slope is positive
   (iff :math:`p \\le p^*` when negative), the sign decided under the
   assumptions;
4. conditions: the slope is nonzero and :math:`0 \\le p^* \\le 1`, simplified
   under the assumptions.

In a Bayesian game the belief is the probability, given the player's type,
that the other player is of a type that cooperates under the given
type-contingent strategy; when payoffs depend on the other's type beyond its
action, each group's payoff is averaged over its types with the prior weights
(the condition then also requires each group to have positive probability).
Nothing here knows the closed form: it comes from ``sympy.solve``.

Examples
--------
>>> from symtrust.catalog import symmetric_2x2
>>> th = trust_threshold(symmetric_2x2(4, 1, 3, 2, name="Assurance"))
>>> th.value, th.direction, th.condition
(1/2, '>=', True)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.parameters import probability
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.bayesian.model import BayesianGame
from symtrust.games.bayesian.typemap import TypeMap
from symtrust.games.normal_form.model import NormalFormGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import result_condition, sign_under, simplify_cleared
from symtrust.logic.decide import decide
from symtrust.logic.solve_for import solve_for

__all__ = ["Threshold", "classify_types", "trust_threshold"]


@dataclass(frozen=True, kw_only=True)
class Threshold(Result):
    """A trust threshold: the belief at which cooperating and defecting tie.

    Attributes
    ----------
    direction : str or None
        ``">="`` (cooperate iff belief >= threshold), ``"<="``, or None when
        the sign of the slope could not be decided.
    belief : sympy.Symbol
        The belief variable (probability the other side cooperates).
    cooperation : sympy Boolean
        Where cooperating is weakly better, as a condition on the belief.
    expected_payoffs : tuple
        ``(EU(cooperate), EU(defect))`` as functions of the belief.
    trust : sympy.Expr or None
        In a Bayesian game: the actual probability that the other cooperates.
    cooperates : sympy Boolean or None
        In a Bayesian game: where the type prefers to cooperate, in the
        game's parameters (the belief replaced by ``trust``).
    player, type, actions
        Whose threshold, for which type, and the (cooperate, defect) actions.
    game : NormalFormGame or BayesianGame
        The game (the numeric twin recomputes expected payoffs from it).
    opponent_strategy : TypeMap or None
        In a Bayesian game: the other player's type -> action.
    """

    direction: str | None = None
    belief: Any = None
    cooperation: Any = S.true
    expected_payoffs: tuple = ()
    trust: Any = None
    cooperates: Any = None
    player: str = ""
    type: str = ""
    actions: tuple = ("C", "D")
    game: Any = None
    opponent_strategy: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        who = self.player + (f" ({self.type})" if self.type else "")
        rows = [(f"{self.kind} of {who}", self.value)]
        rows.append((f"{self.actions[0]} is weakly better iff", self.cooperation))
        if self.expected_payoffs:
            rows.append((f"EU({self.actions[0]})", self.expected_payoffs[0]))
            rows.append((f"EU({self.actions[1]})", self.expected_payoffs[1]))
        if self.trust is not None:
            rows.append(("trust", self.trust))
            rows.append((f"{who} cooperates iff", self.cooperates))
        return tuple(rows)


def _belief_symbol(belief, used) -> sympy.Symbol:
    if belief is not None:
        if not isinstance(belief, sympy.Symbol):
            raise ModelError(f"belief must be a SymPy symbol, got {belief!r}")
        if belief in used:
            raise ModelError(
                f"belief symbol {belief} already appears in the game; choose another"
            )
        return belief
    names = {str(s) for s in used}
    for name in ("p", "q", "mu", "belief"):
        if name not in names:
            return probability(name)
    raise ModelError("could not choose a fresh belief symbol; pass belief=")


def _solve(eu_c, eu_d, p, assume, budget):
    """Indifference point, direction and conditions of EU(C) - EU(D) in p."""
    diff = sympy.expand(eu_c - eu_d)
    poly = sympy.Poly(diff, p)
    if poly.degree() > 1:
        raise UnsupportedError(
            f"EU(C) - EU(D) = {diff} is not linear in the belief {p}"
        )
    slope = sympy.factor(poly.coeff_monomial(p))
    if slope == 0:
        raise UnsupportedError(
            f"EU(C) - EU(D) = {diff} does not depend on the belief {p}: "
            "no threshold (the preference is the same at every belief)"
        )
    roots = sympy.solve(sympy.Eq(eu_c, eu_d), p, dict=False)
    if len(roots) != 1:  # pragma: no cover - linear with nonzero slope
        raise UnsupportedError(f"EU(C) = EU(D) has roots {roots} in {p}")
    value = sympy.factor(sympy.cancel(roots[0]))
    sign = sign_under(slope, assume, budget=budget)
    direction = {1: ">=", -1: "<="}.get(sign)
    # the threshold divides by the slope: a slope that may vanish is stated
    condition = result_condition(
        sympy.And(sympy.Ne(slope, 0), value >= 0, value <= 1), assume, budget=budget
    )
    # EU(C) - EU(D) = slope * (p - threshold): with the slope's sign known,
    # C is weakly better exactly on one side of the threshold; otherwise the
    # comparison is solved for the belief, piece by piece
    if direction == ">=":
        cooperation = sympy.Ge(p, value, evaluate=False)
    elif direction == "<=":
        cooperation = sympy.Le(p, value, evaluate=False)
    else:
        cooperation = solve_for(
            sympy.Ge(diff, 0), p, assumptions=assume, budget=budget
        ).value
    steps = [
        Step("EU(C) - EU(D)", diff, "difference of expected payoffs, linear in belief"),
        Step(
            "slope in the belief",
            slope,
            "sign: " + ({1: "positive", -1: "negative"}.get(sign, "undecided")),
        ),
        Step("threshold", value, "solve EU(C) = EU(D) for the belief"),
        Step("conditions", condition, "nonzero slope; threshold in [0, 1]"),
    ]
    return value, direction, condition, cooperation, steps


def _cooperates(raw, trust, assume, budget):
    """Where the type cooperates, in the game's parameters: solved for the
    trust's one parameter when it has one (``p >= 1/(d + 1)``), else the
    shorter of the raw and the simplified forms."""
    free = trust.free_symbols if isinstance(trust, sympy.Basic) else set()
    if len(free) == 1:
        (prior,) = free
        try:
            solved = solve_for(raw, prior, assumptions=assume, budget=budget)
        except UnsupportedError:
            solved = None
        if solved is not None and solved.condition is S.true:
            return solved.value
    simple = simplify_cleared(raw, assume, budget=budget)
    if simple in (S.true, S.false):
        return simple
    return raw if sympy.count_ops(simple) > sympy.count_ops(raw) else simple


def classify_types(
    game: BayesianGame, player, cooperate="C", defect="D", *, budget=None
) -> Mapping:
    """Each type's action under Kydd's rule: reciprocate cooperation or exploit.

    A type is *trustworthy* (plays ``cooperate``) if it strictly prefers
    cooperating when the other cooperates, and *untrustworthy* (plays
    ``defect``) if it strictly prefers defecting then, at every admissible
    point and every type profile.

    Raises
    ------
    ModelError
        A type whose preference z3 cannot settle: pass the strategy yourself.

    Examples
    --------
    >>> from symtrust import trust_game
    >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], 0)
    >>> dict(classify_types(g, 1))
    {'trustworthy': 'C', 'untrustworthy': 'D'}
    """
    budget = Budget.of(budget)
    j = game.player_index(player)
    n = len(game.players)
    out = {}
    for t in game.types[j]:
        better_c, better_d = [], []
        for tp in game.type_profiles():
            if tp[j] != t:
                continue
            both_c = tuple(cooperate for _ in range(n))
            one_d = tuple(defect if k == j else cooperate for k in range(n))
            u_c, u_d = game.utility(j, both_c, tp), game.utility(j, one_d, tp)
            better_c.append(u_c > u_d)
            better_d.append(u_d > u_c)
        if decide(sympy.And(*better_c), game.assumptions, budget=budget).truth is True:
            out[t] = cooperate
        elif decide(sympy.And(*better_d), game.assumptions, budget=budget).truth:
            out[t] = defect
        else:
            raise ModelError(
                f"type {t!r} of {game.players[j]!r} neither always reciprocates nor "
                "always exploits cooperation under the assumptions; pass "
                "opponent_strategy= explicitly"
            )
    return out


def _group_payoff(game, i, type_, action, opp_action, group, j, weights, budget):
    """u_i(action, opp_action) averaged over the opponent types in a group."""
    profile = tuple(action if k == i else opp_action for k in range(2))
    pay = {tp: game.utility(i, profile, tp) for tp in weights if tp[j] in group}
    values = list(pay.values())
    if all(sympy.cancel(v - values[0]) == 0 for v in values):
        return values[0], S.true
    mass = sympy.Add(*(weights[tp] for tp in pay))
    avg = sympy.Add(*(weights[tp] * u for tp, u in pay.items())) / mass
    return avg, mass > 0


def trust_threshold(
    game,
    player=0,
    cooperate: str = "C",
    defect: str = "D",
    *,
    type: str | None = None,
    opponent_strategy: Mapping | None = None,
    belief: sympy.Symbol | None = None,
    budget=None,
) -> Threshold:
    """The belief at which a player is indifferent between cooperating and defecting.

    Parameters
    ----------
    game : NormalFormGame or BayesianGame
        A two-player game.
    player : str or int
        Whose threshold (default the first player).
    cooperate, defect : str
        The cooperative and defecting actions (the same names for both
        players).
    type : str, optional
        Bayesian games: the player's type (default: its only type, or the one
        named ``"trustworthy"``).
    opponent_strategy : mapping, optional
        Bayesian games: the other player's type -> action. Default: each type
        that reciprocates cooperation cooperates and each that exploits it
        defects (:func:`classify_types`).
    belief : sympy.Symbol, optional
        The belief variable; a fresh probability symbol by default.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    Threshold
        ``value`` the threshold, ``direction`` how the choice depends on the
        belief, ``condition`` where the threshold is a valid belief.

    Raises
    ------
    ModelError
        Unknown player, type or action; a game that is not two-player.
    UnsupportedError
        The preference does not depend on the belief.

    Examples
    --------
    >>> from symtrust import probability, real
    >>> from symtrust.catalog import symmetric_2x2
    >>> R, S_, T, P = real("R S T P")
    >>> th = trust_threshold(symmetric_2x2(R, S_, T, P, assumptions=[R > T, P > S_]))
    >>> th.value
    (P - S)/(P + R - S - T)
    >>> th.direction, th.condition
    ('>=', True)
    >>> from symtrust import trust_game
    >>> t1, t2 = probability("t1 t2")
    >>> th = trust_threshold(trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (t1, t2)))
    >>> th.value, th.trust, th.cooperates
    (1/2, t2, t2 >= 1/2)
    """
    budget = Budget.of(budget)
    if isinstance(game, NormalFormGame):
        return _normal_form(game, player, cooperate, defect, belief, budget)
    if isinstance(game, BayesianGame):
        return _bayesian(
            game, player, cooperate, defect, type, opponent_strategy, belief, budget
        )
    raise ModelError(
        f"trust_threshold needs a NormalFormGame or a BayesianGame, got "
        f"{game.__class__.__name__}"
    )


def _two_players(game, player, cooperate, defect):
    if len(game.players) != 2:
        raise ModelError(
            f"trust thresholds are defined for two players; the game has "
            f"{len(game.players)}"
        )
    i = game.player_index(player)
    for k in (0, 1):
        for a in (cooperate, defect):
            if a not in game.actions[k]:
                raise ModelError(
                    f"action {a!r} is not an action of {game.players[k]!r}; "
                    f"actions are {game.actions[k]}"
                )
    if cooperate == defect:
        raise ModelError(f"cooperate and defect are the same action {cooperate!r}")
    return i, 1 - i


def _normal_form(game, player, cooperate, defect, belief, budget):
    i, _ = _two_players(game, player, cooperate, defect)
    p = _belief_symbol(belief, game.parameters)

    def profile(own, other):
        return (own, other) if i == 0 else (other, own)

    # 1. expected payoffs against an opponent who cooperates with probability p
    eu = tuple(
        p * game.utility(i, profile(a, cooperate))
        + (1 - p) * game.utility(i, profile(a, defect))
        for a in (cooperate, defect)
    )
    value, direction, condition, cooperation, steps = _solve(
        *eu, p, game.assumptions, budget
    )
    steps = [
        Step(f"EU({cooperate})", eu[0], f"{p} = Pr(other plays {cooperate})"),
        Step(f"EU({defect})", eu[1], f"{p} = Pr(other plays {cooperate})"),
        *steps,
    ]
    return Threshold(
        kind="trust threshold",
        value=value,
        condition=condition,
        assumptions=game.assumptions,
        steps=tuple(steps),
        direction=direction,
        belief=p,
        cooperation=cooperation,
        expected_payoffs=eu,
        player=game.players[i],
        actions=(cooperate, defect),
        game=game,
    )


def _default_type(game, i):
    types = game.types[i]
    if len(types) == 1:
        return types[0]
    if "trustworthy" in types:
        return "trustworthy"
    raise ModelError(
        f"{game.players[i]!r} has types {types}: say whose threshold with type="
    )


def _opponent_groups(game, j, cooperate, defect, strategy, budget):
    """The opponent's type-contingent strategy, validated, and its cooperating
    and defecting types."""
    if strategy is None:
        strategy = classify_types(game, j, cooperate, defect, budget=budget)
    if not isinstance(strategy, Mapping):
        raise ModelError(
            f"opponent_strategy must map types to actions, got {strategy!r}"
        )
    for t in game.types[j]:
        if t not in strategy:
            raise ModelError(f"opponent_strategy gives no action for type {t!r}")
        if strategy[t] not in (cooperate, defect):
            raise UnsupportedError(
                f"opponent type {t!r} plays {strategy[t]!r}; a threshold needs each "
                f"type to play {cooperate!r} or {defect!r} (pure)"
            )
    for t in strategy:
        game.check_type(j, t)
    coop = {t for t in game.types[j] if strategy[t] == cooperate}
    if not coop or len(coop) == len(game.types[j]):
        raise ModelError(
            f"every type of {game.players[j]!r} plays the same action under "
            f"{dict(strategy)}; the belief is not a choice variable"
        )
    defectors = set(game.types[j]) - coop
    return strategy, coop, defectors


def _bayesian(game, player, cooperate, defect, type_, strategy, belief, budget):
    i, j = _two_players(game, player, cooperate, defect)
    type_ = _default_type(game, i) if type_ is None else game.check_type(i, type_)
    strategy, coop, defectors = _opponent_groups(
        game, j, cooperate, defect, strategy, budget
    )
    p = _belief_symbol(belief, game.parameters)
    assume = game.assumptions
    weights = game.belief_weights(i, type_)
    # each action's payoff against a cooperating and a defecting opponent
    extra, eu = [], []
    for a in (cooperate, defect):
        u_c, c1 = _group_payoff(game, i, type_, a, cooperate, coop, j, weights, budget)
        u_d, c2 = _group_payoff(
            game, i, type_, a, defect, defectors, j, weights, budget
        )
        extra += [c1, c2]
        eu.append(p * u_c + (1 - p) * u_d)
    value, direction, condition, cooperation, steps = _solve(*eu, p, assume, budget)
    # trust: the probability (given the type) that the other cooperates
    mass = sympy.Add(*weights.values())
    trust = sympy.factor(
        sympy.cancel(
            sympy.Add(*(w for tp, w in weights.items() if tp[j] in coop)) / mass
        )
    )
    if not game.independent:
        extra.append(mass > 0)
    if any(c is not S.true for c in extra):
        condition = result_condition(
            sympy.And(condition, *extra), assume, budget=budget
        )
    cooperates = _cooperates(cooperation.xreplace({p: trust}), trust, assume, budget)
    steps = [
        Step(
            "opponent strategy",
            TypeMap(tuple((t, strategy[t]) for t in game.types[j])),
            "type-contingent",
        ),
        Step(f"EU({cooperate})", eu[0], f"{p} = Pr(other plays {cooperate})"),
        Step(f"EU({defect})", eu[1], f"{p} = Pr(other plays {cooperate})"),
        *steps,
        Step("trust", trust, f"Pr(other's type plays {cooperate} | own type)"),
        Step("cooperates iff", cooperates, "the belief replaced by the trust"),
    ]
    return Threshold(
        kind="trust threshold",
        value=value,
        condition=condition,
        assumptions=assume,
        steps=tuple(steps),
        direction=direction,
        belief=p,
        cooperation=cooperation,
        expected_payoffs=tuple(eu),
        trust=trust,
        cooperates=cooperates,
        player=game.players[i],
        type=type_,
        actions=(cooperate, defect),
        game=game,
        opponent_strategy=TypeMap(tuple((t, strategy[t]) for t in game.types[j])),
    )
