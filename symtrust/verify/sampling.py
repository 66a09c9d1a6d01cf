"""Random exact admissible points: numeric evidence for claims.

A claim the prover cannot decide is evaluated exactly at random rational
points satisfying its assumptions; one point where it fails refutes it (the
point is checked by exact substitution), otherwise the number of points where
it held is reported as evidence, never as proof. Proved claims get a small
sanity check the same way.

Points come from :func:`symtrust.testing.points` (built by construction,
through Hypothesis) outside Hypothesis tests; inside one (Hypothesis forbids
nesting), and for quick sanity checks, from :func:`sample_points`: each
symbol drawn from its domain narrowed by stated constant bounds, exact
rationals with small denominators (closed endpoints now and then), rejected
unless every assumption holds.

Examples
--------
>>> from symtrust import positive
>>> c, w = positive("c w")
>>> found, bad = gather_evidence(c + w > w, (c > w,), 10, 0, quick=True)
>>> bad is None and found.tried == found.held > 0
True
"""

from __future__ import annotations

from symtrust.core.sampling import evaluate_at
from symtrust.core.sampling import rational_points as sample_points
from symtrust.testing.strategies import points
from symtrust.verify.proof import Evidence

__all__ = ["evaluate_at", "gather_evidence", "sample_points"]


def _hypothesis_points(conds, symbols, n, seed):
    """Points from :func:`symtrust.testing.points` (built by construction)."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed

    out = []

    @hypothesis_seed(seed)
    @settings(
        max_examples=n,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(points(conds, symbols))
    def collect(point):
        out.append(point)

    collect()
    unique = {tuple(sorted(p.items(), key=lambda kv: kv[0].sort_key())): p for p in out}
    return list(unique.values())


def _admissible_points(conds, symbols, n, seed, *, quick=False):
    """Random exact admissible points, and how they were drawn.

    Outside a Hypothesis test, symtrust's own strategy
    (:func:`symtrust.testing.points`) draws them by construction; inside one
    (Hypothesis forbids nesting), a seeded sampler with rejection does.
    """
    from hypothesis import currently_in_test_context

    if quick:
        made = sample_points(conds, symbols, n, seed=seed, attempts=20)
        if len(made) >= n // 2:
            return made, f"seeded rational points (seed {seed}), admissible ones kept"
    if not currently_in_test_context():
        try:
            made = _hypothesis_points(conds, symbols, n, seed)
        except Exception:  # any failure: fall back to the plain sampler
            made = None
        if made:
            return made, f"symtrust.testing.points (Hypothesis, seed {seed})"
    made = sample_points(conds, symbols, n, seed=seed)
    return made, f"seeded rational points (seed {seed}), rejected unless admissible"


def gather_evidence(statement, conds, n, seed, *, quick=False):
    symbols = set(statement.free_symbols)
    for c in conds:
        symbols |= c.free_symbols
    if not symbols:
        return None, None
    points, sampler = _admissible_points(conds, symbols, n, seed, quick=quick)
    held = undetermined = 0
    for point in points:
        value = evaluate_at(statement, point)
        if value is False:
            return None, point
        if value is True:
            held += 1
        else:
            undetermined += 1
    return Evidence(len(points), held, undetermined, sampler), None
