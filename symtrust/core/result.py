"""Results are values: closed form, condition, assumptions and derivation steps.

Every solver returns frozen dataclasses from this module (or subclasses of
:class:`Result`). A result never carries a bare expression valid on part of the
parameter space: its ``condition`` says where it holds. The same object feeds
numeric checks (:func:`symtrust.check`), LaTeX proofs, plots and the REPL.

Printing follows SymPy's printer protocol, so ``sympy.latex(result)``,
``str(result)`` and Jupyter's ``_repr_latex_`` all work; the layout lives in
:mod:`symtrust.render`.

Examples
--------
>>> import sympy
>>> x = sympy.Symbol("x")
>>> r = Result(kind="example", value=1 / x, condition=sympy.Ne(x, 0),
...            steps=(Step("invert", 1 / x, "definition"),))
>>> print(r)
example: 1/x
  holds when: Ne(x, 0)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.latex_layout import result_latex, solution_latex, step_latex
from symtrust.core.printing import Printable, register_layout
from symtrust.core.text_layout import result_text, solution_text, step_text

__all__ = ["Result", "Solution", "Step"]


@dataclass(frozen=True)
class Step(Printable):
    """One step of a derivation.

    Attributes
    ----------
    label : str
        What this step establishes ("EU(C)", "indifference of the marginal type").
    expr : sympy.Basic
        The expression or statement obtained.
    justification : str
        Why it follows ("expected utility over the opponent's types").

    Examples
    --------
    >>> import sympy
    >>> print(Step("threshold", sympy.Rational(1, 2), "solve EU(C) = EU(D)"))
    threshold: 1/2    [solve EU(C) = EU(D)]
    """

    label: str
    expr: Any
    justification: str = ""


@dataclass(frozen=True, kw_only=True)
class Result(Printable):
    """A derived quantity with the condition under which it holds.

    Attributes
    ----------
    kind : str
        What was derived ("pure Nash equilibrium", "trust threshold", ...).
    value : Any
        The closed form (a SymPy object, or a tuple of them).
    condition : sympy Boolean
        Where the value is valid, simplified under the assumptions.
    assumptions : Assumptions
        The assumptions the derivation used.
    steps : tuple of Step
        The derivation, in order.
    game : Any
        The game the result was derived from (None for results about
        expressions rather than games); a Solution sets it on its results, so
        that one result can be checked on its own.
    """

    kind: str = "result"
    value: Any = None
    condition: Any = S.true
    assumptions: Assumptions = field(default_factory=Assumptions)
    steps: tuple = ()
    game: Any = field(default=None, compare=False, repr=False)

    def display_rows(self) -> tuple:
        """Rows ``(label, object)`` shown by the renderers, value first."""
        return ((self.kind, self.value),)

    @property
    def parameters(self) -> frozenset:
        """Free symbols of the value and the condition."""
        out = set(self.assumptions.symbols)
        for obj in (self.value, self.condition):
            out |= _free(obj)
        return frozenset(out)


def _free(obj) -> set:
    if isinstance(obj, sympy.Basic):
        return set(obj.free_symbols)
    if isinstance(obj, (tuple, list)):
        out = set()
        for o in obj:
            out |= _free(o)
        return out
    if isinstance(obj, dict):
        return _free(tuple(obj.values()))
    return set()


@dataclass(frozen=True, kw_only=True)
class Solution(Printable):
    """A set of results from one solver run, recording the method and game.

    Behaves as a read-only sequence of its results.

    Attributes
    ----------
    method : str
        The solver that produced it ("pure_nash", "mixed_nash", ...).
    game : Any
        The game solved.
    results : tuple
        The results (equilibria, thresholds, ...).
    notes : tuple of str
        What the solver wants the user to know (degenerate cases, pruning).
    solver : callable or None
        The solver function itself: its numeric twin is registered for it
        (:mod:`symtrust.core.twins`), so a Solution without one is not checked.
    """

    method: str
    game: Any
    results: tuple = ()
    notes: tuple = ()
    solver: Callable | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        # each result knows its game, so it can be checked on its own
        if any(isinstance(r, Result) and r.game is None for r in self.results):
            results = tuple(
                dataclasses.replace(r, game=self.game)
                if isinstance(r, Result) and r.game is None
                else r
                for r in self.results
            )
            object.__setattr__(self, "results", results)

    def __iter__(self):
        return iter(self.results)

    def __len__(self):
        return len(self.results)

    def __getitem__(self, i):
        return self.results[i]


register_layout(Step, text=step_text, latex=step_latex)
register_layout(Result, text=result_text, latex=result_latex)
register_layout(Solution, text=solution_text, latex=solution_latex)
