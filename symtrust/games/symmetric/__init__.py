"""Symmetric n-player binary-action games: counts of cooperators, not profiles.

Importing the family registers its numeric twins.
"""

from symtrust.games.symmetric import twins  # noqa: F401 - registers the twins
from symtrust.games.symmetric.equilibria import (
    binomial_expectation,
    dominant_action,
    symmetric_bayes_nash,
    symmetric_pure_nash,
)
from symtrust.games.symmetric.model import (
    SymmetricBinaryGame,
    count_symbol,
    symmetric_game,
)

__all__ = [
    "SymmetricBinaryGame",
    "binomial_expectation",
    "count_symbol",
    "dominant_action",
    "symmetric_bayes_nash",
    "symmetric_game",
    "symmetric_pure_nash",
]
