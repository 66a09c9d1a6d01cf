"""A derivation: the book's model built with the engine, its results and claims.

Each module in ``derivations/`` defines ``derive() -> Derivation``. The
``symtrust derive`` command imports the modules, calls ``derive()``, checks
every result against its numeric twin (:func:`symtrust.check`), proves every
claim, and reports (and, with ``--latex``, writes a proof document).

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust import pure_nash
>>> d = Derivation(title="Toy", source="none",
...                models=(prisoners_dilemma(),),
...                results=(("equilibria", pure_nash(prisoners_dilemma())),))
>>> d.result("equilibria").method
'pure_nash'
"""

from __future__ import annotations

from dataclasses import dataclass

from symtrust.errors import ModelError

__all__ = ["Derivation"]


@dataclass(frozen=True)
class Derivation:
    """The content of one derivation module.

    Attributes
    ----------
    title : str
        A title, e.g. "Chapter 1: Assurance versus Prisoner's Dilemma".
    source : str
        Which chapter of Kydd (2005) it follows, and whether the model is a
        reconstruction.
    models : tuple
        The games built (printed in the document's model section).
    results : tuple of (str, object)
        Named results (:class:`~symtrust.solve.result.Result` or
        :class:`~symtrust.solve.result.Solution`), in derivation order.
    claims : tuple
        :class:`~symtrust.verify.claims.Claim` objects: the book's claims that
        apply, each proved, refuted or left undecided when the derivation runs.
    notes : tuple of str
        Remarks for the reader.
    """

    title: str
    source: str
    models: tuple = ()
    results: tuple = ()
    claims: tuple = ()
    notes: tuple = ()

    def __post_init__(self):
        for item in self.results:
            if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
                raise ModelError(
                    f"derivation results must be (name, result) pairs, got {item!r}"
                )
        names = [n for n, _ in self.results]
        if len(set(names)) != len(names):
            raise ModelError(f"derivation result names repeat: {names}")

    def result(self, name: str):
        """The result registered under a name.

        Raises
        ------
        ModelError
            If no result has that name.
        """
        for n, r in self.results:
            if n == name:
                return r
        raise ModelError(
            f"no result named {name!r}; results are {[n for n, _ in self.results]}"
        )
