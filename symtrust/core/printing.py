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

__all__ = ["Printable", "register_layout"]

_LAYOUTS: dict[type, tuple[Callable, Callable]] = {}


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
        return f"$\\displaystyle {SymtrustLatexPrinter().doprint(self)}$"

    def _repr_pretty_(self, p, cycle):  # IPython plain-text display
        p.text(str(self))
