"""Ready-made games: the classic symbolic 2x2 family and the book's models."""

from symtrust.catalog.classic import (
    battle_of_the_sexes,
    chicken,
    matching_pennies,
    prisoners_dilemma,
    stag_hunt,
    symmetric_2x2,
)
from symtrust.catalog.hegemony import hegemony_game

__all__ = [
    "battle_of_the_sexes",
    "chicken",
    "hegemony_game",
    "matching_pennies",
    "prisoners_dilemma",
    "stag_hunt",
    "symmetric_2x2",
]
