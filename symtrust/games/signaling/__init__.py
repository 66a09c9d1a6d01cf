"""Finite signaling games and their perfect Bayesian equilibria."""

from symtrust.games.signaling import twins  # noqa: F401 - registers the twins
