"""The generic families of games, one subpackage each.

Each family holds its model, its solvers and their numeric twins; importing a
family registers its twins with :mod:`symtrust.core.twins`.
"""

from symtrust.games import (
    bayesian,
    cheap_talk,
    continuous,
    continuous_signals,
    continuous_types,
    extensive,
    normal_form,
    repeated,
    signaling,
    symmetric,
)

__all__ = [
    "bayesian",
    "cheap_talk",
    "continuous",
    "continuous_signals",
    "continuous_types",
    "extensive",
    "normal_form",
    "repeated",
    "signaling",
    "symmetric",
]
