"""An interactive session with symtrust, the catalog and the book's models.

``symtrust repl`` calls :func:`start_repl`: a standard Python console
(:class:`code.InteractiveConsole`) whose namespace holds every public symtrust
name, ``sympy``, the catalog's games, and the book's derivation modules
(``models.ch1_assurance_vs_pd.derive()``). Values print as text through the
SymPy printer protocol (a proof shows its status and steps, not a dataclass
repr); ``document(obj)`` gives a complete LaTeX document of any of them, ``latex(obj)`` a fragment.

The banner shows a worked comparative-statics query on the Security Dilemma
threshold of Kydd (2005), ch. 2, ``mu = (c - w) / (1 - t_T + c - w)``, whose
symbols are predefined.

Examples
--------
>>> ns = namespace(derivations=None)
>>> sorted(k for k in ("prove", "sympy", "stag_hunt", "mu") if k in ns)
['mu', 'prove', 'stag_hunt', 'sympy']
>>> print(ns["decreasing"](ns["mu"], ns["w"], [ns["c"] > ns["w"]]).prove().status)
proved
"""

from __future__ import annotations

import builtins
import code
import importlib
import sys
import types
from collections.abc import Callable
from pathlib import Path

import sympy

import symtrust
import symtrust.catalog as catalog
from symtrust.core.printing import Printable
from symtrust.logic.statics import comparative_statics

__all__ = ["banner", "namespace", "start_repl"]

_EXAMPLE = """\
Example (Kydd 2005, ch. 2: the minimum trust threshold mu, predefined):
  >>> mu
  (c - w)/(c - t_T - w + 1)
  >>> {statics}
  >>> decreasing(mu, w, [c > w]).prove()      # a higher cost of conflict w
  >>> print(document(increasing(mu, c, [c > w])))  # a LaTeX proof document
"""


def banner(models: Callable | types.SimpleNamespace | None = None) -> str:
    """The banner text: what is loaded and an example query.

    Examples
    --------
    >>> "comparative" in banner().lower()
    True
    """
    statics = "comparative_statics(mu, w, assumptions=[c > w])  # sign of dmu/dw"
    loaded = ""
    if models is not None and vars(models):
        names = ", ".join(sorted(vars(models)))
        loaded = f"The book's models: models.<name>.derive() for {names}.\n"
    return (
        f"symtrust {symtrust.__version__}: verified game-theoretic models of trust.\n"
        "Loaded: every public symtrust name, sympy, the catalog (stag_hunt(), ...).\n"
        + loaded
        + _EXAMPLE.format(statics=statics)
    )


def _default_derivations() -> Path | None:
    for root in (Path.cwd(), Path(__file__).resolve().parents[1]):
        folder = root / "derivations"
        if folder.is_dir():
            return folder
    return None


def _load_models(folder: Path | None) -> types.SimpleNamespace:
    """Import each derivation module in ``folder`` (not running ``derive()``)."""
    models = types.SimpleNamespace()
    if folder is None or not Path(folder).is_dir():
        return models
    folder = Path(folder)
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        name = f"symtrust_repl_{path.stem}"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception as exc:  # a broken model must not stop the session
            print(f"(could not load {path.name}: {exc})", file=sys.stderr)
            continue
        sys.modules[name] = module
        setattr(models, path.stem, module)
    return models


def namespace(*, derivations: str | Path | bool | None = True) -> dict:
    """The console's namespace: symtrust, sympy, catalog, models, example.

    Parameters
    ----------
    derivations : path, True or None
        Folder of derivation modules; True looks for ``derivations/`` in the
        current directory, then next to the symtrust package; None loads none.

    Examples
    --------
    >>> ns = namespace(derivations=None)
    >>> ns["mu"]
    (c - w)/(c - t_T - w + 1)
    """
    ns = {"__name__": "__console__", "__doc__": None, "sympy": sympy}
    ns["symtrust"] = symtrust
    ns["catalog"] = catalog
    ns.update({name: getattr(symtrust, name) for name in symtrust.__all__})
    ns.update({name: getattr(catalog, name) for name in catalog.__all__})
    ns["comparative_statics"] = comparative_statics
    folder = _default_derivations() if derivations is True else derivations
    ns["models"] = _load_models(folder)
    # the banner's example: Kydd (2005), ch. 2, two-type threshold
    c, w = symtrust.positive("c w")
    t_T = symtrust.interval("t_T", 0, 1, right_open=True)
    ns.update(c=c, w=w, t_T=t_T, mu=(c - w) / (1 - t_T + c - w))
    return ns


def _displayhook(value):
    """Show values as text (SymPy's str printer, symtrust's layouts)."""
    if value is None:
        return
    builtins._ = None
    if isinstance(value, (Printable, sympy.Basic)):
        print(sympy.sstr(value))
    else:
        print(repr(value))
    builtins._ = value


def start_repl(
    *,
    derivations: str | Path | bool | None = True,
    readfunc: Callable[[str], str] | None = None,
    banner_text: str | None = None,
) -> dict:
    """Start an interactive console with symtrust loaded; return its namespace.

    Parameters
    ----------
    derivations : path, True or None
        Where the book's derivation modules are (see :func:`namespace`).
    readfunc : callable, optional
        Replaces ``input`` (for scripted sessions and tests); it raises
        EOFError to end the session.
    banner_text : str, optional
        Replaces the default banner.

    Examples
    --------
    >>> lines = iter(["x = prove(mu < 1, [c > w])", "x.status"])
    >>> def read(prompt):
    ...     try:
    ...         return next(lines)
    ...     except StopIteration:
    ...         raise EOFError from None
    >>> ns = start_repl(derivations=None, readfunc=read, banner_text="")
    'proved'
    """
    ns = namespace(derivations=derivations)
    console = code.InteractiveConsole(ns)
    if readfunc is not None:
        console.raw_input = readfunc
    text = banner(ns["models"]) if banner_text is None else banner_text
    saved = sys.displayhook
    sys.displayhook = _displayhook
    try:
        console.interact(banner=text, exitmsg="")
    finally:
        sys.displayhook = saved
    return ns
