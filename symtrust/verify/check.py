"""Checking a symbolic result against its independent numeric twin.

Every solver has a *twin*: a function ``twin(obj, point)`` that evaluates the
result at one exact rational parameter point and compares it with an
independent brute-force computation (enumeration of profiles and deviations,
of PBE candidates, Bayes' rule on the joint distribution), raising
:class:`~symtrust.errors.VerificationError` on any disagreement.

:func:`check` runs the twin at points drawn by
:func:`symtrust.testing.points` from the assumptions of the object (a
:class:`~symtrust.core.result.Solution`'s game; a single result's own
assumptions and its game's), over every free symbol of the object. It works
on a whole Solution and on one result of it alike. Hypothesis drives the
search, so a disagreement is *shrunk* to a minimal point before it is
reported. *Any* exception a twin raises at a point (a ``ZeroDivisionError``
as much as a ``VerificationError``) is a failure: it is shrunk and reported
with the point and the exception, never let out.

The verdict is three-valued: passed (True), a counterexample (False), or not
checked (None: no twin registered, or no admissible point at which the twin
applies). It is never True without points.

Twins are registered in :mod:`symtrust.core.twins` by each family of games,
beside its solvers, for the result class or the solver function (never a
name); importing :mod:`symtrust` registers them all.

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
from hypothesis.errors import FailedHealthCheck, Unsatisfiable, UnsatisfiedAssumption

from symtrust.core.assumptions import Assumptions
from symtrust.core.latex_layout import text_escape
from symtrust.core.printing import Printable, register_layout
from symtrust.core.result import Solution
from symtrust.core.twins import PointSkipped, subject_name, twin_for
from symtrust.errors import ModelError, SymtrustError, VerificationError
from symtrust.testing.strategies import points

__all__ = ["CheckReport", "check"]


@dataclass(frozen=True, kw_only=True)
class CheckReport(Printable):
    """The outcome of :func:`check`: a verdict, not a derived result.

    Attributes
    ----------
    subject : str
        What was checked: the solver of a Solution, or the class of a result.
    passed : bool or None
        True if the twin agreed at every point, False on a counterexample,
        None if nothing could be checked (see ``message``).
    examples : int
        Exact points at which the twin agreed.
    skipped : int
        Points at which the twin did not apply (not counted as checked).
    counterexample : Mapping or None
        The shrunk point of disagreement.
    message : str
        The twin's message on failure, or why nothing was checked.
    error : str
        On failure, the class of the exception the twin raised
        (``"VerificationError"`` for a disagreement it found itself).

    Examples
    --------
    >>> print(CheckReport(subject="demo", passed=None, message="no twin"))
    check of demo: not checked (no twin)
    """

    subject: str = ""
    passed: bool | None = None
    examples: int = 0
    skipped: int = 0
    counterexample: Mapping | None = None
    message: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        """True only when the check passed (not checked is not ok)."""
        return self.passed is True

    def verdict(self) -> str:
        """What the check found, without the subject.

        Examples
        --------
        >>> CheckReport(subject="x", passed=True, examples=1).verdict()
        'passed on 1 exact point'
        """
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
        return f"check of {self.subject}: {self.verdict()}"

    def display_rows(self):
        """One row: the subject and the verdict."""
        return ((f"check of {self.subject}", self.verdict()),)


def _report_text(obj, printer) -> str:
    return obj.summary()


def _report_latex(obj, printer) -> str:
    return r"\text{" + text_escape(obj.summary()) + "}"


register_layout(CheckReport, text=_report_text, latex=_report_latex)


def _symbols(obj) -> set:
    """Every free symbol the twin needs a value for."""
    out = set()
    params = getattr(obj, "parameters", None)
    if isinstance(params, (set, frozenset)):
        out |= params
    game = getattr(obj, "game", None)
    if game is not None and game is not obj:
        game_params = getattr(game, "parameters", None)
        if isinstance(game_params, (set, frozenset)):
            out |= game_params
    if isinstance(obj, Solution):
        for r in obj.results:
            out |= _symbols(r)
    return out


def _assumptions(obj):
    """The assumptions points must satisfy: the object's and its game's."""
    conds = []
    for source in (obj, getattr(obj, "game", None)):
        a = getattr(source, "assumptions", None)
        if isinstance(a, Assumptions):
            conds.extend(c for c in a.conditions if c not in conds)
    return conds


def _check_examples(max_examples) -> None:
    if (
        isinstance(max_examples, bool)
        or not isinstance(max_examples, int)
        or max_examples < 1
    ):
        raise ModelError(f"max_examples={max_examples!r} must be an int >= 1")


def check(obj: Any, *, max_examples: int = 50, seed: int | None = 0) -> CheckReport:
    """Check a result against its numeric twin at exact admissible points.

    Parameters
    ----------
    obj : Solution or Result
        What to check: a whole Solution (its solver's twin) or one result
        (its class's twin), such as one equilibrium of a Solution.
    max_examples : int
        Number of exact rational points to try.
    seed : int or None
        Seed of the search (reproducible); None draws a fresh one.

    Returns
    -------
    CheckReport
        ``passed`` True (agreed at ``examples`` points), False (with the
        shrunk ``counterexample``, the twin's ``message`` and the ``error``
        class: any exception the twin raises is a failure) or None (no twin,
        or no admissible point at which the twin applies).

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
    >>> sol = pure_nash(stag_hunt())
    >>> rep = check(sol, max_examples=5)
    >>> rep.passed, rep.examples
    (True, 5)
    >>> check(sol[0], max_examples=5).passed
    True
    >>> check(stag_hunt()).passed is None
    True
    """
    _check_examples(max_examples)
    subject = subject_name(obj)
    fn = twin_for(obj)
    if fn is None:
        return CheckReport(
            subject=subject,
            passed=None,
            message=f"no numeric twin is registered for {subject}",
        )
    symbols = sorted(_symbols(obj), key=lambda s: s.sort_key())
    try:
        strategy = points(_assumptions(obj), symbols)
    except SymtrustError as exc:
        return CheckReport(
            subject=subject, passed=None, message=f"no admissible points: {exc}"
        )
    return _run(obj, fn, strategy, subject, max_examples, seed)


def _run(obj, fn, strategy, subject, max_examples, seed) -> CheckReport:
    counts = {"passed": 0, "skipped": 0}
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
        except (PointSkipped, UnsatisfiedAssumption):
            counts["skipped"] += 1
            reject()
        except VerificationError as exc:
            failing.update(point=point, message=str(exc), error=type(exc).__name__)
            raise
        except Exception as exc:
            # the twin could not even evaluate the result here: a failure too
            message = f"the twin raised {type(exc).__name__}: {exc}"
            failing.update(point=point, message=message, error=type(exc).__name__)
            raise VerificationError(message) from exc
        counts["passed"] += 1

    if seed is not None:
        run = hypothesis_seed(seed)(run)

    def failed() -> CheckReport:
        return CheckReport(
            subject=subject,
            passed=False,
            examples=counts["passed"],
            skipped=counts["skipped"],
            counterexample=failing.get("point"),
            message=failing.get("message", ""),
            error=failing.get("error", ""),
        )

    try:
        run()
    except VerificationError:
        return failed()
    except (Unsatisfiable, FailedHealthCheck) as exc:
        if counts["skipped"]:
            return _unchecked(subject, counts, _none_apply(counts))
        return _unchecked(
            subject, counts, f"no admissible point could be drawn ({exc})"
        )
    except Exception as exc:
        if failing:
            # the twin failed at a point, then not when Hypothesis replayed
            # it (a flaky twin): still a failure, never "not checked"
            return failed()
        # drawing the points failed: nothing was checked
        return _unchecked(
            subject, counts, f"drawing points raised {type(exc).__name__}: {exc}"
        )
    if not counts["passed"]:
        why = (
            _none_apply(counts)
            if counts["skipped"]
            else "no admissible point could be drawn"
        )
        return _unchecked(subject, counts, why)
    return CheckReport(
        subject=subject,
        passed=True,
        examples=counts["passed"],
        skipped=counts["skipped"],
    )


def _none_apply(counts) -> str:
    return f"the twin applies at none of the {counts['skipped']} points drawn"


def _unchecked(subject, counts, message) -> CheckReport:
    return CheckReport(
        subject=subject, passed=None, skipped=counts["skipped"], message=message
    )
