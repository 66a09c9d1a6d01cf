"""A perfect Bayesian equilibrium of a signaling game, as a value.

The result type of :func:`symtrust.games.signaling.pbe.pbe` (Fudenberg and
Tirole 1991, section 8.2): the sender's strategy by type, the receiver's
strategy by message, the beliefs after every message (Bayes' rule on path, a
belief symbol off path), the existence condition, the off-path beliefs that
support it, and where it survives the Intuitive Criterion. Strategies and
beliefs are looked up by type, message and action, never by position.

Examples
--------
>>> from symtrust import pbe
>>> from symtrust.catalog import beer_quiche
>>> eq = pbe(beer_quiche(), hybrid=False)[0]
>>> eq.label is PBELabel.POOLING, eq.sends("strong", "beer")
(True, 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result
from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import check_probability

__all__ = ["PBELabel", "PerfectBayesianEquilibrium"]


class PBELabel(StrEnum):
    """The shape of a perfect Bayesian equilibrium.

    Examples
    --------
    >>> [str(label) for label in PBELabel]
    ['separating', 'pooling', 'hybrid']
    """

    SEPARATING = "separating"
    POOLING = "pooling"
    HYBRID = "hybrid"


@dataclass(frozen=True, kw_only=True)
class PerfectBayesianEquilibrium(Result):
    """A perfect Bayesian equilibrium of a signaling game, with its conditions.

    ``value`` is the tuple of the sender's equilibrium payoffs by type and
    ``condition`` the existence condition on the parameters.

    Attributes
    ----------
    label : PBELabel
        Separating (types send distinct messages), pooling (all send one
        message) or hybrid (anything else, including mixing).
    sender : tuple
        Per type, the pairs ``(message, probability)`` it sends (look them
        up with :meth:`sends`).
    receiver : tuple
        Per message, the pairs ``(action, probability)`` played after it
        (look them up with :meth:`responds`).
    beliefs : tuple
        Per message, the pairs ``(type, belief)``: Bayes' rule on path, belief
        symbols off path (look them up with :meth:`belief`).
    off_path : tuple of str
        Messages no type sends.
    off_path_beliefs : sympy Boolean
        The beliefs (over the belief symbols) that support the equilibrium.
    mixing : tuple
        Pairs ``(symbol, closed form)`` of the solved mixing probabilities,
        for the record; :meth:`sends` and :meth:`responds` give them by type,
        message and action.
    mixing_condition : sympy Boolean
        Where each mixing probability lies strictly between 0 and 1.
    intuitive : sympy Boolean
        Where the equilibrium survives the Intuitive Criterion.
    """

    label: PBELabel = PBELabel.POOLING
    types: tuple = ()
    messages: tuple = ()
    actions: tuple = ()
    sender: tuple = ()
    receiver: tuple = ()
    beliefs: tuple = ()
    off_path: tuple = ()
    off_path_beliefs: Any = S.true
    mixing: tuple = ()
    mixing_condition: Any = S.true
    intuitive: Any = S.true

    def _index(self, name, among, what) -> int:
        if name not in among:
            raise ModelError(f"unknown {what} {name!r}; {what}s are {among}")
        return among.index(name)

    def sends(self, type_: str, message: str) -> sympy.Expr:
        """The probability that a sender type sends a message.

        Examples
        --------
        >>> from symtrust import interval, pbe
        >>> from symtrust.catalog import beer_quiche
        >>> p = interval("p", 0, 1, left_open=True, right_open=True)
        >>> hybrid = [e for e in pbe(beer_quiche(p)) if e.label == PBELabel.HYBRID][0]
        >>> hybrid.sends("weak", "beer"), hybrid.sends("strong", "quiche")
        (-(p - 1)/p, 0)
        """
        i = self._index(type_, self.types, "type")
        self._index(message, self.messages, "message")
        return dict(self.sender[i]).get(message, S.Zero)

    def responds(self, message: str, action: str) -> sympy.Expr:
        """The probability that the receiver plays an action after a message.

        Examples
        --------
        >>> from symtrust import pbe
        >>> from symtrust.catalog import beer_quiche
        >>> eq = pbe(beer_quiche(), hybrid=False)[0]
        >>> eq.responds("beer", "not"), eq.responds("quiche", "not")
        (1, 0)
        """
        j = self._index(message, self.messages, "message")
        self._index(action, self.actions, "action")
        return dict(self.receiver[j]).get(action, S.Zero)

    def belief(self, message: str, type_: str) -> sympy.Expr:
        """The receiver's belief in a type after a message.

        On path it follows Bayes' rule; off path it is a belief symbol
        (constrained by :attr:`off_path_beliefs`).

        Examples
        --------
        >>> from symtrust import pbe
        >>> from symtrust.catalog import beer_quiche
        >>> eq = pbe(beer_quiche(), hybrid=False)[0]
        >>> eq.belief("beer", "weak"), eq.belief("quiche", "weak")
        (1/10, mu_weak_quiche)
        """
        j = self._index(message, self.messages, "message")
        self._index(type_, self.types, "type")
        return dict(self.beliefs[j])[type_]

    @property
    def mixing_types(self) -> tuple:
        """The sender types that mix over messages.

        Examples
        --------
        >>> from symtrust import pbe
        >>> from symtrust.catalog import beer_quiche
        >>> pbe(beer_quiche(), hybrid=False)[0].mixing_types
        ()
        """
        return tuple(
            t for t, x in zip(self.types, self.sender, strict=True) if len(x) > 1
        )

    @property
    def is_pure(self) -> bool:
        """Whether both players use pure strategies."""
        return all(len(x) == 1 for x in (*self.sender, *self.receiver))

    @property
    def profile(self):
        """``(message per type, action per message)`` if pure, else None."""
        if not self.is_pure:
            return None
        return (
            tuple(x[0][0] for x in self.sender),
            tuple(x[0][0] for x in self.receiver),
        )

    def supported_by(self, beliefs) -> sympy.Basic:
        """Whether given off-path beliefs support the equilibrium.

        Parameters
        ----------
        beliefs : mapping
            Off-path message -> mapping type -> belief (exact numbers or
            expressions; each in [0, 1], summing to one).

        Returns
        -------
        sympy Boolean
            The off-path belief condition with these beliefs substituted:
            True, False, or a condition on the parameters.

        Raises
        ------
        ModelError
            A message that is on path, an unknown type, a belief outside
            [0, 1] or beliefs not summing to one.

        Examples
        --------
        >>> from fractions import Fraction
        >>> from symtrust import pbe
        >>> from symtrust.catalog import beer_quiche
        >>> eq = pbe(beer_quiche(), hybrid=False)[0]
        >>> eq.supported_by({"quiche": {"weak": Fraction(3, 4), "strong": Fraction(1, 4)}})
        True
        >>> eq.supported_by({"quiche": {"weak": Fraction(5, 4), "strong": Fraction(-1, 4)}})
        Traceback (most recent call last):
        ...
        symtrust.errors.ModelError: belief in 'weak' after 'quiche' is 5/4, outside [0, 1]
        """
        if not isinstance(beliefs, Mapping):
            raise ModelError(
                f"beliefs must map off-path messages to beliefs, got {beliefs!r}"
            )
        sub = {}
        by_message = dict(zip(self.messages, self.beliefs, strict=True))
        for m, belief in beliefs.items():
            if m not in self.off_path:
                raise ModelError(
                    f"message {m!r} is not off path (off-path messages: {self.off_path}); "
                    "on-path beliefs follow Bayes' rule"
                )
            if not isinstance(belief, Mapping) or set(belief) != set(self.types):
                raise ModelError(f"belief after {m!r} must give each type {self.types}")
            values = {
                t: check_probability(
                    v, f"belief in {t!r} after {m!r}", self.assumptions
                )
                for t, v in belief.items()
            }
            if sympy.expand(sum(values.values(), S.Zero) - 1) != 0:
                raise ModelError(
                    f"beliefs after {m!r} sum to {sum(values.values())}, not 1"
                )
            for t, sym in by_message[m][:-1]:
                sub[sym] = values[t]
        return self.off_path_beliefs.xreplace(sub)

    def display_rows(self):
        """Rows for the renderers."""

        def strat(pairs):
            return ", ".join(
                name if p == 1 else f"{name} w.p. {sympy.sstr(p)}" for name, p in pairs
            )

        rows = [(f"{self.label} PBE", "")]
        for t, pairs in zip(self.types, self.sender, strict=True):
            rows.append((f"type {t} sends", strat(pairs)))
        for m, pairs in zip(self.messages, self.receiver, strict=True):
            rows.append((f"after {m}", strat(pairs)))
        for m, pairs in zip(self.messages, self.beliefs, strict=True):
            if m not in self.off_path:
                rows.append((f"beliefs after {m}", sympy.Tuple(*[b for _, b in pairs])))
        if self.off_path:
            rows.append(("off-path beliefs", self.off_path_beliefs))
        for sym, value in self.mixing:
            rows.append((str(sym), value))
        rows.append(("sender payoffs", self.value))
        rows.append(("survives the Intuitive Criterion when", self.intuitive))
        return tuple(rows)
