"""One compact line per result, for the terminal (``symtrust derive``).

A result prints as ``name: what it is, where it holds``, with its condition
in the printing policy's form (:mod:`symtrust.render.canonical`) and solved
for the variable of interest:

    minimum trust threshold (two types): trustworthy row cooperates iff pi_2 >= (c_i - w)/(c_i - t_T - w + 1)
    Bayesian Nash equilibria: 2 -- all defect (always); cooperative: trustworthy types cooperate (t1 >= 1/2, t2 >= 1/2)

Lines longer than :data:`WIDTH` characters are cut with ``...``; the proof
document has everything.

Examples
--------
>>> from symtrust import pure_nash
>>> from symtrust.catalog import stag_hunt
>>> print(result_line("equilibria", pure_nash(stag_hunt())))
equilibria: 2 pure-strategy Nash equilibria -- mutual cooperation (C, C) (always); mutual defection (D, D) (always)
"""

from __future__ import annotations

import sympy
from sympy import S
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from symtrust.core.result import Result, Solution
from symtrust.games.bayesian.thresholds import Threshold
from symtrust.logic.statics import ComparativeStatics
from symtrust.render.canonical import canonical
from symtrust.render.regions import label_of
from symtrust.render.rows import rows_of
from symtrust.render.statements import focus_of

__all__ = ["WIDTH", "result_line"]

#: The longest line printed; longer ones are cut.
WIDTH = 200

_METHODS = {
    "pure_nash": "pure-strategy Nash equilibria",
    "mixed_nash": "mixed Nash equilibria",
    "bayes_nash": "Bayesian Nash equilibria",
    "cutoff_equilibria": "cutoff equilibria",
    "pbe": "perfect Bayesian equilibria",
    "arming": "perfect Bayesian equilibria",
    "costly_signal": "perfect Bayesian equilibria",
    "largest_cooperative_set": "cases",
    "dominance": "dominance relations",
}


class _TextPrinter(StrPrinter):
    """SymPy's text printer, with the canonical quotients printed plainly."""

    def _print_Mul(self, expr):
        top = [a for a in expr.args if not (a.is_Pow and a.exp == -1)]
        bottom = [a.base for a in expr.args if a.is_Pow and a.exp == -1]
        if not bottom:
            return super()._print_Mul(expr)
        sign = ""
        if top and top[0] == -1:
            sign, top = "-", top[1:]
        prec = PRECEDENCE["Mul"]
        num = "*".join(self.parenthesize(a, prec) for a in top) or "1"
        if len(bottom) == 1 and bottom[0].is_Add:
            den = f"({self._print(bottom[0])})"
        elif len(bottom) == 1 and not bottom[0].is_Mul:
            den = self.parenthesize(bottom[0], prec)
        else:
            factors = (
                bottom[0].args if len(bottom) == 1 and bottom[0].is_Mul else bottom
            )
            inner = "*".join(self.parenthesize(a, prec) for a in factors)
            den = f"({inner})"
        return f"{sign}{num}/{den}"

    def _print_Pow(self, expr, rational=False):
        if expr.exp == -1:
            return self._print_Mul(sympy.Mul(S.One, expr, evaluate=False))
        return super()._print_Pow(expr, rational=rational)


def _sstr(obj) -> str:
    return _TextPrinter().doprint(obj)


def _text(obj, assumptions=None, focus=None) -> str:
    if isinstance(obj, str):
        return obj
    if isinstance(obj, tuple) and all(isinstance(o, str) for o in obj):
        return "(" + ", ".join(obj) + ")"
    if isinstance(obj, sympy.Basic) or isinstance(obj, (tuple, dict)):
        return _sstr(canonical(obj, assumptions, focus=focus))
    return str(obj)


def _where(condition, assumptions, focus=None) -> str:
    if condition is S.true or condition is None:
        return "always"
    if condition is S.false:
        return "never"
    shown = canonical(condition, assumptions, focus=focus or "auto")
    parts = shown.args if isinstance(shown, sympy.And) else (shown,)
    return ", ".join(_sstr(p) for p in parts)


def _cut(line: str) -> str:
    return line if len(line) <= WIDTH else line[: WIDTH - 3].rstrip() + "..."


def _threshold(result) -> str:
    who = (f"{result.type} " if result.type else "") + str(result.player)
    a = result.assumptions
    if result.trust is not None:
        rel = _text(result.cooperates, a, result.trust)
        return f"{who} cooperates iff {rel}"
    return f"{who} prefers {result.actions[0]} iff {_text(result.cooperation, a, result.belief)}"


def _statics(result) -> str:
    x = result.wrt
    if result.sign in ("increasing", "decreasing", "constant"):
        return f"{result.sign} in {x} at every admissible point"
    if result.sign == "depends":
        return (
            f"increasing in {x} where {_where(result.condition, result.assumptions)}; "
            f"decreasing where {_where(result.negative_when, result.assumptions)}"
        )
    return f"sign in {x} undecided"


def _item(result) -> str:
    return (
        f"{label_of(result)} "
        f"({_where(getattr(result, 'condition', S.true), getattr(result, 'assumptions', None), focus_of(result))})"
    )


def _solution(result) -> str:
    what = _METHODS.get(result.method, f"{result.method} results")
    n = len(result.results)
    if not n:
        return f"no {what}"
    return f"{n} {what} -- " + "; ".join(_item(r) for r in result.results)


def _generic(result) -> str:
    rows = rows_of(result)
    a = getattr(result, "assumptions", None)
    if not rows:
        return _text(result, a)
    label, value = rows[0]
    body = f"{label.strip()}: {_text(value, a)}"
    condition = getattr(result, "condition", S.true)
    if condition is not S.true:
        body += f" (when {_where(condition, a, focus_of(result))})"
    return body


def result_line(name: str, result) -> str:
    """One line for a named result: what it is and where it holds.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive
    >>> from symtrust.core.result import Result
    >>> c, w = positive("c w")
    >>> r = Result(kind="cutoff", value=(w - c) / (w - c - 1), condition=c > w)
    >>> result_line("h", r)
    'h: cutoff: (c - w)/(c - w + 1) (when c > w)'
    """
    if isinstance(result, Threshold):
        body = _threshold(result)
    elif isinstance(result, ComparativeStatics):
        body = _statics(result)
    elif isinstance(result, Solution):
        body = _solution(result)
    elif isinstance(result, Result) or hasattr(result, "display_rows"):
        body = _generic(result)
    else:
        body = _text(result)
    return _cut(f"{name}: {body}".replace("\n", " "))
