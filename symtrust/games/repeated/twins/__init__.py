"""Numeric twins of the repeated-game solvers: the automata played exactly."""

from symtrust.games.repeated.twins import folk, nash, perfection, target

__all__ = ["folk", "nash", "perfection", "target"]
