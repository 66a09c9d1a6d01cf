"""Numeric twins of the tree solvers: brute force at exact points."""

from symtrust.games.extensive.twins import pbe, spe

__all__ = ["pbe", "spe"]
