"""docs/architecture.md and the layout on disk agree.

Every package folder under ``symtrust/`` (a folder with an ``__init__.py``)
is named in the document as ``symtrust/<path>/``, and every folder the
document names that way exists; the same for the top-level modules of the
layers. The README links to the document, and its Layout section names every
top-level package folder.
"""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "architecture.md").read_text()
README = (ROOT / "README.md").read_text()


def _package_folders() -> set:
    return {
        p.parent.relative_to(ROOT).as_posix()
        for p in (ROOT / "symtrust").rglob("__init__.py")
        if "__pycache__" not in p.parts and p.parent != ROOT / "symtrust"
    }


def _named_folders(text) -> set:
    return set(re.findall(r"`(symtrust(?:/[A-Za-z0-9_]+)+)/`", text))


def test_every_package_folder_is_described():
    missing = sorted(_package_folders() - _named_folders(DOC))
    assert missing == [], f"add these folders to docs/architecture.md: {missing}"


def test_every_described_folder_exists():
    stale = sorted(f for f in _named_folders(DOC) if not (ROOT / f).is_dir())
    assert stale == [], f"docs/architecture.md names folders that do not exist: {stale}"


def test_every_top_level_module_is_described_and_exists():
    on_disk = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "symtrust").glob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    }
    named = set(re.findall(r"`(symtrust/[A-Za-z0-9_]+\.py)`", DOC))
    named.discard("symtrust/__init__.py")
    assert sorted(on_disk - named) == []
    assert sorted(named - on_disk) == []


def test_the_layers_listed_are_the_contracts_layers():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    contract = next(c["layers"] for c in contracts if c["type"] == "layers")
    # the document's layer table, bottom first: the first column's `name`
    table = DOC.split("## Layers", 1)[1].split("###", 1)[0]
    described = re.findall(r"^\| `([a-z_]+)`", table, flags=re.M)
    described += re.findall(r"`(__main__)`", table)
    assert list(reversed(contract)) == described


def test_the_readme_links_the_document_and_lists_the_top_level_folders():
    assert "docs/architecture.md" in README
    layout = README.split("## Layout", 1)[1]
    top = {f for f in _package_folders() if f.count("/") == 1}
    assert sorted(f for f in top if f"`{f}/`" not in layout) == []
    assert sorted(f for f in _named_folders(layout) if not (ROOT / f).is_dir()) == []
