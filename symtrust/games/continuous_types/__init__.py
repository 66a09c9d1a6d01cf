"""Two-player games with continuous private types: cutoff equilibria."""

from symtrust.games.continuous_types import twins  # noqa: F401 - registers the twins
