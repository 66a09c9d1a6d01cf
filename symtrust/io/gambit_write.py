"""Writing symtrust games as Gambit ``.efg`` and ``.nfg`` files, through pygambit.

Gambit's formats hold numbers: a game with numeric payoffs is written as it
is, a symbolic one at a ``point`` (each parameter given an exact value).
Gambit reads the text back as the same game (same players, moves,
information sets, outcome labels, exact fractions); a tree's ``.nfg`` is
its reduced strategic form, as Gambit computes it.

Examples
--------
>>> from symtrust import game_tree, real
>>> from symtrust.games.extensive import decision
>>> x = real("x")
>>> g = game_tree(decision("A", {"l": (x, 0), "r": (0, 1)}), players=("A", "B"))
>>> write_efg(g, point={x: 2}).splitlines()[4]
't "" 1 "l" { 2, 0 }'
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path

from symtrust.errors import ModelError
from symtrust.games.extensive.model import ExtensiveGame, path_name
from symtrust.games.normal_form.model import NormalFormGame, as_payoff
from symtrust.io._pygambit import gbt as _gbt

__all__ = ["to_pygambit", "write_efg", "write_gambit", "write_nfg"]


def _number(value, point, what) -> Fraction:
    expr = value.xreplace(point) if point and hasattr(value, "xreplace") else value
    expr = as_payoff(expr, what)
    if expr.free_symbols:
        raise ModelError(
            f"{what} is {expr}, which has the symbols {sorted(map(str, expr.free_symbols))}: "
            "Gambit files hold numbers; give point={...} to write the game at a point"
        )
    if not expr.is_Rational:
        raise ModelError(
            f"{what} is {expr}, not a rational number (Gambit stores rationals)"
        )
    return Fraction(int(expr.p), int(expr.q))


def _point(point) -> dict:
    if point is None:
        return {}
    if not isinstance(point, Mapping):
        raise ModelError(f"point must map symbols to values, got {point!r}")
    return {k: as_payoff(v, f"the value of {k}") for k, v in point.items()}


def _label(g_obj, text, what):
    try:
        g_obj.label = text
    except ValueError as exc:
        raise ModelError(f"Gambit refuses the {what} label {text!r}: {exc}") from None


def to_pygambit(game, *, point=None):
    """The game as a pygambit ``Game`` (numbers only: substitute a ``point``).

    Parameters
    ----------
    game : ExtensiveGame or NormalFormGame
    point : mapping, optional
        Exact values of the parameters, for a symbolic game.

    Raises
    ------
    ModelError
        A payoff or probability that is still symbolic (or not rational) at
        the point, or a label Gambit refuses.

    Examples
    --------
    >>> import pygambit
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = to_pygambit(game_tree(decision("A", {"x": decision("B", {"l": (1, 2),
    ...     "r": (0, 0)}), "y": (2, 1)})))
    >>> [len(eq.game.players) for eq in pygambit.nash.enumpure_solve(g).equilibria]
    [2, 2]
    """
    gbt = _gbt()
    point = _point(point)
    if isinstance(game, NormalFormGame):
        return _to_table(gbt, game, point)
    if not isinstance(game, ExtensiveGame):
        raise ModelError(
            f"only an ExtensiveGame or a NormalFormGame can be written, got {type(game).__name__}"
        )
    try:
        g = gbt.Game.new_tree(
            players=list(game.players), title=game.name or "symtrust game"
        )
    except ValueError as exc:
        raise ModelError(f"Gambit refuses the players {game.players}: {exc}") from None
    made, infos, labels = {0: g.root}, {}, set()
    for node in game.nodes:
        here = made[node.id]
        if node.kind == "chance":
            g.append_move(here, g.players.chance, list(node.actions))
            probs = [
                _number(
                    p, point, f"the probability of {a!r} at {path_name(node.path)!r}"
                )
                for a, p in zip(node.actions, node.probabilities, strict=True)
            ]
            g.set_chance_probs(here.infoset, probs)
        elif node.kind == "decision":
            info = game.infosets[node.infoset]
            if info.id in infos:
                g.append_infoset(here, infos[info.id])
            else:
                g.append_move(here, node.player, list(info.actions))
                infos[info.id] = here.infoset
                _label(here.infoset, info.label, "information set")
        else:
            label = node.label or path_name(node.path)
            while label in labels:
                label += "'"
            labels.add(label)
            pays = [
                _number(u, point, f"the payoff of {p!r} at {path_name(node.path)!r}")
                for p, u in zip(game.players, node.payoffs, strict=True)
            ]
            try:
                g.set_outcome(here, g.add_outcome(label, payoffs=pays))
            except ValueError as exc:
                raise ModelError(
                    f"Gambit refuses the outcome label {label!r}: {exc}"
                ) from None
            continue
        info_actions = (
            node.actions
            if node.kind == "chance"
            else game.infosets[node.infoset].actions
        )
        kids = list(here.children)
        for a, child in zip(node.actions, node.children, strict=True):
            made[child] = kids[list(info_actions).index(a)]
    return g


def _to_table(gbt, game, point):
    g = gbt.Game.new_table(
        [len(a) for a in game.actions], title=game.name or "symtrust game"
    )
    for p, label, acts in zip(g.players, game.players, game.actions, strict=True):
        _label(p, label, "player")
        for s, a in zip(p.strategies, acts, strict=True):
            _label(s, a, "strategy")
    for profile in game.profiles():
        cell = g[tuple(game.action_index(k, a) for k, a in enumerate(profile))]
        for p, u in zip(g.players, game.payoff(profile), strict=True):
            cell[p] = _number(u, point, f"the payoff of {p.label!r} at {profile}")
    return g


def _write(text, path):
    if path is not None:
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ModelError(
                f"cannot write {str(path)!r}: {exc.strerror or exc}"
            ) from None
    return text


def write_efg(game: ExtensiveGame, path=None, *, point=None) -> str:
    """Gambit ``.efg`` text of a tree (written to ``path`` if given).

    Examples
    --------
    >>> from symtrust import game_tree, probability
    >>> from symtrust.games.extensive import chance
    >>> p = probability("p")
    >>> g = game_tree(chance({"h": (p, (1,)), "t": (1 - p, (0,))}))
    >>> write_efg(g)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: the probability of 'h' at 'root' is p, which has the symbols ['p']: Gambit files hold numbers; give point={...} to write the game at a point
    >>> import sympy
    >>> write_efg(g, point={p: sympy.Rational(1, 3)}).splitlines()[3]
    'c "" 1 "" { "h" 1/3 "t" 2/3 } 0'
    """
    if not isinstance(game, ExtensiveGame):
        raise ModelError(f"write_efg needs an ExtensiveGame, got {type(game).__name__}")
    return _write(to_pygambit(game, point=point).to_efg(), path)


def write_nfg(game, path=None, *, point=None) -> str:
    """Gambit ``.nfg`` text of a normal-form game or of a tree's reduced normal form.

    Examples
    --------
    >>> from symtrust import bimatrix
    >>> write_nfg(bimatrix([[2, 0], [0, 1]], [[2, 0], [0, 1]])).splitlines()[0]
    'NFG 1 R "symtrust game" { "row" "column" }'
    """
    return _write(to_pygambit(game, point=point).to_nfg(), path)


def write_gambit(game, path, *, point=None) -> str:
    """Write ``.efg`` for a tree, ``.nfg`` for a normal-form game, by type.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from symtrust import bimatrix
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "coordination.nfg"
    >>> write_gambit(bimatrix([[2, 0], [0, 1]], [[2, 0], [0, 1]]), path).startswith("NFG")
    True
    """
    if isinstance(game, ExtensiveGame):
        return write_efg(game, path, point=point)
    return write_nfg(game, path, point=point)
