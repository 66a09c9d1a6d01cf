"""Symmetric n-player binary-action games: payoffs depend on a count.

In a symmetric game with actions C and D, a player's payoff depends only on
its own action and on ``k``, the number of *other* players who cooperate
(Schelling's binary choices with externalities). A game with ``n`` players is
then given by two payoff functions ``u_C(k)`` and ``u_D(k)``, ``k = 0..n-1``,
instead of a table over ``2**n`` profiles; players are exchangeable, so an
equilibrium is described by the number of cooperators, and ``n`` itself may
be a symbol.

With incomplete information each player has a private type ``theta`` drawn
independently from a common prior; type ``theta``'s payoffs are
``u_C(theta, k)`` and ``u_D(theta, k)``.

Payoffs are SymPy expressions in the count symbol ``k`` (any ``n``) or, for a
numeric ``n``, tables of ``n`` entries (``k = 0..n-1``).

Examples
--------
>>> import sympy
>>> from symtrust import positive
>>> b, c = positive("b c")
>>> k = count_symbol()
>>> g = symmetric_game(4, b * k - c, b * k, assumptions=[b > c])
>>> g.payoff("C", 2), g.payoff("D", 2)
(2*b - c, 2*b)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.names import text_name
from symtrust.core.numbers import exact_number
from symtrust.core.point import at_point
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import (
    NormalFormGame,
    _listed,
    game_name,
    normal_form_game,
    substitute_point,
)
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.decide import decide

__all__ = ["SymmetricBinaryGame", "count_symbol", "symmetric_game"]


def count_symbol(name: str = "k") -> sympy.Symbol:
    """The integer symbol for the number of other cooperators.

    Examples
    --------
    >>> count_symbol().is_integer, count_symbol().is_nonnegative
    (True, True)
    """
    return sympy.Symbol(name, integer=True, nonnegative=True)


@dataclass(frozen=True)
class SymmetricBinaryGame:
    """A symmetric n-player C/D game, possibly with private types.

    Attributes
    ----------
    n : sympy.Expr
        Number of players (an integer, or an integer-valued expression).
    count : sympy.Symbol
        The symbol ``k`` (others who cooperate) in the payoff expressions.
    types : tuple of str
        Type names (one type, ``""``, for complete information).
    prior : tuple of sympy.Expr
        Each type's probability.
    cooperate, defect : tuple
        Per type: an expression in ``count`` or a table of ``n`` payoffs.
    assumptions : Assumptions
        Parameter domains and stated relations.
    name : str
        A label.
    """

    n: sympy.Expr
    count: sympy.Symbol
    types: tuple
    prior: tuple
    cooperate: tuple
    defect: tuple
    assumptions: Assumptions
    name: str = ""

    def type_index(self, theta) -> int:
        """Index of a type; ModelError if unknown."""
        if theta in self.types:
            return self.types.index(theta)
        raise ModelError(f"unknown type {theta!r}; types are {self.types}")

    def payoff(self, action: str, k, theta: str | None = None) -> sympy.Expr:
        """Payoff of ``action`` when ``k`` others cooperate (for type ``theta``).

        Examples
        --------
        >>> g = symmetric_game(3, (4, 1, 0), (2, 2, 2))
        >>> g.payoff("C", 0)
        4
        """
        i = self.type_index(self.types[0] if theta is None else theta)
        if action not in ("C", "D"):
            raise ModelError(f"action {action!r} is not 'C' or 'D'")
        u = (self.cooperate if action == "C" else self.defect)[i]
        if isinstance(u, tuple):
            if not (isinstance(k, int) or (isinstance(k, sympy.Integer))):
                raise ModelError(f"a payoff table needs a numeric count, got {k}")
            if not 0 <= int(k) < len(u):
                raise ModelError(f"count k={k} outside 0..{len(u) - 1}")
            return u[int(k)]
        return u.xreplace({self.count: sympy.sympify(k, strict=True)})

    @property
    def parameters(self) -> frozenset:
        """Free symbols (without the count symbol)."""
        out = set(self.assumptions.symbols) | self.n.free_symbols
        for seq in (self.prior, self.cooperate, self.defect):
            for u in seq:
                for e in u if isinstance(u, tuple) else (u,):
                    out |= e.free_symbols
        return frozenset(out - {self.count})

    def to_normal_form(self) -> NormalFormGame:
        """The explicit ``2**n``-profile game (complete information, numeric n).

        Examples
        --------
        >>> g = symmetric_game(3, (4, 1, 0), (2, 2, 2))
        >>> g.to_normal_form().payoff(("C", "C", "D"))
        (1, 1, 2)
        """
        if len(self.types) != 1 or not self.n.is_Integer:
            raise ModelError("to_normal_form needs one type and a numeric n")
        n = int(self.n)
        players = tuple(f"p{i}" for i in range(1, n + 1))
        table = {}
        for profile in _profiles(n):
            coop = profile.count("C")
            table[profile] = tuple(self.payoff(a, coop - (a == "C")) for a in profile)
        return normal_form_game(
            players,
            [("C", "D")] * n,
            table,
            assumptions=self.assumptions.conditions,
            name=self.name,
        )

    def subs(self, point: Mapping, *, strict: bool = True) -> SymmetricBinaryGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        Validated as :meth:`NormalFormGame.subs
        <symtrust.games.normal_form.model.NormalFormGame.subs>`; an integer
        parameter (the number of players) gets an integer.

        Examples
        --------
        >>> from symtrust import positive
        >>> b, c = positive("b c")
        >>> k = count_symbol()
        >>> g = symmetric_game(4, b * k - c, b * k, assumptions=[b > c])
        >>> g.subs({c: 1}).assumptions.conditions
        (b > 0, b > 1)
        >>> g.subs({b: 1, c: 2})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: b = 1, c = 2 violates the assumption b > c (it becomes 1 > 2)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def sub(u, what):
            if isinstance(u, tuple):
                return tuple(
                    at_point(
                        e, point, f"{what} when k={k} others cooperate", refuse=strict
                    )
                    for k, e in enumerate(u)
                )
            return at_point(u, point, what, refuse=strict)

        def label(move, t):
            return f"payoff of {move}" + (f" of {t!r}" if t else "")

        return SymmetricBinaryGame(
            at_point(self.n, point, "number of players n", refuse=strict),
            self.count,
            self.types,
            tuple(
                at_point(p, point, f"prior of type {t!r}", refuse=strict)
                for t, p in zip(self.types, self.prior, strict=True)
            ),
            tuple(
                sub(u, label("C", t))
                for t, u in zip(self.types, self.cooperate, strict=True)
            ),
            tuple(
                sub(u, label("D", t))
                for t, u in zip(self.types, self.defect, strict=True)
            ),
            assume,
            self.name,
        )


def _profiles(n):
    return itertools.product("CD", repeat=n)


def _payoff_spec(u, n, count, where):
    u = _listed(u)
    if isinstance(u, Sequence) and not isinstance(u, str):
        if not n.is_Integer:
            raise ModelError(f"payoff table at {where} needs a numeric n, not {n}")
        if len(u) != int(n):
            raise ModelError(
                f"payoff table at {where} has {len(u)} entries; n={n} needs one per "
                f"count k = 0..{int(n) - 1}"
            )
        return tuple(
            exact_number(x, f"payoff of {where} when k={i} others cooperate")
            for i, x in enumerate(u)
        )
    return exact_number(u, f"payoff of {where}")


def symmetric_game(
    n,
    cooperate,
    defect,
    *,
    prior: Mapping | None = None,
    count: sympy.Symbol | None = None,
    assumptions: Iterable = (),
    name: str = "",
) -> SymmetricBinaryGame:
    """Build a symmetric n-player binary-action game.

    Parameters
    ----------
    n : int or integer SymPy expression
        Number of players, at least 2 (proved under the assumptions).
    cooperate, defect : expression, table, or mapping type -> either
        Payoffs of C and D as functions of the count ``k`` of other
        cooperators: an expression in ``count`` or (numeric ``n``) a table of
        ``n`` entries. A mapping gives one per type (incomplete information).
    prior : mapping type -> probability, optional
        Required with several types; must sum to one identically.
    count : Symbol, optional
        The count symbol used in the expressions (default :func:`count_symbol`).
    assumptions : iterable of Boolean
        Relations between parameters.
    name : str
        A label.

    Raises
    ------
    ModelError
        ``n`` below 2 or not an integer, tables of the wrong length, type
        names that disagree, a prior that does not sum to one or leaves [0, 1].

    Examples
    --------
    >>> symmetric_game(1, 0, 0)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: number of players: n=1 players, but a symmetric game needs n >= 2
    """
    count = count_symbol() if count is None else count
    if not isinstance(count, sympy.Symbol) or count.is_integer is not True:
        raise ModelError(f"count={count!r} must be an integer SymPy symbol")
    name = game_name(name)
    n = exact_number(n, "number of players n")
    if n.is_integer is not True:
        raise ModelError(
            f"number of players n={n} must be an integer (or an integer parameter)"
        )
    if n.is_number and n < 2:
        # before the tables, whose lengths depend on n
        raise ModelError(
            f"number of players: n={n} players, but a symmetric game needs n >= 2"
        )
    if isinstance(cooperate, Mapping) != isinstance(defect, Mapping):
        raise ModelError(
            "cooperate and defect must both be mappings by type, or neither"
        )
    if isinstance(cooperate, Mapping):
        types = tuple(cooperate)
        if set(types) != set(defect):
            raise ModelError(
                f"types of cooperate {sorted(cooperate)} and defect {sorted(defect)} differ"
            )
        for t in types:
            text_name(t, "type name")
        coop = tuple(_payoff_spec(cooperate[t], n, count, f"C of {t!r}") for t in types)
        defe = tuple(_payoff_spec(defect[t], n, count, f"D of {t!r}") for t in types)
    else:
        types = ("",)
        coop = (_payoff_spec(cooperate, n, count, "C"),)
        defe = (_payoff_spec(defect, n, count, "D"),)
    if prior is None:
        if len(types) != 1:
            raise ModelError(f"{len(types)} types need a prior")
        probs = (S.One,)
    else:
        if not isinstance(prior, Mapping) or set(prior) != set(types):
            raise ModelError(f"prior must map each type {types} to a probability")
        probs = tuple(exact_number(prior[t], f"prior of type {t!r}") for t in types)
    symbols = set(n.free_symbols)
    for seq in (probs, coop, defe):
        for u in seq:
            for e in u if isinstance(u, tuple) else (u,):
                symbols |= e.free_symbols
    assume = build_assumptions(assumptions, symbols=symbols - {count})
    if decide(n >= 2, assume).truth is not True:
        raise ModelError(
            f"number of players: n={n} players, but a symmetric game needs n >= 2"
        )
    total = sympy.Add(*probs)
    if sympy.simplify(total - 1) != 0:
        raise ModelError(f"prior must sum to one: it sums to {total}")
    for t, p in zip(types, probs, strict=True):
        if decide(sympy.And(p >= 0, p <= 1), assume).truth is not True:
            raise ModelError(f"prior of type {t!r} is {p}, which must lie in [0, 1]")
    return SymmetricBinaryGame(n, count, types, probs, coop, defe, assume, name)
