"""Numeric twins of the symmetric-game solvers: explicit players, brute force."""

from symtrust.games.symmetric.twins import symmetric

__all__ = ["symmetric"]
