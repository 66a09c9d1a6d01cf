"""Where each equilibrium exists: the regions a region map colours.

A *region* is a label in the book's words ("trustworthy types cooperate",
"mutual defection (D, D)") and the condition, a SymPy Boolean over the
parameters, under which the labelled result holds. :func:`regions` finds
them for every solution type that carries conditions:

* the **protocol**: any object with a ``region_labels()`` method returning
  ``(label, condition)`` pairs (or :class:`Region` values) supplies its own;
  a family of games adds region maps for its solutions by defining it (the
  subgame-perfect equilibria of game trees, for example), with no import of
  this module;
* a :class:`~symtrust.core.result.Solution` (pure and mixed Nash, Bayesian
  Nash, PBE, arming, costly signals, cooperative sets): one region per
  result, labelled by :func:`label_of`;
* cutoff equilibria: each equilibrium split into its stable and unstable
  parts where stability depends on the parameters;
* a trust threshold: where the player cooperates and where it defects;
* any other result: where it holds;
* a :class:`Region` itself (a derivation may map a condition it derived);
* a tuple or list of the above: all their regions.

Examples
--------
>>> from symtrust import pure_nash
>>> from symtrust.catalog import stag_hunt
>>> [r.label for r in regions(pure_nash(stag_hunt()))]
['mutual cooperation (C, C)', 'mutual defection (D, D)']
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.result import Result, Solution
from symtrust.errors import ModelError
from symtrust.games.bayesian.bayes_nash import BayesNashEquilibrium
from symtrust.games.bayesian.thresholds import Threshold
from symtrust.games.continuous_types.cutoffs import CutoffEquilibrium
from symtrust.games.normal_form.mixed_nash import MixedEquilibrium
from symtrust.games.normal_form.pure_nash import PureEquilibrium
from symtrust.games.signaling.pbe import PerfectBayesianEquilibrium

__all__ = ["Region", "label_of", "regions"]


@dataclass(frozen=True)
class Region:
    """A labelled part of the parameter space.

    Attributes
    ----------
    label : str
        The book's words for what holds there (plain text; formulas in it
        such as ``pi_h`` are typeset).
    condition : sympy Boolean
        Where it holds.

    Examples
    --------
    >>> import sympy
    >>> Region("a wins", sympy.Symbol("a") > 1).label
    'a wins'
    """

    label: str
    condition: object = S.true


def _profile_words(profile) -> str:
    acts = tuple(str(a) for a in profile)
    shown = "(" + ", ".join(acts) + ")"
    if all(a == "C" for a in acts):
        return f"mutual cooperation {shown}"
    if all(a == "D" for a in acts):
        return f"mutual defection {shown}"
    return f"profile {shown}"


def _bne_words(eq) -> str:
    actions = [a for s in eq.strategies for a in s.values()]
    if all(a == "D" for a in actions):
        return "all defect"
    trustworthy = [
        a for s in eq.strategies for t, a in s.items() if str(t).startswith("trust")
    ]
    others = [
        a for s in eq.strategies for t, a in s.items() if not str(t).startswith("trust")
    ]
    if (
        trustworthy
        and all(a == "C" for a in trustworthy)
        and all(a == "D" for a in others)
    ):
        return "cooperative: trustworthy types cooperate"
    parts = []
    for player, s in zip(eq.game.players, eq.strategies, strict=True):
        parts.append(f"{player}: " + ", ".join(f"{t} {a}" for t, a in s.items()))
    return "; ".join(parts)


def label_of(result) -> str:
    """A result's name in the book's words, for a legend.

    Examples
    --------
    >>> from symtrust import pure_nash
    >>> from symtrust.catalog import prisoners_dilemma
    >>> label_of(pure_nash(prisoners_dilemma())[0])
    'mutual defection (D, D)'
    """
    if isinstance(result, PureEquilibrium):
        return _profile_words(result.profile)
    if isinstance(result, BayesNashEquilibrium):
        return _bne_words(result)
    if isinstance(result, MixedEquilibrium):
        shown = " x ".join("(" + ", ".join(s) + ")" for s in result.supports)
        return f"mixed equilibrium, supports {shown}"
    if isinstance(result, PerfectBayesianEquilibrium):
        return f"{result.label} PBE"
    if isinstance(result, CutoffEquilibrium):
        return str(result.kind)
    regime = getattr(result, "regime", None)
    if isinstance(regime, str) and regime:
        stable = getattr(result, "stable", None)
        word = {S.true: ", stable", S.false: ", unstable"}.get(stable, "")
        return f"{result.kind}{word} ({regime})"
    cooperators = getattr(result, "cooperators", None)
    if cooperators is not None and hasattr(result, "defectors"):
        who = ", ".join(map(str, cooperators)) if cooperators else "nobody"
        return f"cooperators: {who}"
    return str(getattr(result, "kind", "") or type(result).__name__)


def _cutoff_regions(eq) -> list[Region]:
    name = label_of(eq)
    if eq.stability in (S.true, S.false):
        word = "stable" if eq.stability is S.true else "unstable"
        return [Region(f"{name} ({word})", eq.condition)]
    return [
        Region(f"{name} (stable)", sympy.And(eq.condition, eq.stability)),
        Region(f"{name} (unstable)", sympy.And(eq.condition, sympy.Not(eq.stability))),
    ]


def _threshold_regions(t) -> list[Region]:
    who = (f"{t.type} " if t.type else "") + str(t.player)
    rel = t.cooperates if t.trust is not None else t.cooperation
    act = t.actions[0] if t.actions else "C"
    other = t.actions[1] if len(t.actions) > 1 else "D"
    return [
        Region(f"{who} plays {act}", sympy.And(rel, t.condition)),
        Region(f"{who} plays {other}", sympy.And(sympy.Not(rel), t.condition)),
    ]


def _as_region(item) -> Region:
    if isinstance(item, Region):
        return item
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        return Region(item[0], item[1])
    raise ModelError(
        f"region_labels() must give (label, condition) pairs or Region values, "
        f"got {item!r}"
    )


def regions(obj) -> tuple[Region, ...]:
    """The labelled regions of a solution, a result or a sequence of them.

    Raises
    ------
    ModelError
        For an object that carries no conditions.

    Examples
    --------
    >>> from symtrust import positive
    >>> a = positive("a")
    >>> [r.label for r in regions((Region("big", a > 1), Region("small", a <= 1)))]
    ['big', 'small']
    """
    if isinstance(obj, Region):
        return (obj,)
    supplied = getattr(obj, "region_labels", None)
    if callable(supplied):
        return tuple(_as_region(item) for item in supplied())
    if isinstance(obj, (list, tuple)):
        return tuple(r for item in obj for r in regions(item))
    if isinstance(obj, Solution):
        out = []
        for r in obj.results:
            out.extend(regions(r))
        return tuple(out)
    if isinstance(obj, CutoffEquilibrium):
        return tuple(_cutoff_regions(obj))
    if isinstance(obj, Threshold):
        return tuple(_threshold_regions(obj))
    if isinstance(obj, Result):
        return (Region(label_of(obj), obj.condition),)
    raise ModelError(
        f"a region map needs a solution or result with conditions, got "
        f"{type(obj).__name__}"
    )
