"""Brute force for Bayesian games at a numeric point, in exact Fractions.

The numeric twin of :func:`symtrust.bayes_nash`, :func:`symtrust.trust_threshold`
and :func:`symtrust.posterior`, written independently of them: it reads the
substituted game's table and priors as :class:`fractions.Fraction` and

1. enumerates every pure type-contingent strategy profile;
2. for each type, computes the expected payoff of every action against the
   others' strategies, weighting type profiles by the other players' priors
   (independent types) or by the joint prior (a joint prior: the ex-ante
   form, in which a type of zero probability is unconstrained);
3. keeps the profiles where every type's action attains its best payoff;

and computes posteriors from the joint distribution (joint, then divide by
the marginal).

Examples
--------
>>> from symtrust import trust_game
>>> from fractions import Fraction
>>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (Fraction(3, 5), 1))
>>> [s for s in bayes_nash_profiles(g)]
[(('C', 'D'), ('C', 'D')), (('D', 'D'), ('D', 'D'))]
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import to_fraction
from symtrust.errors import ModelError

__all__ = [
    "action_payoff",
    "bayes_nash_profiles",
    "posterior_by_joint",
    "type_weights",
]


def _frac(value, where: str) -> Fraction:
    return to_fraction(value, where)


def type_weights(game, i: int, type_: str) -> dict:
    """Weights of type profiles for one type (see module doc), as Fractions.

    Examples
    --------
    >>> from symtrust import trust_game
    >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (0, Fraction(1, 4)))
    >>> type_weights(g, 0, "trustworthy")[("trustworthy", "untrustworthy")]
    Fraction(3, 4)
    """
    out = {}
    for tp in itertools.product(*game.types):
        if tp[i] != type_:
            continue
        if game.marginals is not None:
            w = Fraction(1)
            for j, t in enumerate(tp):
                if j != i:
                    w *= _frac(game.marginals[j][t], f"prior of {t}")
        else:
            w = _frac(game.prior[tp], f"prior of {tp}")
        out[tp] = w
    return out


def action_payoff(game, i: int, type_: str, action: str, strategies) -> Fraction:
    """Weighted payoff of one action of a type against pure strategies.

    ``strategies[j]`` maps each type of player ``j`` to its action.
    """
    total = Fraction(0)
    for tp, w in type_weights(game, i, type_).items():
        prof = tuple(action if j == i else strategies[j][t] for j, t in enumerate(tp))
        total += w * _frac(game.payoff(prof, tp)[i], f"payoff at {prof}, {tp}")
    return total


def bayes_nash_profiles(game) -> tuple:
    """All pure Bayesian Nash equilibria of a numeric Bayesian game.

    Returns a tuple of profiles; each profile has, per player, the tuple of
    actions of its types (in the game's type order).
    """
    for prob in game.prior.values():
        _frac(prob, "prior")
    per_player = [
        list(itertools.product(game.actions[i], repeat=len(game.types[i])))
        for i in range(len(game.players))
    ]
    found = []
    for profile in itertools.product(*per_player):
        strategies = [
            dict(zip(game.types[i], s, strict=True)) for i, s in enumerate(profile)
        ]
        ok = True
        for i in range(len(game.players)):
            for t in game.types[i]:
                pay = {
                    a: action_payoff(game, i, t, a, strategies) for a in game.actions[i]
                }
                if pay[strategies[i][t]] < max(pay.values()):
                    ok = False
                    break
            if not ok:
                break
        if ok:
            found.append(tuple(tuple(s) for s in profile))
    return tuple(found)


def posterior_by_joint(prior, likelihood) -> dict | None:
    """Posterior from the joint distribution; None if the observation has
    probability zero.

    Examples
    --------
    >>> posterior_by_joint({"H": Fraction(1, 2), "L": Fraction(1, 2)},
    ...                    {"H": 1, "L": Fraction(1, 3)})
    {'H': Fraction(3, 4), 'L': Fraction(1, 4)}
    """
    joint = {}
    for k in prior:
        if k not in likelihood:
            raise ModelError(f"no likelihood for type {k!r}")
        joint[k] = _frac(prior[k], f"prior of {k}") * _frac(
            likelihood[k], f"likelihood of {k}"
        )
    total = sum(joint.values(), Fraction(0))
    if total == 0:
        return None
    return {k: v / total for k, v in joint.items()}
