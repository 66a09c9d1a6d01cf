"""The printing protocol shared by every symtrust value.

Models, results and claims inherit :class:`Printable`: SymPy's printer protocol
(``_sympystr``, ``_latex``), so ``str``, ``sympy.latex``, the REPL and Jupyter
(``_repr_latex_``) all work. The layout itself lives in
:mod:`symtrust.render.text` and :mod:`symtrust.render.latex`, imported when
something is printed, so the model layer does not load the renderers.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> isinstance(prisoners_dilemma(), Printable)
True
"""

from __future__ import annotations

import sympy

__all__ = ["Printable"]


class Printable:
    """Mixin: SymPy printer protocol, delegating layout to :mod:`symtrust.render`.

    Examples
    --------
    >>> from symtrust.solve.result import Step
    >>> Step("t", sympy.Integer(1))._repr_latex_()
    '$\\\\displaystyle \\\\text{t: } 1$'
    """

    def _sympystr(self, printer):
        from symtrust.render.text import text_of

        return text_of(self, printer)

    def _latex(self, printer):
        from symtrust.render.latex import latex_of

        return latex_of(self, printer)

    def __str__(self):
        return sympy.sstr(self)

    def _repr_latex_(self):
        return f"$\\displaystyle {sympy.latex(self)}$"

    def _repr_pretty_(self, p, cycle):  # IPython plain-text display
        p.text(str(self))
