"""Folk-theorem regions of two-player repeated games.

The folk theorem (Fudenberg and Maskin 1986; Mailath and Samuelson 2006,
ch. 3) says that, for patient enough players, every feasible and strictly
individually rational payoff vector is a subgame-perfect equilibrium payoff
(with public randomization). Its two ingredients, for a two-player stage
game:

1. *individual rationality* (:func:`minmax`): player :math:`i`'s minmax value
   :math:`v_i = \\min_{\\alpha_{-i}} \\max_{a_i} u_i(a_i, \\alpha_{-i})`, over the
   other's pure actions, or (for a 2x2 stage game, where it has a closed form)
   over its mixed actions: the other's probability :math:`q` of its first
   action minimises the upper envelope of two lines in :math:`q`, so the
   minimum lies at :math:`q = 0`, :math:`q = 1` or where the lines cross;
   each maximum and minimum is decided under the assumptions when z3 can,
   else left as ``Max``/``Min`` (exact either way);
2. *feasibility* (:func:`folk_region`): the target :math:`(x_1, x_2)` lies in
   the convex hull of the pure payoff vectors. By Carathéodory's theorem in
   the plane a point is in the hull iff it lies in a triangle of three of the
   points or on a segment between two (degenerate triangles), a finite
   disjunction of polynomial sign conditions (simplified by z3 when the
   payoffs are numbers; with symbolic payoffs it is left as that exact
   disjunction, which z3 decides at any target).

The discount factor above which the payoff of a pure profile is sustained by
grim trigger (play the profile until anyone deviates, then a punishment
profile, by default a stage Nash equilibrium, forever) is the minimum
discount factor of that automaton (:func:`grim_trigger_discount`).

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> minmax(prisoners_dilemma(), "row").value
P
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.parameters import real
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.normal_form.model import NormalFormGame
from symtrust.games.normal_form.pure_nash import pure_nash
from symtrust.games.repeated.automaton import OTHERWISE, automaton
from symtrust.games.repeated.discount import DiscountThreshold, minimum_discount
from symtrust.games.repeated.model import RepeatedGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide

__all__ = [
    "FolkRegion",
    "Minmax",
    "folk_region",
    "grim_trigger_discount",
    "minmax",
    "stage_punishment",
]


@dataclass(frozen=True, kw_only=True)
class Minmax(Result):
    """A player's minmax value (pure or, in a 2x2 game, mixed).

    Attributes
    ----------
    player : str
    mixed : bool
    game : NormalFormGame
        The stage game.
    """

    player: str = ""
    mixed: bool = False
    game: Any = None


@dataclass(frozen=True, kw_only=True)
class FolkRegion(Result):
    """Feasible and strictly individually rational payoffs of a 2-player game.

    ``value`` is the condition on the target ``(x_1, x_2)``.

    Attributes
    ----------
    target : tuple of Symbol
    feasible : sympy Boolean
        The target lies in the convex hull of the pure payoff vectors.
    minmax : tuple of Minmax
    points : tuple
        The pure payoff vectors.
    game : NormalFormGame
        The stage game.
    """

    target: tuple = ()
    feasible: Any = S.true
    minmax: tuple = ()
    points: tuple = ()
    game: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, self.value)]
        for m in self.minmax:
            rows.append((f"minmax of {m.player}", m.value))
        return tuple(rows)


def _extreme(values, assume, budget, *, low: bool):
    """The least (or greatest) of exact values, decided under the assumptions."""
    values = list(dict.fromkeys(sympy.sympify(v, strict=True) for v in values))
    for v in values:
        others = [v <= o if low else v >= o for o in values if o is not v]
        if decide(sympy.And(*others), assume, budget=budget).truth is True:
            return v
    return sympy.Min(*values) if low else sympy.Max(*values)


def _two_players(stage):
    if not isinstance(stage, NormalFormGame):
        stage = getattr(stage, "stage", stage)
    if not isinstance(stage, NormalFormGame):
        raise ModelError(f"expected a normal-form stage game, got {stage!r}")
    if len(stage.players) != 2:
        raise ModelError(
            f"folk-theorem regions are for two players; the game has "
            f"{len(stage.players)}"
        )
    return stage


def _payoff(stage, i, own, other):
    return stage.utility(i, (own, other) if i == 0 else (other, own))


def minmax(stage, player, *, mixed: bool = False, budget=None) -> Minmax:
    """A player's minmax value: the least the other can hold it to.

    Parameters
    ----------
    stage : NormalFormGame or RepeatedGame
    player : str or int
    mixed : bool
        Minimise over the other's mixed actions (2x2 stage games only).
    budget : Budget, float or None

    Raises
    ------
    UnsupportedError
        ``mixed=True`` for a stage game that is not 2x2.

    Examples
    --------
    >>> from symtrust.catalog import symmetric_2x2
    >>> from symtrust import bimatrix
    >>> pennies = bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]])
    >>> minmax(pennies, 0).value, minmax(pennies, 0, mixed=True).value
    (1, 0)
    """
    budget = Budget.of(budget)
    stage = _two_players(stage)
    i = stage.player_index(player)
    own, other = stage.actions[i], stage.actions[1 - i]
    assume = stage.assumptions
    steps = []
    if not mixed:
        best = {
            b: _extreme(
                [_payoff(stage, i, a, b) for a in own], assume, budget, low=False
            )
            for b in other
        }
        steps = [
            Step(f"best reply value against {b}", v, "max over own actions")
            for b, v in best.items()
        ]
        value = _extreme(best.values(), assume, budget, low=True)
    else:
        if len(own) != 2 or len(other) != 2:
            raise UnsupportedError(
                f"the mixed minmax has a closed form here for 2x2 stage games; "
                f"{stage.players[i]!r} has {len(own)} actions and the other "
                f"{len(other)}"
            )
        value, steps = _mixed_minmax(stage, i, own, other, assume, budget)
    steps.append(Step("minmax", value, "min over the other's actions of the max"))
    return Minmax(
        kind=f"{'mixed' if mixed else 'pure'} minmax value",
        value=value,
        assumptions=assume,
        steps=tuple(steps),
        player=stage.players[i],
        mixed=mixed,
        game=stage,
    )


def _mixed_minmax(stage, i, own, other, assume, budget):
    q = sympy.Dummy("q")
    lines = [
        q * _payoff(stage, i, a, other[0]) + (1 - q) * _payoff(stage, i, a, other[1])
        for a in own
    ]
    ends = [
        _extreme([ln.xreplace({q: e}) for ln in lines], assume, budget, low=False)
        for e in (S.Zero, S.One)
    ]
    # the two lines cross where their difference vanishes (if it is not constant)
    diff = sympy.expand(lines[0] - lines[1])
    slope = diff.coeff(q)
    candidates = list(ends)
    steps = [Step("upper envelope at q = 0 and q = 1", tuple(ends), "max of the lines")]
    if slope != 0:
        cross = sympy.factor(sympy.cancel(-(diff - slope * q) / slope))
        inside = sympy.And(sympy.Ne(slope, 0), cross >= 0, cross <= 1)
        at_cross = sympy.factor(sympy.cancel(lines[0].xreplace({q: cross})))
        truth = decide(inside, assume, budget=budget).truth
        if truth is True:
            candidates.append(at_cross)
        elif truth is None:
            candidates.append(sympy.Piecewise((at_cross, inside), (ends[0], True)))
        steps.append(Step("the lines cross at q", cross, "equal payoffs"))
    return _extreme(candidates, assume, budget, low=True), steps


def _hull_condition(points, x, y):
    """``(x, y)`` in the convex hull of the points (Carathéodory, the plane)."""
    out = []
    for (x1, y1), (x2, y2), (x3, y3) in itertools.combinations(points, 3):
        det = (y2 - y3) * (x1 - x3) + (x3 - x2) * (y1 - y3)
        n1 = (y2 - y3) * (x - x3) + (x3 - x2) * (y - y3)
        n2 = (y3 - y1) * (x - x3) + (x1 - x3) * (y - y3)
        n3 = det - n1 - n2
        out.append(sympy.And(det > 0, n1 >= 0, n2 >= 0, n3 >= 0))
        out.append(sympy.And(det < 0, n1 <= 0, n2 <= 0, n3 <= 0))
    for (x1, y1), (x2, y2) in itertools.combinations(points, 2):
        cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)
        along = (x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)
        back = (x - x2) * (x1 - x2) + (y - y2) * (y1 - y2)
        out.append(sympy.And(sympy.Eq(cross, 0), along >= 0, back >= 0))
    for x1, y1 in points:
        out.append(sympy.And(sympy.Eq(x, x1), sympy.Eq(y, y1)))
    return sympy.Or(*out)


def folk_region(stage, *, target=None, mixed: bool = False, budget=None) -> FolkRegion:
    """The feasible, strictly individually rational payoffs of a 2-player game.

    Parameters
    ----------
    stage : NormalFormGame or RepeatedGame
    target : pair of Symbols, optional
        The payoff coordinates (default ``x_1, x_2``).
    mixed : bool
        Individual rationality against mixed minmax (2x2 only).
    budget : Budget, float or None

    Examples
    --------
    >>> import sympy
    >>> from symtrust.catalog import symmetric_2x2
    >>> region = folk_region(symmetric_2x2(3, 0, 5, 1))
    >>> x1, x2 = region.target
    >>> region.value.xreplace({x1: 2, x2: 2}), region.value.xreplace({x1: 4, x2: 1})
    (True, False)
    """
    budget = Budget.of(budget)
    stage = _two_players(stage)
    if target is None:
        target = real("x_1 x_2")
    if not (
        isinstance(target, tuple)
        and len(target) == 2
        and all(isinstance(s, sympy.Symbol) for s in target)
    ):
        raise ModelError(f"target must be a pair of SymPy symbols, got {target!r}")
    clash = {s.name for s in target} & {s.name for s in stage.parameters}
    if clash:
        raise ModelError(f"target symbols {sorted(clash)} are parameters of the game")
    points = tuple(dict.fromkeys(stage.payoff(p) for p in stage.profiles()))
    x, y = target
    feasible = _hull_condition(points, x, y)
    values = tuple(minmax(stage, i, mixed=mixed, budget=budget) for i in (0, 1))
    value = sympy.And(feasible, x > values[0].value, y > values[1].value)
    if not stage.parameters:
        # numeric payoffs: linear relations in the target, simplified quickly
        value = simplify_condition(value, stage.assumptions, budget=budget)
    return FolkRegion(
        kind="feasible and strictly individually rational",
        value=value,
        assumptions=stage.assumptions,
        steps=(
            Step("pure payoff vectors", points, "one per profile"),
            Step("feasible", feasible, "in a triangle or on a segment of them"),
            *(Step(f"minmax of {m.player}", m.value, m.kind) for m in values),
        ),
        target=target,
        feasible=feasible,
        minmax=values,
        points=points,
        game=stage,
    )


def stage_punishment(stage, budget=None):
    """A pure stage Nash equilibrium holding at every admissible point."""
    for eq in pure_nash(stage, budget=Budget.of(budget)):
        if eq.condition is S.true:
            return eq.profile
    raise ModelError(
        "the stage game has no pure Nash equilibrium at every admissible point; "
        "give punishment= (a profile played forever after a deviation)"
    )


def grim_trigger_discount(
    game, profile, *, punishment=None, budget=None
) -> DiscountThreshold:
    """The least discount factor at which grim trigger sustains a pure profile.

    Play ``profile`` until anyone deviates, then ``punishment`` (by default a
    pure stage Nash equilibrium holding at every admissible point) forever;
    the result is that automaton's
    :func:`~symtrust.games.repeated.discount.minimum_discount`.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.model import repeated_game
    >>> grim_trigger_discount(repeated_game(prisoners_dilemma()), ("C", "C")).value
    (R - T)/(P - T)
    """
    if not isinstance(game, RepeatedGame):
        raise ModelError(f"expected a RepeatedGame, got {type(game).__name__}")
    budget = Budget.of(budget)
    punish = stage_punishment(game.stage, budget) if punishment is None else punishment
    a = automaton(
        game.stage,
        ("sustain", "punish"),
        {
            "sustain": tuple(profile) if isinstance(profile, list) else profile,
            "punish": punish,
        },
        {"sustain": {profile: "sustain", OTHERWISE: "punish"}, "punish": "punish"},
        name=f"grim trigger sustaining {profile}",
    )
    return minimum_discount(game, a, budget=budget)
