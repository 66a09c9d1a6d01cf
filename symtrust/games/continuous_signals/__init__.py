"""Costly signaling with a continuum of signals: separating, pooling, Riley.

Importing the family registers its numeric twins.
"""

from symtrust.games.continuous_signals import twins  # noqa: F401 - registers the twins
from symtrust.games.continuous_signals.intuitive import (
    IntuitiveSelection,
    intuitive_criterion,
)
from symtrust.games.continuous_signals.model import ContinuousSignalGame, signal_game
from symtrust.games.continuous_signals.ordered import (
    OrderedSignalGame,
    ordered_signal_game,
)
from symtrust.games.continuous_signals.pooling import PoolingRange, pooling_equilibria
from symtrust.games.continuous_signals.riley import RileyChain, riley_outcome
from symtrust.games.continuous_signals.separating import (
    SeparatingSet,
    separating_equilibria,
)

__all__ = [
    "ContinuousSignalGame",
    "IntuitiveSelection",
    "OrderedSignalGame",
    "PoolingRange",
    "RileyChain",
    "SeparatingSet",
    "intuitive_criterion",
    "ordered_signal_game",
    "pooling_equilibria",
    "riley_outcome",
    "separating_equilibria",
    "signal_game",
]
