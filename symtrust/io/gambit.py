"""Gambit files: ``.efg`` and ``.nfg`` to and from symtrust games, through pygambit.

Gambit (McKelvey, McLennan and Turocy) is where game trees are shared, and
its formats carry numbers only. This module

* reads a ``.efg`` file into an :class:`~symtrust.games.extensive.model.ExtensiveGame`
  and a ``.nfg`` file into a :class:`~symtrust.games.normal_form.model.NormalFormGame`,
  with exact rational payoffs and probabilities (Gambit's decimals become
  the fractions they denote). Outcomes attached to inner nodes add up along
  the path, as in Gambit. Parsing is pygambit's alone: the file's text is
  never evaluated;
* optionally turns a shared numeric model into a symbolic one:
  ``symbols={"outcome label": (a, b), "chance label": (p, 1 - p)}`` replaces
  the payoffs of a named outcome (wherever it is attached) or the
  probabilities of a labelled chance move by expressions;
* writes any symtrust game with numeric payoffs, or one substituted at
  ``point``, as Gambit text that Gambit reads back as the same game.

pygambit is an optional dependency (``pip install "symtrust[gambit]"``),
imported when a function needs it.

Examples
--------
>>> import io
>>> from symtrust import game_tree, real
>>> from symtrust.games.extensive import decision
>>> g = game_tree(decision("entrant", {
...     "in": decision("incumbent", {"fight": (-1, -1), "share": (1, 1)}),
...     "out": (0, 2)}), name="entry")
>>> text = write_efg(g)
>>> text.splitlines()[0]
'EFG 2 R "entry" { "entrant" "incumbent" }'
>>> back = read_efg(io.StringIO(text))
>>> back.node("in/share").payoffs
(1, 1)
>>> x = real("x")
>>> read_efg(io.StringIO(text), symbols={"in/fight": (x, -1)}).node("in/fight").payoffs
(x, -1)
"""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path

import sympy

from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.extensive.builder import game_tree
from symtrust.games.extensive.model import ExtensiveGame, path_name
from symtrust.games.extensive.nodes import Chance, Decision, Terminal
from symtrust.games.normal_form.model import NormalFormGame, as_payoff, normal_form_game

__all__ = [
    "from_pygambit",
    "read_efg",
    "read_gambit",
    "read_nfg",
    "to_pygambit",
    "write_efg",
    "write_gambit",
    "write_nfg",
]

_HINT = 'Gambit files need pygambit: pip install "symtrust[gambit]" (or pygambit)'


def _gbt():
    try:
        # an optional dependency, loaded when a file is read or written
        return importlib.import_module("pygambit")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise UnsupportedError(_HINT) from exc


def _where(source) -> str:
    if isinstance(source, (str, Path)):
        return f"Gambit file {str(source)!r}"
    return f"Gambit text {getattr(source, 'name', '<stream>')!r}"


def _load(source, kind: str):
    gbt = _gbt()
    reader = gbt.read_efg if kind == "efg" else gbt.read_nfg
    if isinstance(source, str) and "\n" in source:
        raise ModelError(
            "read_efg/read_nfg take a path or a file object; to read text, wrap it "
            "in io.StringIO(text)"
        )
    try:
        return reader(source)
    except ValueError as exc:
        # pygambit's parser: "Parse error in game file: line L:C: message"
        raise ModelError(
            f"{_where(source)} is not a valid .{kind} game: {exc}"
        ) from None
    except OSError as exc:
        raise ModelError(
            f"cannot read {_where(source)}: {exc.strerror or exc}"
        ) from None


def _exact(value, what: str) -> sympy.Rational:
    try:
        f = Fraction(value)
    except (TypeError, ValueError) as exc:
        raise ModelError(f"{what} is {value!r}, not an exact number") from exc
    return sympy.Rational(f.numerator, f.denominator)


def _labels(raw, default) -> list:
    """Nonempty, distinct labels: empty ones numbered, repeats suffixed."""
    out = []
    for k, label in enumerate(raw):
        name = label.strip() if isinstance(label, str) else ""
        name = name or default(k)
        while name in out:
            name += "'"
        out.append(name)
    return out


def _symbols(symbols) -> dict:
    if symbols is None:
        return {}
    if not isinstance(symbols, Mapping):
        raise ModelError(
            f"symbols must map outcome or chance labels to expressions, got {symbols!r}"
        )
    for key in symbols:
        if not isinstance(key, str):
            raise ModelError(f"symbols keys must be labels (strings), got {key!r}")
    return dict(symbols)


def _vector(value, players, what) -> tuple:
    """A replacement payoff vector: a sequence per player, or a partial mapping."""
    if isinstance(value, Mapping):
        unknown = [p for p in value if p not in players]
        if unknown:
            raise ModelError(
                f"{what} names unknown players {unknown}; players are {players}"
            )
        return tuple(value.get(p) for p in players)
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise ModelError(f"{what} must be one expression per player, got {value!r}")
    if len(value) != len(players):
        raise ModelError(
            f"{what} has {len(value)} entries; there are {len(players)} players {players}"
        )
    return tuple(value)


class _Reader:
    """Walks a pygambit tree into symtrust's nested nodes."""

    def __init__(self, g, symbols, where):
        self.g, self.where = g, where
        self.symbols = _symbols(symbols)
        self.used: set = set()
        self.players = tuple(
            _labels([p.label for p in g.players], lambda k: f"Player {k + 1}")
        )
        self.player_of = {
            p.label: name for p, name in zip(g.players, self.players, strict=True)
        }
        sets = [(p, i) for p in g.players for i in p.infosets]
        counts = {}
        for _, i in sets:
            counts[i.label] = counts.get(i.label, 0) + 1
        self.info_label = {}
        for p, i in sets:
            label = i.label.strip()
            if not label or counts[i.label] > 1:
                label = f"{self.player_of[p.label]}:{i.number + 1}"
            self.info_label[(p.label, i.number)] = label
        self.outcome_labels = {o.label for o in g.outcomes if o.label}
        self.chance_labels = {i.label for i in g.players.chance.infosets if i.label}

    def outcome(self, o) -> tuple:
        if o.label and o.label in self.symbols:
            self.used.add(o.label)
            given = _vector(
                self.symbols[o.label], self.players, f"symbols[{o.label!r}]"
            )
            base = [_exact(o[p], f"payoff of {p.label!r}") for p in self.g.players]
            return tuple(
                b if v is None else v for b, v in zip(base, given, strict=True)
            )
        return tuple(
            _exact(
                o[p], f"payoff of {p.label!r} in outcome {o.label!r} of {self.where}"
            )
            for p in self.g.players
        )

    def node(self, n, acc):
        if n.outcome:
            acc = tuple(
                a + b for a, b in zip(acc, self.outcome(n.outcome), strict=True)
            )
        if n.is_terminal:
            label = n.outcome.label if n.outcome else ""
            return Terminal(tuple(acc), label=label)
        info = n.infoset
        acts = _labels([a.label for a in info.actions], lambda k: str(k + 1))
        kids = [self.node(n.children[a], acc) for a in info.actions]
        if info.player.is_chance:
            probs = [_exact(a.prob, "a chance probability") for a in info.actions]
            if info.label and info.label in self.symbols:
                self.used.add(info.label)
                given = self.symbols[info.label]
                if (
                    isinstance(given, (str, bytes))
                    or not isinstance(given, Sequence)
                    or len(given) != len(probs)
                ):
                    raise ModelError(
                        f"symbols[{info.label!r}] must give {len(probs)} probabilities "
                        f"for the chance move's outcomes {tuple(acts)}, got {given!r}"
                    )
                probs = list(given)
            return Chance(tuple(zip(acts, probs, kids, strict=True)))
        label = self.info_label[(info.player.label, info.number)]
        return Decision(
            self.player_of[info.player.label],
            tuple(zip(acts, kids, strict=True)),
            label,
        )

    def check_used(self):
        unused = [k for k in self.symbols if k not in self.used]
        if unused:
            raise ModelError(
                f"symbols name labels not in {self.where}: {unused}; its outcome labels "
                f"are {sorted(self.outcome_labels)} and its chance labels "
                f"{sorted(self.chance_labels)}"
            )


def from_pygambit(g, *, symbols=None, assumptions=(), name: str = "", where: str = ""):
    """A pygambit ``Game`` as a symtrust game (tree or normal form).

    Parameters
    ----------
    g : pygambit.Game
        For example ``pygambit.catalog.load("journals/ijgt/selten1975/fig1")``.
    symbols : mapping, optional
        Outcome label -> payoff vector (a sequence per player, or a mapping
        player -> expression for some players), or chance-move label ->
        probabilities: those numbers are replaced by expressions.
    assumptions : iterable of sympy Boolean
        Relations between the parameters introduced by ``symbols``.
    name : str
        The game's name (default: the Gambit title).

    Raises
    ------
    ModelError
        A game symtrust refuses (imperfect recall names the nodes), labels in
        ``symbols`` that the game lacks, inexact numbers.
    """
    where = where or f"Gambit game {g.title!r}"
    name = name or g.title
    if not g.is_tree:
        return _table(g, symbols, assumptions, name, where)
    reader = _Reader(g, symbols, where)
    root = reader.node(g.root, tuple(sympy.Integer(0) for _ in g.players))
    reader.check_used()
    try:
        return game_tree(
            root, players=reader.players, assumptions=assumptions, name=name
        )
    except ModelError as exc:
        raise ModelError(f"{where}: {exc}") from None


def _table(g, symbols, assumptions, name, where) -> NormalFormGame:
    symbols = _symbols(symbols)
    players = tuple(_labels([p.label for p in g.players], lambda k: f"Player {k + 1}"))
    strategies = [
        _labels([s.label for s in p.strategies], lambda k: str(k + 1))
        for p in g.players
    ]
    used, payoffs = set(), {}
    for combo in itertools.product(*(list(p.strategies) for p in g.players)):
        o = g[tuple(combo)]
        key = tuple(
            strategies[k][list(p.strategies).index(s)]
            for k, (p, s) in enumerate(zip(g.players, combo, strict=True))
        )
        vec = [
            _exact(o[p], f"payoff of {p.label!r} at {key} in {where}")
            for p in g.players
        ]
        label = getattr(o, "label", "")
        if label and label in symbols:
            used.add(label)
            given = _vector(symbols[label], players, f"symbols[{label!r}]")
            vec = [b if v is None else v for b, v in zip(vec, given, strict=True)]
        payoffs[key] = tuple(vec)
    unused = [k for k in symbols if k not in used]
    if unused:
        raise ModelError(f"symbols name labels not in {where}: {unused}")
    return normal_form_game(
        players, strategies, payoffs, assumptions=assumptions, name=name
    )


def read_efg(source, *, symbols=None, assumptions=(), name: str = "") -> ExtensiveGame:
    """Read a Gambit ``.efg`` file (a path or a file object) as a game tree.

    Raises
    ------
    ModelError
        A file that cannot be read or parsed (pygambit's message, with its
        line and column), or a game symtrust refuses; the message names the
        file.
    """
    g = _load(source, "efg")
    return from_pygambit(
        g, symbols=symbols, assumptions=assumptions, name=name, where=_where(source)
    )


def read_nfg(source, *, symbols=None, assumptions=(), name: str = "") -> NormalFormGame:
    """Read a Gambit ``.nfg`` file (a path or a file object) as a normal-form game.

    Outcome labels in ``symbols`` replace the payoffs of every cell showing
    that outcome.
    """
    g = _load(source, "nfg")
    return from_pygambit(
        g, symbols=symbols, assumptions=assumptions, name=name, where=_where(source)
    )


def read_gambit(path, *, symbols=None, assumptions=(), name: str = ""):
    """Read a ``.efg`` or ``.nfg`` file, by its suffix."""
    suffix = Path(str(path)).suffix.lower()
    if suffix == ".efg":
        return read_efg(path, symbols=symbols, assumptions=assumptions, name=name)
    if suffix == ".nfg":
        return read_nfg(path, symbols=symbols, assumptions=assumptions, name=name)
    raise ModelError(f"{str(path)!r} is neither a .efg nor a .nfg file")


# -- writing -----------------------------------------------------------------------


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
    """The game as a pygambit ``Game`` (numbers only: substitute a ``point``)."""
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
    """Gambit ``.efg`` text of a tree (written to ``path`` if given)."""
    if not isinstance(game, ExtensiveGame):
        raise ModelError(f"write_efg needs an ExtensiveGame, got {type(game).__name__}")
    return _write(to_pygambit(game, point=point).to_efg(), path)


def write_nfg(game, path=None, *, point=None) -> str:
    """Gambit ``.nfg`` text of a normal-form game or of a tree's reduced normal form."""
    return _write(to_pygambit(game, point=point).to_nfg(), path)


def write_gambit(game, path, *, point=None) -> str:
    """Write ``.efg`` for a tree, ``.nfg`` for a normal-form game, by type."""
    if isinstance(game, ExtensiveGame):
        return write_efg(game, path, point=point)
    return write_nfg(game, path, point=point)
