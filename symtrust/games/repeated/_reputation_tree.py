"""The explicit game tree of a reputation game with a numeric horizon.

Nature draws the informed player's type (committed with the prior p); in
each period k a new uninformed player ``<uninformed> k`` engages or stays
out at an information set holding both types' nodes after the same public
history; the normal type then chooses between the committed and the
opportunistic action, the committed type always takes the committed one.
Each uninformed player is paid its own period's stage payoff, the informed
player the sum over the periods. Built with the extensive-form family
(:func:`~symtrust.games.extensive.game_tree`), for the twin.

Public histories are strings over ``S`` (stayed out), ``C`` (engaged, the
committed action) and ``O`` (engaged, the opportunistic action).

Examples
--------
>>> import sympy
>>> from symtrust.games.repeated._reputation_model import chain_store
>>> tree = reputation_tree(chain_store(2, prior=sympy.Rational(1, 10), a=2,
...                                    b=sympy.Rational(1, 2)))
>>> tree.players
('entrant 1', 'entrant 2', 'incumbent')
>>> len(tree.infosets)
8
"""

from __future__ import annotations

from sympy import S

from symtrust.errors import ModelError
from symtrust.games.extensive.builder import game_tree
from symtrust.games.extensive.model import ExtensiveGame
from symtrust.games.extensive.nodes import chance, decision

__all__ = ["MAX_PERIODS", "normal_label", "reputation_tree", "uninformed_label"]

#: The longest horizon the twin writes out (3^n public histories per type).
MAX_PERIODS = 5


def uninformed_label(game, k: int, history: str) -> str:
    """The information set of period k's uninformed player after a history."""
    return f"{game.uninformed} {k} after {history or 'start'}"


def normal_label(history: str) -> str:
    """The normal type's decision after a public history (and its engagement)."""
    return f"normal type after {history or 'start'}"


def _stage(game):
    (u_out, u_c, u_o), (v_out, v_c, v_o) = (
        game.uninformed_payoffs,
        game.informed_payoffs,
    )
    return {"S": (u_out, v_out), "C": (u_c, v_c), "O": (u_o, v_o)}


def _after(game, kind, history, pay, outcome, stage):
    n = game.periods
    k = len(history) + 1
    vec = list(pay)
    u, v = stage[outcome]
    vec[k - 1] += u
    vec[n] += v
    return _period(game, kind, history + outcome, tuple(vec), stage)


def _period(game, kind, history, pay, stage):
    n = game.periods
    k = len(history) + 1
    if k > n:
        return pay
    if kind == "committed":
        engaged = _after(game, kind, history, pay, "C", stage)
    else:
        engaged = decision(
            game.informed,
            {
                game.committed: _after(game, kind, history, pay, "C", stage),
                game.opportunistic: _after(game, kind, history, pay, "O", stage),
            },
            info=normal_label(history),
        )
    return decision(
        f"{game.uninformed} {k}",
        {game.engage: engaged, game.stay: _after(game, kind, history, pay, "S", stage)},
        info=uninformed_label(game, k, history),
    )


def reputation_tree(game) -> ExtensiveGame:
    """The reputation game with a numeric horizon, written out as a tree.

    Raises
    ------
    ModelError
        A symbolic horizon, or one beyond :data:`MAX_PERIODS`.
    """
    n = game.periods
    if not isinstance(n, int) or n > MAX_PERIODS:
        raise ModelError(
            f"the tree is written out for a numeric horizon up to {MAX_PERIODS}, "
            f"got periods={n}"
        )
    stage = _stage(game)
    zero = tuple(S.Zero for _ in range(n + 1))
    players = (*(f"{game.uninformed} {k}" for k in range(1, n + 1)), game.informed)
    root = chance(
        {
            "committed": (game.prior, _period(game, "committed", "", zero, stage)),
            "normal": (1 - game.prior, _period(game, "normal", "", zero, stage)),
        }
    )
    return game_tree(
        root,
        players=players,
        assumptions=game.assumptions.conditions,
        name=f"{game.name} over {n} periods",
    )
