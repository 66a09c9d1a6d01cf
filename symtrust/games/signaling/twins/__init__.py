"""Numeric twin of the PBE solver: brute-force enumeration of assessments."""

from symtrust.games.signaling.twins import pbe

__all__ = ["pbe"]
