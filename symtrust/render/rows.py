"""The rows a renderer shows for a value, as mathematics rather than text.

Most values say what to show through ``display_rows()``. A few build text
for the terminal there (a perfect Bayesian equilibrium's strategies read
``escalate w.p. -d*p/(p - 1)``); :func:`rows_of` gives their rows as
structured values instead, so documents, fragments and Jupyter typeset them:
a mixed strategy becomes a mapping ``action -> probability``
(:math:`\\text{escalate} \\mapsto \\frac{d p}{1 - p}`).

The layout of a perfect Bayesian equilibrium is registered here for SymPy's
printers (text and LaTeX), so ``sympy.latex`` and ``_repr_latex_`` use it.

Examples
--------
>>> from symtrust import pbe
>>> from symtrust.catalog import beer_quiche
>>> eq = pbe(beer_quiche())[0]
>>> [label for label, _ in rows_of(eq)][:2]
['pooling PBE', 'type weak sends']
"""

from __future__ import annotations

from sympy import S

from symtrust.core.latex_layout import rows_latex
from symtrust.core.printing import register_layout
from symtrust.core.text_layout import rows_text
from symtrust.games.signaling.pbe import PerfectBayesianEquilibrium

__all__ = ["rows_of"]


def _strategy(pairs):
    """One message (or action), or a mapping of them to probabilities."""
    if len(pairs) == 1 and pairs[0][1] == 1:
        return str(pairs[0][0])
    return {str(name): p for name, p in pairs}


def pbe_rows(eq) -> tuple:
    """A perfect Bayesian equilibrium's rows, strategies as mappings."""
    rows = [(f"{eq.label} PBE", "")]
    for t, pairs in zip(eq.types, eq.sender, strict=True):
        rows.append((f"type {t} sends", _strategy(pairs)))
    for m, pairs in zip(eq.messages, eq.receiver, strict=True):
        rows.append((f"after {m}, the receiver plays", _strategy(pairs)))
    for m, pairs in zip(eq.messages, eq.beliefs, strict=True):
        if m not in eq.off_path:
            rows.append((f"beliefs after {m}", {str(t): b for t, b in pairs}))
    if eq.off_path and eq.off_path_beliefs is not S.true:
        rows.append(("off-path beliefs", eq.off_path_beliefs))
    for sym, value in eq.mixing:
        rows.append((f"mixing probability {sym}", value))
    rows.append(("sender payoffs", eq.value))
    rows.append(("survives the Intuitive Criterion when", eq.intuitive))
    return tuple(rows)


def rows_of(obj) -> tuple:
    """The rows to show for a value: ``display_rows()``, structured where
    the value's own rows are text.

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> rows_of(stag_hunt())[0]
    ('game', 'Stag Hunt')
    """
    if isinstance(obj, PerfectBayesianEquilibrium):
        return pbe_rows(obj)
    rows = getattr(obj, "display_rows", None)
    return tuple(rows()) if callable(rows) else ()


class _Rows:
    """A stand-in whose display rows are the structured ones."""

    def __init__(self, obj):
        self._obj = obj

    def display_rows(self):
        return rows_of(self._obj)


def _pbe_text(obj, printer) -> str:
    out = rows_text(_Rows(obj), printer)
    if obj.condition is not S.true:
        out += f"\n  holds when: {printer._print(obj.condition)}"
    return out


def _pbe_latex(obj, printer) -> str:
    out = rows_latex(_Rows(obj), printer)
    if obj.condition is not S.true:
        out = out.replace(
            r"\end{array}",
            rf"\\ \text{{holds when: }} {printer._print(obj.condition)}\end{{array}}",
        )
    return out


register_layout(PerfectBayesianEquilibrium, text=_pbe_text, latex=_pbe_latex)
