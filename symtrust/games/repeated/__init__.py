"""Repeated games: finite horizons and reputation with a committed type.

Finitely repeated games whose stage game has a unique equilibrium
(:func:`finite_horizon_spe`), and reputation games over n periods, n a number
or a symbol (:func:`reputation_equilibrium` for :func:`chain_store`,
:func:`repeated_trust_game` and any :func:`reputation_game`). Importing the
family registers its numeric twins.
"""

from symtrust.games.repeated import (  # noqa: F401 - register the twins
    _finite_twin,
    _reputation_twin,
)
from symtrust.games.repeated.finite import (
    FiniteHorizonSPE,
    finite_horizon_spe,
    horizon,
)
from symtrust.games.repeated.reputation import (
    ReputationEquilibrium,
    ReputationGame,
    chain_store,
    period,
    repeated_trust_game,
    reputation_equilibrium,
    reputation_game,
)

__all__ = [
    "FiniteHorizonSPE",
    "ReputationEquilibrium",
    "ReputationGame",
    "chain_store",
    "finite_horizon_spe",
    "horizon",
    "period",
    "repeated_trust_game",
    "reputation_equilibrium",
    "reputation_game",
]
