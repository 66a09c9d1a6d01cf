"""Bayesian games with finite types: equilibria, thresholds, posteriors, beliefs.

Importing the family registers its numeric twins.
"""

from symtrust.games.bayesian import twins  # noqa: F401 - registers the twins
from symtrust.games.bayesian.bayes_nash import bayes_nash, interim_payoff
from symtrust.games.bayesian.beliefs import (
    belief_path,
    expected_posterior_rises,
    martingale,
    sequential_posterior,
)
from symtrust.games.bayesian.minimum_trust import minimum_trust
from symtrust.games.bayesian.model import BayesianGame, bayesian_game
from symtrust.games.bayesian.posterior import likelihood_of, posterior, posterior_after
from symtrust.games.bayesian.thresholds import classify_types, trust_threshold
from symtrust.games.bayesian.trust_games import (
    TRUSTWORTHY,
    UNTRUSTWORTHY,
    trust_game,
    type_game,
)
from symtrust.games.bayesian.typemap import TypeMap

__all__ = [
    "TRUSTWORTHY",
    "UNTRUSTWORTHY",
    "BayesianGame",
    "TypeMap",
    "bayes_nash",
    "bayesian_game",
    "belief_path",
    "classify_types",
    "expected_posterior_rises",
    "interim_payoff",
    "likelihood_of",
    "martingale",
    "minimum_trust",
    "posterior",
    "posterior_after",
    "sequential_posterior",
    "trust_game",
    "trust_threshold",
    "type_game",
]
