"""Numeric twins of the repeated-game solvers: the automata played exactly."""

from symtrust.games.repeated.twins import folk, nash, perfection

__all__ = ["folk", "nash", "perfection"]
