"""Checking a symbolic result against its independent numeric twin.

Every solver has a *twin*: a function ``twin(obj, point)`` that evaluates the
result at one exact rational parameter point and compares it with an
independent brute-force computation (enumeration of profiles and deviations,
of PBE candidates, Bayes' rule on the joint distribution), raising
:class:`~symtrust.errors.VerificationError` on any disagreement.

:func:`check` runs the twin at points drawn by
:func:`symtrust.testing.points` from the assumptions of the result (for a
:class:`~symtrust.core.result.Solution`, of its game), over every free symbol
of the object. Hypothesis drives the search, so a disagreement is *shrunk* to
a minimal point before it is reported. The verdict is three-valued: passed
(True), a counterexample (False), or not checked (None: no twin registered, or
no admissible point could be drawn). It is never True without points.

Twins are registered in :mod:`symtrust.core.twins` by each family of games,
beside its solvers; importing :mod:`symtrust` registers them all.

Examples
--------
>>> from symtrust import check, pure_nash
>>> from symtrust.catalog import prisoners_dilemma
>>> print(check(pure_nash(prisoners_dilemma()), max_examples=10))
check of pure_nash: passed on 10 exact points
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, Phase, Verbosity, given, reject, settings
from hypothesis import seed as hypothesis_seed
from hypothesis.errors import FailedHealthCheck, Unsatisfiable

from symtrust.core.result import Result, Solution
from symtrust.core.twins import PointSkipped, twin_for, twin_key
from symtrust.errors import ModelError, SymtrustError, VerificationError
from symtrust.testing.strategies import points

__all__ = ["CheckReport", "check"]


def _free_symbols(obj) -> set:
    out = set()
    params = getattr(obj, "parameters", None)
    if isinstance(params, (set, frozenset)):
        out |= params
    if isinstance(obj, Solution):
        out |= _free_symbols(obj.game)
        for r in obj.results:
            out |= _free_symbols(r)
    return out


def _assumptions(obj):
    if isinstance(obj, Solution):
        return obj.game.assumptions
    return getattr(obj, "assumptions", ())


@dataclass(frozen=True, kw_only=True)
class CheckReport(Result):
    """The outcome of :func:`check`.

    Attributes
    ----------
    key : str
        The twin key checked.
    passed : bool or None
        True if the twin agreed at every point, False on a counterexample,
        None if nothing could be checked (see ``message``).
    examples : int
        Exact points at which the twin agreed.
    counterexample : Mapping or None
        The shrunk point of disagreement.
    message : str
        The twin's message on failure, or why nothing was checked.

    Examples
    --------
    >>> print(CheckReport(key="demo", passed=None, message="no twin"))
    check of demo: not checked (no twin)
    """

    kind: str = "check"
    key: str = ""
    passed: bool | None = None
    examples: int = 0
    counterexample: Mapping | None = None
    message: str = ""

    def verdict(self) -> str:
        """What the check found, without the key."""
        if self.passed is True:
            noun = "point" if self.examples == 1 else "points"
            return f"passed on {self.examples} exact {noun}"
        if self.passed is False:
            pairs = (self.counterexample or {}).items()
            point = ", ".join(f"{s} = {v}" for s, v in pairs)
            return f"FAILED at {{{point}}}: {self.message}"
        return f"not checked ({self.message})"

    def summary(self) -> str:
        """One line saying what the check found."""
        return f"check of {self.key}: {self.verdict()}"

    def display_rows(self):
        """One row: the key and the verdict."""
        return ((f"check of {self.key}", self.verdict()),)

    def _sympystr(self, printer):
        return self.summary()


def check(obj: Any, *, max_examples: int = 50, seed: int | None = 0) -> CheckReport:
    """Check a result against its numeric twin at exact admissible points.

    Parameters
    ----------
    obj : Solution or Result
        What to check; its key (see :func:`twin_key`) selects the twin.
    max_examples : int
        Number of exact rational points to try.
    seed : int or None
        Seed of the search (reproducible); None draws a fresh one.

    Returns
    -------
    CheckReport
        ``passed`` True (agreed at ``examples`` points), False (with the
        shrunk ``counterexample`` and the twin's ``message``; a symtrust error
        raised by the twin, such as a value it cannot read exactly, counts as
        a failure) or None (no twin, or no admissible point drawn).

    Notes
    -----
    ``check`` runs a Hypothesis search of its own. Called inside a test that
    is itself decorated with ``@given``, add
    ``suppress_health_check=[HealthCheck.nested_given]`` to that test's
    settings (Hypothesis warns about nesting searches).

    Examples
    --------
    >>> from symtrust import pure_nash
    >>> from symtrust.catalog import stag_hunt
    >>> rep = check(pure_nash(stag_hunt()), max_examples=5)
    >>> rep.passed, rep.examples
    (True, 5)
    >>> check(stag_hunt()).passed is None
    True
    """
    if (
        isinstance(max_examples, bool)
        or not isinstance(max_examples, int)
        or max_examples < 1
    ):
        raise ModelError(f"max_examples={max_examples!r} must be an int >= 1")
    key = twin_key(obj)
    fn = twin_for(obj)
    if fn is None:
        return CheckReport(
            key=key, passed=None, message=f"no numeric twin registered for {key!r}"
        )
    symbols = sorted(_free_symbols(obj), key=lambda s: s.sort_key())
    strategy = points(_assumptions(obj), symbols)
    passes = [0]
    failing: dict = {}

    # a Hypothesis test run programmatically; it shrinks any failure
    @settings(
        max_examples=max_examples,
        database=None,
        deadline=None,
        derandomize=False,
        verbosity=Verbosity.quiet,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(strategy)
    def run(point):
        try:
            fn(obj, point)
        except PointSkipped:
            reject()
        except VerificationError as exc:
            failing["point"], failing["message"] = point, str(exc)
            raise
        except SymtrustError as exc:
            # the twin could not even evaluate the result here: a failure too
            message = f"the twin raised {type(exc).__name__}: {exc}"
            failing["point"], failing["message"] = point, message
            raise VerificationError(message) from exc
        passes[0] += 1

    if seed is not None:
        run = hypothesis_seed(seed)(run)
    try:
        run()
    except VerificationError:
        return CheckReport(
            key=key,
            passed=False,
            examples=passes[0],
            counterexample=failing.get("point"),
            message=failing.get("message", ""),
        )
    except (Unsatisfiable, FailedHealthCheck) as exc:
        return CheckReport(
            key=key, passed=None, message=f"no admissible point could be drawn ({exc})"
        )
    if not passes[0]:
        return CheckReport(
            key=key, passed=None, message="no admissible point could be drawn"
        )
    return CheckReport(key=key, passed=True, examples=passes[0])
