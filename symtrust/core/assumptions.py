"""Assumptions: the conjunction of what a model's parameters satisfy.

A game's assumptions are the source of truth for every solver: the domains of
its parameters (from :mod:`symtrust.core.parameters`) plus the orderings and
other relations the modeller states (``c > w``, ``T > R > P > S``). This module holds
the value; deciding whether assumptions can hold together is the logic
layer's work (:func:`symtrust.logic.assumptions.build_assumptions` builds and checks them).

Examples
--------
>>> from symtrust.core.parameters import positive
>>> c, w = positive("c w")
>>> a = Assumptions.build([c > w], symbols=[c, w])
>>> a.conditions
(c > 0, w > 0, c > w)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

import sympy
from sympy import S

from symtrust.core.exact import defined_at, substitute_condition
from symtrust.core.numbers import check_relation
from symtrust.core.parameters import check_symbols, symbol_domain_condition
from symtrust.errors import AssumptionError

__all__ = ["Assumptions"]


def _as_boolean(cond):
    if cond is True or cond is S.true:
        return S.true
    if cond is False or cond is S.false:
        raise AssumptionError(
            "an assumption is False as written (SymPy already evaluated it); "
            "assumptions must be satisfiable relations such as `c > w`"
        )
    if isinstance(cond, str):
        raise AssumptionError(
            f"assumption {cond!r} is a string; symtrust does not parse text here: "
            "build it from parameters, e.g. `c > w`"
        )
    # a Symbol is a SymPy Boolean too, but a parameter states nothing
    if isinstance(cond, sympy.Symbol) or not isinstance(
        cond, sympy.logic.boolalg.Boolean
    ):
        raise AssumptionError(
            f"assumption {cond!r} is not a relation (a bare expression states nothing)"
        )
    # exact, finite, real numbers only: c > 0.5 or Eq(c, I) is refused
    check_relation(cond, f"assumption {cond}", AssumptionError)
    return cond


def _point_text(point) -> str:
    return ", ".join(f"{k} = {v}" for k, v in point.items())


def _chain(cond):
    """Flatten a conjunction into its conjuncts."""
    if isinstance(cond, sympy.And):
        out = []
        for a in cond.args:
            out.extend(_chain(a))
        return out
    return [cond]


@dataclass(frozen=True)
class Assumptions:
    """An immutable conjunction of conditions on parameters.

    Attributes
    ----------
    conditions : tuple of sympy Boolean
        The conjuncts, symbol domains first, then stated relations, without
        duplicates.

    Examples
    --------
    >>> from symtrust.core.parameters import probability
    >>> t = probability("t")
    >>> Assumptions.build(symbols=[t]).condition
    (t >= 0) & (t <= 1)
    """

    conditions: tuple = ()

    @classmethod
    def build(
        cls,
        stated: Iterable = (),
        *,
        symbols: Iterable[sympy.Symbol] = (),
    ) -> Assumptions:
        """Collect symbol domains and stated relations (consistency unchecked).

        Parameters
        ----------
        stated : iterable of sympy Boolean
            Relations the modeller states, such as ``c > w``.
        symbols : iterable of Symbol
            Symbols whose domains are included (the free symbols of the stated
            relations are always included).

        Raises
        ------
        AssumptionError
            A stated assumption that is not a relation, or that holds a float,
            nan, an infinity or a complex number.
        ModelError
            Two different symbols with one name (``positive("c")`` and
            ``sympy.Symbol("c")``), a symbol declared complex, or a name
            pdflatex cannot typeset (see
            :func:`~symtrust.core.parameters.check_symbols`).

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x")
        >>> Assumptions.build([x > 1]).conditions
        (x > 1,)
        """
        if isinstance(stated, (sympy.Basic, bool, str)):
            stated = [stated]
        stated = [_as_boolean(c) for c in stated]
        conjuncts = []
        for c in stated:
            conjuncts.extend(x for x in _chain(c) if x is not S.true)
        syms = set(symbols)
        for c in conjuncts:
            syms |= c.free_symbols
        check_symbols(
            sorted(syms, key=lambda s: s.sort_key()),
            "one model or claim (its payoffs, priors, statement, assumptions)",
        )
        domains = []
        for s in sorted(syms, key=lambda s: s.sort_key()):
            d = symbol_domain_condition(s)
            if d is not S.true:
                domains.extend(_chain(d))
        seen, ordered = set(), []
        for c in [*domains, *conjuncts]:
            if c not in seen:
                seen.add(c)
                ordered.append(c)
        return cls(tuple(ordered))

    @property
    def condition(self) -> sympy.Basic:
        """The conjunction as one SymPy Boolean."""
        if not self.conditions:
            return S.true
        if len(self.conditions) == 1:
            return self.conditions[0]
        return sympy.And(*self.conditions, evaluate=False)

    @property
    def symbols(self) -> frozenset:
        """The symbols the assumptions mention."""
        out = set()
        for c in self.conditions:
            out |= c.free_symbols
        return frozenset(out)

    def extend(self, stated: Iterable = (), *, symbols=()) -> Assumptions:
        """Return these assumptions with more relations and symbols added.

        Examples
        --------
        >>> import sympy
        >>> x, y = sympy.symbols("x y")
        >>> Assumptions.build([x > 0]).extend([y > x]).conditions
        (x > 0, y > x)
        """
        if isinstance(stated, (sympy.Basic, bool, str)):
            stated = [stated]
        return Assumptions.build(
            [*self.conditions, *stated], symbols=[*self.symbols, *symbols]
        )

    def subs(self, point) -> Assumptions:
        """Substitute a point: drop what became true, refuse what became false.

        Parameters
        ----------
        point : mapping
            Symbol -> exact value, already validated (see
            :func:`symtrust.core.point.check_point`); symbols the assumptions
            do not mention are ignored.

        Returns
        -------
        Assumptions
            The conditions that still mention parameters, substituted, with
            the domains of any new symbols a symbolic value brings.

        Raises
        ------
        AssumptionError
            A condition that is false at the point, or undefined there (a zero
            denominator), naming the condition and the point.

        Examples
        --------
        >>> from symtrust.core.parameters import positive
        >>> c, w = positive("c w")
        >>> a = Assumptions.build([c > w])
        >>> a.subs({w: 1}).conditions
        (c > 0, c > 1)
        >>> a.subs({c: 1, w: 2})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: c = 1, w = 2 violates the assumption c > w (it becomes 1 > 2)
        """
        point = {k: v for k, v in dict(point).items() if k in self.symbols}
        if not point:
            return self
        kept = []
        numeric = all(
            isinstance(v, (sympy.Rational, Fraction, int)) for v in point.values()
        )
        for cond in self.conditions:
            free = cond.free_symbols
            if not (free & point.keys()):
                kept.append(cond)
                continue
            # closed at the point and true there (exact evaluation, without
            # building SymPy's relations): dropped; anything else as below
            if (
                numeric
                and free <= point.keys()
                and substitute_condition(cond, point) is True
            ):
                continue
            try:
                new = cond.xreplace(point)
            except TypeError:
                # SymPy refuses to compare what became undefined (zoo > 0 at 1/x, x = 0)
                raise AssumptionError(
                    f"the assumption {cond} is undefined at {_point_text(point)} "
                    "(a zero denominator or a non-real value)"
                ) from None
            if new.free_symbols:
                kept.append(new)
                continue
            # closed now: SymPy may have settled it already (g > k at g = 2*k);
            # otherwise evaluate it exactly (the point's values may be symbolic)
            truth = (
                True
                if new is S.true
                else False
                if new is S.false
                else substitute_condition(new, {})
            )
            if truth is True:
                continue
            shown = sympy.sstr(
                cond.func(*(a.xreplace(point) for a in cond.args), evaluate=False)
                if isinstance(cond, sympy.core.relational.Relational)
                else new
            )
            if truth is False:
                raise AssumptionError(
                    f"{_point_text(point)} violates the assumption {cond} "
                    f"(it becomes {shown})"
                )
            if defined_at(new, {}):
                raise AssumptionError(
                    f"the assumption {cond} cannot be decided exactly at "
                    f"{_point_text(point)} (it becomes {shown}); give a point "
                    "where it can be, or leave that parameter symbolic"
                )
            raise AssumptionError(
                f"the assumption {cond} is undefined at {_point_text(point)} "
                f"(it becomes {shown}: a zero denominator or a non-real value)"
            )
        return Assumptions.build(kept)

    def holds_at(self, point) -> bool:
        """Whether a point (symbol -> exact value) satisfies every condition.

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x")
        >>> Assumptions.build([x > 1]).holds_at({x: 2})
        True
        """
        return all(substitute_condition(c, point) is True for c in self.conditions)

    def __iter__(self):
        return iter(self.conditions)

    def __len__(self):
        return len(self.conditions)

    def _sympystr(self, printer):
        return " & ".join(printer._print(c) for c in self.conditions) or "True"

    def _latex(self, printer):
        if not self.conditions:
            return r"\text{none}"
        return r",\quad ".join(printer._print(c) for c in self.conditions)

    def __str__(self):
        return sympy.sstr(self)

    def _repr_latex_(self):
        return f"${sympy.latex(self)}$"
