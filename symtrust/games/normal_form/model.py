"""Normal-form games with symbolic payoffs.

A game lists its players, each player's finite action set, and for every action
profile a payoff vector of SymPy expressions (exact numbers or expressions in
:mod:`parameters <symtrust.core.parameters>`). Its
:class:`~symtrust.core.assumptions.Assumptions` collect the domains of every
parameter in the payoffs plus the relations the modeller states.

Games are immutable values; constructors validate eagerly: shapes, action
names (free text that pdflatex can typeset), payoffs (exact real numbers or
expressions, through :func:`~symtrust.core.numbers.exact_number`: strings are
never parsed; floats, nan, infinities and complex values are refused; numpy
integers are accepted exactly) and consistency of the assumptions.

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

import sympy

from symtrust.core.assumptions import Assumptions
from symtrust.core.names import text_name
from symtrust.core.numbers import exact_number, is_numpy
from symtrust.core.point import at_point, check_point, point_text
from symtrust.core.printing import Printable
from symtrust.errors import AssumptionError, ModelError
from symtrust.logic.assumptions import build_assumptions

__all__ = [
    "NormalFormGame",
    "as_matrix",
    "as_payoff",
    "as_vector",
    "bimatrix",
    "game_name",
    "normal_form_game",
    "substitute_point",
]


def as_payoff(value, where: str) -> sympy.Expr:
    """Validate one payoff: an exact real number or a SymPy expression.

    The shared validator :func:`~symtrust.core.numbers.exact_number` with the
    message "payoff at <where> ...".

    Parameters
    ----------
    value : int, Fraction, numpy integer or sympy.Expr
        The payoff.
    where : str
        Where it sits, for the error message.

    Raises
    ------
    ModelError
        A string (never parsed), a float (inexact), a bool, nan, an infinity,
        a complex value or a non-expression.

    Examples
    --------
    >>> from fractions import Fraction
    >>> as_payoff(Fraction(1, 2), "CC")
    1/2
    >>> as_payoff("c - w", "CD")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: payoff at CD is the string 'c - w': strings are not parsed; build it from parameters, e.g. c - w with c, w = positive("c w")
    """
    return exact_number(value, f"payoff at {where}")


def _names(seq, what: str) -> tuple[str, ...]:
    if isinstance(seq, str) or not isinstance(seq, Iterable):
        raise ModelError(f"{what} must be a sequence of names, got {seq!r}")
    out = tuple(seq)
    for name in out:
        text_name(name, what)
    if len(set(out)) != len(out):
        raise ModelError(f"{what} {out} contain a duplicate name")
    if not out:
        raise ModelError(f"{what} must not be empty")
    return out


def game_name(name) -> str:
    """Validate a game's label: a string pdflatex can typeset (may be empty).

    Examples
    --------
    >>> game_name("Stag Hunt & friends")
    'Stag Hunt & friends'
    """
    if not isinstance(name, str):
        raise ModelError(f"game name must be a string, got {name!r}")
    return text_name(name, "game name") if name else name


def _listed(value, what: str = "the array"):
    """A SymPy matrix or numpy array as nested lists; anything else as is.

    A numpy array of floats is refused whole, with the dtype in the message.
    """
    if is_numpy(value) and getattr(value, "dtype", None) is not None:
        if value.dtype.kind in "fc":
            raise ModelError(
                f"{what} is a numpy array of {value.dtype} numbers: symtrust "
                "computes exactly, so floats are refused; use an integer array "
                "(dtype=int), or dtype=object with fractions.Fraction or "
                "sympy.Rational entries"
            )
        return value.tolist()
    if isinstance(value, sympy.MatrixBase):
        return value.tolist()
    return value


def as_vector(vec, length: int, where: str) -> tuple:
    """Validate a payoff vector (a sequence or 1-D array of ``length`` entries).

    Examples
    --------
    >>> as_vector((1, 2), 2, "('C', 'C')")
    (1, 2)
    >>> as_vector((1, 2, 3), 2, "('C', 'C')")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: payoff vector at ('C', 'C') has length 3; there are 2 players
    """
    vec = _listed(vec, f"payoff vector at {where}")
    if isinstance(vec, (str, bytes)) or not isinstance(vec, Sequence):
        raise ModelError(
            f"payoff at {where} must be a vector of {length} payoffs, got {vec!r}"
        )
    if len(vec) != length:
        raise ModelError(
            f"payoff vector at {where} has length {len(vec)}; there are {length} "
            "players"
        )
    return tuple(as_payoff(u, where) for u in vec)


def as_matrix(m, label: str) -> list[list]:
    """A payoff matrix as a list of equal-length rows (nested lists, SymPy or numpy).

    Raises
    ------
    ModelError
        Not a 2-D table: a string, a flat list, ragged or empty rows.

    Examples
    --------
    >>> as_matrix([[1, 2], [3, 4]], "row_payoffs")
    [[1, 2], [3, 4]]
    >>> as_matrix([[1, 2], [3]], "row_payoffs")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: row_payoffs must be a matrix (a list of rows of equal length): row 1 has 1 entries, row 0 has 2
    """
    if is_numpy(m) and getattr(m, "ndim", 2) != 2:
        raise ModelError(
            f"{label} must be a matrix (2-dimensional), got a numpy array of shape "
            f"{m.shape}"
        )
    rows = _listed(m, label)
    if isinstance(rows, (str, bytes)) or not isinstance(rows, Sequence) or not rows:
        raise ModelError(
            f"{label} must be a nonempty matrix (a list of rows), got {m!r}"
        )
    out = []
    for i, r in enumerate(rows):
        r = _listed(r)
        if isinstance(r, (str, bytes)) or not isinstance(r, Sequence):
            raise ModelError(
                f"{label} must be a matrix (a list of rows); row {i} is {r!r}, "
                "not a row of payoffs"
            )
        for j, u in enumerate(r):
            if isinstance(u, (list, tuple)):
                raise ModelError(
                    f"{label} must be a matrix of payoffs: the entry in row {i}, "
                    f"column {j} is {u!r}, not one payoff (each player's payoffs "
                    "go in its own matrix)"
                )
        out.append(list(r))
    for i, r in enumerate(out):
        if len(r) != len(out[0]) or not r:
            raise ModelError(
                f"{label} must be a matrix (a list of rows of equal length): row "
                f"{i} has {len(r)} entries, row 0 has {len(out[0])}"
            )
    return out


def substitute_point(parameters, assumptions, point, *, where: str, strict=True):
    """Validate a point for a model's ``subs`` and substitute its assumptions.

    The point is checked by :func:`~symtrust.core.point.check_point` (keys,
    exact values, domains); the assumptions by
    :meth:`~symtrust.core.assumptions.Assumptions.subs` (true ones dropped, a
    false one refused); what is left must still be satisfiable (z3).

    With ``strict=False`` keys that are not parameters are ignored (see
    :func:`~symtrust.core.point.check_point`).

    Returns
    -------
    (dict, Assumptions)
        The validated point and the substituted assumptions.

    Raises
    ------
    ModelError, AssumptionError
        See :func:`~symtrust.core.point.check_point`; an AssumptionError
        when the point makes an assumption false or the rest contradictory.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> a = build_assumptions([c > w, w > 1])
    >>> substitute_point({c, w}, a, {c: 2}, where="the game")[1].conditions
    (w > 0, 2 > w, w > 1)
    >>> substitute_point({c, w}, a, {c: 1}, where="the game")
    Traceback (most recent call last):
    ...
    symtrust.errors.AssumptionError: at c = 1 the assumptions of the game cannot hold: assumptions contradict each other: [w > 0, 1 > w, w > 1]
    """
    point = check_point(point, parameters, where=where, strict=strict)
    assume = assumptions.subs(point)
    if assume.conditions and assume is not assumptions:
        try:
            assume = build_assumptions(assume.conditions)
        except AssumptionError as exc:
            raise AssumptionError(
                f"at {point_text(point)} the assumptions of {where} cannot hold: {exc}"
            ) from None
    return point, assume


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

    def subs(self, point: Mapping, *, strict: bool = True) -> NormalFormGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        The point may fix some or all parameters. Its keys must be the game's
        parameters (not strings, not same-named symbols) and its values exact
        real numbers inside each parameter's domain. The assumptions are
        substituted: those that became true are dropped, one that became false
        is an :class:`~symtrust.errors.AssumptionError` naming it, the rest
        stay (checked satisfiable). With ``strict=False``, keys that are not
        parameters of the game are ignored (for a point of a larger model).

        Examples
        --------
        >>> from symtrust import real
        >>> from symtrust.catalog import prisoners_dilemma
        >>> pd = prisoners_dilemma()
        >>> R, S, T, P = real("R S T P")   # the same parameters as the game's
        >>> pd.subs({R: 3, S: 0, T: 5, P: 1}).payoff(("C", "D"))
        (0, 5)
        >>> pd.subs({R: 3}).assumptions.condition
        (3 > P) & (P > S) & (T > 3)
        >>> pd.subs({R: 3, T: 2})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: R = 3, T = 2 violates the assumption T > R (it becomes 2 > 3)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )
        table = tuple(
            tuple(
                at_point(u, point, f"payoff at {profile}", refuse=strict) for u in vec
            )
            for profile, vec in zip(self.profiles(), self.table, strict=True)
        )
        return NormalFormGame(self.players, self.actions, table, assume, self.name)

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
    name = game_name(name)
    if (
        isinstance(actions, str)
        or not isinstance(actions, Sequence)
        or len(actions) != len(players)
    ):
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
        if not isinstance(key, tuple) or key not in valid:
            raise ModelError(
                f"payoff profile {key!r} is not a profile (a tuple of one action "
                f"per player) of actions {actions}"
            )
    table = []
    for profile in itertools.product(*actions):
        if profile not in payoffs:
            raise ModelError(f"no payoff given for profile {profile}")
        table.append(as_vector(payoffs[profile], len(players), f"{profile}"))
    symbols = set()
    for vec in table:
        for u in vec:
            symbols |= u.free_symbols
    assume = build_assumptions(assumptions, symbols=symbols)
    return NormalFormGame(players, actions, tuple(table), assume, name)


def _default_actions(k: int) -> tuple[str, ...]:
    # two actions are the trust games' C and D; otherwise numbered 1..k
    return ("C", "D") if k == 2 else tuple(str(i) for i in range(1, k + 1))


def bimatrix(
    row_payoffs,
    column_payoffs,
    *,
    row_actions: Sequence[str] | None = None,
    column_actions: Sequence[str] | None = None,
    players: Sequence[str] = ("row", "column"),
    assumptions: Iterable = (),
    name: str = "",
) -> NormalFormGame:
    """Build a two-player game from a row and a column payoff matrix.

    Parameters
    ----------
    row_payoffs, column_payoffs : matrix
        ``row_payoffs[i][j]`` is the row player's payoff when row plays action
        ``i`` and column plays ``j``; likewise for the column player. Nested
        sequences, SymPy matrices or numpy integer (or object) arrays, of the
        same shape m x n.
    row_actions, column_actions : sequence of str, optional
        Action names (a string stands for its letters: ``"HT"``). By default
        ``("C", "D")`` for two actions, else numbered ``("1", ..., "m")``.
    players : pair of str
        Player names.
    assumptions : iterable of sympy Boolean
        Relations between parameters.
    name : str
        A label for printing.

    Raises
    ------
    ModelError
        Matrices that are not m x n tables of the same shape, action names
        that do not match the shape, payoffs that are not exact real numbers.

    Examples
    --------
    >>> g = bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]],
    ...              row_actions=("H", "T"), column_actions=("H", "T"))
    >>> g.payoff(("H", "T"))
    (-1, 1)
    >>> bimatrix([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[0] * 3] * 3).actions
    (('1', '2', '3'), ('1', '2', '3'))
    """
    A = as_matrix(row_payoffs, "row_payoffs")
    B = as_matrix(column_payoffs, "column_payoffs")
    shape_a, shape_b = (len(A), len(A[0])), (len(B), len(B[0]))
    if shape_a != shape_b:
        raise ModelError(
            f"column_payoffs is {shape_b[0]}x{shape_b[1]} but row_payoffs is "
            f"{shape_a[0]}x{shape_a[1]}: both matrices have one row per row "
            "action and one column per column action"
        )
    m, n = shape_a
    # a string of one-letter actions ("HT") is accepted, as it always was
    row_actions = _default_actions(m) if row_actions is None else tuple(row_actions)
    column_actions = (
        _default_actions(n) if column_actions is None else tuple(column_actions)
    )
    for label, acts, k, what in (
        ("row_actions", row_actions, m, "rows"),
        ("column_actions", column_actions, n, "columns"),
    ):
        acts = _names(acts, label)
        if len(acts) != k:
            raise ModelError(
                f"{label} {acts} name {len(acts)} actions but the payoff matrices "
                f"have {k} {what} ({m}x{n})"
            )
    payoffs = {
        (a, b): (A[i][j], B[i][j])
        for i, a in enumerate(row_actions)
        for j, b in enumerate(column_actions)
    }
    return normal_form_game(
        players,
        (tuple(row_actions), tuple(column_actions)),
        payoffs,
        assumptions=assumptions,
        name=name,
    )
