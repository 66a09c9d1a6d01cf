"""Symmetric n-player binary-action games: counts of cooperators, not profiles."""

from symtrust.games.symmetric import twins  # noqa: F401 - registers the twins
