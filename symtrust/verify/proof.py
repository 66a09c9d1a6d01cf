"""The outcome of proving a claim: a three-valued proof with its evidence.

A :class:`Proof` is proved (True), refuted (False, with a counterexample
checked by exact substitution) or undecided (None, with the numeric
:class:`Evidence` gathered). It is never turned from None into False.

Examples
--------
>>> Evidence(tried=10, held=10).display_rows()
(('evidence', 'held at 10 of 10 random exact admissible points'),)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from symtrust.core.printing import Printable
from symtrust.core.result import Result
from symtrust.errors import ClaimError

__all__ = ["STATUS", "Evidence", "Proof"]

#: The three statuses of a proof, by truth value.
STATUS = {True: "proved", False: "refuted", None: "undecided"}


@dataclass(frozen=True)
class Evidence(Printable):
    """Numeric evidence for a claim at random exact admissible points.

    Attributes
    ----------
    tried : int
        Admissible points at which the statement was evaluated exactly.
    held : int
        Points at which it held.
    undetermined : int
        Points at which exact evaluation could not settle it.
    sampler : str
        How the points were drawn.
    """

    tried: int
    held: int
    undetermined: int = 0
    sampler: str = ""

    def display_rows(self) -> tuple:
        """Rows for the renderers."""
        text = f"held at {self.held} of {self.tried} random exact admissible points"
        if self.undetermined:
            text += f" ({self.undetermined} undetermined)"
        return (("evidence", text),)

    def __str__(self):
        return self.display_rows()[0][1]


@dataclass(frozen=True, kw_only=True)
class Proof(Result):
    """The outcome of proving a :class:`Claim`.

    Attributes
    ----------
    claim : Claim
        What was to be proved.
    status : str
        ``"proved"``, ``"refuted"`` or ``"undecided"``.
    truth : bool or None
        True, False or None, matching ``status``.
    counterexample : Mapping or None
        For a refuted claim: exact values satisfying the assumptions at which
        the statement fails (or is undefined), checked by substitution.
    evidence : Evidence or None
        Random exact admissible points tried (for undecided claims, and as a
        sanity check of proved ones).
    reason : str
        How the verdict was reached, or why it could not be.
    steps : tuple of Step
        The proof chain.
    """

    kind: str = "proposition"
    claim: Any = None  # the Claim proved (symtrust.verify.claims)
    status: str = "undecided"
    truth: bool | None = None
    counterexample: Mapping | None = None
    evidence: Evidence | None = None
    reason: str = ""

    def __post_init__(self):
        if STATUS.get(self.truth) != self.status:
            raise ClaimError(
                f"proof status={self.status!r} does not match truth={self.truth!r}"
            )

    def __bool__(self):
        raise TypeError(
            "a Proof is three-valued; test `proof.truth is True` or `proof.status`"
        )

    def display_rows(self) -> tuple:
        """Rows ``(label, object)`` for the renderers."""
        claim = self.claim
        rows = [(claim.name or "claim", claim.statement)]
        if claim.assumptions.conditions:
            rows.append(("under", claim.assumptions.condition))
        rows.append(("status", self.status))
        if self.counterexample is not None:
            rows.append(("counterexample", dict(self.counterexample)))
        if self.evidence is not None:
            rows.append(("evidence", str(self.evidence)))
        if self.reason:
            rows.append(("reason", self.reason))
        return tuple(rows)
