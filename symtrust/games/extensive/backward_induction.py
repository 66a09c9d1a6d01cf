"""Backward induction in factored form: equilibrium outcomes and decision rules.

For a tree of perfect information the subgame-perfect equilibria are found by
backward induction (Zermelo 1913; Kuhn 1953). With symbolic payoffs the
choice at a node depends on the parameters, and the full partition of the
parameter space by equilibrium profile is the product of the nodes' local
splits: a binary tree with 1,023 independent decision nodes has 3^1023 cells.
:func:`spe` lists that partition for small trees; this module keeps it
*factored*, one split per node, which is linear in the tree:

1. a leaf has one *outcome case*: itself, everywhere;
2. at a decision node of player i, each outcome case ``o`` of child a (a
   region where some equilibrium of that subgame leads to leaf ``o``) gives
   the case ``o and, for every other child b, some equilibrium of b gives i
   at most u_i(o)``. If all of b's cases give i the same payoff v, that is
   the single relation ``u_i(o) >= v``; else the disjunction over b's payoff
   groups ``g`` of ``(region of g) and u_i(o) >= v_g``;
3. at a chance node, one case per combination of the children's cases,
   valued by expectation.

Choices in disjoint subgames are independent, so each outcome case at the
root is exactly the region where some subgame-perfect equilibrium leads to
that play (overlapping only where a mover is indifferent). The *rule* of
action a at node n, where a is played at n in some subgame-perfect
equilibrium, is the disjunction of n's cases from child a. Every relation is
simplified under the assumptions, and cases z3 proves empty are dropped
(:mod:`symtrust.games.extensive._cases`).

Examples
--------
>>> from symtrust import game_tree, positive, real
>>> from symtrust.games.extensive import decision
>>> h, a = real("h a")
>>> r, s = positive("r s")
>>> g = game_tree(decision("investor", {
...     "trust": decision("trustee", {"honor": (r, h), "abuse": (-s, a)}),
...     "not": (0, 0)}), name="Kreps' trust game")
>>> bi = backward_induction(g)
>>> [(o.path, o.condition) for o in bi]
[(('trust', 'honor'), h >= a), (('not',), a >= h)]
>>> bi.rule("trust", "honor"), bi.rule("root", "trust")
(h >= a, h >= a)
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy
from sympy import S

from symtrust.core.result import Solution, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.extensive._cases import Case, Cases
from symtrust.games.extensive._fold import combinations
from symtrust.games.extensive.equilibrium import OutcomeRegion
from symtrust.games.extensive.model import ExtensiveGame, path_name
from symtrust.logic.budget import Budget

__all__ = ["BackwardInduction", "backward_induction"]


@dataclass(frozen=True, kw_only=True)
class BackwardInduction(Solution):
    """Backward induction in factored form (see module doc).

    The results are :class:`OutcomeRegion` values, one per equilibrium play
    that can occur, each with the region where some subgame-perfect
    equilibrium leads to it.

    Attributes
    ----------
    node_cases : tuple
        Per node id, the pairs ``(child position, Case)`` of its outcome cases.
    """

    node_cases: tuple = ()
    _rules: dict = field(default_factory=dict, compare=False, repr=False)

    def rule(self, node, action: str):
        """Where ``action`` is played at ``node`` in some subgame-perfect equilibrium.

        Parameters
        ----------
        node : str or tuple
            The decision node's path (``"trust"``, ``("trust",)``, ``"root"``).
        action : str
            One of its actions.

        Returns
        -------
        sympy Boolean
            The condition on the parameters, simplified under the assumptions.
        """
        game = self.game
        n = game.node(node)
        if n.kind != "decision":
            raise ModelError(f"node {path_name(n.path)!r} is not a decision node")
        k = n.actions.index(action) if action in n.actions else None
        if k is None:
            raise ModelError(
                f"node {path_name(n.path)!r} has no action {action!r}; actions "
                f"are {n.actions}"
            )
        key = (n.id, k)
        memo = self._rules
        if key not in memo:
            ctx = Cases(game.assumptions)
            parts = [c.condition for pos, c in self.node_cases[n.id] if pos == k]
            memo[key] = ctx.simplify(sympy.Or(*parts)) if parts else S.false
        return memo[key]

    def rules(self) -> tuple:
        """``(node path, action, condition)`` for every decision node and action."""
        out = []
        for n in self.game.nodes:
            if n.kind == "decision":
                for a in n.actions:
                    out.append((n.path, a, self.rule(n.path, a)))
        return tuple(out)


def _beats(ctx: Cases, x, cases_b, i):
    """Some case of a sibling gives player i at most ``x``: one condition."""
    groups: dict = {}
    for c in cases_b:
        groups.setdefault(c.value[i], []).append(c)
    if len(groups) == 1:
        (v,) = groups
        return x >= v
    parts = []
    for v, members in groups.items():
        region = (
            S.true
            if len(members) == len(cases_b)
            else sympy.Or(*[m.condition for m in members])
        )
        parts.append(sympy.And(region, x >= v))
    return sympy.Or(*parts)


def _decision(ctx, game, node, child_cases):
    i = game.player_index(node.player)
    out = []
    for a, cases_a in enumerate(child_cases):
        for oc in cases_a:
            case = oc
            for b, cases_b in enumerate(child_cases):
                if b == a:
                    continue
                joined = ctx.join(case, _beats(ctx, oc.value[i], cases_b, i))
                if joined is None:
                    break
                case = Case(joined[0], joined[1], value=oc.value, play=oc.play)
            else:
                out.append((a, case))
    return out


def _chance(ctx, node, child_cases):
    out = []
    for base, parts in combinations(ctx, child_cases):
        value = [S.Zero] * len(parts[0].value)
        play = []
        for p, c in zip(node.probabilities, parts, strict=True):
            if p == 0:
                continue
            for k, u in enumerate(c.value):
                value[k] += p * u
            play.extend((leaf, sympy.expand(p * q)) for leaf, q in c.play)
        case = Case(
            base.conjuncts,
            base.components,
            value=tuple(sympy.expand(v) for v in value),
            play=tuple(play),
        )
        out.append((None, case))
    return out


def backward_induction(game: ExtensiveGame, *, budget=None) -> BackwardInduction:
    """Backward induction on a perfect-information tree, in factored form.

    Parameters
    ----------
    game : ExtensiveGame
        A tree of perfect information (every information set one node).
    budget : Budget, float or None
        Time for the z3 decisions (:class:`~symtrust.logic.budget.Budget`);
        undecided parts are kept, never guessed.

    Returns
    -------
    BackwardInduction
        ``method="backward_induction"``; one :class:`OutcomeRegion` per
        equilibrium play (leaves in preorder), with :meth:`~BackwardInduction.rule`
        for each node's decision rule. Plays that no equilibrium reaches under
        the assumptions have condition False and are left out.

    Raises
    ------
    UnsupportedError
        For a tree with imperfect information (use :func:`spe`).

    Examples
    --------
    >>> from symtrust import game_tree, real
    >>> from symtrust.games.extensive import decision
    >>> x, y = real("x y")
    >>> g = game_tree(decision("A", {"l": (x,), "r": (y,)}))
    >>> [(o.path, o.condition) for o in backward_induction(g)]
    [(('l',), x >= y), (('r',), y >= x)]
    """
    if not isinstance(game, ExtensiveGame):
        raise ModelError(
            f"backward_induction needs an ExtensiveGame, got {type(game).__name__}"
        )
    if not game.is_perfect_information:
        shared = next(i for i in game.infosets if len(i.members) > 1)
        raise UnsupportedError(
            f"backward induction needs perfect information, but information set "
            f"{shared.label!r} has {len(shared.members)} nodes; use spe(game), which "
            "solves the proper subgames"
        )
    ctx = Cases(game.assumptions, Budget.of(budget))
    cases: dict = {}
    node_cases = [()] * len(game.nodes)
    for node in reversed(game.nodes):
        if node.is_terminal:
            cases[node.id] = [Case(value=node.payoffs, play=((node.id, S.One),))]
            continue
        kids = [cases.pop(c) for c in node.children]
        made = (
            _decision(ctx, game, node, kids)
            if node.kind == "decision"
            else _chance(ctx, node, kids)
        )
        node_cases[node.id] = tuple(made)
        cases[node.id] = [c for _, c in made]
    found = []
    steps = (Step("backward induction", None, "Zermelo (1913), Kuhn (1953)"),)
    for case in cases[0]:
        condition = ctx.finish(case)
        if condition is S.false:
            continue
        play = tuple((game.nodes[leaf].path, q) for leaf, q in case.play)
        found.append(
            OutcomeRegion(
                kind="subgame-perfect outcome",
                value=sympy.Tuple(*case.value),
                condition=condition,
                assumptions=game.assumptions,
                steps=(*steps, Step("region", condition, "the movers' choices")),
                play=play,
                payoffs=case.value,
            )
        )
    return BackwardInduction(
        method="backward_induction",
        solver=backward_induction,
        game=game,
        results=tuple(found),
        notes=("regions overlap only where a mover is indifferent",),
        node_cases=tuple(node_cases),
    )
