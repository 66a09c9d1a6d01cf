"""The Intuitive Criterion of Cho and Kreps (1987), as a condition.

Take an equilibrium with sender payoffs ``u*(t)`` and an off-path message
``m``. Write ``BR(S, m)`` for the receiver's actions that are best responses
to some belief over the set of types ``S``
(:func:`~symtrust.games.signaling._belief_sets.supportable`).

1. Type ``t`` is *equilibrium-dominated* at ``m`` iff
   ``u*(t) > max_{a in BR(Theta, m)} u_S(t, m, a)``; let ``J(m)`` be the set
   of such types.
2. The equilibrium *fails* the criterion at ``m`` iff ``J(m) != Theta`` and
   some type ``t' not in J(m)`` has
   ``min_{a in BR(Theta \\ J(m), m)} u_S(t', m, a) > u*(t')``.

With symbolic payoffs ``J(m)`` depends on the parameters, so the condition is
assembled over every candidate set ``J``: the equilibrium survives at ``m``
iff for each proper subset ``J`` of types, "``J(m) = J``" implies "not fails
with ``J``". Each "``a in BR``" is an exact existence condition, so the whole
is a quantifier-free condition on the parameters; it survives iff it survives
at every off-path message (on-path messages are not tested).

Examples
--------
>>> from symtrust.catalog import beer_quiche
>>> from sympy import Integer
>>> g = beer_quiche()
>>> pooled_on_quiche = {"weak": Integer(3), "strong": Integer(2)}
>>> intuitive_condition(g, pooled_on_quiche, ("beer",))
False
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import sympy

from symtrust.games.signaling._belief_sets import supportable

__all__ = ["intuitive_condition"]


def intuitive_condition(
    game, payoffs: Mapping, off_path: Sequence[str], *, cache: dict | None = None
):
    """The condition under which an equilibrium survives the Intuitive Criterion.

    Parameters
    ----------
    game : SignalingGame
        The game.
    payoffs : mapping type -> expression
        The sender's equilibrium payoff of each type.
    off_path : sequence of str
        The messages no type sends in the equilibrium.
    cache : dict, optional
        Memo for :func:`supportable`, keyed ``(message, action, types)``.

    Returns
    -------
    sympy Boolean
        Unsimplified; ``True`` when there is no off-path message.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> from sympy import Integer
    >>> pooled_on_beer = {"weak": Integer(2), "strong": Integer(3)}
    >>> intuitive_condition(beer_quiche(), pooled_on_beer, ("quiche",))
    True
    """
    cache = {} if cache is None else cache

    def br(m, a, types):
        key = (m, a, frozenset(types))
        if key not in cache:
            cache[key] = supportable(
                game, m, a, tuple(t for t in game.types if t in types)
            )
        return cache[key]

    theta = game.types
    survives = []
    for m in off_path:
        # step 1: types for which m is equilibrium-dominated
        dominated = {
            t: sympy.And(
                *[
                    sympy.Or(sympy.Not(br(m, a, theta)), payoffs[t] > game.u_S(t, m, a))
                    for a in game.actions
                ]
            )
            for t in theta
        }
        # step 2: for each candidate J(m), no undominated type strictly gains
        for size in range(len(theta)):
            for J in itertools.combinations(theta, size):
                rest = tuple(t for t in theta if t not in J)
                is_J = sympy.And(
                    *[dominated[t] for t in J],
                    *[sympy.Not(dominated[t]) for t in rest],
                )
                fails = sympy.Or(
                    *[
                        sympy.And(
                            *[
                                sympy.Or(
                                    sympy.Not(br(m, a, rest)),
                                    game.u_S(t2, m, a) > payoffs[t2],
                                )
                                for a in game.actions
                            ]
                        )
                        for t2 in rest
                    ]
                )
                survives.append(sympy.Or(sympy.Not(is_J), sympy.Not(fails)))
    return sympy.And(*survives)
