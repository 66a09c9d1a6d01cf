"""Multilateral trust and hegemony (Kydd 2005, ch. 5, reconstruction)."""

from symtrust.kydd.multilateral import twins  # noqa: F401 - registers the twins
