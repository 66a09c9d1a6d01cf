"""Deciding conditions under assumptions: z3 behind a small interface.

Also the condition algebra built on it (simplifying, clearing denominators,
linear systems and polynomial roots case by case) and comparative statics.
Importing it registers the numeric twin of comparative statics.
"""

from symtrust.logic import statics_twin  # noqa: F401 - registers the twin
from symtrust.logic.decide import DEFAULT_TIMEOUT, Verdict, decide, satisfiable

__all__ = ["DEFAULT_TIMEOUT", "Verdict", "decide", "satisfiable"]
