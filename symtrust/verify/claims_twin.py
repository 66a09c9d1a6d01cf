"""Numeric twin of :class:`symtrust.results.Proof`: a proof agrees with exact evaluation.

At an admissible point (drawn from the claim's assumptions), a *proved*
statement must hold by exact substitution; a *refuted* claim's counterexample
must satisfy the assumptions and violate the statement, whatever the point.
An *undecided* claim asserts nothing, so any point agrees with it.

Examples
--------
>>> from symtrust import check, probability, prove
>>> p = probability("p")
>>> check(prove(p**2 <= p), max_examples=5).passed
True
>>> check(prove(p**2 > p), max_examples=5).passed
True
"""

from __future__ import annotations

from symtrust.core.twins import twin
from symtrust.errors import VerificationError
from symtrust.verify.proof import Proof
from symtrust.verify.sampling import evaluate_at

__all__ = ["proof_twin"]


@twin(Proof)
def proof_twin(proof, point) -> None:
    """Compare a proof's verdict with exact evaluation at one point.

    Raises
    ------
    VerificationError
        A proved statement failing at an admissible point, or a counterexample
        that is not admissible or does not violate the statement.
    """
    claim = proof.claim
    if proof.truth is True:
        if evaluate_at(claim.statement, point) is False:
            raise VerificationError(
                f"claim {claim.name or claim.statement} was proved but fails at {point}"
            )
    elif proof.truth is False:
        bad = proof.counterexample
        if not claim.assumptions.holds_at(bad):
            raise VerificationError(
                f"counterexample {bad} to {claim.statement} violates the assumptions"
            )
        if evaluate_at(claim.statement, bad) is not False:
            raise VerificationError(
                f"counterexample {bad} does not violate {claim.statement}"
            )
