"""Repeated games: infinite horizons with discounting, finite horizons, reputation.

Infinitely repeated games: a stage game from any normal-form game, a
discount factor in (0, 1) (:func:`repeated_game`), strategy profiles as finite
automata (:func:`machine`, :func:`strategy_profile`, :func:`automaton`, and the
ready-made machines), subgame perfection by the one-shot deviation principle
(:func:`subgame_perfection`), Nash conditions (:func:`nash_conditions`), the
minimum discount factor (:func:`minimum_discount`), folk-theorem regions
(:func:`minmax`, :func:`folk_region`, :func:`grim_trigger_discount`,
:func:`target_discount`).

Finitely repeated games whose stage game has a unique equilibrium
(:func:`finite_horizon_spe`), and reputation games over n periods, n a number
or a symbol (:func:`reputation_equilibrium` for :func:`chain_store`,
:func:`repeated_trust_game` and any :func:`reputation_game`).

Importing the family registers its numeric twins.
"""

from symtrust.games.repeated import (  # noqa: F401 - register the twins
    _finite_twin,
    _reputation_twin,
    twins,
)
from symtrust.games.repeated.automaton import (
    OTHERWISE,
    Automaton,
    Machine,
    automaton,
    machine,
    strategy_profile,
)
from symtrust.games.repeated.deviation import (
    Incentive,
    SubgamePerfection,
    subgame_perfection,
)
from symtrust.games.repeated.discount import DiscountThreshold, minimum_discount
from symtrust.games.repeated.finite import (
    FiniteHorizonSPE,
    finite_horizon_spe,
    horizon,
)
from symtrust.games.repeated.folk import (
    FolkRegion,
    Minmax,
    folk_region,
    grim_trigger_discount,
    minmax,
)
from symtrust.games.repeated.model import RepeatedGame, repeated_game
from symtrust.games.repeated.nash import NashConditions, nash_conditions
from symtrust.games.repeated.reputation import (
    ReputationEquilibrium,
    ReputationGame,
    chain_store,
    period,
    repeated_trust_game,
    reputation_equilibrium,
    reputation_game,
)
from symtrust.games.repeated.strategies import (
    always_defect,
    grim_trigger,
    k_period_punishment,
    tit_for_tat,
    win_stay_lose_shift,
)
from symtrust.games.repeated.target import TargetDiscount, target_discount
from symtrust.games.repeated.values import state_values

__all__ = [
    "OTHERWISE",
    "Automaton",
    "DiscountThreshold",
    "FiniteHorizonSPE",
    "FolkRegion",
    "Incentive",
    "Machine",
    "Minmax",
    "NashConditions",
    "RepeatedGame",
    "ReputationEquilibrium",
    "ReputationGame",
    "SubgamePerfection",
    "TargetDiscount",
    "always_defect",
    "automaton",
    "chain_store",
    "finite_horizon_spe",
    "folk_region",
    "grim_trigger",
    "grim_trigger_discount",
    "horizon",
    "k_period_punishment",
    "machine",
    "minimum_discount",
    "minmax",
    "nash_conditions",
    "period",
    "repeated_game",
    "repeated_trust_game",
    "reputation_equilibrium",
    "reputation_game",
    "state_values",
    "strategy_profile",
    "subgame_perfection",
    "target_discount",
    "tit_for_tat",
    "win_stay_lose_shift",
]
