"""Numeric twins of Bayesian Nash equilibria, trust thresholds and posteriors.

Each twin evaluates a symbolic result at one admissible exact point and
compares it with :mod:`symtrust.games.bayesian.twins.brute_bayes` (Fractions, independent of
the solvers):

* ``bayes_nash``: the profiles whose condition holds at the point are exactly
  the brute-force equilibria; each reported interim payoff equals the
  brute-force expected payoff (types of positive probability);
* ``InterimPayoff``: the expected payoff recomputed from the table, the
  weights and the others' (possibly mixed) strategies;
* ``Threshold``: expected payoffs recomputed from the game's table tie at the
  threshold, and cooperating is better exactly on the side the direction
  says (checked just above and below it); in a Bayesian game, whether the
  type cooperates at its actual trust agrees with the result;
* ``Posterior``: the posterior equals joint / marginal computed from the
  prior and likelihood in Fractions; the condition holds iff the marginal is
  positive.

Examples
--------
>>> from symtrust import check, posterior, probability
>>> t = probability("t")
>>> check(posterior({"H": t, "L": 1 - t}, {"H": 1, "L": t}), max_examples=5).passed
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import fraction_at, substitute_condition, value_at
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.bayesian.bayes_nash import (
    BayesNashEquilibrium,
    InterimPayoff,
    bayes_nash,
)
from symtrust.games.bayesian.posterior import Likelihood, Posterior
from symtrust.games.bayesian.thresholds import Threshold
from symtrust.games.bayesian.twins.brute_bayes import (
    bayes_nash_profiles,
    posterior_by_joint,
    type_weights,
)

__all__ = [
    "bayes_nash_equilibrium_twin",
    "bayes_nash_twin",
    "interim_payoff_twin",
    "likelihood_twin",
    "posterior_twin",
    "threshold_twin",
]


def _frac(expr, point, where: str) -> Fraction:
    return fraction_at(expr, point, where)


def _holds(cond, point, what: str) -> bool:
    return holds(cond, point, f"the condition of {what}")


def _profile_key(game, eq) -> tuple:
    return tuple(
        tuple(s[t] for t in game.types[i]) for i, s in enumerate(eq.strategies)
    )


def _check_equilibrium(eq, game, brute, point) -> bool:
    """One equilibrium: its condition holds iff brute force finds it; payoffs."""
    key = _profile_key(game, eq)
    held = _holds(eq.condition, point, f"profile {key}")
    if held != (key in brute):
        raise VerificationError(
            f"profile {key}: its condition is {held} at {point}, but brute force "
            f"says it is{'' if key in brute else ' not'} a Bayesian equilibrium"
        )
    if not held:
        return False
    strategies = [dict(s) for s in eq.strategies]
    # interim payoffs in equilibrium, where the type has positive probability
    for i, payoffs in enumerate(eq.payoffs):
        for t, value in payoffs.items():
            weights = type_weights(game, i, t)
            mass = sum(weights.values(), Fraction(0))
            if mass == 0:
                continue
            total = Fraction(0)
            for tp, w in weights.items():
                prof = tuple(strategies[j][x] for j, x in enumerate(tp))
                total += w * _frac(game.payoff(prof, tp)[i], {}, "a payoff")
            expected = total / mass
            got = _frac(value, point, f"interim payoff of {t}")
            if got != expected:
                raise VerificationError(
                    f"interim payoff of {game.players[i]} ({t}) in {key} is "
                    f"{got} at the point; brute force gives {expected}"
                )
    return True


@twin(BayesNashEquilibrium)
def bayes_nash_equilibrium_twin(eq, point) -> None:
    """Check one Bayesian equilibrium: its condition holds iff brute force agrees.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import bayes_nash, probability, trust_game
    >>> t = probability("t")
    >>> eq = bayes_nash(trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t))[0]
    >>> bayes_nash_equilibrium_twin(eq, {t: sympy.Rational(1, 3)}) is None
    True
    """
    if eq.game is None:
        raise VerificationError("the Bayesian equilibrium carries no game")
    game = eq.game.subs(point, strict=False)
    _check_equilibrium(eq, game, set(bayes_nash_profiles(game)), point)


@twin(bayes_nash)
def bayes_nash_twin(solution, point) -> None:
    """Compare a bayes_nash Solution with brute-force enumeration at a point.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import bayes_nash, probability, trust_game
    >>> t = probability("t")
    >>> sol = bayes_nash(trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t))
    >>> bayes_nash_twin(sol, {t: sympy.Rational(1, 3)}) is None
    True
    """
    game = solution.game.subs(point, strict=False)
    brute = set(bayes_nash_profiles(game))
    claimed = set()
    for eq in solution.results:
        key = _profile_key(game, eq)
        if key in claimed:
            raise VerificationError(f"profile {key} is reported twice")
        if _check_equilibrium(eq, game, brute, point):
            claimed.add(key)
    # a solve its budget cut short lists correct results, maybe not all
    if claimed != brute and (solution.complete or not claimed <= brute):
        raise VerificationError(
            f"at {point} the symbolic conditions give equilibria {sorted(claimed)}; "
            f"brute force gives {sorted(brute)}"
        )


def _group_average(game, i, type_, action, opp_action, group, j) -> Fraction:
    weights = type_weights(game, i, type_)
    chosen = {tp: w for tp, w in weights.items() if tp[j] in group}
    mass = sum(chosen.values(), Fraction(0))
    pays = {}
    for tp in chosen:
        prof = tuple(action if k == i else opp_action for k in range(2))
        pays[tp] = _frac(game.payoff(prof, tp)[i], {}, "a payoff")
    if len(set(pays.values())) == 1:
        return next(iter(pays.values()))
    if mass == 0:
        return None  # the group's average payoff is undefined here
    return sum((w * pays[tp] for tp, w in chosen.items()), Fraction(0)) / mass


@twin(Threshold)
def threshold_twin(threshold, point) -> None:
    """Check a trust threshold by exact expected payoffs around it.

    Examples
    --------
    >>> from symtrust import trust_threshold
    >>> from symtrust.catalog import symmetric_2x2
    >>> threshold_twin(trust_threshold(symmetric_2x2(4, 1, 3, 2)), {}) is None
    True
    """
    game = threshold.game.subs(point, strict=False)
    coop, defect = threshold.actions
    i = game.player_index(threshold.player)
    j = 1 - i
    raw = value_at(threshold.value, point)
    if raw is None:
        # no indifference point here (zero slope): the result must say so
        if _holds(threshold.condition, point, "the threshold"):
            raise VerificationError(
                f"threshold {threshold.value} is undefined at {point}, yet its "
                f"condition {threshold.condition} holds there"
            )
        return
    star = _frac(raw, {}, "threshold")
    if threshold.opponent_strategy is None:

        def u(a, b):
            prof = (a, b) if i == 0 else (b, a)
            return _frac(game.payoff(prof)[i], {}, "a payoff")

        def eu(a, belief):
            return belief * u(a, coop) + (1 - belief) * u(a, defect)

    else:
        strat = threshold.opponent_strategy
        group_c = {t for t in strat if strat[t] == coop}
        group_d = {t for t in strat if strat[t] == defect}
        averages = {
            (a, b, g == "c"): _group_average(
                game, i, threshold.type, a, b, group_c if g == "c" else group_d, j
            )
            for a in (coop, defect)
            for b, g in ((coop, "c"), (defect, "d"))
        }

        if any(v is None for v in averages.values()):
            if _holds(threshold.condition, point, "the threshold"):
                raise VerificationError(
                    f"a group of opponent types has probability 0 at {point}, yet "
                    f"the threshold's condition {threshold.condition} holds there"
                )
            return

        def eu(a, belief):
            return (
                belief * averages[(a, coop, True)]
                + (1 - belief) * averages[(a, defect, False)]
            )

    def gain(belief):
        return eu(coop, belief) - eu(defect, belief)

    if gain(star) != 0:
        raise VerificationError(
            f"at threshold {star} EU({coop}) - EU({defect}) = {gain(star)}, not 0"
        )
    # one step either side: the sign must follow the direction
    above, below = gain(star + 1), gain(star - 1)
    expected = {">=": (1, -1), "<=": (-1, 1)}.get(threshold.direction)
    signs = ((above > 0) - (above < 0), (below > 0) - (below < 0))
    if expected is not None and signs != expected:
        raise VerificationError(
            f"direction {threshold.direction!r} but EU({coop}) - EU({defect}) has "
            f"signs {signs} above and below the threshold {star}"
        )
    if threshold.trust is not None:
        weights = type_weights(game, i, threshold.type)
        mass = sum(weights.values(), Fraction(0))
        if mass == 0:
            return
        trust = (
            sum((w for tp, w in weights.items() if strat[tp[j]] == coop), Fraction(0))
            / mass
        )
        prefers = gain(trust) >= 0
        said = _holds(threshold.cooperates, point, "cooperates")
        if said != prefers:
            raise VerificationError(
                f"at trust {trust} the result says cooperates={said}; exact "
                f"expected payoffs say {prefers}"
            )


@twin(Likelihood)
def likelihood_twin(lik, point) -> None:
    """Enumerate every action profile with its exact probability, per type profile.

    Each type's strategy must be a distribution at the point, and the observed
    profiles' total probability must be the likelihood.

    Examples
    --------
    >>> from sympy import Rational
    >>> from symtrust import probability
    >>> from symtrust.games.bayesian.posterior import likelihood_of
    >>> s = probability("s")
    >>> lik = likelihood_of([{"T": {"C": s, "D": 1 - s}}], ("D",))
    >>> likelihood_twin(lik, {s: Rational(1, 3)}) is None
    True
    """
    actions = [
        sorted({a for dist in player.values() for a in dist})
        for player in lik.strategies
    ]
    observed = set(lik.observed)
    for types, value in lik.value.items():
        dists = [lik.strategies[i][t] for i, t in enumerate(types)]
        total = seen = Fraction(0)
        for prof in itertools.product(*actions):
            p = Fraction(1)
            for d, a in zip(dists, prof, strict=True):
                p *= _frac(d[a], point, f"Pr({a} | {types})") if a in d else 0
            total += p
            seen += p if prof in observed else 0
        if total != 1:
            raise VerificationError(
                f"strategies at {types} give probabilities summing to {total} at "
                f"{point}"
            )
        got = _frac(value, point, f"likelihood of {types}")
        if got != seen:
            raise VerificationError(
                f"likelihood of {types} is {got} at {point}; enumeration gives {seen}"
            )


@twin(Posterior)
def posterior_twin(post, point) -> None:
    """Compare a posterior with joint / marginal computed in Fractions.

    Examples
    --------
    >>> from symtrust import posterior, probability
    >>> t = probability("t")
    >>> post = posterior({"H": t, "L": 1 - t}, {"H": 0, "L": 1})
    >>> posterior_twin(post, {t: 1}) is None
    True
    """
    prior = {k: _frac(v, point, f"prior of {k}") for k, v in post.prior.items()}
    lik = {k: _frac(v, point, f"likelihood of {k}") for k, v in post.likelihood.items()}
    expected = posterior_by_joint(prior, lik)
    held = substitute_condition(post.condition, point)
    marginal = _frac(post.marginal, point, "marginal")
    if marginal != sum((prior[k] * lik[k] for k in prior), Fraction(0)):
        raise VerificationError(f"marginal {marginal} at {point} is not sum of joint")
    in_equilibrium = any(s.label == "and the equilibrium holds" for s in post.steps)
    if expected is None:
        if held is True:
            raise VerificationError(
                f"the observation has probability 0 at {point} but the condition "
                f"{post.condition} holds there"
            )
        return
    if held is not True:
        # only an equilibrium's own condition may fail where Pr(o) > 0
        if not in_equilibrium:
            raise VerificationError(
                f"the observation has probability {marginal} > 0 at {point} but "
                f"the condition {post.condition} does not hold there"
            )
        return
    for k, value in post.value.items():
        got = _frac(value, point, f"posterior of {k}")
        if got != expected[k]:
            raise VerificationError(
                f"posterior of {k} is {got} at {point}; joint / marginal gives "
                f"{expected[k]}"
            )


@twin(InterimPayoff)
def interim_payoff_twin(result, point) -> None:
    """Recompute an interim expected payoff by enumeration at a point.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import probability, trust_game
    >>> from symtrust.games.bayesian import interim_payoff
    >>> t = probability("t")
    >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t)
    >>> r = interim_payoff(g, 0, "trustworthy", "D", [None, {"trustworthy": "C",
    ...                    "untrustworthy": {"C": t, "D": 1 - t}}])
    >>> interim_payoff_twin(r, {t: sympy.Rational(2, 7)}) is None
    True
    """
    game = result.game.subs(point, strict=False)
    i = game.player_index(result.player)
    weights = type_weights(game, i, result.type)
    mass = sum(weights.values(), Fraction(0))
    if mass == 0:
        if _holds(result.condition, point, "the interim payoff"):
            raise VerificationError(
                f"type {result.type} has probability 0 at {point}, yet the interim "
                f"payoff's condition {result.condition} holds there"
            )
        return
    total = Fraction(0)
    for tp, w in weights.items():
        dists = [
            {result.action: Fraction(1)}
            if j == i
            else {
                a: _frac(q, point, f"probability of {a}")
                for a, q in result.strategies[j][t].items()
            }
            for j, t in enumerate(tp)
        ]
        for prof in itertools.product(*(tuple(d) for d in dists)):
            q = Fraction(1)
            for d, a in zip(dists, prof, strict=True):
                q *= d[a]
            total += w * q * _frac(game.payoff(prof, tp)[i], {}, "a payoff")
    expected = total / mass
    got = _frac(result.value, point, "interim payoff")
    if got != expected:
        raise VerificationError(
            f"interim payoff of {result.player} ({result.type}) from {result.action} "
            f"is {got} at {point}; enumeration gives {expected}"
        )
