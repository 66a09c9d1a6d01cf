"""Numeric twin of :func:`symtrust.comparative_statics` and :func:`symtrust.logic.statics.elasticity`.

At an exact admissible point ``p`` (and a parameter ``x``), the claimed sign
is checked by exact finite differences with small rational steps ``h`` whose
endpoints ``x - h``, ``x + h`` are admissible too:

* order 1: ``q(x + h) - q(x)`` and ``q(x) - q(x - h)`` have the claimed sign
  ("increasing": positive; "decreasing": negative; "constant": zero);
* order 2: the second difference ``q(x + h) - 2 q(x) + q(x - h)``;
* elasticity: the sign of ``(q(x + h) - q(x)) x / q(x)``;
* "depends": the claimed sign at ``p`` (from ``condition`` and
  ``negative_when``) must show for some step ``h`` in 10^-3 ... 10^-12.

A monotone claim proved on the whole admissible set holds on every admissible
segment, so the first admissible step already decides; at a boundary point
(``t = 0`` of a probability) the one-sided difference on the admissible side
is used (for order 2, ``q(x + 2h) - 2 q(x + h) + q(x)``). "Undecided" claims
are not checked.

Examples
--------
>>> from fractions import Fraction
>>> from symtrust import positive, comparative_statics
>>> c, w = positive("c w")
>>> cs = comparative_statics((c - w) / (1 + c - w), c, [c > w])
>>> statics_twin(cs, {c: 2, w: 1}) is None
True
>>> from symtrust import probability
>>> t = probability("t")
>>> statics_twin(comparative_statics(t**2 + t, t), {t: 0}) is None  # one-sided
True
"""

from __future__ import annotations

from fractions import Fraction

from symtrust.core.exact import sign, substitute_condition, value_at
from symtrust.core.twins import skip, twin
from symtrust.errors import VerificationError
from symtrust.logic.statics import ComparativeStatics

__all__ = ["statics_twin"]

_STEPS = tuple(Fraction(1, 10**k) for k in (3, 6, 9, 12))
_WANT = {"increasing": 1, "decreasing": -1, "constant": 0}


def _differences(cs, point, h, sides):
    """The finite differences of step ``h`` on the admissible ``sides``.

    ``sides`` holds +1 (the step ``x + h`` is admissible) and/or -1 (``x - h``
    is). At a boundary point (``t = 0`` of a probability) only one side is:
    the one-sided difference checks the same claim, since a sign claimed on
    the whole admissible set holds on every admissible segment.
    """
    x = cs.wrt
    q = cs.quantity

    def at(v):
        value = value_at(q, {**point, x: v})
        if value is None:
            skip(f"{q} is undefined at {x} = {v}")
        return value

    x0 = value_at(point[x])
    if cs.kind.startswith("elasticity"):
        here = at(x0)
        if sign(here) == 0:
            skip(f"the elasticity of {q} is undefined where it vanishes")
        scale = x0 / here
        return tuple((at(x0 + s * h) - here) * scale * s for s in sides)
    if cs.order == 2:
        if len(sides) == 2:
            return (at(x0 + h) - 2 * at(x0) + at(x0 - h),)
        (s,) = sides
        return (at(x0 + 2 * s * h) - 2 * at(x0 + s * h) + at(x0),)
    return tuple((at(x0 + s * h) - at(x0)) * s for s in sides)


def _admissible(cs, point, h) -> tuple:
    """The sides (+1, -1) on which a step of ``h`` stays admissible.

    A second difference on one side only needs two steps there (``x + 2h``).
    """
    x = cs.wrt
    x0 = value_at(point[x])

    def inside(*values) -> bool:
        return all(cs.assumptions.holds_at({**point, x: v}) for v in values)

    sides = tuple(s for s in (1, -1) if inside(x0 + s * h))
    if cs.order == 2 and len(sides) == 1 and not inside(x0 + 2 * sides[0] * h):
        return ()
    return sides


@twin(ComparativeStatics)
def statics_twin(cs, point) -> None:
    """Check a ComparativeStatics result at one point by finite differences.

    Raises
    ------
    VerificationError
        A finite difference with the wrong sign.
    """
    if cs.sign == "undecided":
        skip("an undecided sign claims nothing")
    if cs.wrt not in point:
        skip(f"the point gives no value for {cs.wrt}")
    if cs.sign == "depends":
        pos = substitute_condition(cs.condition, point)
        neg = substitute_condition(cs.negative_when, point)
        want = 1 if pos is True else -1 if neg is True else None
        if want is None:
            skip("the sign is zero or undefined here: nothing to compare")
        for h in _STEPS:
            sides = _admissible(cs, point, h)
            if sides and all(
                sign(d) == want for d in _differences(cs, point, h, sides)
            ):
                return
        raise VerificationError(
            f"{cs.quantity} should be {'in' if want > 0 else 'de'}creasing in "
            f"{cs.wrt} at {point}, but no small step shows it"
        )
    want = _WANT[cs.sign]
    for h in _STEPS:
        sides = _admissible(cs, point, h)
        if not sides:
            continue
        for d in _differences(cs, point, h, sides):
            if sign(d) != want:
                raise VerificationError(
                    f"claimed {cs.sign} in {cs.wrt}, but a step of {h} at {point} "
                    f"changes {cs.quantity} by a difference of sign {sign(d)}"
                )
        return
    skip(f"no admissible step in {cs.wrt} around this point")
