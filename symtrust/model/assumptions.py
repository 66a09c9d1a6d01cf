"""Assumptions: the conjunction of what a model's parameters satisfy.

A game's assumptions are the source of truth for every solver: the domains of
its parameters (from :mod:`symtrust.model.parameters`) plus the orderings and
other relations the modeller states (``c > w``, ``T > R > P > S``). They are
checked for consistency when built: contradictory assumptions are an error,
said at once.

Examples
--------
>>> from symtrust.model.parameters import positive
>>> c, w = positive("c w")
>>> a = Assumptions.build([c > w], symbols=[c, w])
>>> a.conditions
(c > 0, w > 0, c > w)
>>> Assumptions.build([c > w, w > c])
Traceback (most recent call last):
...
symtrust.errors.AssumptionError: assumptions contradict each other: [c > w, w > c]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.errors import AssumptionError
from symtrust.logic.decide import satisfiable
from symtrust.model.parameters import symbol_domain_condition

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
    return cond


def _chain(cond):
    """Flatten a conjunction into its conjuncts."""
    if isinstance(cond, sympy.And):
        out = []
        for a in cond.args:
            out.extend(_chain(a))
        return out
    return [cond]


def _domain_note(conjuncts, domains) -> str:
    """Name the domains when they, not the stated relations alone, clash."""
    if not domains:
        return ""
    # the same relations over unrestricted real symbols
    plain = {
        s: sympy.Symbol(s.name, real=True) for c in conjuncts for s in c.free_symbols
    }
    alone = satisfiable(sympy.And(*[c.xreplace(plain) for c in conjuncts]))
    if alone.truth is not True:
        return ""
    named = set(plain)
    used = [str(d) for d in domains if d.free_symbols & named]
    return f" (given the domains {', '.join(used)})"


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
    >>> from symtrust.model.parameters import probability
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
        check: bool = True,
    ) -> Assumptions:
        """Collect symbol domains and stated relations, checking consistency.

        Parameters
        ----------
        stated : iterable of sympy Boolean
            Relations the modeller states, such as ``c > w``.
        symbols : iterable of Symbol
            Symbols whose domains are included (the free symbols of the stated
            relations are always included).
        check : bool
            Whether to verify with z3 that the assumptions can hold together.

        Raises
        ------
        AssumptionError
            A stated assumption that is not a relation, or assumptions that
            contradict each other.

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
        made = cls(tuple(ordered))
        if check and conjuncts:
            verdict = satisfiable(
                S.true if not conjuncts else sympy.And(*conjuncts), ordered
            )
            if verdict.truth is False:
                raise AssumptionError(
                    f"assumptions contradict each other: {conjuncts}"
                    + _domain_note(conjuncts, domains)
                )
        return made

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

    def holds_at(self, point) -> bool:
        """Whether a point (symbol -> exact value) satisfies every condition.

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x")
        >>> Assumptions.build([x > 1]).holds_at({x: 2})
        True
        """
        from symtrust.logic.decide import substitute_condition

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
