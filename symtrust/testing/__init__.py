"""Public Hypothesis strategies (exact parameter points, numeric games) and a
floor on the fraction of decided cases (:class:`Tally`).

Examples
--------
>>> from symtrust.testing import points
>>> callable(points)
True
"""

from symtrust.testing.strategies import (
    numeric_bimatrix,
    numeric_game,
    points,
    rationals,
    symbolic_game,
)
from symtrust.testing.tally import Tally

__all__ = [
    "Tally",
    "numeric_bimatrix",
    "numeric_game",
    "points",
    "rationals",
    "symbolic_game",
]
