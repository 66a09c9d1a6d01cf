"""Repeated games: finite horizons and reputation with a committed type.

Finitely repeated games whose stage game has a unique equilibrium
(:func:`finite_horizon_spe`), and reputation games over n periods, n a number
or a symbol (:func:`reputation_equilibrium` for :func:`chain_store`,
:func:`repeated_trust_game` and any :func:`reputation_game`). Importing the
family registers its numeric twins.
"""

from symtrust.games.repeated import _finite_twin  # noqa: F401 - registers the twin
from symtrust.games.repeated.finite import (
    FiniteHorizonSPE,
    finite_horizon_spe,
    horizon,
)

__all__ = [
    "FiniteHorizonSPE",
    "finite_horizon_spe",
    "horizon",
]
