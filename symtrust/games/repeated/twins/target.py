"""Numeric twin of :func:`~symtrust.games.repeated.target.target_discount`.

At an exact admissible point (Fractions): the target is recomputed from the
weights; for each discount factor tried (the point's, and where the minimum
is an exact number in (0, 1) the minimum itself and just below it), every
profile the device draws and every deviation of every player is enumerated
with its average discounted payoff, and the punishment's stage deviations;
sustainability by enumeration must agree with ``delta >= minimum``.

Examples
--------
>>> from symtrust import check
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated import repeated_game
>>> from symtrust.games.repeated.target import target_discount
>>> r = target_discount(repeated_game(prisoners_dilemma()), {("C", "C"): 1})
>>> check(r, max_examples=5).passed
True
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from symtrust.core.exact import fraction_at
from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.repeated.target import TargetDiscount

__all__ = ["target_twin"]


def _sustained(stage, weights, punish, d) -> bool:
    n = len(stage.players)

    def u(i, p):
        return fraction_at(stage.utility(i, p), what=f"payoff at {p}")

    target = [sum(Fraction(w.p, w.q) * u(i, p) for p, w in weights) for i in range(n)]
    for i in range(n):
        v = u(i, punish)
        for b in stage.actions[i]:
            if u(i, (*punish[:i], b, *punish[i + 1 :])) > v:
                return False
            for p, _ in weights:
                stay = (1 - d) * u(i, p) + d * target[i]
                leave = (1 - d) * u(i, (*p[:i], b, *p[i + 1 :])) + d * v
                if leave > stay:
                    return False
    return True


@twin(TargetDiscount)
def target_twin(result, point) -> None:
    """Enumerated sustainability against ``delta >= minimum``."""
    point = dict(point)
    delta = result.delta
    if delta not in point:
        skip("the point fixes no discount factor")
    if not holds(result.condition, point, "the minimum's condition"):
        skip("undecided piece")
    rest = {k: v for k, v in point.items() if k != delta}
    stage = result.game.stage.subs(rest, strict=False)
    minimum = sympy.sympify(result.value, strict=True).xreplace(rest)
    strict = bool(holds(result.strict, rest, "strictness"))
    empty = bool(holds(result.unattainable, rest, "unattainability"))
    trials = [fraction_at(point[delta], what="delta")]
    if minimum.is_Rational and 0 < minimum < 1 and not empty:
        m = fraction_at(minimum, what="minimum")
        trials += [m, m * Fraction(999, 1000)]
    for d in trials:
        want = (not empty) and (d > minimum if strict else d >= minimum)
        got = _sustained(stage, result.weights, result.punishment, d)
        if got != bool(want):
            raise VerificationError(
                f"at delta = {d} the minimum {minimum} says "
                f"{'sustained' if want else 'not sustained'}, enumeration says "
                f"{'it is' if got else 'it is not'}"
            )
