"""Solving a condition for one variable: intervals, piecewise in the parameters.

``solve_for(C, v)`` rewrites a condition ``C(v, theta)`` as the set of values of
``v`` where it holds, for every value of the other parameters ``theta``:

.. math:: C(v, \\theta) \\iff v \\in S_k(\\theta) \\quad \\text{where } P_k(\\theta),

each :math:`S_k` a union of intervals whose ends are closed forms in
:math:`\\theta`, and the pieces :math:`P_k` a partition of the admissible
parameter space. It is the one-variable case of a cylindrical algebraic
decomposition (Collins 1975; Basu, Pollack and Roy, *Algorithms in Real
Algebraic Geometry*, 2006, ch. 5), with z3 deciding each sign:

1. *critical points*: every relation ``n/d ~ 0`` contributes the real roots in
   ``v`` of its numerator and denominator (:func:`polynomial_roots`, closed
   forms up to degree 4, each with the condition under which it exists);
   between two consecutive critical points every relation, hence ``C``, has
   one truth value;
2. *cells*: the parameter space is split until, in each cell, z3 has decided
   which roots exist, how they are ordered, and where they lie with respect to
   the ends of ``v``'s domain (a split adds ``P`` to one side and ``not P``
   to the other; cells z3 shows empty are dropped);
3. *sample points*: in each cell ``C`` is decided at every critical point and
   at a point inside every interval between two of them; ``C`` is read with
   each relation as ``d != 0 and n d ~ 0``, so that a point where ``C`` is
   undefined (a zero denominator) is never in the set;
4. cells with the same set are merged into one piece.

Each piece's set is exactly where ``C`` holds. A piece z3 could not settle
(the budget ran out, or a term outside real arithmetic) is kept as an explicit
*undecided* piece whose relation is the original condition; nothing is ever
reported as ``nan``. A condition with a factor of degree five or more in ``v``
(no closed form) is refused with :class:`~symtrust.errors.UnsupportedError`.

Examples
--------
>>> from symtrust import positive, probability
>>> p, d = probability("p"), positive("d")
>>> solve_for(d*p + p >= 1, p).value
p >= 1/(d + 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.parameters import Parameter
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import (
    clear_denominators,
    defined_form,
    has_root,
    normalize_relation,
    sign_under,
    simplify_cleared,
    simplify_condition,
)
from symtrust.logic.decide import decide, satisfiable
from symtrust.logic.polyroots import polynomial_roots

__all__ = ["SolvedCondition", "SolvedPiece", "solve_for"]

#: At most this many cells are examined before the rest are left undecided.
MAX_CELLS = 96


@dataclass(frozen=True)
class SolvedPiece:
    """One piece: where the parameters satisfy ``condition``, the variable lies
    in the union of ``intervals``.

    Attributes
    ----------
    condition : sympy Boolean
        The piece, a condition on the other parameters.
    intervals : tuple of (lo, hi, left_open, right_open)
        The set of the variable, in increasing order, disjoint.
    relation : sympy Boolean
        The same set as a condition on the variable (``p >= 1/(d + 1)``).
    decided : bool
        False for a piece z3 could not settle: its relation is then the
        original condition, unsolved.
    """

    condition: Any
    intervals: tuple
    relation: Any
    decided: bool = True

    @property
    def set(self) -> sympy.Set:
        """The intervals as a SymPy set (unevaluated union)."""
        parts = [
            sympy.FiniteSet(lo) if lo == hi else sympy.Interval(lo, hi, lo_o, hi_o)
            for lo, hi, lo_o, hi_o in self.intervals
        ]
        if not parts:
            return S.EmptySet
        return parts[0] if len(parts) == 1 else sympy.Union(*parts, evaluate=False)


@dataclass(frozen=True, kw_only=True)
class SolvedCondition(Result):
    """A condition solved for one variable (see the module docstring).

    ``value`` is the solved condition, equivalent to ``original`` under the
    assumptions; ``condition`` is where every piece was decided.

    Attributes
    ----------
    original : sympy Boolean
        The condition as given.
    variable : Symbol
        The variable it is solved for.
    pieces : tuple of SolvedPiece
        A partition of the parameter space.
    domain : tuple
        ``(lo, hi, lo_open, hi_open)``: the variable's domain.
    """

    original: Any = S.true
    variable: Any = None
    pieces: tuple = ()
    domain: tuple = (S.NegativeInfinity, S.Infinity, True, True)

    def display_rows(self) -> tuple:
        rows = [(self.kind, self.value)]
        if len(self.pieces) > 1:
            for piece in self.pieces:
                rows.append((f"  where {piece.condition}", piece.relation))
        return tuple(rows)

    def piece_at(self, point) -> SolvedPiece:
        """The piece whose condition holds at an exact point of the parameters."""
        for piece in self.pieces:
            if piece.condition.xreplace(dict(point)) is S.true:
                return piece
        raise ModelError(f"no piece of the solved condition holds at {point}")


# -- the condition as polynomials in the variable -------------------------------------


def _domain(v, conds):
    """``(lo, hi, lo_open, hi_open)`` of the variable from its own domain."""
    if isinstance(v, Parameter):
        dom = v.domain
        return dom.inf, dom.sup, bool(dom.left_open), bool(dom.right_open)
    if v.is_positive:
        return S.Zero, S.Infinity, True, True
    if v.is_nonnegative:
        return S.Zero, S.Infinity, False, True
    if v.is_negative:
        return S.NegativeInfinity, S.Zero, True, True
    if v.is_nonpositive:
        return S.NegativeInfinity, S.Zero, True, False
    return S.NegativeInfinity, S.Infinity, True, True


def _relations(cond):
    if isinstance(cond, Relational):
        return [cond]
    if isinstance(cond, sympy.Basic) and cond.args and cond.is_Boolean:
        return [r for a in cond.args for r in _relations(a)]
    return []


def _polynomial(cond, v):
    """``cond`` in :func:`defined_form` (defined everywhere, False where
    ``cond`` is undefined), and the polynomials in ``v`` whose roots are
    critical."""
    polys = []
    for rel in _relations(cond):
        num, den = sympy.fraction(sympy.together(rel.lhs - rel.rhs))
        polys.extend(e for e in (sympy.expand(num), sympy.expand(den)) if e.has(v))
    nnf = (
        cond.to_nnf() if isinstance(cond, sympy.logic.boolalg.BooleanFunction) else cond
    )
    return defined_form(nnf), polys


def _pretty_root(value, base, budget):
    """``sqrt(4*h*s)/(2*s)`` as ``sqrt(h)/sqrt(s)``: one radical of the
    square, when z3 proves it the same number (roots read best that way)."""
    if not has_root(value):
        return sympy.factor(value)
    single = sympy.sqrt(sympy.factor(sympy.cancel(value**2)))
    if sympy.count_ops(single) >= sympy.count_ops(value):
        return value
    for candidate in (single, -single):
        if decide(sympy.Eq(value, candidate), base, budget=budget).truth is True:
            return candidate
    return value


def _critical(polys, v, cond, base, budget):
    """The distinct candidate roots in ``v``: ``(value, existence)`` pairs."""
    out = {}
    for poly in polys:
        try:
            roots, _notes = polynomial_roots(poly, v)
        except UnsupportedError as exc:
            raise UnsupportedError(f"cannot solve {cond} for {v}: {exc}") from None
        for r in roots:
            out.setdefault(_pretty_root(r.value, base, budget), r.condition)
    return list(out.items())


# -- cells ------------------------------------------------------------------------------


@dataclass
class _Problem:
    v: Any
    base: tuple
    cond: Any  # the always-defined form
    roots: list
    dom: tuple
    budget: Budget
    cells: int = 0


def _truth(statement, cell, pb) -> bool | None:
    """True or False if z3 settles the statement in the cell, else None."""
    if statement in (S.true, S.false):
        return statement is S.true
    if decide(statement, (*pb.base, *cell), budget=pb.budget).truth is True:
        return True
    if decide(sympy.Not(statement), (*pb.base, *cell), budget=pb.budget).truth is True:
        return False
    return None


def _split(cell, predicate, pb):
    """The nonempty sub-cells of ``cell``, deciding ``predicate``.

    A relation between fractions is split first on the sign of its
    denominator (so that in each sub-cell it clears to a polynomial), then
    on itself, cleared under the cell.
    """
    within = (*pb.base, *cell)
    sides = None
    if isinstance(predicate, Relational):
        den = sympy.fraction(
            sympy.cancel(sympy.together(predicate.lhs - predicate.rhs))
        )[1]
        if not den.is_number and sign_under(den, within, budget=pb.budget) is None:
            sides = [den > 0, den < 0, sympy.Eq(den, 0)]
        else:
            cleared = clear_denominators(predicate, within, budget=pb.budget)
            sides = [
                normalize_relation(r, within, budget=pb.budget)
                if isinstance(r, Relational)
                else r
                for r in (cleared, sympy.Not(cleared))
            ]
    if sides is None:
        sides = [predicate, sympy.Not(predicate)]
    out = []
    for side in sides:
        if side is S.false:
            continue
        sub = cell if side is S.true else (*cell, side)
        if satisfiable(sympy.And(*sub), pb.base, budget=pb.budget).truth is not False:
            out.append(sub)
    return out


def _solve_cells(cell, pb):
    """``[(cell, intervals or None)]``: None for a cell left undecided."""
    pb.cells += 1
    if pb.cells > MAX_CELLS or pb.budget.expired:
        return [(cell, None)]
    found = _analyse(cell, pb)
    if isinstance(found, tuple):
        return [(cell, found)]
    if found is None or found in cell or sympy.Not(found) in cell:
        return [(cell, None)]  # z3 cannot settle even what the cell states
    return [out for sub in _split(cell, found, pb) for out in _solve_cells(sub, pb)]


def _analyse(cell, pb):
    """The intervals of one cell, or a predicate to split the cell on."""
    lo, hi = pb.dom[:2]
    points = []
    for value, exists in pb.roots:
        t = _truth(exists, cell, pb)
        if t is None:
            return exists
        if t:
            points.append(value)
    # roots outside the domain, or on its ends, do not cut it
    inside = []
    for r in points:
        for end, rel in ((lo, r > lo), (hi, r < hi)):
            if end.is_infinite:
                continue
            t = _truth(rel, cell, pb)
            if t is None:
                return rel
            if not t:
                break
        else:
            inside.append(r)
    ordered = []
    for r in inside:
        placed = _place(r, ordered, cell, pb)
        if not isinstance(placed, list):
            return placed
        ordered = placed
    return _intervals(ordered, cell, pb)


def _place(r, ordered, cell, pb):
    """Insert ``r`` into a sorted list of distinct points, or a predicate."""
    for i, q in enumerate(ordered):
        for rel, where in ((sympy.Eq(r, q), None), (r < q, i)):
            t = _truth(rel, cell, pb)
            if t is None:
                return rel
            if t:
                return ordered if where is None else [*ordered[:i], r, *ordered[i:]]
    return [*ordered, r]


def _sample_between(a, b):
    if a.is_infinite and b.is_infinite:
        return S.Zero
    if a.is_infinite:
        return b - 1
    if b.is_infinite:
        return a + 1
    return (a + b) / 2


def _intervals(ordered, cell, pb):
    """Decide the condition at each point and gap; merge into intervals."""
    lo, hi, lo_open, hi_open = pb.dom
    ends = [lo, *ordered, hi]
    marks = []  # (kind, point or (a, b), holds)
    for i, p in enumerate(ends):
        closed_end = (i == 0 and not lo_open) or (i == len(ends) - 1 and not hi_open)
        if 0 < i < len(ends) - 1 or (closed_end and not p.is_infinite):
            t = _truth(pb.cond.xreplace({pb.v: p}), cell, pb)
            if t is None:
                return pb.cond.xreplace({pb.v: p})
            marks.append(("point", p, t))
        if i < len(ends) - 1:
            mid = _sample_between(p, ends[i + 1])
            t = _truth(pb.cond.xreplace({pb.v: mid}), cell, pb)
            if t is None:
                return pb.cond.xreplace({pb.v: mid})
            marks.append(("gap", (p, ends[i + 1]), t))
    return _merge(marks)


def _merge(marks):
    """Adjacent points and gaps where the condition holds, as intervals."""
    out, current = [], None
    for kind, where, holds in marks:
        if not holds:
            if current is not None:
                out.append(current)
                current = None
            continue
        if kind == "point":
            if current is None:
                current = [where, where, False, False]
            else:
                current[1], current[3] = where, False
        else:
            a, b = where
            if current is None:
                current = [a, b, True, True]
            else:
                current[1], current[3] = b, True
    if current is not None:
        out.append(current)
    return tuple(tuple(i) for i in out)


# -- presentation -------------------------------------------------------------------------


def _relation(v, intervals, dom):
    """The set as a readable condition on ``v``."""
    lo, hi, lo_open, hi_open = dom
    parts = []
    for a, b, a_open, b_open in intervals:
        if a == b:
            parts.append(sympy.Eq(v, a))
            continue
        bounds = []
        if not (a == lo and a_open == lo_open):
            bounds.append(v > a if a_open else v >= a)
        if not (b == hi and b_open == hi_open):
            bounds.append(v < b if b_open else v <= b)
        parts.append(sympy.And(*bounds))
    return sympy.Or(*parts)


def _pieces(found, pb, original, present):
    """Group the cells by their set, merge groups whose sets agree on each
    other's cells, and state each group's condition readably."""
    groups: list = []  # [intervals, [cells]]
    for cell, intervals in found:
        for g in groups:
            if _agree(g[0], intervals, cell, pb):
                g[1].append(cell)
                break
        else:
            groups.append([intervals, [cell]])
    if len(groups) == 1:
        return (_piece(S.true, groups[0][0], pb, original),)
    pieces = []
    for intervals, cells in groups:
        where = sympy.Or(*(sympy.And(*c) for c in cells))
        where = simplify_cleared(where, pb.base, budget=pb.budget)
        if present:
            where = _presented(where, pb)
        pieces.append(_piece(where, intervals, pb, original))
    return tuple(pieces)


def _agree(a, b, cell, pb) -> bool:
    """Whether two sets of intervals are the same set throughout a cell."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    within = (*pb.base, *cell)
    # the group's intervals must stay proper intervals in this cell (a piece
    # reads "v from lo to hi", which an empty lo > hi would misstate)
    proper = [
        lo < hi if (lo_open or hi_open) else lo <= hi
        for lo, hi, lo_open, hi_open in a
        if lo != hi and not (lo.is_infinite or hi.is_infinite)
    ]
    if decide(sympy.And(*proper), within, budget=pb.budget).truth is not True:
        return False
    same = sympy.Equivalent(_relation(pb.v, a, pb.dom), _relation(pb.v, b, pb.dom))
    return decide(same, within, budget=pb.budget).truth is True


def _presented(where, pb):
    """A piece condition read simply: one of its own relations when that is
    equivalent (``P + R > S + T``), or, in one parameter, solved for it."""
    if where in (S.true, S.false):
        return where
    atoms = sorted(set(_relations(where)), key=sympy.count_ops)
    if len(atoms) > 1:
        for atom in atoms[:8]:
            same = sympy.Equivalent(atom, where)
            if decide(same, pb.base, budget=pb.budget).truth is True:
                return atom
    free = where.free_symbols
    if len(free) != 1:
        return where
    (sym,) = free
    try:
        solved = _solve(where, sym, pb.base, pb.budget, present=False)
    except UnsupportedError:
        return where
    if all(p.decided for p in solved.pieces) and len(solved.pieces) == 1:
        return solved.value
    return where


def _piece(where, intervals, pb, original):
    if intervals is None:
        return SolvedPiece(where, (), original, decided=False)
    return SolvedPiece(where, intervals, _relation(pb.v, intervals, pb.dom))


def _value(pieces):
    """One condition: each piece's relation where the piece applies."""
    if len(pieces) == 1:
        return pieces[0].relation
    return sympy.Or(*(sympy.And(p.condition, p.relation) for p in pieces))


def solve_for(condition, variable, *, assumptions=(), budget=None) -> SolvedCondition:
    """Solve a condition for one variable, piecewise in the other parameters.

    Parameters
    ----------
    condition : sympy Boolean
        Relations (rational in ``variable``) combined with And, Or, Not.
    variable : Symbol
        The variable to solve for; its domain (a Parameter's interval, or
        SymPy's sign assumptions) bounds the intervals.
    assumptions : Assumptions or iterable of Boolean
        What the parameters satisfy. Assumptions that mention ``variable``
        restrict the solved set as well.
    budget : Budget, float or None
        Time allowed (see :class:`~symtrust.logic.budget.Budget`).

    Returns
    -------
    SolvedCondition
        ``value``: the condition solved for ``variable``; ``pieces``: the sets
        of ``variable`` and where each applies.

    Raises
    ------
    UnsupportedError
        If the condition has a factor of degree above four in the variable, or
        a root (fractional power) of an expression in it.
    ModelError
        If ``variable`` is not a symbol.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive, probability
    >>> p, h, s = probability("p"), positive("h"), positive("s")
    >>> solve_for(p**2 * s >= h, p, assumptions=[s > h]).value
    p >= sqrt(h)/sqrt(s)
    >>> x = positive("x")
    >>> r = solve_for(p >= x / 2, p)
    >>> [(str(q.condition), str(q.relation)) for q in r.pieces]
    [('x <= 2', 'p >= x/2'), ('x > 2', 'False')]
    """
    budget = Budget.of(budget)
    if not isinstance(variable, sympy.Symbol):
        raise ModelError(f"variable={variable!r} must be a SymPy symbol")
    condition = sympy.sympify(condition, strict=True)
    assume = build_assumptions(assumptions, symbols=condition.free_symbols | {variable})
    return _solve(condition, variable, assume, budget, present=True)


def _solve(condition, variable, assume, budget, *, present):
    conds = getattr(assume, "conditions", assume)
    on_v = [a for a in conds if a.has(variable)]
    base = tuple(a for a in conds if not a.has(variable))
    target = sympy.And(condition, *on_v)
    _refuse_roots(target, condition, variable)
    defined, polys = _polynomial(target, variable)
    roots = _critical(polys, variable, condition, base, budget)
    pb = _Problem(variable, base, defined, roots, _domain(variable, base), budget)
    pieces = _pieces(_solve_cells((), pb), pb, condition, present)
    decided = [p.condition for p in pieces if p.decided]
    if all(p.decided for p in pieces):
        where = S.true
    elif decided:
        where = simplify_condition(sympy.Or(*decided), base, budget=budget)
    else:
        where = S.false
    value = _value(pieces)
    return SolvedCondition(
        kind=f"solved for {variable}",
        value=value,
        condition=where,
        assumptions=assume
        if hasattr(assume, "conditions")
        else build_assumptions(conds),
        steps=(
            Step("condition", condition, "as given"),
            Step(
                "critical points",
                sympy.Tuple(*(r for r, _ in roots)),
                f"roots in {variable} of every numerator and denominator",
            ),
            Step(
                f"solved for {variable}",
                value,
                "z3 decides the condition between consecutive critical points",
            ),
        ),
        original=condition,
        variable=variable,
        pieces=pieces,
        domain=pb.dom,
    )


def _refuse_roots(target, condition, variable):
    """A root of an expression in the variable is outside this method."""
    for p in sympy.preorder_traversal(target):
        if (
            isinstance(p, sympy.Pow)
            and p.exp.is_Rational
            and not p.exp.is_Integer
            and p.base.has(variable)
        ):
            raise UnsupportedError(
                f"cannot solve {condition} for {variable}: it has the root {p} of "
                f"an expression in {variable}; square it away first"
            )
