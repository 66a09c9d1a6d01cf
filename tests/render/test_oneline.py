"""symtrust derive prints each result as one compact line."""

from __future__ import annotations

import sympy

from symtrust import (
    bayes_nash,
    interval,
    positive,
    probability,
    trust_game,
    trust_threshold,
)
from symtrust.catalog import symmetric_2x2
from symtrust.logic.statics import comparative_statics
from symtrust.render.oneline import WIDTH, result_line
from symtrust.results import Result


def test_a_threshold_line_is_solved_for_the_trust():
    c, w = positive("c w")
    t_T = interval("t_T", 0, 1, right_open=True)
    p = probability("pi_2")
    game = trust_game(
        [[1, -c], [t_T, -w]], [[1, -c], [2, -w]], (p, p), assumptions=[c > w]
    )
    line = result_line("threshold", trust_threshold(game, "row"))
    assert line == (
        "threshold: trustworthy row cooperates iff pi_2 >= (c - w)/(c - t_T - w + 1)"
    )


def test_a_solution_is_one_line_with_each_equilibrium_and_where_it_holds():
    t1, t2 = probability("t1 t2")
    game = trust_game(symmetric_2x2(4, 1, 3, 2), symmetric_2x2(3, 1, 4, 2), (t1, t2))
    line = result_line("BNE", bayes_nash(game))
    assert "\n" not in line
    assert line == (
        "BNE: 2 Bayesian Nash equilibria -- cooperative: trustworthy types cooperate "
        "(t1 >= 1/2, t2 >= 1/2); all defect (always)"
    )


def test_comparative_statics_read_as_words():
    c, w = positive("c w")
    line = result_line("slope", comparative_statics((c - w) / (1 + c - w), c, [c > w]))
    assert line == "slope: increasing in c at every admissible point"


def test_long_lines_are_cut():
    x = sympy.Symbol("x", positive=True)
    long = Result(kind="sum", value=sum(x**k for k in range(1, 80)))
    line = result_line("long", long)
    assert len(line) == WIDTH and line.endswith("...")
