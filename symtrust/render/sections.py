"""Document sections: a model, a named result, a proposition with its proof.

Each function returns LaTeX body text (no preamble) for
:mod:`symtrust.render.document`:

* :func:`model_section`: payoff tables (``tabular``; one per type profile of a
  Bayesian game), the model's other display rows (types, priors), its
  parameters with their domains and its assumptions;
* :func:`result_section`: a result's closed form, the condition under which it
  holds, its derivation steps with justifications, and its numeric twin's
  verdict;
* :func:`proposition`: a claim as a proposition, then its proof (the chain of
  steps), or its checked counterexample, or the evidence when undecided.

Examples
--------
>>> from symtrust.catalog import stag_hunt
>>> "\\\\toprule" in model_section(stag_hunt())
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from sympy import S

from symtrust.core.printer import math
from symtrust.core.result import Result, Solution
from symtrust.render.blocks import INLINE as _INLINE
from symtrust.render.blocks import display as _display
from symtrust.render.blocks import inline_or_display as _inline_or_display
from symtrust.render.blocks import math_of as _math
from symtrust.render.blocks import point as _point
from symtrust.render.blocks import t as _t
from symtrust.render.statics import is_statics
from symtrust.verify.proof import Proof

__all__ = ["model_section", "proposition", "result_body", "result_section"]


# -- the model ---------------------------------------------------------------


def _two_player_table(game, payoff) -> str:
    rows_a, cols_a = game.actions
    head = " & ".join(_t(a) for a in cols_a)
    lines = [
        r"\begin{center}",
        r"\begin{tabular}{l" + "c" * len(cols_a) + "}",
        r"\toprule",
        f"{_t(game.players[0])} $\\backslash$ {_t(game.players[1])} & {head} \\\\",
        r"\midrule",
    ]
    for a in rows_a:
        cells = []
        for b in cols_a:
            cells.append("$" + ",\\; ".join(math(u) for u in payoff((a, b))) + "$")
        lines.append(f"{_t(a)} & " + " & ".join(cells) + r" \\")
    lines += [r"\bottomrule", r"\end{tabular}", r"\end{center}"]
    return "\n".join(lines) + "\n"


def _payoff_tables(game) -> str:
    players = getattr(game, "players", None)
    actions = getattr(game, "actions", None)
    payoff = getattr(game, "payoff", None)
    if not (players and actions and callable(payoff)) or len(players) != 2:
        return ""
    if not all(isinstance(a, tuple) for a in actions):
        return ""
    type_profiles = getattr(game, "type_profiles", None)
    if callable(type_profiles):
        out = []
        for types in type_profiles():
            out.append(f"Types ({_t(', '.join(types))}):\n")
            out.append(_two_player_table(game, lambda p, ty=types: payoff(p, ty)))
        return "".join(out)
    out = "Payoffs (row player's first):\n"
    return out + _two_player_table(game, payoff)


def _rows(obj, skip=()) -> str:
    rows = [(k, v) for k, v in obj.display_rows() if k not in skip]
    if not rows:
        return ""
    items = "".join(f"\\item[{_t(k)}] {_inline_or_display(v)}" for k, v in rows)
    return "\\begin{description}\n" + items + "\\end{description}\n"


def _domain(sym) -> str:
    domain = getattr(sym, "domain", None)
    if domain is None or domain == S.Reals:
        return r"\mathbb{R}"
    return math(domain)


def _assumptions_block(assumptions) -> str:
    conds = getattr(assumptions, "conditions", ())
    if not conds:
        return "No assumptions beyond the parameters' domains.\n"
    symbols = sorted(assumptions.symbols, key=lambda s: s.sort_key())
    params = r",\quad ".join(f"{math(s)} \\in {_domain(s)}" for s in symbols)
    items = "".join(f"\\item ${math(c)}$\n" for c in conds)
    return (
        f"Parameters: ${params}$.\n\n"
        "Assumptions (domains first, then stated relations):\n"
        "\\begin{itemize}\n" + items + "\\end{itemize}\n"
    )


def model_section(model) -> str:
    """LaTeX body text for one model: tables, display rows, assumptions.

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> "\\\\begin{tabular}" in model_section(stag_hunt())
    True
    """
    name = getattr(model, "name", "") or type(model).__name__
    out = [f"\\subsection{{{_t(name)}}}\n"]
    tables = _payoff_tables(model)
    out.append(tables)
    if hasattr(model, "display_rows"):
        skip = {"game", "assumptions"}
        if tables:
            # payoff rows are in the table already; keep the others (priors)
            skip |= {k for k, _ in model.display_rows() if _is_profile_row(k)}
        out.append(_rows(model, skip))
    elif not tables:
        out.append(_display(model))
    assumptions = getattr(model, "assumptions", None)
    if assumptions is not None:
        out.append(_assumptions_block(assumptions))
    return "".join(out)


def _is_profile_row(label: str) -> bool:
    return label.startswith("types (") or bool(re.fullmatch(r"[\w,]+", label))


# -- results -------------------------------------------------------------------


def _steps(steps) -> str:
    if not steps:
        return ""
    items = []
    for step in steps:
        label = _t(step.label)
        why = f" \\emph{{({_t(step.justification)})}}" if step.justification else ""
        if step.expr is None:
            items.append(f"\\item \\textbf{{{label}}}{why}\n")
            continue
        inline = _math(step.expr)
        if isinstance(step.expr, Mapping) or len(inline) > _INLINE:
            # long or tabular content goes on its own lines
            items.append(f"\\item \\textbf{{{label}}}{why}:\n{_display(step.expr)}")
        else:
            items.append(f"\\item \\textbf{{{label}}}: ${inline}${why}\n")
    return "\\begin{enumerate}\n" + "".join(items) + "\\end{enumerate}\n"


def result_section(name: str, result, check=None) -> str:
    """LaTeX body text for one named result (a Result or a Solution).

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Result, Step
    >>> x = sympy.Symbol("x_hat", positive=True)
    >>> r = Result(kind="cutoff", value=x / 2, condition=x < 1,
    ...            steps=(Step("halve", x / 2, "definition"),))
    >>> print(result_section("cutoff", r))
    \\subsection{cutoff}
    \\textbf{cutoff}:
    \\[
    \\frac{\\hat{x}}{2}
    \\]
    Holds when:
    \\[
    \\hat{x} < 1
    \\]
    Derivation:
    \\begin{enumerate}
    \\item \\textbf{halve}: $\\frac{\\hat{x}}{2}$ \\emph{(definition)}
    \\end{enumerate}
    <BLANKLINE>
    """
    out = [f"\\subsection{{{_t(name)}}}\n"]
    out.append(result_body(result))
    if check is not None:
        out.append(f"\\emph{{Numeric twin: {_t(check.summary())}.}}\n")
    return "".join(out)


def result_body(result) -> str:

    if isinstance(result, Proof):
        return proposition(result)
    if isinstance(result, Solution):
        out = [f"Method: \\texttt{{{_t(result.method)}}}, "]
        out.append(f"{len(result.results)} result(s).\n\n")
        for k, r in enumerate(result.results, 1):
            out.append(f"\\paragraph{{Result {k}.}}\n")
            out.append(result_body(r))
        for note in result.notes:
            out.append(f"\\emph{{Note: {_t(note)}}}\n\n")
        return "".join(out)
    if isinstance(result, Result) and is_statics(result):
        out = [_display(result)]
        if result.steps:
            out.append("Derivation:\n" + _steps(result.steps))
        return "".join(out)
    if isinstance(result, Result):
        out = []
        for label, value in result.display_rows():
            out.append(f"\\textbf{{{_t(label)}}}:\n" + _display(value))
        if result.condition is not S.true:
            out.append("Holds when:\n" + _display(result.condition))
        if result.steps:
            out.append("Derivation:\n" + _steps(result.steps))
        return "".join(out)
    if hasattr(result, "display_rows"):
        return _rows(result)
    return _display(result)


# -- claims and proofs -------------------------------------------------------------


_STATUS_WORD = {"proved": "Proved", "refuted": "Refuted", "undecided": "Undecided"}


def proposition(proof) -> str:
    claim = proof.claim
    title = f"[{_t(claim.name)}]" if claim.name else ""
    out = [f"\\begin{{proposition}}{title}\n"]
    if claim.description:
        text = claim.description[:1].upper() + claim.description[1:]
        out.append(_t(text.rstrip(".")) + ".\n")
    if claim.source:
        out.append(f"(Source: {_t(claim.source)}.)\n")
    stated = claim.assumptions.conditions
    if stated:
        out.append("Whenever\n" + _display(stated))
        out.append("we have\n")
    out.append(_display(claim.statement))
    out.append("\\end{proposition}\n")
    word = _STATUS_WORD[proof.status]
    if proof.status == "proved":
        out.append(f"\\begin{{proof}}[{word}]\n")
        out.append(_steps(proof.steps[1:]))
        out.append(f"{_t(proof.reason)}.\n")
        if proof.evidence is not None:
            out.append(f"Sanity check: {_t(proof.evidence)}.\n")
        out.append("\\end{proof}\n")
    elif proof.status == "refuted":
        out.append(f"\\paragraph{{{word}.}} Counterexample (checked by exact ")
        out.append("substitution; it satisfies the assumptions):\n")
        out.append("\\[\n" + _point(proof.counterexample) + "\n\\]\n")
        out.append(_steps(proof.steps[1:]))
    else:
        out.append(f"\\paragraph{{{word}.}} {_t(proof.reason)}.\n")
        if proof.evidence is not None:
            out.append(f"Numeric evidence: {_t(proof.evidence)}.\n")
        out.append(_steps(proof.steps[1:]))
    return "".join(out) + "\n"
