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
segment, so the first admissible step already decides; "undecided" claims
are not checked.

Examples
--------
>>> from fractions import Fraction
>>> from symtrust import positive, comparative_statics
>>> c, w = positive("c w")
>>> cs = comparative_statics((c - w) / (1 + c - w), c, [c > w])
>>> statics_twin(cs, {c: 2, w: 1}) is None
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


def _differences(cs, point, h):
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
        return ((at(x0 + h) - here) * scale, (here - at(x0 - h)) * scale)
    if cs.order == 2:
        return (at(x0 + h) - 2 * at(x0) + at(x0 - h),)
    return (at(x0 + h) - at(x0), at(x0) - at(x0 - h))


def _admissible(cs, point, h) -> bool:
    x = cs.wrt
    x0 = value_at(point[x])
    for v in (x0 - h, x0 + h):
        moved = {**point, x: v}
        if not cs.assumptions.holds_at(moved):
            return False
    return True


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
            if _admissible(cs, point, h) and all(
                sign(d) == want for d in _differences(cs, point, h)
            ):
                return
        raise VerificationError(
            f"{cs.quantity} should be {'in' if want > 0 else 'de'}creasing in "
            f"{cs.wrt} at {point}, but no small step shows it"
        )
    want = _WANT[cs.sign]
    for h in _STEPS:
        if not _admissible(cs, point, h):
            continue
        for d in _differences(cs, point, h):
            if sign(d) != want:
                raise VerificationError(
                    f"claimed {cs.sign} in {cs.wrt}, but a step of {h} at {point} "
                    f"changes {cs.quantity} by a difference of sign {sign(d)}"
                )
        return
    skip(f"no admissible step in {cs.wrt} around this point")
