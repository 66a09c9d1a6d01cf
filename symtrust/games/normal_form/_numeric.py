"""The numeric path of the normal-form solvers: exact rationals, no SymPy, no z3.

A game whose payoffs are all rational numbers (no parameters) needs no
condition algebra: every comparison is decided by exact integer or
:class:`fractions.Fraction` arithmetic. The solvers take this path for such
games; their answers are still checked by the independent twins.

* :func:`rational_tables` reads the payoffs once, as one flat list per player
  (``itertools.product`` order of profiles), or None for a symbolic game;
* :func:`best_reply_marks` marks, for one player, the profiles where its
  action is a best reply to the others' (the maximum of each "column" of its
  payoffs, taken with C-speed slicing);
* :func:`pure_equilibrium_indices` intersects the marks: the pure Nash
  equilibria (Nash 1951: no player gains by a unilateral deviation).

Examples
--------
>>> from symtrust import bimatrix
>>> tables = rational_tables(bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]]))
>>> tables
([3, 0, 5, 1], [3, 5, 0, 1])
>>> pure_equilibrium_indices(tables, (2, 2))
[3]
"""

from __future__ import annotations

import math
from fractions import Fraction

import sympy

__all__ = [
    "best_reply_marks",
    "pure_equilibrium_indices",
    "rational_tables",
    "strides",
]


def _exact(u):
    """A SymPy Rational as an int or a Fraction; None for anything else."""
    if isinstance(u, sympy.Integer):
        return int(u.p)
    if isinstance(u, sympy.Rational):
        return Fraction(int(u.p), int(u.q))
    return None


def rational_tables(game) -> tuple[list, ...] | None:
    """Each player's payoffs as a flat list of ints and Fractions, or None.

    None when some payoff is not a rational number (a parameter, or an
    irrational constant such as ``sqrt(2)``): the game takes the symbolic path.

    Examples
    --------
    >>> from symtrust import bimatrix, real
    >>> rational_tables(bimatrix([[real("x"), 0], [0, 0]], [[0, 0], [0, 0]])) is None
    True
    """
    n = len(game.players)
    out = tuple([] for _ in range(n))
    for vec in game.table:
        for i in range(n):
            x = _exact(vec[i])
            if x is None:
                return None
            out[i].append(x)
    return out


def strides(sizes) -> tuple[int, ...]:
    """Flat-index strides of each player's action (the last player's is 1).

    Examples
    --------
    >>> strides((2, 3, 4))
    (12, 4, 1)
    """
    out, s = [], 1
    for k in reversed(sizes):
        out.append(s)
        s *= k
    return tuple(reversed(out))


def best_reply_marks(table, sizes, i) -> bytearray:
    """Flags, per profile, whether player i's action is a best reply there.

    ``table`` is player i's flat payoff list; a profile is marked when its
    payoff is the maximum over i's actions with the others' actions fixed.

    Examples
    --------
    >>> list(best_reply_marks([3, 0, 5, 1], (2, 2), 0))
    [0, 0, 1, 1]
    """
    s, k = strides(sizes)[i], sizes[i]
    block = s * k
    marks = bytearray(len(table))
    for base in range(0, len(table), block):
        for start in range(base, base + s):
            column = table[start : start + block : s]
            best = max(column)
            for a, u in enumerate(column):
                if u == best:
                    marks[start + a * s] = 1
    return marks


def pure_equilibrium_indices(tables, sizes) -> list[int]:
    """Flat indices of the profiles where every player best-replies.

    Examples
    --------
    >>> pure_equilibrium_indices(([1, 0, 0, 1], [1, 0, 0, 1]), (2, 2))
    [0, 3]
    """
    total = math.prod(sizes)
    every = bytearray(b"\x01") * total
    for i, table in enumerate(tables):
        marks = best_reply_marks(table, sizes, i)
        every = bytearray(a & b for a, b in zip(every, marks, strict=True))
    return [f for f in range(total) if every[f]]
