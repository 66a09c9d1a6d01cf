"""The ``symtrust`` command.

``symtrust derive PATH...`` runs every derivation module found (a module with a
``derive()`` function returning a :class:`~symtrust.verify.derivation.Derivation`;
in a folder, private helpers named with a leading underscore are skipped),
prints each result with its verification status and each claim with its proof
status, optionally writes LaTeX proof documents, and closes with
``k of n derivations verified``. Each module runs on its own, with its folder
on the import path (as when it runs as a script): a module that fails to
import, whose ``derive()`` raises or returns something else, or whose
verification raises, is one ``FAILED`` line naming the module and the error,
and the next module runs. The exit status is 1 if any module failed, any
numeric check failed or could not run ("not checked"), or any claim was
refuted; 2 on a usage error (a bad option, a ``--latex`` folder that cannot
be written, checked before any work); 130 on Ctrl-C, after one line and with
no partial file written.

``symtrust repl`` starts an interactive session with symtrust, the catalog and the
book's models (:mod:`symtrust.kydd`) loaded; ``--models DIR`` also imports the
user's derivation modules from DIR (nothing else outside the package runs).

Examples
--------
>>> _parser().parse_args(["derive", "derivations/", "--latex", "proofs"]).latex
'proofs'
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
import traceback
from pathlib import Path

from symtrust import __version__
from symtrust.errors import SymtrustError
from symtrust.repl import start_repl
from symtrust.runner import load_module, module_folder, run_derivation
from symtrust.verify.derivation import Derivation

__all__ = ["discover", "load_derivation", "main"]


def discover(paths) -> list[Path]:
    """The derivation modules under the given files and folders, sorted.

    In a folder, files whose names start with an underscore are private
    helpers (``_common.py``, imported by their siblings) and are skipped; a
    file named explicitly is always run.

    Examples
    --------
    >>> discover([])
    []
    """
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(
                p for p in sorted(path.glob("*.py")) if not p.name.startswith("_")
            )
        elif path.is_file() and path.suffix == ".py":
            found.append(path)
        else:
            raise SymtrustError(
                f"derivation path {str(path)!r} is neither a folder nor a .py file"
            )
    return found


class _ModuleFailedError(Exception):
    """One derivation module failed: the one line that says how."""


def _line_in(path: Path, exc: BaseException) -> str:
    """Where in the module the exception was raised, if it was raised there."""
    here = str(path.resolve())
    lines = [
        f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == here
    ]
    if isinstance(exc, SyntaxError) and exc.lineno:
        lines.append(exc.lineno)
    return f" (line {lines[-1]})" if lines else ""


def _failed(path: Path, stage: str, exc: BaseException) -> _ModuleFailedError:
    text = " ".join(str(exc).split()) or "(no message)"
    if len(text) > 300:
        text = text[:297] + "..."
    return _ModuleFailedError(
        f"{stage} raised {type(exc).__name__}{_line_in(path, exc)}: {text}"
    )


_NO_DERIVE = (
    "has no derive() function returning a Derivation (name a helper module "
    "with a leading underscore, _helpers.py, to have it skipped)"
)


def load_derivation(path: Path):
    """Import a derivation module from its file and return its ``derive`` function.

    The module's folder is on the import path while it is imported, as when
    the module runs as a script (so sibling imports work).

    Raises
    ------
    SymtrustError
        If the module defines no ``derive()``.

    Examples
    --------
    >>> from pathlib import Path
    >>> derive = load_derivation(Path("derivations/ch1_assurance_vs_pd.py"))
    >>> callable(derive)
    True
    """
    derive = getattr(load_module(path), "derive", None)
    if not callable(derive):
        raise SymtrustError(f"derivation module {str(path)!r} {_NO_DERIVE}")
    return derive


def _print(line: str = "") -> None:
    print(line, flush=True)


def _derivation_of(path: Path):
    """Import the module and run its ``derive()``: a Derivation or a failure."""
    try:
        derive = getattr(load_module(path), "derive", None)
    except (Exception, SystemExit) as exc:
        raise _failed(path, "importing it", exc) from exc
    if not callable(derive):
        raise _ModuleFailedError(f"the module {_NO_DERIVE}")
    try:
        with module_folder(path):
            derivation = derive()
    except (Exception, SystemExit) as exc:
        raise _failed(path, "derive()", exc) from exc
    if not isinstance(derivation, Derivation):
        raise _ModuleFailedError(
            f"derive() returned {type(derivation).__name__} {derivation!r:.80}, "
            "not a symtrust.Derivation"
        )
    return derivation


def _derive_one(path: Path, args, latex) -> bool:
    """Run one module in isolation; True when it verified."""
    started = time.perf_counter()
    try:
        derivation = _derivation_of(path)
        try:
            report = run_derivation(
                derivation,
                examples=args.examples,
                budget=args.budget,
                latex=latex,
                out=_print,
                started=started,
            )
        except (Exception, SystemExit) as exc:
            raise _failed(path, "verifying it", exc) from exc
    except _ModuleFailedError as exc:
        seconds = time.perf_counter() - started
        _print(f"   -> FAILED {path}: {exc} ({seconds:.1f} s)")
        return False
    return report.ok


def _output_folder(text: str | None) -> Path | None:
    """The --latex folder, checked before any work: a folder we can write in."""
    if text is None:
        return None
    path = Path(text)
    probe = path
    while not probe.exists():
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise SymtrustError(
            f"--latex {text!r}: {str(probe)!r} is a file, not a folder to write "
            "the proof documents in"
        )
    try:
        # made now and written to once, so that a folder we cannot use is
        # refused before any derivation runs
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise SymtrustError(
            f"--latex {text!r}: the folder {str(path)!r} cannot be written in "
            f"({exc.strerror or exc})"
        ) from None
    return path


def _derive(args) -> int:
    modules = discover(args.paths)
    if not modules:
        _print(f"no derivation modules found in {', '.join(args.paths)}")
        return 2
    latex = _output_folder(args.latex)
    failed = []
    for path in modules:
        _print(f"== {path}")
        if not _derive_one(path, args, latex):
            failed.append(path)
    _print()
    _print(
        f"{len(modules) - len(failed)} of {len(modules)} derivations verified"
        + (f"; failed: {', '.join(map(str, failed))}" if failed else "")
    )
    return 1 if failed else 0


def _seconds(text: str) -> float:
    """A positive, finite number of seconds (argparse reports the error)."""
    try:
        value = float(text)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a positive, finite number of seconds"
        )
    return value


def _repl(args) -> int:
    start_repl(models=args.models)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="symtrust",
        description="Derive and verify game-theoretic models of trust.",
    )
    parser.add_argument(
        "--version", action="version", version=f"symtrust {__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    derive = sub.add_parser(
        "derive", help="run derivation modules, verify them, write LaTeX proofs"
    )
    derive.add_argument("paths", nargs="+", help="derivation modules or folders")
    derive.add_argument(
        "--latex", metavar="DIR", help="write one LaTeX proof document per derivation"
    )
    derive.add_argument(
        "--examples",
        type=int,
        default=30,
        help="exact rational points per numeric check (default 30)",
    )
    derive.add_argument(
        "--budget",
        type=_seconds,
        default=10.0,
        metavar="SECONDS",
        help="seconds each claim's proof may take in total (default 10)",
    )
    derive.set_defaults(run=_derive)
    repl = sub.add_parser(
        "repl", help="interactive session with the book's models loaded"
    )
    repl.add_argument(
        "--models",
        metavar="DIR",
        help="also import your derivation modules from DIR, as models.<name> "
        "(no file outside the package runs unless named here)",
    )
    repl.set_defaults(run=_repl)
    return parser


def main(argv=None) -> int:
    """Entry point of the ``symtrust`` command.

    Examples
    --------
    >>> main(["derive", "no/such/folder"])
    Traceback (most recent call last):
    ...
    SystemExit: 2
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if getattr(args, "examples", 1) < 1:
        parser.error(f"--examples={args.examples} must be at least 1")
    try:
        return args.run(args)
    except SymtrustError as exc:
        print(f"symtrust: error: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    except KeyboardInterrupt:
        print("symtrust: interrupted", file=sys.stderr, flush=True)
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
