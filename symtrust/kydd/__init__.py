"""The book's models (Kydd 2005), each built on the generic families.

One subpackage or module per model, holding its model, its solver and its
numeric twin: the Security Dilemma Game, the spiral model's arming game,
reassurance by costly signals, and multilateral trust with a hegemon.
"""

from symtrust.kydd import arming, multilateral, reassurance, security_dilemma

__all__ = ["arming", "multilateral", "reassurance", "security_dilemma"]
