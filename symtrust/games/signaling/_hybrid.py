"""Hybrid perfect Bayesian equilibria: some sender types mix over two messages.

Internals of :func:`symtrust.games.signaling.pbe.pbe` (Fudenberg and Tirole
1991, section 8.2). A hybrid candidate fixes which types mix and over which
pair of messages, the other types' messages, and after which messages the
receiver mixes over which pair of actions. Then, in the generic case, both
indifference systems are square and linear, so they are *solved*:

1. *sender mixing*: the receiver's indifference after each receiver-mixing
   message is linear in the senders' mixing probabilities ``sigma``; solve,
   and require each ``sigma`` in (0, 1);
2. *receiver options*: after each other on-path message the pure actions
   that are a best response to the Bayes posterior somewhere, after an
   off-path message those some belief supports;
3. *receiver mixing*: each mixing type's indifference between its two
   messages is linear in the receiver's mixing probabilities ``rho``; solve,
   and require each ``rho`` in (0, 1);
4. *conditions*: the receiver's best responses and the senders' incentives,
   assembled into an equilibrium by
   :func:`symtrust.games.signaling._assembly.finish`.

A candidate whose system is singular (a continuum, or a non-generic
indifference) is counted, and the count is said in the solution's notes.

Examples
--------
>>> from symtrust.catalog import beer_quiche
>>> from symtrust.games.signaling._assembly import Context
>>> from symtrust.logic.budget import Budget
>>> found, notes = [], []
>>> hybrid_equilibria(Context(beer_quiche(), Budget.of(None)), found, 1, notes)
>>> [eq.label for eq in found]
[]
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

import sympy
from sympy import S

from symtrust.core.result import Step
from symtrust.games.signaling._assembly import (
    expected_payoff_of,
    finish,
    sender_incentives,
)
from symtrust.games.signaling._belief_sets import best_response_relations

__all__ = ["hybrid_equilibria", "solve_linear"]


class _Case(NamedTuple):
    """A hybrid candidate before its mixing probabilities are solved."""

    sender: list  # per type, (message, probability) pairs, sigmas unsolved
    sigmas: list  # the senders' mixing probabilities (symbols)
    weights: dict  # message -> type -> prior times Pr(message | type)
    rec_msgs: tuple  # messages after which the receiver mixes
    rec_pairs: tuple  # the pair of actions it mixes over after each


def solve_linear(equations, unknowns):
    """The unique solution of a square linear system (Cramer), or None.

    Examples
    --------
    >>> x, y = sympy.symbols("x y")
    >>> solve_linear([x + y - 1, x - y], [x, y])
    {x: 1/2, y: 1/2}
    >>> solve_linear([x + y, 2 * x + 2 * y], [x, y]) is None
    True
    """
    A, b = sympy.linear_eq_to_matrix([sympy.expand(e) for e in equations], unknowns)
    det = sympy.factor(A.det())
    if det == 0:
        return None
    sol = A.adjugate() * b
    return {
        k: sympy.factor(sympy.cancel(v / det))
        for k, v in zip(unknowns, sol, strict=True)
    }


def _validity(ctx, values):
    """0 < value < 1 with defined denominators, simplified."""
    parts = []
    for v in values:
        den = sympy.fraction(sympy.together(v))[1]
        if not den.is_number:
            parts.append(sympy.Ne(den, 0))
        parts.extend([v > 0, v < 1])
    return ctx.simp(sympy.And(*parts))


def _sender_mixing(ctx, case):
    """1. The senders' mixing probabilities from the receiver's indifference.

    Returns ``(sigma, validity)``, or None when the system is singular.
    """
    game = ctx.game
    eqs = []
    for m, (a1, a2) in zip(case.rec_msgs, case.rec_pairs, strict=True):
        eqs.append(
            sum(
                (
                    w * (game.u_R(t, m, a1) - game.u_R(t, m, a2))
                    for t, w in case.weights[m].items()
                ),
                S.Zero,
            )
        )
    sig = solve_linear(eqs, case.sigmas)
    if sig is None:
        return None
    return sig, _validity(ctx, list(sig.values()))


def _receiver_options(ctx, weights, rec_msgs, rec_pairs, rhos, valid_sig):
    """2. Per message, the receiver strategies a candidate may use there."""
    game = ctx.game
    options = []
    for m in game.messages:
        if m in rec_msgs:
            k = rec_msgs.index(m)
            (a1, a2), r = rec_pairs[k], rhos[k]
            options.append([((a1, r), (a2, 1 - r))])
        elif weights[m]:
            opts = []
            for a in game.actions:
                relations = best_response_relations(game, m, a, weights[m])
                if ctx.simp(sympy.And(valid_sig, *relations)) is not S.false:
                    opts.append(((a, S.One),))
            options.append(opts)
        else:
            options.append(
                [
                    ((a, S.One),)
                    for a in game.actions
                    if ctx.supportable(m, a) is not S.false
                ]
            )
    return options


def _receiver_mixing(ctx, sender, receiver, rhos):
    """3. The receiver's mixing probabilities from the senders' indifference.

    Returns ``(rho, validity)``, or None when the system is singular.
    """
    game = ctx.game
    messages = game.messages
    eqs = []
    for i, t in enumerate(game.types):
        if len(sender[i]) == 2:
            (m1, _), (m2, _) = sender[i]
            eqs.append(
                expected_payoff_of(game, t, m1, receiver[messages.index(m1)])
                - expected_payoff_of(game, t, m2, receiver[messages.index(m2)])
            )
    rho = solve_linear(eqs, rhos)
    if rho is None:
        return None
    return rho, _validity(ctx, list(rho.values()))


def _receiver_conditions(ctx, receiver, weights):
    """4. Each message's action is a best response (or supportable off path)."""
    game = ctx.game
    out = []
    for j, m in enumerate(game.messages):
        a = receiver[j][0][0]
        if weights[m]:
            out.extend(best_response_relations(game, m, a, weights[m]))
        else:
            out.append(ctx.supportable(m, a))
    return out


def _assemble(ctx, sender, receiver, weights, sig, rho, validity):
    """4. The candidate's conditions and derivation, finished into a PBE."""
    valid_sig, valid_rho = validity
    raw = sympy.And(
        valid_sig,
        valid_rho,
        *_receiver_conditions(ctx, receiver, weights),
        *sender_incentives(ctx.game, sender, receiver),
    )
    steps = [
        Step(f"{s} from the receiver's indifference", v, "solve the linear system")
        for s, v in sig.items()
    ]
    steps += [
        Step(f"{r} from the sender's indifference", v, "solve the linear system")
        for r, v in rho.items()
    ]
    return finish(
        ctx,
        tuple(sender),
        tuple(receiver),
        weights,
        (*sig.items(), *rho.items()),
        ctx.simp(sympy.And(valid_sig, valid_rho)),
        raw,
        steps,
    )


def _hybrid_case(ctx, found, case) -> int:
    """One hybrid candidate (steps 1-4); the number of singular systems met."""
    mixing = _sender_mixing(ctx, case)
    if mixing is None:
        return 1
    sig, valid_sig = mixing
    if valid_sig is S.false:
        return 0
    sender = [
        tuple((m, sympy.factor(q.xreplace(sig))) for m, q in x) for x in case.sender
    ]
    weights = {
        m: {t: sympy.factor(w.xreplace(sig)) for t, w in ws.items()}
        for m, ws in case.weights.items()
    }
    rec_msgs, rec_pairs = case.rec_msgs, case.rec_pairs
    rhos = [sympy.Symbol(f"rho_{m}", positive=True) for m in rec_msgs]
    options = _receiver_options(ctx, weights, rec_msgs, rec_pairs, rhos, valid_sig)
    skipped = 0
    for receiver in itertools.product(*options):
        solved = _receiver_mixing(ctx, sender, receiver, rhos)
        if solved is None:
            skipped += 1
            continue
        rho, valid_rho = solved
        if valid_rho is S.false:
            continue
        receiver = [
            tuple((a, sympy.factor(p.xreplace(rho))) for a, p in x) for x in receiver
        ]
        eq = _assemble(ctx, sender, receiver, weights, sig, rho, (valid_sig, valid_rho))
        if eq is not None:
            found.append(eq)
    return skipped


def _cases(ctx, mixers, mix_pairs, pure_msgs):
    """Candidates with these mixing types, pairs and pure messages."""
    game = ctx.game
    types, messages = game.types, game.messages
    pure_ix = [i for i in range(len(types)) if i not in mixers]
    sigmas = [sympy.Symbol(f"sigma_{types[i]}", positive=True) for i in mixers]
    sender = [None] * len(types)
    for i, pr, s in zip(mixers, mix_pairs, sigmas, strict=True):
        sender[i] = ((pr[0], s), (pr[1], 1 - s))
    for i, m in zip(pure_ix, pure_msgs, strict=True):
        sender[i] = ((m, S.One),)
    weights = {m: {} for m in messages}
    for i, t in enumerate(types):
        for m, q in sender[i]:
            weights[m][t] = game.prior[i] * q
    mixed_msgs = sorted({m for pr in mix_pairs for m in pr}, key=messages.index)
    apairs = list(itertools.combinations(game.actions, 2))
    k = len(mixers)
    for rec_msgs in itertools.combinations(mixed_msgs, k):
        for rec_pairs in itertools.product(apairs, repeat=k):
            yield _Case(sender, sigmas, weights, rec_msgs, rec_pairs)


def hybrid_equilibria(ctx, found, max_mixing, notes) -> None:
    """Append the hybrid equilibria with up to ``max_mixing`` mixing types."""
    types, messages = ctx.game.types, ctx.game.messages
    pairs = list(itertools.combinations(messages, 2))
    skipped = 0
    for k in range(1, min(max_mixing, len(types)) + 1):
        for mixers in itertools.combinations(range(len(types)), k):
            for mix_pairs in itertools.product(pairs, repeat=k):
                for pure_msgs in itertools.product(messages, repeat=len(types) - k):
                    for case in _cases(ctx, mixers, mix_pairs, pure_msgs):
                        skipped += _hybrid_case(ctx, found, case)
    if skipped:
        notes.append(
            f"{skipped} hybrid candidate(s) with an undetermined mixing probability "
            "(a continuum, or a non-generic indifference) were not reported"
        )
