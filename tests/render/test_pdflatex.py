"""Documents compile: pdflatex -interaction=nonstopmode -halt-on-error.

Compiles the golden documents and a document of every model in the catalog
(test_pdflatex_derivations.py compiles each derivation's document). Skipped, with the reason, when pdflatex is not on PATH; CI installs
it (texlive-latex-base and texlive-latex-recommended).
"""

from __future__ import annotations

import inspect
import shutil
import subprocess
from pathlib import Path

import pytest
import sympy

import symtrust.catalog as catalog
from symtrust import Claim, positive, probability, trust_game
from symtrust import document as latex

PDFLATEX = shutil.which("pdflatex")
pytestmark = pytest.mark.skipif(
    PDFLATEX is None,
    reason="pdflatex is not on PATH (apt-get install texlive-latex-base "
    "texlive-latex-recommended)",
)
GOLDEN = Path(__file__).parent / "golden"


def compile_tex(path: Path) -> str:
    """Run pdflatex on a .tex file; fail with the log's error lines."""
    run = subprocess.run(
        [PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", path.name],
        cwd=path.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    log = path.with_suffix(".log").read_text(errors="replace")
    errors = [line for line in log.splitlines() if line.startswith("!")]
    assert run.returncode == 0 and not errors, (path.name, errors, run.stdout[-2000:])
    assert path.with_suffix(".pdf").stat().st_size > 0
    return log


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.tex")))
def test_golden_documents_compile(name, tmp_path):
    target = tmp_path / f"{name}.tex"
    shutil.copy(GOLDEN / f"{name}.tex", target)
    log = compile_tex(target)
    # no bitmap fonts: every glyph comes from the standard Type 1 fonts
    assert "mktexpk" not in log


def test_catalog_games_and_awkward_text_compile(tmp_path):
    c, w = positive("c w")
    p = probability("p_hat")
    claim = Claim(
        sympy.And(p**2 <= p, c + w > w),
        name="50% & more_than {x} ~ ^ \\ \u2264 \u03c0 \u2014 caf\u00e9 \u00bd",
        description="Text with every LaTeX special character: # $ % & _ { } ~ ^ \\",
    )
    documents = {"claim": latex(claim)}
    for name in catalog.__all__:
        make = getattr(catalog, name)
        required = [
            q
            for q in inspect.signature(make).parameters.values()
            if q.default is q.empty and q.kind is not q.VAR_POSITIONAL
        ]
        if not required:
            documents[name] = latex(make())
    documents["trust_game"] = latex(trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], p))
    assert len(documents) >= 5
    for name, text in documents.items():
        path = tmp_path / f"{name}.tex"
        path.write_text(text, encoding="utf-8")
        compile_tex(path)
