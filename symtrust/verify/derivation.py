"""A derivation: the book's model built with the engine, its results and claims.

Each module in ``derivations/`` defines ``derive() -> Derivation``. The
``symtrust derive`` command imports the modules, calls ``derive()``, checks
every result against its numeric twin (:func:`symtrust.check`), proves every
claim, and reports (and, with ``--latex``, writes a proof document).

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust import pure_nash
>>> d = Derivation(title="Toy", source="none",
...                models=(prisoners_dilemma(),),
...                results=(("equilibria", pure_nash(prisoners_dilemma())),))
>>> d.result("equilibria").method
'pure_nash'
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from symtrust.errors import ModelError
from symtrust.verify.check import check

__all__ = ["Derivation", "DerivationReport", "verify_derivation"]


@dataclass(frozen=True)
class Derivation:
    """The content of one derivation module.

    Attributes
    ----------
    title : str
        A title, e.g. "Chapter 1: Assurance versus Prisoner's Dilemma".
    source : str
        Which chapter of Kydd (2005) it follows, and whether the model is a
        reconstruction.
    models : tuple
        The games built (printed in the document's model section).
    results : tuple of (str, object)
        Named results (:class:`~symtrust.core.result.Result` or
        :class:`~symtrust.core.result.Solution`), in derivation order.
    claims : tuple
        :class:`~symtrust.verify.claims.Claim` objects: the book's claims that
        apply, each proved, refuted or left undecided when the derivation runs.
    notes : tuple of str
        Remarks for the reader.
    figures : tuple
        Figures to draw with the document, each with a unique ``name`` and a
        ``save(stem)`` method writing ``<stem>.pdf`` and ``<stem>.png``
        (:class:`symtrust.render.region_map.RegionFigure`).
    """

    title: str
    source: str
    models: tuple = ()
    results: tuple = ()
    claims: tuple = ()
    notes: tuple = ()
    figures: tuple = ()

    def __post_init__(self):
        for item in self.results:
            if not (
                isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
            ):
                raise ModelError(
                    f"derivation results must be (name, result) pairs, got {item!r}"
                )
        names = [n for n, _ in self.results]
        if len(set(names)) != len(names):
            raise ModelError(f"derivation result names repeat: {names}")
        for fig in self.figures:
            if not (
                isinstance(getattr(fig, "name", None), str)
                and callable(getattr(fig, "save", None))
            ):
                raise ModelError(
                    f"derivation figures need a name and a save(stem) method, got {fig!r}"
                )
        shown = [f.name for f in self.figures]
        if len(set(shown)) != len(shown):
            raise ModelError(f"derivation figure names repeat: {shown}")

    def result(self, name: str):
        """The result registered under a name.

        Raises
        ------
        ModelError
            If no result has that name.
        """
        for n, r in self.results:
            if n == name:
                return r
        raise ModelError(
            f"no result named {name!r}; results are {[n for n, _ in self.results]}"
        )


@dataclass(frozen=True)
class DerivationReport:
    """What running a derivation found: one check per result, one proof per claim.

    Attributes
    ----------
    derivation : Derivation
        The derivation that was run.
    checks : tuple of (str, CheckReport)
        The numeric-twin report of each named result.
    proofs : tuple of Proof
        The proof (proved, refuted or undecided) of each claim.
    seconds : float
        Wall time of the run.
    """

    derivation: Derivation
    checks: tuple = ()
    proofs: tuple = ()
    seconds: float = 0.0

    @property
    def failures(self) -> tuple:
        """Names of results not verified (a failed check, or none) and refuted claims.

        A result whose check could not run ("not checked": no twin, or no
        point where the twin applies) is a failure: a derivation is verified
        only when every result agreed with its twin.
        """
        bad = [
            name if rep.passed is False else f"{name} (not checked)"
            for name, rep in self.checks
            if rep.passed is not True
        ]
        bad += [
            p.claim.name or str(p.claim.statement)
            for p in self.proofs
            if p.truth is False
        ]
        return tuple(bad)

    @property
    def ok(self) -> bool:
        """True when every result passed its check and no claim was refuted."""
        return not self.failures


def verify_derivation(
    derivation: Derivation,
    *,
    examples: int = 30,
    budget: float | None = 10.0,
    progress=None,
) -> DerivationReport:
    """Check every result of a derivation and prove every claim.

    Parameters
    ----------
    derivation : Derivation
        What ``derive()`` returned.
    examples : int
        Exact rational points per numeric check.
    budget : float or None
        Seconds each claim's proof may take in total (a fresh clock per
        claim); None for the per-decision defaults without a total.
    progress : callable, optional
        Called with one line of text as each item finishes.

    Returns
    -------
    DerivationReport

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> from symtrust import pure_nash
    >>> d = Derivation(title="Toy", source="none",
    ...                results=(("equilibria", pure_nash(stag_hunt())),))
    >>> verify_derivation(d, examples=5).ok
    True
    """
    start = time.perf_counter()
    say = progress or (lambda line: None)
    checks = []
    for name, result in derivation.results:
        rep = check(result, max_examples=examples)
        checks.append((name, rep))
        say(f"  [{check_word(rep)}] {name}")
    proofs = []
    for claim in derivation.claims:
        proof = claim.prove(budget=budget)
        proofs.append(proof)
        say(
            f"  [{proof.status}] claim {claim.name}: {claim.description or claim.statement}"
        )
    return DerivationReport(
        derivation, tuple(checks), tuple(proofs), time.perf_counter() - start
    )


def check_word(rep) -> str:
    """The status word of a check in a derivation's progress lines.

    Examples
    --------
    >>> from symtrust.verify.check import CheckReport
    >>> check_word(CheckReport(subject="x", passed=None, message="no twin"))
    'NOT CHECKED (no twin)'
    """
    if rep.passed is True:
        return f"checked on {rep.examples} points"
    if rep.passed is False:
        return f"CHECK FAILED: {rep.verdict()}"
    return f"NOT CHECKED ({rep.message})"
