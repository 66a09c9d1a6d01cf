"""Test configuration: Hypothesis profiles, and the book's derivations.

`dev` (default when not on CI) keeps runs quick; `ci` runs more examples;
`deep` hunts for bugs before a release (random, 400 examples per property).
Select with HYPOTHESIS_PROFILE=dev|ci|deep; CI=true selects `ci`.

Nothing expensive happens at import: collecting the tests builds no
derivation, game solution or proof. The session fixture ``derivation``
derives each of ``derivations/`` once, on first use, for every test module
that needs it (tests/derivations/, the meta-test); modules solve their own
games in module-scoped fixtures.
"""

import functools
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from symtrust.cli import discover, load_derivation

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
)


# The book's derivations, derived once per test session and shared by every
# test module that needs one (tests/derivations/, the meta-test): deriving
# them at import time made collecting the tests take 20 s.
DERIVATIONS = Path(__file__).resolve().parents[1] / "derivations"


@functools.cache
def derived(stem: str):
    """The Derivation of ``derivations/<stem>.py`` (derived on first use)."""
    (path,) = [p for p in discover([DERIVATIONS]) if p.stem == stem]
    return load_derivation(path)()


@pytest.fixture(scope="session")
def derivation():
    """``derivation(stem)``: the session's Derivation of ``derivations/<stem>.py``."""
    return derived
