"""Numeric twins of the tree solvers: brute force at exact points."""

from symtrust.games.extensive.twins import pbe, rationality, spe

__all__ = ["pbe", "rationality", "spe"]
