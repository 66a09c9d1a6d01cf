"""Perfect Bayesian equilibria in pure strategies, enumerated exactly.

Internals of :func:`symtrust.games.signaling.pbe.pbe` (Fudenberg and Tirole
1991, section 8.2). For every assignment of one message to each sender type:

1. *receiver options*: after each message the pure actions that can be part of
   an equilibrium: on path a best response to the Bayes posterior (the
   inequalities multiplied by ``P(m)``; a message whose probability may vanish
   may also be treated as off path), off path an action some belief supports;
2. *sender incentives*: for each combination of options no type gains by
   sending another message;
3. the conditions are assembled into an equilibrium by
   :func:`symtrust.games.signaling._assembly.finish`.

Examples
--------
>>> from symtrust.catalog import beer_quiche
>>> from symtrust.games.signaling._assembly import Context
>>> from symtrust.logic.budget import Budget
>>> found = []
>>> pure_equilibria(Context(beer_quiche(), Budget.of(None)), found)
>>> [eq.profile[0] for eq in found]
[('beer', 'beer'), ('quiche', 'quiche')]
"""

from __future__ import annotations

import itertools

import sympy
from sympy import S

from symtrust.core.result import Step
from symtrust.games.signaling._assembly import finish, sender_incentives
from symtrust.games.signaling._belief_sets import best_response_relations
from symtrust.logic.conditions import sign_under

__all__ = ["pure_equilibria"]


def _options(ctx, weights):
    """1. Per message, the pure actions possible there and their conditions.

    None when some message has no possible action.
    """
    game = ctx.game
    candidates, conds = [], {}
    for m in game.messages:
        options = []
        for a in game.actions:
            if weights[m]:
                # on path: a best response to the Bayes posterior (times P(m))
                br = sympy.And(*best_response_relations(game, m, a, weights[m]))
                mass = sum(weights[m].values(), S.Zero)
                if sign_under(mass, ctx.conds) != 1:
                    br = sympy.And(br, sympy.Or(mass > 0, ctx.supportable(m, a)))
                cond = ctx.simp(br)
            else:
                cond = ctx.supportable(m, a)
            if cond is not S.false:
                options.append(a)
                conds[(m, a)] = cond
        if not options:
            return None
        candidates.append(options)
    return candidates, conds


def _candidate(ctx, sent, acts, weights, conds):
    """2-3. One pure profile as an equilibrium, or None."""
    game = ctx.game
    sender = tuple(((m, S.One),) for m in sent)
    receiver = tuple(((a, S.One),) for a in acts)
    ic = sender_incentives(game, sender, receiver)
    if S.false in ic:
        return None
    replies = [conds[(m, a)] for m, a in zip(game.messages, acts, strict=True)]
    steps = [
        Step(
            "receiver best responses",
            sympy.And(*replies),
            "Bayes' rule on path, some belief off path",
        )
    ]
    raw = sympy.And(*replies, *ic)
    return finish(ctx, sender, receiver, weights, (), S.true, raw, steps)


def pure_equilibria(ctx, found) -> None:
    """Append the equilibria in pure sender strategies with pure responses."""
    game = ctx.game
    for sent in itertools.product(game.messages, repeat=len(game.types)):
        weights = {m: {} for m in game.messages}
        for t, m, p in zip(game.types, sent, game.prior, strict=True):
            weights[m][t] = p
        options = _options(ctx, weights)
        if options is None:
            continue
        candidates, conds = options
        for acts in itertools.product(*candidates):
            eq = _candidate(ctx, sent, acts, weights, conds)
            if eq is not None:
                found.append(eq)
