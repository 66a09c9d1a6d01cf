"""Numeric twins of the normal-form solvers (brute force, exact Fractions)."""

from symtrust.games.normal_form.twins import dominance, mixed_nash, payoffs, pure_nash

__all__ = ["dominance", "mixed_nash", "payoffs", "pure_nash"]
