"""Two-player games with continuous private types: cutoff equilibria.

Importing the family registers its numeric twins.
"""

from symtrust.games.continuous_types import twins  # noqa: F401 - registers the twins
from symtrust.games.continuous_types.cutoffs import (
    CutoffShape,
    cutoff_equilibria,
    numeric_cutoffs,
)
from symtrust.games.continuous_types.distributions import ContinuousType, uniform
from symtrust.games.continuous_types.model import CutoffGame, cutoff_game

__all__ = [
    "ContinuousType",
    "CutoffGame",
    "CutoffShape",
    "cutoff_equilibria",
    "cutoff_game",
    "numeric_cutoffs",
    "uniform",
]
