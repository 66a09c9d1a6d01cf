"""Gambit files through pygambit: reading, writing, symbols and bad files.

Gambit's own games are loaded from pygambit's catalog at test time, never
copied (Gambit is GPL).
"""

import io
from fractions import Fraction

import pytest
import sympy

from symtrust import bimatrix, game_tree, probability, pure_nash, real
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.extensive import chance, decision, outcome, reduced_normal_form
from symtrust.io import (
    _pygambit,
    from_pygambit,
    read_efg,
    read_gambit,
    read_nfg,
    to_pygambit,
    write_efg,
    write_gambit,
    write_nfg,
)

gbt = pytest.importorskip("pygambit")
catalog = pytest.importorskip("pygambit.catalog")

P = probability("p")
X, Y = real("x y")
ENTRY = game_tree(
    decision(
        "entrant",
        {
            "in": decision(
                "incumbent",
                {
                    "fight": outcome(-1, -1, label="war"),
                    "share": outcome(1, 1, label="peace"),
                },
            ),
            "out": outcome(0, 2, label="stay out"),
        },
    ),
    name="entry",
)
SIGNAL = game_tree(
    chance(
        {
            "strong": (
                Fraction(1, 3),
                decision(
                    "sender",
                    {
                        "beer": decision(
                            "receiver",
                            {"duel": (1, 0), "yield": (3, 1)},
                            info="after beer",
                        ),
                        "quiche": decision(
                            "receiver",
                            {"duel": (0, 0), "yield": (2, 1)},
                            info="after quiche",
                        ),
                    },
                ),
            ),
            "weak": (
                Fraction(2, 3),
                decision(
                    "sender",
                    {
                        "beer": decision(
                            "receiver",
                            {"duel": (0, 1), "yield": (2, 0)},
                            info="after beer",
                        ),
                        "quiche": decision(
                            "receiver",
                            {"duel": (Fraction(1, 2), Fraction(3, 2)), "yield": (3, 0)},
                            info="after quiche",
                        ),
                    },
                ),
            ),
        }
    ),
    players=("sender", "receiver"),
    name="beer-quiche",
)


def _same_tree(a, b):
    """The same players, nodes, payoffs, probabilities and information sets."""
    assert a.players == b.players
    assert [n.path for n in a.nodes] == [n.path for n in b.nodes]
    assert [n.payoffs for n in a.nodes] == [n.payoffs for n in b.nodes]
    assert [n.probabilities for n in a.nodes] == [n.probabilities for n in b.nodes]
    assert [(i.player, i.actions, i.members) for i in a.infosets] == [
        (i.player, i.actions, i.members) for i in b.infosets
    ]


# -- writing and reading back ------------------------------------------------------


@pytest.mark.parametrize("game", [ENTRY, SIGNAL], ids=["entry", "signal"])
def test_a_written_tree_reads_back_as_the_same_game(game):
    text = write_efg(game)
    back = read_efg(io.StringIO(text))
    _same_tree(game, back)
    assert [i.label for i in back.infosets] == [i.label for i in game.infosets]
    # and Gambit reads its own rendering of the read-back game identically
    assert write_efg(back) == text
    assert gbt.read_efg(io.StringIO(text)).to_efg() == text


def test_outcome_labels_and_exact_fractions_survive(tmp_path):
    path = tmp_path / "signal.efg"
    write_gambit(SIGNAL, path)
    assert path.read_text().startswith('EFG 2 R "beer-quiche"')
    back = read_gambit(path)
    assert back.node("weak/quiche/duel").payoffs == (
        sympy.Rational(1, 2),
        sympy.Rational(3, 2),
    )
    assert back.nodes[0].probabilities == (sympy.Rational(1, 3), sympy.Rational(2, 3))
    assert read_efg(io.StringIO(write_efg(ENTRY))).node("in/fight").label == "war"


def test_a_symbolic_tree_is_written_at_a_point():
    g = game_tree(
        chance(
            {"h": (P, decision("A", {"x": (X, 0), "y": (0, Y)})), "t": (1 - P, (1, 1))}
        ),
        players=("A", "B"),
    )
    with pytest.raises(
        ModelError, match=r"'h' at 'root' is p, which has the symbols \['p'\].*point="
    ):
        write_efg(g)
    point = {P: sympy.Rational(1, 4), X: 3, Y: sympy.Rational(-1, 2)}
    back = read_efg(io.StringIO(write_efg(g, point=point)))
    _same_tree(g.subs(point), back)
    with pytest.raises(ModelError, match="float"):
        write_efg(g, point={P: 0.25, X: 3, Y: 1})


def test_normal_form_games_round_trip_through_nfg(tmp_path):
    a = real("a")
    game = bimatrix([[a, 0], [Fraction(5, 2), 1]], [[3, Fraction(1, 3)], [0, 1]])
    with pytest.raises(ModelError, match="point="):
        write_nfg(game)
    text = write_nfg(game, point={a: 3})
    back = read_nfg(io.StringIO(text))
    assert back.actions == game.actions
    for profile in game.profiles():
        assert back.payoff(profile) == tuple(
            u.xreplace({a: 3}) for u in game.payoff(profile)
        )
    assert write_nfg(back) == text
    # a tree's .nfg is its reduced strategic form, with the same pure equilibria
    nfg = read_nfg(io.StringIO(write_nfg(ENTRY)))
    got = sorted(eq.value for eq in pure_nash(nfg))
    want = sorted(eq.value for eq in pure_nash(reduced_normal_form(ENTRY)))
    assert got == want


# -- symbols: a shared numeric file becomes a symbolic model -----------------------


def test_symbols_replace_named_outcomes_and_chance_moves():
    text = write_efg(SIGNAL.subs({}))
    g = gbt.read_efg(io.StringIO(text))
    g.root.infoset.label = "nature"
    shared = io.StringIO(g.to_efg())
    labels = [o.label for o in g.outcomes]
    c, d = real("c d")
    model = read_efg(
        shared,
        symbols={
            labels[0]: (c, d),  # strong/beer/duel
            labels[7]: {"receiver": d},  # weak/quiche/yield: only the receiver's
            "nature": (P, 1 - P),
        },
    )
    assert model.node("strong/beer/duel").payoffs == (c, d)
    assert model.node("weak/quiche/yield").payoffs == (3, d)
    assert model.nodes[0].probabilities == (P, 1 - P)
    assert model.parameters == frozenset({c, d, P})


def test_symbols_name_what_the_file_lacks():
    with pytest.raises(ModelError, match=r"symbols name labels not in .*'no such'"):
        read_efg(io.StringIO(write_efg(ENTRY)), symbols={"no such": (X, Y)})
    with pytest.raises(ModelError, match=r"symbols\['war'\] has 3 entries"):
        read_efg(io.StringIO(write_efg(ENTRY)), symbols={"war": (X, Y, 0)})
    with pytest.raises(ModelError, match="unknown players"):
        read_efg(io.StringIO(write_efg(ENTRY)), symbols={"war": {"judge": X}})
    with pytest.raises(ModelError, match="keys must be labels"):
        read_efg(io.StringIO(write_efg(ENTRY)), symbols={X: (X, Y)})


def test_symbolic_chance_probabilities_are_validated():
    g = gbt.read_efg(io.StringIO(write_efg(SIGNAL)))
    g.root.infoset.label = "nature"
    with pytest.raises(ModelError, match="sum to"):
        read_efg(io.StringIO(g.to_efg()), symbols={"nature": (P, P)})
    with pytest.raises(ModelError, match="must give 2 probabilities"):
        read_efg(io.StringIO(g.to_efg()), symbols={"nature": (P,)})


# -- bad files: a clear error naming the file (and line) ---------------------------


def test_a_file_that_does_not_parse_names_the_file_and_line(tmp_path):
    bad = tmp_path / "broken.efg"
    bad.write_text(write_efg(ENTRY)[:-30])
    with pytest.raises(ModelError, match=r"broken\.efg.*not a valid \.efg.*line \d+"):
        read_efg(bad)
    payoff = tmp_path / "payoff.efg"
    payoff.write_text(write_efg(ENTRY).replace("{ 1, 1 }", "{ 1, __import__ }"))
    with pytest.raises(ModelError, match=r"payoff\.efg.*line 7:.*numerical payoff"):
        read_efg(payoff)


def test_files_that_are_not_games_or_do_not_exist(tmp_path):
    nfg = tmp_path / "table.nfg"
    nfg.write_text(write_nfg(ENTRY))
    with pytest.raises(ModelError, match=r"table\.nfg.*not a valid \.efg"):
        read_efg(nfg)
    with pytest.raises(ModelError, match=r"cannot read .*missing\.efg"):
        read_efg(tmp_path / "missing.efg")
    with pytest.raises(ModelError, match=r"neither a \.efg nor a \.nfg"):
        read_gambit(tmp_path / "game.txt")
    with pytest.raises(ModelError, match=r"wrap it in io\.StringIO"):
        read_efg(write_efg(ENTRY))
    with pytest.raises(ModelError, match="only an ExtensiveGame or a NormalFormGame"):
        write_nfg("a game")


# -- Gambit's catalog --------------------------------------------------------------


def _catalog_trees():
    table = catalog.games(is_tree=True)
    return list(table.Game)


@pytest.mark.parametrize("slug", _catalog_trees())
def test_every_catalog_tree_reads_or_is_refused_for_imperfect_recall(slug):
    g = catalog.load(slug)
    if not g.is_perfect_recall:
        with pytest.raises(ModelError, match="violates perfect recall: at node"):
            from_pygambit(g)
        return
    tree = from_pygambit(g)
    assert len(tree.nodes) == len(g.nodes)
    # exact payoffs, Gambit's decimals included (1.01 in jakobsen2016/fig3)
    leaves = {tuple(n.payoffs) for n in tree.nodes if n.is_terminal}
    wanted = set()
    for n in g.nodes:
        if n.is_terminal:
            wanted.add(
                tuple(
                    sympy.Rational(Fraction(n.outcome[p])) if n.outcome else 0
                    for p in g.players
                )
            )
    assert leaves == wanted
    # written back, Gambit sees the same strategic form
    again = to_pygambit(tree)
    for ours, theirs in zip(again.to_arrays(), g.to_arrays(), strict=True):
        assert (ours == theirs).all()


@pytest.mark.parametrize("slug", list(catalog.games(is_tree=False).Game))
def test_catalog_tables_read_with_exact_payoffs(slug):
    g = catalog.load(slug)
    game = from_pygambit(g)
    arrays = g.to_arrays()
    for profile in game.profiles():
        index = tuple(game.action_index(k, a) for k, a in enumerate(profile))
        assert game.payoff(profile) == tuple(
            sympy.Rational(Fraction(arr[index])) for arr in arrays
        )


def test_without_pygambit_the_error_says_how_to_install_it(monkeypatch):
    def missing(name, *args):
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(_pygambit.importlib, "import_module", missing)
    with pytest.raises(UnsupportedError, match=r'pip install "symtrust\[gambit\]"'):
        write_efg(ENTRY)
