"""Complete LaTeX documents: a derivation as a paper's appendix a referee reads.

A derivation's document has, in order,

1. **Model**: each game (payoff matrices in ``sgame`` style, its other
   rows), then the parameters with their domains and the assumptions,
   numbered (A1), (A2), ... and stated once (:mod:`symtrust.render.context`);
2. **Results**: each derived result stated once as a proposition (or a
   lemma) in words and mathematics (:mod:`symtrust.render.statements`),
   followed by its proof, the derivation steps with reasons a reader can
   check (:mod:`symtrust.render.proofs`), and a remark on its verification
   (numeric twin, decision procedure);
3. **Equilibrium regions**: the derivation's region maps, as figures;
4. **Claims**: the book's claims; a proved one as a proposition with its
   proof, a refuted one with its checked counterexample, an undecided one
   with the evidence gathered;
5. notes, and a table of verification statuses.

Every formula follows one printing policy (:mod:`symtrust.render.canonical`)
and every piece of text goes through :func:`symtrust.render.prose.prose`, so
a document holds no Python operator text. Documents need ``amsmath``,
``amssymb``, ``amsthm``, ``graphicx``, ``booktabs``, ``longtable``,
``hyperref`` (Debian: texlive-latex-base, -recommended) and ``sgame``
(texlive-games), and compile with
``pdflatex -interaction=nonstopmode -halt-on-error``. Output is
deterministic: no dates, no timings.

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

from symtrust.core.result import Result, Solution
from symtrust.errors import ModelError
from symtrust.render import optional
from symtrust.render.canonical import tex
from symtrust.render.context import DocContext
from symtrust.render.layout import FITMATH
from symtrust.render.model_tex import model_section, parameters_section
from symtrust.render.propositions import claim_block, result_block
from symtrust.render.prose import prose
from symtrust.render.region_grid import fixed_value
from symtrust.render.tree_tikz import with_istgame
from symtrust.verify.claims import Claim
from symtrust.verify.derivation import Derivation, DerivationReport
from symtrust.verify.proof import Proof

__all__ = [
    "PREAMBLE",
    "derivation_document",
    "document",
    "document_context",
    "figure_stem",
    "slug",
    "write_document",
    "write_figures",
]

#: The preamble every document starts with (sgame: Debian texlive-games).
PREAMBLE = (
    r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb,amsthm}
\usepackage{booktabs,longtable}
\usepackage{graphicx}
\usepackage{sgame}
\usepackage[hidelinks,pdfusetitle]{hyperref}
\newtheorem{proposition}{Proposition}
\newtheorem{lemma}[proposition]{Lemma}
\theoremstyle{definition}
\newtheorem{claim}[proposition]{Claim}
\theoremstyle{remark}
\newtheorem*{remark}{Remark}
\makeatletter
\newenvironment{herefigure}{\par\medskip\begin{center}\def\@captype{figure}}%
{\end{center}\medskip}
\makeatother
\emergencystretch=3em
\gamemathfalse
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5em}
\renewcommand{\labelitemi}{$\bullet$}
"""
    + FITMATH
    + "\n"
)

_END = "\\end{document}\n"


def _begin(title: str, subtitle: str = "") -> str:
    sub = f"\\\\ \\large {prose(subtitle)}" if subtitle else ""
    return (
        PREAMBLE
        + f"\\title{{{prose(title)}{sub}}}\n\\author{{symtrust}}\n\\date{{}}\n"
        + "\\begin{document}\n\\maketitle\n"
    )


# -- the whole document ---------------------------------------------------------------


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
        rows.append(f"result & {prose(name)} & {prose(status)} \\\\")
    for proof in proofs:
        name = proof.claim.name or "claim"
        rows.append(f"claim & {prose(name)} & {prose(proof.status)} \\\\")
    if not rows:
        return ""
    return (
        "\\section{Verification summary}\n"
        "\\begin{longtable}{lp{0.55\\textwidth}p{0.28\\textwidth}}\n\\toprule\n"
        "Item & Name & Status \\\\\n\\midrule\n\\endhead\n"
        + "\n".join(rows)
        + "\n\\bottomrule\n\\end{longtable}\n"
    )


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _check_word(rep) -> str:
    """A check's status for the summary table.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> _check_word(SimpleNamespace(passed=True, examples=1))
    'checked at 1 exact point'
    """
    if rep.passed is True:
        points = "point" if rep.examples == 1 else "points"
        return f"checked at {rep.examples} exact {points}"
    if rep.passed is False:
        return "CHECK FAILED"
    return "not checked"


def document_context(derivation, proofs) -> tuple[DocContext, int]:
    ctx = DocContext()
    for model in derivation.models:
        name = getattr(model, "name", "") or type(model).__name__
        ctx.add(getattr(model, "assumptions", None), f"the {name}")
    first_further = len(ctx.stated)
    for name, result in derivation.results:
        for part in _parts(result):
            ctx.add(getattr(part, "assumptions", None), name)
    for proof in proofs:
        ctx.add(proof.claim.assumptions, proof.claim.name)
    return ctx, first_further


def _model_titles(models) -> list[str]:
    """Each model's name; repeated names numbered ("..., model 2").

    Examples
    --------
    >>> from symtrust import Claim, Derivation, positive
    >>> c, w = positive("c w")
    >>> d = Derivation(title="t", source="s", claims=(Claim(c > w - 1, [c > w]),))
    >>> ctx, from_games = document_context(d, [d.claims[0].prove()])
    >>> [a.label for a in ctx.stated], from_games
    (['A1'], 0)
    """
    names = [getattr(m, "name", "") or type(m).__name__ for m in models]
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        repeats = names.count(name) > 1
        out.append(f"{name}, model {seen[name]}" if repeats else name)
    return out


def _parts(result):
    if isinstance(result, Solution):
        return tuple(result.results)
    return (result,)


def slug(title: str) -> str:
    """A file-name stem for a title.

    Examples
    --------
    >>> slug("Chapter 2: the Security Dilemma Game")
    'chapter_2_the_security_dilemma_game'
    """
    out = re.sub(r"[^A-Za-z0-9]+", "_", title).strip("_").lower()
    return out or "derivation"


def figure_stem(derivation, figure) -> str:
    """The file stem of a derivation's figure (PDF and PNG share it).

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> figure_stem(Derivation(title="Ch 1", source="x"), SimpleNamespace(name="BNE map"))
    'ch_1-bne_map'
    """
    return f"{slug(derivation.title)}-{slug(figure.name)}"


def _figures(derivation, figures) -> str:
    """The Equilibrium regions section: each region map where it is cited.

    The maps are set in place (not floated), so the heading never stands
    alone on a page; without a map to show there is no heading.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> d = SimpleNamespace(figures=(SimpleNamespace(name="map", caption="A map."),))
    >>> _figures(d, {})
    ''
    >>> print(_figures(d, {"map": "d-map"}).splitlines()[:3])
    ['\\\\section{Equilibrium regions}', '\\\\begin{herefigure}', '\\\\includegraphics[width=0.8\\\\textwidth]{d-map.pdf}']
    """
    wanted = getattr(derivation, "figures", ()) or ()
    if not wanted:
        return ""
    if figures is None:
        return ""
    if not figures and not optional.available():
        return (
            "\\section{Equilibrium regions}\n"
            "The region maps of this derivation are drawn with matplotlib, which "
            "is not installed (pip install \\texttt{symtrust[plot]}).\n"
        )
    out = []
    for figure in wanted:
        stem = figures.get(figure.name)
        if stem is None:
            continue
        caption = prose(getattr(figure, "caption", "") or figure.name)
        axes = _axes_words(figure)
        if axes:
            caption += f" {axes}"
        out.append(
            "\\begin{herefigure}\n"
            f"\\includegraphics[width=0.8\\textwidth]{{{stem}.pdf}}\n"
            f"\\caption{{{caption}}}\n\\end{{herefigure}}\n"
        )
    if not out:
        return ""
    return "\\section{Equilibrium regions}\n" + "".join(out)


def _axes_words(figure) -> str:
    """Which parameters vary and which are fixed, for a caption."""
    try:
        (x, *_), (y, *_) = figure.x, figure.y
    except (AttributeError, TypeError, ValueError):
        return ""
    fixed = getattr(figure, "fixed", {}) or {}
    shown = ", ".join(
        f"${tex(k)} = {tex(fixed_value(v, k))}$"
        for k, v in sorted(fixed.items(), key=lambda kv: str(kv[0]))
    )
    return f"(axes ${tex(x)}$ and ${tex(y)}$" + (f"; {shown})." if shown else ").")


def derivation_document(derivation, report=None, *, figures=None) -> str:
    """A complete LaTeX document of a derivation.

    Parameters
    ----------
    derivation : Derivation
        The model, its results and claims.
    report : DerivationReport, optional
        What :func:`symtrust.verify.derivation.verify_derivation` found; adds
        each result's numeric-twin verdict. Without it claims are proved here
        (proofs are cached) and checks are listed as not run.
    figures : mapping of str to str, optional
        Figure name to file stem (the PDF next to the document), as
        :func:`write_document` writes them; figures are left out without it.

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
    ctx, first_further = document_context(derivation, proofs)
    # stated once here; a claim repeats its source only where it differs
    ctx.source = derivation.source
    out = [_begin(derivation.title)]
    out.append(f"\\textbf{{Source.}} {prose(_cap(derivation.source))}.\n\n")
    if report is not None:
        verdict = (
            "Every result agrees with its numeric twin and no claim was refuted"
            if report.ok
            else ("FAILURES: " + ", ".join(report.failures))
        )
        out.append(f"\\textbf{{Verification.}} {prose(verdict)}.\n\n")
    if derivation.models or ctx.parameters:
        out.append("\\section{Model}\n")
        out.extend(
            model_section(m, ctx, title=title)
            for m, title in zip(
                derivation.models, _model_titles(derivation.models), strict=True
            )
        )
        out.append(parameters_section(ctx, first_further=first_further))
    if derivation.results:
        out.append("\\section{Results}\n")
        for name, result in derivation.results:
            out.append(result_block(name, result, ctx, checks.get(name)))
    out.append(_figures(derivation, figures))
    if proofs:
        out.append("\\section{Claims}\n")
        out.extend(claim_block(p, ctx) for p in proofs)
    if derivation.notes:
        out.append("\\section{Notes}\n\\begin{itemize}\n")
        out.extend(f"\\item {prose(n)}\n" for n in derivation.notes)
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
    ctx = DocContext()
    if isinstance(obj, Proof):
        ctx.add(obj.claim.assumptions)
        out.append(parameters_section(ctx).replace("\\subsection", "\\section*", 1))
        out.append(claim_block(obj, ctx))
    elif isinstance(obj, (Result, Solution)):
        for part in _parts(obj):
            ctx.add(getattr(part, "assumptions", None))
        out.append(parameters_section(ctx).replace("\\subsection", "\\section*", 1))
        out.append(result_block(_default_title(obj), obj, ctx))
    elif hasattr(obj, "display_rows"):
        ctx.add(getattr(obj, "assumptions", None))
        out.append(model_section(obj, ctx))
        out.append(parameters_section(ctx))
    else:
        out.append(f"\\[\n{tex(obj)}\n\\]\n")
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


def write_figures(derivation, directory) -> dict:
    """Draw a derivation's figures into ``directory`` as PDF and PNG.

    Returns the file stem of each figure by name. Without matplotlib nothing
    is drawn and the mapping is empty (the document then says so).

    Examples
    --------
    >>> import tempfile
    >>> from symtrust import Derivation
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_figures(Derivation(title="No figures", source="none"), tmp)
    {}
    """
    figures = getattr(derivation, "figures", ()) or ()
    if not figures or not optional.available():
        return {}
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stems = {}
    for figure in figures:
        stem = figure_stem(derivation, figure)
        figure.save(directory / stem)
        stems[figure.name] = stem
    return stems


def write_document(
    derivation, directory, report=None, *, name: str = "", figures=None
) -> Path:
    """Write a derivation's document to ``directory/<name>.tex``.

    The derivation's figures are drawn next to it first (PDF and PNG, see
    :func:`write_figures`) and included, unless ``figures`` is given.

    Parameters
    ----------
    derivation : Derivation
    directory : str or Path
        Created if missing.
    report : DerivationReport, optional
    name : str
        File stem; by default a slug of the derivation's title.
    figures : mapping of str to str, optional
        Figure name to file stem, for figures already written there (an
        empty mapping draws none).

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
    if figures is None:
        figures = write_figures(derivation, directory)
    path = directory / f"{slug(name or derivation.title)}.tex"
    path.write_text(
        derivation_document(derivation, report, figures=figures), encoding="utf-8"
    )
    return path
