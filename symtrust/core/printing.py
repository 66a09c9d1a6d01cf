"""The printing protocol shared by every symtrust value.

Models, results and claims inherit :class:`Printable`: SymPy's printer protocol
(``_sympystr``, ``_latex``), so ``str``, ``sympy.latex``, the REPL and Jupyter
(``_repr_latex_``) all work. Each class's layout is a pair of functions
(text, LaTeX) registered with :func:`register_layout`; a class without one is
laid out from its ``display_rows``. Jupyter renders with symtrust's LaTeX
printer, so parameter names read as in documents (``t_hat`` as
:math:`\\hat{t}`).

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> isinstance(prisoners_dilemma(), Printable)
True
"""

from __future__ import annotations

from collections.abc import Callable

import sympy

from symtrust.core.latex_layout import rows_latex
from symtrust.core.printer import SymtrustLatexPrinter
from symtrust.core.text_layout import rows_text

__all__ = ["Printable", "register_layout", "register_notebook_latex"]

_LAYOUTS: dict[type, tuple[Callable, Callable]] = {}
# the math-mode LaTeX Jupyter shows for a value, when a higher layer (the
# renderers, with their canonical forms) provides it; None: the layout's
_NOTEBOOK: list[Callable] = []


def register_notebook_latex(fn: Callable) -> None:
    """Show values in Jupyter with ``fn(obj)``: math-mode LaTeX, or None.

    The renderers (a layer above this one) register their fragments, so a
    result displays in a notebook as in documents: its expressions in the
    printing policy's canonical form. Where ``fn`` returns None (a game's
    ``sgame`` matrix is no math), the registered layout is shown.

    Examples
    --------
    >>> from symtrust.core.result import Step
    >>> before = list(_NOTEBOOK)
    >>> register_notebook_latex(lambda obj: "x_{shown}")
    >>> Step("t", sympy.Integer(1))._repr_latex_()
    '$\\\\displaystyle x_{shown}$'
    >>> _NOTEBOOK[:] = before
    """
    _NOTEBOOK[:] = [fn]


def register_layout(cls: type, *, text: Callable, latex: Callable) -> None:
    """Lay out instances of ``cls`` (and its subclasses) with these functions.

    Each function takes ``(obj, printer)`` and returns a string, printing the
    object's parts with ``printer._print``. The most specific registered class
    in the method resolution order wins.

    Examples
    --------
    >>> class Note(Printable):
    ...     pass
    >>> register_layout(Note, text=lambda o, p: "a note", latex=lambda o, p: "N")
    >>> str(Note()), sympy.latex(Note())
    ('a note', 'N')
    """
    _LAYOUTS[cls] = (text, latex)


def _layout(obj) -> tuple[Callable, Callable]:
    for cls in type(obj).__mro__:
        if cls in _LAYOUTS:
            return _LAYOUTS[cls]
    return rows_text, rows_latex


class Printable:
    """Mixin: SymPy printer protocol, laid out by the registered functions.

    Examples
    --------
    >>> from symtrust.core.result import Step
    >>> Step("t", sympy.Integer(1))._repr_latex_()
    '$\\\\displaystyle \\\\text{t: } 1$'
    """

    def _sympystr(self, printer):
        return _layout(self)[0](self, printer)

    def _latex(self, printer):
        return _layout(self)[1](self, printer)

    def __str__(self):
        return sympy.sstr(self)

    def _repr_latex_(self):
        shown = _NOTEBOOK[0](self) if _NOTEBOOK else None
        if shown is None:
            shown = SymtrustLatexPrinter().doprint(self)
        return f"$\\displaystyle {shown}$"

    def _repr_pretty_(self, p, cycle):  # IPython plain-text display
        p.text(str(self))
