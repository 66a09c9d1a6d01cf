"""Region maps: which equilibria exist where, boundaries drawn exactly."""

from __future__ import annotations

import pytest
import sympy

from symtrust import (
    Derivation,
    bayes_nash,
    bimatrix,
    interval,
    mixed_nash,
    pbe,
    positive,
    probability,
    pure_nash,
    trust_game,
    trust_threshold,
)
from symtrust.catalog import beer_quiche, symmetric_2x2
from symtrust.errors import ModelError
from symtrust.render import document, optional
from symtrust.render.region_map import (
    OUTSIDE,
    UNDEFINED,
    RegionFigure,
    region_grid,
    region_map,
)
from symtrust.render.regions import Region, regions
from symtrust.results import Result

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
plt = pytest.importorskip("matplotlib.pyplot")

t1, t2 = probability("t1 t2")
ASSURANCE_VS_PD = trust_game(
    symmetric_2x2(4, 1, 3, 2), symmetric_2x2(3, 1, 4, 2), (t1, t2)
)


def _code_at(grid, x, y):
    i = min(range(grid.Y.shape[0]), key=lambda k: abs(grid.Y[k, 0] - y))
    j = min(range(grid.X.shape[1]), key=lambda k: abs(grid.X[0, k] - x))
    return int(grid.codes[i, j])


def test_colours_follow_the_conditions_at_known_points():
    grid = region_grid(
        bayes_nash(ASSURANCE_VS_PD), (t1, 0, 1), (t2, 0, 1), resolution=101
    )
    words = grid.legend()
    assert words[_code_at(grid, 0.8, 0.8)] == (
        "cooperative: trustworthy types cooperate + all defect"
    )
    assert words[_code_at(grid, 0.3, 0.8)] == "all defect"
    assert words[_code_at(grid, 0.8, 0.3)] == "all defect"


def _segments(ax):
    return [
        seg for coll in ax.collections for seg in getattr(coll, "get_segments", list)()
    ]


def test_boundaries_lie_on_the_relations_zero_sets():
    c, w = positive("c w")
    t_T = interval("t_T", 0, 1, right_open=True)
    p = probability("pi_2")
    game = trust_game(
        [[1, -c], [t_T, -w]], [[1, -c], [2, -w]], (p, p), assumptions=[c > w]
    )
    threshold = trust_threshold(game, "row")
    half = sympy.Rational(1, 2)
    fig, ax = plt.subplots()
    region_map(
        threshold, (c, 0, 3), (p, 0, 1), {w: half, t_T: half}, resolution=120, ax=ax
    )
    mu = sympy.lambdify(c, threshold.value.xreplace({w: half, t_T: half}))
    points = [pt for seg in _segments(ax) for pt in seg]
    assert len(points) > 50

    def on_curve(x, y):
        return x > 0.5 and abs(y - mu(x)) < 2e-3

    def on_edge(x, y):
        return abs(x - 0.5) < 2e-3

    # every boundary point is on the threshold curve or on c = w (the assumption)
    assert all(on_curve(x, y) or on_edge(x, y) for x, y in points)
    assert any(on_curve(x, y) for x, y in points)
    assert any(on_edge(x, y) for x, y in points)
    plt.close(fig)


def test_points_outside_the_assumptions_and_undefined_points_are_marked():
    x, y = positive("x y")
    result = Result(
        kind="root", value=sympy.sqrt(x - y), condition=sympy.sqrt(x - y) < 1
    )
    bound = sympy.Rational(9, 5)
    grid = region_grid(
        result, (x, 0, 2), (y, 0, 2), resolution=41, assumptions=[x < bound]
    )
    assert _code_at(grid, 1.0, 1.5) == UNDEFINED  # root of a negative number
    assert _code_at(grid, 1.9, 0.5) == OUTSIDE
    assert grid.label(_code_at(grid, 1.2, 0.9)) == "root"


def test_a_family_supplies_its_regions_through_the_protocol():
    a, b = positive("a b")

    class Tree:
        def region_labels(self):
            return [("a wins", a > b), Region("b wins", b >= a)]

    grid = region_grid(Tree(), (a, 0, 1), (b, 0, 1), resolution=21)
    assert sorted(grid.legend().values()) == ["a wins", "b wins"]
    with pytest.raises(ModelError, match="region_labels"):
        regions(type("Bad", (), {"region_labels": lambda self: [42]})())


@pytest.mark.parametrize("solver", ["pure_nash", "mixed_nash", "pbe", "threshold"])
def test_every_solution_with_conditions_maps(solver):
    a, b = positive("a b")
    if solver == "pbe":
        p = probability("p")
        solution, axes = pbe(beer_quiche(weak_prior=p)), ((p, 0, 1), (a, 0, 1))
    elif solver == "threshold":
        solution, axes = (
            trust_threshold(ASSURANCE_VS_PD, "row"),
            ((t1, 0, 1), (t2, 0, 1)),
        )
    else:
        game = bimatrix([[a, 0], [0, b]], [[b, 0], [0, a]])
        solve = pure_nash if solver == "pure_nash" else mixed_nash
        solution, axes = solve(game), ((a, 0, 2), (b, 0, 2))
    fig, ax = plt.subplots()
    region_map(solution, *axes, resolution=40, ax=ax)
    assert ax.get_legend().get_texts()
    plt.close(fig)


def test_labels_are_the_books_words_and_can_be_replaced():
    fig, ax = plt.subplots()
    region_map(
        bayes_nash(ASSURANCE_VS_PD),
        (t1, 0, 1),
        (t2, 0, 1),
        labels={"all defect": "all-defect equilibrium"},
        resolution=30,
        ax=ax,
    )
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "all-defect equilibrium" in texts
    assert ax.get_xlabel() == "$t_{1}$"
    plt.close(fig)


def test_each_relation_is_lambdified_once(monkeypatch):
    calls = []
    real = sympy.lambdify

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(sympy, "lambdify", counting)
    solution = bayes_nash(ASSURANCE_VS_PD)
    region_grid(solution, (t1, 0, 1), (t2, 0, 1), resolution=50)
    # two equilibrium conditions and four domain bounds, each lambdified once
    assert len(calls) == len(set(calls)) == 6


def test_bad_arguments_are_refused_with_the_rule():
    solution = bayes_nash(ASSURANCE_VS_PD)
    a = positive("a")
    with pytest.raises(ModelError, match="parameter, low, high"):
        region_grid(solution, t1, (t2, 0, 1))
    with pytest.raises(ModelError, match="empty"):
        region_grid(solution, (t1, 1, 0), (t2, 0, 1))
    with pytest.raises(ModelError, match="two different"):
        region_grid(solution, (t1, 0, 1), (t1, 0, 1))
    with pytest.raises(ModelError, match="float"):
        region_grid(solution, (t1, 0, 1), (a, 0, 1), {t2: 0.5})
    with pytest.raises(ModelError, match=r"fixed= must give values for \['t2'\]"):
        region_grid(solution, (t1, 0, 1), (a, 0, 1))
    with pytest.raises(ModelError, match=r"no conditions|solution or result"):
        region_grid(object(), (t1, 0, 1), (t2, 0, 1))


def test_a_figure_saves_pdf_and_png(tmp_path):
    figure = RegionFigure(
        "bne", bayes_nash(ASSURANCE_VS_PD), (t1, 0, 1), (t2, 0, 1), resolution=40
    )
    paths = figure.save(tmp_path / "bne")
    assert [p[-3:] for p in paths] == ["pdf", "png"]
    assert all((tmp_path / f"bne.{ext}").stat().st_size > 0 for ext in ("pdf", "png"))


def test_without_matplotlib_documents_say_so_and_draw_nothing(monkeypatch, tmp_path):
    figure = RegionFigure(
        "bne", bayes_nash(ASSURANCE_VS_PD), (t1, 0, 1), (t2, 0, 1), resolution=20
    )
    derivation = Derivation(title="No plots", source="a test", figures=(figure,))
    monkeypatch.setattr(optional, "available", lambda: False)
    path = document.write_document(derivation, tmp_path)
    text = path.read_text()
    assert "matplotlib, which is not installed" in text
    assert "includegraphics" not in text
    assert list(tmp_path.glob("*.png")) == []
