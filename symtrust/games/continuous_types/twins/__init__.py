"""Numeric twin of the cutoff solvers."""

from symtrust.games.continuous_types.twins import cutoffs

__all__ = ["cutoffs"]
