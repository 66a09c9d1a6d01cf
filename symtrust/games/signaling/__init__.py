"""Finite signaling games and their perfect Bayesian equilibria.

Importing the family registers its numeric twins.
"""

from symtrust.games.signaling import twins  # noqa: F401 - registers the twins
from symtrust.games.signaling.equilibrium import PBELabel, PerfectBayesianEquilibrium
from symtrust.games.signaling.model import SignalingGame, signaling_game
from symtrust.games.signaling.pbe import pbe

__all__ = [
    "PBELabel",
    "PerfectBayesianEquilibrium",
    "SignalingGame",
    "pbe",
    "signaling_game",
]
