"""Infinitely repeated games with discounting, strategies as automata.

A stage game from any normal-form game, a discount factor in (0, 1)
(:func:`repeated_game`), strategy profiles as finite automata
(:func:`machine`, :func:`strategy_profile`, :func:`automaton`, and the
ready-made machines), subgame perfection by the one-shot deviation
principle (:func:`subgame_perfection`). Importing the family registers its
numeric twins.
"""

from symtrust.games.repeated import twins  # noqa: F401 - registers the twins
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
from symtrust.games.repeated.folk import (
    FolkRegion,
    Minmax,
    folk_region,
    grim_trigger_discount,
    minmax,
)
from symtrust.games.repeated.model import RepeatedGame, repeated_game
from symtrust.games.repeated.nash import NashConditions, nash_conditions
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
    "FolkRegion",
    "Incentive",
    "Machine",
    "Minmax",
    "NashConditions",
    "RepeatedGame",
    "SubgamePerfection",
    "TargetDiscount",
    "always_defect",
    "automaton",
    "folk_region",
    "grim_trigger",
    "grim_trigger_discount",
    "k_period_punishment",
    "machine",
    "minimum_discount",
    "minmax",
    "nash_conditions",
    "repeated_game",
    "state_values",
    "strategy_profile",
    "subgame_perfection",
    "target_discount",
    "tit_for_tat",
    "win_stay_lose_shift",
]
