"""The interactive session: namespace, banner, a scripted session."""

from __future__ import annotations

from pathlib import Path

import symtrust
from symtrust.repl import banner, namespace, start_repl

ROOT = Path(__file__).resolve().parents[1]


def _script(lines):
    feed = iter(lines)

    def read(prompt):
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    return read


def test_namespace_holds_symtrust_catalog_and_models():
    ns = namespace(derivations=ROOT / "derivations")
    for name in symtrust.__all__:
        assert ns[name] is getattr(symtrust, name)
    assert callable(ns["stag_hunt"]) and ns["sympy"].__name__ == "sympy"
    stems = {p.stem for p in (ROOT / "derivations").glob("[!_]*.py")}
    assert stems and stems <= set(vars(ns["models"]))
    for stem in stems:
        assert callable(getattr(ns["models"], stem).derive)


def test_banner_shows_a_comparative_statics_query_that_runs(capsys):
    text = banner()
    assert "comparative statics" in text.lower() or "comparative_statics" in text
    queries = [
        line.strip()[4:].split("  #")[0]
        for line in text.splitlines()
        if line.strip().startswith(">>> ")
    ]
    assert len(queries) >= 3
    ns = start_repl(derivations=None, readfunc=_script(queries), banner_text="")
    out = capsys.readouterr()
    assert "Traceback" not in out.err, out.err
    assert "status: proved" in out.out
    assert "\\documentclass" in out.out
    assert "mu" in ns


def test_scripted_session_shows_values_as_text(capsys):
    start_repl(
        derivations=None,
        readfunc=_script(["p = probability('p')", "prove(p**2 > p)", "1 + 1"]),
        banner_text="",
    )
    out = capsys.readouterr().out
    assert "status: refuted" in out and "counterexample: {p: 0}" in out
    assert "2" in out.splitlines()[-1]
