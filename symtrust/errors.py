"""Exceptions raised by symtrust.

Every exception names the offending value and the rule it breaks. Each leaf
also subclasses the built-in exception a Python user would expect, so
``except ValueError`` keeps working.

Examples
--------
>>> from symtrust.errors import ModelError, SymtrustError
>>> issubclass(ModelError, ValueError) and issubclass(ModelError, SymtrustError)
True
"""

from __future__ import annotations

__all__ = [
    "AssumptionError",
    "BudgetError",
    "ClaimError",
    "ModelError",
    "SolverError",
    "SymtrustError",
    "UnsupportedError",
    "VerificationError",
]


class SymtrustError(Exception):
    """Base class of every error symtrust raises on purpose."""


class ModelError(SymtrustError, ValueError):
    """A game, parameter or distribution is malformed (shape, name, domain)."""


class AssumptionError(ModelError):
    """Assumptions contradict each other, or a value violates them."""


class SolverError(SymtrustError, RuntimeError):
    """A solver could not finish for a reason it can state."""


class UnsupportedError(SolverError, NotImplementedError):
    """The request is well formed but outside what the engine solves in closed form."""


class ClaimError(SymtrustError, ValueError):
    """A claim is malformed (for example, a bare expression is not a statement)."""


class VerificationError(SymtrustError, AssertionError):
    """A derived result disagreed with its independent numeric twin."""


class BudgetError(SymtrustError, ValueError):
    """A time budget is not a positive, finite number of seconds (or a Budget)."""
