"""Interoperability: Gambit's ``.efg`` and ``.nfg`` files, through pygambit.

Examples
--------
>>> from symtrust.io import read_efg, write_efg
>>> callable(read_efg) and callable(write_efg)
True
"""

from symtrust.io.gambit import (
    from_pygambit,
    read_efg,
    read_gambit,
    read_nfg,
    to_pygambit,
    write_efg,
    write_gambit,
    write_nfg,
)

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
