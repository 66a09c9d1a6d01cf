"""Starting small, two-sided (Kydd 2005, ch. 7, reconstruction)."""

from symtrust.kydd.two_sided import twins  # noqa: F401 - registers the twin
from symtrust.kydd.two_sided.two_sided import (
    StartingSmallTwoSided,
    first_defection_payoff,
    starting_small_two_sided,
)

__all__ = [
    "StartingSmallTwoSided",
    "first_defection_payoff",
    "starting_small_two_sided",
]
