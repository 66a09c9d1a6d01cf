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
