"""Ex-ante expected payoffs of a partition equilibrium (Crawford and Sobel 1982).

Before the state is drawn, each player's expected utility in an N-step
equilibrium is the sum over the intervals of its utility at the interval's
reply, integrated over the interval (the state is uniform on [0, 1]):

1. each interval's contribution, integrated in closed form;
2. the sum over i = 1..N, by ``sympy.summation`` (N may be a symbol).

More steps are better for both players where they exist: communication,
and with it trust, improves welfare.

Examples
--------
>>> import sympy
>>> from symtrust import positive
>>> from symtrust.games.cheap_talk.model import cheap_talk_game
>>> from symtrust.games.cheap_talk.partition import partition_equilibrium
>>> b = positive("b")
>>> ex_ante_payoffs(partition_equilibrium(cheap_talk_game(b), 1)).receiver
-1/12
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sympy

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.cheap_talk.partition import PartitionEquilibrium

__all__ = ["ExAntePayoffs", "ex_ante_payoffs"]


@dataclass(frozen=True, kw_only=True)
class ExAntePayoffs(Result):
    """Each player's expected utility in a partition equilibrium, before the state.

    Attributes
    ----------
    sender, receiver : sympy.Expr
        The ex-ante expected utilities.
    equilibrium : PartitionEquilibrium
    """

    sender: Any = None
    receiver: Any = None
    equilibrium: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (f"{self.kind}: sender", self.sender),
            ("receiver", self.receiver),
        )


def ex_ante_payoffs(equilibrium: PartitionEquilibrium) -> ExAntePayoffs:
    """The sender's and the receiver's ex-ante expected utilities.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.games.cheap_talk.model import cheap_talk_game
    >>> from symtrust.games.cheap_talk.partition import partition_equilibrium
    >>> eq = partition_equilibrium(cheap_talk_game(sympy.Rational(1, 20)), 2)
    >>> ex_ante_payoffs(eq).receiver
    -7/300
    """
    if not isinstance(equilibrium, PartitionEquilibrium):
        raise ModelError(
            "expected a PartitionEquilibrium (from partition_equilibrium), got "
            f"{type(equilibrium).__name__}"
        )
    return _payoffs(equilibrium)


@functools.lru_cache(maxsize=64)
def _payoffs(eq):
    game, i = eq.game, eq.index
    theta, y = game.state, game.action
    low, high = eq.boundary.subs(i, i - 1), eq.boundary
    values, steps = [], []
    for who, utility in (
        ("sender", game.sender_utility),
        ("receiver", game.receiver_utility),
    ):
        # the i-th interval's contribution (uniform density 1)
        piece = sympy.integrate(utility.subs(y, eq.reply), (theta, low, high))
        total = sympy.factor(sympy.summation(sympy.expand(piece), (i, 1, eq.size)))
        steps += [
            Step(f"{who}: interval i", piece, "integrate over [a_(i-1), a_i]"),
            Step(f"{who}: ex ante", total, "sum over i = 1..N"),
        ]
        values.append(total)
    return ExAntePayoffs(
        kind=f"ex-ante payoffs, {eq.size}-step equilibrium",
        value=sympy.Tuple(*values),
        condition=eq.condition,
        assumptions=eq.assumptions,
        steps=tuple(steps),
        sender=values[0],
        receiver=values[1],
        equilibrium=eq,
        game=game,
    )
