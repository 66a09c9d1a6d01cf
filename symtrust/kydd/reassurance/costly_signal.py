"""Perfect Bayesian equilibria of the costly-signal game (reassurance).

Reconstruction of Kydd (2005, ch. 7; ``models.md`` section 5), game in
:mod:`symtrust.kydd.reassurance.model`. Types T (prior pi) and U; gesture x >= 0
at cost C_T(x), C_U(x); the receiver cooperates iff its trust q(x) >= mu; a
type's value of being trusted is B_T or B_U. The engine derives:

1. **Separating** (T gestures x_s > 0, U gestures 0; q(x_s) = 1, q = 0
   elsewhere). Incentive constraints: T pays, ``B_T - C_T(x_s) >= 0``; U
   does not mimic, ``C_U(x_s) - B_U >= 0``. Solving each at equality gives the
   interval of separating gestures [x_lo, x_hi]; the least-cost gesture is
   x_lo (U's constraint binds: the Riley outcome). It exists iff
   ``C_T(x_lo) <= B_T``; for proportional costs this is single crossing,
   ``B_T / C_T >= B_U / C_U``: trustworthy types value being trusted more per
   unit of cost.
2. **Pooling** at x_p. With trust (pi >= mu): both types pay x_p, so
   ``x_p <= min(x_lo, x_hi)``, supported by off-path beliefs q(x) < mu for
   x < x_p. Without trust (pi < mu): both gesture 0, supported by q(x) < mu
   off the path.
3. **Hybrid**: T gestures x_h, U gestures x_h with probability r. Bayes'
   rule gives q(x_h) = pi / (pi + (1 - pi) r); trust rises exactly to the
   threshold, q(x_h) = mu, solved for r; the receiver, indifferent,
   cooperates with probability rho that makes U indifferent,
   ``rho B_U = C_U(x_h)``; T must still gain, ``rho B_T >= C_T(x_h)``.

Separation and pooling are those of the general family of costly signals
with a continuum of signals (:mod:`symtrust.games.continuous_signals`): the
game is its instance with U the low type, T the high one and the reply
"cooperate iff q >= mu"
(:func:`~symtrust.kydd.reassurance.instance.as_signal_game`); the separating
set, the Riley gesture and the pooling ranges come from its solvers. The
hybrid equilibrium is specific to the threshold reply. Every closed form
comes from ``sympy.solve`` on these equations and every posterior from the
engine's Bayes' rule
(:func:`symtrust.games.bayesian.posterior.posterior`); conditions are
simplified under the game's assumptions. The shared steps live in
:mod:`symtrust.kydd.reassurance._incentives`.

Examples
--------
>>> from symtrust import interval, nonnegative, parameter, positive
>>> from symtrust.kydd.reassurance.model import costly_signal
>>> pi = interval("pi", 0, 1, left_open=True, right_open=True)
>>> tT = interval("t_T", 0, 1, right_open=True)
>>> tU = parameter("t_U", lower=1, left_open=True)
>>> c, w, kT, kU = positive("c w k_T k_U")
>>> x = nonnegative("x")
>>> g = costly_signal(prior=pi, t_trustworthy=tT, t_untrustworthy=tU, c=c, w=w,
...                   costs=(kT * x, kU * x), gesture=x)
>>> separating_equilibrium(g).least_cost
(t_U + w)/k_U
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.parameters import probability
from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, SolverError
from symtrust.games.continuous_signals.pooling import (
    pooling_equilibria as generic_pooling,
)
from symtrust.games.continuous_signals.separating import separating_equilibria
from symtrust.kydd.reassurance._incentives import memoised, require, trust_after
from symtrust.kydd.reassurance.instance import as_signal_game
from symtrust.kydd.reassurance.model import CostlySignalGame
from symtrust.logic.conditions import sign_under, simplify_cleared

__all__ = [
    "HybridGesture",
    "PoolingGesture",
    "SeparatingGesture",
    "costly_signal_equilibria",
    "hybrid_equilibrium",
    "pooling_equilibria",
    "separating_equilibrium",
]

#: The receiver's belief as a function of the gesture, for off-path statements.
belief = sympy.Function("q")


@dataclass(frozen=True, kw_only=True)
class SeparatingGesture(Result):
    """The separating equilibria: an interval of gestures and the least-cost one.

    Attributes
    ----------
    gestures : tuple
        (x_lo, x_hi): T's gesture separates iff x_lo <= x <= x_hi.
    least_cost : sympy.Expr
        x_lo, where the untrustworthy type's constraint binds.
    incentives : tuple
        (IC_T, IC_U) as conditions on the gesture symbol.
    single_crossing : sympy Boolean
        Trustworthy types value being trusted more per unit of cost.
    beliefs : sympy.Piecewise
        The receiver's trust q(x) at the least-cost equilibrium.
    game : CostlySignalGame
    """

    gestures: tuple = ()
    least_cost: Any = None
    incentives: tuple = ()
    single_crossing: Any = S.true
    beliefs: Any = None
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (self.kind, self.least_cost),
            ("separating gestures", sympy.Interval(*self.gestures)),
            ("beliefs", self.beliefs),
        )


@dataclass(frozen=True, kw_only=True)
class PoolingGesture(Result):
    """Pooling equilibria on a common gesture, with their off-path beliefs.

    Attributes
    ----------
    trusted : bool
        Whether the receiver cooperates on the path.
    gestures : tuple
        (lowest, highest) pooling gesture.
    off_path : sympy Boolean
        What the receiver's belief q(x) must satisfy off the path ...
    off_path_range : tuple
        ... for gestures x in this open interval (below the pool, or all
        gestures some type would pay for).
    beliefs : sympy.Piecewise
        One supporting belief function (q = prior on the path, 0 off it), at
        the lowest pooling gesture.
    game : CostlySignalGame
    """

    trusted: bool = False
    gestures: tuple = ()
    off_path: Any = S.true
    off_path_range: tuple = ()
    beliefs: Any = None
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (self.kind, sympy.Interval(*self.gestures)),
            ("off-path beliefs", self.off_path),
            ("for gestures in", sympy.Interval.open(*self.off_path_range)),
        )


@dataclass(frozen=True, kw_only=True)
class HybridGesture(Result):
    """The hybrid equilibrium at gesture x_h: trust rises exactly to mu.

    Attributes
    ----------
    gesture : sympy.Symbol
        x_h (the game's gesture symbol; the result holds for each x_h that
        satisfies the condition).
    mixing : sympy.Expr
        r, the probability that the untrustworthy type gestures.
    cooperation : sympy.Expr
        rho, the probability that the receiver cooperates after x_h.
    trust : sympy.Expr
        q(x_h), equal to the threshold.
    game : CostlySignalGame
    """

    gesture: Any = None
    mixing: Any = None
    cooperation: Any = None
    trust: Any = None
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (self.kind, self.mixing),
            ("receiver cooperates with probability", self.cooperation),
            ("trust after the gesture", self.trust),
        )


def separating_equilibrium(game: CostlySignalGame) -> SeparatingGesture:
    """The separating PBE: gesture interval, least-cost gesture, existence.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative, positive
    >>> from symtrust.kydd.reassurance.model import costly_signal
    >>> x = nonnegative("x")
    >>> c, w = positive("c w")
    >>> g = costly_signal(prior=sympy.Rational(1, 3), t_trustworthy=0,
    ...                   t_untrustworthy=2, c=2, w=1, costs=(x, 4 * x), gesture=x)
    >>> sep = separating_equilibrium(g)
    >>> sep.gestures, sep.condition
    ((3/4, 2), True)
    """
    _game(game)
    return memoised("separating_equilibrium", game, _separating)


def _separating(game):
    assume, x, mu = game.assumptions, game.gesture, game.threshold
    (b_t, b_u), (c_t, c_u) = game.benefits, game.costs
    # receiver: trust 1 after the signal (cooperate), 0 otherwise (defect)
    require(sympy.Ge(1, mu), assume, "cooperation at trust 1")
    require(sympy.Lt(0, mu), assume, "defection at trust 0")
    # the general family: U is the low type, T the high one, the reply rho(q)
    general = separating_equilibria(as_signal_game(game))
    ic_u, ic_t = (sympy.Ge(sympy.expand(c.lhs - c.rhs), 0) for c in general.incentives)
    lo, hi = general.signals
    exists = general.condition
    ratio = sympy.cancel(c_u / c_t)
    if x in ratio.free_symbols:
        crossing = exists
    else:
        crossing = simplify_cleared(sympy.Ge(b_t * ratio, b_u), assume)
    beliefs = sympy.Piecewise((S.One, sympy.Eq(x, lo)), (S.Zero, True))
    steps = (
        Step("IC of the trustworthy type", ic_t, "gesture and be trusted, or not"),
        Step("IC of the untrustworthy type", ic_u, "mimicking must not pay"),
        Step("least separating gesture", lo, "solve C_U(x) = B_U (Riley)"),
        Step("largest separating gesture", hi, "solve C_T(x) = B_T"),
        Step("single crossing", crossing, "B_T per unit of C_T >= B_U per unit of C_U"),
        Step("existence", exists, "C_T(x_lo) <= B_T, simplified"),
    )
    return SeparatingGesture(
        kind="separating PBE (least-cost gesture)",
        value=lo,
        condition=exists,
        assumptions=assume,
        steps=steps,
        gestures=(lo, hi),
        least_cost=lo,
        incentives=(ic_t, ic_u),
        single_crossing=crossing,
        beliefs=beliefs,
        game=game,
    )


def pooling_equilibria(game: CostlySignalGame) -> Solution:
    """Pooling PBE: with trust (prior above mu) and without (prior below).

    Returns a :class:`Solution` (method ``"pooling_equilibria"``) of
    :class:`PoolingGesture` results whose conditions are not False.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative
    >>> from symtrust.kydd.reassurance.model import costly_signal
    >>> x = nonnegative("x")
    >>> g = costly_signal(prior=sympy.Rational(9, 10), t_trustworthy=0,
    ...                   t_untrustworthy=2, c=2, w=1, costs=(x, 4 * x), gesture=x)
    >>> [(p.trusted, p.gestures, p.condition) for p in pooling_equilibria(g)]
    [(True, (0, 3/4), True)]
    """
    _game(game)
    return memoised("pooling_equilibria", game, _pooling)


def _pooling(game):
    assume, x, mu, pi = game.assumptions, game.gesture, game.threshold, game.prior
    general = as_signal_game(game)
    lo, hi = separating_equilibria(general).signals
    # the general family's pools, one per case of the receiver's reply at the prior
    pools = {p.response: p for p in generic_pooling(general)}
    out = []
    # on-path belief is the prior (Bayes: both types send x_p)
    q_path = sympy.simplify(trust_after(pi, S.One, assume, what="the pool")["T"])
    order = sign_under(hi - lo, assume)
    if S.One in pools:
        top = pools[S.One].signals[1]
        trusted = pools[S.One].condition
        steps = (
            Step("trust on the path", q_path, "Bayes' rule, both types send x_p"),
            Step("receiver cooperates", trusted, "trust reaches the threshold"),
            Step("IC of both types", sympy.Le(x, top), "paying x_p beats distrust"),
        )
        out.append(
            PoolingGesture(
                kind="pooling PBE with trust",
                value=sympy.Tuple(S.Zero, top),
                condition=trusted,
                assumptions=assume,
                steps=steps,
                trusted=True,
                gestures=(S.Zero, top),
                off_path=sympy.Lt(belief(x), mu),
                off_path_range=(S.Zero, sympy.Symbol("x_p")),
                beliefs=sympy.Piecewise((q_path, sympy.Eq(x, 0)), (S.Zero, True)),
                game=game,
            )
        )
    if S.Zero in pools:
        distrust = pools[S.Zero].condition
        reach = hi if order in (0, 1) else lo if order == -1 else sympy.Max(lo, hi)
        steps = (
            Step("trust on the path", q_path, "Bayes' rule, both types send 0"),
            Step("receiver defects", distrust, "trust below the threshold"),
            Step("no gesture pays", sympy.Lt(belief(x), mu), "off-path distrust"),
        )
        out.append(
            PoolingGesture(
                kind="pooling PBE without trust",
                value=sympy.Tuple(*pools[S.Zero].signals),
                condition=distrust,
                assumptions=assume,
                steps=steps,
                trusted=False,
                gestures=pools[S.Zero].signals,
                off_path=sympy.Lt(belief(x), mu),
                off_path_range=(S.Zero, reach),
                beliefs=sympy.Piecewise((q_path, sympy.Eq(x, 0)), (S.Zero, True)),
                game=game,
            )
        )
    return Solution(
        method="pooling_equilibria",
        solver=pooling_equilibria,
        game=game,
        results=tuple(out),
    )


def hybrid_equilibrium(game: CostlySignalGame) -> HybridGesture:
    """The hybrid PBE at gesture x: U mixes so that trust equals the threshold.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative
    >>> from symtrust.kydd.reassurance.model import costly_signal
    >>> x = nonnegative("x")
    >>> g = costly_signal(prior=sympy.Rational(1, 5), t_trustworthy=0,
    ...                   t_untrustworthy=2, c=2, w=1, costs=(x, 4 * x), gesture=x)
    >>> h = hybrid_equilibrium(g)
    >>> h.mixing, h.cooperation, h.trust
    (1/4, 4*x/3, 1/2)
    """
    _game(game)
    return memoised("hybrid_equilibrium", game, _hybrid)


def _hybrid(game):
    assume, x, mu, pi = game.assumptions, game.gesture, game.threshold, game.prior
    (b_t, b_u), (c_t, c_u) = game.benefits, game.costs
    r, rho = probability("r"), sympy.Dummy("rho")
    # Bayes' rule after x_h: T always sends it, U with probability r
    q_h = trust_after(pi, r, assume, what="the hybrid gesture")["T"]
    # trust rises exactly to the threshold
    r_sols = sympy.solve(sympy.Eq(q_h, mu), r)
    # the receiver's mixing makes the untrustworthy type indifferent
    rho_sols = sympy.solve(sympy.Eq(rho * b_u - c_u, 0), rho)
    if len(r_sols) != 1 or len(rho_sols) != 1:
        raise SolverError(
            f"hybrid equations gave r = {r_sols}, rho = {rho_sols}; expected one each"
        )
    r_val = sympy.factor(r_sols[0])
    rho_val = sympy.factor(rho_sols[0])
    ic_t = sympy.Ge(rho_val * b_t - c_t, 0)
    raw = sympy.And(x > 0, r_val > 0, r_val < 1, rho_val <= 1, ic_t)
    condition = simplify_cleared(raw, assume)
    rhos = sympy.Symbol("rho")
    steps = (
        Step("trust after the gesture", q_h, "Bayes' rule"),
        Step("U's mixing probability", r_val, "solve q(x_h) = mu"),
        Step("receiver's cooperation", rho_val, "U indifferent: rho B_U = C_U(x_h)"),
        Step("IC of the trustworthy type", ic_t.subs(rho, rhos), "rho B_T >= C_T(x_h)"),
        Step("validity", condition, "0 < r < 1, 0 < rho <= 1, x_h > 0, IC_T"),
    )
    return HybridGesture(
        kind="hybrid PBE (untrustworthy type mixes)",
        value=sympy.Tuple(r_val, rho_val),
        condition=condition,
        assumptions=assume,
        steps=steps,
        gesture=x,
        mixing=r_val,
        cooperation=rho_val,
        trust=sympy.simplify(q_h.subs(r, r_val)),
        game=game,
    )


def costly_signal_equilibria(game: CostlySignalGame) -> Solution:
    """All equilibrium classes of the costly-signal game that can occur.

    Returns a :class:`Solution` (method ``"costly_signal"``) holding the
    separating, pooling and hybrid results whose conditions are not False.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative
    >>> from symtrust.kydd.reassurance.model import costly_signal
    >>> x = nonnegative("x")
    >>> g = costly_signal(prior=sympy.Rational(1, 5), t_trustworthy=0,
    ...                   t_untrustworthy=2, c=2, w=1, costs=(x, 4 * x), gesture=x)
    >>> [r.kind for r in costly_signal_equilibria(g)]
    ['separating PBE (least-cost gesture)', 'pooling PBE without trust', 'hybrid PBE (untrustworthy type mixes)']
    """
    _game(game)
    found = [separating_equilibrium(game), *pooling_equilibria(game).results]
    found.append(hybrid_equilibrium(game))
    kept = tuple(r for r in found if r.condition is not S.false)
    notes = ("off-path beliefs are those of each result's off_path field",)
    return Solution(
        method="costly_signal",
        solver=costly_signal_equilibria,
        game=game,
        results=kept,
        notes=notes,
    )


def _game(game):
    if not isinstance(game, CostlySignalGame):
        raise ModelError(
            f"expected a CostlySignalGame (build one with costly_signal), "
            f"got {type(game).__name__}"
        )
