"""The grid behind a region map: which regions hold at each point.

For a solution's regions (:mod:`symtrust.render.regions`) and two axes,
:func:`region_grid` evaluates every condition on a grid of cell centres:

1. the fixed parameters are substituted exactly;
2. each distinct relation ``lhs ~ rhs`` of the conditions and of the
   assumptions becomes one vectorised field ``g = lhs - rhs``
   (:func:`sympy.lambdify` with numpy), evaluated once on the whole grid;
3. a condition's truth follows from the signs of its fields in three-valued
   logic: a field that is not a finite real number at a point (a zero
   denominator, the root of a negative number) is *unknown* there, and a
   region that stays unknown marks the point as undefined.

The result, a :class:`RegionGrid`, codes each point by the set of regions
holding there (a bit mask), or as outside the assumptions, or undefined; the
fields are kept so that :mod:`symtrust.render.region_map` can draw each
boundary as the exact zero set of its relation. numpy is needed (the
``plot`` extra).

Examples
--------
>>> from symtrust import positive
>>> from symtrust.render.regions import Region
>>> a, b = positive("a b")
>>> grid = region_grid(Region("a above b", a > b), (a, 0, 1), (b, 0, 1), resolution=4)
>>> grid.legend()
{0: 'none of the listed equilibria', 1: 'a above b'}
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.assumptions import Assumptions
from symtrust.core.result import Solution
from symtrust.errors import ModelError
from symtrust.render.optional import numpy
from symtrust.render.regions import Region, regions

__all__ = ["OUTSIDE", "UNDEFINED", "RegionGrid", "region_grid", "warm_up"]

#: Code of points outside the assumptions, and of points where a result is undefined.
OUTSIDE, UNDEFINED = -1, -2


def _axis(spec, what: str):
    if not (isinstance(spec, tuple) and len(spec) == 3):
        raise ModelError(
            f"{what}={spec!r} must be a tuple (parameter, low, high), e.g. (c, 0, 2)"
        )
    sym, lo, hi = spec
    if not isinstance(sym, sympy.Symbol):
        raise ModelError(f"{what}: {sym!r} is not a parameter (a SymPy symbol)")
    for bound, name in ((lo, "low"), (hi, "high")):
        if isinstance(bound, (bool, str)) or not isinstance(
            bound, (int, float, Fraction, sympy.Rational, sympy.Integer, sympy.Float)
        ):
            raise ModelError(f"{what}: the {name} end {bound!r} must be a number")
    if not float(lo) < float(hi):
        raise ModelError(f"{what}: the range ({lo}, {hi}) is empty")
    return sym, float(lo), float(hi)


def _condition(cond):
    """A region's condition as a SymPy Boolean (Python bools allowed; text never
    parsed)."""
    if isinstance(cond, bool):
        return S.true if cond else S.false
    if not isinstance(cond, sympy.Basic):
        raise ModelError(
            f"a region's condition {cond!r} must be a SymPy condition or a bool"
        )
    return cond


def fixed_value(value, sym):
    """A fixed parameter value of a map: an exact number, never text.

    Examples
    --------
    >>> fixed_value(2, 'c')
    2
    """
    if isinstance(value, (bool, str)) or value is None:
        raise ModelError(f"fixed value {value!r} for {sym} must be a number")
    if isinstance(value, float):
        raise ModelError(
            f"fixed value {value!r} for {sym} is a float: give an exact number "
            "(an int, a Fraction or a SymPy Rational)"
        )
    try:
        return sympy.sympify(value, strict=True)
    except (sympy.SympifyError, TypeError) as exc:
        raise ModelError(f"fixed value {value!r} for {sym} is not a number") from exc


def _assumption_conditions(obj) -> list:
    parts = (
        obj.results
        if isinstance(obj, Solution)
        else (obj if isinstance(obj, (list, tuple)) else (obj,))
    )
    out = []
    for part in parts:
        if isinstance(part, Solution):
            out.extend(_assumption_conditions(part))
            continue
        assumptions = getattr(part, "assumptions", None)
        if isinstance(assumptions, Assumptions):
            out.extend(c for c in assumptions.conditions if c not in out)
    return out


def _relations(cond, out):
    if isinstance(cond, Relational):
        if cond not in out:
            out.append(cond)
    elif isinstance(cond, sympy.logic.boolalg.BooleanFunction):
        for a in cond.args:
            _relations(a, out)
    return out


@dataclass
class _Fields:
    """One vectorised field ``lhs - rhs`` per relation, evaluated on the grid."""

    X: object
    Y: object
    arrays: dict = field(default_factory=dict)
    truths: dict = field(default_factory=dict)

    def add(self, rel, x, y):
        if rel in self.arrays:
            return
        np = numpy()
        diff = rel.lhs - rel.rhs
        if not diff.free_symbols:
            value = complex(diff) if diff.is_finite else complex("nan")
            fill = value.real if abs(value.imag) < 1e-12 else float("nan")
            self.arrays[rel] = np.full(self.X.shape, fill)
            return
        f = sympy.lambdify((x, y), diff, modules="numpy")
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            values = np.asarray(f(self.X, self.Y))
            if values.shape != self.X.shape:
                values = np.broadcast_to(values, self.X.shape)
            if np.iscomplexobj(values):
                real = np.where(np.abs(values.imag) < 1e-12, values.real, np.nan)
            else:
                real = np.asarray(values, dtype=float)
        self.arrays[rel] = real

    def truth(self, rel):
        """(true, known) of one relation, computed once."""
        if rel not in self.truths:
            np = numpy()
            g = self.arrays[rel]
            known = np.isfinite(g)
            # a weak relation tolerates rounding at its boundary
            scale = 1e-9 * (1 + float(np.abs(g).max(initial=0.0, where=known)))
            op = rel.rel_op
            with np.errstate(invalid="ignore"):
                if op in (">", ">="):
                    true = g > (0 if op == ">" else -scale)
                elif op in ("<", "<="):
                    true = g < (0 if op == "<" else scale)
                elif op == "==":
                    true = np.abs(g) <= scale
                else:
                    true = np.abs(g) > scale
            self.truths[rel] = (true & known, known)
        return self.truths[rel]


def _truth(cond, fields):
    """Three-valued truth of a condition on the grid: (true, known) arrays."""
    np = numpy()
    shape = fields.X.shape
    if cond is S.true or cond is True:
        every = np.broadcast_to(True, shape)
        return every, every
    if cond is S.false or cond is False:
        return np.broadcast_to(False, shape), np.broadcast_to(True, shape)
    if isinstance(cond, Relational):
        return fields.truth(cond)
    if isinstance(cond, sympy.Not):
        t, k = _truth(cond.args[0], fields)
        return ~t & k, k
    if isinstance(cond, sympy.And):
        t, k = _truth(cond.args[0], fields)
        false = ~t & k
        for a in cond.args[1:]:
            t2, k2 = _truth(a, fields)
            t, false = t & t2, false | (~t2 & k2)
        return t, t | false
    if isinstance(cond, sympy.Or):
        t, k = _truth(cond.args[0], fields)
        false = ~t & k
        for a in cond.args[1:]:
            t2, k2 = _truth(a, fields)
            t, false = t | t2, false & (~t2 & k2)
        return t, t | false
    if isinstance(cond, sympy.Implies):
        return _truth(sympy.Or(sympy.Not(cond.args[0]), cond.args[1]), fields)
    raise ModelError(f"a region map cannot evaluate the condition {cond}")


@dataclass
class RegionGrid:
    """Which regions hold at each point of a grid (no drawing).

    Attributes
    ----------
    x, y : tuple
        ``(parameter, low, high)`` of each axis.
    X, Y : arrays
        The grid.
    codes : array of int
        At each point, a bit mask of the regions that hold there;
        :data:`OUTSIDE` outside the assumptions, :data:`UNDEFINED` where a
        result is undefined.
    regions : tuple of Region
        The regions, bit ``k`` standing for ``regions[k]``.
    fields : dict
        The field ``lhs - rhs`` of each relation, for the boundaries.

    Examples
    --------
    >>> from symtrust import positive
    >>> a, b = positive("a b")
    >>> grid = region_grid(Region("a > b", a > b), (a, 0, 1), (b, 0, 1), resolution=10)
    >>> grid.codes.shape, grid.label(1), grid.label(OUTSIDE)
    ((10, 10), 'a > b', 'outside the assumptions')
    """

    x: tuple
    y: tuple
    X: object
    Y: object
    codes: object
    regions: tuple
    fields: dict

    def label(self, code: int) -> str:
        """The words for a code: the regions holding there, joined."""
        if code == OUTSIDE:
            return "outside the assumptions"
        if code == UNDEFINED:
            return "a result is undefined"
        held = list(
            dict.fromkeys(r.label for k, r in enumerate(self.regions) if code >> k & 1)
        )
        if not held:
            return "none of the listed equilibria"
        return " + ".join(held)

    def legend(self, *, least: float = 0.0) -> dict:
        """Each code present on the grid (regions only) and its words.

        With ``least``, codes covering a smaller share of the grid (a
        boundary line where two weak inequalities both hold) are left out.
        """
        np = numpy()
        codes, counts = np.unique(self.codes, return_counts=True)
        total = self.codes.size
        present = [
            int(c)
            for c, n in zip(codes, counts, strict=True)
            if c >= 0 and n >= least * total
        ]
        return {c: self.label(c) for c in sorted(present)}


def region_grid(
    solution,
    x,
    y,
    fixed: Mapping | None = None,
    *,
    resolution: int = 400,
    assumptions=None,
) -> RegionGrid:
    """Evaluate a solution's regions on a grid of two parameters.

    Parameters are as for :func:`region_map`. Every condition is lambdified
    once and evaluated on the whole grid with numpy.

    Raises
    ------
    ModelError
        For an axis that is not ``(parameter, low, high)``, a fixed value that
        is not an exact number, or a parameter left without a value.

    Examples
    --------
    >>> from symtrust import positive
    >>> a, b = positive("a b")
    >>> grid = region_grid(Region("a above b", a > b), (a, 0, 1), (b, 0, 1), resolution=4)
    >>> int(grid.codes.sum())
    6
    """
    np = numpy()
    xs, ys = _axis(x, "x"), _axis(y, "y")
    if xs[0] == ys[0]:
        raise ModelError(f"x and y are both {xs[0]}: give two different parameters")
    if (
        not isinstance(resolution, int)
        or isinstance(resolution, bool)
        or resolution < 2
    ):
        raise ModelError(f"resolution={resolution!r} must be an integer >= 2")
    point = {k: fixed_value(v, k) for k, v in (fixed or {}).items()}
    found = tuple(
        Region(r.label, _condition(r.condition).xreplace(point))
        for r in regions(solution)
    )
    conds = [c.xreplace(point) for c in _assumption_conditions(solution)]
    conds += [c.xreplace(point) for c in (assumptions or ())]
    conds = [c for c in conds if c is not S.true]
    if any(c is S.false for c in conds):
        raise ModelError(f"the fixed values {point} violate the assumptions")
    axes = {xs[0], ys[0]}
    # an assumption on parameters the regions do not involve says nothing here
    conds = [c for c in conds if set(c.free_symbols) <= axes]
    loose = set()
    for cond in [r.condition for r in found]:
        loose |= set(getattr(cond, "free_symbols", set()))
    loose -= axes
    if loose:
        raise ModelError(
            f"fixed= must give values for {sorted(map(str, loose))}: only "
            f"{xs[0]} and {ys[0]} vary"
        )
    # cell centres: an open domain's end is never a grid point
    X, Y = np.meshgrid(_centres(xs, resolution), _centres(ys, resolution))
    fields = _Fields(X, Y)
    relations = []
    for cond in [r.condition for r in found] + conds:
        _relations(cond, relations)
    for rel in relations:
        fields.add(rel, xs[0], ys[0])
    inside = np.ones(X.shape, bool)
    for cond in conds:
        t, _ = _truth(cond, fields)
        inside &= t
    codes = np.zeros(X.shape, np.int64)
    unknown = np.zeros(X.shape, bool)
    for k, r in enumerate(found):
        t, known = _truth(r.condition, fields)
        codes |= t.astype(np.int64) << k
        unknown |= ~known
    codes[unknown] = UNDEFINED
    codes[~inside] = OUTSIDE
    return RegionGrid(xs, ys, X, Y, codes, found, fields.arrays)


def warm_up() -> None:
    """Import what lambdify's numpy printer needs (once per process, ~0.3 s).

    Examples
    --------
    >>> warm_up()
    """
    x, y = sympy.symbols("x y", real=True)
    sympy.lambdify((x, y), sympy.sqrt(x) + y, modules="numpy")(1.0, 1.0)


def _centres(axis, n):
    np = numpy()
    _, lo, hi = axis
    step = (hi - lo) / n
    return lo + step * (np.arange(n) + 0.5)
