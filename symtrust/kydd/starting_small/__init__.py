"""Starting small, two-sided (Kydd 2005, ch. 7, reconstruction)."""

from symtrust.kydd.starting_small import twins  # noqa: F401 - registers the twin
from symtrust.kydd.starting_small.two_sided import (
    StartingSmallTwoSided,
    first_defection_payoff,
    starting_small_two_sided,
)

__all__ = [
    "StartingSmallTwoSided",
    "first_defection_payoff",
    "starting_small_two_sided",
]
