"""Meta-test over derivations/: each module uses only the public API, says which
chapter it follows, defines derive(), and runs to a Derivation that verifies:
every result agrees with its numeric twin at exact points (a few per result;
`symtrust derive` runs more) and every claim is proved."""

import ast
import importlib
from pathlib import Path

import pytest

import symtrust
from symtrust import check
from symtrust.cli import discover
from symtrust.results import Result, Solution

ROOT = Path(__file__).resolve().parents[1]
MODULES = discover([ROOT / "derivations"])


def _ids(paths):
    return [p.stem for p in paths]


def test_there_are_derivations_for_the_book():
    stems = {p.stem for p in MODULES}
    assert any(s.startswith("ch1_") for s in stems), stems


def _public(module: str) -> bool:
    """A symtrust module is public when no part of its path is private."""
    parts = module.split(".")
    return parts[0] == "symtrust" and not any(p.startswith("_") for p in parts)


def test_public_module_rule():
    assert _public("symtrust.kydd.arming.model")
    assert not _public("symtrust.games.signaling._assembly")
    assert not _public("sympy")


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_derivation_imports_only_public_api(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] == "symtrust":
                assert _public(node.module), (
                    f"{path.name} imports from the private module {node.module}"
                )
                module = importlib.import_module(node.module)
                for alias in node.names:
                    assert not alias.name.startswith("_"), (
                        f"{path.name} imports the private name {alias.name}"
                    )
                    assert hasattr(module, alias.name), (
                        f"{path.name}: {node.module} has no {alias.name}"
                    )
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "symtrust":
                    assert _public(alias.name), f"{path.name} imports {alias.name}"


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_derivation_docstring_names_its_chapter(path):
    doc = ast.get_docstring(ast.parse(path.read_text())) or ""
    assert "chapter" in doc.lower(), f"{path.name}: docstring must name its chapter"
    if not path.stem.startswith("ch1_"):
        assert "reconstruction" in doc.lower(), (
            f"{path.name}: later chapters are reconstructions and must say so"
        )


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_derivation_derives_results_and_claims(path, derivation):
    # the session's derivation (tests/conftest.py), shared with tests/derivations/
    derivation = derivation(path.stem)
    assert isinstance(derivation, symtrust.Derivation)
    assert derivation.results, f"{path.name} derives nothing"
    assert derivation.claims, f"{path.name} states none of the book's claims"
    for name, result in derivation.results:
        assert isinstance(result, (Result, Solution)), (
            f"{path.name}: {name} is a {type(result).__name__}, not a Result"
        )
        if isinstance(result, Solution):
            assert len(result), f"{path.name}: {name} is an empty solution"


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_every_result_agrees_with_its_twin(path, derivation):
    derivation = derivation(path.stem)
    points = 0
    for name, result in derivation.results:
        rep = check(result, max_examples=3)
        # "not checked" (no twin, no admissible point) is a failure too
        assert rep.passed is True, f"{path.name}: {name}: {rep}"
        assert rep.examples > 0
        points += rep.examples
    assert points >= len(derivation.results)


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_every_claim_is_proved(path, derivation):
    derivation = derivation(path.stem)
    for claim in derivation.claims:
        proof = claim.prove(budget=10.0, examples=0)
        assert proof.truth is True, (
            f"{path.name}: claim {claim.name} is {proof.status}: {proof.reason}"
        )
