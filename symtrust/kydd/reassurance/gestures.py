"""Reassurance beyond one gesture: reciprocal gestures and starting small.

Reconstructions of Kydd (2005, ch. 7; ``models.md`` section 5).

**Reciprocal gestures.** Both sides are uncertain about each other. Player 1
(trusted by player 2 with probability pi_1) gestures x_1, then player 2
(trusted by player 1 with probability pi_2) gestures x_2, then the Security
Dilemma Game is played. In the separating equilibrium trustworthy types
gesture and untrustworthy types do not; a trustworthy player 2 reciprocates
only after player 1's gesture. Player 1's value of being trusted is an
expectation over player 2's type: a trustworthy 2 cooperates iff it trusts 1,
an untrustworthy 2 defects regardless. So player 1 gestures while its own
trust in the other is pi_2, player 2 after trust in player 1 has become 1.
The least-cost gestures solve ``C_U(x_1) = E[B_U | pi_2]`` and
``C_U(x_2) = B_U``; the second is larger whenever pi_2 < 1 (gestures grow as
trust grows), and neither the gestures nor the existence condition involve the
receiver's prior pi_1: reassurance works from any initial trust (claim D).

**Starting small.** A sender's type t is uniform on [0, b], b > 1
(trustworthy iff t <= 1, prior trust 1/b). Over rounds k = 1..N the receiver
cooperates at stake x_k equal to its trust q_k at the start of the round (the
scale is normalised); the sender honours (both gain x_k) or exploits (it gains
t x_k, the relationship ends). Payoffs are discounted by delta. Types above a
cutoff t_k exploit in round k; the cutoff type is indifferent between
exploiting now and one round later, ``t_k x_k = x_k + delta t_k x_{k+1}``,
and in the last round exactly the untrustworthy types exploit (t_N = 1). By
Bayes' rule for the uniform prior, q_{k+1} = Pr(t <= 1 | t <= t_k). The
engine solves the N - 1 indifference conditions jointly for the cutoffs and
reports the stake path and the trust path with the condition that cutoffs
fall (so that trust rises round by round).

Examples
--------
>>> from symtrust import interval, parameter
>>> b = parameter("b", lower=1, left_open=True)
>>> delta = interval("delta", 0, 1, left_open=True, right_open=True)
>>> path = starting_small(2, upper=b, discount=delta)
>>> path.cutoffs
(b*delta + 1, 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, SolverError
from symtrust.games.continuous_signals.separating import separating_equilibria
from symtrust.games.normal_form.model import as_payoff
from symtrust.kydd.reassurance._incentives import best_reply_payoff, trust_after
from symtrust.kydd.reassurance.instance import as_signal_game
from symtrust.kydd.reassurance.model import TYPES, CostlySignalGame, check_cost
from symtrust.logic.assumptions import build_assumptions, extend_assumptions
from symtrust.logic.conditions import simplify_cleared

__all__ = [
    "ReciprocalGestures",
    "StartingSmall",
    "reciprocal_gestures",
    "starting_small",
]


@dataclass(frozen=True, kw_only=True)
class ReciprocalGestures(Result):
    """Least-cost gestures of the reciprocal separating equilibrium.

    Attributes
    ----------
    gestures : tuple
        (x_1, x_2), the least-cost gestures of the first and second mover.
    values : tuple
        ((B_T, B_U) of player 1, (B_T, B_U) of player 2): values of being
        trusted when each gestures.
    trust : tuple
        Trust in each player after its gesture, by Bayes' rule.
    priors : tuple
        (pi_1, pi_2): trust in player 1 and in player 2 before any gesture.
    costs : tuple
        ((C_T, C_U) of player 1, (C_T, C_U) of player 2): each mover's gesture
        costs.
    game : CostlySignalGame
    """

    gestures: tuple = ()
    values: tuple = ()
    trust: tuple = ()
    priors: tuple = ()
    costs: tuple = ()
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("first gesture (least cost)", self.gestures[0]),
            ("second gesture (least cost)", self.gestures[1]),
            ("trust after the gestures", sympy.Tuple(*self.trust)),
        )


@dataclass(frozen=True, kw_only=True)
class StartingSmall(Result):
    """The multi-round equilibrium: cutoffs, stakes and trust by round.

    Attributes
    ----------
    rounds : int
    cutoffs : tuple
        t_1, ..., t_N: types above t_k that survived round k - 1 exploit in
        round k (t_N = 1).
    stakes : tuple
        x_1, ..., x_N.
    trust : tuple
        q_1, ..., q_{N+1}: trust at the start of each round, and after the last.
    indifference : tuple of sympy.Eq
        The conditions solved for the cutoffs.
    upper, discount : sympy.Expr
        b and delta.
    """

    rounds: int = 0
    cutoffs: tuple = ()
    stakes: tuple = ()
    trust: tuple = ()
    indifference: tuple = ()
    upper: Any = None
    discount: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("cutoff types", sympy.Tuple(*self.cutoffs)),
            ("stakes", sympy.Tuple(*self.stakes)),
            ("trust path", sympy.Tuple(*self.trust)),
        )


def _stage_values(game: CostlySignalGame, trust_in_other):
    """Values of being trusted, in expectation over the other's type.

    A trustworthy other cooperates iff it trusts this player; an untrustworthy
    other defects whatever it believes (read from the payoff tables).
    """
    out = []
    for table in game.payoffs[:2]:
        best = {a: best_reply_payoff(table, a, game.assumptions) for a in ("C", "D")}
        # other's action given (its type, whether it trusts this player)
        act = {("T", True): "C", ("T", False): "D", ("U", True): "D", ("U", False): "D"}
        probs = {"T": trust_in_other, "U": 1 - trust_in_other}
        value = sum(
            (
                probs[o] * (best[act[(o, True)]] - best[act[(o, False)]])
                for o in ("T", "U")
            ),
            S.Zero,
        )
        out.append(sympy.factor(sympy.expand(value)))
    return tuple(out)


def reciprocal_gestures(
    game: CostlySignalGame, *, trust_in_second, second_costs=None
) -> ReciprocalGestures:
    """Least-cost gestures when player 1 gestures first, then player 2.

    Each mover's gesture is the Riley (least-cost) separating signal of its
    own instance of the general costly-signal game
    (:func:`~symtrust.kydd.reassurance.instance.as_signal_game`), with its
    values of trust and its costs.

    Parameters
    ----------
    game : CostlySignalGame
        Types, player 1's costs and the stage-2 payoffs (shared by both
        players); its prior is pi_1, player 2's trust in player 1.
    trust_in_second : sympy.Expr
        pi_2, player 1's trust in player 2, strictly between 0 and 1.
    second_costs : pair of sympy.Expr, optional
        Player 2's costs (C_T(x), C_U(x)), each zero at 0 and increasing;
        player 1's by default.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative
    >>> from symtrust.kydd.reassurance.model import costly_signal
    >>> x = nonnegative("x")
    >>> g = costly_signal(prior=sympy.Rational(1, 10), t_trustworthy=0,
    ...                   t_untrustworthy=2, c=2, w=1, costs=(x, 4 * x), gesture=x)
    >>> reciprocal_gestures(g, trust_in_second=sympy.Rational(1, 3)).gestures
    (1/4, 3/4)
    >>> reciprocal_gestures(g, trust_in_second=sympy.Rational(1, 3),
    ...                     second_costs=(x, 2 * x)).gestures
    (1/4, 3/2)
    """
    if not isinstance(game, CostlySignalGame):
        raise ModelError(f"expected a CostlySignalGame, got {type(game).__name__}")
    pi2 = as_payoff(trust_in_second, "trust_in_second")
    assume = extend_assumptions(game.assumptions, [pi2 > 0, pi2 < 1])
    local = CostlySignalGame(
        prior=game.prior,
        gesture=game.gesture,
        costs=game.costs,
        threshold=game.threshold,
        benefits=game.benefits,
        payoffs=game.payoffs,
        assumptions=assume,
        steps=game.steps,
        name=game.name,
    )
    mu = game.threshold
    costs_2 = _second_costs(game, second_costs, assume)
    # player 1 gestures trusting player 2 with pi_2; player 2 after trust is 1
    first = _stage_values(local, pi2)
    second = _stage_values(local, S.One)
    # each mover: the Riley outcome of its own instance of the general family
    mover_1 = separating_equilibria(
        as_signal_game(local, benefits=first, assumptions=assume)
    )
    mover_2 = separating_equilibria(
        as_signal_game(
            local, benefits=second, costs=costs_2, prior=pi2, assumptions=assume
        )
    )
    x1, x2 = mover_1.riley, mover_2.riley
    exists = simplify_cleared(sympy.And(mover_1.condition, mover_2.condition), assume)
    # trust after each separating gesture: Bayes with U never gesturing
    q1 = sympy.simplify(trust_after(game.prior, S.Zero, assume, what="x_1")["T"])
    q2 = sympy.simplify(trust_after(pi2, S.Zero, assume, what="x_2")["T"])
    steps = (
        Step("values of trust, first mover", sympy.Tuple(*first), "expectation over 2"),
        Step("values of trust, second mover", sympy.Tuple(*second), "1 is revealed"),
        Step("first least-cost gesture", x1, "Riley: solve C_U(x) = pi_2-weighted B_U"),
        Step("second least-cost gesture", x2, "Riley: solve C_U2(x) = B_U"),
        Step("trust after the gestures", sympy.Tuple(q1, q2), "Bayes' rule"),
        Step("receivers cooperate", sympy.Ge(q1, mu), "trust 1 reaches mu"),
        Step("existence", exists, "both trustworthy types gain"),
    )
    return ReciprocalGestures(
        kind="reciprocal separating PBE",
        value=sympy.Tuple(x1, x2),
        condition=exists,
        assumptions=assume,
        steps=steps,
        gestures=(x1, x2),
        values=(first, second),
        trust=(q1, q2),
        priors=(game.prior, pi2),
        costs=(game.costs, costs_2),
        game=local,
    )


def _second_costs(game, second_costs, assume):
    """Player 2's costs: player 1's by default, else validated like them."""
    if second_costs is None:
        return game.costs
    if not (isinstance(second_costs, tuple) and len(second_costs) == 2):
        raise ModelError(
            f"second_costs={second_costs!r} must be a pair (C_T(x), C_U(x))"
        )
    return tuple(
        check_cost(cost, game.gesture, assume, who=f"second mover's {who}")
        for cost, who in zip(second_costs, TYPES, strict=True)
    )


def starting_small(rounds: int, *, upper, discount, assumptions=()) -> StartingSmall:
    """Cutoffs, stakes and trust over N rounds of gradually rising stakes.

    Parameters
    ----------
    rounds : int
        N >= 1.
    upper : sympy.Expr
        b > 1: types are uniform on [0, b].
    discount : sympy.Expr
        delta in (0, 1).

    Raises
    ------
    ModelError
        A number of rounds that is not a positive int.

    Examples
    --------
    >>> import sympy
    >>> sm = starting_small(3, upper=4, discount=sympy.Rational(1, 2))
    >>> sm.cutoffs, sm.trust
    ((3, 5/2, 1), (1/4, 1/3, 2/5, 1))
    """
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 1:
        raise ModelError(f"rounds={rounds!r} must be an int >= 1")
    b = as_payoff(upper, "upper")
    delta = as_payoff(discount, "discount")
    assume = build_assumptions([*assumptions, b > 1, delta > 0, delta < 1])
    n = rounds
    cut = sympy.symbols(f"t_1:{n + 1}", positive=True)
    y = sympy.Dummy("y")
    # uniform prior on [0, b]: Pr(t <= y) = y / b
    cdf = sympy.Lambda(y, sympy.integrate(1 / b, (sympy.Dummy("u"), 0, y)))
    # trust at the start of round k: Bayes given survival t <= t_{k-1}
    prev = (b, *cut[:-1])
    trust = [sympy.cancel(cdf(1) / cdf(p)) for p in prev]
    stakes = list(trust)
    # last round: honour (x_N) against exploit (t x_N) -> the cutoff t_N
    last = sympy.solve(sympy.Eq(cut[-1] * stakes[-1], stakes[-1]), cut[-1])
    if len(last) != 1:
        raise SolverError(f"last-round cutoff equation gave {last}")
    eqs = [
        sympy.Eq(cut[k] * stakes[k], stakes[k] + delta * cut[k] * stakes[k + 1])
        for k in range(n - 1)
    ]
    sol = {cut[-1]: last[0]}
    if n > 1:
        found = sympy.solve([e.subs(sol) for e in eqs], cut[:-1], dict=True)
        if len(found) != 1:
            raise SolverError(
                f"the indifference conditions gave {len(found)} solutions"
            )
        sol.update(found[0])
    cutoffs = tuple(sympy.factor(sympy.expand(sol[c])) for c in cut)
    after = sympy.cancel(cdf(1) / cdf(cutoffs[-1]))
    trust_path = (*(sympy.factor(q.subs(sol)) for q in trust), after)
    stake_path = tuple(sympy.factor(x.subs(sol)) for x in stakes)
    chain = (b, *cutoffs)
    raw = sympy.And(*(chain[k] > chain[k + 1] for k in range(n)))
    condition = simplify_cleared(raw, assume)
    steps = (
        *(
            Step(f"indifference, round {k + 1}", e, "exploit now or next round")
            for k, e in enumerate(eqs)
        ),
        Step("last round", sympy.Eq(cut[-1], last[0]), "honour x_N or exploit t x_N"),
        Step("cutoffs", sympy.Tuple(*cutoffs), "solve the indifference conditions"),
        Step("trust path", sympy.Tuple(*trust_path), "Bayes' rule, uniform prior"),
        Step("stake path", sympy.Tuple(*stake_path), "stake = trust"),
        Step("validity", condition, "cutoffs fall: b > t_1 > ... > t_N"),
    )
    return StartingSmall(
        kind=f"starting small over {n} rounds",
        value=sympy.Tuple(*stake_path),
        condition=condition,
        assumptions=assume,
        steps=steps,
        rounds=n,
        cutoffs=cutoffs,
        stakes=stake_path,
        trust=trust_path,
        indifference=tuple(eqs),
        upper=b,
        discount=delta,
    )
