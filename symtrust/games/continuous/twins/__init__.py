"""Numeric twins of the continuous-strategy solvers (registered on import)."""

from symtrust.games.continuous.twins import (  # noqa: F401 - registers the twins
    auctions,
    bayes_linear,
    double_auction,
    nash,
    offers,
)
