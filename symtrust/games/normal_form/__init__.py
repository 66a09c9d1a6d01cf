"""Normal-form games: payoffs, dominance, pure and mixed Nash equilibria.

Importing the family registers its numeric twins.
"""

from symtrust.games.normal_form import twins  # noqa: F401 - registers the twins
from symtrust.games.normal_form.dominance import (
    dominance,
    dominated_actions,
    iterated_elimination,
    restrict,
)
from symtrust.games.normal_form.mixed_nash import mixed_nash
from symtrust.games.normal_form.model import (
    NormalFormGame,
    as_payoff,
    bimatrix,
    normal_form_game,
)
from symtrust.games.normal_form.payoffs import (
    best_responses,
    expected_payoff,
    mixed_strategy,
)
from symtrust.games.normal_form.pure_nash import pure_nash

__all__ = [
    "NormalFormGame",
    "as_payoff",
    "best_responses",
    "bimatrix",
    "dominance",
    "dominated_actions",
    "expected_payoff",
    "iterated_elimination",
    "mixed_nash",
    "mixed_strategy",
    "normal_form_game",
    "pure_nash",
    "restrict",
]
