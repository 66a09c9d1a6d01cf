"""Numeric twins of the Bayesian solvers (brute force, exact Fractions)."""

from symtrust.games.bayesian.twins import bayes, beliefs, minimum_trust

__all__ = ["bayes", "beliefs", "minimum_trust"]
