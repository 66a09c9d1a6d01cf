"""A seeded subset of the differential fuzzing campaign (benchmarks/fuzz.py).

Random games of every family are solved by symtrust and compared with
independent references: pygambit's exact solvers for normal-form games, the
brute-force twins for signaling and Bayesian games. Any disagreement (or any
exception from a solver) fails the test with the messages that reproduce it.
"""

from __future__ import annotations

import pytest

from symtrust.testing.fuzz import FAMILIES, campaign

pytest.importorskip("pygambit")

SUBSET = {
    "bimatrix": 120,
    "three_player": 200,
    "bayesian": 80,
    "signaling": 20,
    "symbolic": 2,
}


@pytest.mark.parametrize("family", sorted(SUBSET))
def test_fuzz_subset_agrees_with_the_references(family):
    games, bad = campaign({family: SUBSET[family]}, seed=20261203)[family]
    assert games == SUBSET[family]
    assert bad == [], "\n".join(bad[:10])


def test_every_family_is_in_the_subset():
    assert set(SUBSET) == set(FAMILIES)
