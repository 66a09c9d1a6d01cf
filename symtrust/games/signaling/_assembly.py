"""Assembling a perfect Bayesian equilibrium: conditions, beliefs, criterion.

Shared by the enumeration in :mod:`symtrust.games.signaling.pbe`. Given a candidate
profile (sender and receiver strategies, mixing probabilities already solved)
and its raw equilibrium conditions, this module

1. simplifies the existence condition under the game's assumptions (each
   relation's denominator cleared by its proved sign, else as ``D != 0`` and
   ``N D ~ 0``);
2. computes on-path beliefs by Bayes' rule
   (:func:`symtrust.games.bayesian.posterior.posterior`);
3. describes the off-path beliefs that support the receiver's actions, one
   condition per off-path message on the belief symbols
   (:func:`symtrust.games.signaling._belief_sets.best_response_relations`), solved for
   the belief where its coefficient has a proved sign;
4. evaluates the Intuitive Criterion (:mod:`symtrust.games.signaling._intuitive`) under
   the existence condition;

and returns a :class:`~symtrust.games.signaling.equilibrium.PerfectBayesianEquilibrium`.

Examples
--------
>>> from symtrust.catalog import beer_quiche
>>> ctx = Context(beer_quiche(), 5.0)
>>> ctx.belief_vector("quiche")
{'weak': mu_weak_quiche, 'strong': 1 - mu_weak_quiche}
"""

from __future__ import annotations

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.result import Step
from symtrust.errors import ModelError
from symtrust.games.bayesian.posterior import posterior
from symtrust.games.signaling._belief_sets import (
    belief_symbols,
    best_response_relations,
    supportable,
)
from symtrust.games.signaling._intuitive import intuitive_condition
from symtrust.games.signaling.equilibrium import PBELabel, PerfectBayesianEquilibrium
from symtrust.games.signaling.model import SignalingGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import sign_under, simplify_condition

__all__ = [
    "Context",
    "expected_payoff_of",
    "finish",
    "sender_incentives",
]


class Context:
    """The game, its assumptions and memo tables for one solver run.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> Context(beer_quiche(), 5.0).supportable("beer", "duel")
    True
    """

    def __init__(self, game: SignalingGame, budget: Budget):
        self.game = game
        self.conds = game.assumptions.conditions
        self.budget = budget
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
            {r: _clear(r, conds, self.budget) for r in cond.atoms(Relational)}
        )
        return simplify_condition(cond, conds, budget=self.budget)

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


def _clear(rel, conds, budget):
    """``N/D ~ 0`` without its denominator: divided by a sign-definite ``D``,
    else ``D != 0 and N*D ~ 0``."""
    diff = rel.lhs - rel.rhs
    if not any(pw.exp.is_negative for pw in diff.atoms(sympy.Pow)):
        return rel
    num, den = sympy.fraction(sympy.cancel(sympy.together(diff)))
    if den.is_number:
        return rel
    op = rel.rel_op
    sign = sign_under(den, conds, budget=budget)
    if sign == 1:
        return Relational(sympy.expand(num), 0, op)
    if sign == -1:
        return Relational(sympy.expand(num), 0, _FLIP[op])
    if op in ("==", "!="):
        return sympy.And(sympy.Ne(den, 0), Relational(num, 0, op))
    return sympy.And(sympy.Ne(den, 0), Relational(sympy.expand(num * den), 0, op))


def expected_payoff_of(game, t, m, mix) -> sympy.Expr:
    """Expected payoff of type t sending m against the receiver's mix at m.

    Parameters
    ----------
    game : SignalingGame
        The game.
    t, m : str
        Type and message.
    mix : iterable of (action, probability)
        The receiver's strategy after ``m``.

    Examples
    --------
    >>> from sympy import Rational
    >>> from symtrust.catalog import beer_quiche
    >>> half = Rational(1, 2)
    >>> expected_payoff_of(beer_quiche(), "weak", "beer", (("duel", half), ("not", half)))
    1
    """
    return sum((p * game.u_S(t, m, a) for a, p in mix), S.Zero)


def _label(sender) -> PBELabel:
    if any(len(x) > 1 for x in sender):
        return PBELabel.HYBRID
    sent = [x[0][0] for x in sender]
    if len(set(sent)) == 1:
        return PBELabel.POOLING
    if len(set(sent)) == len(sent):
        return PBELabel.SEPARATING
    return PBELabel.HYBRID


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
    sign = sign_under(coeff, (*ctx.conds, *extra), budget=ctx.budget)
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


def finish(ctx, sender, receiver, weights, mixing, mixing_cond, raw, steps):
    """Assemble one equilibrium: simplify its condition, beliefs, IC test.

    Parameters
    ----------
    ctx : Context
        The solver run.
    sender, receiver : tuple
        Per type (message, probability) pairs; per message (action,
        probability) pairs.
    weights : dict
        Message -> type -> prior times probability of sending it.
    mixing : sequence
        ``(symbol, closed form)`` pairs of solved mixing probabilities.
    mixing_cond : sympy Boolean
        Where they lie in (0, 1).
    raw : sympy Boolean
        The unsimplified equilibrium conditions.
    steps : list of Step
        The derivation so far (extended in place).

    Returns
    -------
    PerfectBayesianEquilibrium or None
        None when the condition never holds under the assumptions.

    Examples
    --------
    >>> from sympy import S, Rational
    >>> from symtrust.catalog import beer_quiche
    >>> g = beer_quiche()
    >>> ctx = Context(g, 5.0)
    >>> sender = ((("beer", S.One),), (("beer", S.One),))
    >>> receiver = ((("not", S.One),), (("duel", S.One),))
    >>> weights = {"beer": {"weak": Rational(1, 10), "strong": Rational(9, 10)},
    ...            "quiche": {}}
    >>> eq = finish(ctx, sender, receiver, weights, (), S.true, S.true, [])
    >>> str(eq.label), eq.off_path, eq.intuitive
    ('pooling', ('quiche',), True)
    """
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
            expected_payoff_of(
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
    """On-path beliefs after m, by :func:`symtrust.games.bayesian.posterior.posterior`."""
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


def sender_incentives(game, sender, receiver):
    """No type gains by sending another message (conditions, unsimplified).

    Numeric comparisons are decided at once: a violated one makes the result
    ``[False]``, a satisfied one is left out.

    Examples
    --------
    >>> from sympy import S
    >>> from symtrust.catalog import beer_quiche
    >>> pooled = ((("beer", S.One),), (("beer", S.One),))
    >>> sender_incentives(beer_quiche(), pooled,
    ...                   ((("not", S.One),), (("not", S.One),)))
    [False]
    """
    out = []
    for i, t in enumerate(game.types):
        support = [m for m, _ in sender[i]]
        here = expected_payoff_of(
            game, t, support[0], receiver[game.messages.index(support[0])]
        )
        for j, m in enumerate(game.messages):
            if m not in support:
                gap = here - expected_payoff_of(game, t, m, receiver[j])
                if gap.is_Rational:
                    # numeric payoffs: decided at once, no relation built
                    if gap < 0:
                        return [S.false]
                    continue
                out.append(sympy.Ge(gap, 0))
    return out
