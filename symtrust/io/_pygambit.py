"""pygambit, the optional dependency every Gambit file goes through.

pygambit (``pip install "symtrust[gambit]"``) is imported when a file is
read or written, never at import time, with an install hint if it is
missing.

Examples
--------
>>> gbt().__name__
'pygambit'
"""

from __future__ import annotations

import importlib

from symtrust.errors import UnsupportedError

__all__ = ["HINT", "gbt"]

HINT = 'Gambit files need pygambit: pip install "symtrust[gambit]" (or pygambit)'


def gbt():
    """The pygambit module (UnsupportedError with an install hint if missing).

    Examples
    --------
    >>> hasattr(gbt(), "read_efg")
    True
    """
    try:
        # an optional dependency, loaded when a file is read or written
        return importlib.import_module("pygambit")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise UnsupportedError(HINT) from exc
