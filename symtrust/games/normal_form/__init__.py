"""Normal-form games: payoffs, dominance, pure and mixed Nash equilibria."""

from symtrust.games.normal_form import twins  # noqa: F401 - registers the twins
