"""Validation of continuous games: action symbols, intervals, utilities.

Every rule raises :class:`~symtrust.errors.ModelError` naming the value and
the rule it breaks; numbers go through
:func:`~symtrust.core.numbers.exact_number` (no floats, strings, nan or
infinities, except an infinite upper or lower end of an action interval).
"""

from __future__ import annotations

import sympy
from sympy import S

from symtrust.core.names import text_name
from symtrust.core.numbers import exact_number
from symtrust.core.point import at_point
from symtrust.errors import ModelError
from symtrust.logic.decide import decide

__all__ = [
    "check_action",
    "check_bound",
    "check_differentiable",
    "check_order",
    "check_utility",
    "player_names",
    "within",
]

# functions whose derivative does not exist everywhere (kinks, jumps)
_KINKS = (
    sympy.Abs,
    sympy.Piecewise,
    sympy.Min,
    sympy.Max,
    sympy.sign,
    sympy.Heaviside,
    sympy.floor,
    sympy.ceiling,
    sympy.frac,
    sympy.DiracDelta,
)


def player_names(players, count: int | None = None) -> tuple:
    """Validate player names: distinct text, ``count`` of them if given."""
    if isinstance(players, str) or not isinstance(players, (tuple, list)):
        raise ModelError(f"players={players!r} must be a tuple of names")
    names = tuple(text_name(p, "player name") for p in players)
    if len(set(names)) != len(names):
        raise ModelError(f"player names {names} repeat")
    if count is not None and len(names) != count:
        raise ModelError(
            f"{len(names)} players {names} but {count} actions/utilities were given"
        )
    if not names:
        raise ModelError("a game needs at least one player")
    return names


def check_action(sym, what: str) -> sympy.Symbol:
    """An action variable: a real SymPy Symbol."""
    if not isinstance(sym, sympy.Symbol):
        raise ModelError(f"{what}={sym!r} must be a SymPy Symbol (the action variable)")
    if sym.is_real is False or sym.is_integer:
        raise ModelError(
            f"{what}={sym} must be a real (not an integer or complex) symbol: "
            "actions are chosen from an interval"
        )
    return sym


def check_bound(value, what: str) -> sympy.Expr:
    """One end of an action interval: exact, or +-oo."""
    if value is S.Infinity or value is S.NegativeInfinity:
        return value
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return S.Infinity if value > 0 else S.NegativeInfinity
    return exact_number(value, what)


def check_order(lower, upper, assumptions, what: str) -> str | None:
    """Refuse an interval whose bounds are in the wrong order; a note if undecided."""
    if lower is S.Infinity or upper is S.NegativeInfinity:
        raise ModelError(f"{what} [{lower}, {upper}] is empty: lower={lower} > upper")
    if lower is S.NegativeInfinity or upper is S.Infinity:
        return None
    verdict = decide(sympy.StrictLessThan(lower, upper), assumptions)
    if verdict.truth is False:
        at = verdict.counterexample or {}
        shown = ", ".join(f"{k} = {v}" for k, v in sorted(at.items(), key=str))
        raise ModelError(
            f"{what} [{lower}, {upper}] has its bounds in the wrong order: "
            f"lower={lower} < upper={upper} fails"
            + (f" at {shown}" if shown else "")
            + "; state lower < upper in the assumptions"
        )
    if verdict.truth is None:
        return f"could not decide {lower} < {upper} for {what}"
    return None


def check_utility(u, what: str) -> sympy.Expr:
    """A utility: an exact real expression in actions and parameters."""
    return exact_number(u, what)


def check_differentiable(u, var, what: str) -> None:
    """Refuse a utility with a kink or jump in the variable a first-order condition uses.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> check_differentiable(x * (1 - x), x, "u_1")
    >>> check_differentiable(-sympy.Abs(x - 1), x, "u_1")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: u_1 = -Abs(x - 1) is not differentiable in x: it contains Abs(x - 1) (a kink or jump); the first-order conditions need a smooth utility, so split the interval at the kink into separate games
    """
    for atom in u.atoms(*_KINKS):
        if var in atom.free_symbols:
            raise ModelError(
                f"{what} = {u} is not differentiable in {var}: it contains {atom} "
                "(a kink or jump); the first-order conditions need a smooth "
                "utility, so split the interval at the kink into separate games"
            )
    d = sympy.diff(u, var)
    if d.has(sympy.Derivative) or d.has(sympy.Subs):
        raise ModelError(
            f"{what} = {u} is not differentiable in {var} in closed form "
            f"(its derivative is {d}); use an explicit expression"
        )


def within(v, lower, upper) -> list:
    """``[v >= lower, v <= upper]`` without the comparisons with an infinite end.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> within(x, 0, sympy.oo)
    [x >= 0]
    """
    out = []
    if sympy.sympify(lower, strict=True).is_finite is not False:
        out.append(v >= lower)
    if sympy.sympify(upper, strict=True).is_finite is not False:
        out.append(v <= upper)
    return out


def value_at(e, point, what: str, strict: bool):
    """``e`` at an exact point; an infinite interval bound stays as it is."""
    if e in (S.Infinity, S.NegativeInfinity):
        return e
    return at_point(e, point, what, refuse=strict)
