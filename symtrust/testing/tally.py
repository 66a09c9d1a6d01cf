"""A floor on the fraction of decided cases in a property test.

A property test of the prover (or of anything that may answer "undecided")
must discard the undecided cases, which assert nothing, without becoming
hollow: a test that returned early on "undecided" would pass even if the
prover always answered "undecided". :class:`Tally` discards them with
:func:`hypothesis.assume` and, at the end of the run, fails unless at least
a given fraction of the cases drawn were decided.

Examples
--------
>>> from hypothesis import given, strategies as st
>>> tally = Tally(floor=0.5)
>>> @given(st.integers(0, 9))
... def run(n):
...     tally.decided(n < 8)         # 8 in 10 are decided, the rest discarded
...     assert n < 8
>>> run()
>>> tally.check()
>>> tally.drawn > 0 and tally.fraction >= 0.5
True
"""

from __future__ import annotations

from hypothesis import assume

__all__ = ["Tally"]


class Tally:
    """Count decided and drawn cases; :meth:`check` enforces the floor.

    Parameters
    ----------
    floor : float
        The least fraction of drawn cases that must be decided, in (0, 1].
    what : str
        What a decided case is, for the failure message.

    Examples
    --------
    >>> tally = Tally(floor=0.9, what="signs decided")
    >>> for ok in (True, True, False):
    ...     _ = tally.count(ok)
    >>> tally.check()
    Traceback (most recent call last):
    ...
    AssertionError: only 2 of 3 cases drawn were signs decided (67%); the floor is 90%
    """

    def __init__(self, floor: float, what: str = "decided") -> None:
        if not 0 < floor <= 1:
            raise ValueError(f"floor={floor!r} must lie in (0, 1]")
        self.floor = floor
        self.what = what
        self.drawn = 0
        self.hits = 0

    @property
    def fraction(self) -> float:
        """The fraction of drawn cases that were decided (0 before any)."""
        return self.hits / self.drawn if self.drawn else 0.0

    def count(self, decided: bool) -> bool:
        """Record one case, decided or not; return ``decided``.

        Examples
        --------
        >>> Tally(floor=0.5).count(True)
        True
        """
        self.drawn += 1
        self.hits += bool(decided)
        return bool(decided)

    def add(self, hits: int, *, of: int) -> None:
        """Record ``of`` cases at once, ``hits`` of them decided.

        Examples
        --------
        >>> tally = Tally(floor=0.5)
        >>> tally.add(3, of=4)
        >>> tally.fraction
        0.75
        """
        if not 0 <= hits <= of:
            raise ValueError(f"hits={hits!r} must lie in [0, of={of!r}]")
        self.drawn += of
        self.hits += hits

    def decided(self, decided: bool) -> None:
        """Record one case and discard it (``hypothesis.assume``) if undecided."""
        assume(self.count(decided))

    def check(self) -> None:
        """Fail unless some case was drawn and the floor was reached.

        Raises
        ------
        AssertionError
            Nothing was drawn, or too few cases were decided.
        """
        if not self.drawn:
            raise AssertionError(f"no case was drawn: nothing was {self.what}")
        if self.fraction < self.floor:
            raise AssertionError(
                f"only {self.hits} of {self.drawn} cases drawn were {self.what} "
                f"({self.fraction:.0%}); the floor is {self.floor:.0%}"
            )
