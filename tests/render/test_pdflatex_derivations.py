"""Each derivation's proof document: paper-ready, with its region maps.

For every module in ``derivations/`` the document written by
``symtrust derive --latex`` (``write_document``, figures included) must

* hold no Python operator text (``*``, ``**``, ``>=``, ``w.p.``, ...);
* state the assumptions once: no proposition repeats the list;
* include its region maps, drawn as PDF and PNG next to it;
* hold nothing a referee strikes (``texcheck.referee_text``: empty
  sections, the source repeated, a tool's wording, a gap printed with a
  parameter's letter, a statement in lower case);
* compile with pdflatex (skipped, with the reason, when it is not on PATH),
  with no line wider than the page by more than a few points.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from texcheck import (
    PDFLATEX,
    compile_tex,
    environments,
    overfull,
    python_text,
    referee_text,
)

from symtrust.cli import load_derivation
from symtrust.render.canonical import canonical, tex
from symtrust.render.document import document_context, write_document
from symtrust.results import DerivationReport

pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[2]
DERIVATIONS = sorted(
    p for p in (ROOT / "derivations").glob("*.py") if not p.name.startswith("_")
)


@pytest.fixture(scope="module", params=DERIVATIONS, ids=[p.stem for p in DERIVATIONS])
def written(request, tmp_path_factory):
    """(derivation, proofs, path of its .tex) for each derivation module."""
    derivation = load_derivation(request.param)()
    # proofs without random evidence; numeric checks are the CLI's business
    proofs = tuple(c.prove(budget=10.0, examples=0) for c in derivation.claims)
    report = DerivationReport(derivation, proofs=proofs)
    out = tmp_path_factory.mktemp(request.param.stem)
    return derivation, proofs, write_document(derivation, out, report=report)


def test_no_python_operator_text(written):
    _, _, path = written
    assert python_text(path.read_text(encoding="utf-8")) == []


def test_nothing_a_referee_strikes(written):
    _, _, path = written
    assert referee_text(path.read_text(encoding="utf-8")) == []


def test_assumptions_are_stated_once_not_per_proposition(written):
    derivation, proofs, path = written
    text = path.read_text(encoding="utf-8")
    ctx, from_games = document_context(derivation, list(proofs))
    # the games' assumptions (those after are results' conditions that
    # claims take as premises, and are stated where they hold)
    formulas = [
        tex(canonical(a.condition, focus="auto")) for a in ctx.stated[:from_games]
    ]
    assert "Whenever" not in text
    for env in environments(text):
        repeated = [f for f in formulas if len(f) > 3 and f in env]
        # a statement may mention an assumption; it never lists them
        assert len(repeated) <= 2, (env[:300], repeated)
        # nor the parameters' domains
        assert env.count(r"\in") <= 3, env[:300]
    # each assumption is labelled once, in the Model section
    for a in ctx.stated:
        assert text.count(f"(\\textup{{{a.label}}})") == 1


def test_region_maps_are_drawn_and_included(written):
    derivation, _, path = written
    assert derivation.figures, "every derivation draws its region maps"
    included = re.findall(r"\\includegraphics\[[^]]*\]\{([^}]*)\}", path.read_text())
    assert len(included) == len(derivation.figures)
    for name in included:
        pdf = path.parent / name
        assert pdf.stat().st_size > 0
        assert pdf.with_suffix(".png").stat().st_size > 0


@pytest.mark.skipif(PDFLATEX is None, reason="pdflatex is not on PATH")
def test_document_compiles(written):
    log = compile_tex(written[2])
    # a line past the margin by more than this is visible on the page
    assert overfull(log, points=_OVERFULL_POINTS) == []


_OVERFULL_POINTS = 5.0
