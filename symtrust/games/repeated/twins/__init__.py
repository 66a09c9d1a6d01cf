"""Numeric twins of the repeated-game solvers: the automata played exactly."""

from symtrust.games.repeated.twins import perfection

__all__ = ["perfection"]
