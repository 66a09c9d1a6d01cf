"""Numeric twins of :func:`action_values` and :func:`sequential_rationality`.

At an exact point the game and the profile are substituted and evaluated on
the numeric tree (:mod:`symtrust.games.extensive.twins.brute`): action
values from the continuation payoffs weighted by the members' reach, and
sequential rationality by
:func:`~symtrust.games.extensive.twins.brute_pbe.best_at` at each set
tested, which must agree with the condition's truth there.

Examples
--------
>>> from symtrust import check, game_tree, probability
>>> from symtrust.games.extensive import chance, decision, action_values
>>> p = probability("p")
>>> g = game_tree(chance({"good": (p, decision("A", {"x": (1,), "y": (0,)}, info="I")),
...                       "bad": (1 - p, decision("A", {"x": (-1,), "y": (0,)},
...                                               info="I"))}))
>>> check(action_values(g, "I", {}), max_examples=5).passed
True
"""

from __future__ import annotations

from fractions import Fraction

from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.extensive.rationality import ActionValues, SequentialRationality
from symtrust.games.extensive.twins.brute import NumericTree, exact
from symtrust.games.extensive.twins.brute_pbe import best_at

__all__ = ["action_values_twin", "rationality_twin"]


def _numeric(result, point, tree):
    beh = {}
    labels = [i.label for i in tree.game.infosets]
    for label, probs in result.profile:
        info = tree.game.infosets[labels.index(label)]
        beh[info.id] = {
            a: exact(q.xreplace(point) if hasattr(q, "xreplace") else q, f"Pr({a})")
            for a, q in zip(info.actions, probs, strict=True)
        }
    # sets the profile leaves out are never reached where it matters; fill them
    for info in tree.game.infosets:
        beh.setdefault(info.id, {info.actions[0]: Fraction(1)})
    return beh


@twin(ActionValues)
def action_values_twin(result, point) -> None:
    """Compare closed-form action values with the numeric tree at one point."""
    point = dict(point)
    if not holds(result.condition, point, "reach condition"):
        skip("the information set is not reached at this point")
    tree = NumericTree(result.game.subs(point, strict=False))
    beh = _numeric(result, point, tree)
    info = tree.game.infoset(result.infoset)
    reach = tree.reach(beh)
    weights = (
        [Fraction(1)] if len(info.members) == 1 else [reach[m] for m in info.members]
    )
    total = sum(weights, Fraction(0))
    k = tree.owner[info.id]
    for a, v in result.value.items():
        brute = (
            sum(
                (
                    w * tree.value(beh, tree.nodes[m].child(a))[k]
                    for w, m in zip(weights, info.members, strict=True)
                ),
                Fraction(0),
            )
            / total
        )
        if exact(v.xreplace(point), f"value of {a!r}") != brute:
            raise VerificationError(
                f"value of {a!r} at {result.infoset!r}: {v} against {brute} at {point}"
            )


@twin(SequentialRationality)
def rationality_twin(result, point) -> None:
    """The condition holds at a point iff brute force finds the profile rational."""
    point = dict(point)
    tree = NumericTree(result.game.subs(point, strict=False))
    beh = _numeric(result, point, tree)
    reach = tree.reach(beh)
    brute = True
    for label in result.tested:
        info = tree.game.infoset(label)
        support = [a for a, q in beh[info.id].items() if q > 0]
        if not best_at(tree, beh, info, support, reach):
            brute = False
            break
    if holds(result.condition, point, "sequential rationality") != brute:
        raise VerificationError(
            f"sequential rationality at {point}: the condition says "
            f"{not brute}, brute force {brute}"
        )
