"""Deciding conditions under assumptions: z3 behind a small interface.

Also the condition algebra built on it (simplifying, clearing denominators,
solving for one variable, linear systems and polynomial roots case by case)
and comparative statics. Every decision takes one option, ``budget=`` (see
:mod:`symtrust.logic.budget`). Importing it registers the numeric twins of
comparative statics and of solving for a variable.
"""

from symtrust.logic import solve_for_twin, statics_twin  # noqa: F401 - twins
from symtrust.logic.budget import Budget
from symtrust.logic.decide import Verdict, decide, satisfiable

__all__ = ["Budget", "Verdict", "decide", "satisfiable"]
