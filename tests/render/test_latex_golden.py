"""Golden LaTeX documents: rendering is compared with reviewed files.

The files in tests/render/golden/ were generated once by this module and read
by a person (and compiled with pdflatex, see test_pdflatex.py). After an
intended change to the layout, regenerate them and review the diff:

    python tests/render/test_latex_golden.py --regenerate
    git diff tests/render/golden/

Cases avoid random evidence (proofs with ``examples=0``) so that the files
depend only on the renderer, the prover's steps and z3's (deterministic)
counterexamples.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest
import sympy

from symtrust import (
    Claim,
    Derivation,
    decreasing,
    interval,
    nonnegative,
    positive,
    probability,
)
from symtrust import (
    document as latex,
)
from symtrust.catalog import prisoners_dilemma, stag_hunt
from symtrust.core.result import Result, Step
from symtrust.render.document import derivation_document as document
from symtrust.results import DerivationReport

GOLDEN = Path(__file__).parent / "golden"


def _threshold_parts():
    c, w = positive("c w")
    t_T = interval("t_T", 0, 1, right_open=True)
    return c, w, t_T, (c - w) / (1 - t_T + c - w)


def case_parameter_names() -> str:
    t_hat, pi_h, c_i, k_theta = sympy.symbols("t_hat pi_h c_i k_theta")
    return latex(
        sympy.Eq(t_hat, (c_i - pi_h) / (1 + k_theta), evaluate=False),
        title="Parameter names",
    )


def case_proved_claim() -> str:
    c, w, _, mu = _threshold_parts()
    claim = decreasing(mu, w, [c > w], name="threshold falls in w")
    return latex(claim.prove(examples=0))


def case_refuted_claim() -> str:
    p = probability("p")
    claim = Claim(p**2 > p, name="x^2 > x on [0, 1]", description="Not so at 0")
    return latex(claim.prove(examples=0))


def case_undecided_claim() -> str:
    x = positive("x")
    return latex(Claim(sympy.exp(x) > x, name="exp beats x").prove(examples=0))


def case_derivation() -> str:
    c, w, _, mu = _threshold_parts()
    a, b = nonnegative("a b")
    threshold = Result(
        kind="minimum trust threshold",
        value=mu,
        condition=c > w,
        steps=(
            Step("EU(C) - EU(D)", mu, "hand-built for this layout test"),
            Step("note", None, "a step without an expression"),
        ),
    )
    derivation = Derivation(
        title="Layout test: models, results & claims",
        source="Kydd (2005), ch. 2 (reconstruction); text with % & _ # ~ ^ \u2265",
        models=(stag_hunt(), prisoners_dilemma()),
        results=(("threshold", threshold),),
        claims=(
            Claim((a + b) / 2 >= sympy.sqrt(a * b), name="AM-GM"),
            decreasing(mu, w, [c > w], name="threshold falls in w"),
            Claim(c - w > 1, [c > w], name="a false claim"),
        ),
        notes=("Proofs are cached; evidence is drawn with a fixed seed.",),
    )
    # a report whose proofs carry no random evidence, so the file is stable
    report = DerivationReport(
        derivation, proofs=tuple(c.prove(examples=0) for c in derivation.claims)
    )
    return document(derivation, report)


CASES = {
    "parameter_names": case_parameter_names,
    "proved_claim": case_proved_claim,
    "refuted_claim": case_refuted_claim,
    "undecided_claim": case_undecided_claim,
    "derivation": case_derivation,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_matches_golden_file(name):
    expected = (GOLDEN / f"{name}.tex").read_text(encoding="utf-8")
    actual = CASES[name]()
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                "golden",
                "now",
            )
        )
        pytest.fail(
            f"{name}.tex differs from the golden file; if intended, regenerate "
            f"(see this module's docstring):\n{diff}"
        )


def test_golden_files_are_complete_documents():
    for name in CASES:
        text = (GOLDEN / f"{name}.tex").read_text(encoding="utf-8")
        assert text.startswith("\\documentclass")
        assert text.rstrip().endswith("\\end{document}")


def regenerate() -> None:
    """Write every case's document to tests/render/golden/."""
    GOLDEN.mkdir(exist_ok=True)
    for name, make in CASES.items():
        (GOLDEN / f"{name}.tex").write_text(make(), encoding="utf-8")
        print(f"wrote {GOLDEN / name}.tex")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit("usage: python tests/render/test_latex_golden.py --regenerate")
    regenerate()
