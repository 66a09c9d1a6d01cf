"""Numeric twins of the reassurance solvers."""

from symtrust.kydd.reassurance.twins import costly_signal, gestures

__all__ = ["costly_signal", "gestures"]
