"""The spiral model's two-stage arming game (Kydd 2005, ch. 3, reconstruction)."""

from symtrust.kydd.arming import (  # noqa: F401 - registers the twins
    tree_twin,
    twins,
)
