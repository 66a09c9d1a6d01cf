"""Reassurance through costly signals (Kydd 2005, ch. 7, reconstruction)."""

from symtrust.kydd.reassurance import twins  # noqa: F401 - registers the twins
