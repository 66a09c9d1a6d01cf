"""The uniform-quadratic cheap-talk game (Crawford and Sobel 1982).

A sender observes the state theta, uniform on [0, 1], and sends a costless
message; the receiver hears it and chooses an action y. The receiver's
utility is ``-(y - theta)**2``, the sender's ``-(y - theta - b)**2``: the
sender wants the action b > 0 higher than the receiver does (the *bias*).
Trust enters through b: the smaller the conflict of interest, the more the
receiver can believe. The game holds the two utilities as SymPy expressions
in ``theta`` and ``y``; the solvers
(:mod:`symtrust.games.cheap_talk.partition`) derive every equilibrium object
from them, and the twins evaluate them at exact points.

Examples
--------
>>> from symtrust import positive
>>> b = positive("b")
>>> g = cheap_talk_game(b)
>>> g.sender_utility
-(-b - theta + y)**2
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy

from symtrust.core.assumptions import Assumptions
from symtrust.core.numbers import exact_number
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.normal_form.model import game_name, substitute_point
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.decide import decide

__all__ = ["ACTION", "STATE", "CheapTalkGame", "cheap_talk_game"]

#: The state of the world (the sender's type), uniform on [0, 1].
STATE = sympy.Symbol("theta", real=True)
#: The receiver's action.
ACTION = sympy.Symbol("y", real=True)


@dataclass(frozen=True)
class CheapTalkGame:
    """Crawford-Sobel cheap talk, uniform state on [0, 1], quadratic losses.

    Attributes
    ----------
    bias : sympy.Expr
        The sender's bias b > 0.
    state, action : sympy.Symbol
        theta (uniform on [0, 1]) and the receiver's action y.
    sender_utility, receiver_utility : sympy.Expr
        ``-(y - theta - b)**2`` and ``-(y - theta)**2``.
    assumptions : Assumptions
        The parameters' assumptions, including b > 0.
    name : str
    """

    bias: sympy.Expr
    state: sympy.Symbol
    action: sympy.Symbol
    sender_utility: sympy.Expr
    receiver_utility: sympy.Expr
    assumptions: Assumptions
    name: str = "cheap talk"

    @property
    def parameters(self) -> frozenset:
        """The model's parameters (the bias's symbols; not theta or y)."""
        return frozenset(set(self.assumptions.symbols) | self.bias.free_symbols)

    def subs(self, point: Mapping, *, strict: bool = True) -> CheapTalkGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        Examples
        --------
        >>> from symtrust import positive
        >>> b = positive("b")
        >>> cheap_talk_game(b).subs({b: sympy.Rational(1, 10)}).bias
        1/10
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )
        return CheapTalkGame(
            bias=self.bias.xreplace(point),
            state=self.state,
            action=self.action,
            sender_utility=self.sender_utility.xreplace(point),
            receiver_utility=self.receiver_utility.xreplace(point),
            assumptions=assume,
            name=self.name,
        )

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("game", self.name),
            ("bias", self.bias),
            ("sender's utility", self.sender_utility),
            ("receiver's utility", self.receiver_utility),
        )


def _check_bias(bias, assume) -> None:
    """The bias must be positive: numerically, or implied by the assumptions."""
    verdict = decide(bias > 0, assume)
    if verdict.truth is True:
        return
    if bias.is_number:
        raise ModelError(
            f"bias b = {bias} must be positive (b > 0): the sender wants a higher "
            "action than the receiver; with b = 0 every state can be revealed, and "
            "b < 0 is the mirror image"
        )
    if verdict.truth is False:
        raise ModelError(
            f"bias b = {bias} must be positive (b > 0) under the assumptions, but it "
            f"is not at {verdict.counterexample}: declare it positive, e.g. "
            'b = positive("b")'
        )
    raise UnsupportedError(f"cannot decide whether the bias {bias} is positive")


def cheap_talk_game(bias, *, assumptions=(), name: str = "cheap talk") -> CheapTalkGame:
    """Build the uniform-quadratic cheap-talk game with sender bias ``bias``.

    Parameters
    ----------
    bias : sympy.Expr or number
        The sender's bias b; it must be positive (a positive number, or an
        expression the assumptions make positive).
    assumptions : iterable of Boolean
        Further relations between parameters.
    name : str

    Raises
    ------
    ModelError
        A bias that is not positive, a string, float, nan or non-real value,
        or a bias written in the reserved symbols theta and y.

    Examples
    --------
    >>> cheap_talk_game(sympy.Rational(1, 20)).receiver_utility
    -(-theta + y)**2
    >>> cheap_talk_game(0)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: bias b = 0 must be positive (b > 0): the sender wants a higher action than the receiver; with b = 0 every state can be revealed, and b < 0 is the mirror image
    >>> cheap_talk_game(0.1)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: bias b is the float 0.1: symtrust computes exactly; use an int, fractions.Fraction('0.1') or sympy.Rational('0.1')
    """
    b = exact_number(bias, "bias b")
    reserved = {s for s in b.free_symbols if s.name in ("theta", "y")}
    if reserved:
        raise ModelError(
            f"bias b = {b} uses {sorted(map(str, reserved))}: theta (the state) and "
            "y (the action) are the game's own variables; rename the parameter"
        )
    stated = [s for s in assumptions if s is not sympy.true and s is not True]
    assume = build_assumptions(stated, symbols=sorted(b.free_symbols, key=str))
    _check_bias(b, assume)
    if not b.is_number:
        assume = build_assumptions(
            [*stated, b > 0], symbols=sorted(b.free_symbols, key=str)
        )
    theta, y = STATE, ACTION
    return CheapTalkGame(
        bias=b,
        state=theta,
        action=y,
        sender_utility=-((y - theta - b) ** 2),
        receiver_utility=-((y - theta) ** 2),
        assumptions=assume,
        name=game_name(name),
    )
