"""The package's layers: downward imports only, no cycles, no hidden imports.

The layers contract itself lives in ``pyproject.toml`` (import-linter), run
by ``.ci/run``; these tests check the same properties from the import graph,
so that a broken layering fails the suite too.
"""

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "symtrust"


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        yield path, ast.parse(path.read_text(), filename=str(path))


def test_no_symtrust_import_inside_a_function():
    hidden = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for inner in ast.walk(node):
                names = []
                if isinstance(inner, ast.ImportFrom) and inner.module:
                    names = [inner.module]
                elif isinstance(inner, ast.Import):
                    names = [a.name for a in inner.names]
                if any(n == "symtrust" or n.startswith("symtrust.") for n in names):
                    hidden.append(f"{path.relative_to(PACKAGE.parent)}:{inner.lineno}")
    assert hidden == []


def _strongly_connected(graph, modules):
    """Tarjan's algorithm over the module graph; components of size > 1."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if w not in modules:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for m in sorted(modules):
        if m not in index:
            visit(m)
    return out


def test_no_import_cycle_between_modules():
    graph = grimp.build_graph("symtrust", cache_dir=None)
    assert _strongly_connected(graph, set(graph.modules)) == []


def test_the_cycle_finder_finds_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

    class Toy:
        def find_modules_directly_imported_by(self, m):
            return edges[m]

    assert _strongly_connected(Toy(), set(edges)) == [["a", "b", "c"]]


def test_layers_contract_is_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.fail("lint-imports is missing: install the test extras")
    run = subprocess.run(
        [str(lint), "--no-cache", "--no-logo"],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
