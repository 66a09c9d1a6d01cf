"""Each derivation's proof document compiles with pdflatex (-halt-on-error).

Skipped, with the reason, when pdflatex is not on PATH.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from symtrust.render.document import write_document
from symtrust.results import DerivationReport

PDFLATEX = shutil.which("pdflatex")
pytestmark = pytest.mark.skipif(
    PDFLATEX is None,
    reason="pdflatex is not on PATH (apt-get install texlive-latex-base "
    "texlive-latex-recommended)",
)
ROOT = Path(__file__).resolve().parents[2]


def compile_tex(path: Path) -> None:
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


DERIVATIONS = sorted(
    p for p in (ROOT / "derivations").glob("*.py") if not p.name.startswith("_")
)


@pytest.mark.parametrize("path", DERIVATIONS, ids=[p.stem for p in DERIVATIONS])
def test_derivation_documents_compile(path, tmp_path):
    from symtrust.cli import load_derivation

    derivation = load_derivation(path)()
    # proofs without random evidence; numeric checks are the CLI's business
    proofs = tuple(c.prove(budget=10.0, examples=0) for c in derivation.claims)
    report = DerivationReport(derivation, proofs=proofs)
    written = write_document(derivation, tmp_path, report=report)
    compile_tex(written)
