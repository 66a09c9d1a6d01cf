"""Numeric twins of the tree solvers: brute force at exact points."""

from symtrust.games.extensive.twins import spe

__all__ = ["spe"]
