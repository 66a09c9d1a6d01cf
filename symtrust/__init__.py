"""symtrust: game-theoretic models of trust as verified mathematics.

Build games from SymPy expressions whose parameters carry their assumptions;
derive equilibria, thresholds and posteriors in closed form with the
conditions under which they hold; check every result against independent
exact numeric evaluation.

The top level holds the factories and verbs a user reaches for first. The
rest is themed: :mod:`symtrust.results` (result classes),
:mod:`symtrust.kydd` (the book's models), :mod:`symtrust.catalog`
(ready-made games), :mod:`symtrust.errors`, :mod:`symtrust.testing`
(Hypothesis strategies), and each family of games under
:mod:`symtrust.games` with its full API.

Examples
--------
>>> import symtrust
>>> from symtrust.catalog import stag_hunt
>>> [eq.profile for eq in symtrust.pure_nash(stag_hunt())]
[('C', 'C'), ('D', 'D')]
"""

from symtrust import (  # noqa: F401 - the themed namespaces, as attributes
    catalog,
    errors,
    games,
    io,
    kydd,
    logic,
    results,
    verify,
)
from symtrust.core.parameters import (
    interval,
    nonnegative,
    parameter,
    positive,
    probability,
    real,
)
from symtrust.games.bayesian.bayes_nash import bayes_nash
from symtrust.games.bayesian.beliefs import belief_path
from symtrust.games.bayesian.minimum_trust import minimum_trust
from symtrust.games.bayesian.model import bayesian_game
from symtrust.games.bayesian.posterior import posterior, posterior_after
from symtrust.games.bayesian.thresholds import trust_threshold
from symtrust.games.bayesian.trust_games import trust_game
from symtrust.games.continuous.model import continuous_game
from symtrust.games.continuous.nash import continuous_nash
from symtrust.games.continuous_types.cutoffs import cutoff_equilibria
from symtrust.games.continuous_types.distributions import uniform
from symtrust.games.extensive.builder import game_tree
from symtrust.games.extensive.perfect_bayesian import extensive_pbe
from symtrust.games.extensive.subgames import spe
from symtrust.games.normal_form.dominance import dominance, iterated_elimination
from symtrust.games.normal_form.mixed_nash import mixed_nash
from symtrust.games.normal_form.model import bimatrix, normal_form_game
from symtrust.games.normal_form.payoffs import best_responses, expected_payoff
from symtrust.games.normal_form.pure_nash import pure_nash
from symtrust.games.signaling.model import signaling_game
from symtrust.games.signaling.pbe import pbe
from symtrust.games.symmetric.equilibria import (
    symmetric_bayes_nash,
    symmetric_pure_nash,
)
from symtrust.games.symmetric.model import symmetric_game
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide, satisfiable
from symtrust.logic.solve_for import solve_for
from symtrust.logic.statics import comparative_statics
from symtrust.render import rows as _rows_layout  # noqa: F401 - its layout
from symtrust.render import statics as _statics_layout  # noqa: F401 - its layout
from symtrust.render import tree_tikz as _tree_layout  # noqa: F401 - its layout
from symtrust.render.document import document
from symtrust.render.fragments import latex
from symtrust.render.plots import plot
from symtrust.render.region_map import region_map
from symtrust.runner import run_derivation
from symtrust.verify.check import check
from symtrust.verify.claims import (
    Claim,
    decreasing,
    holds_whenever,
    implies,
    increasing,
    prove,
)
from symtrust.verify.derivation import Derivation

__all__ = [
    "Budget",
    "Claim",
    "Derivation",
    "bayes_nash",
    "bayesian_game",
    "belief_path",
    "best_responses",
    "bimatrix",
    "check",
    "comparative_statics",
    "continuous_game",
    "continuous_nash",
    "cutoff_equilibria",
    "decide",
    "decreasing",
    "document",
    "dominance",
    "expected_payoff",
    "extensive_pbe",
    "game_tree",
    "holds_whenever",
    "implies",
    "increasing",
    "interval",
    "iterated_elimination",
    "latex",
    "minimum_trust",
    "mixed_nash",
    "nonnegative",
    "normal_form_game",
    "parameter",
    "pbe",
    "plot",
    "positive",
    "posterior",
    "posterior_after",
    "probability",
    "prove",
    "pure_nash",
    "real",
    "region_map",
    "run_derivation",
    "satisfiable",
    "signaling_game",
    "simplify_condition",
    "solve_for",
    "spe",
    "symmetric_bayes_nash",
    "symmetric_game",
    "symmetric_pure_nash",
    "trust_game",
    "trust_threshold",
    "uniform",
]
__version__ = "0.2.0"
