"""The regimes and shapes of arming-game equilibria, as enumerations.

Kydd (2005, ch. 3; ``models.md`` section 3), reconstruction. In stage 2 the
cooperative equilibrium is played iff both sides' trust reaches the threshold
mu. Trust after Not is 1, so one question decides stage-2 play: does trust
after a build stay at or above mu? Either *builds destroy cooperation*
(pi_B < mu) or *builds are tolerated* (pi_B >= mu): the two
:class:`Regime` members. An equilibrium building rate is a corner (s = 0 or
s = 1) or interior: the three :class:`Shape` members.

Both are string enumerations: a member prints as its English description and
compares equal to it, so ``Regime.TOLERATED == "builds tolerated"``.

Examples
--------
>>> [str(r) for r in Regime]
['builds destroy cooperation', 'builds tolerated']
>>> Shape("interior") is Shape.INTERIOR
True
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Regime", "Shape"]


class Regime(StrEnum):
    """Whether a build keeps trust at or above the stage-2 threshold.

    Examples
    --------
    >>> Regime.DESTROYED.tolerated, Regime.TOLERATED.tolerated
    (False, True)
    """

    DESTROYED = "builds destroy cooperation"
    TOLERATED = "builds tolerated"

    @property
    def tolerated(self) -> bool:
        """True when stage 2 cooperates after a build."""
        return self is Regime.TOLERATED


class Shape(StrEnum):
    """Where an equilibrium building rate lies: a corner or the interior.

    Examples
    --------
    >>> Shape.NONE_BUILD.rate, Shape.ALL_BUILD.rate, Shape.INTERIOR.rate
    (0, 1, None)
    """

    NONE_BUILD = "corner s = 0"
    ALL_BUILD = "corner s = 1"
    INTERIOR = "interior"

    @property
    def rate(self) -> int | None:
        """The corner's building rate, None for an interior rate."""
        return {Shape.NONE_BUILD: 0, Shape.ALL_BUILD: 1}.get(self)
