"""Plots of closed forms against one parameter (optional: needs matplotlib).

``plot(result, wrt, fixed=...)`` draws a result's value (or a bare expression)
as a function of one parameter, the others fixed at exact values, over the
parameter's domain (cut to a finite window). Where the result's condition
fails, or the value is undefined or not real, the curve is left out and the
background is shaded, so a plot never shows a closed form outside its region
of validity. Evaluation uses floats (plots are the one place for them), after
exact substitution of the fixed parameters.

matplotlib is an optional dependency (``pip install symtrust[plot]``),
imported only when a plot is drawn.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from symtrust import positive, interval
>>> c, w = positive("c w")
>>> t_T = interval("t_T", 0, 1, right_open=True)
>>> ax = plot((c - w) / (1 - t_T + c - w), c, fixed={w: 1, t_T: 0})
>>> ax.get_xlabel(), ax.get_ylabel()
('$c$', '$\\\\frac{c - 1}{c}$')
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import sympy
from sympy import S

from symtrust.core.printer import math
from symtrust.core.result import Result
from symtrust.errors import ModelError
from symtrust.render.canonical import canonical, tex
from symtrust.render.optional import pyplot as _pyplot

__all__ = ["plot"]

_WINDOW = 10


def _end(value, what: str):
    if isinstance(value, (bool, str)):
        raise ModelError(f"{what}={value!r} must be a number")
    try:
        out = sympy.sympify(value, strict=True)
    except (sympy.SympifyError, TypeError) as exc:
        raise ModelError(f"{what}={value!r} must be a number") from exc
    if not (out.is_number and out.is_real):
        raise ModelError(f"{what}={value!r} must be a real number")
    return out


def _range(wrt, lower, upper):
    domain = getattr(wrt, "domain", S.Reals)
    lo = _end(lower, "lower") if lower is not None else domain.inf
    hi = _end(upper, "upper") if upper is not None else domain.sup
    if lo.is_finite and hi.is_finite and not lo < hi:
        raise ModelError(f"the window [{lo}, {hi}] is empty: lower must be below upper")
    if not lo.is_finite and not hi.is_finite:
        lo, hi = -_WINDOW, _WINDOW
    elif not lo.is_finite:
        lo = hi - _WINDOW
    elif not hi.is_finite:
        hi = lo + _WINDOW
    return float(lo), float(hi)


def plot(
    obj,
    wrt: sympy.Symbol,
    *,
    fixed: Mapping | None = None,
    lower=None,
    upper=None,
    samples: int = 200,
    ax=None,
):
    """Plot a result's value (or an expression) against one parameter.

    Parameters
    ----------
    obj : Result or sympy.Expr
        A result (its ``value`` and ``condition`` are used) or an expression.
    wrt : Symbol
        The parameter on the horizontal axis.
    fixed : mapping, optional
        Exact values for every other parameter.
    lower, upper : number, optional
        The window; by default the parameter's domain, cut to a finite range.
    samples : int
        Points along the axis.
    ax : matplotlib Axes, optional
        Where to draw; a new figure by default.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ModelError
        If parameters other than ``wrt`` are left without a value, or the
        value is not a single expression.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from symtrust import probability
    >>> from symtrust.results import Result
    >>> p = probability("p")
    >>> ax = plot(Result(kind="posterior", value=p / (2 - p)), p)
    >>> ax.get_ylabel(), len(ax.lines[0].get_xdata())
    ('posterior', 200)
    """
    value = getattr(obj, "value", obj)
    condition = getattr(obj, "condition", S.true)
    if not isinstance(value, sympy.Expr):
        raise ModelError(f"plot needs a single expression, got {value!r}")
    point = {}
    for k, v in (fixed or {}).items():
        if isinstance(v, (str, bool)):
            raise ModelError(f"fixed value {v!r} for {k} must be a number")
        point[k] = sympy.Rational(v) if isinstance(v, (int, Fraction)) else v
    value, condition = value.xreplace(point), condition.xreplace(point)
    loose = (value.free_symbols | getattr(condition, "free_symbols", set())) - {wrt}
    if loose:
        raise ModelError(
            f"fixed= must give values for {sorted(map(str, loose))}: only {wrt} varies"
        )
    lo, hi = _range(wrt, lower, upper)
    xs = [lo + (hi - lo) * k / (samples - 1) for k in range(samples)]
    f = sympy.lambdify(wrt, value, "math")
    ok = sympy.lambdify(wrt, condition, "math") if condition is not S.true else None
    ys = []
    for x in xs:
        try:
            valid = ok is None or bool(ok(x))
            y = complex(f(x)) if valid else None
            ys.append(y.real if y is not None and abs(y.imag) < 1e-12 else None)
        except (ZeroDivisionError, ValueError, OverflowError, TypeError):
            ys.append(None)
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots()
    ax.plot(xs, [float("nan") if y is None else y for y in ys])
    for x, y in zip(xs, ys, strict=True):
        if y is None:
            ax.axvspan(
                x - (hi - lo) / (2 * samples),
                x + (hi - lo) / (2 * samples),
                color="0.9",
                linewidth=0,
            )
    ax.set_xlabel(f"${math(wrt)}$")
    # a result is labelled by its kind; a bare expression by its formula
    # (an Expr's own ``kind`` attribute is SymPy's NumberKind, not a label)
    label = obj.kind if isinstance(obj, Result) and isinstance(obj.kind, str) else ""
    ax.set_ylabel(label if label else f"${tex(canonical(value))}$")
    return ax
