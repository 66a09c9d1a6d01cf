"""Beliefs that make a receiver's action a best response, and whether any do.

After message ``m`` a receiver holding belief ``mu`` over the sender's types
prefers action ``a`` to ``a'`` iff

    sum_t mu(t) [u_R(t, m, a) - u_R(t, m, a')] >= 0.                      (1)

The beliefs that make ``a`` a best response form a polytope ``P(a)``: the
inequalities (1) for every ``a' != a`` intersected with the simplex over a set
of types ``S`` (``mu(t) >= 0``, ``sum mu = 1``). It is bounded, so it is empty
iff it has no vertex; a vertex of ``P(a)`` in dimension ``d = |S| - 1`` is the
solution of ``d`` of its inequalities held with equality that satisfies all
the others. With ``C x = -e`` the chosen equalities (coordinates ``x`` are the
beliefs of all but the last type of ``S``), Cramer's rule ``x = adj(C)(-e) /
det C`` turns "the vertex satisfies ``g(x) = c.x + e_g >= 0``" into the
polynomial condition ``(c . adj(C)(-e) + e_g det C) det C >= 0`` together with
``det C != 0``. The existence condition is the disjunction over choices: an
exact, quantifier-free condition on the parameters (vertex enumeration for
the existential belief, as in Fourier-Motzkin elimination, without case
splits on symbolic signs).

This is the off-path test of a perfect Bayesian equilibrium (Fudenberg and
Tirole 1991, ch. 8) and the best-response sets ``BR(S, m)`` of the Intuitive
Criterion (Cho and Kreps 1987).

Examples
--------
>>> from symtrust.catalog import beer_quiche
>>> g = beer_quiche()
>>> supportable(g, "quiche", "duel", g.types)
True
>>> supportable(g, "quiche", "duel", ("strong",))
False
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy
from sympy import S

from symtrust.core.names import fresh_name
from symtrust.core.parameters import probability
from symtrust.logic.polytope import vertex_exists

__all__ = [
    "belief_symbols",
    "best_response_gaps",
    "best_response_relations",
    "supportable",
]


def best_response_relations(game, message: str, action: str, weights) -> tuple:
    """The inequalities (1) for ``action`` against every other action.

    Parameters
    ----------
    game : SignalingGame
        The game.
    message : str
        The message observed.
    action : str
        The action to be a best response.
    weights : mapping type -> expression
        Belief (or unnormalised weights, e.g. prior times sending probability)
        over types; types left out have weight zero.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> from sympy import Symbol
    >>> q = Symbol("q")
    >>> best_response_relations(beer_quiche(), "beer", "duel",
    ...                         {"weak": q, "strong": 1 - q})
    (2*q - 1 >= 0,)
    """
    return tuple(
        sympy.Ge(d, 0) for d in best_response_gaps(game, message, action, weights)
    )


def best_response_gaps(game, message: str, action: str, weights) -> tuple:
    """The left sides of (1): expected gain of ``action`` over each other action.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> best_response_gaps(beer_quiche(), "beer", "duel", {"weak": 1})
    (1,)
    """
    out = []
    for other in game.actions:
        if other == action:
            continue
        diff = sum(
            (
                w * (game.u_R(t, message, action) - game.u_R(t, message, other))
                for t, w in weights.items()
            ),
            S.Zero,
        )
        out.append(sympy.expand(diff))
    return tuple(out)


def belief_symbols(game, message: str, taken: frozenset = frozenset()) -> tuple:
    """Belief symbols for an off-path message, one per type but the last.

    ``mu_<type>_<message>`` is the receiver's belief that the sender is of that
    type after the message; the last type has the complementary belief.
    Names clashing with ``taken`` (the game's parameter names) get a suffix.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> belief_symbols(beer_quiche(), "quiche")
    (mu_weak_quiche,)
    """
    taken = set(taken)
    out = []
    for t in game.types[:-1]:
        out.append(probability(fresh_name("mu", f"{t}_{message}", taken)))
    return tuple(out)


def supportable(game, message: str, action: str, types: Sequence[str]):
    """Whether some belief over ``types`` makes ``action`` a best response.

    Parameters
    ----------
    game : SignalingGame
        The game.
    message : str
        The message observed.
    action : str
        The receiver's action.
    types : sequence of str
        The types the belief may put weight on (nonempty).

    Returns
    -------
    sympy Boolean
        An exact condition on the parameters (not yet simplified under the
        assumptions): ``True``/``False`` when the payoffs are numbers.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> g = beer_quiche()
    >>> supportable(g, "beer", "not", ("weak",))
    False
    """
    types = tuple(types)
    d = len(types) - 1
    xs = sympy.symbols(f"x0:{d}", real=True) if d else ()
    weights = dict(zip(types[:-1], xs, strict=True))
    weights[types[-1]] = 1 - sum(xs, S.Zero)
    constraints = list(best_response_gaps(game, message, action, weights))
    if d == 0:
        return sympy.And(*[sympy.Ge(c, 0) for c in constraints])
    constraints.extend(weights[t] for t in types)
    return vertex_exists(constraints, xs)
