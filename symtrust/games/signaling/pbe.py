"""Perfect Bayesian equilibria of finite signaling games, with exact conditions.

A perfect Bayesian equilibrium (Fudenberg and Tirole 1991, section 8.2) is a
sender strategy ``sigma(m | t)``, a receiver strategy ``rho(a | m)`` and
beliefs ``mu(t | m)`` such that

1. *on path* (``P(m) = sum_t p(t) sigma(m | t) > 0``) beliefs follow Bayes'
   rule, ``mu(t | m) = p(t) sigma(m | t) / P(m)``;
2. the receiver is sequentially rational: after every message each action
   it plays maximises ``sum_t mu(t | m) u_R(t, m, a)``; *off path* the belief
   is free, so the requirement is that *some* belief supports the action
   (:mod:`symtrust.games.signaling._belief_sets`);
3. every type sends only messages that maximise its expected payoff given
   ``rho``.

:func:`pbe` enumerates

* every equilibrium in pure sender strategies (each type one message) with a
  pure receiver response to every message; the receiver's on-path
  inequalities are multiplied by ``P(m)``, and a message whose probability may
  vanish is allowed to be treated as off path (condition
  ``P(m) > 0 or some belief supports the action``);
* hybrid equilibria in which up to ``max_mixing`` types each mix over a pair
  of messages and the receiver mixes over a pair of actions after as many
  messages (the generic case: the receivers' indifferences are linear in the
  senders' mixing probabilities and the senders' indifferences linear in the
  receiver's, so both square systems are *solved*, never typed), each
  mixing probability in closed form with the condition that it lies in (0, 1).

Each equilibrium carries its existence condition (simplified under the game's
assumptions), its on-path beliefs, the set of off-path beliefs supporting it
(a condition on belief symbols ``mu_<type>_<message>``), and the condition
under which it survives the Intuitive Criterion (:mod:`symtrust.games.signaling._intuitive`).

Not enumerated (said in the solution's notes): continua of equilibria in which
a mixing probability is left undetermined, receiver mixing after off-path
messages, and hybrids with more than ``max_mixing`` mixing types.

Examples
--------
>>> from symtrust import pbe
>>> from symtrust.catalog import beer_quiche
>>> sol = pbe(beer_quiche())
>>> [(eq.label, eq.profile, eq.intuitive) for eq in sol]
[('pooling', (('beer', 'beer'), ('not', 'duel')), True), ('pooling', (('quiche', 'quiche'), ('duel', 'not')), False)]
>>> sol[0].off_path_beliefs
mu_weak_quiche >= 1/2
"""

import itertools

import sympy
from sympy import S

from symtrust.core.result import Solution, Step
from symtrust.errors import ModelError
from symtrust.games.signaling._assembly import (
    Context,
    PerfectBayesianEquilibrium,
    expected_payoff_of,
    finish,
    sender_incentives,
)
from symtrust.games.signaling._belief_sets import best_response_relations
from symtrust.games.signaling.model import SignalingGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import sign_under

__all__ = ["PerfectBayesianEquilibrium", "pbe"]


def _pure(ctx, found):
    """Equilibria in pure sender strategies with pure receiver responses."""
    game = ctx.game
    n = len(game.types)
    for sent in itertools.product(game.messages, repeat=n):
        weights = {m: {} for m in game.messages}
        for t, m, p in zip(game.types, sent, game.prior, strict=True):
            weights[m][t] = p
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
                break
            candidates.append(options)
        else:
            for acts in itertools.product(*candidates):
                sender = tuple(((m, S.One),) for m in sent)
                receiver = tuple(((a, S.One),) for a in acts)
                ic = sender_incentives(game, sender, receiver)
                if S.false in ic:
                    continue
                raw = sympy.And(
                    *[conds[(m, a)] for m, a in zip(game.messages, acts, strict=True)],
                    *ic,
                )
                steps = [
                    Step(
                        "receiver best responses",
                        sympy.And(
                            *[
                                conds[(m, a)]
                                for m, a in zip(game.messages, acts, strict=True)
                            ]
                        ),
                        "Bayes' rule on path, some belief off path",
                    )
                ]
                eq = finish(ctx, sender, receiver, weights, (), S.true, raw, steps)
                if eq is not None:
                    found.append(eq)


def _solve_linear(equations, unknowns):
    """The unique solution of a square linear system (Cramer), or None."""
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


def _hybrid(ctx, found, max_mixing, notes):
    """Equilibria in which some types mix over two messages."""
    game = ctx.game
    types, messages = game.types, game.messages
    pairs = list(itertools.combinations(messages, 2))
    apairs = list(itertools.combinations(game.actions, 2))
    skipped = 0
    for k in range(1, min(max_mixing, len(types)) + 1):
        for mixers in itertools.combinations(range(len(types)), k):
            pure_ix = [i for i in range(len(types)) if i not in mixers]
            for mix_pairs in itertools.product(pairs, repeat=k):
                for pure_msgs in itertools.product(messages, repeat=len(pure_ix)):
                    sigmas = [
                        sympy.Symbol(f"sigma_{types[i]}", positive=True) for i in mixers
                    ]
                    sender = [None] * len(types)
                    for i, pr, s in zip(mixers, mix_pairs, sigmas, strict=True):
                        sender[i] = ((pr[0], s), (pr[1], 1 - s))
                    for i, m in zip(pure_ix, pure_msgs, strict=True):
                        sender[i] = ((m, S.One),)
                    weights = {m: {} for m in messages}
                    for i, t in enumerate(types):
                        for m, q in sender[i]:
                            weights[m][t] = game.prior[i] * q
                    mixed_msgs = sorted(
                        {m for pr in mix_pairs for m in pr}, key=messages.index
                    )
                    for rec_msgs in itertools.combinations(mixed_msgs, k):
                        for rec_pairs in itertools.product(apairs, repeat=k):
                            skipped += _hybrid_case(
                                ctx, found, sender, sigmas, weights, rec_msgs, rec_pairs
                            )
    if skipped:
        notes.append(
            f"{skipped} hybrid candidate(s) with an undetermined mixing probability "
            "(a continuum, or a non-generic indifference) were not reported"
        )


def _hybrid_case(ctx, found, sender, sigmas, weights, rec_msgs, rec_pairs) -> int:
    game = ctx.game
    messages = game.messages
    # receiver indifference after each receiver-mixing message pins the sigmas
    eqs = []
    for m, (a1, a2) in zip(rec_msgs, rec_pairs, strict=True):
        eqs.append(
            sum(
                (
                    w * (game.u_R(t, m, a1) - game.u_R(t, m, a2))
                    for t, w in weights[m].items()
                ),
                S.Zero,
            )
        )
    sig = _solve_linear(eqs, sigmas)
    if sig is None:
        return 1
    valid_sig = _validity(ctx, list(sig.values()))
    if valid_sig is S.false:
        return 0
    sender = [tuple((m, sympy.factor(q.xreplace(sig))) for m, q in x) for x in sender]
    weights = {
        m: {t: sympy.factor(w.xreplace(sig)) for t, w in ws.items()}
        for m, ws in weights.items()
    }
    rhos = [sympy.Symbol(f"rho_{m}", positive=True) for m in rec_msgs]
    options = []
    for m in messages:
        if m in rec_msgs:
            a1, a2 = rec_pairs[rec_msgs.index(m)]
            r = rhos[rec_msgs.index(m)]
            options.append([((a1, r), (a2, 1 - r))])
        elif weights[m]:
            opts = []
            for a in game.actions:
                br = ctx.simp(
                    sympy.And(
                        valid_sig, *best_response_relations(game, m, a, weights[m])
                    )
                )
                if br is not S.false:
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
    skipped = 0
    for receiver in itertools.product(*options):
        receiver = list(receiver)
        # each mixing type's indifference between its two messages pins the rhos
        eqs = []
        for i, t in enumerate(game.types):
            if len(sender[i]) == 2:
                (m1, _), (m2, _) = sender[i]
                eqs.append(
                    expected_payoff_of(game, t, m1, receiver[messages.index(m1)])
                    - expected_payoff_of(game, t, m2, receiver[messages.index(m2)])
                )
        rho = _solve_linear(eqs, rhos)
        if rho is None:
            skipped += 1
            continue
        valid_rho = _validity(ctx, list(rho.values()))
        if valid_rho is S.false:
            continue
        receiver = [
            tuple((a, sympy.factor(p.xreplace(rho))) for a, p in x) for x in receiver
        ]
        rec_conds = []
        for j, m in enumerate(messages):
            a = receiver[j][0][0]
            if weights[m]:
                rec_conds.extend(best_response_relations(game, m, a, weights[m]))
            else:
                rec_conds.append(ctx.supportable(m, a))
        raw = sympy.And(
            valid_sig, valid_rho, *rec_conds, *sender_incentives(game, sender, receiver)
        )
        mixing = [(s, sig[s]) for s in sigmas] + [(r, rho[r]) for r in rhos]
        steps = [
            Step(f"{s} from the receiver's indifference", v, "solve the linear system")
            for s, v in sig.items()
        ]
        steps += [
            Step(f"{r} from the sender's indifference", v, "solve the linear system")
            for r, v in rho.items()
        ]
        eq = finish(
            ctx,
            tuple(sender),
            tuple(receiver),
            weights,
            mixing,
            ctx.simp(sympy.And(valid_sig, valid_rho)),
            raw,
            steps,
        )
        if eq is not None:
            found.append(eq)
    return skipped


def pbe(
    game: SignalingGame,
    *,
    hybrid: bool = True,
    max_mixing: int = 1,
    budget=None,
) -> Solution:
    """Every perfect Bayesian equilibrium of a signaling game (see module doc).

    Parameters
    ----------
    game : SignalingGame
        The game.
    hybrid : bool
        Whether to search for hybrid (mixing) equilibria too.
    max_mixing : int
        The most sender types that may mix at once in a hybrid equilibrium.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    Solution
        ``method="pbe"``; results of type :class:`PerfectBayesianEquilibrium`,
        pure ones first, each with a satisfiable existence condition.

    Raises
    ------
    ModelError
        If ``game`` is not a :class:`SignalingGame` or ``max_mixing < 0``.

    Examples
    --------
    >>> from symtrust.catalog import job_market
    >>> sol = pbe(job_market(), hybrid=False)
    >>> [(eq.label, eq.profile[0]) for eq in sol if eq.label == "separating"]
    [('separating', ('E', 'N'))]
    >>> [eq.condition for eq in sol if eq.label == "separating"]
    [(c_L >= 1) & (c_H <= 1)]
    """
    budget = Budget.of(budget)
    if not isinstance(game, SignalingGame):
        raise ModelError(f"pbe needs a SignalingGame, got {type(game).__name__}")
    if (
        isinstance(max_mixing, bool)
        or not isinstance(max_mixing, int)
        or max_mixing < 0
    ):
        raise ModelError(f"max_mixing={max_mixing!r} must be a nonnegative int")
    ctx = Context(game, budget)
    found, notes = [], []
    _pure(ctx, found)
    if hybrid and max_mixing:
        _hybrid(ctx, found, max_mixing, notes)
    notes.append(
        "off-path responses are pure; hybrids searched with at most "
        f"{max_mixing if hybrid else 0} mixing type(s)"
    )
    return Solution(
        method="pbe", solver=pbe, game=game, results=tuple(found), notes=tuple(notes)
    )
