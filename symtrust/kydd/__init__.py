"""The book's models (Kydd 2005), each built on the generic families.

One subpackage per model, holding its model, its solvers and its numeric
twins: the Security Dilemma Game (:mod:`~symtrust.kydd.security_dilemma`),
the spiral model's arming game (:mod:`~symtrust.kydd.arming`), reassurance by
costly signals (:mod:`~symtrust.kydd.reassurance`), starting small with both
sides uncertain (:mod:`~symtrust.kydd.two_sided`), and multilateral
trust with a hegemon (:mod:`~symtrust.kydd.multilateral`). Each is built on the
engine's generic families (:mod:`symtrust.games`); every solver returns a
result (:mod:`symtrust.results`), and regimes and shapes are enumerations
(:class:`Regime`, :class:`Shape`).

Examples
--------
>>> from symtrust import kydd
>>> game = kydd.hegemony_game(4)
>>> [a.name for a in game.actors]
['hegemon', 'small']
"""

from symtrust.kydd.arming.equilibria import (
    arming_equilibria,
    arming_outcomes,
    build_cutoff,
    coexisting_equilibria,
    trust_after_build,
    trust_after_builds,
)
from symtrust.kydd.arming.model import ArmingGame, arming_game
from symtrust.kydd.arming.regimes import Regime, Shape
from symtrust.kydd.arming.tree import arming_tree, arming_tree_equilibria
from symtrust.kydd.multilateral.cooperation import (
    cooperation_condition,
    cooperation_threshold,
    full_cooperation,
    largest_cooperative_set,
    weighted_trust,
)
from symtrust.kydd.multilateral.hegemony import hegemony_game
from symtrust.kydd.multilateral.model import (
    Actor,
    MultilateralGame,
    actor,
    multilateral_game,
)
from symtrust.kydd.multilateral.statics import cooperation_statics
from symtrust.kydd.reassurance.costly_signal import (
    costly_signal_equilibria,
    hybrid_equilibrium,
    pooling_equilibria,
    separating_equilibrium,
)
from symtrust.kydd.reassurance.gestures import reciprocal_gestures, starting_small
from symtrust.kydd.reassurance.instance import as_signal_game
from symtrust.kydd.reassurance.model import CostlySignalGame, costly_signal
from symtrust.kydd.security_dilemma import (
    repeated_threshold,
    sdg_payoffs,
    stage_game,
    stage_threshold,
    value_of_trust,
)
from symtrust.kydd.two_sided import StartingSmallTwoSided, starting_small_two_sided

__all__ = [
    "Actor",
    "ArmingGame",
    "CostlySignalGame",
    "MultilateralGame",
    "Regime",
    "Shape",
    "StartingSmallTwoSided",
    "actor",
    "arming_equilibria",
    "arming_game",
    "arming_outcomes",
    "arming_tree",
    "arming_tree_equilibria",
    "as_signal_game",
    "build_cutoff",
    "coexisting_equilibria",
    "cooperation_condition",
    "cooperation_statics",
    "cooperation_threshold",
    "costly_signal",
    "costly_signal_equilibria",
    "full_cooperation",
    "hegemony_game",
    "hybrid_equilibrium",
    "largest_cooperative_set",
    "multilateral_game",
    "pooling_equilibria",
    "reciprocal_gestures",
    "repeated_threshold",
    "sdg_payoffs",
    "separating_equilibrium",
    "stage_game",
    "stage_threshold",
    "starting_small",
    "starting_small_two_sided",
    "trust_after_build",
    "trust_after_builds",
    "value_of_trust",
    "weighted_trust",
]
