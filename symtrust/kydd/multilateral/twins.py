"""Numeric twin of the multilateral solvers: explicit players, brute force.

Independent of :mod:`symtrust.kydd.multilateral.cooperation`: at an exact point the game
is rebuilt with every member of every group as an explicit player, and the
Bayesian game (two types per player, independent priors) is solved by
enumeration with :class:`fractions.Fraction` arithmetic:

1. each explicit player's payoff at an action profile, from the definition:
   the power-weighted average of its bilateral Security Dilemma payoffs over
   the explicit others, or the weakest-link rule (the ``(a, C)`` payoff iff
   every other cooperates);
2. the untrustworthy type's ``D`` is checked to be strictly dominant against
   every action profile of the others (so equilibria have it defect);
3. for every set of trustworthy cooperators (``2**n`` of them), each type's
   expected payoff of C and D by enumeration of the others' type profiles
   (``2**(n-1)``); the set is a Bayesian equilibrium iff no type gains by
   deviating;
4. the solver's largest cooperative set must be an equilibrium containing
   every other; ``full_cooperation``'s condition must hold iff "everybody's
   trustworthy type cooperates" is an equilibrium.

Beyond :data:`MAX_BRUTE` players step 3 is replaced by the greatest
equilibrium found by best-response iteration from "all cooperate" (still with
explicit players); beyond :data:`MAX_TYPES` players expected payoffs use the
independence of types (each other's marginal effect times its probability of
cooperating) instead of enumerating type profiles.

Examples
--------
>>> from sympy import Rational as R
>>> from symtrust.catalog import hegemony_game
>>> g = hegemony_game(4, m=R(1, 2), pi_h=R(9, 10), pi_s=R(3, 5), t=0, c=2, w=1,
...                   greedy_temptation=2)
>>> sorted(brute_cooperative_sets(g))
[(), ('hegemon', 'small[1]', 'small[2]', 'small[3]')]
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import sympy

from symtrust.core.exact import fraction_at, substitute_condition
from symtrust.core.twins import holds, skip, twin
from symtrust.errors import ModelError, VerificationError
from symtrust.kydd.multilateral.cooperation import (
    CooperationCondition,
    CooperationIndex,
    CooperationThreshold,
    CooperativeSet,
    FullCooperation,
    largest_cooperative_set,
)
from symtrust.kydd.multilateral.statics import CooperationStatics

__all__ = [
    "MAX_BRUTE",
    "brute_cooperative_sets",
    "cooperation_condition_twin",
    "cooperation_index_twin",
    "cooperation_statics_twin",
    "cooperation_threshold_twin",
    "explicit_players",
    "full_cooperation_twin",
    "largest_cooperative_set_twin",
]

#: Largest number of explicit players solved by full enumeration.
MAX_BRUTE = 6
#: Largest number of players whose type profiles are enumerated.
MAX_TYPES = 8


def _fraction(value, what) -> Fraction:
    return fraction_at(value, {}, what)


def explicit_players(game) -> tuple:
    """Explicit players of a numeric multilateral game.

    Returns tuples ``(member name, actor name, power, trust, temptation, cost)``
    with Fraction values; every member of a group appears on its own.

    Examples
    --------
    >>> from symtrust.catalog import hegemony_game
    >>> g = hegemony_game(3, m=sympy.Rational(1, 2), pi_h=1, pi_s=1, t=0, c=2,
    ...                   w=1, greedy_temptation=2)
    >>> [p[0] for p in explicit_players(g)]
    ['hegemon', 'small[1]', 'small[2]']
    """
    out = []
    for a in game.actors:
        values = [
            _fraction(v, f"{x} of {a.name}")
            for x, v in (
                ("power", a.power),
                ("trust", a.trust),
                ("temptation", a.temptation),
                ("cost", a.cost),
            )
        ]
        out.extend((member, a.name, *values) for member in a.member_names())
    return tuple(out)


def _payoff(players, i, actions, trustworthy, w, greedy, aggregation) -> Fraction:
    """Player i's payoff at an explicit action profile (the definition)."""
    _, _, _, _, tempt, cost = players[i]
    own = actions[i]

    def bilateral(other):
        if own == "C":
            return Fraction(1) if other == "C" else -cost
        return (tempt if trustworthy else greedy) if other == "C" else -w

    others = [j for j in range(len(players)) if j != i]
    if aggregation == "weakest_link":
        return bilateral("C" if all(actions[j] == "C" for j in others) else "D")
    weight = sum(players[j][2] for j in others)
    return sum(players[j][2] * bilateral(actions[j]) for j in others) / weight


def _expected(players, i, plan, trustworthy, action, w, greedy, aggregation):
    """Expected payoff of a type of i playing action, others following plan.

    Up to MAX_TYPES players the others' type profiles are enumerated; beyond,
    the expectation uses independence: each other explicit player cooperates
    with probability ``trust`` if its plan is C, and the payoff is linear in
    each other's action (power) or depends on all of them (weakest link).
    """
    others = [j for j in range(len(players)) if j != i]
    if len(players) > MAX_TYPES:
        return _expected_independent(
            players, i, plan, trustworthy, action, w, greedy, aggregation
        )
    total = Fraction(0)
    for types in itertools.product((True, False), repeat=len(others)):
        prob = Fraction(1)
        actions = [None] * len(players)
        actions[i] = action
        for j, ty in zip(others, types, strict=True):
            prob *= players[j][3] if ty else 1 - players[j][3]
            actions[j] = plan[j] if ty else "D"
        if prob:
            total += prob * _payoff(
                players, i, actions, trustworthy, w, greedy, aggregation
            )
    return total


def _expected_independent(
    players, i, plan, trustworthy, action, w, greedy, aggregation
):
    others = [j for j in range(len(players)) if j != i]
    coop = {j: (players[j][3] if plan[j] == "C" else Fraction(0)) for j in others}
    all_c = ["C"] * len(players)
    all_c[i] = action
    all_d = ["D"] * len(players)
    all_d[i] = action
    if aggregation == "weakest_link":
        p_all = Fraction(1)
        for j in others:
            p_all *= coop[j]
        u_c = _payoff(players, i, all_c, trustworthy, w, greedy, aggregation)
        u_d = _payoff(players, i, all_d, trustworthy, w, greedy, aggregation)
        return p_all * u_c + (1 - p_all) * u_d
    total = Fraction(0)
    for j in others:
        # j alone changes between C and D, all others defecting: j's marginal part
        only_j = list(all_d)
        only_j[j] = "C"
        gain = _payoff(players, i, only_j, trustworthy, w, greedy, aggregation) - (
            _payoff(players, i, all_d, trustworthy, w, greedy, aggregation)
        )
        total += coop[j] * gain
    return _payoff(players, i, all_d, trustworthy, w, greedy, aggregation) + total


def _is_equilibrium(players, plan, w, greedy, aggregation, memo=None) -> bool:
    """Whether no type of any player gains by switching its action.

    ``memo`` (a dict shared across the plans of one game) keeps each expected
    payoff by what it depends on: the player, the others' plans, the type and
    the action (every plan of the others is met under both plans of i).
    """
    memo = {} if memo is None else memo

    def expected(i, trustworthy, action):
        key = (i, tuple(plan[:i]), tuple(plan[i + 1 :]), trustworthy, action)
        value = memo.get(key)
        if value is None:
            value = memo[key] = _expected(
                players, i, plan, trustworthy, action, w, greedy, aggregation
            )
        return value

    for i in range(len(players)):
        for trustworthy in (True, False):
            chosen = plan[i] if trustworthy else "D"
            other = "D" if chosen == "C" else "C"
            if expected(i, trustworthy, other) > expected(i, trustworthy, chosen):
                return False
    return True


def _check_greedy_dominance(players, w, greedy, aggregation) -> None:
    n = len(players)
    for i in range(n):
        for rest in itertools.product("CD", repeat=n - 1):
            acts = [*rest[:i], "C", *rest[i:]]
            defect = [*rest[:i], "D", *rest[i:]]
            c = _payoff(players, i, acts, False, w, greedy, aggregation)
            d = _payoff(players, i, defect, False, w, greedy, aggregation)
            if not d > c:
                raise VerificationError(
                    f"D is not strictly dominant for untrustworthy {players[i][0]}"
                )


def brute_cooperative_sets(game) -> tuple:
    """Every equilibrium set of actors with cooperating trustworthy types.

    Enumerates all ``2**n`` plans of the explicit players' trustworthy types
    and returns, for each Bayesian equilibrium, the tuple of actors whose
    trustworthy members cooperate (only plans treating all members of a group
    alike are mapped to actors; others are reported by member name).
    """
    players = explicit_players(game)
    w = _fraction(game.w, "w")
    greedy = _fraction(game.greedy_temptation, "t_U")
    if len(players) > MAX_BRUTE:
        raise VerificationError(f"{len(players)} players exceed MAX_BRUTE={MAX_BRUTE}")
    _check_greedy_dominance(players, w, greedy, game.aggregation)
    out = []
    memo: dict = {}
    for plan in itertools.product("CD", repeat=len(players)):
        if _is_equilibrium(players, plan, w, greedy, game.aggregation, memo):
            out.append(
                tuple(p[0] for p, a in zip(players, plan, strict=True) if a == "C")
            )
    return tuple(out)


def _members(game, actors) -> tuple:
    out = []
    for a in game.actors:
        if a.name in actors:
            out.extend(a.member_names())
    return tuple(out)


def _greatest_by_iteration(players, w, greedy, aggregation) -> tuple:
    """Greatest equilibrium: best responses iterated from all-cooperate."""
    plan = ["C"] * len(players)
    while True:
        new = list(plan)
        for i in range(len(players)):
            if plan[i] == "C":
                c = _expected(players, i, plan, True, "C", w, greedy, aggregation)
                d = _expected(players, i, plan, True, "D", w, greedy, aggregation)
                if d > c:
                    new[i] = "D"
        if new == plan:
            return tuple(p[0] for p, a in zip(players, plan, strict=True) if a == "C")
        plan = new


def _case_at(solution, point):
    held = []
    for r in solution.results:
        value = substitute_condition(r.condition, point)
        if value is None:
            raise VerificationError(
                f"condition {r.condition} of case {r.cooperators} is undefined at {point}"
            )
        if value:
            held.append(r)
    if len(held) != 1:
        raise VerificationError(
            f"{len(held)} cases hold at {point}: {[r.cooperators for r in held]}"
        )
    return held[0]


def _check_case(case, game, point) -> None:
    """Where a case holds, its cooperators are the greatest equilibrium set."""
    claimed = set(_members(game, case.cooperators))
    players = explicit_players(game)
    if len(players) <= MAX_BRUTE:
        sets = [set(s) for s in brute_cooperative_sets(game)]
        if claimed not in sets:
            raise VerificationError(
                f"cooperators {sorted(claimed)} are not an equilibrium at {point}; "
                f"brute force finds {sets}"
            )
        bigger = [s for s in sets if not s <= claimed]
        if bigger:
            raise VerificationError(
                f"equilibria {bigger} are not inside the claimed largest set "
                f"{sorted(claimed)} at {point}"
            )
        return
    w = _fraction(game.w, "w")
    greedy = _fraction(game.greedy_temptation, "t_U")
    found = set(_greatest_by_iteration(players, w, greedy, game.aggregation))
    if found != claimed:
        raise VerificationError(
            f"best-response iteration finds {sorted(found)}, the solver "
            f"{sorted(claimed)}, at {point}"
        )


@twin(CooperativeSet)
def cooperative_set_twin(case, point) -> None:
    """Check one case of the largest cooperative set where its condition holds.

    Where the condition fails the case claims nothing, and the point is not
    counted (:func:`~symtrust.core.twins.skip`).
    """
    if case.game is None:
        raise VerificationError(f"the case {case.cooperators} carries no game")
    point = dict(point)
    if not holds(case.condition, point, f"the condition of case {case.cooperators}"):
        skip("the case's condition does not hold here: it claims nothing")
    _check_case(case, case.game.subs(point, strict=False), point)


@twin(largest_cooperative_set)
def largest_cooperative_set_twin(solution, point) -> None:
    """Compare the largest cooperative set with brute force at one point.

    Raises
    ------
    VerificationError
        Not exactly one case holding at the point, or a set that is not the
        greatest equilibrium of the explicit game.
    """
    point = dict(point)
    case = _case_at(solution, point)
    _check_case(case, solution.game.subs(point, strict=False), point)


@twin(FullCooperation)
def full_cooperation_twin(result, point) -> None:
    """Full cooperation's condition holds iff all-cooperate is an equilibrium.

    The result carries its game; the explicit game at the point decides
    whether every trustworthy type cooperating is a Bayesian equilibrium.
    """
    game = getattr(result, "game", None)
    if game is None:
        raise VerificationError("FullCooperation result carries no game")
    point = dict(point)
    held = substitute_condition(result.condition, point)
    if held is None:
        raise VerificationError(f"condition {result.condition} undefined at {point}")
    numeric = game.subs(point, strict=False)
    players = explicit_players(numeric)
    w = _fraction(numeric.w, "w")
    greedy = _fraction(numeric.greedy_temptation, "t_U")
    plan = ["C"] * len(players)
    truth = _is_equilibrium(players, plan, w, greedy, numeric.aggregation)
    if truth != held:
        raise VerificationError(
            f"full cooperation condition is {held} at {point} but all-cooperate "
            f"is{'' if truth else ' not'} an equilibrium"
        )


def _expected_given(players, i, probs, action, trustworthy, w, greedy, aggregation):
    """Expected payoff of i's action when each other j cooperates w.p. probs[j]."""
    others = [j for j in range(len(players)) if j != i]
    if len(players) > MAX_TYPES:
        plan = ["C"] * len(players)
        fake = [
            (*p[:3], probs.get(j, Fraction(0)), *p[4:]) for j, p in enumerate(players)
        ]
        return _expected_independent(
            fake, i, plan, trustworthy, action, w, greedy, aggregation
        )
    total = Fraction(0)
    for acts in itertools.product("CD", repeat=len(others)):
        prob = Fraction(1)
        actions = [None] * len(players)
        actions[i] = action
        for j, a in zip(others, acts, strict=True):
            prob *= probs[j] if a == "C" else 1 - probs[j]
            actions[j] = a
        if prob:
            total += prob * _payoff(
                players, i, actions, trustworthy, w, greedy, aggregation
            )
    return total


def _first_member(players, actor_name) -> int:
    for i, p in enumerate(players):
        if p[1] == actor_name:
            return i
    raise VerificationError(f"no explicit member of {actor_name!r}")


def _numeric(result, point):
    point = dict(point)
    game = result.game
    if game is None:
        raise VerificationError(f"{type(result).__name__} carries no game")
    numeric = game.subs(point, strict=False)
    return point, numeric, explicit_players(numeric)


@twin(CooperationThreshold)
def cooperation_threshold_twin(result, point) -> None:
    """At the threshold a trustworthy member is exactly indifferent.

    The others cooperate independently so that the index equals a chosen ``q``
    (all with probability ``q`` under power aggregation; one with ``q`` and the
    rest surely under the weakest link); explicit expected payoffs must tie at
    ``q = mu``, favour C above it and D below it.
    """
    point, game, players = _numeric(result, point)
    i = _first_member(players, result.actor)
    mu = fraction_at(result.value, point, "threshold")
    if not 0 <= mu <= 1:
        raise VerificationError(f"threshold {mu} outside [0, 1] at {point}")
    w = _fraction(game.w, "w")
    greedy = _fraction(game.greedy_temptation, "t_U")
    others = [j for j in range(len(players)) if j != i]

    def gain(q):
        if game.aggregation == "weakest_link":
            probs = {j: Fraction(1) for j in others}
            probs[others[0]] = q
        else:
            probs = dict.fromkeys(others, q)
        args = (True, w, greedy, game.aggregation)
        c = _expected_given(players, i, probs, "C", *args)
        return c - _expected_given(players, i, probs, "D", *args)

    if gain(mu) != 0:
        raise VerificationError(f"not indifferent at the threshold {mu}: {gain(mu)}")
    if mu < 1 and not gain((mu + 1) / 2) > 0:
        raise VerificationError(f"C not preferred above the threshold {mu}")
    if mu > 0 and not gain(mu / 2) < 0:
        raise VerificationError(f"D not preferred below the threshold {mu}")


@twin(CooperationCondition)
def cooperation_condition_twin(result, point) -> None:
    """The condition holds iff C is a best response for a trustworthy member."""
    point, game, players = _numeric(result, point)
    i = _first_member(players, result.actor)
    held = substitute_condition(result.condition, point)
    if held is None:
        raise VerificationError(f"condition {result.condition} undefined at {point}")
    probs = {
        j: (p[3] if p[1] in result.cooperators else Fraction(0))
        for j, p in enumerate(players)
        if j != i
    }
    w = _fraction(game.w, "w")
    greedy = _fraction(game.greedy_temptation, "t_U")
    args = (True, w, greedy, game.aggregation)
    c = _expected_given(players, i, probs, "C", *args)
    d = _expected_given(players, i, probs, "D", *args)
    if (c >= d) != held:
        raise VerificationError(
            f"condition is {held} at {point} but EU(C) = {c}, EU(D) = {d}"
        )


def _explicit_index(players, i, actors, aggregation) -> Fraction:
    others = [j for j in range(len(players)) if j != i]
    q = {j: (players[j][3] if players[j][1] in actors else Fraction(0)) for j in others}
    if aggregation == "weakest_link":
        out = Fraction(1)
        for j in others:
            out *= q[j]
        return out
    weight = sum(players[j][2] for j in others)
    return sum(players[j][2] * q[j] for j in others) / weight


@twin(CooperationIndex)
def cooperation_index_twin(result, point) -> None:
    """The index equals the one computed over explicit players at the point."""
    point, game, players = _numeric(result, point)
    i = _first_member(players, result.actor)
    want = _explicit_index(players, i, result.cooperators, game.aggregation)
    got = _fraction(result.value.xreplace(point), "cooperation index")
    if got != want:
        raise VerificationError(
            f"cooperation index of {result.actor} is {got}, explicit players give "
            f"{want} at {point}"
        )


#: Step of the difference quotient in the statics twin.
STATICS_STEP = Fraction(1, 10**9)


@twin(CooperationStatics)
def cooperation_statics_twin(result, point) -> None:
    """The slope of the index against an exact difference quotient.

    ``Q(x + h) - Q(x)`` is computed with explicit players at two exact points
    (``h = 1e-9``, or ``-h`` at the edge of the domain); its sign must be the
    sign of the derived slope (zero exactly when the slope vanishes
    identically), and the quotient must agree with the slope to 1e-3.
    """
    point, game, players = _numeric(result, point)
    x = result.wrt
    i = _first_member(players, result.actor)
    here = _explicit_index(players, i, result.cooperators, game.aggregation)
    for h in (STATICS_STEP, -STATICS_STEP):
        moved = dict(point)
        moved[x] = point[x] + sympy.Rational(h.numerator, h.denominator)
        try:
            other_game = result.game.subs(moved, strict=False)
        except ModelError:
            continue
        other = explicit_players(other_game)
        there = _explicit_index(other, i, result.cooperators, game.aggregation)
        break
    else:
        raise VerificationError(f"no admissible step in {x} at {point}")
    slope = fraction_at(result.index_slope, point, "slope")
    quotient = (there - here) / h
    if result.index_slope == 0:
        if there != here:
            raise VerificationError(f"slope is 0 but Q moves by {there - here}")
        return
    if slope != 0 and (quotient > 0) != (slope > 0):
        raise VerificationError(f"slope {slope} but difference quotient {quotient}")
    if abs(quotient - slope) > Fraction(1, 1000) * (1 + abs(slope)):
        raise VerificationError(
            f"slope {slope} far from difference quotient {quotient}"
        )
