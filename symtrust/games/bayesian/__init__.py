"""Bayesian games with finite types: equilibria, thresholds, posteriors, beliefs."""

from symtrust.games.bayesian import twins  # noqa: F401 - registers the twins
