"""Running a derivation: print its results, verify them, write its proof.

This is what ``symtrust derive`` does for each module, and what a derivation
module runs as a script (``python derivations/ch1_....py``). It sits above
the renderers and the verifier, which it drives.

Examples
--------
>>> callable(run_derivation)
True
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from symtrust.errors import SymtrustError
from symtrust.render.document import write_document
from symtrust.render.oneline import result_line
from symtrust.verify.derivation import Derivation, DerivationReport, verify_derivation

__all__ = ["load_module", "module_folder", "run_derivation"]


def run_derivation(
    derivation: Derivation,
    *,
    examples: int = 30,
    budget: float | None = 10.0,
    latex=None,
    out=None,
    started: float | None = None,
) -> DerivationReport:
    """Print a derivation's results, verify them, and optionally write LaTeX.

    This is what ``symtrust derive`` does for each module, and what a
    derivation module runs as a script (``python derivations/ch1_....py``).

    Parameters
    ----------
    derivation : Derivation
        What ``derive()`` returned.
    examples, budget
        As in :func:`verify_derivation`.
    latex : str or Path, optional
        A folder to write the LaTeX proof document into. The document and its
        figures are written to a scratch folder beside them first and moved
        into place when complete (the document last), so an interrupted run
        leaves no partial file.
    out : callable, optional
        Receives each line of output (default: print, flushed).
    started : float, optional
        The :func:`time.perf_counter` reading when work on this derivation
        began (before its module was imported and ``derive()`` ran); the
        status line's time counts from there. Default: now.

    Returns
    -------
    DerivationReport

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> from symtrust import pure_nash
    >>> d = Derivation(title="Toy", source="none",
    ...                results=(("equilibria", pure_nash(stag_hunt())),))
    >>> run_derivation(d, examples=3).ok
       Toy (none)
       equilibria: 2 pure-strategy Nash equilibria -- mutual cooperation (C, C) (always); mutual defection (D, D) (always)
      [checked on 3 points] equilibria
       -> ok (... s)
    True
    """
    start = time.perf_counter() if started is None else started
    say = out or (lambda line="": print(line, flush=True))
    say(f"   {derivation.title} ({derivation.source.splitlines()[0]})")
    for name, result in derivation.results:
        say(f"   {result_line(name, result)}")
    report = verify_derivation(
        derivation, examples=examples, budget=budget, progress=say
    )
    if latex:
        say(f"   wrote {_write_whole(derivation, Path(latex), report)}")
    status = "ok" if report.ok else "FAILED: " + ", ".join(report.failures)
    say(f"   -> {status} ({time.perf_counter() - start:.1f} s)")
    return report


def _write_whole(derivation, folder: Path, report) -> Path:
    """Write the document into ``folder`` all at once, or not at all."""
    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".symtrust-", dir=folder))
    try:
        written = write_document(derivation, scratch, report=report)
        # figures first, the document (which includes them) last
        for part in sorted(scratch.iterdir(), key=lambda f: f == written):
            os.replace(part, folder / part.name)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return folder / written.name


@contextlib.contextmanager
def module_folder(path):
    """The module's folder on the import path, as when it runs as a script.

    Modules its siblings import (``from _common import K``) are forgotten
    afterwards, so each derivation module runs on its own.

    Examples
    --------
    >>> from pathlib import Path
    >>> with module_folder(Path("derivations/ch1_assurance_vs_pd.py")):
    ...     sys.path[0].endswith("derivations")
    True
    """
    folder = str(Path(path).resolve().parent)
    before = set(sys.modules)
    sys.path.insert(0, folder)
    try:
        yield
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(folder)
        for name in set(sys.modules) - before:
            where = getattr(sys.modules[name], "__file__", None) or ""
            if where.startswith(folder + os.sep):
                del sys.modules[name]


def load_module(path, *, prefix: str = "symtrust_derivation_"):
    """Import a module from its file, its folder on the import path.

    The module is registered in ``sys.modules`` as ``prefix + stem`` (and
    removed again if importing it fails), so that its classes pickle and its
    dataclasses resolve.

    Examples
    --------
    >>> from pathlib import Path
    >>> load_module(Path("derivations/ch1_assurance_vs_pd.py")).__name__
    'symtrust_derivation_ch1_assurance_vs_pd'
    """
    path = Path(path)
    name = f"{prefix}{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SymtrustError(f"cannot import the module {str(path)!r}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        with module_folder(path):
            spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module
