"""Infinitely repeated games with discounting: a stage game and a discount factor.

A repeated game plays a finite normal-form *stage game* in periods
``0, 1, 2, ...``; a player's payoff is the discounted sum
:math:`\\sum_{k \\ge 0} \\delta^k u_i(a^k)` of its stage payoffs, with one
discount factor :math:`\\delta \\in (0, 1)` for every player (Fudenberg and
Tirole 1991, ch. 5; Mailath and Samuelson 2006, ch. 2). The discount factor
is a parameter whose domain lies inside ``(0, 1)`` (by default
``interval("delta", 0, 1, left_open=True, right_open=True)``) or an exact
number strictly between 0 and 1.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> g = repeated_game(prisoners_dilemma())
>>> g.delta, g.delta.domain
(delta, Interval.open(0, 1))
>>> repeated_game(prisoners_dilemma(), 1)
Traceback (most recent call last):
...
symtrust.errors.ModelError: discount factor delta = 1 must lie strictly between 0 and 1
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy

from symtrust.core.assumptions import Assumptions
from symtrust.core.numbers import exact_number
from symtrust.core.parameters import Parameter, interval
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import NormalFormGame, substitute_point
from symtrust.logic.assumptions import extend_assumptions

__all__ = ["RepeatedGame", "discount_factor", "repeated_game"]

_OPEN_UNIT = sympy.Interval.open(0, 1)


def discount_factor(delta=None):
    """Validate a discount factor: a parameter inside (0, 1) or a number in it.

    Parameters
    ----------
    delta : Parameter, int, Fraction, sympy.Rational or None
        None for the default parameter ``delta`` on the open unit interval.

    Raises
    ------
    ModelError
        A string, float, nan, bool or other value; a number outside (0, 1); a
        plain SymPy symbol (it carries no domain) or a parameter whose domain
        is not inside (0, 1); an expression.

    Examples
    --------
    >>> import sympy
    >>> discount_factor(sympy.Rational(9, 10))
    9/10
    >>> discount_factor(0.9)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: discount factor delta is the float 0.9: symtrust computes exactly; use an int, fractions.Fraction('0.9') or sympy.Rational('0.9')
    """
    if delta is None:
        return interval("delta", 0, 1, left_open=True, right_open=True)
    if isinstance(delta, Parameter):
        if not delta.domain.is_subset(_OPEN_UNIT):
            raise ModelError(
                f"discount factor {delta} has domain {delta.domain}; it must lie in "
                f"(0, 1): use interval({str(delta)!r}, 0, 1, left_open=True, "
                "right_open=True)"
            )
        return delta
    if isinstance(delta, sympy.Symbol):
        raise ModelError(
            f"discount factor {delta} is a plain SymPy symbol with no domain; use "
            f"interval({str(delta)!r}, 0, 1, left_open=True, right_open=True)"
        )
    from_number = _as_number(delta)
    if not (0 < from_number < 1):
        raise ModelError(
            f"discount factor delta = {from_number} must lie strictly between 0 and 1"
        )
    return from_number


def _as_number(delta):
    # the shared exact-number validator names floats, strings and nan
    value = exact_number(delta, "discount factor delta")
    if not value.is_Rational:
        raise ModelError(
            f"discount factor delta = {value} must be a parameter or an exact "
            "rational number in (0, 1), not an expression"
        )
    return value


@dataclass(frozen=True)
class RepeatedGame(Printable):
    """A stage game repeated infinitely often with discount factor ``delta``.

    Build it with :func:`repeated_game`.

    Attributes
    ----------
    stage : NormalFormGame
        The stage game.
    delta : Parameter or sympy.Rational
        The common discount factor, in (0, 1).
    assumptions : Assumptions
        The stage game's assumptions and the discount factor's domain.
    name : str
        A label for printing.
    """

    stage: NormalFormGame
    delta: sympy.Expr
    assumptions: Assumptions
    name: str = ""

    @property
    def players(self) -> tuple:
        """The stage game's players."""
        return self.stage.players

    @property
    def actions(self) -> tuple:
        """The stage game's actions, per player."""
        return self.stage.actions

    @property
    def parameters(self) -> frozenset:
        """The stage game's parameters and the discount factor."""
        out = set(self.stage.parameters) | set(self.assumptions.symbols)
        if isinstance(self.delta, sympy.Symbol):
            out.add(self.delta)
        return frozenset(out)

    def subs(self, point: Mapping, *, strict: bool = True) -> RepeatedGame:
        """The repeated game at a parameter point (the stage game and delta).

        Examples
        --------
        >>> import sympy
        >>> from symtrust.catalog import prisoners_dilemma
        >>> g = repeated_game(prisoners_dilemma())
        >>> g.subs({g.delta: sympy.Rational(1, 2)}).delta
        1/2
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )
        stage = self.stage.subs(
            {k: v for k, v in point.items() if k in self.stage.parameters},
            strict=strict,
        )
        delta = self.delta.xreplace(point)
        return RepeatedGame(stage, delta, assume, self.name)

    def display_rows(self):
        """Rows for the renderers: the stage game's rows and the discount factor."""
        rows = [("repeated game", self.name or self.stage.name or "stage game")]
        rows.extend(self.stage.display_rows()[1:])
        rows.append(("discount factor", self.delta))
        return tuple(rows)


def repeated_game(stage, delta=None, *, name: str = "") -> RepeatedGame:
    """The infinitely repeated game of a normal-form stage game.

    Parameters
    ----------
    stage : NormalFormGame
        Any finite normal-form game (symbolic payoffs allowed).
    delta : Parameter or exact number, optional
        The discount factor (see :func:`discount_factor`).
    name : str
        A label.

    Raises
    ------
    ModelError
        A stage that is not a normal-form game; a bad discount factor.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> g = repeated_game(prisoners_dilemma())
    >>> g.assumptions.condition
    (P > S) & (R > P) & (T > R) & (delta > 0) & (delta < 1)
    """
    if not isinstance(stage, NormalFormGame):
        raise ModelError(
            f"the stage game must be a NormalFormGame (bimatrix, normal_form_game), "
            f"got {type(stage).__name__} {stage!r}"
        )
    if not isinstance(name, str):
        raise ModelError(f"name must be a string, got {name!r}")
    delta = discount_factor(delta)
    if isinstance(delta, sympy.Symbol) and delta.name in {
        str(s) for s in stage.parameters
    }:
        raise ModelError(
            f"the discount factor {delta} shares its name with a parameter of the "
            "stage game; choose another name"
        )
    symbols = {delta} if isinstance(delta, sympy.Symbol) else set()
    assume = extend_assumptions(stage.assumptions, (), symbols=symbols)
    return RepeatedGame(stage, delta, assume, name)
