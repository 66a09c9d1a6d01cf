"""The optional plotting dependencies, imported when a figure is drawn.

matplotlib (and numpy, which it brings) are an extra:
``pip install "symtrust[plot]"``. Nothing else in symtrust needs them, so
they are imported only when a plot or a region map is drawn, with an
install hint if missing.

Examples
--------
>>> available() in (True, False)
True
"""

from __future__ import annotations

import importlib
import importlib.util

__all__ = [
    "HINT",
    "available",
    "collections",
    "contourpy",
    "mathtext",
    "numpy",
    "pyplot",
]

HINT = (
    "plots and region maps need matplotlib: pip install 'symtrust[plot]' "
    "(or pip install matplotlib)"
)


def available() -> bool:
    """Whether matplotlib and numpy can be imported.

    Examples
    --------
    >>> isinstance(available(), bool)
    True
    """
    return all(importlib.util.find_spec(m) is not None for m in ("matplotlib", "numpy"))


def _load(name: str):
    try:
        return importlib.import_module(name)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(HINT) from exc


def numpy():
    """The numpy module (ImportError with an install hint if missing).

    Examples
    --------
    >>> numpy().__name__
    'numpy'
    """
    return _load("numpy")


def contourpy():
    """contourpy (matplotlib's contouring library, installed with it).

    Examples
    --------
    >>> contourpy().__name__
    'contourpy'
    """
    return _load("contourpy")


def collections():
    """matplotlib.collections (line collections for boundaries).

    Examples
    --------
    >>> collections().__name__
    'matplotlib.collections'
    """
    return _load("matplotlib.collections")


def mathtext():
    """matplotlib.mathtext (to check a label parses).

    Examples
    --------
    >>> mathtext().__name__
    'matplotlib.mathtext'
    """
    return _load("matplotlib.mathtext")


def pyplot():
    """matplotlib.pyplot (ImportError with an install hint if missing).

    Examples
    --------
    >>> pyplot().__name__
    'matplotlib.pyplot'
    """
    return _load("matplotlib.pyplot")
