"""Linear systems with symbolic coefficients, solved case by case.

A system ``M x = b`` whose entries depend on parameters has a solution set that
changes where a pivot vanishes: ``(R - T - S + P) q = P - S`` has the unique
solution ``q = (P - S)/(R - T - S + P)`` where the coefficient is nonzero, no
solution where it is zero and ``P != S``, and every ``q`` where both vanish.
Dividing by the coefficient would silently drop the last two cases.

:func:`solve_cases` runs Gauss-Jordan elimination and splits the parameter
space whenever the sign of a candidate pivot is not decided under the
assumptions (Lang, *Linear Algebra*, ch. 1; the case split is the usual
comprehensive-row-echelon construction of parametric linear algebra):

1. in the current column, an entry provably zero (z3, under the assumptions
   and the conditions of the case so far) is set to 0; an entry provably
   nonzero becomes the pivot (numbers first, then the simplest expression);
2. if only undecided entries remain, the case splits in two: the entry is a
   pivot where it is nonzero (a denominator condition ``Ne(e, 0)``), and is
   zero where ``Eq(e, 0)``; cases whose conditions cannot hold are pruned;
3. after the last column, a row ``0 = r`` with ``r`` undecided splits again
   into a consistent case (``Eq(r, 0)``) and an inconsistent one;
4. in each consistent case, the non-pivot unknowns are free and the pivot
   unknowns are affine in them.

The cases cover every admissible point (those z3 could not exclude are kept).

Examples
--------
>>> import sympy
>>> a, b, x = sympy.symbols("a b x", real=True)
>>> [(c.conditions, c.solution) for c in solve_cases([[a]], [b], [x])]
[((Ne(a, 0),), (b/a,)), ((Eq(a, 0), Eq(b, 0)), (x,)), ((Eq(a, 0), Ne(b, 0)), None)]
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from symtrust.errors import ModelError
from symtrust.logic.budget import Budget, cached_by_budget
from symtrust.logic.decide import as_conditions, decide, satisfiable

__all__ = ["LinearCase", "solve_cases"]


@dataclass(frozen=True)
class LinearCase:
    """One case of a parametric linear system.

    Attributes
    ----------
    conditions : tuple of sympy Boolean
        What defines the case, beyond the assumptions (pivots nonzero,
        vanishing entries, vanishing right-hand sides).
    solution : tuple of sympy.Expr or None
        The value of each unknown (free unknowns stand for themselves), or
        None if the system has no solution in this case.
    free : tuple of sympy.Symbol
        The free unknowns (empty when the solution is unique).
    """

    conditions: tuple
    solution: tuple | None
    free: tuple = ()


_ZERO, _NONZERO, _UNKNOWN = "zero", "nonzero", "unknown"


@cached_by_budget(8192)
def _status(expr, conds, budget):
    """Whether expr is zero, nonzero, or undecided under conds."""
    if expr == 0:
        return _ZERO
    if expr.is_number:
        return _NONZERO if expr != 0 else _ZERO
    if decide(sympy.Ne(expr, 0), conds, budget=budget).truth is True:
        return _NONZERO
    if decide(sympy.Eq(expr, 0), conds, budget=budget).truth is True:
        return _ZERO
    return _UNKNOWN


def _possible(extra, assumptions, budget) -> bool:
    """False only if z3 proves the case conditions cannot hold."""
    verdict = satisfiable(sympy.And(*extra), assumptions, budget=budget)
    return verdict.truth is not False


def _pivot_on(M, row, col):
    """Gauss-Jordan step: scale the pivot row, clear the column elsewhere.

    Entries are elements of a field domain (rational functions over QQ), so
    every result is already in lowest terms.
    """
    M = [list(r) for r in M]
    piv = M[row][col]
    M[row] = [e / piv for e in M[row]]
    for r in range(len(M)):
        if r != row and M[r][col]:
            f = M[r][col]
            M[r] = [e - f * p for e, p in zip(M[r], M[row], strict=True)]
    return M


def _domain(entries):
    """The field of rational functions holding every entry (EX as a fallback)."""
    syms = set()
    for e in entries:
        syms |= e.free_symbols
    if not syms:
        return sympy.QQ
    field = sympy.QQ.frac_field(*sorted(syms, key=lambda s: s.sort_key()))
    try:
        for e in entries:
            field.from_sympy(e)
    except Exception:  # not a rational function (e.g. a square root)
        return sympy.EX
    return field


def solve_cases(matrix, rhs, unknowns, assumptions=(), *, budget=None):
    """Solve ``matrix @ x = rhs`` case by case over the parameter space.

    Parameters
    ----------
    matrix : sequence of sequence of sympy.Expr
        Coefficients, one row per equation.
    rhs : sequence of sympy.Expr
        Right-hand sides.
    unknowns : sequence of sympy.Symbol
        The unknowns, one per column; free unknowns appear in solutions as
        themselves.
    assumptions : Assumptions or iterable of Boolean
        What the parameters satisfy.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    tuple of LinearCase
        Cases covering every admissible parameter point.

    Examples
    --------
    >>> import sympy
    >>> x, y = sympy.symbols("x y")
    >>> solve_cases([[1, 1], [1, -1]], [2, 0], [x, y])[0].solution
    (1, 1)
    """
    budget = Budget.of(budget)
    unknowns = tuple(unknowns)
    rows = [
        [sympy.sympify(e, strict=True) for e in r] + [sympy.sympify(b, strict=True)]
        for r, b in zip(matrix, rhs, strict=True)
    ]
    if any(len(r) != len(unknowns) + 1 for r in rows):
        raise ModelError(
            f"every row of the matrix must have {len(unknowns)} coefficients"
        )
    K = _domain([e for r in rows for e in r])
    rows = [[K.from_sympy(e) for e in r] for r in rows]
    base = as_conditions(assumptions)
    out = []
    _recurse(_Ctx(K, unknowns, base, budget, out), rows, (), 0, 0, ())
    return tuple(out)


@dataclass(frozen=True)
class _Ctx:
    K: object
    unknowns: tuple
    base: tuple
    budget: Budget
    out: list


def _recurse(ctx, M, extra, col, row, pivots):
    K, conds = ctx.K, (*ctx.base, *extra)
    if col == len(ctx.unknowns):
        _finish(ctx, M, extra, row, pivots)
        return
    # classify the candidate pivots of this column
    M = [list(r) for r in M]
    candidates = []
    for r in range(row, len(M)):
        e = K.to_sympy(M[r][col])
        s = _status(e, conds, ctx.budget)
        if s == _ZERO:
            M[r][col] = K.zero
        else:
            candidates.append((s, r, e))
    nonzero = [(r, e) for s, r, e in candidates if s == _NONZERO]
    unknown = [(r, e) for s, r, e in candidates if s == _UNKNOWN]
    if nonzero:
        r, _ = min(nonzero, key=lambda t: (not t[1].is_number, sympy.count_ops(t[1])))
        _step(ctx, M, r, row, col, extra, pivots)
        return
    if not unknown:
        # the whole column vanishes: its unknown is free
        _recurse(ctx, M, extra, col + 1, row, pivots)
        return
    r, e = min(unknown, key=lambda t: sympy.count_ops(t[1]))
    # case split: a pivot where e != 0 ...
    ne = (*extra, sympy.Ne(e, 0))
    if _possible(ne, ctx.base, ctx.budget):
        _step(ctx, M, r, row, col, ne, pivots)
    # ... and a vanishing entry where e == 0
    eq = (*extra, sympy.Eq(e, 0))
    if _possible(eq, ctx.base, ctx.budget):
        M0 = [list(x) for x in M]
        M0[r][col] = K.zero
        _recurse(ctx, M0, eq, col, row, pivots)


def _step(ctx, M, r, row, col, extra, pivots):
    M = [list(x) for x in M]
    M[row], M[r] = M[r], M[row]
    M = _pivot_on(M, row, col)
    _recurse(ctx, M, extra, col + 1, row + 1, (*pivots, col))


def _finish(ctx, M, extra, row, pivots):
    K, conds = ctx.K, (*ctx.base, *extra)
    # rows without a pivot read 0 = r: consistent only where r vanishes
    for k in range(row, len(M)):
        r = K.to_sympy(M[k][-1])
        s = _status(r, conds, ctx.budget)
        if s == _ZERO:
            continue
        if s == _NONZERO:
            ctx.out.append(LinearCase(tuple(extra), None))
            return
        eq = (*extra, sympy.Eq(r, 0))
        if _possible(eq, ctx.base, ctx.budget):
            M0 = [list(x) for x in M]
            M0[k][-1] = K.zero
            _finish(ctx, M0, eq, row, pivots)
        ne = (*extra, sympy.Ne(r, 0))
        if _possible(ne, ctx.base, ctx.budget):
            ctx.out.append(LinearCase(ne, None))
        return
    # back-substitution is already done (reduced form): pivots in terms of free
    unknowns = ctx.unknowns
    free = tuple(u for c, u in enumerate(unknowns) if c not in pivots)
    values = list(unknowns)
    for k, c in enumerate(pivots):
        values[c] = sympy.Add(
            K.to_sympy(M[k][-1]),
            *(
                -K.to_sympy(M[k][f]) * unknowns[f]
                for f in range(len(unknowns))
                if f not in pivots
            ),
        )
    ctx.out.append(LinearCase(tuple(extra), tuple(values), free))
