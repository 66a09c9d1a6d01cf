"""symtrust: game-theoretic models of trust as verified mathematics.

Build games from SymPy expressions whose parameters carry their assumptions;
derive equilibria, thresholds and posteriors in closed form with the
conditions under which they hold; check every result against independent
exact numeric evaluation.

Examples
--------
>>> import symtrust
>>> from symtrust.catalog import stag_hunt
>>> [eq.profile for eq in symtrust.pure_nash(stag_hunt())]
[('C', 'C'), ('D', 'D')]
"""

from symtrust.errors import (
    AssumptionError,
    ClaimError,
    ModelError,
    ParseError,
    SolverError,
    SymtrustError,
    UnsupportedError,
    VerificationError,
)
from symtrust.logic.decide import Verdict, decide, satisfiable
from symtrust.logic.simplify import simplify_condition
from symtrust.model.assumptions import Assumptions
from symtrust.model.bayesian import BayesianGame, bayesian_game, trust_game, type_game
from symtrust.model.distributions import ContinuousType, uniform
from symtrust.model.normal_form import NormalFormGame, bimatrix, normal_form_game
from symtrust.model.parameters import (
    Parameter,
    interval,
    nonnegative,
    parameter,
    positive,
    probability,
    real,
)
from symtrust.model.signaling import SignalingGame, signaling_game
from symtrust.render.document import latex
from symtrust.solve.bayes_nash import (
    BayesNashEquilibrium,
    InterimPayoff,
    bayes_nash,
    interim_payoff,
)
from symtrust.solve.beliefs import (
    BeliefPath,
    BeliefProperty,
    belief_path,
    expected_posterior_rises,
    martingale,
    sequential_posterior,
)
from symtrust.solve.cutoffs import CutoffEquilibrium, cutoff_equilibria
from symtrust.solve.dominance import (
    Dominance,
    IteratedElimination,
    dominance,
    dominated_actions,
    iterated_elimination,
)
from symtrust.solve.mixed_nash import MixedEquilibrium, mixed_nash
from symtrust.solve.payoffs import (
    BestResponses,
    ExpectedPayoff,
    best_responses,
    expected_payoff,
)
from symtrust.solve.pbe import PBE, PerfectBayesianEquilibrium, pbe
from symtrust.solve.posterior import Posterior, posterior, posterior_after
from symtrust.solve.pure_nash import PureEquilibrium, pure_nash
from symtrust.solve.result import Result, Solution, Step
from symtrust.solve.thresholds import Threshold, trust_threshold
from symtrust.verify.check import CheckReport, check
from symtrust.verify.claims import (
    Claim,
    Proof,
    decreasing,
    holds_whenever,
    implies,
    increasing,
    prove,
)
from symtrust.verify.derivation import Derivation, DerivationReport, verify_derivation

__all__ = [
    "PBE",
    "AssumptionError",
    "Assumptions",
    "BayesNashEquilibrium",
    "BayesianGame",
    "BeliefPath",
    "BeliefProperty",
    "BestResponses",
    "CheckReport",
    "Claim",
    "ClaimError",
    "ContinuousType",
    "CutoffEquilibrium",
    "Derivation",
    "DerivationReport",
    "Dominance",
    "ExpectedPayoff",
    "InterimPayoff",
    "IteratedElimination",
    "MixedEquilibrium",
    "ModelError",
    "NormalFormGame",
    "Parameter",
    "ParseError",
    "PerfectBayesianEquilibrium",
    "Posterior",
    "Proof",
    "PureEquilibrium",
    "Result",
    "SignalingGame",
    "Solution",
    "SolverError",
    "Step",
    "SymtrustError",
    "Threshold",
    "UnsupportedError",
    "Verdict",
    "VerificationError",
    "bayes_nash",
    "bayesian_game",
    "belief_path",
    "best_responses",
    "bimatrix",
    "check",
    "cutoff_equilibria",
    "decide",
    "decreasing",
    "dominance",
    "dominated_actions",
    "expected_payoff",
    "expected_posterior_rises",
    "holds_whenever",
    "implies",
    "increasing",
    "interim_payoff",
    "interval",
    "iterated_elimination",
    "latex",
    "martingale",
    "mixed_nash",
    "nonnegative",
    "normal_form_game",
    "parameter",
    "pbe",
    "positive",
    "posterior",
    "posterior_after",
    "probability",
    "prove",
    "pure_nash",
    "real",
    "satisfiable",
    "sequential_posterior",
    "signaling_game",
    "simplify_condition",
    "trust_game",
    "trust_threshold",
    "type_game",
    "uniform",
    "verify_derivation",
]
__version__ = "0.1.0"
