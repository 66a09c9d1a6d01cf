"""Reputation with a committed type over n periods, n a number or a symbol.

Kreps and Wilson (1982) and Milgrom and Roberts (1982); Fudenberg and Tirole
(1991, sec. 9.2.2). In the game of :mod:`~symtrust.games.repeated._reputation_model`
(a new uninformed player each period, a long-run informed player who is the
committed type with prior p), the sequential equilibrium is built by the
engine (:mod:`~symtrust.games.repeated._reputation_steps`):

1. the uninformed player's indifference level q* (``sympy.solve``);
2. the reputation thresholds theta_r (r periods remaining): theta_1 = q*,
   theta_r = q* theta_{r-1}, solved by ``sympy.rsolve`` and proved by
   induction for a symbolic horizon, iterated for a numeric one;
3. the uninformed player's mixing probability at a threshold, from the
   normal type's indifference one period earlier: committing and then facing
   the mix is worth exactly as much as being opportunistic and revealed
   (``sympy.solve``);
4. period by period along the path on which the committed action is
   observed: the normal type's probability of the committed action, the
   uninformed player's response, and the posterior after the period (the
   engine's Bayes' rule), with the periods in which each player mixes.

For a numeric horizon the prior's position among the thresholds splits the
parameter space into regimes (one result each); for a symbolic horizon the
result is the regime in which the informed player mixes from the first
period on, with the path in closed form in the period k.

Examples
--------
>>> import sympy
>>> from symtrust.games.repeated._reputation_model import chain_store
>>> half = sympy.Rational(1, 2)
>>> eq = reputation_equilibrium(chain_store(3, prior=sympy.Rational(1, 10),
...                                         a=2, b=half))[0]
>>> eq.posteriors, eq.mixing_periods
((1/4, 1/2, 1), (1, 2))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, SolverError, UnsupportedError
from symtrust.games.repeated._reputation_model import (
    ReputationGame,
    chain_store,
    repeated_trust_game,
    reputation_game,
)
from symtrust.games.repeated._reputation_steps import (
    compare,
    indifference,
    is_zero,
    period_play,
    thresholds_closed_form,
    thresholds_iterated,
)
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.conditions import sign_under, simplify_condition
from symtrust.logic.decide import satisfiable

__all__ = [
    "ReputationEquilibrium",
    "ReputationGame",
    "chain_store",
    "period",
    "repeated_trust_game",
    "reputation_equilibrium",
    "reputation_game",
]

#: The period index of a symbolic path (k = 1 is the first period).
period = sympy.Symbol("k", integer=True, positive=True)
#: Periods remaining, the argument of the thresholds.
REMAINING = sympy.Symbol("tau", integer=True, positive=True)


@dataclass(frozen=True, kw_only=True)
class ReputationEquilibrium(Result):
    """The sequential equilibrium of a reputation game in one regime.

    ``value`` is the belief path: the posterior on the committed type after
    each period on the path where the committed action is observed (a tuple
    for a numeric horizon, a piecewise expression in the period k for a
    symbolic one); ``condition`` the regime and the validity conditions.

    Attributes
    ----------
    periods : int or sympy.Symbol
    indifference : sympy.Expr
        q*, the probability of the committed action that leaves the
        uninformed player indifferent.
    thresholds : tuple or sympy.Lambda
        theta_0 = 1, theta_1, ..., theta_n (numeric), or r -> theta_r.
    responses : tuple of str
        The uninformed player's best response to the committed action, and
        to the opportunistic one.
    uninformed_mix : sympy.Expr
        The probability of the response to the committed action when the
        belief is exactly at a threshold.
    beliefs, posteriors, commit, engage : tuple or sympy.Expr
        Per period k on the path: the belief at its start, the posterior
        after it, the normal type's probability of the committed action if
        engaged, and the probability that the uninformed player engages.
    mixing_periods, uninformed_mixing_periods : tuple or sympy.Range
        The periods in which the normal type (the uninformed player) mixes.
    game : ReputationGame
    """

    periods: Any = None
    indifference: Any = None
    thresholds: Any = None
    responses: tuple = ()
    uninformed_mix: Any = None
    beliefs: Any = None
    posteriors: Any = None
    commit: Any = None
    engage: Any = None
    mixing_periods: Any = None
    uninformed_mixing_periods: Any = None
    game: Any = None

    @property
    def parameters(self) -> frozenset:
        """The model's parameters (the period index k is not one)."""
        return frozenset(super().parameters - {period})

    def _at(self, field, k):
        seq = getattr(self, field)
        if isinstance(seq, tuple):
            if isinstance(k, bool) or not isinstance(k, (int, sympy.Integer)):
                raise ModelError(f"period k={k!r} must be an int")
            if not 1 <= int(k) <= len(seq):
                raise ModelError(f"period k={k} is outside 1..{len(seq)}")
            return seq[int(k) - 1]
        if isinstance(k, bool) or (isinstance(k, (int, sympy.Integer)) and int(k) < 1):
            raise ModelError(f"period k={k!r} must be a positive integer")
        return sympy.piecewise_fold(seq.subs(period, k))

    def belief(self, k):
        """Trust in the committed type at the start of period k (on the path).

        Examples
        --------
        >>> import sympy
        >>> from symtrust.games.repeated._reputation_model import chain_store
        >>> g = chain_store(2, prior=sympy.Rational(1, 10), a=2, b=sympy.Rational(1, 2))
        >>> reputation_equilibrium(g)[0].belief(2)
        1/2
        """
        return self._at("beliefs", k)

    def posterior(self, k):
        """Trust after period k, the committed action observed (if engaged)."""
        return self._at("posteriors", k)

    def commit_probability(self, k):
        """The normal type's probability of the committed action in period k."""
        return self._at("commit", k)

    def engage_probability(self, k):
        """The probability that period k's uninformed player engages."""
        return self._at("engage", k)

    def threshold(self, r):
        """theta_r, the reputation threshold with r periods remaining."""
        if isinstance(self.thresholds, tuple):
            return self.thresholds[int(r)]
        return self.thresholds(r)

    def display_rows(self):
        """Rows for the renderers."""
        show = (
            (lambda v: sympy.Tuple(*v))
            if isinstance(self.beliefs, tuple)
            else (lambda v: v)
        )
        return (
            (self.kind, f"over {self.periods} periods"),
            (
                "reputation thresholds, by periods remaining r = 0, 1, ...",
                self.thresholds
                if not isinstance(self.thresholds, tuple)
                else sympy.Tuple(*self.thresholds),
            ),
            ("beliefs at the start of each period", show(self.beliefs)),
            ("posterior after each period", show(self.posteriors)),
            ("normal type plays the committed action w.p.", show(self.commit)),
            ("uninformed player engages w.p.", show(self.engage)),
            ("periods in which the informed player mixes", self._periods_shown()),
        )

    def _periods_shown(self):
        m = self.mixing_periods
        return sympy.Tuple(*m) if isinstance(m, tuple) else m


def _responses(game: ReputationGame):
    """Which uninformed action answers the committed (opportunistic) action."""
    u_out, u_c, u_o = game.uninformed_payoffs
    s_c = sign_under(u_c - u_out, game.assumptions)
    s_o = sign_under(u_o - u_out, game.assumptions)
    if s_c is None or s_o is None or s_c * s_o != -1:
        raise UnsupportedError(
            f"the uninformed player's choice must turn on the informed player's "
            f"action: engaging pays {u_c} against {game.committed!r} and {u_o} against "
            f"{game.opportunistic!r}, staying out {u_out}; the signs are not decided "
            "opposite under the assumptions"
        )
    if s_c > 0:
        return game.engage, game.stay
    return game.stay, game.engage


def _uninformed_mix(game, a_c, a_o):
    """The mix at a threshold that makes the normal type indifferent earlier."""
    v_out, v_c, v_o = game.informed_payoffs
    # the normal type's stage payoff under each response (engaged: indifferent,
    # so valued at the opportunistic action)
    x = {game.engage: v_o, game.stay: v_out}
    rho = x[a_o]  # a revealed normal type earns this in every later period
    pi, r = sympy.Dummy("pi"), REMAINING
    equation = sympy.Eq(
        pi * x[a_c] + (1 - pi) * x[a_o] + rho * (r - 1), v_o - v_c + rho * r
    )
    roots = sympy.solve(equation, pi)
    if len(roots) != 1:
        raise UnsupportedError(
            f"the uninformed player's mix solving {equation}: {roots}"
        )
    return sympy.factor(roots[0]), equation


def _engage_probability(response, a_c, game, pi):
    if response == "mix":
        return pi if a_c == game.engage else sympy.factor(1 - pi)
    plays = (
        a_c
        if response == "committed"
        else (game.stay if a_c == game.engage else game.engage)
    )
    return S.One if plays == game.engage else S.Zero


def _common(game: ReputationGame):
    assume = game.assumptions
    q = indifference(game.uninformed_payoffs, assume)
    a_c, a_o = _responses(game)
    pi, equation = _uninformed_mix(game, a_c, a_o)
    _, v_c, v_o = game.informed_payoffs
    validity = simplify_condition(
        sympy.And(q > 0, q < 1, v_o > v_c, pi > 0, pi < 1), assume
    )
    if validity is S.false:
        raise SolverError(
            f"no reputation equilibrium of this kind: q* = {q} and the uninformed "
            f"mix {pi} must lie in (0, 1), and the committed action must cost the "
            f"normal type (its payoff {v_c} from it must be below {v_o} from the "
            "opportunistic one)"
        )
    steps = [
        Step(
            "indifference of the uninformed player",
            q,
            "solve q u_c + (1-q) u_o = u_out",
        ),
        Step(
            "responses",
            sympy.Tuple(sympy.Symbol(a_c), sympy.Symbol(a_o)),
            "to the committed and to the opportunistic action (signs)",
        ),
        Step("normal type's indifference", equation, "commit now, or be revealed"),
        Step("uninformed mix at a threshold", pi, "solve the indifference"),
    ]
    return assume, q, (a_c, a_o), pi, validity, steps


def _ranges(flags: list) -> tuple:
    """Periods (1-based) whose flag is set."""
    return tuple(k + 1 for k, f in enumerate(flags) if f)


def _simulate(game, theta, q, pi, responses, assume):
    """The numeric-horizon path in one regime, period by period."""
    n, b = game.periods, game.prior
    beliefs, posts, commits, engages, mixes, umixes = [], [], [], [], [], []
    for k in range(1, n + 1):
        r = n - k + 1
        play = period_play(b, r == 1, theta[r], theta[r - 1], q, assume)
        e = _engage_probability(play.response, responses[0], game, pi)
        beliefs.append(b)
        commits.append(play.commit)
        engages.append(e)
        mixes.append(play.mixes)
        umixes.append(play.response == "mix")
        # no engagement, no observation: the belief carries over
        b = b if e == 0 else play.posterior
        posts.append(b)
    return beliefs, posts, commits, engages, _ranges(mixes), _ranges(umixes)


def _numeric(game, common):
    assume, q, responses, pi, validity, steps = common
    n, p = game.periods, game.prior
    theta = thresholds_iterated(q, n)
    found = []
    bounds = (*theta, S.Zero)
    for j in range(n + 1):
        regime = sympy.And(p > bounds[j + 1], p < bounds[j])
        regime = simplify_condition(regime, assume)
        if regime is S.false or satisfiable(regime, assume).truth is False:
            continue
        local = extend_assumptions(assume, list(sympy.And.make_args(regime)))
        path = _simulate(game, theta, q, pi, responses, local)
        beliefs, posts, commits, engages, mixing, umixing = path
        found.append(
            ReputationEquilibrium(
                kind=f"reputation equilibrium, prior in ({bounds[j + 1]}, {bounds[j]})",
                value=sympy.Tuple(*posts),
                condition=simplify_condition(sympy.And(regime, validity), assume),
                assumptions=assume,
                steps=(
                    *steps,
                    Step("thresholds", sympy.Tuple(*theta), "theta_r = q* theta_{r-1}"),
                    Step("regime", regime, "the prior between two thresholds"),
                    Step("belief path", sympy.Tuple(*posts), "Bayes' rule each period"),
                ),
                periods=n,
                indifference=q,
                thresholds=theta,
                responses=responses,
                uninformed_mix=pi,
                beliefs=tuple(beliefs),
                posteriors=tuple(posts),
                commit=tuple(commits),
                engage=tuple(engages),
                mixing_periods=mixing,
                uninformed_mixing_periods=umixing,
                game=game,
            )
        )
    if not found:
        _at_threshold(p, theta)
    return found


def _at_threshold(p, theta) -> None:
    """Refuse a numeric prior that sits exactly on a threshold (no regime covers it)."""
    if p.free_symbols:
        return
    for r, th in enumerate(theta):
        if not th.free_symbols and sympy.simplify(p - th) == 0:
            raise UnsupportedError(
                f"prior={p} is exactly the reputation threshold theta_{r} = {th} "
                f"(r = {r} periods remaining): the uninformed player is indifferent "
                "there, and the regimes derived (open intervals of the prior "
                f"between the thresholds {tuple(theta)}) do not cover it; use a "
                "prior off the thresholds"
            )


def _pieces(first, middle, last, n):
    """A per-period quantity as a piecewise expression in the period k."""
    k = period
    return sympy.Piecewise(
        (last, sympy.Eq(k, n)), (first, sympy.Eq(k, 1)), (middle, True)
    )


def _symbolic_range(flags, n):
    """The periods (first, middle 2..n-1, last) flagged, as one Range."""
    first, middle, last = flags
    lo = 1 if first else (2 if middle else (n if last else None))
    if lo is None:
        return sympy.Range(0)
    hi = n if last else (n - 1 if middle else 1)
    if (middle and not first and lo != 2) or (first and not middle and last):
        raise SolverError(f"the mixing periods {flags} are not contiguous")
    return sympy.Range(lo, hi + 1)


def _symbolic(game, common):
    assume, q, responses, pi, validity, steps = common
    n, p, r = game.periods, game.prior, REMAINING
    theta_r = thresholds_closed_form(q, r)
    theta = sympy.Lambda(r, theta_r)
    a_c, _ = responses
    # the regime: the normal type mixes in period 1 and period 1 is engaged
    sure = (p > theta(n)) if a_c == game.engage else (p < theta(n))
    below = p < theta(n - 1)
    if sure.rhs == theta(n) and isinstance(sure, sympy.StrictLessThan):
        # theta_n < theta_{n-1}: engaged for sure already puts p below theta_{n-1}
        if compare(theta(n), theta(n - 1), assume) == -1:
            below = S.true
    regime = sympy.And(below, sure)
    local = extend_assumptions(assume, [p < theta(n - 1), sure])
    first = period_play(p, False, theta(n), theta(n - 1), q, local)
    middle = period_play(
        theta(r), False, theta(r), theta(r - 1), q, extend_assumptions(assume, [r > 1])
    )
    last = period_play(theta(1), True, theta(1), S.One, q, assume)
    # induction on the path: each middle period maps theta_r to theta_{r-1}
    for play, target in ((first, theta(n - 1)), (middle, theta(r - 1)), (last, S.One)):
        if not is_zero(play.posterior - target):
            raise SolverError(
                f"the belief path does not close: {play.posterior} != {target}"
            )
    k = period
    at_k = {r: n - k + 1}
    beliefs = sympy.Piecewise((p, sympy.Eq(k, 1)), (theta(n - k + 1), True))
    posts = _pieces(first.posterior, middle.posterior.subs(at_k), last.posterior, n)
    commits = _pieces(first.commit, middle.commit.subs(at_k), last.commit, n)
    engage = [
        _engage_probability(x.response, a_c, game, pi) for x in (first, middle, last)
    ]
    condition = simplify_condition(sympy.And(regime, validity, n >= 2), assume)
    return [
        ReputationEquilibrium(
            kind="reputation equilibrium, the informed player mixing from period 1",
            value=posts,
            condition=condition,
            assumptions=assume,
            steps=(
                *steps,
                Step(
                    "thresholds",
                    theta_r,
                    "rsolve of theta(r+1) = q* theta(r), theta(1) = q*",
                ),
                Step(
                    "induction",
                    theta_r,
                    "base theta(1) = q*; step theta(r+1) = q* theta(r)",
                ),
                Step("regime", regime, "period 1 engaged, the normal type mixing"),
                Step("belief path", posts, "Bayes' rule maps theta_r to theta_{r-1}"),
            ),
            periods=n,
            indifference=q,
            thresholds=theta,
            responses=responses,
            uninformed_mix=pi,
            beliefs=beliefs,
            posteriors=posts,
            commit=commits,
            engage=_pieces(*engage, n),
            mixing_periods=_symbolic_range([x.mixes for x in (first, middle, last)], n),
            uninformed_mixing_periods=_symbolic_range(
                [x.response == "mix" for x in (first, middle, last)], n
            ),
            game=game,
        )
    ]


def reputation_equilibrium(game: ReputationGame) -> Solution:
    """The reputation game's sequential equilibrium, regime by regime.

    Parameters
    ----------
    game : ReputationGame
        From :func:`chain_store`, :func:`repeated_trust_game` or
        :func:`reputation_game`; its horizon a number or a symbol.

    Returns
    -------
    Solution
        ``method="reputation_equilibrium"``; :class:`ReputationEquilibrium`
        results: one per regime of the prior among the thresholds (numeric
        horizon), or the regime in which the informed player mixes from the
        first period (symbolic horizon; the other regimes of a symbolic
        horizon are not derived).

    Raises
    ------
    ModelError
        If ``game`` is not a ReputationGame.
    UnsupportedError, SolverError
        When the stage does not have the reputation structure (see the
        module doc) under the assumptions.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.repeated import horizon
    >>> from symtrust import interval, probability
    >>> b = interval("b", 0, 1, left_open=True, right_open=True)
    >>> eq = reputation_equilibrium(chain_store(horizon("n"), prior=probability("p"),
    ...                                         a=2, b=b))[0]
    >>> eq.mixing_periods, eq.uninformed_mixing_periods
    (Range(1, n, 1), Range(2, n + 1, 1))
    """
    if not isinstance(game, ReputationGame):
        raise ModelError(
            f"reputation_equilibrium needs a ReputationGame, got {type(game).__name__}"
        )
    common = _common(game)
    symbolic = isinstance(game.periods, sympy.Symbol)
    found = _symbolic(game, common) if symbolic else _numeric(game, common)
    return Solution(
        results=tuple(found),
        method="reputation_equilibrium",
        game=game,
        solver=reputation_equilibrium,
        notes=(
            "regimes are open intervals of the prior between thresholds; a prior "
            "exactly at a threshold is not covered",
        ),
    )
