"""Action values and sequential rationality of a given profile, in closed form.

For a behaviour profile ``b`` (possibly with symbolic probabilities) and an
information set I of player i with members n:

1. the *value* of action a at n is i's expected payoff from taking a at n
   and following ``b`` afterwards, ``U(n, a)``;
2. on the path (``Pr(I) > 0``) the *action value* is the Bayes-weighted
   ``EV(a) = sum_n Pr(n) U(n, a) / Pr(I)`` (:mod:`symtrust.games.extensive.beliefs`);
3. ``b`` is *sequentially rational* at I when every action in its support,
   followed by ``b``, does at least as well as every continuation strategy
   of the owner (:mod:`symtrust.games.extensive._continuations`): on the
   path under Bayes' beliefs (inequalities multiplied by ``Pr(I)``), off the
   path under some belief (:mod:`symtrust.games.extensive._beliefs`), and at
   a single node with no belief at all.

These are the building blocks of the equilibrium solvers, exposed for a
candidate a modeller already has in mind: "is this assessment an
equilibrium, and where?" and "what does each action give here?".

Examples
--------
>>> from symtrust import game_tree, probability
>>> from symtrust.games.extensive import chance, decision
>>> p = probability("p")
>>> g = game_tree(chance({
...     "honest": (p, decision("trustee", {"honor": (1, 1), "abuse": (-1, 0)}, info="T1")),
...     "greedy": (1 - p, decision("trustee", {"honor": (1, 0), "abuse": (-1, 2)}, info="T2"))}),
...     players=("investor", "trustee"))
>>> sr = sequential_rationality(g, {"T1": "honor", "T2": "abuse"})
>>> sr.condition
True
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import TypeMap
from symtrust.games.extensive._beliefs import supportable
from symtrust.games.extensive._cases import Case, Cases
from symtrust.games.extensive._continuations import continuation_gaps
from symtrust.games.extensive.beliefs import path_probability
from symtrust.games.extensive.model import ExtensiveGame
from symtrust.games.extensive.profiles import behaviour, node_values
from symtrust.logic.conditions import sign_under

__all__ = [
    "ActionValues",
    "SequentialRationality",
    "action_values",
    "sequential_rationality",
]


@dataclass(frozen=True, kw_only=True)
class ActionValues(Result):
    """Expected payoff of each action at an information set, under a profile.

    ``value`` maps action -> expected payoff of the set's owner (Bayes'
    beliefs); ``condition`` says where the set is reached (True for a
    single node).

    Attributes
    ----------
    infoset : str
    game : ExtensiveGame
    profile : tuple
        ``(label, probabilities)`` pairs of the behaviour used.
    """

    infoset: str = ""
    profile: tuple = ()

    @property
    def parameters(self) -> frozenset:
        """Free symbols of the values, the profile and the assumptions."""
        out = set(self.assumptions.symbols) | set(self.condition.free_symbols)
        for v in self.value.values():
            out |= v.free_symbols
        for _, probs in self.profile:
            for q in probs:
                out |= q.free_symbols
        return frozenset(out)

    def display_rows(self):
        """Rows for the renderers."""
        return ((f"action values at {self.infoset}", self.value),)


@dataclass(frozen=True, kw_only=True)
class SequentialRationality(Result):
    """Where a profile is sequentially rational at some information sets.

    ``condition`` is that region; ``value`` the tuple of the sets tested.

    Attributes
    ----------
    game : ExtensiveGame
    profile : tuple
        ``(label, probabilities)`` pairs.
    tested : tuple of str
        The information sets tested.
    """

    profile: tuple = ()
    tested: tuple = ()

    @property
    def parameters(self) -> frozenset:
        """Free symbols of the condition, the profile and the assumptions."""
        out = set(self.assumptions.symbols) | set(self.condition.free_symbols)
        for _, probs in self.profile:
            for q in probs:
                out |= q.free_symbols
        return frozenset(out)

    def display_rows(self):
        """Rows for the renderers."""
        return (("sequentially rational at", ", ".join(self.tested)),)


def _values_at(game, info, beh):
    k = game.player_index(info.player)
    kids = {c for m in info.members for c in game.nodes[m].children}
    values = node_values(game, beh, needed=kids)
    return [
        {a: values[game.nodes[m].child(a)][k] for a in info.actions}
        for m in info.members
    ]


def _reach(game, info, beh):
    if len(info.members) == 1:
        return [S.One]
    return [sympy.expand(path_probability(game, beh, m)) for m in info.members]


def action_values(game: ExtensiveGame, infoset: str, profile) -> ActionValues:
    """The expected payoff of each action at an information set (see module doc).

    Raises
    ------
    ModelError
        Unknown labels, missing behaviour where it is needed, or a set off
        the path of play (its values depend on a belief Bayes does not give).

    Examples
    --------
    >>> from symtrust import game_tree, probability
    >>> from symtrust.games.extensive import chance, decision
    >>> p, q = probability("p q")
    >>> g = game_tree(chance({"good": (p, decision("A", {"x": (1,), "y": (0,)}, info="I")),
    ...                       "bad": (1 - p, decision("A", {"x": (-1,), "y": (0,)},
    ...                                               info="I"))}))
    >>> dict(action_values(g, "I", {}).value)
    {'x': 2*p - 1, 'y': 0}
    """
    if not isinstance(game, ExtensiveGame):
        raise ModelError(f"expected an ExtensiveGame, got {type(game).__name__}")
    info = game.infoset(infoset)
    beh = behaviour(game, profile)
    reach = _reach(game, info, beh)
    total = sympy.expand(sum(reach, S.Zero))
    if total == 0:
        raise ModelError(
            f"information set {infoset!r} is off the path of play under this profile: "
            "its action values depend on a belief that Bayes' rule does not give"
        )
    vals = _values_at(game, info, beh)
    value = TypeMap.of(
        {
            a: sympy.factor(
                sympy.cancel(
                    sum((r * v[a] for r, v in zip(reach, vals, strict=True)), S.Zero)
                    / total
                )
            )
            for a in info.actions
        }
    )
    ctx = Cases(game.assumptions)
    condition = S.true if len(info.members) == 1 else ctx.simplify(total > 0)
    return ActionValues(
        kind=f"action values at {infoset}",
        value=value,
        condition=condition,
        assumptions=game.assumptions,
        steps=(
            Step(
                "reach of the members", sympy.Tuple(*reach), "products along the paths"
            ),
            Step(
                "action values",
                sympy.Tuple(*value.values()),
                "Bayes-weighted continuation",
            ),
        ),
        infoset=infoset,
        game=game,
        profile=tuple((game.infosets[i].label, b) for i, b in sorted(beh.items())),
    )


def rationality_relations(game, info, beh, conds, budget=None) -> list:
    """The relations under which ``beh`` is sequentially rational at ``info``."""
    vals = _values_at(game, info, beh)
    probs = beh[info.id]
    support = [a for a, q in zip(info.actions, probs, strict=True) if q != 0]
    gaps = continuation_gaps(game, info, beh, support)
    ties = [[v[support[0]] - v[s] for s in support[1:]] for v in vals]
    reach = _reach(game, info, beh)
    mass = sympy.expand(sum(reach, S.Zero))
    if len(info.members) == 1:
        return [sympy.Ge(g, 0) for g in gaps[0]] + [sympy.Eq(t, 0) for t in ties[0]]
    if mass == 0:
        if len(support) > 1:
            raise ModelError(
                f"information set {info.label!r} mixes off the path of play; give a "
                "pure action there"
            )
        return [supportable(gaps)]

    def weighted(rows, j):
        return sympy.expand(
            sum((r * row[j] for r, row in zip(reach, rows, strict=True)), S.Zero)
        )

    rels = [sympy.Ge(weighted(gaps, j), 0) for j in range(len(gaps[0]))]
    rels += [sympy.Eq(weighted(ties, j), 0) for j in range(len(ties[0]))]
    if sign_under(mass, conds, budget=budget) != 1:
        alt = supportable(gaps) if len(support) == 1 else S.false
        rels.append(sympy.Or(mass > 0, alt))
    return rels


def sequential_rationality(
    game: ExtensiveGame, profile, *, at=None
) -> SequentialRationality:
    """Where a profile is sequentially rational at information sets (see module doc).

    Parameters
    ----------
    game : ExtensiveGame
    profile : mapping
        Behaviour by information-set label (actions, or probabilities that
        may be symbols); the sets tested and those below them are needed.
    at : iterable of str, optional
        The sets to test; by default every set the profile gives.

    Returns
    -------
    SequentialRationality
        Its ``condition`` is the region (simplified; False if nowhere).

    Examples
    --------
    >>> from symtrust import game_tree, real
    >>> from symtrust.games.extensive import decision
    >>> x = real("x")
    >>> g = game_tree(decision("A", {"l": (x,), "r": (0,)}))
    >>> sequential_rationality(g, {"A@root": "l"}).condition
    x >= 0
    """
    if not isinstance(game, ExtensiveGame):
        raise ModelError(f"expected an ExtensiveGame, got {type(game).__name__}")
    beh = behaviour(game, profile)
    labels = [game.infosets[i].label for i in sorted(beh)] if at is None else list(at)
    ctx = Cases(game.assumptions)
    case = Case()
    for label in labels:
        info = game.infoset(label)
        if info.id not in beh:
            raise ModelError(
                f"the profile gives no behaviour at {label!r}, which is tested"
            )
        for rel in rationality_relations(game, info, beh, ctx.conds):
            joined = ctx.join(case, rel)
            if joined is None:
                case = None
                break
            case = Case(joined[0], joined[1])
        if case is None:
            break
    condition = S.false if case is None else ctx.finish(case)
    return SequentialRationality(
        kind="sequential rationality",
        value=tuple(labels),
        condition=condition,
        assumptions=game.assumptions,
        steps=(Step("region", condition, "best actions at every set tested"),),
        game=game,
        profile=tuple((game.infosets[i].label, b) for i, b in sorted(beh.items())),
        tested=tuple(labels),
    )
