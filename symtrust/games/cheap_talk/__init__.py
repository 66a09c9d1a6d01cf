"""Cheap talk: partition equilibria of the uniform-quadratic Crawford-Sobel game.

Importing the family registers its numeric twins.
"""

from symtrust.games.cheap_talk import twins  # noqa: F401 - registers the twins
from symtrust.games.cheap_talk.model import CheapTalkGame, cheap_talk_game
from symtrust.games.cheap_talk.partition import (
    MaxSteps,
    PartitionEquilibrium,
    max_steps,
    partition_equilibria,
    partition_equilibrium,
)

__all__ = [
    "CheapTalkGame",
    "MaxSteps",
    "PartitionEquilibrium",
    "cheap_talk_game",
    "max_steps",
    "partition_equilibria",
    "partition_equilibrium",
]
