"""The spiral model's two-stage arming game (Kydd 2005, ch. 3, reconstruction)."""

from symtrust.kydd.arming import twins  # noqa: F401 - registers the twins
