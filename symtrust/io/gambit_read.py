"""Reading Gambit's ``.efg`` and ``.nfg`` files into symtrust games, through pygambit.

Gambit (McKelvey, McLennan and Turocy) is where game trees are shared, and
its formats carry numbers only. A ``.efg`` file becomes an
:class:`~symtrust.games.extensive.model.ExtensiveGame` and a ``.nfg`` file a
:class:`~symtrust.games.normal_form.model.NormalFormGame`, with exact
rational payoffs and probabilities (Gambit's decimals become the fractions
they denote). Outcomes attached to inner nodes add up along the path, as in
Gambit. Parsing is pygambit's alone: the file's text is never evaluated.

``symbols={"outcome label": (a, b), "chance label": (p, 1 - p)}`` turns a
shared numeric model into a symbolic one: it replaces the payoffs of a named
outcome (wherever it is attached) or the probabilities of a labelled chance
move by expressions.

Examples
--------
>>> import io
>>> from symtrust import real
>>> text = "\\n".join([
...     'EFG 2 R "entry" { "entrant" "incumbent" }', '""', '',
...     'p "" 1 1 "E" { "in" "out" } 0',
...     'p "" 2 1 "I" { "fight" "share" } 0',
...     't "" 1 "war" { -1, -1 }',
...     't "" 2 "peace" { 1, 1 }',
...     't "" 3 "stay out" { 0, 2 }', ''])
>>> read_efg(io.StringIO(text)).node("in/share").payoffs
(1, 1)
>>> x = real("x")
>>> read_efg(io.StringIO(text), symbols={"war": (x, -1)}).node("in/fight").payoffs
(x, -1)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction
from pathlib import Path

import sympy

from symtrust.errors import ModelError
from symtrust.games.extensive.builder import game_tree
from symtrust.games.extensive.model import ExtensiveGame
from symtrust.games.extensive.nodes import Chance, Decision, Terminal
from symtrust.games.normal_form.model import NormalFormGame, normal_form_game
from symtrust.io._pygambit import gbt as _gbt

__all__ = ["from_pygambit", "read_efg", "read_gambit", "read_nfg"]


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

    Returns
    -------
    ExtensiveGame or NormalFormGame
        A tree for a tree, a normal-form game for a table. Information sets
        keep Gambit's labels (empty or repeated ones become ``player:k``).

    Raises
    ------
    ModelError
        A game symtrust refuses (imperfect recall names the nodes), labels in
        ``symbols`` that the game lacks, inexact numbers.

    Examples
    --------
    >>> import pygambit
    >>> horse = from_pygambit(pygambit.catalog.load("journals/ijgt/selten1975/fig1"))
    >>> horse.players, [i.label for i in horse.infosets]
    (('Player 1', 'Player 2', 'Player 3'), ['Player 1:1', 'Player 2:1', 'Player 3:1'])
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

    Parameters
    ----------
    source : str, Path or file object
        The file (text is read through ``io.StringIO(text)``).
    symbols : mapping, optional
        Outcome or chance labels -> expressions (see :func:`from_pygambit`).
    assumptions : iterable of sympy Boolean
        Relations between the parameters ``symbols`` introduces.
    name : str
        The game's name (default: the file's title).

    Returns
    -------
    ExtensiveGame

    Raises
    ------
    ModelError
        A file that cannot be read or parsed (pygambit's message, with its
        line and column), or a game symtrust refuses; the message names the
        file.

    Examples
    --------
    >>> import io
    >>> read_efg(io.StringIO('EFG 2 R "broken" { "A" }\\np "" 1 1 { "x" }'))
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: Gambit text '<stream>' is not a valid .efg game: Parse error in game file: line 2:11: Referencing an undefined infoset
    """
    g = _load(source, "efg")
    return from_pygambit(
        g, symbols=symbols, assumptions=assumptions, name=name, where=_where(source)
    )


def read_nfg(source, *, symbols=None, assumptions=(), name: str = "") -> NormalFormGame:
    """Read a Gambit ``.nfg`` file (a path or a file object) as a normal-form game.

    Outcome labels in ``symbols`` replace the payoffs of every cell showing
    that outcome; otherwise as :func:`read_efg`.

    Examples
    --------
    >>> import io
    >>> text = "\\n".join(['NFG 1 R "coordination" { "row" "column" }', '',
    ...     '{ { "U" "D" }', '{ "L" "R" }', '}', '""', '',
    ...     '{', '{ "" 2, 2 }', '{ "" 0, 0 }', '{ "" 0, 0 }', '{ "" 1, 1 }', '}',
    ...     '1 2 3 4', ''])
    >>> read_nfg(io.StringIO(text)).payoff(("D", "R"))
    (1, 1)
    """
    g = _load(source, "nfg")
    return from_pygambit(
        g, symbols=symbols, assumptions=assumptions, name=name, where=_where(source)
    )


def read_gambit(path, *, symbols=None, assumptions=(), name: str = ""):
    """Read a ``.efg`` or ``.nfg`` file, by its suffix.

    Examples
    --------
    >>> read_gambit("game.txt")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: 'game.txt' is neither a .efg nor a .nfg file
    """
    suffix = Path(str(path)).suffix.lower()
    if suffix == ".efg":
        return read_efg(path, symbols=symbols, assumptions=assumptions, name=name)
    if suffix == ".nfg":
        return read_nfg(path, symbols=symbols, assumptions=assumptions, name=name)
    raise ModelError(f"{str(path)!r} is neither a .efg nor a .nfg file")
