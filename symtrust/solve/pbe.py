"""Perfect Bayesian equilibria of finite signaling games, with exact conditions.

A perfect Bayesian equilibrium (Fudenberg and Tirole 1991, section 8.2) is a
sender strategy ``sigma(m | t)``, a receiver strategy ``rho(a | m)`` and
beliefs ``mu(t | m)`` such that

1. *on path* (``P(m) = sum_t p(t) sigma(m | t) > 0``) beliefs follow Bayes'
   rule, ``mu(t | m) = p(t) sigma(m | t) / P(m)``;
2. the receiver is sequentially rational: after every message each action
   it plays maximises ``sum_t mu(t | m) u_R(t, m, a)``; *off path* the belief
   is free, so the requirement is that *some* belief supports the action
   (:mod:`symtrust.solve.belief_sets`);
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
under which it survives the Intuitive Criterion (:mod:`symtrust.solve.intuitive`).

Not enumerated (said in the solution's notes): continua of equilibria in which
a mixing probability is left undetermined, receiver mixing after off-path
messages, and hybrids with more than ``max_mixing`` mixing types.

Examples
--------
>>> from symtrust import pbe
>>> from symtrust.catalog.signaling import beer_quiche
>>> sol = pbe(beer_quiche())
>>> [(eq.label, eq.profile, eq.intuitive) for eq in sol]
[('pooling', (('beer', 'beer'), ('not', 'duel')), True), ('pooling', (('quiche', 'quiche'), ('duel', 'not')), False)]
>>> sol[0].off_path_beliefs
mu_weak_quiche >= 1/2
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.errors import ModelError
from symtrust.logic.simplify import sign_under, simplify_condition
from symtrust.model.signaling import SignalingGame
from symtrust.solve.belief_sets import (
    belief_symbols,
    best_response_relations,
    supportable,
)
from symtrust.solve.intuitive import intuitive_condition
from symtrust.solve.posterior import posterior
from symtrust.solve.result import Result, Solution, Step

__all__ = ["PBE", "PerfectBayesianEquilibrium", "pbe"]


@dataclass(frozen=True, kw_only=True)
class PerfectBayesianEquilibrium(Result):
    """A perfect Bayesian equilibrium of a signaling game, with its conditions.

    ``value`` is the tuple of the sender's equilibrium payoffs by type and
    ``condition`` the existence condition on the parameters.

    Attributes
    ----------
    label : str
        "separating" (types send distinct messages), "pooling" (all send one
        message) or "hybrid" (anything else, including mixing).
    sender : tuple
        Per type, the pairs ``(message, probability)`` it sends.
    receiver : tuple
        Per message, the pairs ``(action, probability)`` played after it.
    beliefs : tuple
        Per message, the pairs ``(type, belief)``: Bayes' rule on path, belief
        symbols off path.
    off_path : tuple of str
        Messages no type sends.
    off_path_beliefs : sympy Boolean
        The beliefs (over the belief symbols) that support the equilibrium.
    mixing : tuple
        Pairs ``(symbol, closed form)`` of the mixing probabilities.
    mixing_condition : sympy Boolean
        Where each mixing probability lies strictly between 0 and 1.
    intuitive : sympy Boolean
        Where the equilibrium survives the Intuitive Criterion.
    """

    label: str = ""
    types: tuple = ()
    messages: tuple = ()
    actions: tuple = ()
    sender: tuple = ()
    receiver: tuple = ()
    beliefs: tuple = ()
    off_path: tuple = ()
    off_path_beliefs: Any = S.true
    mixing: tuple = ()
    mixing_condition: Any = S.true
    intuitive: Any = S.true

    @property
    def is_pure(self) -> bool:
        """Whether both players use pure strategies."""
        return all(len(x) == 1 for x in (*self.sender, *self.receiver))

    @property
    def profile(self):
        """``(message per type, action per message)`` if pure, else None."""
        if not self.is_pure:
            return None
        return (
            tuple(x[0][0] for x in self.sender),
            tuple(x[0][0] for x in self.receiver),
        )

    def display_rows(self):
        """Rows for the renderers."""

        def strat(pairs):
            return ", ".join(
                name if p == 1 else f"{name} w.p. {sympy.sstr(p)}" for name, p in pairs
            )

        rows = [(f"{self.label} PBE", "")]
        for t, pairs in zip(self.types, self.sender, strict=True):
            rows.append((f"type {t} sends", strat(pairs)))
        for m, pairs in zip(self.messages, self.receiver, strict=True):
            rows.append((f"after {m}", strat(pairs)))
        for m, pairs in zip(self.messages, self.beliefs, strict=True):
            if m not in self.off_path:
                rows.append((f"beliefs after {m}", sympy.Tuple(*[b for _, b in pairs])))
        if self.off_path:
            rows.append(("off-path beliefs", self.off_path_beliefs))
        for sym, value in self.mixing:
            rows.append((str(sym), value))
        rows.append(("sender payoffs", self.value))
        rows.append(("survives the Intuitive Criterion when", self.intuitive))
        return tuple(rows)


#: Short alias.
PBE = PerfectBayesianEquilibrium


class _Context:
    """The game, its assumptions and memo tables for one solver run."""

    def __init__(self, game: SignalingGame, timeout: float):
        self.game = game
        self.conds = game.assumptions.conditions
        self.timeout = timeout
        self.cache: dict = {}
        self.raw: dict = {}
        taken = frozenset(str(s) for s in game.parameters)
        self.mu = {m: belief_symbols(game, m, taken) for m in game.messages}

    def simp(self, cond, extra=()):
        """Simplify under the assumptions (and extra conditions)."""
        if cond in (S.true, S.false):
            return cond
        cond = sympy.to_nnf(cond, simplify=False)
        if not cond.free_symbols:
            return sympy.simplify(cond)
        conds = (*self.conds, *extra)
        cond = cond.xreplace(
            {r: _clear(r, conds, self.timeout) for r in cond.atoms(Relational)}
        )
        return simplify_condition(cond, conds, timeout=self.timeout)

    def supportable(self, m, a, types=None):
        types = self.game.types if types is None else types
        key = (m, a, frozenset(types))
        if key not in self.cache:
            self.raw[key] = supportable(
                self.game, m, a, tuple(t for t in self.game.types if t in types)
            )
            self.cache[key] = self.simp(self.raw[key])
        return self.cache[key]

    def belief_vector(self, m) -> dict:
        syms = self.mu[m]
        out = dict(zip(self.game.types[:-1], syms, strict=True))
        out[self.game.types[-1]] = 1 - sum(syms, S.Zero)
        return out


_FLIP = {">=": "<=", ">": "<", "<=": ">=", "<": ">", "==": "==", "!=": "!="}


def _clear(rel, conds, timeout):
    """``N/D ~ 0`` without its denominator: divided by a sign-definite ``D``,
    else ``D != 0 and N*D ~ 0``."""
    diff = rel.lhs - rel.rhs
    if not any(pw.exp.is_negative for pw in diff.atoms(sympy.Pow)):
        return rel
    num, den = sympy.fraction(sympy.cancel(sympy.together(diff)))
    if den.is_number:
        return rel
    op = rel.rel_op
    sign = sign_under(den, conds, timeout=timeout)
    if sign == 1:
        return Relational(sympy.expand(num), 0, op)
    if sign == -1:
        return Relational(sympy.expand(num), 0, _FLIP[op])
    if op in ("==", "!="):
        return sympy.And(sympy.Ne(den, 0), Relational(num, 0, op))
    return sympy.And(sympy.Ne(den, 0), Relational(sympy.expand(num * den), 0, op))


def _eu(game, t, m, mix) -> sympy.Expr:
    """Expected payoff of type t sending m against the receiver's mix at m."""
    return sum((p * game.u_S(t, m, a) for a, p in mix), S.Zero)


def _label(sender) -> str:
    if any(len(x) > 1 for x in sender):
        return "hybrid"
    sent = [x[0][0] for x in sender]
    if len(set(sent)) == 1:
        return "pooling"
    if len(set(sent)) == len(sent):
        return "separating"
    return "hybrid"


def _isolate(rel, syms, ctx, extra):
    """Solve a relation linear in one belief symbol for it, if its sign is known."""
    if not isinstance(rel, Relational):
        return rel
    diff = sympy.expand(rel.lhs - rel.rhs)
    present = [s for s in syms if diff.has(s)]
    if len(present) != 1 or sympy.degree(diff, present[0]) != 1:
        return rel
    x = present[0]
    coeff, rest = diff.coeff(x), diff.subs(x, 0)
    sign = sign_under(coeff, (*ctx.conds, *extra), timeout=ctx.timeout)
    if sign not in (1, -1):
        return rel
    bound = sympy.factor(-rest / coeff)
    op = rel.rel_op if sign == 1 else _FLIP[rel.rel_op]
    return Relational(x, bound, op)


def _off_path_beliefs(ctx, receiver_pure, off_path, existence):
    """The set of off-path beliefs supporting the receiver's actions.

    One condition per off-path message (beliefs after different messages are
    independent), memoised by message, action and existence condition.
    """
    out = []
    for m in off_path:
        key = ("beliefs", m, receiver_pure[m], existence)
        if key not in ctx.cache:
            parts = list(
                best_response_relations(
                    ctx.game, m, receiver_pure[m], ctx.belief_vector(m)
                )
            )
            if len(ctx.game.types) > 2:
                parts.append(sum(ctx.mu[m], S.Zero) <= 1)
            cond = ctx.simp(sympy.And(*parts), (existence,))
            syms = ctx.mu[m]
            if isinstance(cond, sympy.And):
                cond = sympy.And(
                    *[_isolate(c, syms, ctx, (existence,)) for c in cond.args]
                )
            else:
                cond = _isolate(cond, syms, ctx, (existence,))
            ctx.cache[key] = cond
        out.append(ctx.cache[key])
    return sympy.And(*out)


def _finish(ctx, sender, receiver, weights, mixing, mixing_cond, raw, steps):
    """Assemble one equilibrium: simplify its condition, beliefs, IC test."""
    game = ctx.game
    condition = ctx.simp(raw)
    if condition is S.false:
        return None
    steps.append(Step("existence condition", condition, "conjunction, simplified"))
    # a message is on path when its probability is not identically zero
    on_path = [
        m for m in game.messages if sympy.expand(sum(weights[m].values(), S.Zero)) != 0
    ]
    off_path = tuple(m for m in game.messages if m not in on_path)
    beliefs = []
    for m in game.messages:
        if m in off_path:
            vec = ctx.belief_vector(m)
            beliefs.append(tuple((t, vec[t]) for t in game.types))
            continue
        # Bayes' rule on path: prior times Pr(m | type), normalised
        beliefs.append(_bayes(ctx, sender, m, condition))
    pure_rec = {m: dict(receiver[i]) for i, m in enumerate(game.messages)}
    receiver_pure = {m: next(iter(pure_rec[m])) for m in off_path}
    off_beliefs = _off_path_beliefs(ctx, receiver_pure, off_path, condition)
    if off_path:
        steps.append(
            Step("off-path beliefs", off_beliefs, "some belief supports the action")
        )
    payoffs = {
        t: sympy.factor(
            _eu(
                game, t, sender[i][0][0], receiver[game.messages.index(sender[i][0][0])]
            )
        )
        for i, t in enumerate(game.types)
    }
    ic = ctx.simp(
        intuitive_condition(game, payoffs, off_path, cache=ctx.raw), (condition,)
    )
    steps.append(Step("Intuitive Criterion", ic, "Cho and Kreps (1987)"))
    return PerfectBayesianEquilibrium(
        kind="perfect Bayesian equilibrium",
        value=sympy.Tuple(*[payoffs[t] for t in game.types]),
        condition=condition,
        assumptions=game.assumptions,
        steps=tuple(steps),
        label=_label(sender),
        types=game.types,
        messages=game.messages,
        actions=game.actions,
        sender=tuple(sender),
        receiver=tuple(receiver),
        beliefs=tuple(beliefs),
        off_path=off_path,
        off_path_beliefs=off_beliefs,
        mixing=tuple(mixing),
        mixing_condition=mixing_cond,
        intuitive=ic,
    )


def _bayes(ctx, sender, m, condition):
    """On-path beliefs after m, by :func:`symtrust.solve.posterior.posterior`."""
    game = ctx.game
    likelihood = {t: dict(sender[i]).get(m, S.Zero) for i, t in enumerate(game.types)}
    prior = dict(zip(game.types, game.prior, strict=True))
    try:
        post = posterior(
            prior,
            likelihood,
            assumptions=(*ctx.conds, condition),
            observation=f"message {m}",
        )
        return tuple((t, post[t]) for t in game.types)
    except ModelError:
        # posterior() rejected the observation (its positivity check can misfire
        # on fractions); Bayes' rule directly: joint / marginal
        joint = {t: prior[t] * likelihood[t] for t in game.types}
        marginal = sum(joint.values(), S.Zero)
        return tuple(
            (t, sympy.factor(sympy.cancel(joint[t] / marginal))) for t in game.types
        )


def _sender_ic(game, sender, receiver):
    """No type gains by sending another message (conditions, unsimplified)."""
    out = []
    for i, t in enumerate(game.types):
        support = [m for m, _ in sender[i]]
        here = _eu(game, t, support[0], receiver[game.messages.index(support[0])])
        for j, m in enumerate(game.messages):
            if m not in support:
                gap = here - _eu(game, t, m, receiver[j])
                if gap.is_Rational:
                    # numeric payoffs: decided at once, no relation built
                    if gap < 0:
                        return [S.false]
                    continue
                out.append(sympy.Ge(gap, 0))
    return out


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
                ic = _sender_ic(game, sender, receiver)
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
                eq = _finish(ctx, sender, receiver, weights, (), S.true, raw, steps)
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
                    _eu(game, t, m1, receiver[messages.index(m1)])
                    - _eu(game, t, m2, receiver[messages.index(m2)])
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
            valid_sig, valid_rho, *rec_conds, *_sender_ic(game, sender, receiver)
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
        eq = _finish(
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
    timeout: float = 5.0,
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
    timeout : float
        Seconds for each z3 decision; undecided parts stay in conditions.

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
    >>> from symtrust.catalog.signaling import job_market
    >>> sol = pbe(job_market(), hybrid=False)
    >>> [(eq.label, eq.profile[0]) for eq in sol if eq.label == "separating"]
    [('separating', ('E', 'N'))]
    >>> [eq.condition for eq in sol if eq.label == "separating"]
    [(c_L >= 1) & (c_H <= 1)]
    """
    if not isinstance(game, SignalingGame):
        raise ModelError(f"pbe needs a SignalingGame, got {type(game).__name__}")
    if (
        isinstance(max_mixing, bool)
        or not isinstance(max_mixing, int)
        or max_mixing < 0
    ):
        raise ModelError(f"max_mixing={max_mixing!r} must be a nonnegative int")
    ctx = _Context(game, timeout)
    found, notes = [], []
    _pure(ctx, found)
    if hybrid and max_mixing:
        _hybrid(ctx, found, max_mixing, notes)
    notes.append(
        "off-path responses are pure; hybrids searched with at most "
        f"{max_mixing if hybrid else 0} mixing type(s)"
    )
    return Solution(method="pbe", game=game, results=tuple(found), notes=tuple(notes))
