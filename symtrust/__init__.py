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

import symtrust.games
import symtrust.kydd
import symtrust.logic
import symtrust.render.statics
import symtrust.verify  # noqa: F401
from symtrust.catalog import hegemony_game
from symtrust.core.assumptions import Assumptions
from symtrust.core.parameters import (
    Parameter,
    interval,
    nonnegative,
    parameter,
    positive,
    probability,
    real,
)
from symtrust.core.result import Result, Solution, Step
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
from symtrust.games.bayesian.bayes_nash import (
    BayesNashEquilibrium,
    InterimPayoff,
    bayes_nash,
    interim_payoff,
)
from symtrust.games.bayesian.beliefs import (
    BeliefPath,
    BeliefProperty,
    belief_path,
    expected_posterior_rises,
    martingale,
    sequential_posterior,
)
from symtrust.games.bayesian.minimum_trust import MinimumTrust, minimum_trust
from symtrust.games.bayesian.model import BayesianGame, bayesian_game
from symtrust.games.bayesian.posterior import Posterior, posterior, posterior_after
from symtrust.games.bayesian.thresholds import Threshold, trust_threshold
from symtrust.games.bayesian.trust_games import trust_game, type_game
from symtrust.games.continuous_types.cutoffs import CutoffEquilibrium, cutoff_equilibria
from symtrust.games.continuous_types.distributions import ContinuousType, uniform
from symtrust.games.normal_form.dominance import (
    Dominance,
    IteratedElimination,
    dominance,
    dominated_actions,
    iterated_elimination,
)
from symtrust.games.normal_form.mixed_nash import MixedEquilibrium, mixed_nash
from symtrust.games.normal_form.model import NormalFormGame, bimatrix, normal_form_game
from symtrust.games.normal_form.payoffs import (
    BestResponses,
    ExpectedPayoff,
    best_responses,
    expected_payoff,
)
from symtrust.games.normal_form.pure_nash import PureEquilibrium, pure_nash
from symtrust.games.signaling.model import SignalingGame, signaling_game
from symtrust.games.signaling.pbe import PBE, PerfectBayesianEquilibrium, pbe
from symtrust.games.symmetric.equilibria import (
    CountEquilibrium,
    binomial_expectation,
    symmetric_bayes_nash,
    symmetric_pure_nash,
)
from symtrust.games.symmetric.model import (
    SymmetricBinaryGame,
    count_symbol,
    symmetric_game,
)
from symtrust.kydd.arming.equilibria import (
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
from symtrust.kydd.arming.model import ArmingGame, arming_game
from symtrust.kydd.multilateral.cooperation import (
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
from symtrust.kydd.multilateral.model import (
    Actor,
    MultilateralGame,
    actor,
    multilateral_game,
)
from symtrust.kydd.multilateral.statics import CooperationStatics, cooperation_statics
from symtrust.kydd.reassurance.costly_signal import (
    HybridGesture,
    PoolingGesture,
    SeparatingGesture,
    costly_signal_equilibria,
    hybrid_equilibrium,
    pooling_equilibria,
    separating_equilibrium,
)
from symtrust.kydd.reassurance.gestures import (
    ReciprocalGestures,
    StartingSmall,
    reciprocal_gestures,
    starting_small,
)
from symtrust.kydd.reassurance.model import CostlySignalGame, costly_signal
from symtrust.logic.decide import Verdict, decide, satisfiable
from symtrust.logic.simplify import simplify_condition
from symtrust.logic.statics import (
    ComparativeStatics,
    comparative_statics,
    elasticity,
)
from symtrust.render.document import latex
from symtrust.runner import run_derivation
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
