"""Numeric twins of the continuous-strategy solvers (registered on import)."""

from symtrust.games.continuous.twins import nash, offers  # noqa: F401 - registers
