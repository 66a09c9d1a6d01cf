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
>>> tex = document(Claim(c + w > w, name="more is more"))
>>> tex.startswith("\\\\documentclass") and tex.rstrip().endswith("\\\\end{document}")
True
>>> "\\\\begin{proposition}[more is more]" in tex
True
"""

from __future__ import annotations

import re
from pathlib import Path

from symtrust.core.printer import math
from symtrust.core.result import Result, Solution
from symtrust.errors import ModelError
from symtrust.render.blocks import display as _display
from symtrust.render.blocks import t as _t
from symtrust.render.sections import (
    model_section,
    proposition,
    result_body,
    result_section,
)
from symtrust.render.tree_tikz import with_istgame
from symtrust.verify.claims import Claim
from symtrust.verify.derivation import Derivation, DerivationReport
from symtrust.verify.proof import Proof

__all__ = ["derivation_document", "document", "latex", "write_document"]

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


def derivation_document(derivation, report=None) -> str:
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
    >>> tex = derivation_document(d)
    >>> "\\\\section{Model}" in tex and "\\\\section{Results}" in tex
    True
    """

    if not isinstance(derivation, Derivation):
        raise ModelError(
            f"derivation_document() needs a Derivation, got {type(derivation).__name__}; "
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
        out.extend(proposition(p) for p in proofs)
    if derivation.notes:
        out.append("\\section{Notes}\n\\begin{itemize}\n")
        out.extend(f"\\item {_t(n)}\n" for n in derivation.notes)
        out.append("\\end{itemize}\n")
    out.append(_summary(derivation, report, proofs))
    out.append(_END)
    return with_istgame("".join(out))


def document(obj, *, report=None, title: str = "") -> str:
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
    >>> tex = document(sympy.Rational(1, 2) * t)
    >>> "\\\\frac{t}{2}" in tex and tex.rstrip().endswith("\\\\end{document}")
    True
    """

    if isinstance(obj, DerivationReport):
        return derivation_document(obj.derivation, obj)
    if isinstance(obj, Derivation):
        return derivation_document(obj, report)
    if isinstance(obj, Claim):
        obj = obj.prove()
    out = [_begin(title or _default_title(obj))]
    if isinstance(obj, (Result, Solution)):
        out.append(result_body(obj))
    elif hasattr(obj, "display_rows"):
        out.append(model_section(obj))
    else:
        out.append(_display(obj))
    out.append(_END)
    return with_istgame("".join(out))


def _default_title(obj) -> str:

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
    path.write_text(derivation_document(derivation, report), encoding="utf-8")
    return path


def latex(obj) -> str:
    """A LaTeX fragment of any symtrust value or SymPy object, to paste.

    As :func:`sympy.latex` does, this returns math-mode LaTeX for the object
    alone; :func:`document` gives a complete document around it.

    Examples
    --------
    >>> from symtrust import probability
    >>> latex(probability("pi_h") / 2)
    '\\\\frac{\\\\pi_{h}}{2}'
    """
    return math(obj)
