"""A sender with n ordered types and a continuum of costly signals.

The n-type generalisation of :mod:`symtrust.games.continuous_signals.model`
(Mailath 1987; Riley 1979): types theta_1 < ... < theta_n, each choosing a
signal s >= 0; a receiver who knows the type replies r_k (a wage equal to
productivity, say), increasing in k. Payoffs ``U_k(s, r)`` rise in the reply
and fall in the signal, and **single crossing** holds between adjacent types
(``MRS_{k+1} < MRS_k``, decided by z3, stated as a condition where the
assumptions do not imply it, refused where it fails outright).

Examples
--------
>>> from symtrust import nonnegative, positive, real
>>> e, w, t = nonnegative("e"), real("w"), positive("theta")
>>> g = ordered_signal_game(types={"1": 1, "2": 2, "3": 3}, utility=w - e / t,
...                         type_symbol=t, signal=e, response=w, known_reply=t)
>>> g.replies
(1, 2, 3)
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
from symtrust.games.normal_form.model import game_name, substitute_point
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.conditions import simplify_cleared
from symtrust.logic.decide import decide

__all__ = ["OrderedSignalGame", "ordered_signal_game"]


@dataclass(frozen=True)
class OrderedSignalGame:
    """n ordered sender types, signals s >= 0, the reply to each known type.

    Attributes
    ----------
    types : tuple of str
        Lowest first.
    utilities : tuple of sympy.Expr
        U_k(s, r), in the order of ``types``.
    replies : tuple of sympy.Expr
        r_k, the receiver's reply to a known type k (increasing).
    signal, response : sympy.Symbol
    single_crossing : tuple
        For each adjacent pair, True where z3 proves MRS_{k+1} < MRS_k, else
        the condition on the parameters.
    assumptions : Assumptions
    name : str
    """

    types: tuple
    utilities: tuple
    replies: tuple
    signal: sympy.Symbol
    response: sympy.Symbol
    single_crossing: tuple
    assumptions: Assumptions
    name: str = "costly signaling, ordered types"

    @property
    def parameters(self) -> frozenset:
        """The model's parameters (not s or r)."""
        out = set(self.assumptions.symbols) | symbols_of((self.utilities, self.replies))
        return frozenset(out - {self.signal, self.response})

    def subs(self, point: Mapping, *, strict: bool = True) -> OrderedSignalGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        Examples
        --------
        >>> from symtrust import nonnegative, positive, real
        >>> e, w, t, k = nonnegative("e"), real("w"), positive("theta"), positive("k")
        >>> g = ordered_signal_game(types={"1": 1, "2": 2}, utility=w - k * e / t,
        ...                         type_symbol=t, signal=e, response=w, known_reply=t)
        >>> g.subs({k: 2}).utilities
        (-2*e + w, -e + w)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def at(values):
            return tuple(v.xreplace(point) for v in values)

        return OrderedSignalGame(
            types=self.types,
            utilities=at(self.utilities),
            replies=at(self.replies),
            signal=self.signal,
            response=self.response,
            single_crossing=tuple(
                simplify_cleared(c.xreplace(point), assume)
                for c in self.single_crossing
            ),
            assumptions=assume,
            name=self.name,
        )

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("game", self.name),
            ("payoffs", sympy.Tuple(*self.utilities)),
            ("replies to known types", sympy.Tuple(*self.replies)),
        )


def _per_type(types, utility, type_symbol, known_reply):
    """(names, values or None, utilities, replies) from either form of input."""
    if isinstance(utility, Mapping):
        names = tuple(types)
        if not isinstance(known_reply, Mapping) or set(known_reply) != set(names):
            raise ModelError(
                f"known_reply={known_reply!r}: with one utility per type, give one "
                f"reply per type, keyed by {names}"
            )
        if set(utility) != set(names):
            raise ModelError(
                f"utility has types {sorted(utility)}, but types={names!r}"
            )
        exprs = tuple(exact_number(utility[n], f"utility of type {n}") for n in names)
        reps = tuple(exact_number(known_reply[n], f"reply to type {n}") for n in names)
        return names, None, exprs, reps
    if not isinstance(types, Mapping) or not isinstance(type_symbol, sympy.Symbol):
        raise ModelError(
            f"types={types!r}: with one utility expression, give a mapping of the "
            "types to their values, lowest first, and the type_symbol"
        )
    names = tuple(types)
    values = tuple(exact_number(types[n], f"value of type {n}") for n in names)
    expr = exact_number(utility, "utility")
    rep = exact_number(known_reply, "known_reply")
    exprs = tuple(expr.subs(type_symbol, v) for v in values)
    reps = tuple(sympy.simplify(rep.subs(type_symbol, v)) for v in values)
    return names, values, exprs, reps


def _increasing(values, assume, what):
    for k in range(len(values) - 1):
        verdict = decide(values[k] < values[k + 1], assume)
        if verdict.truth is not True:
            raise ModelError(
                f"{what} are not ordered: {values[k]} must be below {values[k + 1]} "
                "(types are listed lowest first)"
                + (
                    f", but not at {verdict.counterexample}"
                    if verdict.truth is False and verdict.counterexample
                    else ""
                )
            )


def _monotone(utilities, s, r, replies, assume):
    where = [*assume.conditions, s > 0, r >= replies[0], r <= replies[-1]]
    for k, u in enumerate(utilities):
        for cond, rule in (
            (sympy.diff(u, r) > 0, "it must increase in the reply"),
            (sympy.diff(u, s) < 0, "signals must be costly (decrease in the signal)"),
        ):
            verdict = decide(cond, where)
            if verdict.truth is False:
                shown = (
                    f": {cond} is false at {verdict.counterexample}"
                    if cond is not S.false and verdict.counterexample
                    else ""
                )
                raise ModelError(
                    f"the payoff of type {k + 1}, {u}, breaks the rule {rule}{shown}"
                )
            if verdict.truth is None:
                raise UnsupportedError(f"cannot decide {cond} ({verdict.reason})")
    return where


def _adjacent_crossing(utilities, s, r, where):
    mrs = [sympy.simplify(-sympy.diff(u, s) / sympy.diff(u, r)) for u in utilities]
    out = []
    for k in range(len(mrs) - 1):
        statement = sympy.Lt(mrs[k + 1], mrs[k])
        if decide(statement, where).truth is True:
            out.append(S.true)
            continue
        reduced = simplify_cleared(statement, where)
        if reduced is S.false:
            raise ModelError(
                f"single crossing fails between types {k + 1} and {k + 2}: the "
                f"higher type's marginal rate of substitution {mrs[k + 1]} must be "
                f"below {mrs[k]}"
            )
        out.append(reduced)
    return tuple(out)


def ordered_signal_game(
    *,
    types,
    utility,
    signal,
    response,
    known_reply,
    type_symbol=None,
    assumptions=(),
    name: str = "costly signaling, ordered types",
) -> OrderedSignalGame:
    """Build a game with n ordered types and a continuum of costly signals.

    Parameters
    ----------
    types : mapping or sequence
        ``{name: value}`` (increasing) with ``utility`` and ``known_reply``
        expressions in ``type_symbol``; or names (lowest first) with
        ``utility`` and ``known_reply`` mappings by name.
    utility : sympy.Expr or mapping
        The sender's payoff in ``signal`` and ``response``.
    signal : sympy.Symbol
        Nonnegative symbol s.
    response : sympy.Symbol
        The receiver's reply r in ``utility``.
    known_reply : sympy.Expr or mapping
        The reply to a known type (increasing in the type).
    assumptions : iterable of Boolean

    Raises
    ------
    ModelError
        Fewer than two types, types or replies not increasing, payoffs not
        monotone, single crossing failing, strings, floats or nan.

    Examples
    --------
    >>> from symtrust import nonnegative, positive, real
    >>> e, w, t = nonnegative("e"), real("w"), positive("theta")
    >>> ordered_signal_game(types={"1": 2, "2": 1}, utility=w - e / t,
    ...                     type_symbol=t, signal=e, response=w, known_reply=t)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: type values are not ordered: 2 must be below 1 (types are listed lowest first)
    """
    if not isinstance(signal, sympy.Symbol) or signal.is_nonnegative is not True:
        raise ModelError(f"signal={signal!r} must be a nonnegative symbol")
    if not isinstance(response, sympy.Symbol):
        raise ModelError(f"response={response!r} must be a SymPy symbol")
    names, values, exprs, reps = _per_type(types, utility, type_symbol, known_reply)
    if len(names) < 2 or not all(isinstance(n, str) for n in names):
        raise ModelError(f"types={types!r} must name at least two types")
    stated = [a for a in assumptions if a is not S.true and a is not True]
    params = sorted(
        symbols_of((exprs, reps, values or ())) - {signal, response, type_symbol},
        key=str,
    )
    assume = build_assumptions(stated, symbols=params)
    if values is not None:
        _increasing(values, assume, "type values")
    _increasing(reps, assume, "replies to known types")
    where = _monotone(exprs, signal, response, reps, assume)
    return OrderedSignalGame(
        types=names,
        utilities=exprs,
        replies=reps,
        signal=signal,
        response=response,
        single_crossing=_adjacent_crossing(exprs, signal, response, where),
        assumptions=assume,
        name=game_name(name),
    )
