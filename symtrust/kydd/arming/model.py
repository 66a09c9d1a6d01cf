"""The two-stage arming game of the spiral model.

Reconstruction of Kydd (2005, ch. 3; ``models.md`` section 3). Each of two
states is a security seeker S (prior pi) or greedy G. Stage 1: each chooses
Build or Not. A security seeker's cost of building, k, is private and uniform
on [0, K]; greedy states always build. Builds are public. Stage 2: the
two-type Security Dilemma Game (:mod:`symtrust.kydd.security_dilemma`) in which a
builder gains d whenever the other defects (S has t_S < 1, G has t_G > 1).
After a build, trust follows Bayes' rule given the security seekers' building
rate s; after Not it is 1.

The game holds its primitives, the stage-2 payoff tables of both types with and
without arms, and the stage-2 trust threshold mu derived by the engine (the
arms gain cancels from it).

Examples
--------
>>> from symtrust import interval, parameter, positive
>>> pi = interval("pi", 0, 1, left_open=True, right_open=True)
>>> tS = interval("t_S", 0, 1, right_open=True)
>>> tG = parameter("t_G", lower=1, left_open=True)
>>> c, w, K, d = positive("c w K d")
>>> g = arming_game(prior=pi, cost_bound=K, arms_gain=d, t_secure=tS,
...                 t_greedy=tG, c=c, w=w)
>>> g.rate
s
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.numbers import exact_number
from symtrust.core.parameters import probability
from symtrust.core.point import substitute
from symtrust.core.result import Step
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import game_name, substitute_point
from symtrust.kydd.security_dilemma.model import sdg_payoffs
from symtrust.kydd.security_dilemma.stage import stage_threshold
from symtrust.logic.assumptions import build_assumptions

__all__ = ["ArmingGame", "arming_game"]


@dataclass(frozen=True)
class ArmingGame:
    """The two-stage arming game (symmetric players).

    Attributes
    ----------
    prior : sympy.Expr
        Probability that a state is a security seeker.
    cost_bound : sympy.Expr
        K: a security seeker's building cost is uniform on [0, K].
    arms_gain : sympy.Expr
        d: what a builder gains whenever the other defects.
    t_secure, t_greedy, c, w : sympy.Expr
        Security Dilemma Game parameters (t_S < 1 < t_G, c > w >= 0).
    threshold : sympy.Expr
        mu, the stage-2 minimum trust threshold (derived).
    rate : sympy.Symbol
        s, the security seekers' building rate (the unknown of the solver).
    payoffs : tuple
        Pairs (type, built) -> stage-2 payoff table keyed (own, other).
    assumptions : Assumptions
    steps : tuple of Step
    name : str
    """

    prior: sympy.Expr
    cost_bound: sympy.Expr
    arms_gain: sympy.Expr
    t_secure: sympy.Expr
    t_greedy: sympy.Expr
    c: sympy.Expr
    w: sympy.Expr
    threshold: sympy.Expr
    rate: sympy.Symbol
    payoffs: tuple
    assumptions: Assumptions
    steps: tuple = ()
    name: str = "arming game"

    def table(self, kind: str, built: bool) -> dict:
        """Stage-2 payoff table of a type ('S' or 'G'), with or without arms."""
        for key, table in self.payoffs:
            if key == (kind, bool(built)):
                return dict(table)
        raise ModelError(f"type {kind!r} is not 'S' or 'G'")

    @property
    def parameters(self) -> frozenset:
        """The model's parameters (not the building rate s, the unknown)."""
        out = set(self.assumptions.symbols)
        for e in (self.prior, self.cost_bound, self.arms_gain, self.t_secure):
            out |= e.free_symbols
        for e in (self.t_greedy, self.c, self.w):
            out |= e.free_symbols
        return frozenset(out - {self.rate})

    def subs(self, point: Mapping, *, strict: bool = True) -> ArmingGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        The point is validated as in :meth:`NormalFormGame.subs
        <symtrust.games.normal_form.model.NormalFormGame.subs>` (the game's
        own parameters, exact real values in their domains, no assumption
        made false); the primitives, the derived threshold, the payoff tables
        and the steps are substituted. The building rate s is the solver's
        unknown, not a parameter.

        Examples
        --------
        >>> from symtrust import interval, positive
        >>> pi = interval("pi", 0, 1, left_open=True, right_open=True)
        >>> c, w = positive("c w")
        >>> g = arming_game(prior=pi, cost_bound=1, arms_gain=1, t_secure=0,
        ...                 t_greedy=2, c=c, w=w)
        >>> g.subs({c: 3}).threshold
        (3 - w)/(4 - w)
        >>> g.subs({c: 3}).assumptions.conditions[-1]
        3 > w
        >>> g.subs({c: 3, w: 4})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: c = 3, w = 4 violates the assumption c > w (it becomes 3 > 4)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )
        memo: dict = {}
        changes = {
            f.name: substitute(getattr(self, f.name), point, memo)
            for f in dataclasses.fields(self)
            if f.name not in ("assumptions", "rate", "name")
        }
        return dataclasses.replace(self, assumptions=assume, **changes)

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("game", self.name),
            ("prior (security seeker)", self.prior),
            ("cost of building", sympy.Interval(0, self.cost_bound)),
            ("arms gain", self.arms_gain),
            ("trust threshold", self.threshold),
        )


def arming_game(
    *,
    prior,
    cost_bound,
    arms_gain,
    t_secure,
    t_greedy,
    c,
    w,
    assumptions=(),
    name: str = "arming game",
) -> ArmingGame:
    """Build the arming game and derive its stage-2 threshold.

    The model adds its defining relations: 0 < pi < 1, K > 0, d > 0,
    t_S < 1 < t_G, c > w >= 0.

    Raises
    ------
    ModelError
        Strings, floats, or parameters that break the defining relations.

    Examples
    --------
    >>> import sympy
    >>> g = arming_game(prior=sympy.Rational(1, 2), cost_bound=1, arms_gain=1,
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> g.threshold
    2/3
    >>> arming_game(prior=2, cost_bound=1, arms_gain=1, t_secure=0, t_greedy=2,
    ...             c=3, w=1)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: arming game: a defining relation fails as given: pi < 1 (prior=2) (need 0 < pi < 1, K > 0, d > 0, t_S < 1 < t_G, c > w >= 0)
    """
    vals = {
        "prior": (prior, "prior pi (the probability of a security seeker)"),
        "cost_bound": (cost_bound, "cost_bound K (the bound of building costs)"),
        "arms_gain": (arms_gain, "arms_gain d"),
        "t_secure": (t_secure, "t_secure (the security seeker's type)"),
        "t_greedy": (t_greedy, "t_greedy (the greedy type)"),
        "c": (c, "c (the cost of being exploited)"),
        "w": (w, "w (the cost of mutual defection)"),
    }
    v = {k: exact_number(x, what) for k, (x, what) in vals.items()}
    name = game_name(name)
    pi, K, d = v["prior"], v["cost_bound"], v["arms_gain"]
    tS, tG, c, w = v["t_secure"], v["t_greedy"], v["c"], v["w"]
    raw = [pi > 0, pi < 1, K > 0, d > 0, tS < 1, tG > 1, c > w, w >= 0]
    for rel, written in zip(raw, _written(pi, K, d, tS, tG, c, w), strict=True):
        if rel is S.false:
            raise ModelError(
                f"{name}: a defining relation fails as given: {written} "
                "(need 0 < pi < 1, K > 0, d > 0, t_S < 1 < t_G, c > w >= 0)"
            )
    s = probability("s")
    stated = [r for r in (*assumptions, *raw) if r is not S.true]
    params = set().union(*(x.free_symbols for x in (pi, K, d, tS, tG, c, w)))
    assume = build_assumptions(stated, symbols=sorted(params | {s}, key=str))
    stage = stage_threshold(tS, c, w, gain=d, assumptions=assume)
    mu, steps = stage.value, stage.steps
    payoffs = tuple(
        ((kind, built), tuple(sdg_payoffs(t, c, w, d if built else 0).items()))
        for kind, t in (("S", tS), ("G", tG))
        for built in (False, True)
    )
    steps = (
        *steps,
        Step("posterior after Not", S.One, "greedy states always build"),
    )
    return ArmingGame(
        prior=pi,
        cost_bound=K,
        arms_gain=d,
        t_secure=tS,
        t_greedy=tG,
        c=c,
        w=w,
        threshold=mu,
        rate=s,
        payoffs=payoffs,
        assumptions=assume,
        steps=steps,
        name=name,
    )


def _written(pi, K, d, tS, tG, c, w):
    """The defining relations as text (SymPy folds numeric ones to booleans)."""
    return (
        f"pi > 0 (prior={pi})",
        f"pi < 1 (prior={pi})",
        f"K > 0 (cost_bound={K})",
        f"d > 0 (arms_gain={d})",
        f"t_S < 1 (t_secure={tS})",
        f"t_G > 1 (t_greedy={tG})",
        f"c > w (c={c}, w={w})",
        f"w >= 0 (w={w})",
    )
