"""Bayes' rule over finite types, with symbolic priors and likelihoods.

For finite types :math:`\\theta` with prior :math:`\\pi(\\theta)` and likelihood
:math:`\\ell(\\theta) = \\Pr(o \\mid \\theta)` of an observation :math:`o`,

1. joint: :math:`\\Pr(\\theta, o) = \\pi(\\theta)\\,\\ell(\\theta)`;
2. marginal: :math:`\\Pr(o) = \\sum_\\theta \\pi(\\theta)\\,\\ell(\\theta)`;
3. posterior: :math:`\\Pr(\\theta \\mid o) = \\Pr(\\theta, o) / \\Pr(o)`, defined
   exactly when :math:`\\Pr(o) > 0` (the result's condition, simplified under the
   assumptions). An observation of probability zero at every admissible point
   is off the equilibrium path: Bayes' rule says nothing, and symtrust raises.

:func:`posterior_after` applies this to an outside observer of a Bayesian
equilibrium: the likelihood of an observed action profile given a type profile
is the product of each player's probability of taking the observed action
under its type-contingent strategy (Kydd 2005, ch. 1: observing conflict
should lower the observer's belief that both sides are trustworthy).

Examples
--------
>>> from symtrust import probability
>>> t = probability("t")
>>> post = posterior({"trustworthy": t, "untrustworthy": 1 - t},
...                  {"trustworthy": 0, "untrustworthy": 1})
>>> post["untrustworthy"], post.condition
(1, t < 1)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import (
    TypeMap,
    validate_distribution,
    validate_probability,
)
from symtrust.logic.assumptions import build_assumptions, extend_assumptions
from symtrust.logic.conditions import simplify_cleared

__all__ = ["Likelihood", "Posterior", "likelihood_of", "posterior", "posterior_after"]


def _tidy(expr):
    """A compact exact form: one cancelled fraction, factored."""
    expr = sympy.cancel(sympy.together(expr))
    return sympy.factor(expr) if not expr.is_number else expr


def _assumptions(assumptions, values) -> Assumptions:
    """Assumptions (stated ones plus every mentioned symbol's domain)."""
    symbols = set()
    for v in values:
        symbols |= v.free_symbols
    stated = (
        assumptions.conditions
        if isinstance(assumptions, Assumptions)
        else (assumptions)
    )
    if isinstance(stated, sympy.Basic):
        stated = [stated]
    symbols |= getattr(assumptions, "symbols", frozenset())
    return build_assumptions(list(stated), symbols=symbols)


_EMPTY = TypeMap()


@dataclass(frozen=True, kw_only=True)
class Posterior(Result):
    """Posterior beliefs over finite types after one observation.

    ``value`` is a :class:`~symtrust.games.bayesian.typemap.TypeMap` from type
    (or type profile) to posterior probability; indexing the result indexes
    it. ``condition`` says where the observation has positive probability
    (and, from :func:`posterior_after`, where the equilibrium holds).

    Attributes
    ----------
    prior : TypeMap
        The prior.
    likelihood : TypeMap
        Probability of the observation given each type.
    marginal : sympy.Expr
        Probability of the observation.
    observation : str
        A description of what was observed.
    """

    prior: TypeMap = _EMPTY
    likelihood: TypeMap = _EMPTY
    marginal: sympy.Expr = S.One
    observation: str = ""

    def __getitem__(self, label):
        return self.value[label]

    def probability(self, event) -> sympy.Expr:
        """Posterior probability of a set of types (labels, or a predicate).

        Valid where :attr:`condition` holds.

        Examples
        --------
        >>> from symtrust import probability
        >>> a, b = probability("a b")
        >>> post = posterior({("T", "T"): a * b, ("T", "U"): a * (1 - b),
        ...                   ("U", "T"): (1 - a) * b, ("U", "U"): (1 - a) * (1 - b)},
        ...                  {("T", "T"): 1, ("T", "U"): 1, ("U", "T"): 0,
        ...                   ("U", "U"): 0})
        >>> post.probability(lambda types: types[1] == "T")
        b
        """
        return _tidy(sympy.Add(*(self.value[k] for k in _select(self.value, event))))

    def prior_probability(self, event) -> sympy.Expr:
        """Prior probability of a set of types (labels, or a predicate)."""
        return _tidy(sympy.Add(*(self.prior[k] for k in _select(self.prior, event))))

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, self.value)]
        if self.observation:
            rows.append(("after observing", self.observation))
        rows.append(("prior", self.prior))
        return tuple(rows)


def _select(types: Mapping, event) -> tuple:
    if callable(event):
        return tuple(k for k in types if event(k))
    if isinstance(event, (str, tuple)) and event in types:
        return (event,)
    if isinstance(event, Collection) and not isinstance(event, str):
        chosen = tuple(event)
        for k in chosen:
            if k not in types:
                raise ModelError(f"unknown type {k!r}; types are {tuple(types)}")
        return chosen
    raise ModelError(
        f"event {event!r} is not a type, a collection of types or a predicate"
    )


def posterior(
    prior: Mapping,
    likelihood: Mapping,
    *,
    assumptions=(),
    observation: str = "",
) -> Posterior:
    """Bayes' rule over finite types with symbolic prior and likelihood.

    Parameters
    ----------
    prior : mapping
        Type label -> prior probability (exact number or SymPy expression).
        Each value must lie in [0, 1] and they must sum to 1 (checked
        symbolically under the assumptions).
    likelihood : mapping
        Type label -> probability of the observation given that type; the
        same labels as ``prior``.
    assumptions : Assumptions or iterable of Boolean
        Relations between parameters; symbol domains are added automatically.
    observation : str
        A description of the observation, for printing.

    Returns
    -------
    Posterior
        ``value`` maps each type to its posterior; ``condition`` is
        ``Pr(observation) > 0`` simplified under the assumptions (conjoined
        with any validity check z3 could not decide); ``steps`` record the
        joint, the marginal and the posterior.

    Raises
    ------
    ModelError
        Labels that differ between prior and likelihood, a prior that provably
        does not sum to 1, a value provably outside [0, 1], or an observation
        of probability zero at every admissible point.

    Examples
    --------
    >>> from symtrust import probability
    >>> t, s = probability("t s")
    >>> post = posterior({"H": t, "L": 1 - t}, {"H": s, "L": 1})
    >>> post["H"]
    s*t/(s*t - t + 1)
    >>> posterior({"H": t, "L": t}, {"H": 1, "L": 1})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: prior sums to 2*t, not 1 (e.g. at t = 0)
    """
    prior = TypeMap.of(prior, what="prior", labels=False)
    likelihood = TypeMap.of(likelihood, what="likelihood", labels=False)
    if set(prior) != set(likelihood):
        missing = [k for k in prior if k not in likelihood]
        extra = [k for k in likelihood if k not in prior]
        raise ModelError(
            f"likelihood must give one probability per type of the prior; "
            f"missing {missing}, unknown {extra}"
        )
    for label, value in (*prior.items(), *likelihood.items()):
        if not isinstance(value, sympy.Expr):
            raise ModelError(f"probability of {label!r} is {value!r}, not a number")
    assume = _assumptions(assumptions, (*prior.values(), *likelihood.values()))
    # validity: a prior is a distribution, a likelihood is a probability
    residual = [validate_distribution(prior, "prior", assume)]
    for label, value in likelihood.items():
        residual.append(validate_probability(value, f"likelihood of {label!r}", assume))
    # 1. joint probability of each type and the observation
    joint = TypeMap(tuple((k, prior[k] * likelihood[k]) for k in prior))
    # 2. marginal probability of the observation
    marginal = _tidy(sympy.Add(*joint.values()))
    positive = simplify_cleared(marginal > 0, assume)
    if positive is S.false:
        raise ModelError(
            f"the observation has probability {marginal} = 0 at every admissible "
            "point; Bayes' rule does not apply (off-path beliefs are unrestricted)"
        )
    # 3. posterior = joint / marginal
    value = joint.map(lambda j: _tidy(j / marginal))
    condition = simplify_cleared(sympy.And(positive, *residual), assume)
    steps = (
        Step("joint Pr(type, observation)", joint, "prior times likelihood"),
        Step("marginal Pr(observation)", marginal, "sum of the joint over types"),
        Step(
            "posterior Pr(type | observation)", value, "Bayes' rule: joint / marginal"
        ),
        Step("defined when", condition, "the observation has positive probability"),
    )
    return Posterior(
        kind="posterior",
        value=value,
        condition=condition,
        assumptions=assume,
        steps=steps,
        prior=prior,
        likelihood=likelihood,
        marginal=marginal,
        observation=observation,
    )


# -- observers of an equilibrium ---------------------------------------------


def _action_distribution(entry, where: str) -> TypeMap:
    """A type's behaviour: a pure action, or a map action -> probability."""
    if isinstance(entry, str):
        return TypeMap(((entry, S.One),))
    if isinstance(entry, Mapping):
        return TypeMap.of(entry)
    raise ModelError(
        f"strategy at {where} is {entry!r}: give an action name or a mapping "
        "action -> probability"
    )


def _matcher(observation) -> Callable:
    """A predicate on action profiles from an observation."""
    if callable(observation):
        return observation
    if isinstance(observation, tuple) and all(
        a is None or isinstance(a, str) for a in observation
    ):
        return lambda prof: (
            len(prof) == len(observation)
            and all(o is None or o == a for o, a in zip(observation, prof, strict=True))
        )
    if isinstance(observation, Collection) and not isinstance(observation, str):
        profiles = {tuple(p) for p in observation}
        return lambda prof: prof in profiles
    raise ModelError(
        f"observation {observation!r} must be an action profile (None for an "
        "unobserved player), a collection of profiles, or a predicate"
    )


@dataclass(frozen=True, kw_only=True)
class Likelihood(Result):
    """Pr(observation | type profile) for every type profile of the players.

    ``value`` is a :class:`~symtrust.games.bayesian.typemap.TypeMap` from type
    profile to the probability of the observation; indexing the result
    indexes it (an unknown type or a profile of the wrong length is a
    :class:`~symtrust.errors.ModelError`).

    Attributes
    ----------
    strategies : tuple of TypeMap
        Per player, type -> (action -> probability).
    observed : tuple of tuple
        The action profiles that count as the observation.
    observation : str
        A description of what is observed.
    """

    strategies: tuple = ()
    observed: tuple = ()
    observation: str = ""

    def __getitem__(self, types):
        types = tuple(types) if isinstance(types, (tuple, list)) else (types,)
        if len(types) != len(self.strategies):
            raise ModelError(
                f"type profile {types!r} has {len(types)} entries; "
                f"there are {len(self.strategies)} players"
            )
        for i, t in enumerate(types):
            if t not in self.strategies[i]:
                raise ModelError(
                    f"no strategy for type {t!r} of player {i}; "
                    f"types are {tuple(self.strategies[i])}"
                )
        return self.value[types]

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, self.value)]
        if self.observation:
            rows.append(("of observing", self.observation))
        return tuple(rows)


def _describe(observation) -> str:
    if isinstance(observation, str):
        return observation
    return repr(observation) if not callable(observation) else "the observed play"


def likelihood_of(strategies: Sequence, observation) -> Likelihood:
    """The likelihood of an observation given each type profile.

    Parameters
    ----------
    strategies : sequence of mapping
        One per player: type -> action, or type -> (action -> probability).
    observation : tuple, collection of tuples, or callable
        An action profile (``None`` marks an unobserved player), a set of
        profiles, or a predicate on profiles.

    Returns
    -------
    Likelihood
        ``value`` maps every type profile to ``Pr(observation | types)``: the
        sum, over the observed action profiles, of the product of each
        player's probability of its action under its type.

    Examples
    --------
    >>> lik = likelihood_of([{"T": "C", "U": "D"}, {"T": "C", "U": "D"}],
    ...                     lambda prof: "D" in prof)
    >>> lik[("T", "T")], lik[("T", "U")]
    (0, 1)
    """
    match = _matcher(observation)
    if isinstance(strategies, Mapping) or not isinstance(strategies, Sequence):
        raise ModelError(
            f"strategies {strategies!r} must be a sequence with one "
            "type -> action map per player"
        )
    per_player = tuple(
        TypeMap(
            tuple(
                (t, _action_distribution(a, f"player {i}, type {t!r}"))
                for t, a in dict(s).items()
            )
        )
        for i, s in enumerate(strategies)
    )
    # every action any type of a player may take, in first-seen order
    actions = [
        tuple(dict.fromkeys(a for d in player.values() for a in d))
        for player in per_player
    ]
    observed = tuple(p for p in itertools.product(*actions) if match(p))
    pairs = []
    for types in itertools.product(*(tuple(player) for player in per_player)):
        dists = [per_player[i][t] for i, t in enumerate(types)]
        total = S.Zero
        for prof in observed:
            if all(a in d for d, a in zip(dists, prof, strict=True)):
                total += sympy.Mul(*(d[a] for d, a in zip(dists, prof, strict=True)))
        pairs.append((types, total))
    value = TypeMap(tuple(pairs))
    probabilities = [
        q for player in per_player for d in player.values() for q in d.values()
    ]
    return Likelihood(
        kind="likelihood",
        value=value,
        assumptions=_assumptions((), probabilities),
        steps=(
            Step("observed action profiles", sympy.Tuple(*observed), "the observation"),
            Step("likelihood", value, "sum over observed profiles of the strategies"),
        ),
        strategies=per_player,
        observed=observed,
        observation=_describe(observation),
    )


def _joint_prior(prior) -> TypeMap:
    """A prior over type profiles, from a joint map or independent ones."""
    if isinstance(prior, Mapping):
        return TypeMap.of(prior)
    if isinstance(prior, Sequence) and not isinstance(prior, str):
        marginals = [TypeMap.of(p) for p in prior]
        pairs = []
        for combo in itertools.product(*(tuple(m.items()) for m in marginals)):
            pairs.append(
                (tuple(k for k, _ in combo), sympy.Mul(*(v for _, v in combo)))
            )
        return TypeMap(tuple(pairs))
    raise ModelError(
        f"prior {prior!r} must be a mapping over type profiles or a sequence "
        "of per-player mappings"
    )


def posterior_after(
    equilibrium,
    observation,
    *,
    prior=None,
    assumptions=(),
    description: str = "",
) -> Posterior:
    """An outside observer's posterior over type profiles after observing play.

    Parameters
    ----------
    equilibrium : equilibrium result or sequence of mapping
        Either a result with ``strategies`` (one type -> action map per
        player) and ``game`` (a Bayesian game with a ``prior`` over type
        profiles and ``assumptions``), e.g. from
        :func:`symtrust.bayes_nash`; or the strategies themselves (type ->
        action, or type -> (action -> probability), one per player).
    observation : tuple, collection of tuples, or callable
        What the observer sees: an action profile (``None`` for an unobserved
        player), a set of profiles (``conflict``), or a predicate.
    prior : mapping or sequence of mapping, optional
        Over type profiles, or one per player (independent types). Taken from
        the equilibrium's game when omitted.
    assumptions : Assumptions or iterable of Boolean
        Extra relations (the game's assumptions are used when available).
    description : str
        A description of the observation, for printing.

    Returns
    -------
    Posterior
        Over type profiles; its condition also requires the equilibrium's own
        condition when one is given.

    Examples
    --------
    >>> from symtrust import probability
    >>> t1, t2 = probability("t1 t2")
    >>> play = [{"T": "C", "U": "D"}, {"T": "C", "U": "D"}]
    >>> post = posterior_after(play, lambda prof: "D" in prof,
    ...                        prior=[{"T": t1, "U": 1 - t1}, {"T": t2, "U": 1 - t2}])
    >>> post[("T", "T")], post.condition
    (0, 1 > t1*t2)
    """
    condition = S.true
    strategies = getattr(equilibrium, "strategies", None)
    if strategies is not None:
        game = getattr(equilibrium, "game", None)
        condition = getattr(equilibrium, "condition", S.true)
        if prior is None and game is not None:
            prior = game.prior
        if game is not None:
            assumptions = extend_assumptions(
                game.assumptions,
                assumptions.conditions
                if isinstance(assumptions, Assumptions)
                else assumptions,
            )
    else:
        strategies = equilibrium
    if prior is None:
        raise ModelError("posterior_after needs a prior (or an equilibrium of a game)")
    joint = _joint_prior(prior)
    lik = likelihood_of(strategies, observation)
    likelihood = TypeMap(tuple((k, lik[k]) for k in joint))
    if not description:
        description = _describe(observation)
    post = posterior(
        joint, likelihood, assumptions=assumptions, observation=description
    )
    if condition is S.true:
        return post
    # in equilibrium: the posterior is the observer's only where the play is
    both = simplify_cleared(sympy.And(condition, post.condition), post.assumptions)
    return Posterior(
        kind=post.kind,
        value=post.value,
        condition=both,
        assumptions=post.assumptions,
        steps=(
            *post.steps,
            Step("and the equilibrium holds", both, "the equilibrium's condition"),
        ),
        prior=post.prior,
        likelihood=post.likelihood,
        marginal=post.marginal,
        observation=post.observation,
    )
