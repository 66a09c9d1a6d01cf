"""Numeric twins of the belief-dynamics results (:mod:`symtrust.games.bayesian.beliefs`).

All in exact :class:`fractions.Fraction` arithmetic at one admissible point:

* ``BeliefPath`` from :func:`~symtrust.games.bayesian.beliefs.belief_path`: update the
  prior one signal at a time for ``n = 0, ..., 6`` and compare with the closed
  form at each ``n``; the condition must hold iff the signal has positive
  probability at ``n = 1``.
* ``BeliefPath`` from :func:`~symtrust.games.bayesian.beliefs.sequential_posterior`:
  compare every step with *batch* Bayes from the joint distribution (prior
  times the product of the likelihoods so far, normalised).
* ``BeliefProperty``: average the posterior over the signals exactly and check
  the proved statement (equality with the prior, or at least the prior) and
  the derived expectation.

Examples
--------
>>> from symtrust import check, probability
>>> from symtrust.games.bayesian.beliefs import belief_path
>>> pi, s = probability("pi s")
>>> check(belief_path({"S": pi, "G": 1 - pi}, {"S": s, "G": 1}), max_examples=5).passed
True
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from symtrust.core.exact import fraction_at, substitute_condition
from symtrust.core.twins import twin
from symtrust.errors import VerificationError
from symtrust.games.bayesian.beliefs import BeliefPath, BeliefProperty

__all__ = ["belief_path_twin", "belief_property_twin"]


def _f(expr, point, what) -> Fraction:
    return fraction_at(expr, point, what)


def _normalise(weights: dict) -> dict | None:
    total = sum(weights.values(), Fraction(0))
    return None if total == 0 else {t: w / total for t, w in weights.items()}


@twin(BeliefPath)
def belief_path_twin(result, point) -> None:
    """Compare a BeliefPath with step-by-step or batch Bayes at one point.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from symtrust.games.bayesian.beliefs import sequential_posterior
    >>> h = Fraction(1, 2)
    >>> lik = {"T": {"C": Fraction(3, 4), "D": Fraction(1, 4)}, "U": {"C": h, "D": h}}
    >>> belief_path_twin(sequential_posterior({"T": h, "U": h}, lik, ["C", "D"]), {})
    """
    point = dict(point)
    prior = {
        t: _f(p, point, f"prior of {t}")
        for t, p in zip(result.types, result.prior, strict=True)
    }
    held = substitute_condition(result.condition, point)
    if held is None:
        raise VerificationError(f"condition {result.condition} undefined at {point}")
    if result.n is not None:
        lik = {t: _f(q, point, f"Pr(signal | {t})") for t, q in result.likelihood}
        if held != (sum(prior[t] * lik[t] for t in prior) > 0):
            raise VerificationError(f"condition {result.condition} wrong at {point}")
        if not held:
            return
        belief = dict(prior)
        for k in range(7):
            for t, form in result.value:
                got = _f(form, {**point, result.n: k}, f"closed form at n={k}")
                if got != belief[t]:
                    raise VerificationError(
                        f"closed form for {t} at n={k} gives {got}, step-by-step "
                        f"Bayes gives {belief[t]} at {point}"
                    )
            belief = _normalise({t: belief[t] * lik[t] for t in belief})
            if belief is None:
                return
        return
    lik = {
        t: {o: _f(q, point, f"Pr({o} | {t})") for o, q in dist}
        for t, dist in result.likelihood
    }
    joint = dict(prior)
    for k, o in enumerate(result.observations):
        joint = {t: joint[t] * lik[t][o] for t in joint}
        batch = _normalise(joint)
        if batch is None:
            if held:
                raise VerificationError(
                    f"observation {k + 1} has probability 0 at {point} but the "
                    "condition holds"
                )
            return
        for t, form in result.path[k]:
            if _f(form, point, f"posterior of {t}") != batch[t]:
                raise VerificationError(
                    f"posterior of {t} after {k + 1} observations differs from "
                    f"batch Bayes at {point}"
                )
    if not held:
        raise VerificationError(
            f"every observation has positive probability at {point} but the "
            "condition fails"
        )


@twin(BeliefProperty)
def belief_property_twin(result, point) -> None:
    """Average the posterior exactly and check the proved statement.

    Examples
    --------
    >>> from symtrust import probability
    >>> from symtrust.games.bayesian.beliefs import martingale
    >>> pi, s = probability("pi s")
    >>> lik = {"S": {"B": s, "N": 1 - s}, "G": {"B": 1, "N": 0}}
    >>> from sympy import Rational
    >>> belief_property_twin(martingale({"S": pi, "G": 1 - pi}, lik, "S"),
    ...                      {pi: Rational(1, 3), s: Rational(1, 2)})
    """
    point = dict(point)
    prior = {t: _f(p, point, f"prior of {t}") for t, p in result.prior}
    lik = {
        t: {o: _f(q, point, f"Pr({o} | {t})") for o, q in dist}
        for t, dist in result.likelihoods
    }
    signals = tuple(lik[next(iter(lik))])
    total = Fraction(0)
    all_positive = True
    sym_lik = {t: dict(dist) for t, dist in result.likelihoods}
    for o in signals:
        marginal = sum(prior[t] * lik[t][o] for t in prior)
        if marginal == 0:
            # a signal impossible at every point is left out of the statement
            symbolic = sum(p * sym_lik[t][o] for t, p in result.prior)
            if sympy.expand(symbolic) != 0:
                all_positive = False
            continue
        post = prior[result.target] * lik[result.target][o] / marginal
        weight = marginal if result.weighting == "prior" else lik[result.weighting][o]
        total += weight * post
    held = substitute_condition(result.condition, point)
    if held is None or held != all_positive:
        raise VerificationError(f"condition {result.condition} wrong at {point}")
    if not held:
        return
    if _f(result.expectation, point, "expected posterior") != total:
        raise VerificationError(
            f"expected posterior differs from brute force at {point}"
        )
    p = prior[result.target]
    ok = total == p if result.weighting == "prior" else total >= p
    if result.truth is True and not ok:
        raise VerificationError(
            f"proved statement {result.value} fails numerically at {point}: "
            f"expected posterior {total}, prior {p}"
        )
