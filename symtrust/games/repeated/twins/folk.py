"""Numeric twins of the folk-theorem regions.

At an exact admissible point, with Fractions only:

* :class:`Minmax`: the pure minmax by enumerating the other's actions and the
  player's replies; the mixed minmax (2x2) as the least value of the upper
  envelope over every candidate probability (0, 1 and each crossing of two
  lines, computed here from the numbers) and never above the envelope on a
  grid of probabilities;
* :class:`FolkRegion`: the convex hull of the pure payoff vectors by the
  monotone-chain algorithm (Andrew 1979), the target tested against each
  edge (and against the segment or point a degenerate hull is), and the
  minmax values by the twin's own enumeration.

Examples
--------
>>> from symtrust import check
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated.folk import minmax
>>> check(minmax(prisoners_dilemma(), 0, mixed=True), max_examples=5).passed
True
"""

from __future__ import annotations

from fractions import Fraction

from symtrust.core.exact import fraction_at
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.repeated.folk import FolkRegion, Minmax

__all__ = ["folk_twin", "minmax_twin"]


def _table(stage, i):
    """u[(own, other)] for player i, exact."""
    out = {}
    for p in stage.profiles():
        own, other = (p[0], p[1]) if i == 0 else (p[1], p[0])
        out[(own, other)] = fraction_at(stage.utility(i, p), what=f"payoff at {p}")
    return out


def _pure(stage, i):
    u = _table(stage, i)
    own, other = stage.actions[i], stage.actions[1 - i]
    return min(max(u[(a, b)] for a in own) for b in other)


def _mixed(stage, i):
    u = _table(stage, i)
    (a1, a2), (b1, b2) = stage.actions[i], stage.actions[1 - i]

    def envelope(q):
        return max(q * u[(a, b1)] + (1 - q) * u[(a, b2)] for a in (a1, a2))

    qs = [Fraction(0), Fraction(1)]
    d1 = u[(a1, b1)] - u[(a1, b2)] - u[(a2, b1)] + u[(a2, b2)]
    if d1 != 0:
        q = (u[(a2, b2)] - u[(a1, b2)]) / d1
        if 0 <= q <= 1:
            qs.append(q)
    best = min(envelope(q) for q in qs)
    grid = [Fraction(k, 32) for k in range(33)]
    if any(envelope(q) < best for q in grid):
        raise VerificationError("the twin's own candidates missed a lower point")
    return best


def _value(stage, i, mixed):
    return _mixed(stage, i) if mixed else _pure(stage, i)


@twin(Minmax)
def minmax_twin(result, point) -> None:
    """The minmax value against enumeration."""
    stage = result.game.subs(dict(point), strict=False)
    i = stage.player_index(result.player)
    want = _value(stage, i, result.mixed)
    got = fraction_at(result.value, dict(point), "minmax")
    if got != want:
        raise VerificationError(f"minmax {result.value} = {got}, enumeration {want}")


def _cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _hull(points):
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts
    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _inside(hull, x):
    if len(hull) == 1:
        return x == hull[0]
    if len(hull) == 2:
        a, b = hull
        return _cross(a, b, x) == 0 and min(a, b) <= x <= max(a, b)
    n = len(hull)
    return all(_cross(hull[k], hull[(k + 1) % n], x) >= 0 for k in range(n))


@twin(FolkRegion)
def folk_twin(result, point) -> None:
    """The region's condition against an exact convex hull and enumeration."""
    point = dict(point)
    stage = result.game.subs(point, strict=False)
    pts = [
        tuple(fraction_at(u, what="payoff") for u in stage.payoff(p))
        for p in stage.profiles()
    ]
    target = tuple(fraction_at(point[s], what="target") for s in result.target)
    feasible = _inside(_hull(pts), target)
    mixed = result.minmax[0].mixed
    rational = all(target[i] > _value(stage, i, mixed) for i in (0, 1))
    if holds(result.value, point, "folk region") != (feasible and rational):
        raise VerificationError(
            f"region {result.value} at target {target}: the hull says "
            f"{'feasible' if feasible else 'infeasible'}, individually rational "
            f"{rational}"
        )
