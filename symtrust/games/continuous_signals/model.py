"""A two-type signaling game with a continuum of costly signals.

A sender of type low or high (the high type with prior probability p) chooses
a signal s >= 0; the receiver observes s, forms its belief q(s) that the
sender is the high type, and replies r(q) (a wage, a probability of
cooperating). The sender's payoff is ``U_theta(s, r)``: increasing in the
reply, decreasing in the signal (signals are costly). The model validates
these and **single crossing** (Spence 1973; Mailath 1987): the high type's
marginal rate of substitution between signal and reply,
``MRS_theta = -(dU/ds) / (dU/dr)``, is below the low type's, so that the high
type's indifference curves are flatter. Single crossing is decided by z3 under
the assumptions; where it is not implied, the game states it as a condition
(``single_crossing``), and where it fails outright the game is refused.

Payoffs are given either as one expression in a type symbol with a value per
type (Spence: ``w - e / theta``, types ``{"low": 1, "high": 2}``, which must
be ordered low < high), or as one expression per type.

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative, positive, real
>>> e, w, t, q = nonnegative("e"), real("w"), positive("theta"), real("q")
>>> g = signal_game(types={"low": 1, "high": 2}, prior=sympy.Rational(1, 2),
...                 utility=w - e / t, type_symbol=t, signal=e, response=w,
...                 reply=1 + q, belief=q)
>>> g.utilities
(-e + w, -e/2 + w)
>>> g.replies
(1, 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.numbers import exact_number
from symtrust.core.point import symbols_of
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.continuous_signals._levels import branches
from symtrust.games.normal_form.model import game_name, substitute_point
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.conditions import simplify_cleared
from symtrust.logic.decide import decide

__all__ = ["ContinuousSignalGame", "signal_game"]


@dataclass(frozen=True)
class ContinuousSignalGame:
    """Two sender types, a continuum of signals s >= 0, a reply to beliefs.

    Attributes
    ----------
    types : tuple of str
        (low, high).
    prior : sympy.Expr
        Probability of the high type.
    utilities : tuple of sympy.Expr
        (U_low(s, r), U_high(s, r)).
    signal, response, belief : sympy.Symbol
        s, r and q (the belief that the sender is the high type).
    reply : sympy.Expr
        r(q), possibly piecewise.
    replies : tuple
        (r(0), r(1)): the replies to a known low and a known high type.
    single_crossing : sympy Boolean
        True where z3 proves it; else the condition on the parameters (or, if
        it still involves s or r, for every s > 0 and r between the replies).
    assumptions : Assumptions
    name : str
    """

    types: tuple
    prior: sympy.Expr
    utilities: tuple
    signal: sympy.Symbol
    response: sympy.Symbol
    belief: sympy.Symbol
    reply: sympy.Expr
    replies: tuple
    single_crossing: sympy.Basic
    assumptions: Assumptions
    name: str = "costly signaling"

    def utility(self, kind: str, signal=None, response=None) -> sympy.Expr:
        """A type's payoff, optionally at a signal and a reply.

        Examples
        --------
        >>> import sympy
        >>> from symtrust import nonnegative, real
        >>> e, w, q = nonnegative("e"), real("w"), real("q")
        >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 2),
        ...                 utility={"low": w - e, "high": w - e / 2}, signal=e,
        ...                 response=w, reply=1 + q, belief=q)
        >>> g.utility("high", 2, 3)
        2
        """
        if kind not in self.types:
            raise ModelError(f"type {kind!r} is not one of {self.types}")
        expr = self.utilities[self.types.index(kind)]
        changes = {}
        if signal is not None:
            changes[self.signal] = signal
        if response is not None:
            changes[self.response] = response
        return expr.subs(changes, simultaneous=True) if changes else expr

    def reply_to(self, belief) -> sympy.Expr:
        """The receiver's reply r(q) at a belief (possibly piecewise).

        Examples
        --------
        >>> import sympy
        >>> from symtrust import nonnegative, real
        >>> e, w, q = nonnegative("e"), real("w"), real("q")
        >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 2),
        ...                 utility={"low": w - e, "high": w - e / 2}, signal=e,
        ...                 response=w, reply=1 + q, belief=q)
        >>> g.reply_to(sympy.Rational(1, 4))
        5/4
        """
        return self.reply.subs(self.belief, belief)

    @property
    def parameters(self) -> frozenset:
        """The model's parameters (not s, r or q)."""
        out = set(self.assumptions.symbols) | symbols_of(
            (self.prior, self.utilities, self.reply)
        )
        return frozenset(out - {self.signal, self.response, self.belief})

    def subs(self, point: Mapping, *, strict: bool = True) -> ContinuousSignalGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        Examples
        --------
        >>> import sympy
        >>> from symtrust import nonnegative, positive, real
        >>> e, w, q, k = nonnegative("e"), real("w"), real("q"), positive("k")
        >>> g = signal_game(types=("low", "high"), prior=sympy.Rational(1, 2),
        ...                 utility={"low": w - 2 * k * e, "high": w - k * e},
        ...                 signal=e, response=w, reply=q, belief=q)
        >>> g.subs({k: 3}).utilities
        (-6*e + w, -3*e + w)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def at(value):
            if isinstance(value, tuple):
                return tuple(at(v) for v in value)
            return value.xreplace(point) if isinstance(value, sympy.Basic) else value

        return ContinuousSignalGame(
            types=self.types,
            prior=at(self.prior),
            utilities=at(self.utilities),
            signal=self.signal,
            response=self.response,
            belief=self.belief,
            reply=at(self.reply),
            replies=at(self.replies),
            single_crossing=simplify_cleared(at(self.single_crossing), assume),
            assumptions=assume,
            name=self.name,
        )

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("game", self.name),
            ("prior of the high type", self.prior),
            ("payoffs", sympy.Tuple(*self.utilities)),
            ("reply", self.reply),
            ("single crossing", self.single_crossing),
        )


def _symbol(value, what, *, nonnegative=False):
    if not isinstance(value, sympy.Symbol):
        raise ModelError(f"{what}={value!r} must be a SymPy symbol")
    if nonnegative and value.is_nonnegative is not True:
        raise ModelError(
            f"{what}={value} must be a nonnegative symbol (signals s >= 0), e.g. "
            f'{value} = nonnegative("{value}")'
        )
    return value


def _typed_utilities(types, utility, type_symbol, assume_list):
    """(names, utilities, extra assumptions) from either form of the payoffs."""
    if isinstance(utility, Mapping):
        names = tuple(types)
        if len(names) != 2 or not all(isinstance(n, str) for n in names):
            raise ModelError(f"types={types!r} must be two names (low, high)")
        if set(utility) != set(names):
            raise ModelError(
                f"utility has types {sorted(utility)}, but types={names!r}: one "
                "payoff per type"
            )
        exprs = tuple(
            exact_number(utility[n], f"utility of the {n} type") for n in names
        )
        return names, exprs, []
    if not isinstance(types, Mapping) or len(types) != 2:
        raise ModelError(
            f"types={types!r}: with one utility expression, give a mapping of the "
            "two types to their values, low first, e.g. {'low': 1, 'high': 2}"
        )
    if not isinstance(type_symbol, sympy.Symbol):
        raise ModelError(f"type_symbol={type_symbol!r} must be the symbol of the type")
    names = tuple(types)
    if not all(isinstance(n, str) and n for n in names):
        raise ModelError(
            f"types={types!r}: the type names {names!r} must be nonempty strings, "
            "e.g. {'low': 1, 'high': 2}"
        )
    values = tuple(exact_number(types[n], f"value of the {n} type") for n in names)
    expr = exact_number(utility, "utility")
    ordered = decide(values[0] < values[1], assume_list)
    if ordered.truth is not True:
        raise ModelError(
            f"types are not ordered: the {names[0]} type's value {values[0]} must be "
            f"below the {names[1]} type's {values[1]} (types are listed low first)"
            + (
                f", but not at {ordered.counterexample}"
                if ordered.truth is False and ordered.counterexample
                else ""
            )
        )
    exprs = tuple(expr.subs(type_symbol, v) for v in values)
    return names, exprs, [values[0] < values[1]]


def _sure(cond, assume, what, rule) -> None:
    """Refuse a model where a defining property fails or cannot be decided."""
    verdict = decide(cond, assume)
    if verdict.truth is True:
        return
    if verdict.truth is False:
        if cond is S.false or not verdict.counterexample:
            raise ModelError(f"{what} breaks the rule {rule}")
        raise ModelError(
            f"{what} breaks the rule {rule}: {cond} is false at "
            f"{verdict.counterexample} (state the parameter's domain or an assumption)"
        )
    raise UnsupportedError(
        f"cannot decide whether {what} holds: {cond} ({verdict.reason})"
    )


def _one_reply(game_reply, belief, value, assume, what):
    cases = branches(game_reply.subs(belief, value), assume)
    if len(cases) != 1 or cases[0][1] is not S.true:
        raise UnsupportedError(
            f"cannot decide the receiver's reply to {what}: cases {cases}"
        )
    return sympy.simplify(cases[0][0])


def _crossing(utilities, s, r, replies, assume, strict=True):
    """Single crossing: MRS_high < MRS_low, decided; else the condition on it."""
    mrs = [sympy.simplify(-sympy.diff(u, s) / sympy.diff(u, r)) for u in utilities]
    statement = sympy.Lt(mrs[1], mrs[0])
    where = [*assume.conditions, s > 0, r >= replies[0], r <= replies[1]]
    verdict = decide(statement, where)
    if verdict.truth is True:
        return S.true
    reduced = simplify_cleared(statement, where)
    if not strict:
        return reduced
    if reduced is S.false or (
        verdict.truth is False and not reduced.free_symbols - {s, r}
    ):
        raise ModelError(
            f"single crossing fails: the high type's marginal rate of substitution "
            f"{mrs[1]} must be below the low type's {mrs[0]} (costlier signals for "
            f"the low type), but not at {verdict.counterexample}"
        )
    return reduced


def signal_game(
    *,
    types,
    prior,
    utility,
    signal,
    response,
    reply,
    belief,
    type_symbol=None,
    assumptions=(),
    strict_crossing: bool = True,
    name: str = "costly signaling",
) -> ContinuousSignalGame:
    """Build a two-type game with a continuum of costly signals.

    Parameters
    ----------
    types : mapping or pair
        ``{"low": v_low, "high": v_high}`` with ``utility`` one expression in
        ``type_symbol``; or two names (low, high) with ``utility`` a mapping.
    prior : sympy.Expr
        Probability of the high type, strictly inside (0, 1).
    utility : sympy.Expr or mapping
        The sender's payoff in ``signal`` and ``response``.
    signal : sympy.Symbol
        Nonnegative symbol s.
    response : sympy.Symbol
        The receiver's reply r as it appears in ``utility``.
    reply : sympy.Expr
        The reply as a function of ``belief`` (may be piecewise).
    belief : sympy.Symbol
        q, the receiver's probability of the high type.
    assumptions : iterable of Boolean
    strict_crossing : bool
        Refuse a game where single crossing fails (default); with False it is
        only recorded, as the condition ``single_crossing`` (a model defined
        also where no separating equilibrium exists).

    Raises
    ------
    ModelError
        Types not ordered, a reply not higher for the high type, payoffs not
        increasing in the reply or not decreasing in the signal, single
        crossing failing, a prior outside (0, 1), strings, floats or nan.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import nonnegative, positive, real
    >>> e, w, t, q = nonnegative("e"), real("w"), positive("theta"), real("q")
    >>> signal_game(types={"low": 1, "high": 2}, prior=sympy.Rational(1, 2),
    ...             utility=w - e * t, type_symbol=t, signal=e, response=w,
    ...             reply=1 + q, belief=q)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: single crossing fails: the high type's marginal rate of substitution 2 must be below the low type's 1 (costlier signals for the low type), but not at {...}
    """
    s = _symbol(signal, "signal", nonnegative=True)
    r = _symbol(response, "response")
    q = _symbol(belief, "belief")
    p = exact_number(prior, "prior (the probability of the high type)")
    rep = exact_number(reply, "reply")
    stated = [a for a in assumptions if a is not S.true and a is not True]
    base = build_assumptions(stated, symbols=sorted(symbols_of((p, rep)), key=str))
    names, exprs, extra = _typed_utilities(types, utility, type_symbol, base)
    params = sorted(symbols_of((p, rep, exprs)) - {s, r, q}, key=str)
    assume = build_assumptions([*stated, *extra], symbols=params)
    _sure(sympy.And(p > 0, p < 1), assume, f"the prior {p}", "0 < prior < 1")
    replies = (
        _one_reply(rep, q, 0, assume, "a known low type"),
        _one_reply(rep, q, 1, assume, "a known high type"),
    )
    _sure(
        replies[1] > replies[0],
        assume,
        f"the receiver's reply {rep}",
        "a known high type must get a higher reply r(1) than a known low type r(0)",
    )
    where = [*assume.conditions, s > 0, r >= replies[0], r <= replies[1]]
    for n, u in zip(names, exprs, strict=True):
        _sure(
            sympy.diff(u, r) > 0,
            where,
            f"the {n} type's payoff {u}",
            "it must increase in the reply",
        )
        _sure(
            sympy.diff(u, s) < 0,
            where,
            f"the {n} type's payoff {u}",
            "signals must be costly (decrease in the signal)",
        )
    crossing = _crossing(exprs, s, r, replies, assume, strict_crossing)
    return ContinuousSignalGame(
        types=names,
        prior=p,
        utilities=exprs,
        signal=s,
        response=r,
        belief=q,
        reply=rep,
        replies=replies,
        single_crossing=crossing,
        assumptions=assume,
        name=game_name(name),
    )
