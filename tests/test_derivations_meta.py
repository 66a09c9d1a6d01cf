"""Meta-test over derivations/: each module uses only the public API, says which
chapter it follows, defines derive(), and runs to a Derivation that verifies."""

import ast
from pathlib import Path

import pytest

import symtrust
from symtrust.cli import discover, load_derivation

ROOT = Path(__file__).resolve().parents[1]
MODULES = discover([ROOT / "derivations"])
PUBLIC = {"symtrust", "symtrust.catalog", "symtrust.errors", "symtrust.testing"}


def _ids(paths):
    return [p.stem for p in paths]


def test_there_are_derivations_for_the_book():
    stems = {p.stem for p in MODULES}
    assert any(s.startswith("ch1_") for s in stems), stems


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_derivation_imports_only_public_api(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] == "symtrust":
                assert node.module in PUBLIC, (
                    f"{path.name} imports from {node.module}; derivations use only "
                    f"the public API {sorted(PUBLIC)}"
                )
                if node.module == "symtrust":
                    for alias in node.names:
                        assert alias.name in symtrust.__all__, (
                            f"{path.name} imports {alias.name}, not in symtrust.__all__"
                        )
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "symtrust":
                    assert alias.name in PUBLIC, f"{path.name} imports {alias.name}"


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_derivation_docstring_names_its_chapter(path):
    doc = ast.get_docstring(ast.parse(path.read_text())) or ""
    assert "chapter" in doc.lower(), f"{path.name}: docstring must name its chapter"
    if not path.stem.startswith("ch1_"):
        assert "reconstruction" in doc.lower(), (
            f"{path.name}: later chapters are reconstructions and must say so"
        )


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_derivation_derives_results_and_claims(path):
    derivation = load_derivation(path)()
    assert isinstance(derivation, symtrust.Derivation)
    assert derivation.results, f"{path.name} derives nothing"
    assert derivation.claims, f"{path.name} states none of the book's claims"
