"""The ``symtrust`` command.

``symtrust derive PATH...`` runs every derivation module found (a module with a
``derive()`` function returning a :class:`~symtrust.verify.derivation.Derivation`),
prints each result with its verification status and each claim with its proof
status, optionally writes LaTeX proof documents, and exits non-zero if any
numeric check fails or any claim is refuted.

``symtrust repl`` starts an interactive session with symtrust, the catalog and the
book's models loaded.

Examples
--------
>>> _parser().parse_args(["derive", "derivations/", "--latex", "proofs"]).latex
'proofs'
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import sys
from pathlib import Path

from symtrust import __version__
from symtrust.errors import SymtrustError
from symtrust.repl import start_repl
from symtrust.runner import run_derivation

__all__ = ["discover", "load_derivation", "main"]


def discover(paths) -> list[Path]:
    """The derivation modules under the given files and folders, sorted.

    Files whose names start with an underscore are skipped.

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


def load_derivation(path: Path):
    """Import a derivation module from its file and return its ``derive`` function.

    Raises
    ------
    SymtrustError
        If the module defines no ``derive()``.
    """
    name = f"symtrust_derivation_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SymtrustError(f"cannot import derivation module {str(path)!r}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    derive = getattr(module, "derive", None)
    if not callable(derive):
        raise SymtrustError(
            f"derivation module {str(path)!r} has no derive() function returning a "
            "Derivation"
        )
    return derive


def _print(line: str = "") -> None:
    print(line, flush=True)


def _derive(args) -> int:
    modules = discover(args.paths)
    if not modules:
        _print(f"no derivation modules found in {', '.join(args.paths)}")
        return 2
    failed = []
    for path in modules:
        _print(f"== {path}")
        report = run_derivation(
            load_derivation(path)(),
            examples=args.examples,
            budget=args.budget,
            latex=args.latex,
            out=_print,
        )
        if not report.ok:
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
    start_repl()
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
    repl = sub.add_parser("repl", help="interactive session with the models loaded")
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


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
