"""Internals of the reputation solver: thresholds, one period, comparisons.

The equilibrium of a reputation game (Kreps and Wilson 1982, sec. 4;
Fudenberg and Tirole 1991, sec. 9.2.2) is built from three steps, each done
by the engine:

1. the uninformed player's *indifference*: the probability q* of the
   committed action at which engaging and staying out pay the same
   (``sympy.solve``);
2. the *reputation thresholds* theta_r, r periods remaining: in the last
   period the normal type is opportunistic, so the uninformed player is
   indifferent at theta_1 = q*; before it the normal type mixes so that the
   posterior after the committed action is theta_{r-1}, so the committed
   action has probability p / theta_{r-1}, and the uninformed player is
   indifferent when that equals q*: theta_r = q* theta_{r-1}. The recursion
   is solved by ``sympy.rsolve`` for a symbolic horizon (and checked by
   induction: the base case and one step) or iterated for a numeric one;
3. *one period* at belief b with r periods remaining: the normal type's
   probability of the committed action (0 in the last period, 1 when b is at
   least theta_{r-1}, else the mix that Bayes' rule maps to theta_{r-1}),
   the uninformed player's response (decided by the sign of
   ``Pr(committed) - q*``), and the posterior after the committed action by
   the engine's Bayes' rule (:func:`~symtrust.games.bayesian.posterior`).

Examples
--------
>>> import sympy
>>> q, r = sympy.Rational(1, 2), sympy.Symbol("r", integer=True, positive=True)
>>> thresholds_closed_form(q, r)
2**(-r)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.exact import sign, value_at
from symtrust.core.parameters import interval, probability
from symtrust.errors import ModelError, SolverError, UnsupportedError
from symtrust.games.bayesian.posterior import posterior
from symtrust.logic.conditions import sign_under

__all__ = [
    "PeriodPlay",
    "bayes_mix",
    "compare",
    "indifference",
    "is_zero",
    "period_play",
    "thresholds_closed_form",
    "thresholds_iterated",
    "tidy",
]

#: The belief and the next threshold, for the normal type's mixing rule.
BELIEF, NEXT = interval("beta_belief beta_next", 0, 1, left_open=True)


def indifference(uninformed_payoffs, assumptions) -> sympy.Expr:
    """q*: the committed action's probability making engaging worth staying out.

    Examples
    --------
    >>> import sympy
    >>> b = sympy.Rational(1, 3)
    >>> indifference((0, b - 1, b), [])
    1/3
    """
    u_out, u_c, u_o = uninformed_payoffs
    q = sympy.Dummy("q")
    roots = sympy.solve(sympy.Eq(q * u_c + (1 - q) * u_o, u_out), q)
    if len(roots) != 1:
        raise UnsupportedError(
            f"the uninformed player's indifference q u_c + (1 - q) u_o = u_out gave "
            f"{roots}: engaging pays the same whatever the informed player does"
        )
    return sympy.factor(roots[0])


def thresholds_closed_form(q_star, r):
    """theta_r in closed form: rsolve of theta(r+1) = q* theta(r), theta(1) = q*.

    Raises
    ------
    SolverError
        If rsolve fails or the induction check (base and step) fails.

    Examples
    --------
    >>> import sympy
    >>> b = sympy.Symbol("b", positive=True)
    >>> r = sympy.Symbol("r", integer=True, positive=True)
    >>> thresholds_closed_form(b, r)
    b**r
    """
    theta = sympy.Function("theta")
    sol = sympy.rsolve(theta(r + 1) - q_star * theta(r), theta(r), {theta(1): q_star})
    if sol is None:
        raise SolverError("rsolve could not solve the threshold recursion")
    sol = sympy.powsimp(sympy.simplify(sol), combine="base", force=True)
    # induction: base case r = 1, and one step r -> r + 1
    if not is_zero(sol.subs(r, 1) - q_star):
        raise SolverError(f"induction base failed: theta(1) = {sol.subs(r, 1)}")
    if not is_zero(sol.subs(r, r + 1) - q_star * sol):
        raise SolverError(f"induction step failed for theta(r) = {sol}")
    return sol


def thresholds_iterated(q_star, periods: int) -> tuple:
    """theta_0 = 1, theta_1, ..., theta_n by iterating the recursion.

    Examples
    --------
    >>> import sympy
    >>> thresholds_iterated(sympy.Rational(1, 2), 3)
    (1, 1/2, 1/4, 1/8)
    """
    out = [S.One]
    for _ in range(periods):
        out.append(sympy.expand(q_star * out[-1]))
    return tuple(out)


@functools.cache
def bayes_mix() -> sympy.Lambda:
    """The normal type's mix that Bayes' rule maps belief b to the posterior y.

    Solves ``b / (b + (1 - b) m) = y`` for m (the posterior after the
    committed action, by the engine's Bayes' rule).

    Examples
    --------
    >>> bayes_mix()(sympy.Rational(1, 8), sympy.Rational(1, 4))
    3/7
    """
    m = probability("m_mix")
    post = posterior(
        {"committed": BELIEF, "normal": 1 - BELIEF},
        {"committed": S.One, "normal": m},
        assumptions=[BELIEF < 1, m > 0],
        observation="the committed action",
    )["committed"]
    roots = sympy.solve(sympy.Eq(post, NEXT), m)
    if len(roots) != 1:
        raise SolverError(f"Bayes' rule gave mixing probabilities {roots}")
    return sympy.Lambda((BELIEF, NEXT), sympy.factor(roots[0]))


def is_zero(expr) -> bool:
    """Whether an expression with symbolic powers simplifies to zero.

    Examples
    --------
    >>> import sympy
    >>> s, t = sympy.symbols("s t", positive=True)
    >>> n = sympy.Symbol("n", integer=True)
    >>> is_zero(s * (s / t) ** (n - 1) / t - s**n * t**-n)
    True
    """
    expr = sympy.expand_power_base(sympy.sympify(expr, strict=True), force=True)
    expr = sympy.powsimp(expr, force=True)
    if expr == 0:
        return True
    if _clearly_nonzero(expr):
        return False
    return sympy.simplify(expr) == 0


def _clearly_nonzero(expr) -> bool:
    """A quick filter: nonzero at one exact sample point (integers for integer
    symbols, fractions in (0, 1) otherwise), so no simplification is needed."""
    values = {}
    for j, sym in enumerate(sorted(expr.free_symbols, key=str)):
        values[sym] = (
            sympy.Integer(5 + 2 * j)
            if sym.is_integer
            else sympy.Rational(1, 3 + j) + sympy.Rational(1, 101 + 7 * j)
        )
    try:
        at = value_at(expr, values)
        return at is not None and sign(at) != 0
    except ModelError:  # a float, or a sign SymPy cannot decide exactly
        return False


def tidy(expr):
    """Powers combined and factored, for readable closed forms.

    Examples
    --------
    >>> import sympy
    >>> b = sympy.Symbol("b", positive=True)
    >>> k = sympy.Symbol("k", integer=True)
    >>> tidy(b**(-k) * b**(k + 1) * (b - 1))
    b*(b - 1)
    """
    out = sympy.powsimp(sympy.cancel(sympy.powsimp(expr, force=True)), force=True)
    if out.has(sympy.Piecewise):
        return out
    return sympy.powsimp(sympy.factor(out), force=True)


def _stated(x, y, conds) -> int | None:
    """The sign of x - y when a stated strict relation says it."""
    d = x - y
    for c in conds:
        if isinstance(c, (sympy.StrictLessThan, sympy.StrictGreaterThan)):
            e = c.lhs - c.rhs
            sign = -1 if isinstance(c, sympy.StrictLessThan) else 1
            if is_zero(d - e):
                return sign
            if is_zero(d + e):
                return -sign
    return None


def _has_symbolic_power(expr) -> bool:
    return any(a.is_Pow and not a.exp.is_number for a in sympy.preorder_traversal(expr))


def compare(x, y, assumptions) -> int | None:
    """The sign of x - y: stated relations first, then ratios, then z3.

    Thresholds are powers with a symbolic exponent, which z3 cannot read;
    their ratios simplify (theta_r / theta_{r-1} = q*).

    Examples
    --------
    >>> import sympy
    >>> b = sympy.Symbol("b", positive=True)
    >>> r = sympy.Symbol("r", integer=True, positive=True)
    >>> compare(b**r, b**(r - 1), [b < 1])
    -1
    """
    if is_zero(x - y):
        return 0
    conds = list(getattr(assumptions, "conditions", assumptions))
    stated = _stated(x, y, conds)
    if stated is not None:
        return stated
    if _has_symbolic_power(x) or _has_symbolic_power(y):
        ratio = sympy.powsimp(
            sympy.simplify(sympy.expand_power_base(x / y, force=True)), force=True
        )
        if not _has_symbolic_power(ratio) and sign_under(y, conds) == 1:
            return sign_under(ratio - 1, conds)
        return None
    return sign_under(x - y, conds)


@dataclass(frozen=True)
class PeriodPlay:
    """One period at belief b: who does what, and the posterior.

    Attributes
    ----------
    commit : sympy.Expr
        The normal type's probability of the committed action, if engaged.
    mixes : bool
        Whether that probability is strictly between 0 and 1.
    committed_probability : sympy.Expr
        Pr(committed action | engaged) = b + (1 - b) commit.
    response : str
        ``"committed"`` (the uninformed plays its best response to the
        committed action), ``"opportunistic"``, or ``"mix"``.
    posterior : sympy.Expr
        Trust in the committed type after the committed action is observed.
    """

    commit: Any
    mixes: bool
    committed_probability: Any
    response: str
    posterior: Any


def period_play(b, remaining_is_last: bool, theta_r, theta_next, q_star, assumptions):
    """One period at belief b (see the module doc, step 3).

    Examples
    --------
    >>> import sympy
    >>> half = sympy.Rational(1, 2)
    >>> play = period_play(sympy.Rational(1, 8), False, half**2, half, half, [])
    >>> play.commit, play.response, play.posterior
    (1/7, 'opportunistic', 1/2)
    """
    if remaining_is_last:
        commit, mixes = S.Zero, False
    elif compare(b, theta_next, assumptions) in (0, 1):
        commit, mixes = S.One, False
    else:
        commit, mixes = bayes_mix()(b, theta_next), True
    commit = tidy(commit)
    committed = tidy(b + (1 - b) * commit)
    if mixes:
        # Pr(committed) = b / theta_next: compare b with q* theta_next
        sign = compare(b, sympy.powsimp(q_star * theta_next), assumptions)
    else:
        sign = compare(committed, q_star, assumptions)
    if sign is None:
        raise UnsupportedError(
            f"cannot decide whether Pr(committed action) = {committed} exceeds the "
            f"indifference level {q_star} under the assumptions"
        )
    response = {1: "committed", -1: "opportunistic", 0: "mix"}[sign]
    post = posterior(
        {"committed": b, "normal": 1 - b},
        {"committed": S.One, "normal": commit},
        assumptions=assumptions,
        observation="the committed action",
    )["committed"]
    post = tidy(post)
    return PeriodPlay(commit, mixes, committed, response, post)
