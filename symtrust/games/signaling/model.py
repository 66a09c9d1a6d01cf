"""Signaling games with symbolic priors and payoffs.

A signaling game (Spence 1973; Cho and Kreps 1987) has two players. Nature
draws the sender's type ``t`` from a finite set with prior ``p(t)``; the sender
learns it and sends a message ``m`` from a finite set; the receiver sees ``m``
(not ``t``) and takes an action ``a`` from a finite set. Payoffs are
``u_S(t, m, a)`` to the sender and ``u_R(t, m, a)`` to the receiver.

The constructor :func:`signaling_game` validates eagerly: names, that every
``(type, message, action)`` has a payoff pair (exact numbers or SymPy
expressions, checked by :func:`~symtrust.games.normal_form.model.as_payoff`), that
each prior lies in [0, 1] where that is decidable under the assumptions, and
that the priors sum to one (a sum provably different from one somewhere in the
parameter space is an error).

Examples
--------
>>> from symtrust import probability, signaling_game
>>> p = probability("p")
>>> u = {(t, m, a): (int(a == "trust"), int((a == "trust") == (t == "good")))
...      for t in ("good", "bad") for m in ("x", "y") for a in ("trust", "not")}
>>> g = signaling_game(("good", "bad"), ("x", "y"), ("trust", "not"), u,
...                    prior={"good": p, "bad": 1 - p})
>>> g.prior_of("bad")
1 - p
>>> g.u_R("bad", "x", "not")
1
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
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import check_probability
from symtrust.games.normal_form.model import (
    _listed,
    as_payoff,
    game_name,
    substitute_point,
)
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.decide import decide

__all__ = ["SignalingGame", "check_probability", "signaling_game"]


def _names(seq, what: str) -> tuple[str, ...]:
    if isinstance(seq, str) or not isinstance(seq, Iterable):
        raise ModelError(f"{what} must be a sequence of names, got {seq!r}")
    out = tuple(seq)
    if not out:
        raise ModelError(f"{what} must not be empty (got {seq!r})")
    for name in out:
        text_name(name, what)
    if len(set(out)) != len(out):
        raise ModelError(f"{what} {out} contain a duplicate name")
    return out


@dataclass(frozen=True)
class SignalingGame(Printable):
    """A finite signaling game with symbolic priors and payoffs.

    Build it with :func:`signaling_game`, which validates.

    Attributes
    ----------
    types : tuple of str
        The sender's types.
    prior : tuple of sympy.Expr
        Prior probability of each type, aligned with ``types``.
    messages : tuple of str
        The sender's messages.
    actions : tuple of str
        The receiver's actions (the same set after every message).
    sender_payoffs, receiver_payoffs : tuple
        Nested tuples indexed ``[type][message][action]``.
    assumptions : Assumptions
        Parameter domains and stated relations.
    name : str
        A label for printing.
    """

    types: tuple
    prior: tuple
    messages: tuple
    actions: tuple
    sender_payoffs: tuple
    receiver_payoffs: tuple
    assumptions: Assumptions
    name: str = ""

    def _index(self, what: str, names: tuple, name: str) -> int:
        if name not in names:
            raise ModelError(f"unknown {what} {name!r}; {what}s are {names}")
        return names.index(name)

    def prior_of(self, type_: str) -> sympy.Expr:
        """Prior probability of a type.

        Examples
        --------
        >>> from symtrust.catalog import beer_quiche
        >>> beer_quiche().prior_of("strong")
        9/10
        """
        return self.prior[self._index("type", self.types, type_)]

    def u_S(self, type_: str, message: str, action: str) -> sympy.Expr:
        """The sender's payoff ``u_S(type, message, action)``."""
        t = self._index("type", self.types, type_)
        m = self._index("message", self.messages, message)
        a = self._index("action", self.actions, action)
        return self.sender_payoffs[t][m][a]

    def u_R(self, type_: str, message: str, action: str) -> sympy.Expr:
        """The receiver's payoff ``u_R(type, message, action)``."""
        t = self._index("type", self.types, type_)
        m = self._index("message", self.messages, message)
        a = self._index("action", self.actions, action)
        return self.receiver_payoffs[t][m][a]

    @property
    def parameters(self) -> frozenset:
        """Free symbols of priors, payoffs and assumptions."""
        out = set(self.assumptions.symbols)
        for p in self.prior:
            out |= p.free_symbols
        for table in (self.sender_payoffs, self.receiver_payoffs):
            for by_m in table:
                for by_a in by_m:
                    for u in by_a:
                        out |= u.free_symbols
        return frozenset(out)

    def subs(self, point: Mapping, *, strict: bool = True) -> SignalingGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        Validated as :meth:`NormalFormGame.subs
        <symtrust.games.normal_form.model.NormalFormGame.subs>`: keys are the
        game's parameters (never strings), values exact reals in their domains;
        the assumptions are substituted and a false one refused.

        Examples
        --------
        >>> from symtrust.catalog import job_market
        >>> from symtrust import interval, positive
        >>> g = job_market()
        >>> q = interval("q", 0, 1, left_open=True, right_open=True)
        >>> c_H, c_L = positive("c_H c_L")
        >>> g.subs({q: sympy.Rational(1, 3)}).prior
        (1/3, 2/3)
        >>> g.subs({q: sympy.Rational(1, 3)}).assumptions.conditions
        (c_H > 0, c_L > 0, c_H < c_L)
        >>> g.subs({q: sympy.Rational(3, 2)})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: q = 3/2 is outside the domain of q: q must lie in (0, 1)
        >>> g.subs({c_H: 2, c_L: 1})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: c_H = 2, c_L = 1 violates the assumption c_H < c_L (it becomes 2 < 1)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def sub(table, who):
            return tuple(
                tuple(
                    tuple(
                        at_point(
                            u, point, f"payoff at {(t, m, a)} ({who})", refuse=strict
                        )
                        for a, u in zip(self.actions, by_a, strict=True)
                    )
                    for m, by_a in zip(self.messages, by_m, strict=True)
                )
                for t, by_m in zip(self.types, table, strict=True)
            )

        return SignalingGame(
            self.types,
            tuple(
                at_point(p, point, f"prior of type {t!r}", refuse=strict)
                for t, p in zip(self.types, self.prior, strict=True)
            ),
            self.messages,
            self.actions,
            sub(self.sender_payoffs, "sender"),
            sub(self.receiver_payoffs, "receiver"),
            assume,
            self.name,
        )

    # -- printing ------------------------------------------------------------
    def display_rows(self):
        """Rows for the renderers: prior, then payoffs by type and message."""
        rows = [("game", self.name or "signaling game")]
        rows.append(("prior", sympy.Tuple(*self.prior)))
        for t in self.types:
            for m in self.messages:
                pairs = [
                    (a, self.u_S(t, m, a), self.u_R(t, m, a)) for a in self.actions
                ]
                rows.append(
                    (
                        f"{t}, {m}",
                        sympy.Tuple(*[sympy.Tuple(s, r) for _, s, r in pairs]),
                    )
                )
        if self.assumptions.conditions:
            rows.append(("assumptions", self.assumptions.condition))
        return tuple(rows)


def _prior_tuple(prior, types) -> tuple:
    if isinstance(prior, Mapping):
        for key in prior:
            if key not in types:
                raise ModelError(f"prior names unknown type {key!r}; types are {types}")
        missing = [t for t in types if t not in prior]
        if missing:
            raise ModelError(f"prior gives no probability for types {missing}")
        return tuple(prior[t] for t in types)
    prior = _listed(prior)
    if isinstance(prior, (str, bytes)) or not isinstance(prior, Sequence):
        raise ModelError(
            f"prior must be a mapping type -> probability or a sequence, got {prior!r}"
        )
    if len(prior) != len(types):
        raise ModelError(
            f"prior has {len(prior)} entries; there are {len(types)} types {types}"
        )
    return tuple(prior)


def signaling_game(
    types: Sequence[str],
    messages: Sequence[str],
    actions: Sequence[str],
    payoffs: Mapping,
    *,
    prior,
    assumptions: Iterable = (),
    name: str = "",
) -> SignalingGame:
    """Build and validate a signaling game.

    Parameters
    ----------
    types, messages, actions : sequence of str
        The sender's types and messages, the receiver's actions (nonempty,
        no duplicates).
    payoffs : mapping
        ``(type, message, action)`` to the pair ``(u_S, u_R)`` of exact
        numbers or SymPy expressions. Every triple must appear.
    prior : mapping or sequence
        Prior probability of each type (mapping type -> probability, or a
        sequence aligned with ``types``).
    assumptions : iterable of sympy Boolean
        Relations between parameters; parameter domains are added
        automatically.
    name : str
        A label for printing.

    Raises
    ------
    ModelError
        Empty or duplicate names, missing or unknown payoff triples, payoffs
        that are strings or floats, priors outside [0, 1] or not summing to
        one, contradictory assumptions.

    Examples
    --------
    >>> from fractions import Fraction
    >>> T, M, A = ("a", "b"), ("x", "y"), ("u", "v")
    >>> u = {(t, m, a): (0, 0) for t in T for m in M for a in A}
    >>> signaling_game(T, M, A, u, prior=[Fraction(1, 2)] * 2).types
    ('a', 'b')
    >>> signaling_game(T, (), A, u, prior=[Fraction(1, 2)] * 2)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: messages must not be empty (got ())
    >>> signaling_game(T, M, A, u, prior=[Fraction(1, 2), Fraction(1, 3)])
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: priors sum to 5/6, not 1
    """
    types = _names(types, "types")
    messages = _names(messages, "messages")
    actions = _names(actions, "actions")
    name = game_name(name)
    if not isinstance(payoffs, Mapping):
        raise ModelError(
            f"payoffs must be a mapping (type, message, action) -> (u_S, u_R), "
            f"got {payoffs!r}"
        )
    valid = set(itertools.product(types, messages, actions))
    for key in payoffs:
        if not isinstance(key, tuple) or key not in valid:
            raise ModelError(
                f"payoff key {key!r} is not a (type, message, action) triple of "
                f"types {types}, messages {messages}, actions {actions}"
            )
    sender, receiver, symbols = [], [], set()
    for t in types:
        s_t, r_t = [], []
        for m in messages:
            s_m, r_m = [], []
            for a in actions:
                if (t, m, a) not in payoffs:
                    raise ModelError(f"no payoff given for {(t, m, a)}")
                pair = _listed(payoffs[(t, m, a)])
                if isinstance(pair, (str, bytes)) or not isinstance(pair, Sequence):
                    raise ModelError(
                        f"payoff at {(t, m, a)} must be a pair (u_S, u_R), got {pair!r}"
                    )
                if len(pair) != 2:
                    raise ModelError(
                        f"payoff at {(t, m, a)} has {len(pair)} entries; "
                        "expected the pair (u_S, u_R)"
                    )
                us = as_payoff(pair[0], f"{(t, m, a)} (sender)")
                ur = as_payoff(pair[1], f"{(t, m, a)} (receiver)")
                symbols |= us.free_symbols | ur.free_symbols
                s_m.append(us)
                r_m.append(ur)
            s_t.append(tuple(s_m))
            r_t.append(tuple(r_m))
        sender.append(tuple(s_t))
        receiver.append(tuple(r_t))
    raw_prior = _prior_tuple(prior, types)
    checked = [
        exact_number(p, f"prior of type {t!r}")
        for t, p in zip(types, raw_prior, strict=True)
    ]
    for p in checked:
        symbols |= p.free_symbols
    assume = build_assumptions(assumptions, symbols=symbols)
    checked = tuple(
        check_probability(p, f"prior of type {t!r}", assume)
        for t, p in zip(types, checked, strict=True)
    )
    # the priors must sum to one: identically, or provably under the assumptions
    total = sympy.expand(sum(checked, S.Zero))
    if total != 1:
        if total.is_number:
            raise ModelError(f"priors sum to {total}, not 1")
        verdict = decide(sympy.Eq(total, 1), assume)
        if verdict.truth is False:
            raise ModelError(
                f"priors sum to {total}, which differs from 1 at the admissible "
                f"point {verdict.counterexample}"
            )
    return SignalingGame(
        types,
        checked,
        messages,
        actions,
        tuple(sender),
        tuple(receiver),
        assume,
        name,
    )
