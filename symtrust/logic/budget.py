"""Time budgets: how long a call, and each decision in it, may take.

Every function of symtrust that asks z3 something takes one keyword option,
``budget=``, with three forms:

* ``None`` (the default): no limit on the whole call; each decision gets the
  default cap (:data:`DEFAULT_DECISION_SECONDS` seconds, and
  :data:`DEFAULT_DECISION_STEPS` z3 resource steps);
* a number: the seconds the whole call may take, in total;
* a :class:`Budget`: explicit, ``Budget(total=30, per_decision=2)``.

A decision (one call of :func:`~symtrust.logic.decide.decide` or
:func:`~symtrust.logic.decide.satisfiable`) gets ``min(per-decision cap, time
remaining)``. When the total has run out, decisions return *undecided* at once
(they never return a wrong answer: undecided is the honest answer to "no time
left"), and the budget records that an answer was weakened by it:

* :attr:`Budget.expired` -- the total is spent; a solver should stop its loop;
* :attr:`Budget.incomplete` -- some decision came back undecided because of
  the total (not because z3 could not decide it); a solver marks its result
  incomplete when this is True;
* :meth:`Budget.capped` -- the same clock with a smaller per-decision cap;
  :meth:`Budget.within` -- the same clock, ending at most some seconds from now.

A solver converts its option once with :meth:`Budget.of` and passes the one
object down, so that every decision of the call draws on one clock.

Determinism
-----------
Up to eight engineers share two cores, and a wall-clock cap makes a verdict
depend on the machine's load. The per-decision cap is therefore enforced two
ways: a deterministic z3 resource limit (``rlimit``,
:data:`DEFAULT_DECISION_STEPS` steps, about the work of one to several seconds
on this machine, independent of load), which is the cap that binds on an idle
or busy machine alike, and a wall-clock timeout of
``WALL_SLACK * per_decision`` seconds as a safety net for the rare problem
whose steps are slow. Only a total budget (a number or ``Budget(total=...)``)
is inherently wall-clock: the user asked for "at most this many seconds".

Examples
--------
>>> b = Budget.of(None)
>>> b.total is None, b.per_decision == DEFAULT_DECISION_SECONDS, b.expired
(True, True, False)
>>> b = Budget.of(30)
>>> b.total, 0 < b.remaining <= 30
(30.0, True)
>>> Budget.of(b) is b
True
>>> Budget.of(-1)
Traceback (most recent call last):
...
symtrust.errors.BudgetError: budget=-1 is not allowed: a budget is a positive, finite number of seconds, a Budget, or None
"""

from __future__ import annotations

import functools
import math
import numbers
import time
from dataclasses import dataclass

from symtrust.errors import BudgetError

__all__ = [
    "DEFAULT_DECISION_SECONDS",
    "DEFAULT_DECISION_STEPS",
    "WALL_SLACK",
    "Budget",
    "as_seconds",
    "cached_by_budget",
]

#: Default cap of one decision, in seconds (wall clock, times WALL_SLACK).
DEFAULT_DECISION_SECONDS = 5.0

#: Default cap of one decision in z3 resource steps (``rlimit``): deterministic.
#: On this machine z3 spends 0.3 to 2.5 million steps a second; the whole test
#: suite never needs more than 0.81 million for one decision.
DEFAULT_DECISION_STEPS = 5_000_000

#: The wall-clock safety net of one decision is this multiple of its cap.
WALL_SLACK = 3.0


def as_seconds(value, what: str = "budget") -> float:
    """Validate a number of seconds: positive and finite, not a bool.

    Examples
    --------
    >>> as_seconds(2)
    2.0
    >>> as_seconds(float("nan"))
    Traceback (most recent call last):
    ...
    symtrust.errors.BudgetError: budget=nan is not allowed: a budget is a positive, finite number of seconds, a Budget, or None
    """
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    seconds = float(value) if ok else math.nan
    if not ok or not math.isfinite(seconds) or seconds <= 0:
        raise BudgetError(
            f"{what}={value!r} is not allowed: a budget is a positive, finite "
            "number of seconds, a Budget, or None"
        )
    return seconds


@dataclass
class _Clock:
    """The shared part of a budget: its deadline and what it cut short."""

    deadline: float
    incomplete: bool = False
    outer: _Clock | None = None


class Budget:
    """A time budget for one call: a total, and a cap for each decision.

    Parameters
    ----------
    total : float or None
        Seconds the whole call may take; None for no limit. The clock starts
        when the Budget is made.
    per_decision : float
        Seconds one decision may take at most (wall clock, times WALL_SLACK).
    steps : int or None
        z3 resource steps one decision may take (deterministic); by default
        :data:`DEFAULT_DECISION_STEPS` scaled by ``per_decision`` over
        :data:`DEFAULT_DECISION_SECONDS`.

    Raises
    ------
    BudgetError
        If a number is not positive and finite.

    Examples
    --------
    >>> b = Budget(total=60, per_decision=2)
    >>> b.per_decision, b.steps
    (2.0, 2000000)
    >>> seconds, steps = b.decision_limits()
    >>> seconds <= 2 * WALL_SLACK, steps
    (True, 2000000)
    """

    __slots__ = ("_clock", "per_decision", "started", "steps", "total")

    def __init__(
        self,
        total: float | None = None,
        *,
        per_decision: float = DEFAULT_DECISION_SECONDS,
        steps: int | None = None,
        _clock: _Clock | None = None,
    ):
        self.total = None if total is None else as_seconds(total, "total")
        self.per_decision = as_seconds(per_decision, "per_decision")
        if steps is None:
            scale = self.per_decision / DEFAULT_DECISION_SECONDS
            steps = max(1, round(DEFAULT_DECISION_STEPS * scale))
        if isinstance(steps, bool) or not isinstance(steps, numbers.Integral):
            raise BudgetError(f"steps={steps!r} is not allowed: give a positive int")
        if steps <= 0:
            raise BudgetError(f"steps={steps!r} is not allowed: give a positive int")
        self.steps = int(steps)
        self.started = time.monotonic()
        if _clock is None:
            end = math.inf if self.total is None else self.started + self.total
            _clock = _Clock(end)
        self._clock = _clock

    @classmethod
    def of(cls, budget, what: str = "budget") -> Budget:
        """The Budget an option stands for: None, seconds, or a Budget.

        A Budget is returned as it is (so that one clock is shared); a number
        starts a new clock now.

        Examples
        --------
        >>> Budget.of(2.5).total
        2.5
        >>> Budget.of("10")
        Traceback (most recent call last):
        ...
        symtrust.errors.BudgetError: budget='10' is not allowed: a budget is a positive, finite number of seconds, a Budget, or None
        """
        if budget is None:
            return cls()
        if isinstance(budget, Budget):
            return budget
        return cls(total=as_seconds(budget, what))

    # -- the clock ---------------------------------------------------------
    @property
    def remaining(self) -> float:
        """Seconds left of the total (``math.inf`` without a total)."""
        return self._clock.deadline - time.monotonic()

    @property
    def expired(self) -> bool:
        """Whether the total is spent: a solver should stop and say so."""
        return self.remaining <= 0

    @property
    def incomplete(self) -> bool:
        """Whether some decision came back undecided because the total ran out."""
        return self._clock.incomplete

    def mark_incomplete(self) -> None:
        """Record that an answer was weakened by the budget (see ``incomplete``)."""
        clock = self._clock
        while clock is not None:
            clock.incomplete = True
            clock = clock.outer

    # -- derived budgets -----------------------------------------------------
    def capped(self, per_decision: float) -> Budget:
        """The same clock with a per-decision cap of at most ``per_decision``.

        Examples
        --------
        >>> b = Budget(total=60)
        >>> c = b.capped(1.0)
        >>> c.per_decision, c.total
        (1.0, 60.0)
        >>> c.mark_incomplete(); b.incomplete
        True
        """
        cap = min(self.per_decision, as_seconds(per_decision, "per_decision"))
        steps = min(self.steps, max(1, round(self.steps * cap / self.per_decision)))
        out = Budget(per_decision=cap, steps=steps, _clock=self._clock)
        out.total, out.started = self.total, self.started
        return out

    def within(self, seconds: float) -> Budget:
        """A budget ending at most ``seconds`` from now, and no later than this one.

        Running out of the inner budget marks the outer one incomplete too.

        Examples
        --------
        >>> b = Budget().within(5)
        >>> 0 < b.remaining <= 5
        True
        """
        end = min(self._clock.deadline, time.monotonic() + as_seconds(seconds))
        clock = _Clock(end, outer=self._clock)
        out = Budget(per_decision=self.per_decision, steps=self.steps, _clock=clock)
        out.total = seconds if self.total is None else min(self.total, seconds)
        return out

    def decision_limits(self) -> tuple[float, int] | None:
        """Wall-clock seconds and z3 steps for the next decision; None if expired."""
        left = self.remaining
        if left <= 0:
            return None
        return min(self.per_decision * WALL_SLACK, left), self.steps

    @property
    def cache_key(self) -> tuple | None:
        """A key under which results may be cached: None when a total applies.

        Without a total, a decision's outcome depends only on its step limit
        (deterministic), so results can be reused; under a total they depend on
        the clock and must not be.
        """
        if math.isinf(self._clock.deadline):
            return (self.per_decision, self.steps)
        return None

    @classmethod
    def from_key(cls, key: tuple) -> Budget:
        """The unlimited budget a :attr:`cache_key` stands for."""
        per_decision, steps = key
        return cls(per_decision=per_decision, steps=steps)

    def __repr__(self):
        total = "" if self.total is None else f"total={self.total}, "
        return f"Budget({total}per_decision={self.per_decision}, steps={self.steps})"


def cached_by_budget(maxsize: int = 8192):
    """An ``lru_cache`` for functions whose last argument is a :class:`Budget`.

    The cache is keyed on the budget's :attr:`~Budget.cache_key` (its
    per-decision limits), so that calls with equal limits share results; it is
    bypassed under a total budget, whose outcomes depend on the clock.

    Examples
    --------
    >>> calls = []
    >>> @cached_by_budget()
    ... def double(x, budget):
    ...     calls.append(x)
    ...     return 2 * x
    >>> double(2, Budget()), double(2, Budget()), len(calls)
    (4, 4, 1)
    >>> double(2, Budget(total=5)), len(calls)
    (4, 2)
    """

    def decorate(fn):
        @functools.lru_cache(maxsize=maxsize)
        def keyed(*args, key):
            return fn(*args, Budget.from_key(key))

        @functools.wraps(fn)
        def wrapper(*args):
            *rest, budget = args
            key = budget.cache_key
            if key is None:
                return fn(*rest, budget)
            return keyed(*rest, key=key)

        wrapper.cache_clear = keyed.cache_clear
        return wrapper

    return decorate
