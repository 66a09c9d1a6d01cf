"""Checks of generated LaTeX shared by the render tests.

``python_text(tex)`` lists the Python operator text in a document's body:
what a reader of a paper must never see (``*``, ``**``, ``>=``, ``w.p.``,
an identifier escaped as text, a SymPy constructor name, ``$>$=``).
``compile_tex(path)`` runs pdflatex and fails with the log's errors.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

PDFLATEX = shutil.which("pdflatex")

# constructs that are LaTeX, not Python: x^{*}, starred sections
_ALLOWED = re.compile(r"\^\{\*\}|\\section\*|\\newtheorem\*|\\subsection\*")
_FORBIDDEN = (
    (re.compile(r"\*\*"), "a Python power **"),
    (re.compile(r"\*"), "a Python product *"),
    (re.compile(r">=|<=|!=|=="), "a Python relation"),
    (re.compile(r"w\.p\."), "'w.p.' for a probability"),
    (re.compile(r"\$[<>]\$="), "a relation split across math and text"),
    (re.compile(r"\\_"), "an identifier printed as text (escaped underscore)"),
    (
        re.compile(
            r"\b(Piecewise|sqrt|Eq|Ne|And|Or|Not|Implies|Interval|Min|Max|Tuple|"
            r"Symbol|Rational|Mul|Add|Pow|Abs)\("
        ),
        "a SymPy constructor",
    ),
    (re.compile(r"\\text\{(True|False)\}"), "a Python truth value"),
    (re.compile(r"\b(zoo|nan)\b"), "a SymPy special value"),
    (re.compile(r"\\\{'|'\\\}|': "), "a Python mapping"),
)


def body(tex: str) -> str:
    """The document's body (after ``\\begin{document}``)."""
    return tex.split("\\begin{document}", 1)[-1]


def python_text(tex: str) -> list[str]:
    """Each piece of Python operator text in the body, with its context."""
    text = _ALLOWED.sub("", body(tex))
    found = []
    for pattern, what in _FORBIDDEN:
        for m in pattern.finditer(text):
            lo, hi = max(0, m.start() - 40), m.end() + 40
            found.append(f"{what}: ...{text[lo:hi]}...")
    return found


def environments(tex: str, names=("proposition", "lemma", "claim")) -> list[str]:
    """The bodies of the theorem-like environments."""
    out = []
    for name in names:
        out += re.findall(
            rf"\\begin\{{{name}\}}(.*?)\\end\{{{name}\}}", tex, flags=re.DOTALL
        )
    return out


def compile_tex(path: Path) -> str:
    """Run pdflatex on a .tex file; fail with the log's error lines."""
    run = subprocess.run(
        [PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=180,
    )
    log = path.with_suffix(".log").read_text(errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert run.returncode == 0 and not errors, (path.name, errors, run.stdout[-2000:])
    assert path.with_suffix(".pdf").stat().st_size > 0
    return log


# wording a referee strikes: a tool's log, not mathematics in English
_STRUCK = (
    (re.compile(r"identical as built"), "'identical as built'"),
    (re.compile(r"\bpruned\b"), "a solver's log word ('pruned')"),
    (re.compile(r"\$z_\{3\}\$"), "z3 printed as mathematics"),
    (re.compile(r"\$=\$(True|False)|\b(True|False)\b"), "a Python truth value"),
    (re.compile(r"off_\{path\}|\w_\{[a-z]{4,}\}"), "an attribute's name"),
    (re.compile(r"\b1 (random )?exact (admissible )?points\b"), "'1 ... points'"),
    (re.compile(r"ch\. \$\d+ - \d+\$"), "a range printed as a subtraction"),
    (
        re.compile(r"\\begin\{figure\}"),
        "a floating figure (can leave its section empty)",
    ),
    (re.compile(r"Assume moreover"), "'moreover' with nothing before it"),
    (re.compile(r"\$w\$\.\$p\$\."), "'w.p.' set as mathematics"),
    (re.compile(r"[A-Za-z]@[A-Za-z]"), "a solver's node notation (investor@root)"),
    (re.compile(r"\\\]\n\s*[.;,]"), "punctuation alone after a display"),
)


def referee_text(tex: str) -> list[str]:
    """What a referee would strike in a document's body, with its context.

    Empty sections, a theorem-like statement starting in lower case, a
    tool's wording, the document's source repeated under a claim, and a
    proof's gap printed with a parameter's letter.
    """
    text = body(tex)
    found = []
    for pattern, what in _STRUCK:
        for m in pattern.finditer(text):
            lo, hi = max(0, m.start() - 60), m.end() + 60
            found.append(f"{what}: ...{text[lo:hi]}...")
    for m in re.finditer(
        r"\\section\*?\{([^}]*)\}\s*(?=\\section|\\end\{document\})", text
    ):
        found.append(f"an empty section: {m.group(1)}")
    starts = re.finditer(
        r"\\begin\{(proposition|lemma|claim)\}(\[[^\n]*\])?(\\label\{[^}]*\})?\n(\w)",
        text,
    )
    for m in starts:
        if m.group(4).islower():
            found.append(f"a statement in lower case: {text[m.start() : m.end() + 60]}")
    source = re.search(r"\\textbf\{Source\.\} (.*?)\.\n", text)
    if source:
        for m in re.finditer(r"\\emph\{Source:\} (.*?)\.\n", text):
            if source.group(1).lower().startswith(m.group(1).lower()):
                found.append(f"the document's source repeated: {m.group(1)}")
    params = re.search(r"The parameters and their domains:(.*?)\\\]", text, re.DOTALL)
    shown = params.group(1) if params else ""
    for m in re.finditer(r"write (.*?) with \$([^$]*) (>|\\geq) 0\$", text):
        for gap in m.group(2).split(", "):
            pattern = re.escape(gap.strip()) + r"(_\{[^}]*\})? \\in"
            if re.search(pattern, shown):
                found.append(f"a gap printed as a parameter: {gap} in {m.group(0)}")
    return found


def overfull(log: str, *, points: float = 0.0) -> list[str]:
    """The Overfull \\hbox warnings of a pdflatex log wider than ``points``."""
    out = []
    for m in re.finditer(r"Overfull \\hbox \(([\d.]+)pt too wide\)[^\n]*", log):
        if float(m.group(1)) > points:
            out.append(m.group(0))
    return out
