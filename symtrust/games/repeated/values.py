"""Discounted values of a strategy profile, by its linear value equations.

For a joint automaton with states :math:`s`, profile :math:`a(s)` and
transition :math:`\\tau(s, a)`, the value of following it from state
:math:`s` is, for each player :math:`i`,

.. math:: V_i(s) = u_i(a(s)) + \\delta\\, V_i(\\tau(s, a(s))),

a linear system :math:`(I - \\delta M) V_i = u_i` with :math:`M` the 0/1
matrix of the followed transitions. For :math:`0 < \\delta < 1` the matrix
:math:`I - \\delta M` is strictly diagonally dominant, hence invertible, and
the system is solved exactly by SymPy (LU decomposition over the rational
functions in :math:`\\delta` and the payoffs). The value of a *one-shot
deviation* of player :math:`i` to :math:`b` in state :math:`s` is
:math:`u_i(b, a_{-i}(s)) + \\delta V_i(\\tau(s, (b, a_{-i}(s))))`.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated.automaton import strategy_profile
>>> from symtrust.games.repeated.model import repeated_game
>>> from symtrust.games.repeated.strategies import grim_trigger
>>> g = repeated_game(prisoners_dilemma())
>>> v = state_values(g, strategy_profile(g, grim_trigger()))
>>> v["(C, C)"][0]
R/(1 - delta)
"""

from __future__ import annotations

import sympy

from symtrust.errors import ModelError
from symtrust.games.repeated.automaton import Automaton

__all__ = ["deviation_value", "path_values", "state_values", "tidy"]


def _check(game, profile):
    if not isinstance(profile, Automaton):
        raise ModelError(
            f"the strategy profile must be an Automaton (strategy_profile(...), "
            f"automaton(...)), got {type(profile).__name__}"
        )
    if profile.stage.actions != game.stage.actions:
        raise ModelError(
            f"the automaton plays the actions {profile.stage.actions}, the repeated "
            f"game's stage game has {game.stage.actions}"
        )


def state_values(game, profile) -> dict:
    """Each state's discounted value of following the profile, per player.

    Parameters
    ----------
    game : RepeatedGame
    profile : Automaton

    Returns
    -------
    dict
        State name -> tuple of the players' values (exact rational functions).

    Examples
    --------
    >>> import sympy
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.automaton import strategy_profile
    >>> from symtrust.games.repeated.model import repeated_game
    >>> from symtrust.games.repeated.strategies import tit_for_tat
    >>> g = repeated_game(prisoners_dilemma(), sympy.Rational(1, 2))
    >>> state_values(g, strategy_profile(g, tit_for_tat()))["(D, C)"]
    (2*S/3 + 4*T/3, 4*S/3 + 2*T/3)
    """
    _check(game, profile)
    columns = [
        path_values(game, profile, profile.play, i)
        for i in range(len(game.stage.players))
    ]
    return {
        name: tuple(tidy(col[s]) for col in columns)
        for s, name in enumerate(profile.states)
    }


def path_values(game, profile, plays, player):
    """One player's value in each state when ``plays[s]`` is played in state s.

    The automaton's transitions are followed; the linear system
    :math:`(I - \\delta M) V = u` (module docstring) is solved by LU
    decomposition. :func:`state_values` plays the profile itself; a
    stationary deviation policy plays other action profiles.

    Returns
    -------
    sympy.Matrix
        The column of values, states in the automaton's order (not tidied).

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.automaton import strategy_profile
    >>> from symtrust.games.repeated.model import repeated_game
    >>> from symtrust.games.repeated.strategies import grim_trigger
    >>> g = repeated_game(prisoners_dilemma())
    >>> a = strategy_profile(g, grim_trigger())
    >>> tidy(path_values(g, a, a.play, 0)[0])
    R/(1 - delta)
    """
    stage, n = game.stage, len(profile.states)
    # (I - delta M) V = u, M the transitions of the played profiles
    system = sympy.eye(n)
    for s in range(n):
        system[s, profile.moves[s][stage._flat_index(plays[s])]] -= game.delta
    rhs = sympy.Matrix([stage.utility(player, plays[s]) for s in range(n)])
    return system.LUsolve(rhs)


def tidy(expr):
    """A rational function in lowest terms, its denominator's lead positive.

    Examples
    --------
    >>> import sympy
    >>> R, d = sympy.symbols("R delta")
    >>> tidy(R / (1 - d) - R)
    R*delta/(1 - delta)
    """
    num, den = sympy.fraction(sympy.cancel(sympy.together(expr)))
    num, den = sympy.expand(num), sympy.expand(den)
    # denominators come from I - delta M: positive where delta is 0
    at_zero = den.xreplace({s: 0 for s in den.free_symbols})
    if at_zero.is_number and at_zero < 0:
        num, den = -num, -den
    if den == 1:
        return num
    return num / den


def deviation_value(game, profile, values, state, player, action):
    """Player's value of playing ``action`` once in ``state``, then following.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.automaton import strategy_profile
    >>> from symtrust.games.repeated.model import repeated_game
    >>> from symtrust.games.repeated.strategies import grim_trigger
    >>> g = repeated_game(prisoners_dilemma())
    >>> a = strategy_profile(g, grim_trigger())
    >>> deviation_value(g, a, state_values(g, a), "(C, C)", 0, "D")
    (P*delta - T*delta + T)/(1 - delta)
    """
    stage = game.stage
    i = stage.player_index(player)
    prof = list(profile.action_profile(state))
    prof[i] = action
    prof = tuple(prof)
    nxt = profile.next_state(state, prof)
    return tidy(stage.utility(i, prof) + game.delta * values[nxt][i])
