"""Is it true: numeric twins found by result type, claims and proofs, derivations.

Importing it registers the numeric twin of a proof.
"""

from symtrust.verify import claims_twin  # noqa: F401 - registers the twin
