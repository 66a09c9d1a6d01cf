"""Equilibrium region maps: which equilibria exist where in a parameter plane.

``region_map(solution, x=(c, 0, 2), y=(w, 0, 1), fixed={...})`` draws the
plane of two parameters, the others fixed at exact values, coloured by the
set of equilibria (or results) that exist at each point, as Kydd's figures
of the cooperative region in (c, w) or (trust, trust) space do.

The mathematics:

1. The regions come from the solution's conditions
   (:func:`symtrust.render.regions.regions`): each is a SymPy Boolean built
   from relations ``lhs ~ rhs``.
2. Each distinct relation is turned once into a vectorised function
   ``g = lhs - rhs`` of the two axes (:func:`sympy.lambdify` with numpy,
   after exact substitution of the fixed parameters) and evaluated once on
   the grid. A condition's truth at every point follows from the signs of
   these fields, in three-valued logic: a relation whose field is not a
   finite real number there (a zero denominator, the root of a negative
   number) is *unknown*, and a condition that stays unknown marks the point
   as one where a result is undefined (shaded grey).
3. Points that violate the assumptions (the parameters' domains and stated
   relations) are hatched: the model says nothing there.
4. **Boundaries are drawn exactly**: each relation's zero set is drawn as
   the contour ``g = 0`` of its field (interpolated between grid points, so
   a curve's position does not depend on the pixel grid), restricted to
   where the colouring changes, so only the curves that bound regions show.

matplotlib is an optional dependency (``pip install "symtrust[plot]"``).

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from symtrust import bayes_nash, probability, trust_game
>>> from symtrust.catalog import symmetric_2x2
>>> t1, t2 = probability("t1 t2")
>>> game = trust_game(symmetric_2x2(4, 1, 3, 2), symmetric_2x2(3, 1, 4, 2), (t1, t2))
>>> solution = bayes_nash(game)
>>> grid = region_grid(solution, x=(t1, 0, 1), y=(t2, 0, 1), resolution=101)
>>> sorted(grid.legend().values())
['all defect', 'cooperative: trustworthy types cooperate + all defect']
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field

from symtrust.core.printer import math
from symtrust.render import optional
from symtrust.render.optional import mathtext, numpy, pyplot
from symtrust.render.prose import prose
from symtrust.render.region_grid import (
    OUTSIDE,
    UNDEFINED,
    RegionGrid,
    region_grid,
    warm_up,
)
from symtrust.render.regions import Region

__all__ = [
    "OUTSIDE",
    "UNDEFINED",
    "RegionFigure",
    "RegionGrid",
    "region_grid",
    "region_map",
    "warm_up",
]

_PALETTE = (
    "#8dd3c7",
    "#fdb462",
    "#bebada",
    "#fb8072",
    "#80b1d3",
    "#b3de69",
    "#fccde5",
    "#ffffb3",
    "#bc80bd",
    "#ccebc5",
    "#ffed6f",
    "#d9d9d9",
)


def _near_changes(codes, width: int = 2):
    """Points within ``width`` grid steps of a change of colour."""
    np = numpy()
    change = np.zeros(codes.shape, bool)
    change[1:, :] |= codes[1:, :] != codes[:-1, :]
    change[:-1, :] |= codes[1:, :] != codes[:-1, :]
    change[:, 1:] |= codes[:, 1:] != codes[:, :-1]
    change[:, :-1] |= codes[:, 1:] != codes[:, :-1]
    near = change.copy()
    for _ in range(width):
        grown = near.copy()
        grown[1:, :] |= near[:-1, :]
        grown[:-1, :] |= near[1:, :]
        grown[:, 1:] |= near[:, :-1]
        grown[:, :-1] |= near[:, 1:]
        near = grown
    return near


def _mpl_text(text: str, width: int = 64) -> str:
    """A legend label: formulas as mathtext, words as they are, wrapped."""
    lines = textwrap.wrap(text, width) or [text]
    return "\n".join(_mpl_line(line) for line in lines)


def _mpl_line(text: str) -> str:
    label = prose(text, escape=lambda s: s.replace("$", r"\$"))
    try:
        mathtext().MathTextParser("path").parse(label)
    except Exception:
        return text.replace("$", r"\$")
    return label


def region_map(
    solution,
    x,
    y,
    fixed: Mapping | None = None,
    *,
    labels: Mapping | None = None,
    resolution: int = 400,
    assumptions=None,
    ax=None,
    title: str = "",
    legend: bool = True,
):
    """Draw the parameter plane coloured by which equilibria exist.

    Parameters
    ----------
    solution : Solution, Result, or a tuple of them
        Anything that carries conditions: pure and mixed Nash, Bayesian Nash,
        PBE, cutoff equilibria, a threshold, the book's models' solutions, or
        an object with a ``region_labels()`` method
        (:mod:`symtrust.render.regions`).
    x, y : tuple
        ``(parameter, low, high)`` for the horizontal and vertical axes.
    fixed : mapping, optional
        Exact values of every other parameter.
    labels : mapping, optional
        Words for the legend, replacing the default label of a region
        (keyed by that label).
    resolution : int
        Grid points per axis (the colouring's resolution; boundaries are
        drawn from the relations themselves).
    assumptions : iterable of Booleans, optional
        Extra conditions outside which the plane is hatched.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.
    title : str
        A title for the axes.
    legend : bool
        Whether to draw the legend (below the axes).

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ModelError
        For bad axes, inexact or missing fixed values, or an object without
        conditions.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from symtrust import pure_nash, bimatrix, positive
    >>> a, b = positive("a b")
    >>> game = bimatrix([[a, 0], [0, b]], [[1, 0], [0, 1]])
    >>> ax = region_map(pure_nash(game), x=(a, 0, 2), y=(b, 0, 2), resolution=50)
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('$a$', '$b$')
    """
    grid = region_grid(
        solution, x, y, fixed, resolution=resolution, assumptions=assumptions
    )
    plt = pyplot()
    np = numpy()
    if ax is None:
        _, ax = plt.subplots(figsize=(6.4, 4.8))
    renamed = dict(labels or {})
    grid.regions = tuple(
        Region(renamed.get(r.label, r.label), r.condition) for r in grid.regions
    )
    # codes with the same words share a colour (and no boundary between them)
    words = list(dict.fromkeys(grid.legend().values()))
    shown = list(dict.fromkeys(grid.legend(least=0.001).values()))
    colours = {w: _PALETTE[k % len(_PALETTE)] for k, w in enumerate(words)}
    # one lookup: code -> colour row (rows 0, 1: outside, undefined)
    codes = grid.codes
    index = np.zeros(codes.shape, np.int64)
    table = [(230, 230, 230), (140, 140, 140)]
    by_words = np.full(codes.shape, OUTSIDE, np.int64)
    for c, w in grid.legend().items():
        at = codes == c
        index[at] = 2 + words.index(w)
        by_words[at] = words.index(w)
    index[codes == UNDEFINED] = 1
    by_words[codes == UNDEFINED] = UNDEFINED
    table += [_rgb(colours[w]) for w in words]
    rgb = np.asarray(table, np.uint8)[index]
    (_, x0, x1), (_, y0, y1) = grid.x, grid.y
    ax.imshow(
        rgb,
        origin="lower",
        extent=(x0, x1, y0, y1),
        aspect="auto",
        interpolation="nearest",
    )
    handles = [
        plt.Rectangle((0, 0), 1, 1, facecolor=colours[w], edgecolor="0.3", lw=0.5)
        for w in shown
    ]
    names = [_mpl_text(w) for w in shown]
    outside = grid.codes == OUTSIDE
    if outside.any():
        step = max(1, grid.codes.shape[0] // 200)
        with plt.rc_context({"hatch.color": "0.65", "hatch.linewidth": 0.6}):
            ax.contourf(
                grid.X[::step, ::step],
                grid.Y[::step, ::step],
                outside[::step, ::step].astype(float),
                levels=[0.5, 1.5],
                colors="none",
                hatches=["///"],
            )
        handles.append(
            plt.Rectangle((0, 0), 1, 1, facecolor="0.9", hatch="//", edgecolor="0.5")
        )
        names.append("outside the assumptions")
    if (grid.codes == UNDEFINED).any():
        handles.append(plt.Rectangle((0, 0), 1, 1, facecolor="0.55"))
        names.append("a result is undefined")
    _boundaries(ax, grid, by_words)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_xlabel(f"${math(grid.x[0])}$")
    ax.set_ylabel(f"${math(grid.y[0])}$")
    if title:
        ax.set_title(_mpl_text(title))
    if legend and handles:
        ax.legend(
            handles,
            names,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.16),
            ncol=1,
            frameon=False,
            fontsize="small",
        )
    return ax


def _rgb(colour: str) -> tuple:
    """An ``#rrggbb`` colour as an (r, g, b) triple of bytes."""
    colour = colour.lstrip("#")
    return tuple(int(colour[k : k + 2], 16) for k in (0, 2, 4))


def _boundaries(ax, grid, colouring) -> None:
    """Each relation's zero set, where the colouring changes: g = 0 exactly."""
    np = numpy()
    near = _near_changes(colouring)
    if not near.any():
        return
    xs, ys = grid.X[0], grid.Y[:, 0]
    lines = []
    for g in grid.fields.values():
        # NaN is masked: the curve is kept only where the colouring changes
        z = np.where(near & np.isfinite(g), g, np.nan)
        with np.errstate(invalid="ignore"):
            if not ((z > 0).any() and (z < 0).any()):
                continue
        generator = optional.contourpy().contour_generator(
            xs, ys, z, line_type="Separate"
        )
        lines.extend(generator.lines(0.0))
    if lines:
        collection = optional.collections().LineCollection(
            lines, colors="black", linewidths=1.1
        )
        ax.add_collection(collection)


@dataclass(frozen=True)
class RegionFigure:
    """A region map a derivation draws: written as PDF and PNG by
    ``symtrust derive --latex`` and included in its document.

    Attributes
    ----------
    name : str
        A short name, unique in the derivation (the figure's file name).
    solution : Solution, Result or tuple
        What to map (see :func:`region_map`).
    x, y : tuple
        ``(parameter, low, high)``.
    fixed : mapping
        Exact values of the other parameters.
    labels : mapping, optional
        Legend words replacing default labels.
    caption : str
        The figure's caption in the document (plain text).
    resolution : int
        Grid points per axis.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.render.regions import Region
    >>> a, b = positive("a b")
    >>> figure = RegionFigure("a map", Region("a > b", a > b), (a, 0, 1), (b, 0, 1))
    >>> figure.name, figure.resolution
    ('a map', 400)
    """

    name: str
    solution: object
    x: tuple
    y: tuple
    fixed: Mapping = field(default_factory=dict)
    labels: Mapping | None = None
    caption: str = ""
    resolution: int = 400

    def draw(self, ax=None):
        """Draw the map; returns the Axes."""
        return region_map(
            self.solution,
            self.x,
            self.y,
            self.fixed,
            labels=self.labels,
            resolution=self.resolution,
            ax=ax,
        )

    def save(self, stem) -> list:
        """Write ``<stem>.pdf`` and ``<stem>.png``; returns the paths."""
        plt = pyplot()
        fig, ax = plt.subplots(figsize=(6.4, 5.2))
        self.draw(ax)
        fig.tight_layout()
        paths = []
        for ext, opts in (("pdf", {}), ("png", {"dpi": 150})):
            path = f"{stem}.{ext}"
            fig.savefig(path, bbox_inches="tight", metadata=_metadata(ext), **opts)
            paths.append(path)
        plt.close(fig)
        return paths


def _metadata(ext: str) -> dict:
    # deterministic files: no creation date
    if ext == "pdf":
        return {"CreationDate": None, "Creator": "symtrust", "Producer": "symtrust"}
    return {"Software": "symtrust"}
