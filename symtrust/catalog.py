"""Ready-made games: the classic symbolic 2x2 family, textbook signaling games
and the book's hegemony game.

Examples
--------
>>> from symtrust.catalog import stag_hunt
>>> stag_hunt().players
('row', 'column')
"""

from symtrust.games.normal_form.catalog import (
    battle_of_the_sexes,
    chicken,
    matching_pennies,
    prisoners_dilemma,
    stag_hunt,
    symmetric_2x2,
)
from symtrust.games.signaling.catalog import beer_quiche, job_market
from symtrust.kydd.multilateral.hegemony import hegemony_game

__all__ = [
    "battle_of_the_sexes",
    "beer_quiche",
    "chicken",
    "hegemony_game",
    "job_market",
    "matching_pennies",
    "prisoners_dilemma",
    "stag_hunt",
    "symmetric_2x2",
]
