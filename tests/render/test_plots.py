"""Plots leave out the region where a result's condition fails."""

from __future__ import annotations

import math

import pytest
import sympy

from symtrust import interval, positive
from symtrust.errors import ModelError
from symtrust.render.plots import plot
from symtrust.results import Result

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def test_curve_is_absent_where_the_condition_fails():
    x = interval("x", 0, 3)
    result = Result(kind="root", value=sympy.sqrt(x - 1), condition=x >= 1)
    ax = plot(result, x, samples=61)
    xs, ys = ax.lines[0].get_data()
    for xv, yv in zip(xs, ys, strict=True):
        if xv < 1 - 1e-9:
            assert math.isnan(yv)
        else:
            assert yv == pytest.approx(math.sqrt(xv - 1))
    assert ax.get_ylabel() == "root"


def test_every_other_parameter_needs_a_value():
    c, w = positive("c w")
    with pytest.raises(ModelError, match="fixed="):
        plot(c - w, c)
    ax = plot(c - w, c, fixed={w: 1}, samples=11)
    xs, ys = ax.lines[0].get_data()
    assert list(ys) == pytest.approx([xv - 1 for xv in xs])
