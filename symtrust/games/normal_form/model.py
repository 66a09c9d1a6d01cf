"""Normal-form games with symbolic payoffs.

A game lists its players, each player's finite action set, and for every action
profile a payoff vector of SymPy expressions (exact numbers or expressions in
:mod:`parameters <symtrust.core.parameters>`). Its
:class:`~symtrust.core.assumptions.Assumptions` collect the domains of every
parameter in the payoffs plus the relations the modeller states.

Games are immutable values; constructors validate eagerly: shapes, action
names, payoff types (strings are never parsed, floats are refused in favour of
exact rationals) and consistency of the assumptions.

Examples
--------
>>> from symtrust import real, bimatrix
>>> R, S, T, P = real("R S T P")
>>> pd = bimatrix([[R, S], [T, P]], [[R, T], [S, P]],
...               assumptions=[T > R, R > P, P > S], name="Prisoner's Dilemma")
>>> pd.players, pd.actions
(('row', 'column'), (('C', 'D'), ('C', 'D')))
>>> pd.payoff(("C", "D"))
(S, T)
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import sympy

from symtrust.core.assumptions import Assumptions
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.logic.assumptions import build_assumptions

__all__ = ["NormalFormGame", "as_payoff", "bimatrix", "normal_form_game"]


def as_payoff(value, where: str) -> sympy.Expr:
    """Validate one payoff: an exact number or a SymPy expression.

    Parameters
    ----------
    value : int, Fraction or sympy.Expr
        The payoff.
    where : str
        Where it sits, for the error message.

    Raises
    ------
    ModelError
        A string (never parsed), a float (inexact), a bool, or a non-expression.

    Examples
    --------
    >>> as_payoff(Fraction(1, 2), "CC")
    1/2
    >>> as_payoff("c - w", "CD")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: payoff at CD is the string 'c - w': strings are not parsed; build the payoff from parameters, e.g. c - w with c, w = positive("c w")
    """
    if isinstance(value, str):
        raise ModelError(
            f"payoff at {where} is the string {value!r}: strings are not parsed; "
            f'build the payoff from parameters, e.g. c - w with c, w = positive("c w")'
        )
    if isinstance(value, bool):
        raise ModelError(f"payoff at {where} is the bool {value!r}, not a number")
    if isinstance(value, (float, sympy.Float)):
        raise ModelError(
            f"payoff at {where} is the float {value!r}: symtrust computes exactly; "
            "use an int, fractions.Fraction or sympy.Rational"
        )
    if isinstance(value, int):
        return sympy.Integer(value)
    if isinstance(value, Fraction):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, sympy.Expr) and not isinstance(value, sympy.Float):
        if value.has(sympy.Float):
            raise ModelError(
                f"payoff at {where} ({value}) contains a float; use exact rationals"
            )
        if value.is_number and value.is_real is False:
            raise ModelError(f"payoff at {where} ({value}) is not real")
        return value
    raise ModelError(
        f"payoff at {where} is {value!r} of type {type(value).__name__}; "
        "expected an exact number or a SymPy expression"
    )


def _names(seq, what: str) -> tuple[str, ...]:
    if isinstance(seq, str) or not isinstance(seq, Iterable):
        raise ModelError(f"{what} must be a sequence of names, got {seq!r}")
    out = tuple(seq)
    for name in out:
        if not isinstance(name, str) or not name:
            raise ModelError(f"{what} must be nonempty strings, got {name!r}")
    if len(set(out)) != len(out):
        raise ModelError(f"{what} {out} contain a duplicate name")
    if not out:
        raise ModelError(f"{what} must not be empty")
    return out


@dataclass(frozen=True)
class NormalFormGame(Printable):
    """A finite game in normal form with symbolic payoffs.

    Build it with :func:`normal_form_game` or :func:`bimatrix`.

    Attributes
    ----------
    players : tuple of str
        Player names.
    actions : tuple of tuple of str
        Each player's actions.
    table : tuple of tuple of sympy.Expr
        Payoff vectors, one per profile in ``itertools.product`` order.
    assumptions : Assumptions
        Parameter domains and stated relations.
    name : str
        A label for printing.
    """

    players: tuple
    actions: tuple
    table: tuple
    assumptions: Assumptions
    name: str = ""

    # -- structure -----------------------------------------------------------
    def profiles(self):
        """Iterate over action profiles, as tuples of action names.

        Examples
        --------
        >>> from symtrust.catalog import prisoners_dilemma
        >>> list(prisoners_dilemma().profiles())[:2]
        [('C', 'C'), ('C', 'D')]
        """
        return itertools.product(*self.actions)

    def player_index(self, player) -> int:
        """Index of a player given by name or index; ModelError if unknown."""
        if isinstance(player, int) and not isinstance(player, bool):
            if 0 <= player < len(self.players):
                return player
        elif player in self.players:
            return self.players.index(player)
        raise ModelError(f"unknown player {player!r}; players are {self.players}")

    def action_index(self, player, action: str) -> int:
        """Index of an action of a player; ModelError if unknown."""
        i = self.player_index(player)
        if action not in self.actions[i]:
            raise ModelError(
                f"unknown action {action!r} for player {self.players[i]!r}; "
                f"actions are {self.actions[i]}"
            )
        return self.actions[i].index(action)

    def _flat_index(self, profile) -> int:
        profile = tuple(profile)
        if len(profile) != len(self.players):
            raise ModelError(
                f"profile {profile} has {len(profile)} actions; "
                f"the game has {len(self.players)} players"
            )
        index = 0
        for i, action in enumerate(profile):
            index = index * len(self.actions[i]) + self.action_index(i, action)
        return index

    def payoff(self, profile) -> tuple:
        """Payoff vector of an action profile.

        Examples
        --------
        >>> from symtrust.catalog import stag_hunt
        >>> stag_hunt().payoff(("C", "C"))
        (R, R)
        """
        return self.table[self._flat_index(profile)]

    def utility(self, player, profile) -> sympy.Expr:
        """One player's payoff at a profile."""
        return self.payoff(profile)[self.player_index(player)]

    def deviations(self, profile, player):
        """Profiles reached when ``player`` alone changes action."""
        i = self.player_index(player)
        for a in self.actions[i]:
            if a != profile[i]:
                yield (*profile[:i], a, *profile[i + 1 :])

    @property
    def parameters(self) -> frozenset:
        """Free symbols of the payoffs and assumptions."""
        out = set(self.assumptions.symbols)
        for vec in self.table:
            for u in vec:
                out |= u.free_symbols
        return frozenset(out)

    def subs(self, point: Mapping) -> NormalFormGame:
        """The game at a parameter point (exact substitution, no assumptions).

        Examples
        --------
        >>> from symtrust import real
        >>> from symtrust.catalog import symmetric_2x2
        >>> R, S, T, P = real("R S T P")
        >>> symmetric_2x2(R, S, T, P).subs({R: 3, S: 0, T: 5, P: 1}).payoff(("C", "D"))
        (0, 5)
        """
        # exact SymPy numbers, validated (strings and floats are refused): an
        # xreplace of a bare symbol by a Python int would give an int
        point = {k: as_payoff(v, f"point value of {k}") for k, v in dict(point).items()}
        table = tuple(tuple(u.xreplace(point) for u in vec) for vec in self.table)
        return NormalFormGame(
            self.players, self.actions, table, Assumptions(), self.name
        )

    # -- printing ------------------------------------------------------------
    def display_rows(self):
        """Rows for the renderers: the payoff of each profile."""
        rows = [("game", self.name or f"{len(self.players)}-player normal form")]
        for profile in self.profiles():
            rows.append(
                (
                    "".join(profile)
                    if all(len(a) == 1 for a in profile)
                    else ",".join(profile),
                    self.payoff(profile),
                )
            )
        if self.assumptions.conditions:
            rows.append(("assumptions", self.assumptions.condition))
        return tuple(rows)


def normal_form_game(
    players: Sequence[str],
    actions: Sequence[Sequence[str]],
    payoffs: Mapping,
    *,
    assumptions: Iterable = (),
    name: str = "",
) -> NormalFormGame:
    """Build and validate a normal-form game.

    Parameters
    ----------
    players : sequence of str
        Player names.
    actions : sequence of sequence of str
        Each player's actions, in the players' order.
    payoffs : mapping
        Action profile (tuple of action names) to payoff vector (one exact
        number or SymPy expression per player). Every profile must appear.
    assumptions : iterable of sympy Boolean
        Relations between parameters, e.g. ``[c > w]``; parameter domains are
        added automatically.
    name : str
        A label for printing.

    Raises
    ------
    ModelError
        Unknown or missing profiles, payoff vectors of the wrong length,
        payoffs that are strings or floats, contradictory assumptions.

    Examples
    --------
    >>> g = normal_form_game(["a", "b", "c"], [["x", "y"]] * 3,
    ...     {p: (1, 0, 0) for p in __import__("itertools").product("xy", repeat=3)})
    >>> g.utility("a", ("x", "y", "x"))
    1
    """
    players = _names(players, "players")
    if isinstance(actions, str) or len(actions) != len(players):
        raise ModelError(
            f"actions must list one action set per player ({len(players)}), "
            f"got {actions!r}"
        )
    actions = tuple(
        _names(a, f"actions of {p!r}") for p, a in zip(players, actions, strict=True)
    )
    if not isinstance(payoffs, Mapping):
        raise ModelError(
            f"payoffs must be a mapping profile -> vector, got {payoffs!r}"
        )
    valid = set(itertools.product(*actions))
    for key in payoffs:
        if tuple(key) not in valid:
            raise ModelError(
                f"payoff profile {key!r} is not a profile of actions {actions}"
            )
    table = []
    for profile in itertools.product(*actions):
        if profile not in payoffs:
            raise ModelError(f"no payoff given for profile {profile}")
        vec = payoffs[profile]
        if isinstance(vec, (str, bytes)) or not isinstance(vec, Sequence):
            raise ModelError(f"payoff at {profile} must be a vector, got {vec!r}")
        if len(vec) != len(players):
            raise ModelError(
                f"payoff vector at {profile} has length {len(vec)}; "
                f"there are {len(players)} players"
            )
        table.append(tuple(as_payoff(u, f"{profile}") for u in vec))
    symbols = set()
    for vec in table:
        for u in vec:
            symbols |= u.free_symbols
    assume = build_assumptions(assumptions, symbols=symbols)
    return NormalFormGame(players, actions, tuple(table), assume, name)


def bimatrix(
    row_payoffs,
    column_payoffs,
    *,
    row_actions: Sequence[str] = ("C", "D"),
    column_actions: Sequence[str] = ("C", "D"),
    players: Sequence[str] = ("row", "column"),
    assumptions: Iterable = (),
    name: str = "",
) -> NormalFormGame:
    """Build a two-player game from a row and a column payoff matrix.

    Parameters
    ----------
    row_payoffs, column_payoffs : nested sequences
        ``row_payoffs[i][j]`` is the row player's payoff when row plays action
        ``i`` and column plays ``j``; likewise for the column player.
    row_actions, column_actions : sequence of str
        Action names (default ``("C", "D")``).
    players : pair of str
        Player names.
    assumptions : iterable of sympy Boolean
        Relations between parameters.
    name : str
        A label for printing.

    Examples
    --------
    >>> g = bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]],
    ...              row_actions=("H", "T"), column_actions=("H", "T"))
    >>> g.payoff(("H", "T"))
    (-1, 1)
    """
    row_actions, column_actions = tuple(row_actions), tuple(column_actions)
    for label, m in (("row_payoffs", row_payoffs), ("column_payoffs", column_payoffs)):
        rows = m.tolist() if isinstance(m, sympy.MatrixBase) else list(m)
        if len(rows) != len(row_actions) or any(
            isinstance(r, str) or len(list(r)) != len(column_actions) for r in rows
        ):
            raise ModelError(
                f"{label} must be {len(row_actions)}x{len(column_actions)} "
                f"(row actions {row_actions} by column actions {column_actions}), "
                f"got {m!r}"
            )
    A = [
        list(r)
        for r in (
            row_payoffs.tolist()
            if isinstance(row_payoffs, sympy.MatrixBase)
            else row_payoffs
        )
    ]
    B = [
        list(r)
        for r in (
            column_payoffs.tolist()
            if isinstance(column_payoffs, sympy.MatrixBase)
            else column_payoffs
        )
    ]
    payoffs = {
        (a, b): (A[i][j], B[i][j])
        for i, a in enumerate(row_actions)
        for j, b in enumerate(column_actions)
    }
    return normal_form_game(
        players,
        (row_actions, column_actions),
        payoffs,
        assumptions=assumptions,
        name=name,
    )
