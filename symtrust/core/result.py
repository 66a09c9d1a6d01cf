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
from symtrust.core.exact import defined_at, substitute_condition
from symtrust.core.latex_layout import result_latex, solution_latex, step_latex
from symtrust.core.point import check_point, point_text, substitute, symbols_of
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

    def subs(self, point) -> Result:
        """The result at a parameter point (all of it, or some parameters).

        Every field is substituted exactly: the value, the condition, the
        steps, any game the result holds (validated by that game's ``subs``),
        and the assumptions (those that become true are dropped).

        The condition becomes ``True`` or ``False`` where the point fixes all
        its parameters: ``False`` marks a result that does not hold at the
        point (also where the condition is undefined there, e.g. a zero
        denominator). A condition that SymPy cannot settle exactly stays as
        substituted, never ``False``.

        Raises
        ------
        ModelError
            String keys, symbols that are not parameters of the result (a
            same-named symbol is named as such), values that are not exact
            real numbers or expressions.
        AssumptionError
            A value outside its parameter's domain, or a point that makes an
            assumption false.

        Examples
        --------
        >>> import sympy
        >>> from symtrust.core.parameters import positive
        >>> x = positive("x")
        >>> r = Result(kind="threshold", value=1 / x, condition=x > 1,
        ...            assumptions=Assumptions.build(symbols=[x]))
        >>> r.subs({x: 2}).value, r.subs({x: 2}).condition
        (1/2, True)
        >>> r.subs({x: sympy.Rational(1, 2)}).condition
        False
        >>> r.subs({x: -1})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: x = -1 is outside the domain of x: x must lie in (0, oo)
        """
        point = check_point(point, symbols_of(self), where=f"this {self.kind}")
        return _subs_result(self, point, {})


def _condition_at(condition, point):
    """A condition at a point: True, False (also where undefined) or as is."""
    if not isinstance(condition, sympy.Basic):
        return condition
    new = condition.xreplace(point)
    if new.free_symbols:
        return new
    truth = substitute_condition(condition, point)
    if truth is True:
        return S.true
    if truth is False or not defined_at(condition, point):
        return S.false
    return new


def _subs_result(result, point, memo):
    point = {k: v for k, v in point.items() if k in symbols_of(result)}
    if not point:
        return result
    changes = {}
    for f in dataclasses.fields(result):
        if not f.init:
            continue
        value = getattr(result, f.name)
        if f.name == "assumptions":
            changes[f.name] = value.subs(point)
        elif f.name == "condition":
            changes[f.name] = _condition_at(value, point)
        else:
            changes[f.name] = substitute(value, point, memo)
    return dataclasses.replace(result, **changes)


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
    complete : bool
        False when the solver stopped early (its time budget ran out): the
        results found so far are listed and each is right, but others may be
        missing. The display says so.
    """

    method: str
    game: Any
    results: tuple = ()
    notes: tuple = ()
    complete: bool = True
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

    def subs(self, point) -> Solution:
        """The whole solution at a parameter point, validated as ``game.subs``.

        The game is substituted by its own ``subs`` (which keeps its
        assumptions and refuses points outside them), and every result by
        :meth:`Result.subs`. Results whose condition is false at the point
        (or undefined there) are **dropped**; a note names them and says how
        many were dropped. Results whose condition still depends on the
        remaining parameters are kept with the substituted condition. The
        solution's notes are text and are kept as written (symbolic).

        Raises
        ------
        ModelError, AssumptionError
            As :meth:`Result.subs`.

        Examples
        --------
        >>> from symtrust import pure_nash, real, bimatrix
        >>> R, S, T, P = real("R S T P")
        >>> sol = pure_nash(bimatrix([[R, S], [T, P]], [[R, T], [S, P]]))
        >>> at = sol.subs({R: 3, S: 0, T: 5, P: 1})
        >>> [eq.profile for eq in at], at.notes[-1]
        ([('D', 'D')], 'at R = 3, S = 0, T = 5, P = 1: 3 results dropped (their condition is false there): CC, CD, DC')
        """
        point = check_point(point, symbols_of(self), where="this solution")
        memo = {}
        changes = {}
        for f in dataclasses.fields(self):
            if f.init and f.name not in ("method", "results", "notes"):
                changes[f.name] = substitute(getattr(self, f.name), point, memo)
        kept, dropped = [], []
        for r in self.results:
            new = _subs_result(r, point, memo) if isinstance(r, Result) else r
            if getattr(new, "condition", None) is S.false:
                dropped.append(r)
            else:
                kept.append(new)
        notes = self.notes
        if dropped:
            labels = ", ".join(_label(r) for r in dropped)
            notes = (
                *notes,
                f"at {point_text(point)}: {len(dropped)} result"
                f"{'s' if len(dropped) != 1 else ''} dropped (their condition is "
                f"false there): {labels}",
            )
        return dataclasses.replace(self, results=tuple(kept), notes=notes, **changes)


def _label(result) -> str:
    for name in ("profile", "label", "strategies"):
        value = getattr(result, name, None)
        if value:
            if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
                return "".join(value) if all(len(v) == 1 for v in value) else str(value)
            return str(value)
    return result.kind


register_layout(Step, text=step_text, latex=step_latex)
register_layout(Result, text=result_text, latex=result_latex)
register_layout(Solution, text=solution_text, latex=solution_latex)
