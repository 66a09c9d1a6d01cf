"""Every result type a solver returns, in one namespace.

Solvers are functions and results are frozen values: a closed form, the
condition under which it holds, the assumptions used and the steps of the
derivation. Look the classes up here for ``isinstance`` checks and type
hints.

Examples
--------
>>> from symtrust import pure_nash
>>> from symtrust.catalog import stag_hunt
>>> from symtrust.results import PureEquilibrium, Solution
>>> sol = pure_nash(stag_hunt())
>>> isinstance(sol, Solution), isinstance(sol[0], PureEquilibrium)
(True, True)
"""

from symtrust.core.result import Result, Solution, Step
from symtrust.games.bayesian.bayes_nash import BayesNashEquilibrium, InterimPayoff
from symtrust.games.bayesian.beliefs import BeliefPath, BeliefProperty
from symtrust.games.bayesian.minimum_trust import MinimumTrust
from symtrust.games.bayesian.posterior import Likelihood, Posterior
from symtrust.games.bayesian.thresholds import Threshold
from symtrust.games.cheap_talk.partition import MaxSteps, PartitionEquilibrium
from symtrust.games.cheap_talk.welfare import ExAntePayoffs
from symtrust.games.continuous.auctions import AuctionEquilibrium
from symtrust.games.continuous.bayes_linear import LinearBayesEquilibrium
from symtrust.games.continuous.best_response import BestResponse
from symtrust.games.continuous.double_auction import LinearDoubleAuction
from symtrust.games.continuous.nash import ContinuousEquilibrium, SymmetricEquilibrium
from symtrust.games.continuous.offers import OfferEquilibrium
from symtrust.games.continuous.sequential import SequentialEquilibrium
from symtrust.games.continuous_signals.intuitive import IntuitiveSelection
from symtrust.games.continuous_signals.pooling import PoolingRange
from symtrust.games.continuous_signals.riley import RileyChain
from symtrust.games.continuous_signals.separating import SeparatingSet
from symtrust.games.continuous_types.cutoffs import CutoffEquilibrium, CutoffSolution
from symtrust.games.extensive.assessment import Assessment
from symtrust.games.extensive.backward_induction import BackwardInduction
from symtrust.games.extensive.beliefs import InfosetBelief
from symtrust.games.extensive.equilibrium import (
    OutcomeRegion,
    SubgamePerfectEquilibrium,
)
from symtrust.games.extensive.rationality import ActionValues, SequentialRationality
from symtrust.games.normal_form.dominance import (
    Dominance,
    DominanceSolution,
    IteratedElimination,
)
from symtrust.games.normal_form.mixed_nash import MixedEquilibrium
from symtrust.games.normal_form.payoffs import BestResponses, ExpectedPayoff
from symtrust.games.normal_form.pure_nash import PureEquilibrium
from symtrust.games.repeated.deviation import SubgamePerfection
from symtrust.games.repeated.discount import DiscountThreshold
from symtrust.games.repeated.finite import FiniteHorizonSPE
from symtrust.games.repeated.folk import FolkRegion, Minmax
from symtrust.games.repeated.nash import NashConditions
from symtrust.games.repeated.reputation import ReputationEquilibrium
from symtrust.games.repeated.target import TargetDiscount
from symtrust.games.signaling.pbe import PerfectBayesianEquilibrium
from symtrust.games.symmetric.equilibria import CountEquilibrium
from symtrust.kydd.arming.equilibria import (
    ArmingEquilibrium,
    ArmingOutcomes,
    BuildGain,
    Coexistence,
    CoexistenceSolution,
)
from symtrust.kydd.arming.tree import ArmingTreeEquilibrium
from symtrust.kydd.multilateral.cooperation import (
    CooperationCondition,
    CooperationIndex,
    CooperationThreshold,
    CooperativeSet,
    FullCooperation,
)
from symtrust.kydd.multilateral.statics import CooperationStatics
from symtrust.kydd.reassurance.costly_signal import (
    HybridGesture,
    PoolingGesture,
    SeparatingGesture,
)
from symtrust.kydd.reassurance.gestures import ReciprocalGestures, StartingSmall
from symtrust.kydd.security_dilemma.repeated import RepeatedTrust
from symtrust.kydd.security_dilemma.stage import ValueOfTrust
from symtrust.kydd.two_sided.two_sided import StartingSmallTwoSided
from symtrust.logic.decide import Verdict
from symtrust.logic.solve_for import SolvedCondition, SolvedPiece
from symtrust.logic.statics import ComparativeStatics
from symtrust.verify.check import CheckReport
from symtrust.verify.derivation import DerivationReport
from symtrust.verify.proof import Evidence, Proof

__all__ = [
    "ActionValues",
    "ArmingEquilibrium",
    "ArmingOutcomes",
    "ArmingTreeEquilibrium",
    "Assessment",
    "AuctionEquilibrium",
    "BackwardInduction",
    "BayesNashEquilibrium",
    "BeliefPath",
    "BeliefProperty",
    "BestResponse",
    "BestResponses",
    "BuildGain",
    "CheckReport",
    "Coexistence",
    "CoexistenceSolution",
    "ComparativeStatics",
    "ContinuousEquilibrium",
    "CooperationCondition",
    "CooperationIndex",
    "CooperationStatics",
    "CooperationThreshold",
    "CooperativeSet",
    "CountEquilibrium",
    "CutoffEquilibrium",
    "CutoffSolution",
    "DerivationReport",
    "DiscountThreshold",
    "Dominance",
    "DominanceSolution",
    "Evidence",
    "ExAntePayoffs",
    "ExpectedPayoff",
    "FiniteHorizonSPE",
    "FolkRegion",
    "FullCooperation",
    "HybridGesture",
    "InfosetBelief",
    "InterimPayoff",
    "IntuitiveSelection",
    "IteratedElimination",
    "Likelihood",
    "LinearBayesEquilibrium",
    "LinearDoubleAuction",
    "MaxSteps",
    "MinimumTrust",
    "Minmax",
    "MixedEquilibrium",
    "NashConditions",
    "OfferEquilibrium",
    "OutcomeRegion",
    "PartitionEquilibrium",
    "PerfectBayesianEquilibrium",
    "PoolingGesture",
    "PoolingRange",
    "Posterior",
    "Proof",
    "PureEquilibrium",
    "ReciprocalGestures",
    "RepeatedTrust",
    "ReputationEquilibrium",
    "Result",
    "RileyChain",
    "SeparatingGesture",
    "SeparatingSet",
    "SequentialEquilibrium",
    "SequentialRationality",
    "Solution",
    "SolvedCondition",
    "SolvedPiece",
    "StartingSmall",
    "StartingSmallTwoSided",
    "Step",
    "SubgamePerfectEquilibrium",
    "SubgamePerfection",
    "SymmetricEquilibrium",
    "TargetDiscount",
    "Threshold",
    "ValueOfTrust",
    "Verdict",
]
