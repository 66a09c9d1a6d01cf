"""Numeric twins of the repeated-game solvers: the automata played exactly."""

from symtrust.games.repeated.twins import nash, perfection

__all__ = ["nash", "perfection"]
