"""Numeric twins of :func:`symtrust.extensive_pbe` and :func:`infoset_belief`.

At an exact admissible point, with the game substituted:

1. the pure assessments whose existence condition holds are exactly the pure
   perfect Bayesian profiles of brute force
   (:mod:`symtrust.games.extensive.twins.brute_pbe`);
2. every assessment whose condition holds (pure or hybrid) is a perfect
   Bayesian equilibrium when checked directly, with mixing probabilities in
   (0, 1), on-path beliefs equal to the members' reach probabilities over
   their sum, and payoffs equal to those of its profile;
3. at each off-path set, the off-path belief condition accepts exactly the
   beliefs of a grid over the simplex that make the action a best response;
4. a belief at an information set equals reach over total reach, from
   products along the paths computed at the point.

One :class:`~symtrust.results.Assessment` on its own is checked by items 2
and 3 where its condition holds.

Examples
--------
>>> from symtrust import check, extensive_pbe, game_tree
>>> from symtrust.catalog import job_market
>>> check(extensive_pbe(game_tree(job_market()), hybrid=False), max_examples=3).passed
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.extensive.assessment import Assessment
from symtrust.games.extensive.beliefs import InfosetBelief
from symtrust.games.extensive.perfect_bayesian import extensive_pbe
from symtrust.games.extensive.twins.brute import NumericTree, exact
from symtrust.games.extensive.twins.brute_pbe import best_at, is_pbe, pure_pbe

__all__ = ["assessment_twin", "belief_twin", "pbe_twin"]


def _at(expr, point, what) -> Fraction:
    return exact(expr.xreplace(point) if hasattr(expr, "xreplace") else expr, what)


def _grid(k: int, steps: int = 4):
    """Beliefs over k members with denominators ``steps`` (all of the simplex grid)."""
    for combo in itertools.product(range(steps + 1), repeat=k - 1):
        if sum(combo) <= steps:
            yield [Fraction(c, steps) for c in combo] + [
                Fraction(steps - sum(combo), steps)
            ]


def _check_off_path(eq, tree, beh, point):
    game = tree.game
    reach = tree.reach(beh)
    labels = [i.label for i in game.infosets]
    for label in eq.off_path:
        i = labels.index(label)
        info = game.infosets[i]
        support = [a for a, p in beh[i].items() if p > 0]
        symbols = [b for _, b in eq.beliefs[i][:-1]]
        for belief in _grid(len(info.members)):
            # conditions of different sets mention different belief symbols
            sub = {**point, **dict(zip(symbols, belief[:-1], strict=True))}
            brute = best_at(
                tree,
                beh,
                info,
                support,
                reach,
                dict(zip(info.members, belief, strict=True)),
            )
            sym = _holds_part(eq, i, sub, point)
            if sym != brute:
                raise VerificationError(
                    f"off-path belief {belief} at {label!r}: the solver says {sym}, brute "
                    f"force {brute} at {point}"
                )


def _holds_part(eq, i, sub, point) -> bool:
    """The off-path condition's conjuncts that mention set i's belief symbols."""
    symbols = {b for _, b in eq.beliefs[i]} - {eq.beliefs[i][-1][1]}
    cond = eq.off_path_beliefs
    parts = cond.args if cond.func.__name__ == "And" else (cond,)
    mine = [c for c in parts if c.free_symbols & symbols]
    return all(holds(c, sub, "off-path belief condition") for c in mine)


def _verify(eq, tree, point) -> bool:
    """Check one assessment where its condition holds; whether it holds there."""
    if not holds(eq.condition, point, "existence condition"):
        return False
    beh = {
        i: {a: _at(p, point, f"Pr({a})") for a, p in zip(acts, b, strict=True)}
        for i, (acts, b) in enumerate(zip(eq.actions, eq.behaviour, strict=True))
    }
    for i, mix in beh.items():
        if any(p < 0 or p > 1 for p in mix.values()) or sum(mix.values()) != 1:
            raise VerificationError(
                f"behaviour {mix} at {eq.infosets[i]!r} is not a distribution at {point}"
            )
    for x, v in eq.mixing:
        if not 0 < _at(v, point, str(x)) < 1:
            raise VerificationError(
                f"mixing probability {x} = {v} is not in (0, 1) at {point}"
            )
    if not is_pbe(tree, beh):
        raise VerificationError(
            f"{eq.behaviour} is not a perfect Bayesian equilibrium at {point}"
        )
    reach = tree.reach(beh)
    for i, info in enumerate(tree.game.infosets):
        if info.label in eq.off_path or len(info.members) == 1:
            continue
        mass = sum((reach[m] for m in info.members), Fraction(0))
        for m, (_, b) in zip(info.members, eq.beliefs[i], strict=True):
            if mass and _at(b, point, "belief") != reach[m] / mass:
                raise VerificationError(
                    f"belief {b} at {info.label!r} differs from Bayes' rule "
                    f"{reach[m] / mass} at {point}"
                )
    want = tuple(_at(u, point, "payoff") for u in eq.payoffs)
    if tree.value(beh) != want:
        raise VerificationError(
            f"payoffs {want} differ from {tree.value(beh)} at {point}"
        )
    if eq.is_pure:
        _check_off_path(eq, tree, beh, point)
    return True


@twin(extensive_pbe)
def pbe_twin(solution, point) -> None:
    """Compare an ``extensive_pbe`` Solution with brute force at one exact point."""
    point = dict(point)
    tree = NumericTree(solution.game.subs(point, strict=False))
    brute = pure_pbe(tree)
    claimed = {
        eq.profile for eq in solution.results if _verify(eq, tree, point) and eq.is_pure
    }
    if claimed != brute:
        raise VerificationError(
            f"pure PBE at {point}: the solver gives {sorted(claimed - brute)} beyond "
            f"brute force and misses {sorted(brute - claimed)}"
        )


@twin(Assessment)
def assessment_twin(eq, point) -> None:
    """Check one assessment of :func:`~symtrust.extensive_pbe` at one exact point.

    Where its condition holds it is a perfect Bayesian equilibrium checked
    directly (items 2 and 3 above); elsewhere it claims nothing (the point is
    skipped: another assessment may hold there with the same profile).

    Examples
    --------
    >>> from symtrust import check, extensive_pbe, game_tree
    >>> from symtrust.catalog import job_market
    >>> eq = extensive_pbe(game_tree(job_market()), hybrid=False)[0]
    >>> check(eq, max_examples=3).passed
    True
    """
    point = dict(point)
    if eq.game is None:
        raise VerificationError(f"the assessment {eq.behaviour} carries no game")
    if not holds(eq.condition, point, "existence condition"):
        skip("the assessment's condition does not hold here: it claims nothing")
    _verify(eq, NumericTree(eq.game.subs(point, strict=False)), point)


@twin(InfosetBelief)
def belief_twin(result, point) -> None:
    """Compare a closed-form belief with reach probabilities computed at the point."""
    point = dict(point)
    if not holds(result.condition, point, "reach condition"):
        skip("the information set is not reached at this point")
    game = result.game.subs(point, strict=False)
    reach = {}
    for path, _ in result.reach:
        node = game.node(path)
        prob = Fraction(1)
        while node.parent is not None:
            parent = game.nodes[node.parent]
            a = parent.actions[parent.children.index(node.id)]
            if parent.kind == "chance":
                prob *= exact(
                    parent.probabilities[parent.actions.index(a)], "probability"
                )
            else:
                info = game.infosets[parent.infoset]
                probs = dict(result.profile)[info.label]
                prob *= _at(probs[info.actions.index(a)], point, f"Pr({a})")
            node = parent
        reach[path] = prob
    total = sum(reach.values(), Fraction(0))
    for path, belief in result.value.items():
        if _at(belief, point, "belief") != reach[path] / total:
            raise VerificationError(
                f"belief in {path!r} at {result.infoset!r}: {belief} against "
                f"{reach[path] / total} at {point}"
            )
