"""LaTeX fragments to paste into a paper, for every symtrust value.

:func:`latex` returns the LaTeX of one object, without a preamble, as
:func:`sympy.latex` does:

* a two-player game with finite actions: its payoff matrix as an ``sgame``
  ``game`` environment (text mode; load ``\\usepackage{sgame}``, Debian
  texlive-games); a Bayesian game: one matrix per type profile;
* a result: an ``aligned`` block (math mode) of its rows, in the printing
  policy's form (:mod:`symtrust.render.canonical`), then where it holds;
* a solution: one ``aligned`` block, its results numbered;
* a claim or a proof: the statement (math mode);
* any SymPy object: its LaTeX in the printing policy's form.

Math-mode fragments go inside ``\\[ ... \\]`` or ``equation``; the ``game``
environment stands on its own. Parameter names print as in documents
(``t_hat`` as :math:`\\hat{t}`).

Examples
--------
>>> import sympy
>>> from symtrust import positive
>>> c, w = positive("c w")
>>> latex((w - c) / (w - c - 1))
'\\\\frac{c - w}{c - w + 1}'
>>> from symtrust.catalog import stag_hunt
>>> latex(stag_hunt()).startswith("\\\\begin{game}{2}{2}[row][column]")
True
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy
from sympy import S

from symtrust.core.printing import register_notebook_latex
from symtrust.core.result import Result, Solution
from symtrust.render.canonical import canonical, tex
from symtrust.render.model_tex import game_matrix, has_matrix
from symtrust.render.prose import prose
from symtrust.render.rows import rows_of
from symtrust.render.statics import is_statics
from symtrust.render.statics import sentences as statics_sentences
from symtrust.verify.claims import Claim
from symtrust.verify.proof import Proof

__all__ = ["latex", "notebook_latex", "result_rows"]


def _text(label: str) -> str:
    return r"\text{" + prose(label.strip()) + "}"


def _value(value, assumptions) -> str:
    if value is S.true or value is S.false:
        return r"\text{always}" if value is S.true else r"\text{never}"
    if isinstance(value, str):
        return _text(value) if value else ""
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return r"\left(" + ", ".join(_text(v) for v in value) + r"\right)"
    if isinstance(value, Mapping) or (
        hasattr(value, "items") and not isinstance(value, sympy.Basic)
    ):
        return (
            r"\left\{"
            + r",\ ".join(
                f"{_key(k)} \\mapsto {_value(v, assumptions)}" for k, v in value.items()
            )
            + r"\right\}"
        )
    return tex(canonical(value, assumptions))


def _key(k) -> str:
    if isinstance(k, tuple):
        return r"\left(" + ", ".join(_text(str(x)) for x in k) + r"\right)"
    return _text(str(k))


def result_rows(result) -> list[str]:
    """A result's rows as ``aligned`` lines (``label & value``).

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Result
    >>> x = sympy.Symbol("x", positive=True)
    >>> for row in result_rows(Result(kind="half", value=x / 2, condition=x < 1)):
    ...     print(row)
    \\text{half} &\\quad \\frac{x}{2}
    \\text{holds when} &\\quad x < 1
    """
    a = getattr(result, "assumptions", None)
    rows = []
    for label, value in rows_of(result):
        shown = _value(value, a)
        rows.append(f"{_text(label)} &\\quad {shown}" if shown else _text(label))
    condition = getattr(result, "condition", S.true)
    if condition is not S.true:
        rows.append(r"\text{holds when} &\quad " + tex(canonical(condition, a)))
    return rows


def _priors(game) -> str:
    """A Bayesian game's priors, one sentence (text mode)."""
    a = getattr(game, "assumptions", None)
    parts = []
    for label, value in rows_of(game):
        if label.startswith("prior") and hasattr(value, "items"):
            shown = ", ".join(
                f"{prose(str(k))} ${tex(canonical(v, a))}$" for k, v in value.items()
            )
            parts.append(f"{prose(label)}: {shown}")
    return ("Priors: " + "; ".join(parts) + ".") if parts else ""


def _statics(obj) -> str:
    """A comparative static: the derivative, then its sign in words."""
    a = getattr(obj, "assumptions", None)
    x = tex(obj.wrt)
    order = "^{2}" if getattr(obj, "order", 1) == 2 else ""
    head = (
        rf"\frac{{\partial{order}}}{{\partial {x}{order}}} "
        rf"\left({tex(canonical(obj.quantity, a))}\right) &= "
        + tex(canonical(obj.derivative, a))
    )
    rows = [head]
    for text, formula in statics_sentences(obj):
        row = r"&\text{" + prose(text) + "}"
        if formula is not None:
            row += r"\ " + tex(canonical(formula, a, focus="auto"))
        rows.append(row)
    return _aligned(rows)


def _aligned(rows) -> str:
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


def latex(obj) -> str:
    """A LaTeX fragment of any symtrust value or SymPy object, to paste.

    As :func:`sympy.latex` does, this returns LaTeX for the object alone
    (math mode, except a game's ``sgame`` matrix); :func:`document` gives a
    complete document around it.

    Examples
    --------
    >>> from symtrust import probability
    >>> latex(probability("pi_h") / 2)
    '\\\\frac{\\\\pi_{h}}{2}'
    >>> import sympy
    >>> from symtrust.core.result import Result
    >>> t_hat = probability("t_hat")
    >>> print(latex(Result(kind="threshold", value=1 - t_hat, condition=t_hat < 1)))
    \\begin{aligned}\\text{threshold} &\\quad 1 - \\hat{t} \\\\ \\text{holds when} &\\quad \\hat{t} < 1\\end{aligned}
    """
    if has_matrix(obj):
        if callable(getattr(obj, "type_profiles", None)):
            matrices = [
                game_matrix(
                    obj,
                    lambda p, ty=types: obj.payoff(p, ty),
                    caption="types: " + ", ".join(types),
                )
                for types in obj.type_profiles()
            ]
            return "\n".join(matrices) + "\n\n" + _priors(obj) + "\n"
        return game_matrix(obj)
    if is_statics(obj):
        return _statics(obj)
    if isinstance(obj, Claim):
        return tex(canonical(obj.statement, obj.assumptions))
    if isinstance(obj, Proof):
        return tex(canonical(obj.claim.statement, obj.claim.assumptions))
    if isinstance(obj, Solution):
        rows = []
        for k, r in enumerate(obj.results, 1):
            lines = result_rows(r) if hasattr(r, "display_rows") else [tex(r)]
            lines[0] = f"\\text{{({k})}}\\ " + lines[0]
            rows.extend(lines)
        return _aligned(rows) if rows else _text(f"{obj.method}: no results")
    if isinstance(obj, Result) or (
        hasattr(obj, "display_rows") and not isinstance(obj, sympy.Basic)
    ):
        return _aligned(result_rows(obj))
    if isinstance(obj, sympy.Basic):
        return tex(canonical(obj))
    return tex(obj)


def notebook_latex(obj) -> str | None:
    """What Jupyter shows for a result or a solution: its :func:`latex`.

    Registered with :func:`symtrust.core.printing.register_notebook_latex`,
    so ``_repr_latex_`` of a :class:`~symtrust.core.result.Result` or a
    :class:`~symtrust.core.result.Solution` is its fragment, every expression
    in the printing policy's canonical form; None for other values (they keep
    their layout).

    Examples
    --------
    >>> import symtrust
    >>> from symtrust import interval, positive, probability, trust_game
    >>> from symtrust import trust_threshold
    >>> c, w = positive("c w")
    >>> t_T = interval("t_T", 0, 1, right_open=True)
    >>> p = probability("p")
    >>> game = trust_game([[1, -c], [t_T, -w]], [[1, -c], [2, -w]], (p, p),
    ...                   assumptions=[c > w])
    >>> shown = trust_threshold(game, "row")._repr_latex_()
    >>> body = symtrust.latex(trust_threshold(game, "row"))
    >>> shown == "$" + "\\\\displaystyle " + body + "$"
    True
    >>> "frac{c - w}{c - t_{T} - w + 1}" in shown
    True
    >>> notebook_latex(game) is None
    True
    """
    if isinstance(obj, Result | Solution) and not has_matrix(obj):
        return latex(obj)
    return None


register_notebook_latex(notebook_latex)
