"""A costly-signal game: a gesture, then the two-type Security Dilemma Game.

Reconstruction of Kydd (2005, ch. 7, "reassurance"; ``models.md`` section 5).
A sender is trustworthy (type T, t_T < 1) with prior probability pi, else
untrustworthy (type U, t_U > 1). It chooses a gesture x >= 0 at cost
C_T(x) or C_U(x) (increasing, C(0) = 0; linear k_theta x in the book). A
trustworthy receiver observes x, updates its trust q(x), and then the Security
Dilemma Game (:mod:`symtrust.kydd.security_dilemma`) is played: the receiver
cooperates iff q(x) reaches its minimum trust threshold mu.

The game holds what the solvers need, each derived by the engine when built:
the receiver's threshold mu (solve of its indifference) and each sender type's
value of being trusted B_T, B_U (its best-reply payoff when trusted minus when
distrusted).

Examples
--------
>>> from symtrust import interval, nonnegative, parameter, positive, probability
>>> pi = interval("pi", 0, 1, left_open=True, right_open=True)
>>> tT = interval("t_T", 0, 1, right_open=True)
>>> tU = parameter("t_U", lower=1, left_open=True)
>>> c, w, kT, kU = positive("c w k_T k_U")
>>> x = nonnegative("x")
>>> g = costly_signal(prior=pi, t_trustworthy=tT, t_untrustworthy=tU, c=c, w=w,
...                   costs=(kT * x, kU * x), gesture=x)
>>> g.benefits
(w + 1, t_U + w)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.numbers import exact_number
from symtrust.core.point import substitute, symbols_of
from symtrust.core.result import Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.normal_form.model import game_name, substitute_point
from symtrust.kydd.security_dilemma.model import sdg_payoffs
from symtrust.kydd.security_dilemma.stage import stage_threshold, value_of_trust
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.decide import decide

__all__ = ["TYPES", "CostlySignalGame", "check_cost", "costly_signal"]

#: The sender's types, in the order of every pair this module stores.
TYPES = ("trustworthy", "untrustworthy")


@dataclass(frozen=True)
class CostlySignalGame:
    """A sender's costly gesture followed by the Security Dilemma Game.

    Attributes
    ----------
    prior : sympy.Expr
        Prior probability that the sender is trustworthy.
    gesture : sympy.Symbol
        The gesture size x (nonnegative).
    costs : tuple of sympy.Expr
        (C_T(x), C_U(x)): each type's cost of gesture x.
    threshold : sympy.Expr
        The receiver's minimum trust threshold mu.
    benefits : tuple of sympy.Expr
        (B_T, B_U): each type's value of being trusted.
    payoffs : tuple of dict
        Stage-2 payoff tables of the sender types and of the receiver,
        keyed (own move, other's move); used by the numeric twin.
    assumptions : Assumptions
    steps : tuple of Step
        How the threshold and the benefits were derived.
    name : str
    """

    prior: sympy.Expr
    gesture: sympy.Symbol
    costs: tuple
    threshold: sympy.Expr
    benefits: tuple
    payoffs: tuple
    assumptions: Assumptions
    steps: tuple = ()
    name: str = "costly signal"

    def cost(self, kind: str, x=None) -> sympy.Expr:
        """Cost of a gesture for a type ('trustworthy' or 'untrustworthy')."""
        if kind not in TYPES:
            raise ModelError(f"type {kind!r} is not one of {TYPES}")
        expr = self.costs[TYPES.index(kind)]
        return expr if x is None else expr.subs(self.gesture, x)

    @property
    def parameters(self) -> frozenset:
        """The model's parameters (not the gesture x, the sender's choice)."""
        out = set(self.assumptions.symbols)
        for value in (self.prior, self.costs, self.threshold, self.benefits):
            out |= symbols_of(value)
        out |= symbols_of(self.payoffs)
        return frozenset(out - {self.gesture})

    def subs(self, point: Mapping, *, strict: bool = True) -> CostlySignalGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        The point is validated as in :meth:`NormalFormGame.subs
        <symtrust.games.normal_form.model.NormalFormGame.subs>` (the game's
        own parameters, exact real values in their domains, no assumption
        made false); the prior, the costs, the derived threshold and values
        of trust, the payoff tables and the steps are substituted. The
        gesture x is the sender's choice, not a parameter.

        Examples
        --------
        >>> from symtrust import nonnegative, positive
        >>> x = nonnegative("x")
        >>> c, w, k = positive("c w k")
        >>> g = costly_signal(prior=sympy.Rational(1, 2), t_trustworthy=0,
        ...                   t_untrustworthy=2, c=c, w=w, costs=(k * x, 2 * k * x),
        ...                   gesture=x)
        >>> g.subs({k: 3}).costs
        (3*x, 6*x)
        >>> g.subs({c: 2}).assumptions.conditions[-1]
        2 > w
        >>> g.subs({x: 1})
        Traceback (most recent call last):
        ...
        symtrust.errors.ModelError: x is not a parameter of the game; its parameters are c, k, w
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )
        memo: dict = {}
        changes = {
            f.name: substitute(getattr(self, f.name), point, memo)
            for f in dataclasses.fields(self)
            if f.name not in ("assumptions", "gesture", "name")
        }
        return dataclasses.replace(self, assumptions=assume, **changes)

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("game", self.name),
            ("prior trust", self.prior),
            ("costs", sympy.Tuple(*self.costs)),
            ("threshold", self.threshold),
            ("values of trust", sympy.Tuple(*self.benefits)),
        )


def check_cost(cost, gesture, assumptions, *, who: str) -> sympy.Expr:
    """Validate a gesture cost: an expression, zero at x = 0, increasing for x > 0.

    Raises
    ------
    ModelError
        A string, float or non-expression; a nonzero cost of the null gesture;
        a cost that decreases somewhere on x > 0 (with the point found).
    UnsupportedError
        If z3 cannot decide whether the cost increases.

    Examples
    --------
    >>> from symtrust import nonnegative, positive
    >>> x, k = nonnegative("x"), positive("k")
    >>> check_cost(k * x, x, [], who="T")
    k*x
    >>> check_cost(x * (1 - x), x, [], who="T")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: cost of the T type, x*(1 - x), must increase in x for x > 0, but its derivative 1 - 2*x is not positive at {x: ...}
    """
    cost = exact_number(cost, f"cost of the {who} type")
    if cost.subs(gesture, 0) != 0:
        raise ModelError(
            f"cost of the {who} type, {cost}, must be 0 at x = 0 "
            f"(it is {cost.subs(gesture, 0)}): not gesturing is free"
        )
    slope = sympy.diff(cost, gesture)
    conds = (*getattr(assumptions, "conditions", assumptions), gesture > 0)
    verdict = decide(slope > 0, conds)
    if verdict.truth is False:
        raise ModelError(
            f"cost of the {who} type, {cost}, must increase in {gesture} for "
            f"{gesture} > 0, but its derivative {slope} is not positive at "
            f"{_shown(verdict.counterexample, slope, gesture)}"
        )
    if verdict.truth is None:
        raise UnsupportedError(
            f"cannot decide whether the cost of the {who} type, {cost}, increases "
            f"in {gesture} ({verdict.reason})"
        )
    return cost


def _shown(point, expr, gesture) -> dict:
    """The part of a counterexample that the expression depends on."""
    keep = expr.free_symbols | {gesture}
    return {k: v for k, v in point.items() if k in keep}


def costly_signal(
    *,
    prior,
    t_trustworthy,
    t_untrustworthy,
    c,
    w,
    costs,
    gesture,
    assumptions=(),
    name: str = "costly signal",
) -> CostlySignalGame:
    """Build a costly-signal game; derive its threshold and values of trust.

    Parameters
    ----------
    prior : sympy.Expr
        Probability the sender is trustworthy (strictly between 0 and 1 under
        the assumptions).
    t_trustworthy, t_untrustworthy : sympy.Expr
        The two types' value of exploiting; the model adds t_T < 1 < t_U.
    c, w : sympy.Expr
        Cost of being exploited and of mutual defection; the model adds
        c > w >= 0.
    costs : pair of sympy.Expr
        (C_T(x), C_U(x)), each in ``gesture``, zero at 0 and increasing.
    gesture : sympy.Symbol
        The gesture variable; it must be nonnegative.
    assumptions : iterable of Boolean
        Further relations between parameters.

    Raises
    ------
    ModelError
        Bad costs (see :func:`check_cost`), a gesture symbol that may be
        negative, a prior not strictly inside (0, 1), or strings and floats.

    Examples
    --------
    >>> from symtrust import nonnegative, positive
    >>> import sympy
    >>> x = nonnegative("x")
    >>> c, w = positive("c w")
    >>> costly_signal(prior=sympy.Rational(1, 2), t_trustworthy=0, t_untrustworthy=2,
    ...               c=c, w=w, costs=(x, -x), gesture=x)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: cost of the untrustworthy type, -x, must increase in x for x > 0, but its derivative -1 is not positive at {x: ...}
    """
    if not isinstance(gesture, sympy.Symbol) or gesture.is_nonnegative is not True:
        raise ModelError(
            f"gesture={gesture!r} must be a nonnegative symbol, e.g. "
            'x = nonnegative("x")'
        )
    if not (isinstance(costs, tuple) and len(costs) == 2):
        raise ModelError(f"costs={costs!r} must be a pair (C_T(x), C_U(x))")
    pi = exact_number(prior, "prior (the probability that the sender is trustworthy)")
    tT = exact_number(t_trustworthy, "t_trustworthy")
    tU = exact_number(t_untrustworthy, "t_untrustworthy")
    c = exact_number(c, "c (the cost of being exploited)")
    w = exact_number(w, "w (the cost of mutual defection)")
    name = game_name(name)
    # the model's defining relations: trustworthy below 1, untrustworthy above
    stated = [*assumptions, tT < 1, tU > 1, c > w, w >= 0, pi > 0, pi < 1]
    stated = [s for s in stated if s is not S.true and s is not True]
    for s in stated:
        if s is S.false or s is False:
            raise ModelError(
                f"a defining relation fails as given (prior={pi}, t_T={tT}, "
                f"t_U={tU}, c={c}, w={w}): need 0 < prior < 1, t_T < 1 < t_U, c > w >= 0"
            )
    raw_costs = [
        exact_number(cost, f"cost of the {who} type")
        for cost, who in zip(costs, TYPES, strict=True)
    ]
    params = set().union(*(cost.free_symbols for cost in raw_costs))
    assume = build_assumptions(stated, symbols=sorted(params | {gesture}, key=str))
    cost_t = check_cost(costs[0], gesture, assume, who=TYPES[0])
    cost_u = check_cost(costs[1], gesture, assume, who=TYPES[1])
    # stage 2: the receiver's threshold and each sender type's value of trust
    stage = stage_threshold(tT, c, w, assumptions=assume)
    mu, mu_steps = stage.value, stage.steps
    trusted_t = value_of_trust(tT, c, w, assumptions=assume, who="trustworthy")
    trusted_u = value_of_trust(tU, c, w, assumptions=assume, who="untrustworthy")
    b_t, bt_steps = trusted_t.value, trusted_t.steps
    b_u, bu_steps = trusted_u.value, trusted_u.steps
    payoffs = (sdg_payoffs(tT, c, w), sdg_payoffs(tU, c, w), sdg_payoffs(tT, c, w))
    steps = (
        *mu_steps,
        *bt_steps,
        *bu_steps,
        Step("cost, trustworthy", cost_t, "increasing, zero at no gesture"),
        Step("cost, untrustworthy", cost_u, "increasing, zero at no gesture"),
    )
    return CostlySignalGame(
        prior=pi,
        gesture=gesture,
        costs=(cost_t, cost_u),
        threshold=mu,
        benefits=(b_t, b_u),
        payoffs=payoffs,
        assumptions=assume,
        steps=steps,
        name=name,
    )
