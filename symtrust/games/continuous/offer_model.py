"""Take-it-or-leave-it offers to a responder of continuous private type.

A proposer chooses an offer ``x`` from an interval; a responder whose type
``theta`` is drawn from a :class:`~symtrust.games.continuous_types.ContinuousType`
(uniform or a polynomial CDF) accepts or rejects. Payoffs are SymPy
expressions in ``x``, ``theta`` and the parameters, one pair for acceptance
and one for rejection. The ultimatum game with uncertainty over the
responder's cost, and crisis bargaining (Fearon 1995: rejection is war), are
instances.

Examples
--------
>>> import sympy
>>> from symtrust import interval, positive
>>> from symtrust.games.continuous_types import uniform
>>> p = interval("p", 0, 1, left_open=True, right_open=True)
>>> c_a = positive("c_A")
>>> x, c = sympy.symbols("x c_B", real=True)
>>> g = offer_game(x, (0, 1), c, uniform(0, 1),
...                accept=(1 - x, x), reject=(1 - p - c_a, p - c))
>>> g.responder_gain
-p + c_B + x
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symtrust.core.assumptions import Assumptions
from symtrust.core.names import text_name
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.games.continuous._validate import (
    check_action,
    check_bound,
    check_order,
    check_utility,
    player_names,
    value_at,
)
from symtrust.games.continuous_types.distributions import ContinuousType
from symtrust.games.normal_form.model import substitute_point
from symtrust.logic.assumptions import build_assumptions, extend_assumptions

__all__ = ["OfferGame", "offer_game"]


@dataclass(frozen=True)
class OfferGame(Printable):
    """An offer from an interval to a responder of continuous type.

    Attributes
    ----------
    players : (str, str)
        Proposer and responder.
    offer : sympy.Symbol
        The offer variable ``x``.
    bounds : (lower, upper)
        The offers allowed.
    type_symbol : sympy.Symbol
        The responder's type ``theta`` in the payoffs.
    distribution : ContinuousType
        The type's distribution (its variable is replaced by ``type_symbol``).
    accept, reject : (sympy.Expr, sympy.Expr)
        (proposer, responder) payoffs after acceptance and rejection.
    assumptions : Assumptions
    name : str
    notes : tuple of str
    """

    players: tuple
    offer: sympy.Symbol
    bounds: tuple
    type_symbol: sympy.Symbol
    distribution: ContinuousType
    accept: tuple
    reject: tuple
    assumptions: Assumptions
    name: str = ""
    notes: tuple = ()

    @property
    def responder_gain(self) -> sympy.Expr:
        """Acceptance minus rejection for the responder: accepts iff >= 0."""
        return sympy.expand(self.accept[1] - self.reject[1])

    @property
    def density(self) -> sympy.Expr:
        """The type's density in ``type_symbol``."""
        d = self.distribution
        return d.density.xreplace({d.variable: self.type_symbol})

    @property
    def cdf(self) -> sympy.Expr:
        """The type's CDF in ``type_symbol``."""
        d = self.distribution
        return d.cdf.xreplace({d.variable: self.type_symbol})

    @property
    def parameters(self) -> frozenset:
        """Free symbols other than the offer and the type."""
        out = set(self.assumptions.symbols) | set(self.distribution.parameters)
        for e in (*self.accept, *self.reject, *self.bounds):
            out |= e.free_symbols
        return frozenset(out - {self.offer, self.type_symbol})

    def subs(self, point, *, strict: bool = True) -> OfferGame:
        """The game at a parameter point.

        Examples
        --------
        >>> import sympy
        >>> from symtrust import positive
        >>> from symtrust.games.continuous_types import uniform
        >>> k = positive("k")
        >>> x, t = sympy.symbols("x t", real=True)
        >>> g = offer_game(x, (0, 1), t, uniform(0, 1),
        ...                accept=(1 - x, x), reject=(0, k * t))
        >>> g.subs({k: 2}).reject
        (0, 2*t)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def at(e, what):
            return value_at(e, point, what, strict)

        return OfferGame(
            self.players,
            self.offer,
            tuple(at(b, "bound of the offer") for b in self.bounds),
            self.type_symbol,
            self.distribution.subs(point, strict=False),
            tuple(at(e, "payoff after acceptance") for e in self.accept),
            tuple(at(e, "payoff after rejection") for e in self.reject),
            assume,
            self.name,
            self.notes,
        )

    def display_rows(self):
        """Rows for the renderers."""
        p, r = self.players
        return (
            ("game", self.name or "offer to a responder of private type"),
            (f"{p} offers {self.offer} in", sympy.Interval(*self.bounds)),
            (f"{r}'s type {self.type_symbol}", self.distribution),
            (f"payoffs ({p}, {r}) if accepted", sympy.Tuple(*self.accept)),
            (f"payoffs ({p}, {r}) if rejected", sympy.Tuple(*self.reject)),
        )


def offer_game(
    offer,
    bounds,
    type_symbol,
    distribution,
    *,
    accept,
    reject,
    players=("proposer", "responder"),
    assumptions=None,
    name="",
) -> OfferGame:
    """Build and validate a take-it-or-leave-it offer game.

    Parameters
    ----------
    offer : sympy.Symbol
        The offer variable.
    bounds : (lower, upper)
        The offers allowed.
    type_symbol : sympy.Symbol
        The responder's type as it appears in the payoffs.
    distribution : ContinuousType
        Its distribution (``uniform(lo, hi)`` or ``ContinuousType.build``).
    accept, reject : (sympy.Expr, sympy.Expr)
        (proposer, responder) payoffs after acceptance and after rejection.
    players : (str, str)
    assumptions : iterable of sympy Boolean, optional
    name : str

    Raises
    ------
    ModelError
        A distribution that is not a ContinuousType, payoffs that are not
        pairs of exact expressions, bounds in the wrong order, an offer or
        type symbol reused, floats, strings or nan.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.continuous_types import uniform
    >>> x, t = sympy.symbols("x t", real=True)
    >>> offer_game(x, (0, 1), t, "uniform", accept=(1 - x, x), reject=(0, t))
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: distribution='uniform' must be a ContinuousType (uniform(lo, hi) or ContinuousType.build(...))
    """
    players = player_names(players, 2)
    offer = check_action(offer, "offer")
    type_symbol = check_action(type_symbol, "type symbol")
    if offer == type_symbol:
        raise ModelError(f"the offer and the type are the same symbol {offer}")
    if not isinstance(distribution, ContinuousType):
        raise ModelError(
            f"distribution={distribution!r} must be a ContinuousType (uniform(lo, "
            "hi) or ContinuousType.build(...))"
        )
    pairs = []
    for what, pair in (("accept", accept), ("reject", reject)):
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise ModelError(f"{what}={pair!r} must be a (proposer, responder) pair")
        pairs.append(
            tuple(
                check_utility(u, f"{who}'s payoff if {what}ed")
                for who, u in zip(players, pair, strict=True)
            )
        )
    if not (isinstance(bounds, (tuple, list)) and len(bounds) == 2):
        raise ModelError(f"bounds={bounds!r} must be a pair (lower, upper)")
    bounds = tuple(check_bound(b, "bound of the offer") for b in bounds)
    for b in bounds:
        if b.free_symbols & {offer, type_symbol}:
            raise ModelError(f"bound {b} of the offer depends on the offer or the type")
    params = set(distribution.parameters)
    for e in (*pairs[0], *pairs[1], *bounds):
        params |= e.free_symbols
    params -= {offer, type_symbol}
    stated = () if assumptions is None else assumptions
    if isinstance(stated, sympy.Basic):
        stated = (stated,)
    assume = build_assumptions(tuple(stated), symbols=params)
    assume = extend_assumptions(assume, distribution.assumptions.conditions)
    notes = list(distribution.notes)
    note = check_order(bounds[0], bounds[1], assume, "offer interval")
    if note:
        notes.append(note)
    name = text_name(name, "name of the game") if name else ""
    return OfferGame(
        players,
        offer,
        bounds,
        type_symbol,
        distribution,
        pairs[0],
        pairs[1],
        assume,
        name,
        tuple(notes),
    )
