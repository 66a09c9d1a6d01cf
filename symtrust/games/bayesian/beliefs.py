"""Belief dynamics: sequential Bayesian updating, trust paths, martingales.

An observer with prior ``p(t)`` over finitely many types sees signals drawn
i.i.d. given the type, ``L_t(o) = Pr(o | t)`` (Kydd 2005, ch. 1 and 3: trust
is the probability that the other side is trustworthy; observed builds or
gestures move it by Bayes' rule).

1. *Sequential updating* (:func:`sequential_posterior`): apply Bayes' rule
   (:func:`symtrust.games.bayesian.posterior.posterior`) once per observation; the
   posterior after each step is the next prior.
2. *Trust paths* (:func:`belief_path`): after ``n`` repetitions of one signal
   the unnormalised weight obeys the linear recurrence
   ``w_{k+1}(t) = L_t w_k(t)``, ``w_0(t) = p(t)``; SymPy's ``rsolve`` solves it
   for symbolic ``n``, the posterior is ``w_n(t) / sum_s w_n(s)``, and the
   closed form is then proved by induction (base case, and one Bayes step maps
   the form at ``n`` to the form at ``n + 1``, both by exact simplification).
3. *Martingale* (:func:`martingale`): under the observer's own prior the
   expected posterior equals the prior, ``sum_o Pr(o) mu(t | o) = p(t)``
   (claim E of the book, first half).
4. *Convergence to the truth* (:func:`expected_posterior_rises`): when the
   type really is ``t``, the expected posterior on ``t`` is at least its prior,
   ``sum_o L_t(o) mu(t | o) >= p(t)`` (Cauchy-Schwarz; claim E, second half),
   proved with :class:`symtrust.verify.claims.Claim`.

Examples
--------
>>> from symtrust import probability
>>> pi, s = probability("pi s")
>>> path = belief_path({"S": pi, "G": 1 - pi}, {"S": s, "G": 1})
>>> path["S"]
pi*s**n/(pi*s**n - pi + 1)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.bayesian.posterior import posterior
from symtrust.games.bayesian.typemap import check_probability
from symtrust.logic.assumptions import build_assumptions, extend_assumptions
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide

__all__ = [
    "BeliefPath",
    "BeliefProperty",
    "belief_path",
    "expected_posterior_rises",
    "martingale",
    "sequential_posterior",
]


@dataclass(frozen=True, kw_only=True)
class BeliefPath(Result):
    """Posterior beliefs along a sequence of observations.

    ``value`` maps each type to its final posterior (for :func:`belief_path`,
    a closed form in the symbol ``n``).

    Attributes
    ----------
    types : tuple of str
        The types.
    prior : tuple
        Prior probability of each type.
    observations : tuple
        The observations in order (for :func:`sequential_posterior`).
    path : tuple
        Posterior maps after each observation (for :func:`sequential_posterior`).
    n : sympy.Symbol or None
        The number of repetitions (for :func:`belief_path`).
    likelihood : tuple
        Pairs ``(type, Pr(signal | type))`` for :func:`belief_path`; pairs
        ``(type, ((observation, probability), ...))`` for
        :func:`sequential_posterior`.
    """

    types: tuple = ()
    prior: tuple = ()
    observations: tuple = ()
    path: tuple = ()
    n: Any = None
    likelihood: tuple = ()

    def __getitem__(self, type_):
        return dict(self.value)[type_]

    def display_rows(self):
        """Rows for the renderers."""
        return tuple((f"{self.kind}: {t}", v) for t, v in self.value)


@dataclass(frozen=True, kw_only=True)
class BeliefProperty(Result):
    """A proved (or refuted, or undecided) property of Bayesian beliefs.

    ``value`` is the statement; ``condition`` where it is asserted (every
    observation has positive probability).

    Attributes
    ----------
    truth : bool or None
        Proved, refuted (with ``counterexample``) or undecided.
    counterexample : mapping or None
        An exact admissible point violating the statement.
    expectation : sympy.Expr
        The expected posterior, as derived.
    prior_value : sympy.Expr
        The prior it is compared with.
    prior, likelihoods : tuple
        The inputs, as pairs ``(type, p)`` and ``(type, ((o, Pr(o | type)), ...))``.
    target : str
        The type whose posterior is averaged.
    weighting : str
        ``"prior"`` (signals drawn under the observer's prior) or the type
        the signals are drawn from.
    """

    truth: Any = None
    counterexample: Any = None
    expectation: Any = S.Zero
    prior_value: Any = S.Zero
    prior: tuple = ()
    likelihoods: tuple = ()
    target: str = ""
    weighting: str = ""

    def display_rows(self):
        """Rows for the renderers."""
        status = {True: "proved", False: "refuted", None: "undecided"}[self.truth]
        return ((self.kind, self.value), ("status", status))


def _prior(prior, assumptions) -> tuple:
    if not isinstance(prior, Mapping) or not prior:
        raise ModelError(
            f"prior must be a nonempty mapping type -> probability, got {prior!r}"
        )
    return tuple(
        (t, check_probability(p, f"prior of {t!r}", assumptions))
        for t, p in prior.items()
    )


def _likelihoods(likelihoods, types, assumptions) -> dict:
    """Validate ``type -> {observation: probability}`` (each a distribution)."""
    if not isinstance(likelihoods, Mapping) or set(likelihoods) != set(types):
        raise ModelError(
            f"likelihoods must map each type {types} to its signal distribution, "
            f"got {likelihoods!r}"
        )
    signals = None
    out = {}
    for t in types:
        dist = likelihoods[t]
        if not isinstance(dist, Mapping) or not dist:
            raise ModelError(
                f"likelihood of {t!r} must map observations to probabilities"
            )
        if signals is None:
            signals = tuple(dist)
        if set(dist) != set(signals):
            raise ModelError(
                f"likelihood of {t!r} covers {tuple(dist)}, not the observations {signals}"
            )
        out[t] = {
            o: check_probability(q, f"Pr({o!r} | {t!r})", assumptions)
            for o, q in dist.items()
        }
        total = sympy.expand(sum(out[t].values(), S.Zero))
        if total != 1:
            verdict = decide(sympy.Eq(total, 1), assumptions)
            if verdict.truth is not True:
                raise ModelError(
                    f"likelihood of {t!r} sums to {total}, not 1 (a distribution over "
                    f"the observations {signals} is needed)"
                )
    return out


def _symbols(obj) -> set:
    """Free symbols of SymPy values inside (nested) mappings; nothing parsed."""
    if isinstance(obj, sympy.Basic):
        return set(obj.free_symbols)
    if isinstance(obj, Mapping):
        out = set()
        for v in obj.values():
            out |= _symbols(v)
        return out
    return set()


def _assume(assumptions, values) -> Assumptions:
    symbols = _symbols(dict(enumerate(values)))
    if isinstance(assumptions, Assumptions):
        return extend_assumptions(assumptions, symbols=symbols)
    return build_assumptions(list(assumptions), symbols=symbols)


def sequential_posterior(
    prior: Mapping, likelihoods: Mapping, observations: Sequence, *, assumptions=()
) -> BeliefPath:
    """Update beliefs by Bayes' rule over a sequence of observations.

    Parameters
    ----------
    prior : mapping
        Type -> prior probability.
    likelihoods : mapping
        Type -> mapping observation -> probability (a distribution per type).
    observations : sequence
        The observations, in order.
    assumptions : iterable of Boolean
        Relations between parameters.

    Returns
    -------
    BeliefPath
        ``path`` holds the posterior after each observation; ``condition``
        says every observation has positive probability where it is made.

    Examples
    --------
    >>> from fractions import Fraction
    >>> half = Fraction(1, 2)
    >>> lik = {"T": {"C": Fraction(3, 4), "D": Fraction(1, 4)}, "U": {"C": half, "D": half}}
    >>> out = sequential_posterior({"T": half, "U": half}, lik, ["C", "C"])
    >>> out["T"]
    9/13
    """
    assume = _assume(assumptions, (prior, likelihoods))
    pairs = _prior(prior, assume)
    types = tuple(t for t, _ in pairs)
    lik = _likelihoods(likelihoods, types, assume)
    current, path, conds, steps = dict(pairs), [], [], []
    for k, o in enumerate(observations):
        if o not in lik[types[0]]:
            raise ModelError(f"observation {o!r} is not one of {tuple(lik[types[0]])}")
        # one Bayes step: yesterday's posterior is today's prior
        post = posterior(
            current,
            {t: lik[t][o] for t in types},
            assumptions=assume.conditions,
            observation=str(o),
        )
        current = {t: post[t] for t in types}
        path.append(tuple(current.items()))
        conds.append(post.condition)
        steps.append(
            Step(
                f"after observation {k + 1} ({o})",
                sympy.Tuple(*current.values()),
                "Bayes' rule",
            )
        )
    condition = simplify_condition(sympy.And(*conds), assume)
    return BeliefPath(
        kind="posterior",
        value=tuple(current.items()),
        condition=condition,
        assumptions=assume,
        steps=tuple(steps),
        types=types,
        prior=tuple(p for _, p in pairs),
        observations=tuple(observations),
        path=tuple(path),
        likelihood=tuple((t, tuple(lik[t].items())) for t in types),
    )


def belief_path(
    prior: Mapping, likelihood: Mapping, *, n=None, assumptions=()
) -> BeliefPath:
    """Closed-form beliefs after ``n`` repetitions of one signal (``n`` symbolic).

    Parameters
    ----------
    prior : mapping
        Type -> prior probability.
    likelihood : mapping
        Type -> probability of the repeated signal given the type.
    n : sympy.Symbol, optional
        The number of repetitions; a nonnegative integer symbol ``n`` by default.
    assumptions : iterable of Boolean
        Relations between parameters.

    Returns
    -------
    BeliefPath
        ``value`` maps each type to its posterior after ``n`` signals, derived by
        solving the weight recurrence and proved by induction (see ``steps``);
        ``condition`` says the signal has positive probability.

    Examples
    --------
    >>> from symtrust import probability
    >>> pi, s = probability("pi s")
    >>> path = belief_path({"S": pi, "G": 1 - pi}, {"S": s, "G": 1})
    >>> path.condition
    (pi < 1) | ((pi > 0) & (s > 0))
    >>> path["S"].subs(path.n, 1)
    pi*s/(pi*s - pi + 1)
    """
    assume = _assume(assumptions, (prior, likelihood))
    pairs = _prior(prior, assume)
    types = tuple(t for t, _ in pairs)
    if not isinstance(likelihood, Mapping) or set(likelihood) != set(types):
        raise ModelError(
            f"likelihood must give Pr(signal | type) for each type {types}"
        )
    lik = {
        t: check_probability(likelihood[t], f"Pr(signal | {t!r})", assume)
        for t in types
    }
    if n is None:
        n = sympy.Symbol("n", integer=True, nonnegative=True)
    elif not (isinstance(n, sympy.Symbol) and n.is_integer and n.is_nonnegative):
        raise ModelError(f"n={n!r} must be a nonnegative integer SymPy symbol")
    k = sympy.Symbol("k", integer=True, nonnegative=True)
    w = sympy.Function("w")
    steps, weights = [], {}
    for t, p in pairs:
        # 1. the weight recurrence w(k+1) = L_t w(k), w(0) = p(t), solved by rsolve
        sol = sympy.rsolve(w(k + 1) - lik[t] * w(k), w(k), {w(0): p})
        if sol is None:
            raise ModelError(f"could not solve the belief recurrence for type {t!r}")
        weights[t] = sympy.powsimp(sol.subs(k, n))
        steps.append(
            Step(
                f"weight of {t} after n signals",
                weights[t],
                "rsolve of w(k+1) = L w(k)",
            )
        )
    total = sum(weights.values(), S.Zero)
    value = {t: sympy.cancel(weights[t] / total) for t in types}
    # 2. induction: base case and one Bayes step
    for t in types:
        base = sympy.simplify(value[t].subs(n, 0) - dict(pairs)[t])
        if base != 0:
            raise ModelError(f"induction base failed for {t!r}: residual {base}")
        stepped = lik[t] * value[t] / sum((lik[s] * value[s] for s in types), S.Zero)
        residual = sympy.simplify(sympy.cancel(stepped - value[t].subs(n, n + 1)))
        if residual != 0:
            raise ModelError(f"induction step failed for {t!r}: residual {residual}")
    steps.append(
        Step(
            "induction",
            sympy.Tuple(*value.values()),
            "base n = 0 is the prior; one Bayes step maps n to n + 1 (exact simplification)",
        )
    )
    # the signal has positive probability at every n >= 1 iff some type has p L > 0
    condition = simplify_condition(
        sympy.Or(*[sympy.And(p > 0, lik[t] > 0) for t, p in pairs]), assume
    )
    return BeliefPath(
        kind="posterior after n signals",
        value=tuple(value.items()),
        condition=condition,
        assumptions=assume,
        steps=tuple(steps),
        types=types,
        prior=tuple(p for _, p in pairs),
        n=n,
        likelihood=tuple(lik.items()),
    )


def _frozen(pairs, lik) -> dict:
    return {
        "prior": tuple(pairs),
        "likelihoods": tuple((t, tuple(lik[t].items())) for t, _ in pairs),
    }


def _expected(prior, likelihoods, weight_type, target, assume):
    """sum_o weight(o) mu(target | o) and the positivity conditions of Pr(o)."""
    types = tuple(t for t, _ in prior)
    signals = tuple(likelihoods[types[0]])
    total, positive, steps = S.Zero, [], []
    for o in signals:
        marginal = sympy.expand(sum((p * likelihoods[t][o] for t, p in prior), S.Zero))
        if marginal == 0:
            continue
        post = posterior(
            dict(prior),
            {t: likelihoods[t][o] for t in types},
            assumptions=assume.conditions,
        )
        weight = marginal if weight_type is None else likelihoods[weight_type][o]
        total += weight * post[target]
        positive.append(marginal > 0)
        steps.append(Step(f"mu({target} | {o})", post[target], "Bayes' rule"))
    return sympy.factor(sympy.cancel(total)), positive, steps


def _property(
    kind, statement, expectation, prior_value, positive, steps, assume, **inputs
):
    condition = simplify_condition(sympy.And(*positive), assume)
    proof = decide(statement, (*assume.conditions, *positive))
    status = {True: "proved", False: "refuted", None: "undecided"}[proof.truth]
    steps.append(
        Step(
            "statement",
            statement,
            f"{status} ({'decided under the assumptions' if proof.truth else 'see the counterexample'})",
        )
    )
    return BeliefProperty(
        kind=kind,
        value=statement,
        condition=condition,
        assumptions=assume,
        steps=tuple(steps),
        truth=proof.truth,
        counterexample=proof.counterexample,
        expectation=expectation,
        prior_value=prior_value,
        **inputs,
    )


def martingale(
    prior: Mapping, likelihoods: Mapping, type_, *, assumptions=()
) -> BeliefProperty:
    """Prove that the posterior on ``type_`` is a martingale under the prior.

    Examples
    --------
    >>> from symtrust import probability
    >>> pi, s = probability("pi s")
    >>> lik = {"S": {"B": s, "N": 1 - s}, "G": {"B": 1, "N": 0}}
    >>> m = martingale({"S": pi, "G": 1 - pi}, lik, "S")
    >>> m.truth, m.expectation
    (True, pi)
    """
    assume = _assume(assumptions, (prior, likelihoods))
    pairs = _prior(prior, assume)
    lik = _likelihoods(likelihoods, tuple(t for t, _ in pairs), assume)
    if type_ not in dict(pairs):
        raise ModelError(f"unknown type {type_!r}; types are {tuple(dict(pairs))}")
    expectation, positive, steps = _expected(pairs, lik, None, type_, assume)
    statement = sympy.Eq(expectation, dict(pairs)[type_], evaluate=False)
    return _property(
        "martingale: E[posterior] = prior",
        statement,
        expectation,
        dict(pairs)[type_],
        positive,
        steps,
        assume,
        target=type_,
        weighting="prior",
        **_frozen(pairs, lik),
    )


def expected_posterior_rises(
    prior: Mapping, likelihoods: Mapping, true_type, *, assumptions=()
) -> BeliefProperty:
    """Prove that the expected posterior on the true type is at least its prior.

    Examples
    --------
    >>> from symtrust import probability
    >>> pi, s = probability("pi s")
    >>> lik = {"S": {"B": s, "N": 1 - s}, "G": {"B": 1, "N": 0}}
    >>> expected_posterior_rises({"S": pi, "G": 1 - pi}, lik, "S").truth
    True
    """
    assume = _assume(assumptions, (prior, likelihoods))
    pairs = _prior(prior, assume)
    lik = _likelihoods(likelihoods, tuple(t for t, _ in pairs), assume)
    if true_type not in dict(pairs):
        raise ModelError(f"unknown type {true_type!r}; types are {tuple(dict(pairs))}")
    expectation, positive, steps = _expected(pairs, lik, true_type, true_type, assume)
    statement = sympy.Ge(expectation, dict(pairs)[true_type])
    return _property(
        "expected posterior on the true type rises",
        statement,
        expectation,
        dict(pairs)[true_type],
        positive,
        steps,
        assume,
        target=true_type,
        weighting=true_type,
        **_frozen(pairs, lik),
    )
