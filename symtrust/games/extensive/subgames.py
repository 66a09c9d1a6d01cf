"""Subgame-perfect equilibria, with perfect or imperfect information.

A *subgame* starts at a node n when every information set meeting n's
subtree lies inside it (Selten 1965, 1975). A profile is subgame perfect iff
it induces a Nash equilibrium in every subgame. :func:`spe` folds the tree
back over its subgames, bottom up:

1. at a subgame root whose children all start subgames (always so with
   perfect information), one step of backward induction
   (:mod:`symtrust.games.extensive._fold`): the mover's best actions, with
   ties as cases of their own;
2. at any other subgame root, each combination of cases of the subgames
   just below it replaces those subgames by leaves with their payoffs; the
   Nash equilibria of what remains are those of its reduced normal form
   (:func:`~symtrust.games.normal_form.pure_nash`, and for two movers
   :func:`~symtrust.games.normal_form.mixed_nash`, which includes the pure
   ones), each with its exact condition; mixed strategies become behaviour
   strategies by Kuhn's theorem, ``b(a | I) = sum of s with s(I) = a over the
   sum of s reaching I``.

The result lists every subgame-perfect equilibrium in pure behaviour (and,
for two-player subgames, mixed) with the region of the parameter space where
it holds; regions z3 proves empty are dropped. A tie gives one equilibrium
per best action in the tie's region. An information set the equilibrium's
own moves exclude, and that starts no subgame, is left free (any action).

Examples
--------
>>> from symtrust import game_tree, positive, real, spe
>>> from symtrust.games.extensive import decision
>>> h, a = real("h a")
>>> r, s = positive("r s")
>>> g = game_tree(decision("investor", {
...     "trust": decision("trustee", {"honor": (r, h), "abuse": (-s, a)}),
...     "not": (0, 0)}))
>>> [(eq.profile, eq.condition) for eq in spe(g)]
[((('investor@root', 'trust'), ('trustee@trust', 'honor')), h > a),
 ((('investor@root', 'not'), ('trustee@trust', 'abuse')), a > h),
 ((('investor@root', 'trust'), ('trustee@trust', 'honor')), Eq(h, a)),
 ((('investor@root', 'not'), ('trustee@trust', 'abuse')), Eq(h, a))]
"""

from __future__ import annotations

import math

import sympy
from sympy import S

from symtrust.core.result import Solution, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.extensive._cases import Case, Cases
from symtrust.games.extensive._fold import (
    chance_cases,
    combinations,
    decision_cases,
)
from symtrust.games.extensive.builder import index_tree
from symtrust.games.extensive.equilibrium import SubgamePerfectEquilibrium
from symtrust.games.extensive.forms import movers, strategic_form
from symtrust.games.extensive.model import ExtensiveGame
from symtrust.games.extensive.nodes import Chance, Decision, Terminal
from symtrust.games.extensive.profiles import node_values, reach_probabilities
from symtrust.games.normal_form.mixed_nash import mixed_nash
from symtrust.games.normal_form.pure_nash import pure_nash
from symtrust.logic.budget import Budget

__all__ = ["spe", "subgame_roots"]

#: Most cases one node may carry before the enumeration gives up.
MAX_CASES = 20_000


def subgame_roots(game: ExtensiveGame) -> tuple:
    """Ids of the non-terminal nodes that start a subgame, in preorder.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("A", {
    ...     "x": decision("B", {"l": (1, 1), "r": (0, 0)}, info="B"),
    ...     "y": decision("B", {"l": (0, 0), "r": (1, 1)}, info="B")}))
    >>> subgame_roots(g)
    (0,)
    """
    out = []
    for n in game.nodes:
        if n.is_terminal:
            continue
        # every information set lies wholly inside the subtree or wholly outside
        if all(
            len({n.id <= m < n.end for m in info.members}) == 1
            for info in game.infosets
        ):
            out.append(n.id)
    return tuple(out)


class _Run:
    """One solver run: the game, its subgame roots and the condition algebra."""

    def __init__(self, game, mixed, budget):
        self.game, self.mixed, self.budget = game, mixed, budget
        self.ctx = Cases(game.assumptions, budget)
        self.roots = set(subgame_roots(game))
        self.notes: list = []

    def solve(self, nid) -> list:
        node = self.game.nodes[nid]
        if node.is_terminal:
            return [Case(value=node.payoffs, play=((nid, S.One),))]
        if all(
            c in self.roots or self.game.nodes[c].is_terminal for c in node.children
        ):
            kids = [self.solve(c) for c in node.children]
            self._guard(node, math.prod(len(k) for k in kids))
            if node.kind == "chance":
                made = chance_cases(self.ctx, node, kids)
            else:
                made = decision_cases(self.ctx, self.game, node, kids)
        else:
            made = self.collapsed(node)
        self._guard(node, len(made))
        return made

    def _guard(self, node, count):
        if count > MAX_CASES:
            raise UnsupportedError(
                f"the subgame at {node.path or 'the root'} splits into {count} "
                f"cases (more than {MAX_CASES}); for perfect information use "
                "backward_induction(game), which keeps the partition factored"
            )

    def inner_roots(self, node) -> list:
        """Subgame roots strictly below ``node`` with no subgame root between."""
        out, nid = [], node.id + 1
        while nid < node.end:
            if nid in self.roots:
                out.append(nid)
                nid = self.game.nodes[nid].end
            else:
                nid += 1
        return out

    def collapsed(self, node) -> list:
        inner = self.inner_roots(node)
        out = []
        for base, parts in combinations(self.ctx, [self.solve(r) for r in inner]):
            replaced = dict(zip(inner, parts, strict=True))
            small = self.reduced_tree(node, replaced)
            out.extend(self.equilibria(small, node, base, replaced))
        return out

    def reduced_tree(self, node, replaced) -> ExtensiveGame:
        """The subgame at ``node`` with the subgames in ``replaced`` as leaves."""
        game = self.game
        built: dict = {}
        for n in reversed(game.nodes[node.id : node.end]):
            if n.id in replaced or n.is_terminal:
                value = replaced[n.id].value if n.id in replaced else n.payoffs
                built[n.id] = Terminal(tuple(value), label=str(n.id))
            elif any(game.in_subtree(n.id, r) for r in replaced):
                continue
            elif n.kind == "chance":
                built[n.id] = Chance(
                    tuple(
                        (a, p, built[c])
                        for a, p, c in zip(
                            n.actions, n.probabilities, n.children, strict=True
                        )
                    )
                )
            else:
                built[n.id] = Decision(
                    n.player,
                    tuple(
                        (a, built[c])
                        for a, c in zip(n.actions, n.children, strict=True)
                    ),
                    game.infosets[n.infoset].label,
                )
        return index_tree(built[node.id], game.players, game.assumptions)

    def equilibria(self, small, node, base, replaced) -> list:
        who = movers(small)
        if not who:
            return []
        nf, strategies = strategic_form(small, who, numbered=True)
        two = self.mixed and len(who) == 2
        solved = (
            mixed_nash(nf, budget=self.budget)
            if two
            else pure_nash(nf, budget=self.budget)
        )
        if self.mixed and len(who) > 2:
            self._note(
                f"the subgame at {node.path or 'the root'} has {len(who)} movers: pure equilibria only"
            )
        out = []
        for eq in solved:
            if getattr(eq, "free", ()):
                self._note(
                    "a continuum of mixed equilibria in a subgame was not folded back"
                )
                continue
            joined = self.ctx.join(base, eq.condition)
            if joined is None:
                continue
            beh = _behaviour(small, who, strategies, nf, eq, two)
            out.append(self.case(small, node, joined, beh, replaced, base))
        return out

    def case(self, small, node, joined, beh, replaced, base) -> Case:
        game = self.game
        known = {i: b for i, b in beh.items() if b is not None}
        values = node_values(small, known, needed={0})
        reach = reach_probabilities(small, known)
        play = []
        for leaf in small.terminals:
            q = sympy.factor(reach.get(leaf.id, S.Zero))
            if q == 0:
                continue
            orig = int(leaf.label)
            if orig in replaced:
                play.extend(
                    (l2, sympy.factor(q * q2)) for l2, q2 in replaced[orig].play
                )
            else:
                play.append((orig, q))
        labels = {i.label: i.id for i in game.infosets}
        choices = tuple((labels[small.infosets[i].label], b) for i, b in beh.items())
        return Case(
            joined[0],
            joined[1],
            (*choices, *base.choices),
            tuple(sympy.factor(v) for v in values[0]),
            tuple(play),
            base.tie,
        )

    def _note(self, text):
        if text not in self.notes:
            self.notes.append(text)


def _behaviour(small, who, strategies, nf, eq, mixed) -> dict:
    """Behaviour at each of the small game's sets from a (mixed) equilibrium."""
    out = {}
    for k, player in enumerate(who):
        strats = strategies[k]
        if mixed:
            weights = eq.strategies[k]
        else:
            chosen = nf.actions[k].index(eq.profile[k])
            weights = [S.One if j == chosen else S.Zero for j in range(len(strats))]
        for info in small.infosets_of(player):
            # Kuhn: the strategies in the support that reach the set
            reaching = [
                (s, w)
                for s, w in zip(strats, weights, strict=True)
                if w != 0 and s.action(info.id) is not None
            ]
            if not reaching:
                out[info.id] = None
                continue
            total = sum((w for _, w in reaching), S.Zero)
            out[info.id] = tuple(
                sympy.factor(
                    sympy.cancel(
                        sum((w for s, w in reaching if s.action(info.id) == a), S.Zero)
                        / total
                    )
                )
                for a in info.actions
            )
    return out


def spe(game: ExtensiveGame, *, mixed: bool = True, budget=None) -> Solution:
    """Every subgame-perfect equilibrium, each with the region where it holds.

    Parameters
    ----------
    game : ExtensiveGame
        Any tree (perfect recall is checked when it is built).
    mixed : bool
        Whether subgames with two movers are solved for mixed equilibria too
        (with more movers, pure only).
    budget : Budget, float or None
        Time for the z3 decisions (:class:`~symtrust.logic.budget.Budget`);
        undecided parts are kept, never guessed.

    Returns
    -------
    Solution
        ``method="spe"``; :class:`SubgamePerfectEquilibrium` results.

    Raises
    ------
    UnsupportedError
        When the partition grows beyond :data:`MAX_CASES` cases at a node.

    Examples
    --------
    >>> from symtrust import game_tree, spe
    >>> from symtrust.games.extensive import decision
    >>> g = game_tree(decision("entrant", {
    ...     "in": decision("incumbent", {"fight": (-1, -1), "share": (1, 1)}),
    ...     "out": (0, 2)}))
    >>> [eq.path for eq in spe(g)]
    [('in', 'share')]
    """
    if not isinstance(game, ExtensiveGame):
        raise ModelError(f"spe needs an ExtensiveGame, got {type(game).__name__}")
    run = _Run(game, mixed, Budget.of(budget))
    found = []
    for case in run.solve(0):
        condition = run.ctx.finish(case)
        if condition is S.false:
            continue
        chosen = dict(case.choices)
        behaviour = tuple(chosen.get(i.id) for i in game.infosets)
        play = tuple((game.nodes[leaf].path, q) for leaf, q in case.play)
        found.append(
            SubgamePerfectEquilibrium(
                kind="subgame-perfect equilibrium",
                value=sympy.Tuple(*case.value),
                condition=condition,
                assumptions=game.assumptions,
                steps=(
                    Step("backward induction over the subgames", None, "Selten (1975)"),
                    Step(
                        "region",
                        condition,
                        "each mover's choice, under the assumptions",
                    ),
                ),
                infosets=tuple(i.label for i in game.infosets),
                actions=tuple(i.actions for i in game.infosets),
                behaviour=behaviour,
                play=play,
                payoffs=case.value,
                tie=case.tie,
            )
        )
    notes = [
        "at a tie a mover may also mix between its best actions; those continua "
        "are not listed",
        *run.notes,
    ]
    return Solution(
        method="spe", solver=spe, game=game, results=tuple(found), notes=tuple(notes)
    )
