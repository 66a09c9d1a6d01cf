"""Cases of a tree solver: conjunctions of conditions, pruned by z3, memoised.

A solver splits the parameter space as it folds a tree back. A *case* is a
conjunction of simplified relations together with what holds there. Joining
a relation to a case is the hot path, so

1. each relation is simplified under the assumptions once
   (:func:`~symtrust.logic.conditions.simplify_condition`, memoised);
2. the parameters are grouped into *components*, symbols linked by some
   stated assumption; a relation whose components are disjoint from the
   case's is jointly satisfiable with it whenever each is on its own, so no
   decision is needed (independent conditions cost nothing);
3. otherwise z3 decides joint satisfiability; a case it proves empty is
   dropped, an undecided one is kept (never guessed away).

Before simplification a relation between fractions ``N / D ~ 0`` loses its
denominator: divided by ``D`` when its sign is proved, else rewritten as
``D != 0 and N D ~ 0`` (``D != 0 and N ~ 0`` for equations), so conditions
are polynomial and defined at every admissible point.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.logic.budget import Budget
from symtrust.logic.conditions import sign_under, simplify_condition
from symtrust.logic.decide import satisfiable

__all__ = ["Case", "Cases"]


@dataclass(frozen=True)
class Case:
    """A conjunction of simplified conditions and what holds there.

    Attributes
    ----------
    conjuncts : tuple of sympy Boolean
        The conditions, each simplified (never True or False).
    components : frozenset
        The symbol components the conjuncts mention.
    choices : tuple of (int, tuple)
        Information set index -> behaviour (probabilities aligned with the
        set's actions), or None where the solution leaves it free.
    value : tuple
        The payoff vector of play from the case's node.
    play : tuple of (int, sympy.Expr)
        Leaves reached with positive probability, with their probabilities.
    tie : bool
        Whether some choice in it breaks a tie.
    """

    conjuncts: tuple = ()
    components: frozenset = frozenset()
    choices: tuple = ()
    value: tuple = ()
    play: tuple = ()
    tie: bool = False

    @property
    def condition(self):
        """The conjunction as one Boolean (unsimplified as a whole)."""
        return sympy.And(*self.conjuncts) if self.conjuncts else S.true


class Cases:
    """Condition algebra of one solver run, under one game's assumptions."""

    def __init__(self, assumptions, budget=None):
        self.assumptions = assumptions
        self.conds = tuple(assumptions.conditions)
        self.budget = Budget.of(budget)
        self._simple: dict = {}
        # union-find over symbols linked by a stated assumption
        self._parent: dict = {}
        for c in self.conds:
            syms = sorted(c.free_symbols, key=str)
            for s in syms[1:]:
                self._union(syms[0], s)

    def _find(self, s):
        root = s
        while self._parent.get(root, root) != root:
            root = self._parent[root]
        self._parent[s] = root
        return root

    def _union(self, a, b):
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[ra] = rb

    def components(self, cond) -> frozenset:
        """The components of a condition's free symbols."""
        return frozenset(self._find(s) for s in cond.free_symbols)

    def simplify(self, cond):
        """A condition simplified under the assumptions (memoised)."""
        if cond in (S.true, S.false):
            return cond
        if cond not in self._simple:
            cleared = self.clear(cond)
            self._simple[cond] = simplify_condition(
                cleared, self.conds, budget=self.budget
            )
        return self._simple[cond]

    def clear(self, cond):
        """The condition with every denominator cleared (see module doc)."""
        if isinstance(cond, (sympy.And, sympy.Or)):
            return cond.func(*(self.clear(a) for a in cond.args))
        if not isinstance(cond, Relational):
            return cond
        diff = cond.lhs - cond.rhs
        if not any(p.exp.is_negative for p in diff.atoms(sympy.Pow)):
            return cond
        num, den = sympy.fraction(sympy.cancel(sympy.together(diff)))
        if den.is_number:
            return cond
        op = cond.rel_op
        sign = sign_under(den, self.conds, budget=self.budget)
        if sign in (1, -1):
            flip = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
            return Relational(
                sympy.expand(num), 0, op if sign == 1 else flip.get(op, op)
            )
        if op in ("==", "!="):
            return sympy.And(sympy.Ne(den, 0), Relational(sympy.expand(num), 0, op))
        return sympy.And(sympy.Ne(den, 0), Relational(sympy.expand(num * den), 0, op))

    def join(self, case: Case, cond) -> tuple | None:
        """``(conjuncts, components)`` of ``case`` with ``cond``; None if empty."""
        cond = self.simplify(cond)
        if cond is S.true:
            return case.conjuncts, case.components
        if cond is S.false:
            return None
        comps = self.components(cond)
        conjuncts = (*case.conjuncts, cond)
        if comps & case.components:
            verdict = satisfiable(sympy.And(*conjuncts), self.conds, budget=self.budget)
            if verdict.truth is False:
                return None
        return conjuncts, case.components | comps

    def merge(self, a: Case, b: Case) -> tuple | None:
        """The conjunction of two cases' conditions; None if empty."""
        if not b.conjuncts:
            return a.conjuncts, a.components
        if not a.conjuncts:
            return b.conjuncts, b.components
        conjuncts = (*a.conjuncts, *b.conjuncts)
        if a.components & b.components:
            verdict = satisfiable(sympy.And(*conjuncts), self.conds, budget=self.budget)
            if verdict.truth is False:
                return None
        return conjuncts, a.components | b.components

    def finish(self, case: Case):
        """The case's condition simplified as a whole (independent parts kept)."""
        parts = list(dict.fromkeys(case.conjuncts))
        if not parts:
            return S.true
        comps = [self.components(p) for p in parts]
        disjoint = sum(len(c) for c in comps) == len(frozenset().union(*comps))
        if disjoint:
            # no two conjuncts share a component: none implies another
            return sympy.And(*parts)
        return self.simplify(sympy.And(*parts))
