"""Assessments: behaviour strategies with beliefs at every information set.

An *assessment* (Kreps and Wilson 1982) is a behaviour profile together with
a belief at every information set, a probability distribution over its
members. A perfect Bayesian equilibrium's beliefs follow Bayes' rule on the
path of play; off the path they are free, and the result describes the set
of off-path beliefs that support it, as a condition on belief symbols
``mu_<member path>`` (the belief that play is at that member; the last
member of a set takes the remainder).

Examples
--------
>>> from symtrust import extensive_pbe
>>> from symtrust.catalog import beer_quiche
>>> from symtrust.games.extensive import game_tree
>>> eq = extensive_pbe(game_tree(beer_quiche()), hybrid=False)[0]
>>> eq.action("sender weak"), eq.action("receiver after quiche")
('beer', 'duel')
>>> eq.off_path_beliefs
mu_weak_quiche >= 1/2
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result
from symtrust.errors import ModelError
from symtrust.games.extensive.equilibrium import describe_profile

__all__ = ["Assessment"]


@dataclass(frozen=True, kw_only=True)
class Assessment(Result):
    """A perfect Bayesian equilibrium of a tree: behaviour, beliefs, conditions.

    ``value`` is the vector of expected payoffs and ``condition`` the
    existence condition on the parameters.

    Attributes
    ----------
    infosets : tuple of str
        Information-set labels, in the game's order.
    actions : tuple of tuple of str
        Each set's actions.
    behaviour : tuple
        Per set, probabilities aligned with its actions.
    beliefs : tuple
        Per set, pairs ``(member path, belief)``: Bayes' rule on path, belief
        symbols off path.
    off_path : tuple of str
        The sets reached with probability zero.
    off_path_beliefs : sympy Boolean
        The off-path beliefs (over the belief symbols) that support it.
    mixing : tuple
        Pairs ``(symbol, closed form)`` of the mixing probabilities.
    mixing_condition : sympy Boolean
        Where each mixing probability lies strictly inside (0, 1).
    payoffs : tuple
        Expected payoffs, in the game's player order.
    """

    infosets: tuple = ()
    actions: tuple = ()
    behaviour: tuple = ()
    beliefs: tuple = ()
    off_path: tuple = ()
    off_path_beliefs: Any = S.true
    mixing: tuple = ()
    mixing_condition: Any = S.true
    payoffs: tuple = ()

    def _index(self, infoset: str) -> int:
        if infoset not in self.infosets:
            raise ModelError(
                f"no information set {infoset!r}; they are {self.infosets}"
            )
        return self.infosets.index(infoset)

    @property
    def is_pure(self) -> bool:
        """Whether every set's behaviour is a single action."""
        return all(sum(1 for p in b if p != 0) == 1 for b in self.behaviour)

    @property
    def profile(self) -> tuple:
        """``(label, action)`` per information set, for a pure assessment."""
        if not self.is_pure:
            raise ModelError("a mixed assessment has no pure profile; see .behaviour")
        return tuple((label, self.action(label)) for label in self.infosets)

    def action(self, infoset: str):
        """The action at a set (pure), else the mapping action -> probability."""
        k = self._index(infoset)
        b = self.behaviour[k]
        if sum(1 for p in b if p != 0) == 1:
            return self.actions[k][[p != 0 for p in b].index(True)]
        return dict(zip(self.actions[k], b, strict=True))

    def belief(self, infoset: str) -> dict:
        """The belief at a set: member path -> probability (or belief symbol)."""
        return dict(self.beliefs[self._index(infoset)])

    def region_labels(self) -> tuple:
        """The region map protocol: the behaviour and where it is an equilibrium.

        Examples
        --------
        >>> from symtrust import extensive_pbe
        >>> from symtrust.catalog import beer_quiche
        >>> from symtrust.games.extensive import game_tree
        >>> eq = extensive_pbe(game_tree(beer_quiche()), hybrid=False)[0]
        >>> eq.region_labels()[0][0].split(";")[0]
        'perfect Bayesian equilibrium sender weak: beer'
        """
        moves = describe_profile(self.infosets, self.actions, self.behaviour)
        return ((f"{self.kind} {moves}", self.condition),)

    def display_rows(self):
        """Rows for the renderers."""
        moves = describe_profile(self.infosets, self.actions, self.behaviour)
        rows = [(self.kind, moves)]
        for label, pairs in zip(self.infosets, self.beliefs, strict=True):
            if len(pairs) > 1 and label not in self.off_path:
                rows.append(
                    (f"beliefs at {label}", sympy.Tuple(*[b for _, b in pairs]))
                )
        if self.off_path:
            rows.append(("off-path beliefs", self.off_path_beliefs))
        for sym, value in self.mixing:
            rows.append((str(sym), value))
        rows.append(("payoffs", sympy.Tuple(*self.payoffs)))
        return tuple(rows)
