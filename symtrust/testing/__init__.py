"""Public Hypothesis strategies: exact parameter points and numeric games.

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

__all__ = ["numeric_bimatrix", "numeric_game", "points", "rationals", "symbolic_game"]
