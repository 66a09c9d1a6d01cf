"""The two-type Security Dilemma Game (Kydd 2005, ch. 2, reconstruction).

The stage game every book model ends in: its payoff table
(:mod:`~symtrust.kydd.security_dilemma.model`), the two facts the arming and
reassurance games need, derived by the engine's generic solvers
(:mod:`~symtrust.kydd.security_dilemma.stage`), and their numeric twin.
"""

from symtrust.kydd.security_dilemma import twins  # noqa: F401 - registers the twins
from symtrust.kydd.security_dilemma.model import sdg_payoffs, stage_game
from symtrust.kydd.security_dilemma.repeated import (
    RepeatedTrust,
    repeated_threshold,
    strategy_values,
)
from symtrust.kydd.security_dilemma.stage import (
    ValueOfTrust,
    stage_threshold,
    value_of_trust,
)

__all__ = [
    "RepeatedTrust",
    "ValueOfTrust",
    "repeated_threshold",
    "sdg_payoffs",
    "stage_game",
    "stage_threshold",
    "strategy_values",
    "value_of_trust",
]
