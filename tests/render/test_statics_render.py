"""Comparative statics print as sentences and become independently proved claims."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import sympy
from hypothesis import assume, given
from hypothesis import strategies as st

from symtrust import document as latex
from symtrust import interval, positive
from symtrust.logic.statics import comparative_statics
from symtrust.testing import Tally
from symtrust.verify.claims import statics_claim

c, w = positive("c w")
t_good = interval("t_T", 0, 1, right_open=True)
MU = (c - w) / (1 - t_good + c - w)


def test_threshold_statics_read_as_sentences():
    text = str(comparative_statics(MU, w, [c > w]))
    assert text.splitlines()[0].startswith("d/dw of ")
    assert "decreasing in w (the derivative is negative" in text
    tex = sympy.latex(comparative_statics(MU, c, [c > w]))
    assert r"\frac{\partial}{\partial c}" in tex
    assert r"\text{increasing in c" in tex


def test_regions_are_listed_when_the_sign_depends():
    x = positive("x")
    text = str(comparative_statics(x**2 - 2 * x, x))
    assert "increasing in x where x > 1" in text
    assert "decreasing in x where x < 1" in text
    text2 = str(comparative_statics(x**3 - x, x, order=2))
    assert text2.startswith("d^2/dx^2 of") and "convex in x" in text2


coefficient = st.integers(min_value=-3, max_value=3)


def test_statics_claims_are_proved_by_the_claim_prover():
    # an undecided sign claims nothing and is discarded, but most signs of
    # these cubics are decided: a prover that always answered "undecided"
    # fails the floor
    tally = Tally(floor=0.8, what="signs decided")

    @given(coefficient, coefficient, coefficient)
    def run(a, b, k):
        x = positive("x")
        quantity = a * x**3 + b * x**2 + k * x + c
        assume(x in quantity.free_symbols)
        cs = comparative_statics(quantity, x)
        tally.decided(cs.sign != "undecided")
        proof = statics_claim(cs).prove(budget=10.0, examples=5)
        assert proof.truth is True, (quantity, cs.sign, proof.reason)

    run()
    tally.check()


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex not on PATH")
def test_statics_document_compiles(tmp_path):
    path = tmp_path / "statics.tex"
    path.write_text(latex(comparative_statics(MU, t_good, [c > w])), encoding="utf-8")
    run = subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", path.name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-2000:]
