"""A document's assumptions, stated once and cited by label afterwards.

A derivation's games, results and claims each carry their assumptions: the
domains of their parameters and the relations the modeller stated. A
document states them once, in its Model section:

* every parameter with its domain (``c \\in (0, \\infty)``);
* every stated relation that the domains do not already imply, numbered
  (A1), (A2), ... in order of first appearance (the games first, then the
  results and claims that add conditions of their own).

Propositions then cite labels ("Under (A1)-(A3)") instead of repeating the
list, and proof steps cite the few assumptions a step needs
(:meth:`DocContext.support`: the smallest set, found by dropping one
assumption at a time while the decision procedure still proves the step).

Examples
--------
>>> from symtrust import positive
>>> from symtrust.core.assumptions import Assumptions
>>> c, w = positive("c w")
>>> ctx = DocContext.collect([Assumptions.build([c > w])])
>>> [(a.label, str(a.condition)) for a in ctx.stated]
[('A1', 'c > w')]
>>> ctx.cite([c > w, c > 0])
'(A1)'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import sympy
from sympy import S

from symtrust.core.parameters import symbol_domain_condition
from symtrust.logic.budget import Budget
from symtrust.logic.decide import as_conditions, decide
from symtrust.render.canonical import canonical, tex

__all__ = ["DocContext", "Labelled", "domain_tex", "is_domain_condition"]

# seconds for one decision when finding the assumptions a step needs
_SUPPORT_BUDGET = 1.0


@dataclass(frozen=True)
class Labelled:
    """A stated assumption with its label and where it first appears.

    Examples
    --------
    >>> import sympy
    >>> Labelled("A1", sympy.Symbol("c") > 1, "the game").label
    'A1'
    """

    label: str
    condition: sympy.Basic
    origin: str = ""


def _conjuncts(cond) -> list:
    if isinstance(cond, sympy.And):
        return [c for a in cond.args for c in _conjuncts(a)]
    return [cond]


def is_domain_condition(cond) -> bool:
    """Whether a condition only restates its parameters' domains.

    Examples
    --------
    >>> from symtrust import interval, positive
    >>> m = interval("m", 0, 1, left_open=True, right_open=True)
    >>> c = positive("c")
    >>> is_domain_condition(m < 1), is_domain_condition(2 * c * (1 - m) > 0)
    (True, True)
    >>> is_domain_condition(c > m)
    False
    """
    symbols = getattr(cond, "free_symbols", set())
    if not symbols:
        return True
    domains = [symbol_domain_condition(s) for s in symbols]
    known = {d for dom in domains for d in _conjuncts(dom)}
    if cond in known:
        return True
    return _implied_by_domains(cond)


@lru_cache(maxsize=2048)
def _implied_by_domains(cond) -> bool:
    try:
        return (
            decide(cond, (), budget=Budget(per_decision=_SUPPORT_BUDGET)).truth is True
        )
    except Exception:
        return False


def domain_tex(sym) -> str:
    """LaTeX of a parameter's domain (``(0, \\infty)``, ``[0, 1]``, ``\\mathbb{R}``).

    Examples
    --------
    >>> from symtrust import probability
    >>> domain_tex(probability("p"))
    '\\\\left[0, 1\\\\right]'
    """
    domain = getattr(sym, "domain", None)
    if domain is None:
        cond = symbol_domain_condition(sym)
        if cond is S.true:
            return r"\mathbb{R}"
        return (
            tex(sympy.solveset(cond, sym, S.Reals))
            if sym in cond.free_symbols
            else r"\mathbb{R}"
        )
    if domain == S.Reals:
        return r"\mathbb{R}"
    if sym.is_integer:
        return tex(domain) + r" \cap \mathbb{Z}"
    return tex(domain)


@dataclass
class DocContext:
    """The assumptions of one document: parameters and labelled relations.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> ctx = DocContext.collect([[c > w]], ["the game"])
    >>> ctx.cite([c > w]), [str(s) for s in ctx.parameters]
    ('(A1)', ['c', 'w'])
    """

    parameters: list = field(default_factory=list)
    stated: list = field(default_factory=list)
    #: the document's source, stated once at its top (claims cite theirs only
    #: where it differs)
    source: str = ""
    #: how symbols without a name of their own print (a proof's gaps)
    symbol_names: dict = field(default_factory=dict)
    #: the hypotheses of the implication being proved ("if ... then ..."),
    #: cited as such rather than by a label they happen to share
    premises: tuple = ()

    @classmethod
    def collect(cls, sources, origins=None) -> DocContext:
        """Label the stated assumptions of each source in order.

        Parameters
        ----------
        sources : iterable of Assumptions (or iterables of conditions)
        origins : iterable of str, optional
            Where each source comes from ("the game *name*").
        """
        ctx = cls()
        origins = list(origins or [])
        for k, source in enumerate(sources):
            ctx.add(source, origins[k] if k < len(origins) else "")
        return ctx

    def add(self, assumptions, origin: str = "") -> None:
        """Add a source's parameters and its stated relations (new ones labelled)."""
        conds = as_conditions(assumptions) if assumptions is not None else ()
        symbols = set(getattr(assumptions, "symbols", ()) or ())
        for cond in conds:
            symbols |= getattr(cond, "free_symbols", set())
        for sym in sorted(symbols, key=lambda s: s.sort_key()):
            if sym not in self.parameters:
                self.parameters.append(sym)
        known = {a.condition for a in self.stated}
        for cond in conds:
            for part in _conjuncts(cond):
                if part in known or is_domain_condition(part):
                    continue
                self.stated.append(Labelled(f"A{len(self.stated) + 1}", part, origin))
                known.add(part)

    def label(self, cond) -> str | None:
        """The label of a stated condition (None for a domain or unknown one)."""
        for a in self.stated:
            if a.condition == cond:
                return a.label
        return None

    def labels(self, assumptions) -> list[str]:
        """Labels of the stated conditions among the assumptions, in order."""
        conds = as_conditions(assumptions) if assumptions is not None else ()
        found = []
        for cond in conds:
            for part in _conjuncts(cond):
                lab = self.label(part)
                if lab is not None and lab not in found:
                    found.append(lab)
        return sorted(found, key=lambda s: int(s[1:]))

    def cite(self, assumptions) -> str:
        """Labels as a reader's reference: ``(A1)``, ``(A1), (A3)``, ``(A2)--(A5)``.

        Examples
        --------
        >>> ctx = DocContext(stated=[Labelled(f"A{k}", S.true) for k in range(1, 6)])
        >>> ctx.cite_labels(["A1", "A2", "A3", "A5"])
        '(A1)--(A3), (A5)'
        """
        return self.cite_labels(self.labels(assumptions))

    @staticmethod
    def cite_labels(labels) -> str:
        nums = sorted({int(lab[1:]) for lab in labels})
        groups, start, prev = [], None, None
        for n in nums:
            if start is None:
                start = prev = n
            elif n == prev + 1:
                prev = n
            else:
                groups.append((start, prev))
                start = prev = n
        if start is not None:
            groups.append((start, prev))
        parts = []
        for lo, hi in groups:
            if hi - lo >= 2:
                parts.append(f"(A{lo})--(A{hi})")
            elif hi == lo:
                parts.append(f"(A{lo})")
            else:
                parts.append(f"(A{lo}), (A{hi})")
        return ", ".join(parts)

    def unlabelled(self, assumptions) -> list:
        """Stated conditions of these assumptions that have no label yet."""
        conds = as_conditions(assumptions) if assumptions is not None else ()
        return [
            part
            for cond in conds
            for part in _conjuncts(cond)
            if self.label(part) is None and not is_domain_condition(part)
        ]

    def support(self, statement, assumptions) -> list | None:
        """A smallest set of the stated assumptions that proves a statement.

        Domains are always available. Returns the conditions kept (cite them
        with :meth:`because`), or None when the statement is not proved
        under all the assumptions within the budget.

        Examples
        --------
        >>> from symtrust import positive, interval
        >>> c, w = positive("c w")
        >>> t = interval("t_T", 0, 1, right_open=True)
        >>> ctx = DocContext.collect([[c > w, c < 5]])
        >>> kept = ctx.support(c - w + 1 - t > 0, [c > w, c < 5])
        >>> kept, ctx.because(kept)
        ([c > w], 'by (A1)')
        """
        conds = [
            part
            for cond in (as_conditions(assumptions) if assumptions is not None else ())
            for part in _conjuncts(cond)
            if not is_domain_condition(part)
        ]
        return _support(statement, tuple(dict.fromkeys(conds)))

    def because(self, kept) -> str:
        """Words citing the conditions a step needs: labels, else the formulas.

        Examples
        --------
        >>> DocContext().because([])
        "by the parameters' domains"
        >>> import sympy
        >>> x = sympy.Symbol("x")
        >>> DocContext(premises=(x < 1,)).because([x < 1])
        'by the hypothesis'
        """
        if kept is None:
            return "under the assumptions"
        hypothesis = [c for c in kept if c in self.premises]
        kept = [c for c in kept if c not in self.premises]
        labels = [self.label(c) for c in kept]
        named = [lab for lab in labels if lab is not None]
        plain = [c for c, lab in zip(kept, labels, strict=True) if lab is None]
        parts = []
        if hypothesis:
            parts.append("the hypothesis")
        if named:
            parts.append(
                _and([f"({lab})" for lab in sorted(named, key=lambda s: int(s[1:]))])
            )
        if plain:
            parts.append(_and([f"${self.tex(canonical(c))}$" for c in plain]))
        if not parts:
            return "by the parameters' domains"
        return "by " + " and ".join(parts)

    def math(self, obj, assumptions=None, *, focus=None) -> str:
        """LaTeX of an object in the printing policy's form (see canonical)."""
        return self.tex(canonical(obj, assumptions, focus=focus))

    def tex(self, obj) -> str:
        """LaTeX of an object as it stands, with this document's symbol names.

        Examples
        --------
        >>> import sympy
        >>> g = sympy.Dummy("delta_1", positive=True)
        >>> DocContext(symbol_names={g: r"\\varepsilon"}).tex(g + 1)
        '\\\\varepsilon + 1'
        """
        if self.symbol_names:
            return tex(obj, symbol_names=self.symbol_names)
        return tex(obj)


def _and(items) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _support(statement, conds) -> list | None:
    if _decided(statement, conds) is not True:
        return None
    kept = list(conds)
    for cond in list(conds):
        trial = tuple(c for c in kept if c != cond)
        if _decided(statement, trial) is True:
            kept = list(trial)
    return kept


@lru_cache(maxsize=4096)
def _decided(statement, conds):
    try:
        return decide(
            statement, conds, budget=Budget(per_decision=_SUPPORT_BUDGET)
        ).truth
    except Exception:
        return None
