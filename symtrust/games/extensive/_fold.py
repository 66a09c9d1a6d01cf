"""One step of backward induction over case lists (Zermelo 1913; Kuhn 1953).

Given, for every child of a node, the list of cases of its subgame (a region
of the parameter space, the behaviour there, the payoff vector), a node's
cases are:

* at a *chance node*: one case per combination of the children's cases that
  can hold together, valued by the expectation over nature's move;
* at a *decision node* of player i: for each combination, the parameter
  space is split by which actions maximise i's payoff. The cell in which
  exactly the actions in M are best is ``u_a = u_b`` for a, b in M and
  ``u_a > u_c`` for c outside M; every action of M gives its own case, so a
  tie is a case of its own with one equilibrium per best action, never
  dropped. Cells z3 proves empty under the assumptions are dropped.

Examples
--------
>>> from symtrust import game_tree, real
>>> from symtrust.games.extensive import decision
>>> from symtrust.games.extensive._cases import Case, Cases
>>> h, a = real("h a")
>>> g = game_tree(decision("B", {"honor": (h,), "abuse": (a,)}))
>>> leaves = [[Case(value=g.nodes[c].payoffs, play=((c, 1),))] for c in (1, 2)]
>>> [(c.condition, c.choices) for c in decision_cases(Cases(g.assumptions), g,
...                                                   g.nodes[0], leaves)]
[(h > a, ((0, (1, 0)),)), (a > h, ((0, (0, 1)),)), (Eq(h, a), ((0, (1, 0)),)), (Eq(h, a), ((0, (0, 1)),))]
"""

from __future__ import annotations

import itertools

import sympy
from sympy import S

from symtrust.games.extensive._cases import Case, Cases

__all__ = ["chance_cases", "combinations", "decision_cases", "one_hot"]


def one_hot(k: int, n: int) -> tuple:
    """The pure choice of action ``k`` of ``n`` as probabilities."""
    return tuple(S.One if j == k else S.Zero for j in range(n))


def combinations(ctx: Cases, child_cases) -> list:
    """Jointly possible combinations of one case per child: ``(case, parts)``."""
    partial = [(Case(), [])]
    for cases in child_cases:
        grown = []
        for base, parts in partial:
            for c in cases:
                joined = ctx.merge(base, c)
                if joined is None:
                    continue
                conj, comps = joined
                merged = Case(
                    conj,
                    comps,
                    (*base.choices, *c.choices),
                    tie=base.tie or c.tie,
                )
                grown.append((merged, [*parts, c]))
        partial = grown
    return partial


def chance_cases(ctx: Cases, node, child_cases) -> list:
    """Cases at a chance node: expectation over nature's move."""
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
        out.append(
            Case(
                base.conjuncts,
                base.components,
                base.choices,
                tuple(sympy.expand(v) for v in value),
                tuple(play),
                base.tie,
            )
        )
    return out


def _cells(k: int):
    """Nonempty maximiser sets of k actions, smallest first."""
    for size in range(1, k + 1):
        yield from itertools.combinations(range(k), size)


def decision_cases(ctx: Cases, game, node, child_cases) -> list:
    """Cases at a decision node: best actions of the mover, ties split out."""
    i = game.player_index(node.player)
    info = game.infosets[node.infoset]
    # the set's action order may differ from the node's
    order = [node.actions.index(a) for a in info.actions]
    out = []
    for base, parts in combinations(ctx, child_cases):
        u = [c.value[i] for c in parts]
        for cell in _cells(len(parts)):
            rels = [sympy.Eq(u[cell[0]], u[b]) for b in cell[1:]]
            rels += [u[cell[0]] > u[c] for c in range(len(parts)) if c not in cell]
            case = base
            for rel in rels:
                joined = ctx.join(case, rel)
                if joined is None:
                    break
                case = Case(joined[0], joined[1], case.choices, tie=case.tie)
            else:
                for a in cell:
                    beh = one_hot(order.index(a), len(order))
                    out.append(
                        Case(
                            case.conjuncts,
                            case.components,
                            ((node.infoset, beh), *case.choices),
                            parts[a].value,
                            parts[a].play,
                            case.tie or len(cell) > 1,
                        )
                    )
    return out
