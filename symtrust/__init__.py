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

from symtrust.catalog.hegemony import hegemony_game
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
from symtrust.model.arming import ArmingGame, arming_game
from symtrust.model.assumptions import Assumptions
from symtrust.model.bayesian import BayesianGame, bayesian_game
from symtrust.model.costly_signal import CostlySignalGame, costly_signal
from symtrust.model.distributions import ContinuousType, uniform
from symtrust.model.multilateral import (
    Actor,
    MultilateralGame,
    actor,
    multilateral_game,
)
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
from symtrust.model.symmetric import (
    SymmetricBinaryGame,
    count_symbol,
    symmetric_game,
)
from symtrust.model.trust_games import trust_game, type_game
from symtrust.render.document import latex
from symtrust.solve.arming import (
    ArmingEquilibrium,
    ArmingOutcomes,
    Coexistence,
    arming_equilibria,
    arming_outcomes,
    build_cutoff,
    coexisting_equilibria,
    trust_after_build,
    trust_after_builds,
)
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
from symtrust.solve.costly_signal import (
    HybridGesture,
    PoolingGesture,
    SeparatingGesture,
    costly_signal_equilibria,
    hybrid_equilibrium,
    pooling_equilibria,
    separating_equilibrium,
)
from symtrust.solve.cutoffs import CutoffEquilibrium, cutoff_equilibria
from symtrust.solve.dominance import (
    Dominance,
    IteratedElimination,
    dominance,
    dominated_actions,
    iterated_elimination,
)
from symtrust.solve.minimum_trust import MinimumTrust, minimum_trust
from symtrust.solve.mixed_nash import MixedEquilibrium, mixed_nash
from symtrust.solve.multilateral import (
    CooperationCondition,
    CooperationThreshold,
    CooperativeSet,
    FullCooperation,
    cooperation_condition,
    cooperation_threshold,
    full_cooperation,
    largest_cooperative_set,
    weighted_trust,
)
from symtrust.solve.multilateral_statics import CooperationStatics, cooperation_statics
from symtrust.solve.payoffs import (
    BestResponses,
    ExpectedPayoff,
    best_responses,
    expected_payoff,
)
from symtrust.solve.pbe import PBE, PerfectBayesianEquilibrium, pbe
from symtrust.solve.posterior import Posterior, posterior, posterior_after
from symtrust.solve.pure_nash import PureEquilibrium, pure_nash
from symtrust.solve.reassurance import (
    ReciprocalGestures,
    StartingSmall,
    reciprocal_gestures,
    starting_small,
)
from symtrust.solve.result import Result, Solution, Step
from symtrust.solve.statics import (
    ComparativeStatics,
    comparative_statics,
    elasticity,
)
from symtrust.solve.symmetric import (
    CountEquilibrium,
    binomial_expectation,
    symmetric_bayes_nash,
    symmetric_pure_nash,
)
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
from symtrust.verify.derivation import (
    Derivation,
    DerivationReport,
    run_derivation,
    verify_derivation,
)

__all__ = [
    "PBE",
    "Actor",
    "ArmingEquilibrium",
    "ArmingGame",
    "ArmingOutcomes",
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
    "Coexistence",
    "ComparativeStatics",
    "ContinuousType",
    "CooperationCondition",
    "CooperationStatics",
    "CooperationThreshold",
    "CooperativeSet",
    "CostlySignalGame",
    "CountEquilibrium",
    "CutoffEquilibrium",
    "Derivation",
    "DerivationReport",
    "Dominance",
    "ExpectedPayoff",
    "FullCooperation",
    "HybridGesture",
    "InterimPayoff",
    "IteratedElimination",
    "MinimumTrust",
    "MixedEquilibrium",
    "ModelError",
    "MultilateralGame",
    "NormalFormGame",
    "Parameter",
    "ParseError",
    "PerfectBayesianEquilibrium",
    "PoolingGesture",
    "Posterior",
    "Proof",
    "PureEquilibrium",
    "ReciprocalGestures",
    "Result",
    "SeparatingGesture",
    "SignalingGame",
    "Solution",
    "SolverError",
    "StartingSmall",
    "Step",
    "SymmetricBinaryGame",
    "SymtrustError",
    "Threshold",
    "UnsupportedError",
    "Verdict",
    "VerificationError",
    "actor",
    "arming_equilibria",
    "arming_game",
    "arming_outcomes",
    "bayes_nash",
    "bayesian_game",
    "belief_path",
    "best_responses",
    "bimatrix",
    "binomial_expectation",
    "build_cutoff",
    "check",
    "coexisting_equilibria",
    "comparative_statics",
    "cooperation_condition",
    "cooperation_statics",
    "cooperation_threshold",
    "costly_signal",
    "costly_signal_equilibria",
    "count_symbol",
    "cutoff_equilibria",
    "decide",
    "decreasing",
    "dominance",
    "dominated_actions",
    "elasticity",
    "expected_payoff",
    "expected_posterior_rises",
    "full_cooperation",
    "hegemony_game",
    "holds_whenever",
    "hybrid_equilibrium",
    "implies",
    "increasing",
    "interim_payoff",
    "interval",
    "iterated_elimination",
    "largest_cooperative_set",
    "latex",
    "martingale",
    "minimum_trust",
    "mixed_nash",
    "multilateral_game",
    "nonnegative",
    "normal_form_game",
    "parameter",
    "pbe",
    "pooling_equilibria",
    "positive",
    "posterior",
    "posterior_after",
    "probability",
    "prove",
    "pure_nash",
    "real",
    "reciprocal_gestures",
    "run_derivation",
    "satisfiable",
    "separating_equilibrium",
    "sequential_posterior",
    "signaling_game",
    "simplify_condition",
    "starting_small",
    "symmetric_bayes_nash",
    "symmetric_game",
    "symmetric_pure_nash",
    "trust_after_build",
    "trust_after_builds",
    "trust_game",
    "trust_threshold",
    "type_game",
    "uniform",
    "verify_derivation",
    "weighted_trust",
]
__version__ = "0.1.0"
