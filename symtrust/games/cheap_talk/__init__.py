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
from symtrust.games.cheap_talk.welfare import ExAntePayoffs, ex_ante_payoffs

__all__ = [
    "CheapTalkGame",
    "ExAntePayoffs",
    "MaxSteps",
    "PartitionEquilibrium",
    "cheap_talk_game",
    "ex_ante_payoffs",
    "max_steps",
    "partition_equilibria",
    "partition_equilibrium",
]
