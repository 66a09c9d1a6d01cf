"""Perfect Bayesian equilibria of the arming game (spiral model).

Reconstruction of Kydd (2005, ch. 3; ``models.md`` section 3), game in
:mod:`symtrust.kydd.arming.model`. Symmetric equilibria in which each security
seeker builds iff its cost k is at most a cutoff k*, so that the building rate
is s = k* / K. The engine derives:

1. **Beliefs.** Bayes' rule over {S, G} with Pr(build | S) = s and
   Pr(build | G) = 1 gives trust pi_B after a build; after Not, trust is 1.
2. **Regimes.** In stage 2 the cooperative equilibrium (security seekers
   cooperate, greedy states defect) is played iff both sides' trust reaches mu.
   Either pi_B < mu (*any build destroys cooperation*) or pi_B >= mu (*builds
   are tolerated*).
3. **Cutoff.** A security seeker's gain from building, excluding its cost, is
   k*(s) = EU(Build) - EU(Not), summed over the other's type and move from the
   stage-2 payoff tables; the uniform cost gives the best-response rate
   BR(s) = k*(s) / K on [0, 1].
4. **Equilibria.** Interior: ``solve(s = k*(s) / K)`` with 0 < s < 1 and the
   regime consistent with pi_B(s); corners s = 0 (k*(0) <= 0) and s = 1
   (k*(1) >= K). An interior rate is stable iff BR'(s) < 1.
5. **Outcomes.** Probabilities of peace (mutual cooperation), conflict and
   tragic spirals (conflict between two security seekers); the observer's
   posterior after conflict, by Bayes over the four type pairs.

Examples
--------
>>> import sympy
>>> from symtrust.kydd.arming.model import arming_game
>>> half = sympy.Rational(1, 2)
>>> g = arming_game(prior=half, cost_bound=half, arms_gain=sympy.Rational(3, 4),
...                 t_secure=0, t_greedy=2, c=3, w=1)
>>> [(str(e.shape), e.rate, e.stable) for e in arming_equilibria(g)]
[('corner s = 0', 0, True), ('corner s = 1', 1, True), ('interior', 1/2, False)]

The regimes and shapes are the enumerations :class:`Regime` and
:class:`Shape`; the stage-2 steps live in :mod:`symtrust.kydd.arming._stage2`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError
from symtrust.games.bayesian.beliefs import BeliefPath, belief_path
from symtrust.games.bayesian.posterior import Posterior, posterior
from symtrust.kydd.arming._stage2 import (
    candidate_rates,
    cooperate,
    gain_expression,
    raw_validity,
)
from symtrust.kydd.arming.model import ArmingGame
from symtrust.kydd.arming.regimes import Regime, Shape
from symtrust.logic.assumptions import extend_assumptions
from symtrust.logic.conditions import simplify_cleared
from symtrust.logic.decide import satisfiable

__all__ = [
    "REGIMES",
    "ArmingEquilibrium",
    "ArmingOutcomes",
    "BuildGain",
    "Coexistence",
    "CoexistenceSolution",
    "Regime",
    "Shape",
    "arming_equilibria",
    "arming_outcomes",
    "build_cutoff",
    "coexisting_equilibria",
    "trust_after_build",
    "trust_after_builds",
]

#: The two stage-2 regimes, in order (the members of :class:`Regime`).
REGIMES = tuple(Regime)


@dataclass(frozen=True, kw_only=True)
class ArmingEquilibrium(Result):
    """A symmetric PBE of the arming game.

    Attributes
    ----------
    regime : Regime
        Whether builds destroy cooperation or are tolerated.
    rate : sympy.Expr
        s, the security seekers' building rate.
    cutoff : sympy.Expr
        k*: a security seeker builds iff k <= k* (k* = s K when interior).
    trust_after_build : sympy.Expr
        pi_B at this rate.
    stable : sympy Boolean
        For an interior rate, BR'(s) < 1 (simplified); True for corners.
    shape : Shape
        A corner (s = 0 or s = 1) or interior.
    case : sympy Boolean
        For an interior rate whose denominator has no fixed sign, the sign
        case this result covers (part of ``condition``); else True.
    game : ArmingGame
    """

    regime: Regime = Regime.DESTROYED
    rate: Any = None
    cutoff: Any = None
    trust_after_build: Any = None
    stable: Any = S.true
    shape: Shape = Shape.INTERIOR
    case: Any = S.true
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (f"{self.kind} ({self.regime})", self.rate),
            ("cutoff cost", self.cutoff),
            ("trust after a build", self.trust_after_build),
            ("stable", self.stable),
        )


@dataclass(frozen=True, kw_only=True)
class ArmingOutcomes(Result):
    """Outcome probabilities of an arming equilibrium and the observer's inference.

    Attributes
    ----------
    peace, conflict : sympy.Expr
        Probabilities of mutual cooperation and of its failure.
    tragic : sympy.Expr
        Probability of conflict between two security seekers.
    tragic_given_secure : sympy.Expr
        Probability of conflict given that both are security seekers.
    posterior_both_secure, posterior_secure : sympy.Expr
        After observing conflict: that both are security seekers, that a
        given state is one (priors pi**2 and pi).
    rate : sympy.Expr
        The building rate used.
    regime : Regime
    equilibrium : ArmingEquilibrium
    """

    peace: Any = None
    conflict: Any = None
    tragic: Any = None
    tragic_given_secure: Any = None
    posterior_both_secure: Any = None
    posterior_secure: Any = None
    rate: Any = None
    regime: Regime = Regime.DESTROYED
    equilibrium: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("peace", self.peace),
            ("conflict", self.conflict),
            ("tragic spiral", self.tragic),
            ("posterior both secure after conflict", self.posterior_both_secure),
        )


@dataclass(frozen=True, kw_only=True)
class Coexistence(Result):
    """Two arming equilibria that hold together where ``condition`` holds.

    ``value`` is the pair of their shapes.

    Attributes
    ----------
    first, second : ArmingEquilibrium
    """

    first: Any = None
    second: Any = None


@dataclass(frozen=True, kw_only=True)
class CoexistenceSolution(Solution):
    """The pairs of arming equilibria that can hold at once.

    Attributes
    ----------
    equilibria : Solution
        The arming equilibria the pairs are drawn from.
    """

    equilibria: Any = None


@dataclass(frozen=True, kw_only=True)
class BuildGain(Result):
    """k*(s): a security seeker's gain from building, excluding its cost.

    ``value`` is the gain as a function of the building rate ``s``; a
    security seeker builds iff its cost is at most the gain.

    Attributes
    ----------
    regime : Regime
        The stage-2 regime the gain assumes.
    rate : sympy.Symbol
        The building rate symbol ``s``.
    game : ArmingGame
    """

    regime: Regime = Regime.DESTROYED
    rate: Any = None
    game: Any = None


def _game(game):
    if not isinstance(game, ArmingGame):
        raise ModelError(
            f"expected an ArmingGame (build one with arming_game), got "
            f"{type(game).__name__}"
        )


def _regime(regime) -> Regime:
    try:
        return Regime(regime)
    except ValueError:
        raise ModelError(
            f"regime={regime!r} must be one of {[str(r) for r in Regime]}"
        ) from None


def trust_after_build(game: ArmingGame, rate=None) -> Posterior:
    """pi_B: trust in a state after it builds, by Bayes' rule via the engine.

    Returns the engine's :class:`~symtrust.results.Posterior` over the types
    ``"S"`` and ``"G"``: a security seeker builds with probability ``rate``
    (default the game's rate symbol ``s``), a greedy state always.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> g = arming_game(prior=sympy.Rational(1, 2), cost_bound=1, arms_gain=1,
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> trust_after_build(g)["S"]
    s/(s + 1)
    >>> trust_after_build(g, sympy.Rational(1, 3))["S"]
    1/4
    """
    _game(game)
    return posterior(
        {"S": game.prior, "G": 1 - game.prior},
        {"S": game.rate if rate is None else rate, "G": S.One},
        assumptions=game.assumptions,
        observation="build",
    )


def build_cutoff(game: ArmingGame, regime) -> BuildGain:
    """k*(s) = EU(Build) - EU(Not) of a security seeker, excluding its cost.

    Parameters
    ----------
    game : ArmingGame
        The game.
    regime : Regime or str
        The stage-2 regime (a :class:`Regime` member or its description).

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> g = arming_game(prior=sympy.Rational(1, 2), cost_bound=1, arms_gain=1,
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> build_cutoff(g, Regime.DESTROYED).value
    s
    """
    _game(game)
    regime = _regime(regime)
    gain = gain_expression(game, regime)
    return BuildGain(
        kind=f"gain from building ({regime})",
        value=gain,
        assumptions=game.assumptions,
        steps=(Step("gain from building", gain, "EU(Build) - EU(Not), from tables"),),
        regime=regime,
        rate=game.rate,
        game=game,
    )


def _equilibrium(game, regime, candidate, gain, pi_b):
    """One candidate rate as an :class:`ArmingEquilibrium`, or None if never valid."""
    shape, rate, case = candidate
    assume, s = game.assumptions, game.rate
    raw, at = raw_validity(game, regime, shape, rate, gain, pi_b)
    local = assume if case is S.true else extend_assumptions(assume, [case])
    condition = simplify_cleared(raw, local)
    if condition is not S.false and case is not S.true:
        condition = simplify_cleared(sympy.And(case, condition), assume)
    if condition is S.false:
        return None
    response = gain / game.cost_bound
    slope = sympy.diff(response, s)
    stable = (
        simplify_cleared(sympy.Lt(slope.subs(s, rate), 1), local)
        if shape is Shape.INTERIOR
        else S.true
    )
    steps = (
        Step("trust after a build", pi_b, "Bayes' rule"),
        Step("regime", regime, "stage 2"),
        Step("gain from building", gain, "EU(Build) - EU(Not), from tables"),
        Step("best-response rate", response, "uniform cost on [0, K]"),
        Step("building rate", rate, f"{shape}: solve s = k*(s)/K"),
        Step("validity", condition, "rate in range, regime consistent"),
        Step("stability", stable, "BR'(s) < 1"),
    )
    return ArmingEquilibrium(
        kind=f"arming PBE, {shape}",
        value=rate,
        condition=condition,
        assumptions=assume,
        steps=steps,
        regime=regime,
        rate=rate,
        cutoff=sympy.factor(at),
        trust_after_build=sympy.factor(pi_b.subs(s, rate)),
        stable=stable,
        shape=shape,
        case=case,
        game=game,
    )


def arming_equilibria(game: ArmingGame) -> Solution:
    """All symmetric PBE of the arming game: corners and interior, per regime.

    Returns a :class:`Solution` (method ``"arming"``) of
    :class:`ArmingEquilibrium`, leaving out candidates whose condition is False.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> g = arming_game(prior=sympy.Rational(9, 10), cost_bound=sympy.Rational(1, 4),
    ...                 arms_gain=1, t_secure=0, t_greedy=2, c=3, w=1)
    >>> [(str(e.regime), e.rate) for e in arming_equilibria(g)]
    [('builds destroy cooperation', 0), ('builds tolerated', 2/5)]
    """
    _game(game)
    # 1. trust after a build, by Bayes' rule
    pi_b = trust_after_build(game)["S"]
    found = []
    for regime in Regime:
        # 3. the gain from building; 4. the candidate rates and their validity
        gain = gain_expression(game, regime)
        for candidate in candidate_rates(game, gain, regime):
            eq = _equilibrium(game, regime, candidate, gain, pi_b)
            if eq is not None:
                found.append(eq)
    notes = (
        f"trust threshold mu = {game.threshold}; stage 2 plays the cooperative "
        "equilibrium whenever both sides' trust reaches it",
        "where the best-response map is the identity (an interior rate's "
        "numerator and denominator both vanish) every rate is an equilibrium; "
        "that degenerate parameter set is not listed",
    )
    return Solution(
        method="arming",
        solver=arming_equilibria,
        game=game,
        results=tuple(found),
        notes=notes,
    )


def coexisting_equilibria(solution: Solution) -> CoexistenceSolution:
    """Pairs of equilibria that can hold at once, with the joint condition.

    Returns a :class:`CoexistenceSolution` (method ``"coexisting_equilibria"``)
    of :class:`Coexistence` results whose ``value`` is the pair of shapes;
    pairs whose joint condition is False are left out.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> half = sympy.Rational(1, 2)
    >>> g = arming_game(prior=half, cost_bound=half, arms_gain=sympy.Rational(3, 4),
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> [str(shape) for shape in coexisting_equilibria(arming_equilibria(g))[0].value]
    ['corner s = 0', 'corner s = 1']
    """
    if not isinstance(solution, Solution) or solution.method != "arming":
        raise ModelError(
            f"expected the Solution of arming_equilibria, got {type(solution).__name__}"
        )
    out = []
    assume = solution.game.assumptions
    for a, b in itertools.combinations(solution.results, 2):
        if a.regime == b.regime and a.rate == b.rate:
            continue  # one rate split by the sign of its denominator: exclusive
        joint = simplify_cleared(sympy.And(a.condition, b.condition), assume)
        if joint is S.false or satisfiable(joint, assume).truth is False:
            continue
        out.append(
            Coexistence(
                kind=f"coexistence ({a.regime} / {b.regime})",
                value=(a.shape, b.shape),
                condition=joint,
                assumptions=assume,
                steps=(Step("both conditions", joint, "conjunction, simplified"),),
                first=a,
                second=b,
            )
        )
    return CoexistenceSolution(
        method="coexisting_equilibria",
        solver=coexisting_equilibria,
        game=solution.game,
        results=tuple(out),
        equilibria=solution,
    )


def _peace_given_types(regime, rate):
    """Pr(peace | type pair): mutual cooperation needs two security seekers."""
    moves = {"S": ((True, rate), (False, 1 - rate)), "G": ((True, S.One),)}
    out = {}
    for ti, tj in itertools.product(moves, repeat=2):
        total = S.Zero
        for (bi, pi_), (bj, pj) in itertools.product(moves[ti], moves[tj]):
            if ti == tj == "S" and cooperate(regime, bi, bj):
                total += pi_ * pj
        out[ti + tj] = sympy.factor(total)
    return out


def arming_outcomes(equilibrium: ArmingEquilibrium, *, rate=None) -> ArmingOutcomes:
    """Peace, conflict, tragic spirals, and the observer's posterior after conflict.

    With ``rate`` (for instance the game's rate symbol ``s``), the outcomes are
    computed at that building rate in the equilibrium's regime, valid for any
    rate in [0, 1] at which that regime obtains; the condition then says only
    that the rate is a probability and conflict has positive probability.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> half = sympy.Rational(1, 2)
    >>> g = arming_game(prior=half, cost_bound=half, arms_gain=sympy.Rational(3, 4),
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> out = arming_outcomes(arming_equilibria(g)[2])
    >>> out.peace, out.tragic, out.posterior_both_secure
    (1/16, 3/16, 1/5)
    """
    if not isinstance(equilibrium, ArmingEquilibrium):
        raise ModelError(
            f"expected an ArmingEquilibrium, got {type(equilibrium).__name__}"
        )
    game, regime = equilibrium.game, equilibrium.regime
    generic = rate is not None
    rate = equilibrium.rate if rate is None else rate
    types = {"S": game.prior, "G": 1 - game.prior}
    peace_given = _peace_given_types(regime, rate)
    prior_pairs = {ti + tj: types[ti] * types[tj] for ti in types for tj in types}
    peace = sympy.factor(sum(prior_pairs[k] * peace_given[k] for k in prior_pairs))
    conflict = sympy.factor(1 - peace)
    tragic = sympy.factor(prior_pairs["SS"] * (1 - peace_given["SS"]))
    # observer: Bayes over the four type pairs, given conflict
    valid = sympy.And(rate >= 0, rate <= 1) if generic else equilibrium.condition
    post = posterior(
        prior_pairs,
        {k: 1 - v for k, v in peace_given.items()},
        assumptions=extend_assumptions(game.assumptions, [valid]),
        observation="conflict",
    )
    both = sympy.factor(post["SS"])
    condition = simplify_cleared(sympy.And(valid, conflict > 0), game.assumptions)
    steps = (
        Step("Pr(peace | both secure)", peace_given["SS"], "moves and regime"),
        Step("Pr(peace)", peace, "over the type pairs"),
        Step("Pr(tragic spiral)", tragic, "conflict between two security seekers"),
        Step("Pr(both secure | conflict)", both, "Bayes' rule over type pairs"),
    )
    return ArmingOutcomes(
        kind="outcomes",
        value=sympy.Tuple(peace, conflict, tragic),
        condition=condition,
        assumptions=game.assumptions,
        steps=steps,
        peace=peace,
        conflict=conflict,
        tragic=tragic,
        tragic_given_secure=sympy.factor(1 - peace_given["SS"]),
        posterior_both_secure=both,
        posterior_secure=sympy.factor(post["SS"] + post["SG"]),
        rate=rate,
        regime=regime,
        equilibrium=equilibrium,
    )


def trust_after_builds(game: ArmingGame, *, n=None) -> BeliefPath:
    """Trust in a state after n observed builds, via :func:`belief_path`.

    Each period a security seeker builds with probability s (the game's rate
    symbol), a greedy state always; ``value`` is in terms of ``s`` and ``n``.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.model import arming_game
    >>> g = arming_game(prior=sympy.Rational(1, 2), cost_bound=1, arms_gain=1,
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> trust_after_builds(g)["S"]
    s**n/(s**n + 1)
    """
    _game(game)
    return belief_path(
        {"S": game.prior, "G": 1 - game.prior},
        {"S": game.rate, "G": S.One},
        n=n,
        assumptions=game.assumptions,
    )
