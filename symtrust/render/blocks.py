"""Display-math blocks for documents: long formulas broken, mappings aligned.

pdflatex does not break display math, so a block lays out

* a conjunction or a tuple of conditions one per line (``gathered``);
* a mapping (a prior over types, a posterior) as aligned ``key -> value`` rows;
* a long implication as "if ... and ... then ...";
* a long sum (or a relation between sums) in lines broken between terms
  (``aligned``), measured by the length of its LaTeX source, a rough proxy for
  its printed width.

Examples
--------
>>> import sympy
>>> x, y = sympy.symbols("x y", positive=True)
>>> print(display(sympy.And(x > 1, y > 2)))
\\[
\\begin{gathered}x > 1 \\\\ y > 2\\end{gathered}
\\]
<BLANKLINE>
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy

from symtrust.core.latex_layout import text_escape
from symtrust.core.printer import math

__all__ = ["INLINE", "display", "inline_or_display", "math_of", "point", "t"]

# longer inline formulas in a list of steps are displayed instead
INLINE = 110


def t(text) -> str:
    return text_escape(str(text))


def display(obj) -> str:
    """A display-math block; conjunctions and tuples one item per line, long
    sums broken between terms."""
    if isinstance(obj, sympy.Implies) and len(math_of(obj)) > _LINE:
        premise, conclusion = obj.args
        parts = premise.args if isinstance(premise, sympy.And) else (premise,)
        lines = [
            (r"\text{if } " if k == 0 else r"\text{and } ") + _long(a)
            for k, a in enumerate(parts)
        ]
        lines.append(r"\text{then } " + _long(conclusion))
        return "\\[\n\\begin{gathered}" + r" \\ ".join(lines) + "\\end{gathered}\n\\]\n"
    if isinstance(obj, sympy.And) and len(obj.args) > 1:
        obj = obj.args
    if isinstance(obj, sympy.Tuple):
        obj = tuple(obj)
    if isinstance(obj, Mapping) and obj:
        rows = r" \\ ".join(
            f"{math_of(k)} &\\mapsto {_long(v)}" for k, v in obj.items()
        )
        return "\\[\n\\begin{aligned}" + rows + "\\end{aligned}\n\\]\n"
    if isinstance(obj, tuple) and obj and all(_is_boolean(a) for a in obj):
        lines = r" \\ ".join(_long(a) for a in obj)
        return "\\[\n\\begin{gathered}" + lines + "\\end{gathered}\n\\]\n"
    if isinstance(obj, tuple) and obj and len(math_of(obj)) > _LINE:
        lines = r", \\ ".join(_long(a) for a in obj)
        return "\\[\n\\begin{gathered}" + lines + "\\end{gathered}\n\\]\n"
    return "\\[\n" + _long(obj) + "\n\\]\n"


# LaTeX source characters per displayed line (a rough proxy for its width)
_LINE = 120


def _terms(expr) -> list[str]:
    """The terms of a sum as signed LaTeX pieces."""
    pieces = []
    for k, term in enumerate(expr.as_ordered_terms()):
        if k and term.could_extract_minus_sign():
            pieces.append("- " + math(-term))
        elif k:
            pieces.append("+ " + math(term))
        else:
            pieces.append(math(term))
    return pieces


def _pack(pieces, first="") -> list[str]:
    lines, line = [], first
    for piece in pieces:
        if line.strip() and len(line) + len(piece) > _LINE:
            lines.append(line)
            line = r"\quad "
        line += piece + " "
    lines.append(line)
    return lines


def _long(obj) -> str:
    """Math for one item, broken into aligned lines when it is a long sum."""
    text = math_of(obj)
    if len(text) <= _LINE or not isinstance(obj, sympy.Basic):
        return text
    if isinstance(obj, sympy.core.relational.Relational):
        op = math(sympy.core.relational.Relational(sympy.Symbol("x"), 0, obj.rel_op))
        op = op[op.index("x") + 1 : op.rindex("0")].strip()
        lines = (
            _pack(_terms(obj.lhs))
            if isinstance(obj.lhs, sympy.Add)
            else [math(obj.lhs)]
        )
        rhs = _terms(obj.rhs) if isinstance(obj.rhs, sympy.Add) else [math(obj.rhs)]
        lines += _pack(rhs, first=f"{op} ")
    elif isinstance(obj, sympy.Add):
        lines = _pack(_terms(obj))
    else:
        return text
    if len(lines) == 1:
        return text
    return (
        r"\begin{aligned}" + r" \\ ".join("&" + ln for ln in lines) + r"\end{aligned}"
    )


def _is_boolean(obj) -> bool:
    return isinstance(obj, sympy.logic.boolalg.Boolean)


def math_of(obj) -> str:
    if isinstance(obj, str):
        return r"\text{" + text_escape(obj) + "}"
    if isinstance(obj, tuple) and obj and all(isinstance(o, str) for o in obj):
        return r"\left(" + ", ".join(math_of(o) for o in obj) + r"\right)"
    return math(obj)


def point(values) -> str:
    items = sorted(values.items(), key=lambda kv: str(kv[0]))
    return r",\; ".join(f"{math(k)} = {math(v)}" for k, v in items)


def inline_or_display(value) -> str:
    inline = math_of(value)
    if isinstance(value, Mapping) or len(inline) > INLINE:
        return "\n" + display(value)
    return f"${inline}$\n"
