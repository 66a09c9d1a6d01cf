"""Games with continuous strategies: players choose from intervals.

Player ``i`` chooses an action ``a_i`` from an interval ``[lower_i, upper_i]``
(bounds exact numbers, expressions in parameters, or infinite) and receives a
utility ``u_i(a_1, ..., a_k)``, a SymPy expression in everyone's actions and
the parameters. Two shapes:

* :func:`continuous_game`: ``k`` named players, each with its own action
  symbol, interval and utility (Cournot, Bertrand, Stackelberg, contests);
* :func:`symmetric_continuous_game`: ``n`` exchangeable players (``n`` may be
  an integer parameter), each utility ``u(x, X)`` in the player's own action
  ``x`` and the sum ``X`` of the others' actions (aggregative games: Cournot
  with ``n`` firms, Tullock contests).

Source: Fudenberg and Tirole (1991), *Game Theory*, ch. 1.2 (existence and
first-order characterisation of equilibria in concave games).

Examples
--------
>>> import sympy
>>> from symtrust import positive, nonnegative
>>> a, b, c = positive("a b c")
>>> q1, q2 = nonnegative("q1 q2")
>>> g = continuous_game(("firm 1", "firm 2"), (q1, q2),
...     (q1 * (a - b * (q1 + q2)) - c * q1, q2 * (a - b * (q1 + q2)) - c * q2),
...     assumptions=[a > c])
>>> g.bounds
((0, oo), (0, oo))
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.names import text_name
from symtrust.core.numbers import check_relation, exact_number
from symtrust.core.parameters import Parameter
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.games.continuous._validate import (
    check_action,
    check_bound,
    check_order,
    check_utility,
    player_names,
    value_at,
    within,
)
from symtrust.games.normal_form.model import substitute_point
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.decide import decide

__all__ = [
    "ContinuousGame",
    "SymmetricContinuousGame",
    "continuous_game",
    "player_count",
    "symmetric_continuous_game",
]


def player_count(name: str = "n") -> Parameter:
    """An integer parameter for the number of players, with domain ``[2, oo)``.

    Examples
    --------
    >>> n = player_count()
    >>> n.is_integer, n.domain
    (True, Interval(2, oo))
    """
    return Parameter(
        text_name(name, "name of the player count"),
        sympy.Interval(2, S.Infinity),
        integer=True,
    )


def _domain_bounds(sym) -> tuple:
    """The interval a Parameter's domain gives (``(-oo, oo)`` otherwise)."""
    domain = getattr(sym, "domain", None)
    if isinstance(domain, sympy.Interval):
        return domain.start, domain.end
    if sym.is_nonnegative:
        return S.Zero, S.Infinity
    return S.NegativeInfinity, S.Infinity


def _check_domain(sym, lo, hi, assume, what) -> None:
    """Refuse an interval that leaves the action symbol's own domain.

    SymPy simplifies with a symbol's assumptions (``nonnegative=True``, a
    Parameter's domain), so an interval outside them gives wrong answers.
    """
    d_lo, d_hi = _domain_bounds(sym)
    for rel, rule in (
        (lo >= d_lo, f"lower={lo} >= {d_lo}"),
        (hi <= d_hi, f"upper={hi} <= {d_hi}"),
    ):
        if rel is S.true or not isinstance(rel, sympy.Basic):
            continue
        if rel is S.false or decide(rel, assume).truth is False:
            raise ModelError(
                f"{what} [{lo}, {hi}] leaves the domain [{d_lo}, {d_hi}] of the "
                f"action symbol {sym}: {rule} fails; declare the symbol with a "
                "domain containing the interval (e.g. sympy.Symbol(name, real=True))"
            )


def _assume(assumptions, symbols) -> Assumptions:
    if isinstance(assumptions, Assumptions):
        return build_assumptions(assumptions.conditions, symbols=symbols)
    if assumptions is None:
        assumptions = ()
    if isinstance(assumptions, (sympy.Basic, bool, str)):
        assumptions = (assumptions,)
    stated = tuple(assumptions)
    for cond in stated:
        if isinstance(cond, sympy.Basic):
            check_relation(cond, f"assumption {cond}")
    return build_assumptions(stated, symbols=symbols)


def _bounds_of(actions, bounds, what) -> tuple:
    if bounds is None:
        return tuple(_domain_bounds(a) for a in actions)
    if not isinstance(bounds, (tuple, list)) or len(bounds) != len(actions):
        raise ModelError(
            f"bounds={bounds!r} must give one (lower, upper) pair per action "
            f"({len(actions)} actions)"
        )
    out = []
    for a, pair in zip(actions, bounds, strict=True):
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise ModelError(f"bounds of {a}={pair!r} must be a pair (lower, upper)")
        lo = check_bound(pair[0], f"lower bound of {what} {a}")
        hi = check_bound(pair[1], f"upper bound of {what} {a}")
        for bound in (lo, hi):
            if bound.free_symbols & set(actions):
                raise ModelError(f"bound {bound} of {a} depends on an action")
        out.append((lo, hi))
    return tuple(out)


@dataclass(frozen=True)
class ContinuousGame(Printable):
    """A game in which each player chooses a number from an interval.

    Build it with :func:`continuous_game`, which validates it.

    Attributes
    ----------
    players : tuple of str
        Player names.
    actions : tuple of sympy.Symbol
        Each player's action variable.
    bounds : tuple of (lower, upper)
        Each action's interval (closed where finite).
    utilities : tuple of sympy.Expr
        Each player's utility in all actions and the parameters.
    assumptions : Assumptions
        The parameters' domains and stated relations (not the actions').
    name : str
        A label.
    notes : tuple of str
        Validity checks that could not be decided.
    """

    players: tuple
    actions: tuple
    bounds: tuple
    utilities: tuple
    assumptions: Assumptions
    name: str = ""
    notes: tuple = ()

    def index(self, player) -> int:
        """The position of a player (by name); ModelError if unknown."""
        if player in self.players:
            return self.players.index(player)
        raise ModelError(f"unknown player {player!r}; players are {self.players}")

    def utility(self, player) -> sympy.Expr:
        """A player's utility.

        Examples
        --------
        >>> import sympy
        >>> x, y = sympy.symbols("x y", real=True)
        >>> continuous_game(("A", "B"), (x, y), (x * y - x**2, x * y - y**2),
        ...                 bounds=((0, 1), (0, 1))).utility("B")
        x*y - y**2
        """
        return self.utilities[self.index(player)]

    @property
    def parameters(self) -> frozenset:
        """Free symbols other than the actions."""
        out = set(self.assumptions.symbols)
        for u in self.utilities:
            out |= u.free_symbols
        for lo, hi in self.bounds:
            out |= lo.free_symbols | hi.free_symbols
        return frozenset(out - set(self.actions))

    def action_box(self) -> tuple:
        """The conditions ``lower_i <= a_i <= upper_i`` (finite bounds only).

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x", real=True)
        >>> continuous_game(("A",), (x,), (x - x**2,), bounds=((0, 1),)).action_box()
        (x >= 0, x <= 1)
        """
        return tuple(
            c
            for a, (lo, hi) in zip(self.actions, self.bounds, strict=True)
            for c in within(a, lo, hi)
        )

    def subs(self, point, *, strict: bool = True) -> ContinuousGame:
        """The game at a parameter point (actions stay symbolic).

        Examples
        --------
        >>> from symtrust import positive
        >>> import sympy
        >>> a = positive("a")
        >>> x = sympy.Symbol("x", real=True)
        >>> g = continuous_game(("A",), (x,), (a * x - x**2,), bounds=((0, a),))
        >>> g.subs({a: 2}).utilities
        (-x**2 + 2*x,)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def at(e, what):
            return value_at(e, point, what, strict)

        return ContinuousGame(
            self.players,
            self.actions,
            tuple(
                (at(lo, "lower bound"), at(hi, "upper bound")) for lo, hi in self.bounds
            ),
            tuple(
                at(u, f"utility of {p}")
                for p, u in zip(self.players, self.utilities, strict=True)
            ),
            assume,
            self.name,
            self.notes,
        )

    def display_rows(self):
        """Rows for the renderers: each player's action interval and utility."""
        rows = [("game", self.name or "continuous game")]
        for p, a, (lo, hi), u in zip(
            self.players, self.actions, self.bounds, self.utilities, strict=True
        ):
            rows.append((f"{p} chooses {a} in", sympy.Interval(lo, hi)))
            rows.append((f"utility of {p}", u))
        return tuple(rows)


def continuous_game(
    players, actions, utilities, *, bounds=None, assumptions=None, name=""
) -> ContinuousGame:
    """Build and validate a game with continuous strategies.

    Parameters
    ----------
    players : tuple of str
        Player names.
    actions : tuple of sympy.Symbol
        One real action symbol per player.
    utilities : tuple of sympy.Expr
        One utility per player, in the actions and the parameters.
    bounds : tuple of (lower, upper), optional
        Each action's interval; by default its symbol's domain (``[0, oo)``
        for :func:`~symtrust.nonnegative`, the real line for a plain real).
    assumptions : iterable of sympy Boolean, optional
        Relations the parameters satisfy (``a > c``).
    name : str
        A label.

    Raises
    ------
    ModelError
        Mismatched lengths, repeated names or actions, a non-symbol action,
        a float, string, nan or non-real value anywhere, a bound that
        depends on an action, or bounds in the wrong order (decided by z3
        under the assumptions).

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> continuous_game(("A",), (x,), (-x**2,), bounds=((1, 0),))
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: action interval of A [1, 0] has its bounds in the wrong order: lower=1 < upper=0 fails; state lower < upper in the assumptions
    >>> continuous_game(("A",), (x,), (0.5 * x,), bounds=((0, 1),))
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: utility of A is 0.5*x, which contains the float 0.5: ...
    """
    if not isinstance(actions, (tuple, list)) or isinstance(actions, str):
        raise ModelError(f"actions={actions!r} must be a tuple of SymPy symbols")
    if not isinstance(utilities, (tuple, list)) or isinstance(utilities, str):
        raise ModelError(f"utilities={utilities!r} must be a tuple of expressions")
    players = player_names(players, len(actions))
    if len(utilities) != len(players):
        raise ModelError(
            f"{len(utilities)} utilities for {len(players)} players {players}"
        )
    actions = tuple(
        check_action(a, f"action of {p}") for p, a in zip(players, actions, strict=True)
    )
    if len(set(actions)) != len(actions):
        raise ModelError(f"action symbols {actions} repeat: each player needs its own")
    utilities = tuple(
        check_utility(u, f"utility of {p}")
        for p, u in zip(players, utilities, strict=True)
    )
    bounds = _bounds_of(actions, bounds, "action")
    params = set()
    for u in utilities:
        params |= u.free_symbols
    for lo, hi in bounds:
        params |= lo.free_symbols | hi.free_symbols
    assume = _assume(assumptions, params - set(actions))
    if assume.symbols & set(actions):
        raise ModelError(
            "assumptions mention an action "
            f"({sorted(assume.symbols & set(actions), key=str)}); assumptions "
            "are about parameters, the action intervals are given by bounds="
        )
    notes = []
    for p, a, (lo, hi) in zip(players, actions, bounds, strict=True):
        note = check_order(lo, hi, assume, f"action interval of {p}")
        _check_domain(a, lo, hi, assume, f"action interval of {p}")
        if note:
            notes.append(note)
    name = text_name(name, "name of the game") if name else ""
    return ContinuousGame(
        players, actions, bounds, utilities, assume, name, tuple(notes)
    )


@dataclass(frozen=True)
class SymmetricContinuousGame(Printable):
    """A symmetric game of ``n`` players, each utility ``u(x, X)``.

    ``x`` is the player's own action and ``X`` the sum of the other ``n - 1``
    players' actions; every player chooses from the same interval.

    Attributes
    ----------
    n : sympy.Expr
        The number of players: an integer or an integer parameter (>= 2).
    action, others : sympy.Symbol
        The symbols ``x`` and ``X`` in the utility.
    bounds : (lower, upper)
        The common action interval.
    utility : sympy.Expr
        ``u(x, X)``.
    assumptions : Assumptions
    name : str
    notes : tuple of str
    """

    n: sympy.Expr
    action: sympy.Symbol
    others: sympy.Symbol
    bounds: tuple
    utility: sympy.Expr
    assumptions: Assumptions
    name: str = ""
    notes: tuple = ()

    @property
    def parameters(self) -> frozenset:
        """Free symbols other than ``x`` and ``X`` (``n`` included when symbolic)."""
        out = set(self.assumptions.symbols) | self.n.free_symbols
        out |= self.utility.free_symbols
        for b in self.bounds:
            out |= b.free_symbols
        return frozenset(out - {self.action, self.others})

    def explicit(self) -> ContinuousGame:
        """The game with ``n`` named players (``n`` numeric).

        Examples
        --------
        >>> import sympy
        >>> x, X = sympy.symbols("x X", nonnegative=True)
        >>> g = symmetric_continuous_game(3, x, X, x * (1 - x - X), bounds=(0, 1))
        >>> g.explicit().utilities[0]
        x_1*(-x_1 - x_2 - x_3 + 1)
        """
        if not self.n.is_Integer:
            raise ModelError(f"explicit() needs a numeric n, not n = {self.n}")
        k = int(self.n)
        xs = tuple(
            sympy.Symbol(f"{self.action.name}_{i}", real=True) for i in range(1, k + 1)
        )
        total = sum(xs, S.Zero)
        utilities = tuple(
            self.utility.xreplace({self.action: xi, self.others: total - xi})
            for xi in xs
        )
        return ContinuousGame(
            tuple(f"player {i}" for i in range(1, k + 1)),
            xs,
            (self.bounds,) * k,
            utilities,
            self.assumptions,
            self.name,
            self.notes,
        )

    def subs(self, point, *, strict: bool = True) -> SymmetricContinuousGame:
        """The game at a parameter point (``n`` too, if it is a parameter).

        Examples
        --------
        >>> import sympy
        >>> n = player_count("n")
        >>> x, X = sympy.symbols("x X", nonnegative=True)
        >>> symmetric_continuous_game(n, x, X, x * (1 - x - X)).subs({n: 4}).n
        4
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def at(e, what):
            return value_at(e, point, what, strict)

        return SymmetricContinuousGame(
            at(self.n, "number of players"),
            self.action,
            self.others,
            (at(self.bounds[0], "lower bound"), at(self.bounds[1], "upper bound")),
            at(self.utility, "utility"),
            assume,
            self.name,
            self.notes,
        )

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("game", self.name or "symmetric continuous game"),
            ("players", self.n),
            (f"each chooses {self.action} in", sympy.Interval(*self.bounds)),
            (f"utility ({self.others}: the others' total)", self.utility),
        )


def symmetric_continuous_game(
    n, action, others, utility, *, bounds=None, assumptions=None, name=""
) -> SymmetricContinuousGame:
    """Build and validate a symmetric game with continuous strategies.

    Parameters
    ----------
    n : int or integer parameter
        The number of players, at least 2.
    action, others : sympy.Symbol
        The player's own action ``x`` and the others' total ``X``.
    utility : sympy.Expr
        ``u(x, X)``.
    bounds : (lower, upper), optional
        The common interval; by default the action symbol's domain.

    Raises
    ------
    ModelError
        ``n`` not an integer (or possibly below 2), bounds in the wrong
        order, floats, strings, nan, or a bound depending on an action.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive
    >>> n = player_count("n")
    >>> a, b, c = positive("a b c")
    >>> x, X = sympy.symbols("x X", nonnegative=True)
    >>> g = symmetric_continuous_game(n, x, X, x * (a - b * (x + X)) - c * x,
    ...                               assumptions=[a > c])
    >>> g.bounds
    (0, oo)
    >>> symmetric_continuous_game(sympy.Rational(5, 2), x, X, -x**2)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: number of players n=5/2 must be an integer (or an integer parameter)
    """
    n = exact_number(n, "number of players n")
    if n.is_integer is not True:
        raise ModelError(
            f"number of players n={n} must be an integer (or an integer parameter)"
        )
    action = check_action(action, "action")
    others = check_action(others, "others' total")
    if action == others:
        raise ModelError(f"action and others' total are the same symbol {action}")
    utility = check_utility(utility, "utility")
    (pair,) = _bounds_of((action,), None if bounds is None else (bounds,), "action")
    params = utility.free_symbols | n.free_symbols | pair[0].free_symbols
    params = (params | pair[1].free_symbols) - {action, others}
    assume = _assume(assumptions, params)
    if decide(n >= 2, assume).truth is not True:
        raise ModelError(
            f"number of players n={n} must be at least 2 under the assumptions "
            "(give n the domain [2, oo))"
        )
    notes = []
    note = check_order(pair[0], pair[1], assume, "action interval")
    _check_domain(action, pair[0], pair[1], assume, "action interval")
    if note:
        notes.append(note)
    name = text_name(name, "name of the game") if name else ""
    return SymmetricContinuousGame(
        n, action, others, pair, utility, assume, name, tuple(notes)
    )
