"""Costly signaling with a continuum of signals: separating, pooling, Riley.

Importing the family registers its numeric twins.
"""

from symtrust.games.continuous_signals import twins  # noqa: F401 - registers the twins
from symtrust.games.continuous_signals.intuitive import (
    IntuitiveSelection,
    intuitive_criterion,
)
from symtrust.games.continuous_signals.model import ContinuousSignalGame, signal_game
from symtrust.games.continuous_signals.pooling import PoolingRange, pooling_equilibria
from symtrust.games.continuous_signals.separating import (
    SeparatingSet,
    separating_equilibria,
)

__all__ = [
    "ContinuousSignalGame",
    "IntuitiveSelection",
    "PoolingRange",
    "SeparatingSet",
    "intuitive_criterion",
    "pooling_equilibria",
    "separating_equilibria",
    "signal_game",
]
