"""Complete LaTeX documents: a derivation's model, results, claims and proofs.

A document states, in order,

1. the model: each game's payoff table (a ``tabular`` for two-player games,
   one per type profile for Bayesian games), its types and priors (through the
   game's own display rows), its parameters with their domains, and the
   assumptions;
2. each derived result: the closed form, the condition under which it holds,
   the derivation steps with their justifications, and the verdict of its
   numeric twin when a report is given;
3. each claim as a proposition, followed by its proof (the chain of steps), or
   its checked counterexample, or the evidence gathered when it is undecided;
4. a summary table of verification statuses.

Documents use only ``amsmath``, ``amssymb``, ``amsthm``, ``geometry``,
``longtable``, ``booktabs`` and ``hyperref`` (Debian: texlive-latex-base and
texlive-latex-recommended) and compile with
``pdflatex -interaction=nonstopmode -halt-on-error``. Output is deterministic:
no dates, no timings.

Examples
--------
>>> from symtrust import positive, Claim
>>> c, w = positive("c w")
>>> tex = latex(Claim(c + w > w, name="more is more"))
>>> tex.startswith("\\\\documentclass") and tex.rstrip().endswith("\\\\end{document}")
True
>>> "\\\\begin{proposition}[more is more]" in tex
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import sympy
from sympy import S

from symtrust.errors import ModelError
from symtrust.render.latex import text_escape
from symtrust.render.printer import math
from symtrust.render.statics import is_statics

__all__ = ["document", "latex", "write_document"]

_PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb,amsthm}
\usepackage{booktabs,longtable}
\usepackage[hidelinks,pdfusetitle]{hyperref}
\newtheorem{proposition}{Proposition}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5em}
\renewcommand{\labelitemi}{$\bullet$}
"""


# longer inline formulas in a list of steps are displayed instead
_INLINE = 110


def _t(text) -> str:
    return text_escape(str(text))


def _display(obj) -> str:
    """A display-math block; conjunctions and tuples one item per line, long
    sums broken between terms."""
    if isinstance(obj, sympy.Implies) and len(_math(obj)) > _LINE:
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
        rows = r" \\ ".join(f"{_math(k)} &\\mapsto {_long(v)}" for k, v in obj.items())
        return "\\[\n\\begin{aligned}" + rows + "\\end{aligned}\n\\]\n"
    if isinstance(obj, tuple) and obj and all(_is_boolean(a) for a in obj):
        lines = r" \\ ".join(_long(a) for a in obj)
        return "\\[\n\\begin{gathered}" + lines + "\\end{gathered}\n\\]\n"
    if isinstance(obj, tuple) and obj and len(_math(obj)) > _LINE:
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
    text = _math(obj)
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


def _math(obj) -> str:
    if isinstance(obj, str):
        return r"\text{" + text_escape(obj) + "}"
    if isinstance(obj, tuple) and obj and all(isinstance(o, str) for o in obj):
        return r"\left(" + ", ".join(_math(o) for o in obj) + r"\right)"
    return math(obj)


def _point(point) -> str:
    items = sorted(point.items(), key=lambda kv: str(kv[0]))
    return r",\; ".join(f"{math(k)} = {math(v)}" for k, v in items)


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


def _inline_or_display(value) -> str:
    inline = _math(value)
    if isinstance(value, Mapping) or len(inline) > _INLINE:
        return "\n" + _display(value)
    return f"${inline}$\n"


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
    >>> from symtrust.solve.result import Result, Step
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
    out.append(_result_body(result))
    if check is not None:
        out.append(f"\\emph{{Numeric twin: {_t(check.summary())}.}}\n")
    return "".join(out)


def _result_body(result) -> str:
    from symtrust.solve.result import Result, Solution
    from symtrust.verify.claims import Proof

    if isinstance(result, Proof):
        return _proposition(result)
    if isinstance(result, Solution):
        out = [f"Method: \\texttt{{{_t(result.method)}}}, "]
        out.append(f"{len(result.results)} result(s).\n\n")
        for k, r in enumerate(result.results, 1):
            out.append(f"\\paragraph{{Result {k}.}}\n")
            out.append(_result_body(r))
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


def _proposition(proof) -> str:
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


# -- documents ----------------------------------------------------------------------


def _begin(title: str, subtitle: str = "") -> str:
    sub = f"\\\\ \\large {_t(subtitle)}" if subtitle else ""
    return (
        _PREAMBLE
        + f"\\title{{{_t(title)}{sub}}}\n\\author{{symtrust}}\n\\date{{}}\n"
        + "\\begin{document}\n\\maketitle\n"
    )


_END = "\\end{document}\n"


def _proofs_for(derivation, report):
    if report is not None:
        by_claim = {p.claim: p for p in report.proofs}
        return [by_claim[c] if c in by_claim else c.prove() for c in derivation.claims]
    return [c.prove() for c in derivation.claims]


def _summary(derivation, report, proofs) -> str:
    rows = []
    checks = dict(report.checks) if report is not None else {}
    for name, _ in derivation.results:
        rep = checks.get(name)
        status = "not run" if rep is None else _check_word(rep)
        rows.append(f"result & {_t(name)} & {_t(status)} \\\\")
    for proof in proofs:
        name = proof.claim.name or str(proof.claim.statement)
        rows.append(f"claim & {_t(name)} & {_t(proof.status)} \\\\")
    if not rows:
        return ""
    return (
        "\\section{Verification summary}\n"
        "\\begin{longtable}{lp{0.5\\textwidth}p{0.33\\textwidth}}\n\\toprule\n"
        "Item & Name & Status \\\\\n\\midrule\n\\endhead\n"
        + "\n".join(rows)
        + "\n\\bottomrule\n\\end{longtable}\n"
    )


def _check_word(rep) -> str:
    if rep.passed is True:
        return f"checked on {rep.examples} exact points"
    if rep.passed is False:
        return "CHECK FAILED"
    return f"not checked ({rep.message})" if rep.message else "not checked"


def document(derivation, report=None) -> str:
    """A complete LaTeX document of a derivation.

    Parameters
    ----------
    derivation : Derivation
        The model, its results and claims.
    report : DerivationReport, optional
        What :func:`symtrust.verify.derivation.verify_derivation` found; adds
        each result's numeric-twin verdict. Without it claims are proved here
        (proofs are cached) and checks are listed as not run.

    Returns
    -------
    str
        A document that compiles with ``pdflatex``.

    Examples
    --------
    >>> from symtrust import Derivation, pure_nash
    >>> from symtrust.catalog import stag_hunt
    >>> d = Derivation(title="Stag hunt", source="classic",
    ...                models=(stag_hunt(),),
    ...                results=(("equilibria", pure_nash(stag_hunt())),))
    >>> tex = document(d)
    >>> "\\\\section{Model}" in tex and "\\\\section{Results}" in tex
    True
    """
    from symtrust.verify.derivation import Derivation

    if not isinstance(derivation, Derivation):
        raise ModelError(
            f"document() needs a Derivation, got {type(derivation).__name__}; "
            "use symtrust.latex(obj) for a single result, claim or proof"
        )
    proofs = _proofs_for(derivation, report)
    checks = dict(report.checks) if report is not None else {}
    out = [_begin(derivation.title)]
    out.append(f"\\textbf{{Source.}} {_t(derivation.source)}\n\n")
    if report is not None:
        verdict = (
            "all checks passed and no claim was refuted"
            if report.ok
            else ("FAILURES: " + ", ".join(report.failures))
        )
        out.append(f"\\textbf{{Verification.}} {_t(verdict)}.\n\n")
    if derivation.models:
        out.append("\\section{Model}\n")
        out.extend(model_section(m) for m in derivation.models)
    if derivation.results:
        out.append("\\section{Results}\n")
        for name, result in derivation.results:
            out.append(result_section(name, result, checks.get(name)))
    if proofs:
        out.append("\\section{Propositions}\n")
        out.extend(_proposition(p) for p in proofs)
    if derivation.notes:
        out.append("\\section{Notes}\n\\begin{itemize}\n")
        out.extend(f"\\item {_t(n)}\n" for n in derivation.notes)
        out.append("\\end{itemize}\n")
    out.append(_summary(derivation, report, proofs))
    out.append(_END)
    return "".join(out)


def latex(obj, *, report=None, title: str = "") -> str:
    """Render any symtrust object as a complete LaTeX document.

    Parameters
    ----------
    obj : Derivation, DerivationReport, Claim, Proof, Result, Solution, game
        What to render. A claim is proved first (proofs are cached).
    report : DerivationReport, optional
        For a Derivation: the verification report to include.
    title : str
        The document's title; a default is derived from the object.

    Returns
    -------
    str
        A complete document (preamble to ``\\end{document}``).

    Examples
    --------
    >>> import sympy
    >>> from symtrust import probability
    >>> t = probability("t")
    >>> tex = latex(sympy.Rational(1, 2) * t)
    >>> "\\\\frac{t}{2}" in tex
    True
    """
    from symtrust.solve.result import Result, Solution
    from symtrust.verify.claims import Claim
    from symtrust.verify.derivation import Derivation, DerivationReport

    if isinstance(obj, DerivationReport):
        return document(obj.derivation, obj)
    if isinstance(obj, Derivation):
        return document(obj, report)
    if isinstance(obj, Claim):
        obj = obj.prove()
    out = [_begin(title or _default_title(obj))]
    if isinstance(obj, (Result, Solution)):
        out.append(_result_body(obj))
    elif hasattr(obj, "display_rows"):
        out.append(model_section(obj))
    else:
        out.append(_display(obj))
    out.append(_END)
    return "".join(out)


def _default_title(obj) -> str:
    from symtrust.verify.claims import Proof

    if isinstance(obj, Proof):
        return obj.claim.name or "Proposition"
    for attr in ("name", "kind", "method"):
        value = getattr(obj, attr, "")
        if isinstance(value, str) and value:
            return value
    return "symtrust"


def _slug(title: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "_", title).strip("_").lower()
    return slug or "derivation"


def write_document(derivation, directory, report=None, *, name: str = "") -> Path:
    """Write a derivation's document to ``directory/<name>.tex``.

    Parameters
    ----------
    derivation : Derivation
    directory : str or Path
        Created if missing.
    report : DerivationReport, optional
    name : str
        File stem; by default a slug of the derivation's title.

    Returns
    -------
    Path
        The file written.

    Examples
    --------
    >>> import tempfile
    >>> from symtrust import Derivation
    >>> d = Derivation(title="Empty: a test", source="none")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_document(d, tmp).name
    'empty_a_test.tex'
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{_slug(name or derivation.title)}.tex"
    path.write_text(document(derivation, report), encoding="utf-8")
    return path
