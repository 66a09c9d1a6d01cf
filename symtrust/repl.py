"""An interactive session with symtrust, the catalog and the book's models.

``symtrust repl`` calls :func:`start_repl`: a standard Python console
(:class:`code.InteractiveConsole`) whose namespace holds every public symtrust
name, ``sympy``, the catalog's games and the package's own models of the book
(:mod:`symtrust.kydd`: ``arming_game``, ``costly_signal``, ..., and ``kydd``
itself). It runs no file it was not asked to run: a folder of the user's
derivation modules is imported only when named (``symtrust repl --models
DIR``, :func:`start_repl` ``models=DIR``), as ``models.<module>``
(``models.ch1_assurance_vs_pd.derive()``). Values print as text through the
SymPy printer protocol (a proof shows its status and steps, not a dataclass
repr); ``document(obj)`` gives a complete LaTeX document of any of them,
``latex(obj)`` a fragment.

The banner shows a worked comparative-statics query on the Security Dilemma
threshold of Kydd (2005), ch. 2, ``mu = (c - w) / (1 - t_T + c - w)``, whose
symbols are predefined.

Examples
--------
>>> ns = namespace()
>>> sorted(k for k in ("prove", "sympy", "stag_hunt", "mu", "arming_game") if k in ns)
['arming_game', 'mu', 'prove', 'stag_hunt', 'sympy']
>>> print(ns["decreasing"](ns["mu"], ns["w"], [ns["c"] > ns["w"]]).prove().status)
proved
"""

from __future__ import annotations

import builtins
import code
import sys
import types
from collections.abc import Callable
from pathlib import Path

import sympy

import symtrust
import symtrust.catalog as catalog
import symtrust.kydd as kydd
from symtrust.core.printing import Printable
from symtrust.errors import SymtrustError
from symtrust.logic.statics import comparative_statics
from symtrust.runner import load_module

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
        loaded = f"Your models: models.<name>.derive() for {names}.\n"
    return (
        f"symtrust {symtrust.__version__}: verified game-theoretic models of trust.\n"
        "Loaded: every public symtrust name, sympy, the catalog (stag_hunt(), ...),\n"
        "the book's models (kydd: arming_game(), costly_signal(), ...).\n"
        + loaded
        + _EXAMPLE.format(statics=statics)
    )


def _load_models(folder: str | Path | None) -> types.SimpleNamespace:
    """Import each derivation module in ``folder`` (not running ``derive()``)."""
    models = types.SimpleNamespace()
    if folder is None:
        return models
    folder = Path(folder)
    if not folder.is_dir():
        raise SymtrustError(f"--models {str(folder)!r} is not a folder")
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            module = load_module(path, prefix="symtrust_repl_")
        except Exception as exc:  # a broken model must not stop the session
            print(f"(could not load {path.name}: {exc})", file=sys.stderr)
            continue
        setattr(models, path.stem, module)
    return models


def namespace(*, models: str | Path | None = None) -> dict:
    """The console's namespace: symtrust, sympy, catalog, the book's models.

    Parameters
    ----------
    models : path, optional
        A folder of the user's derivation modules, imported (never run) as
        ``models.<name>``; by default none: no file outside the package is
        executed.

    Raises
    ------
    SymtrustError
        ``models`` is not a folder.

    Examples
    --------
    >>> ns = namespace()
    >>> ns["mu"]
    (c - w)/(c - t_T - w + 1)
    >>> vars(ns["models"])
    {}
    """
    ns = {"__name__": "__console__", "__doc__": None, "sympy": sympy}
    ns["symtrust"] = symtrust
    ns["catalog"] = catalog
    ns["kydd"] = kydd
    ns.update({name: getattr(symtrust, name) for name in symtrust.__all__})
    ns.update({name: getattr(catalog, name) for name in catalog.__all__})
    ns.update({name: getattr(kydd, name) for name in kydd.__all__})
    ns["comparative_statics"] = comparative_statics
    ns["models"] = _load_models(models)
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
    models: str | Path | None = None,
    readfunc: Callable[[str], str] | None = None,
    banner_text: str | None = None,
) -> dict:
    """Start an interactive console with symtrust loaded; return its namespace.

    Parameters
    ----------
    models : path, optional
        A folder of the user's derivation modules (see :func:`namespace`).
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
    >>> ns = start_repl(readfunc=read, banner_text="")
    'proved'
    """
    ns = namespace(models=models)
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
