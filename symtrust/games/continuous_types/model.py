"""A two-player game with continuous own-type payoffs, ready for cutoff analysis.

Player ``i``'s payoffs in a :class:`~symtrust.games.normal_form.model.NormalFormGame`
may involve its own type symbol ``t_i``; each type has a
:class:`~symtrust.games.continuous_types.distributions.ContinuousType`. :func:`cutoff_game`
validates the pairing (two players, two actions each, a player's payoffs free
of the other's type) and collects the parameters' assumptions; the gain of
cooperating ``Delta_i(t, p)`` (Kydd 2005, chapter 2) is computed here, solved
in :mod:`symtrust.games.continuous_types.cutoffs`.

Examples
--------
>>> from symtrust import bimatrix, real, uniform
>>> t1, t2, p = real("t_1 t_2 p")
>>> g = cutoff_game(bimatrix([[1, -2], [t1, -1]], [[1, t2], [-2, -1]]),
...                 {t1: uniform(0, 2), t2: uniform(0, 2)})
>>> g.gain(1, t2, p)
-p*t_2 + 2*p - 1
>>> is_symmetric(g)
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy

from symtrust.core.assumptions import Assumptions
from symtrust.errors import ModelError
from symtrust.games.continuous_types.distributions import ContinuousType
from symtrust.games.normal_form.model import NormalFormGame, substitute_point
from symtrust.logic.assumptions import build_assumptions

__all__ = ["CutoffGame", "cutoff_game", "is_symmetric"]


@dataclass(frozen=True)
class CutoffGame:
    """A two-player game with continuous own-type payoffs, ready for cutoffs.

    Attributes
    ----------
    game : NormalFormGame
        Payoffs of player ``i`` may involve its own type symbol only.
    types : tuple of (Symbol, ContinuousType)
        Each player's type symbol and distribution, in player order.
    cooperate : tuple of str
        Each player's cooperative action (played by types below the cutoff).
    assumptions : Assumptions
        The parameters' assumptions (type symbols excluded).
    """

    game: NormalFormGame
    types: tuple
    cooperate: tuple
    assumptions: Assumptions

    @property
    def defect(self) -> tuple:
        """Each player's other action.

        Examples
        --------
        >>> from symtrust import bimatrix, real, uniform
        >>> t1, t2 = real("t_1 t_2")
        >>> g = cutoff_game(bimatrix([[1, -2], [t1, -1]], [[1, t2], [-2, -1]]),
        ...                 {t1: uniform(0, 2), t2: uniform(0, 2)})
        >>> g.cooperate, g.defect
        (('C', 'C'), ('D', 'D'))
        >>> g.utility(1, "D", "C")
        t_2
        """
        return tuple(
            next(a for a in acts if a != c)
            for acts, c in zip(self.game.actions, self.cooperate, strict=True)
        )

    def utility(self, i: int, own: str, other: str) -> sympy.Expr:
        """Player ``i``'s payoff when it plays ``own`` and the other ``other``."""
        profile = (own, other) if i == 0 else (other, own)
        return self.game.utility(i, profile)

    def gain(self, i: int, t, p) -> sympy.Expr:
        """``Delta_i(t, p)``: expected gain of cooperating over defecting.

        Examples
        --------
        >>> from symtrust import bimatrix, real, uniform
        >>> t1, t2, p = real("t_1 t_2 p")
        >>> g = cutoff_game(bimatrix([[1, -2], [t1, -1]], [[1, t2], [-2, -1]]),
        ...                 {t1: uniform(0, 2), t2: uniform(0, 2)})
        >>> g.gain(0, t1, p)
        -p*t_1 + 2*p - 1
        """
        C, D = self.cooperate[i], self.defect[i]
        Cj, Dj = self.cooperate[1 - i], self.defect[1 - i]
        sym = self.types[i][0]
        u = {
            (a, b): self.utility(i, a, b).xreplace({sym: t})
            for a in (C, D)
            for b in (Cj, Dj)
        }
        return sympy.expand(p * (u[C, Cj] - u[D, Cj]) + (1 - p) * (u[C, Dj] - u[D, Dj]))

    @property
    def parameters(self) -> frozenset:
        """The parameters of the game, the distributions and the assumptions.

        The type variables are not parameters: they are drawn by nature, and
        a point never fixes them.
        """
        out = set(self.game.parameters) | set(self.assumptions.symbols)
        for _, dist in self.types:
            out |= dist.parameters
        return frozenset(out - {s for s, _ in self.types})

    def subs(self, point, *, strict: bool = True) -> CutoffGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        The point is validated as in :meth:`NormalFormGame.subs
        <symtrust.games.normal_form.model.NormalFormGame.subs>`; the game,
        both distributions and the assumptions are substituted.

        Examples
        --------
        >>> from symtrust import bimatrix, positive, real, uniform
        >>> t1, t2 = real("t_1 t_2")
        >>> b = positive("b")
        >>> g = cutoff_game(bimatrix([[b, -2], [t1, -1]], [[b, t2], [-2, -1]]),
        ...                 {t1: uniform(0, 2), t2: uniform(0, 2)})
        >>> g.subs({b: 1}).utility(0, "C", "C")
        1
        >>> g.subs({b: -1})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: b = -1 is outside the domain of b: b must lie in (0, oo)
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )

        def own(params):
            return {k: v for k, v in point.items() if k in params}

        # each part gets its own parameters, validated as strictly as this game
        return CutoffGame(
            self.game.subs(own(self.game.parameters), strict=strict),
            tuple((s, d.subs(own(d.parameters), strict=strict)) for s, d in self.types),
            self.cooperate,
            assume,
        )


def cutoff_game(game, types, *, cooperate=None, assumptions=()) -> CutoffGame:
    """Validate a two-player game with continuous types for cutoff analysis.

    Parameters
    ----------
    game : NormalFormGame
        Two players, two actions each.
    types : Mapping or sequence of pairs
        ``{t_1: F_1, t_2: F_2}`` in player order: each player's type symbol
        (as it appears in its payoffs) and its :class:`ContinuousType`.
    cooperate : tuple of str, optional
        Each player's cooperative action; default: each player's first action.
    assumptions : iterable of Boolean, optional
        Extra relations on parameters, added to the game's and distributions'.

    Raises
    ------
    ModelError
        Wrong shapes, a type symbol in the other player's payoffs, or an
        unknown action.

    Examples
    --------
    >>> from symtrust import bimatrix, real, uniform
    >>> t1, t2 = real("t_1 t_2")
    >>> g = bimatrix([[1, t2], [t1, 0]], [[1, t2], [t1, 0]])
    >>> cutoff_game(g, {t1: uniform(0, 2), t2: uniform(0, 2)})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: payoffs of player 'row' involve t_2, the type of player 'column'; a player's payoffs may depend on its own type only
    """
    if not isinstance(game, NormalFormGame):
        raise ModelError(f"game must be a NormalFormGame, got {type(game).__name__}")
    if len(game.players) != 2 or any(len(a) != 2 for a in game.actions):
        raise ModelError(
            f"cutoff equilibria need two players with two actions each; "
            f"the game has actions {game.actions}"
        )
    pairs = tuple(types.items()) if isinstance(types, Mapping) else tuple(types)
    if len(pairs) != 2 or not all(isinstance(p, tuple) and len(p) == 2 for p in pairs):
        raise ModelError(
            f"types={types!r} must give two (type symbol, distribution) pairs"
        )
    for sym, dist in pairs:
        if not isinstance(sym, sympy.Symbol):
            raise ModelError(f"type {sym!r} must be a SymPy symbol")
        if not isinstance(dist, ContinuousType):
            raise ModelError(
                f"distribution of {sym} is {dist!r}; expected a ContinuousType "
                "(uniform(...) or ContinuousType.build(...))"
            )
    if pairs[0][0] == pairs[1][0]:
        raise ModelError(f"both players have the type symbol {pairs[0][0]}")
    cooperate = tuple(a[0] for a in game.actions) if cooperate is None else cooperate
    if len(cooperate) != 2:
        raise ModelError(f"cooperate={cooperate!r} must name one action per player")
    for i, c in enumerate(cooperate):
        game.action_index(i, c)
    # a player's payoffs involve only its own type
    for i in range(2):
        other = pairs[1 - i][0]
        for profile in game.profiles():
            if other in game.utility(i, profile).free_symbols:
                raise ModelError(
                    f"payoffs of player {game.players[i]!r} involve {other}, the "
                    f"type of player {game.players[1 - i]!r}; a player's payoffs "
                    "may depend on its own type only"
                )
    type_syms = {pairs[0][0], pairs[1][0]}
    kept = [c for c in game.assumptions if not (c.free_symbols & type_syms)]
    for _, dist in pairs:
        kept.extend(dist.assumptions.conditions)
    if isinstance(assumptions, sympy.Basic):
        assumptions = (assumptions,)
    kept.extend(getattr(assumptions, "conditions", assumptions))
    assume = build_assumptions(tuple(dict.fromkeys(kept)))
    return CutoffGame(game, pairs, tuple(cooperate), assume)


def is_symmetric(g: CutoffGame) -> bool:
    """Whether exchanging the players (and their types) leaves the game unchanged."""
    (t1, F1), (t2, F2) = g.types
    swap = {t1: t2, t2: t1}
    C, D = g.cooperate, g.defect
    for a, b in ((0, 0), (0, 1), (1, 0), (1, 1)):
        u1 = g.utility(0, (C[0], D[0])[a], (C[1], D[1])[b])
        u2 = g.utility(1, (C[1], D[1])[a], (C[0], D[0])[b])
        if sympy.expand(u1.xreplace(swap) - u2) != 0:
            return False
    x = sympy.Dummy("x")
    return (
        F1.lower == F2.lower
        and F1.upper == F2.upper
        and sympy.cancel(F1.cdf.subs(F1.variable, x) - F2.cdf.subs(F2.variable, x)) == 0
    )
