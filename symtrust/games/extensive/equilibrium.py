"""Result values of the tree solvers: equilibria as profiles over information sets.

A profile assigns to each information set a probability for each action
(pure: one action with probability one); an entry left free (None) means the
equilibrium holds whatever is played there (an information set the
equilibrium's own moves exclude, where subgame perfection says nothing).

Examples
--------
>>> import sympy
>>> eq = SubgamePerfectEquilibrium(
...     kind="subgame-perfect equilibrium", value=sympy.Tuple(1, 1),
...     infosets=("A@root",), actions=(("x", "y"),),
...     behaviour=((sympy.S.One, sympy.S.Zero),), play=((("x",), sympy.S.One),),
...     payoffs=(1, 1))
>>> eq.profile, eq.path
((('A@root', 'x'),), ('x',))
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symtrust.core.result import Result
from symtrust.errors import ModelError
from symtrust.games.extensive.model import path_name

__all__ = [
    "OutcomeRegion",
    "SubgamePerfectEquilibrium",
    "describe_behaviour",
    "describe_profile",
]


def describe_behaviour(actions, probs) -> str:
    """One information set's behaviour as text (``"x"``, ``"x w.p. 1/3, y ..."``).

    Examples
    --------
    >>> import sympy
    >>> describe_behaviour(("x", "y"), (1, 0)), describe_behaviour(("x", "y"), None)
    ('x', 'any')
    """
    if probs is None:
        return "any"
    support = [(a, p) for a, p in zip(actions, probs, strict=True) if p != 0]
    if len(support) == 1 and support[0][1] == 1:
        return support[0][0]
    return ", ".join(f"{a} w.p. {sympy.sstr(p)}" for a, p in support)


def describe_profile(infosets, actions, behaviour) -> str:
    """A whole profile as text: each set's label and behaviour, ``"; "``-joined.

    Examples
    --------
    >>> import sympy
    >>> describe_profile(("A@root", "B@x"), (("x", "y"), ("l", "r")),
    ...                  ((1, 0), (sympy.Rational(1, 3), sympy.Rational(2, 3))))
    'A@root: x; B@x: l w.p. 1/3, r w.p. 2/3'
    """
    return "; ".join(
        f"{label}: {describe_behaviour(acts, b)}"
        for label, acts, b in zip(infosets, actions, behaviour, strict=True)
    )


@dataclass(frozen=True, kw_only=True)
class SubgamePerfectEquilibrium(Result):
    """A subgame-perfect equilibrium and the region where it holds.

    ``value`` is the payoff vector; ``condition`` the region.

    Attributes
    ----------
    infosets : tuple of str
        Information-set labels, in the game's order.
    actions : tuple of tuple of str
        Each set's actions.
    behaviour : tuple
        Per set, probabilities aligned with its actions, or None (free).
    play : tuple of (path, probability)
        The leaves reached, each with its probability.
    payoffs : tuple
        Expected payoffs, in the game's player order.
    tie : bool
        Whether the region is a tie of some mover's payoffs (several
        equilibria share it).
    """

    infosets: tuple = ()
    actions: tuple = ()
    behaviour: tuple = ()
    play: tuple = ()
    payoffs: tuple = ()
    tie: bool = False

    @property
    def is_pure(self) -> bool:
        """Whether every set's behaviour is one action (or free)."""
        return all(
            b is None or sum(1 for p in b if p != 0) == 1 for b in self.behaviour
        )

    @property
    def profile(self) -> tuple:
        """``(label, action)`` per information set for a pure equilibrium (action None where free)."""
        if not self.is_pure:
            raise ModelError("a mixed equilibrium has no pure profile; see .behaviour")
        out = []
        for label, acts, b in zip(
            self.infosets, self.actions, self.behaviour, strict=True
        ):
            out.append(
                (label, None if b is None else acts[[p != 0 for p in b].index(True)])
            )
        return tuple(out)

    def action(self, infoset: str):
        """The behaviour at an information set: an action, or the probabilities."""
        if infoset not in self.infosets:
            raise ModelError(
                f"no information set {infoset!r}; they are {self.infosets}"
            )
        k = self.infosets.index(infoset)
        b = self.behaviour[k]
        if b is None:
            return None
        if sum(1 for p in b if p != 0) == 1:
            return self.actions[k][[p != 0 for p in b].index(True)]
        return dict(zip(self.actions[k], b, strict=True))

    @property
    def path(self) -> tuple:
        """The actions along the equilibrium path (when play is deterministic)."""
        if len(self.play) != 1:
            raise ModelError(
                "play reaches several leaves (nature or mixing moves); see .play"
            )
        return self.play[0][0]

    def region_labels(self) -> tuple:
        """The region map protocol: this equilibrium's profile and where it holds.

        Examples
        --------
        >>> from symtrust import game_tree, real, spe
        >>> from symtrust.games.extensive import decision
        >>> x = real("x")
        >>> eq = spe(game_tree(decision("A", {"l": (x,), "r": (0,)})))[0]
        >>> eq.region_labels()
        (('subgame-perfect equilibrium A@root: l', x > 0),)
        """
        moves = describe_profile(self.infosets, self.actions, self.behaviour)
        tie = " (tie)" if self.tie else ""
        return ((f"{self.kind}{tie} {moves}", self.condition),)

    def display_rows(self):
        """Rows for the renderers."""
        moves = describe_profile(self.infosets, self.actions, self.behaviour)
        if len(self.play) == 1:
            reached = path_name(self.play[0][0])
        else:
            reached = ", ".join(
                f"{path_name(p)} ({sympy.sstr(q)})" for p, q in self.play
            )
        rows = [(self.kind + (" (tie)" if self.tie else ""), moves), ("play", reached)]
        rows.append(("payoffs", sympy.Tuple(*self.payoffs)))
        return tuple(rows)


@dataclass(frozen=True, kw_only=True)
class OutcomeRegion(Result):
    """Where some subgame-perfect equilibrium leads to a given play.

    Attributes
    ----------
    play : tuple of (path, probability)
    payoffs : tuple
    """

    play: tuple = ()
    payoffs: tuple = ()

    @property
    def path(self) -> tuple:
        """The actions along the path (when play is deterministic)."""
        if len(self.play) != 1:
            raise ModelError("play reaches several leaves; see .play")
        return self.play[0][0]

    def display_rows(self):
        """Rows for the renderers."""
        reached = ", ".join(
            path_name(p) if q == 1 else f"{path_name(p)} ({sympy.sstr(q)})"
            for p, q in self.play
        )
        return ((self.kind, reached), ("payoffs", sympy.Tuple(*self.payoffs)))

    def region_labels(self) -> tuple:
        """The region map protocol: the play and where some equilibrium leads to it.

        Examples
        --------
        >>> from symtrust import game_tree, real
        >>> from symtrust.games.extensive import backward_induction, decision
        >>> x = real("x")
        >>> [o.region_labels() for o in backward_induction(
        ...     game_tree(decision("A", {"l": (x,), "r": (0,)})))]
        [(('subgame-perfect outcome l', x >= 0),), (('subgame-perfect outcome r', x <= 0),)]
        """
        reached = ", ".join(
            path_name(p) if q == 1 else f"{path_name(p)} ({sympy.sstr(q)})"
            for p, q in self.play
        )
        return ((f"{self.kind} {reached}", self.condition),)
