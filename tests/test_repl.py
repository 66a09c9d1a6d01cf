"""The interactive session: namespace, banner, a scripted session."""

from __future__ import annotations

from pathlib import Path

import pytest

import symtrust
import symtrust.kydd as kydd
from symtrust.cli import main
from symtrust.errors import SymtrustError
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


def test_namespace_holds_symtrust_catalog_and_the_books_models():
    ns = namespace()
    for name in symtrust.__all__:
        assert ns[name] is getattr(symtrust, name)
    for name in kydd.__all__:
        assert ns[name] is getattr(kydd, name)
    assert ns["kydd"] is kydd
    assert callable(ns["stag_hunt"]) and ns["sympy"].__name__ == "sympy"
    assert vars(ns["models"]) == {}  # no user folder unless named


def test_user_models_are_loaded_only_when_named():
    ns = namespace(models=ROOT / "derivations")
    stems = {p.stem for p in (ROOT / "derivations").glob("[!_]*.py")}
    assert stems and stems <= set(vars(ns["models"]))
    for stem in stems:
        assert callable(getattr(ns["models"], stem).derive)


def test_a_derivations_folder_in_the_working_directory_is_not_run(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "derivations").mkdir()
    marker = tmp_path / "ran"
    (tmp_path / "derivations" / "trap.py").write_text(
        f"open({str(marker)!r}, 'w').close()\n"
    )
    monkeypatch.chdir(tmp_path)
    ns = start_repl(readfunc=_script([]), banner_text="")
    assert not marker.exists()
    assert vars(ns["models"]) == {}


def test_repl_command_passes_only_the_named_folder(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr("symtrust.cli.start_repl", lambda **kw: seen.append(kw))
    assert main(["repl"]) == 0
    assert main(["repl", "--models", str(tmp_path)]) == 0
    assert seen == [{"models": None}, {"models": str(tmp_path)}]


def test_models_folder_with_siblings_and_a_broken_module(tmp_path, capsys):
    (tmp_path / "_shared.py").write_text("K = 7\n")
    (tmp_path / "mine.py").write_text(
        "from _shared import K\n\ndef derive():\n    return K\n"
    )
    (tmp_path / "broken.py").write_text("raise RuntimeError('boom')\n")
    ns = namespace(models=tmp_path)
    assert set(vars(ns["models"])) == {"mine"}
    assert ns["models"].mine.derive() == 7
    assert "(could not load broken.py: boom)" in capsys.readouterr().err


def test_models_must_be_a_folder(tmp_path):
    with pytest.raises(SymtrustError, match="is not a folder"):
        namespace(models=tmp_path / "nowhere")
    with pytest.raises(SystemExit) as exc:
        main(["repl", "--models", str(tmp_path / "nowhere")])
    assert exc.value.code == 2


def test_banner_shows_a_comparative_statics_query_that_runs(capsys):
    text = banner()
    assert "comparative statics" in text.lower() or "comparative_statics" in text
    queries = [
        line.strip()[4:].split("  #")[0]
        for line in text.splitlines()
        if line.strip().startswith(">>> ")
    ]
    assert len(queries) >= 3
    ns = start_repl(readfunc=_script(queries), banner_text="")
    out = capsys.readouterr()
    assert "Traceback" not in out.err, out.err
    assert "status: proved" in out.out
    assert "\\documentclass" in out.out
    assert "mu" in ns


def test_scripted_session_shows_values_as_text(capsys):
    start_repl(
        readfunc=_script(["p = probability('p')", "prove(p**2 > p)", "1 + 1"]),
        banner_text="",
    )
    out = capsys.readouterr().out
    assert "status: refuted" in out and "counterexample: {p: 0}" in out
    assert "2" in out.splitlines()[-1]
