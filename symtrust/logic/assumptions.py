"""Checked assumptions: a model's conjunction, decided consistent by z3.

:class:`~symtrust.core.assumptions.Assumptions` is a plain value; this module
builds one and asks z3 whether it can hold at all. Contradictory assumptions
are an error, said at once and naming the relations involved (and the
parameters' domains, when they are what makes the relations clash).

Examples
--------
>>> from symtrust.core.parameters import positive
>>> c, w = positive("c w")
>>> build_assumptions([c > w]).conditions
(c > 0, w > 0, c > w)
>>> build_assumptions([c > w, w > c])
Traceback (most recent call last):
...
symtrust.errors.AssumptionError: assumptions contradict each other: [c > w, w > c]
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.parameters import symbol_domain_condition
from symtrust.errors import AssumptionError
from symtrust.logic.decide import satisfiable

__all__ = ["build_assumptions", "extend_assumptions"]


def _chain(cond) -> list:
    if isinstance(cond, sympy.And):
        return [c for a in cond.args for c in _chain(a)]
    return [cond]


def _domain_note(conjuncts, symbols) -> str:
    """Name the domains when they, not the stated relations alone, clash."""
    domains = [
        d
        for s in sorted(symbols, key=lambda s: s.sort_key())
        for d in _chain(symbol_domain_condition(s))
        if d is not S.true
    ]
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


def build_assumptions(stated: Iterable = (), *, symbols: Iterable[sympy.Symbol] = ()):
    """Build assumptions from stated relations and symbol domains, checked by z3.

    Parameters
    ----------
    stated : iterable of sympy Boolean
        Relations the modeller states, such as ``c > w``.
    symbols : iterable of Symbol
        Symbols whose domains are included (the free symbols of the stated
        relations are always included).

    Returns
    -------
    Assumptions

    Raises
    ------
    AssumptionError
        A stated assumption that is not a relation, or assumptions that
        contradict each other.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> build_assumptions([x > 1]).conditions
    (x > 1,)
    """
    if isinstance(stated, (sympy.Basic, bool, str)):
        stated = [stated]
    stated = list(stated)
    made = Assumptions.build(stated, symbols=symbols)
    conjuncts = [
        c for s in stated if s is not True and s is not S.true for c in _chain(s)
    ]
    if conjuncts:
        verdict = satisfiable(sympy.And(*conjuncts), made.conditions)
        if verdict.truth is False:
            raise AssumptionError(
                f"assumptions contradict each other: {conjuncts}"
                + _domain_note(conjuncts, made.symbols)
            )
    return made


def extend_assumptions(base, stated: Iterable = (), *, symbols=()):
    """Return ``base`` with more relations and symbols, checked by z3.

    Examples
    --------
    >>> import sympy
    >>> x, y = sympy.symbols("x y")
    >>> extend_assumptions(build_assumptions([x > 0]), [y > x]).conditions
    (x > 0, y > x)
    """
    if isinstance(stated, (sympy.Basic, bool, str)):
        stated = [stated]
    return build_assumptions(
        [*base.conditions, *stated], symbols=[*base.symbols, *symbols]
    )
