"""Interoperability: Gambit's ``.efg`` and ``.nfg`` files, through pygambit.

Reading (:mod:`symtrust.io.gambit_read`) gives exact games, symbolic where
``symbols=`` names outcomes or chance moves; writing
(:mod:`symtrust.io.gambit_write`) gives text Gambit reads back identically.

Examples
--------
>>> from symtrust.io import read_efg, write_efg
>>> callable(read_efg) and callable(write_efg)
True
"""

from symtrust.io.gambit_read import from_pygambit, read_efg, read_gambit, read_nfg
from symtrust.io.gambit_write import to_pygambit, write_efg, write_gambit, write_nfg

__all__ = [
    "from_pygambit",
    "read_efg",
    "read_gambit",
    "read_nfg",
    "to_pygambit",
    "write_efg",
    "write_gambit",
    "write_nfg",
]
