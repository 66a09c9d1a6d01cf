"""Deciding conditions under assumptions: z3 behind a small interface."""

from symtrust.logic.decide import DEFAULT_TIMEOUT, Verdict, decide, satisfiable

__all__ = ["DEFAULT_TIMEOUT", "Verdict", "decide", "satisfiable"]
