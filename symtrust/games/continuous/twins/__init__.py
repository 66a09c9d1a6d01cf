"""Numeric twins of the continuous-strategy solvers (registered on import)."""

from symtrust.games.continuous.twins import (  # noqa: F401 - registers the twins
    auctions,
    nash,
    offers,
)
