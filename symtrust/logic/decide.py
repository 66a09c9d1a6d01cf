"""Deciding conditions under assumptions: three-valued, with checked witnesses.

``decide(statement, assumptions)`` asks whether the statement holds at every
point of the parameter space that satisfies the assumptions. The answer is

* ``True``: z3 proved that no admissible point violates the statement (a point
  where the statement is undefined, by a zero denominator or the square root
  of a negative number, counts as a violation);
* ``False``: with a counterexample, exact rational values that satisfy the
  assumptions and violate the statement, checked by exact SymPy substitution
  before it is reported;
* ``None``: undecided (the budget ran out, an unsupported term, or a z3 witness that could
  not be turned into a checked rational point). Never reported as False.

Examples
--------
>>> import sympy
>>> from symtrust.core.parameters import probability
>>> t = probability("t")
>>> v = decide(t**2 <= t, [])
>>> v.truth
True
>>> v = decide(t >= sympy.Rational(1, 2), [])
>>> v.truth, v.counterexample[t] < sympy.Rational(1, 2)
(False, True)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import sympy
import z3
from sympy import S

from symtrust.core.exact import defined_at, substitute_condition
from symtrust.core.parameters import symbol_domain_condition
from symtrust.errors import ClaimError, UnsupportedError
from symtrust.logic.budget import WALL_SLACK, Budget
from symtrust.logic.z3_bridge import Translation, shared_context

__all__ = [
    "Verdict",
    "as_conditions",
    "check_boolean",
    "decide",
    "satisfiable",
]


@dataclass(frozen=True)
class Verdict:
    """The three-valued answer of :func:`decide` or :func:`satisfiable`.

    Attributes
    ----------
    truth : bool or None
        True, False, or None for undecided.
    counterexample : Mapping or None
        For :func:`decide` returning False: exact values violating the statement.
        For :func:`satisfiable` returning True: exact values satisfying it.
    reason : str
        How the answer was reached, or why it could not be.
    """

    truth: bool | None
    counterexample: Mapping[sympy.Symbol, sympy.Rational] | None = None
    reason: str = ""
    details: tuple = field(default=(), compare=False)

    def __bool__(self):
        raise TypeError(
            "a Verdict is three-valued; test `verdict.truth is True` explicitly"
        )


def as_conditions(assumptions) -> tuple[sympy.Basic, ...]:
    """Normalise assumptions to a tuple of SymPy Booleans.

    Accepts an :class:`~symtrust.core.assumptions.Assumptions`, one Boolean, or
    an iterable of Booleans.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> as_conditions(x > 0)
    (x > 0,)
    """
    if assumptions is None:
        return ()
    conds = getattr(assumptions, "conditions", None)
    if conds is not None:
        return tuple(conds)
    if isinstance(assumptions, sympy.Basic):
        return (assumptions,)
    if isinstance(assumptions, bool):
        return (sympy.true if assumptions else sympy.false,)
    if isinstance(assumptions, Iterable):
        return tuple(
            sympy.true if a is True else sympy.false if a is False else a
            for a in assumptions
        )
    raise ClaimError(f"assumptions {assumptions!r} are not a SymPy Boolean or list")


def check_boolean(statement, what="statement"):
    """A statement as a SymPy Boolean, or a ClaimError naming what it is instead.

    Examples
    --------
    >>> check_boolean(True)
    True
    >>> check_boolean("x > 0")
    Traceback (most recent call last):
    ...
    symtrust.errors.ClaimError: statement 'x > 0' is not a statement: give a relation such as `x >= 0` or a logical combination of relations, not a bare expression
    """
    if isinstance(statement, bool):
        return S.true if statement else S.false
    # a Symbol is a SymPy Boolean too, but a parameter is a number, not a statement
    if isinstance(statement, sympy.Symbol) or not isinstance(
        statement, sympy.logic.boolalg.Boolean
    ):
        raise ClaimError(
            f"{what} {statement!r} is not a statement: give a relation such as "
            "`x >= 0` or a logical combination of relations, not a bare expression"
        )
    return statement


def _rational(value: z3.ArithRef) -> sympy.Rational:
    if z3.is_int_value(value):
        return sympy.Integer(value.as_long())
    if z3.is_rational_value(value):
        return sympy.Rational(value.numerator_as_long(), value.denominator_as_long())
    if z3.is_algebraic_value(value):
        approx = value.approx(30)
        return sympy.Rational(approx.numerator_as_long(), approx.denominator_as_long())
    raise UnsupportedError(f"z3 value {value} is not a number")


def _free(conds) -> set:
    out = set()
    for c in conds:
        out |= c.free_symbols
    return out


def _context() -> z3.Context:
    """The z3 context every decision of this thread uses (see z3_bridge)."""
    return shared_context()


@functools.lru_cache(maxsize=4096)
def _assumptions_translated(assumptions: tuple, ctx: z3.Context):
    """The assumptions in z3, translated once per tuple of assumptions.

    Solvers ask many questions under one set of assumptions; translating them
    is most of the Python-side cost of a decision. The Translation is copied
    before the goal is added, so the cached one is never changed.
    """
    t = Translation(ctx)
    formulas = tuple(t.boolean(a) for a in assumptions)
    side = tuple(t.side_conditions)
    t.side_conditions.clear()
    return t, formulas, side


def _solve(
    goal: sympy.Basic, assumptions: tuple, limits, *, negate: bool, defined=True
):
    """Search for an admissible point where goal fails (negate) or holds.

    One z3 context serves every call (making one costs about 1 ms, and the
    tests alone made thousands); each call gets a fresh, cheap solver, so no
    learned state leaks from one decision into the next.
    """
    seconds, steps = limits
    base, assume_f, assume_side = _assumptions_translated(assumptions, _context())
    t = base.copy()
    solver = (
        z3.SolverFor("QF_NRA", ctx=t.ctx)
        if not _has_integer(goal, assumptions)
        else z3.Solver(ctx=t.ctx)
    )
    solver.set("timeout", max(1, int(seconds * 1000)))
    solver.set("rlimit", steps)
    goal_f = t.boolean(goal)
    goal_side = list(t.side_conditions)
    for sym in goal.free_symbols:
        t.symbol(sym)
    solver.add(*t.domains, *t.auxiliary, *assume_f)
    if defined:
        solver.add(*assume_side)
    defined_goal = z3.And(*goal_side, goal_f) if goal_side else goal_f
    solver.add(z3.Not(defined_goal) if negate else defined_goal)
    result = solver.check()
    if result == z3.unsat:
        return "unsat", None
    if result == z3.unknown:
        return "unknown", solver.reason_unknown()
    model = solver.model()
    point = {}
    for sym, var in t.symbols.items():
        point[sym] = _rational(model.eval(var, model_completion=True))
    return "sat", point


def _has_integer(goal, assumptions) -> bool:
    return any(s.is_integer for s in _free((goal, *assumptions)))


def _admissible(point, assumptions) -> bool:
    for sym, value in point.items():
        if substitute_condition(symbol_domain_condition(sym), {sym: value}) is not True:
            return False
    return all(substitute_condition(a, point) is True for a in assumptions)


_CACHE: dict = {}
_CACHE_SIZE = 50_000


def _cached_run(kind: str, statement, conds: tuple, budget: Budget, compute):
    """One decision through the verdict cache.

    A decided verdict (True or False) is a fact and is kept whatever the
    budget. An undecided one is kept with the step limit it had, when that
    limit (deterministic) is what stopped z3, and is reused only for a request
    with no larger limit; one cut short by the clock is never kept.
    """
    limits = budget.decision_limits()
    if limits is None:
        budget.mark_incomplete()
        return Verdict(None, reason="undecided: the time budget is spent")
    key = (kind, statement, conds)
    try:
        hit = _CACHE.get(key)
        if hit is not None and hit[1] >= limits[1]:
            return hit[0]
        verdict, deterministic = compute(limits)
    except RecursionError:
        raise UnsupportedError(
            f"{kind}: the statement is nested too deeply to translate into z3 "
            "(beyond Python's recursion limit); simplify it first"
        ) from None
    if verdict.truth is not None or deterministic:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = (verdict, math.inf if verdict.truth is not None else limits[1])
    elif limits[0] < budget.per_decision * WALL_SLACK:
        budget.mark_incomplete()  # the total, not z3, cut this decision short
    return verdict


def _unknown(reason: str):
    """An undecided verdict, and whether the same request would be again."""
    by_clock = "timeout" in reason or "canceled" in reason
    return Verdict(None, reason=f"z3 could not decide it ({reason})"), not by_clock


def _conditions(assumptions) -> tuple:
    return tuple(check_boolean(a, "assumption") for a in as_conditions(assumptions))


def decide(
    statement, assumptions=(), *, budget=None, assumptions_defined: bool = True
) -> Verdict:
    """Decide whether a statement holds at every admissible parameter point.

    Parameters
    ----------
    statement : sympy Boolean
        A relation or logical combination of relations.
    assumptions : Assumptions, Boolean or iterable of Booleans
        What the parameters satisfy; symbol domains are added automatically.
    budget : Budget, float or None
        Time allowed (see :class:`~symtrust.logic.budget.Budget`); when it is
        spent the verdict is undecided.
    assumptions_defined : bool
        Whether the assumptions may be taken to be defined (their denominators
        nonzero, radicands nonnegative). False when the assumptions are other
        parts of a condition being simplified: a guard such as ``Ne(d, 0)``
        is then not "implied" merely because another part divides by ``d``.

    Returns
    -------
    Verdict
        ``truth`` is True (proved), False (refuted, with a checked rational
        counterexample) or None (undecided, with the reason).

    Raises
    ------
    ClaimError
        If ``statement`` is a bare expression rather than a statement.
    BudgetError
        If ``budget`` is not a positive, finite number of seconds.
    UnsupportedError
        If the statement is nested too deeply to translate.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.parameters import positive
    >>> c, w = positive("c w")
    >>> decide((c - w) / (1 + c - w) > 0, [c > w]).truth
    True
    >>> decide(c > w, []).truth
    False
    """
    budget = Budget.of(budget)
    statement = check_boolean(statement)
    conds = _conditions(assumptions)
    if statement is S.true:
        return Verdict(True, reason="trivially true")

    def compute(limits):
        try:
            status, payload = _solve(
                statement, conds, limits, negate=True, defined=assumptions_defined
            )
        except UnsupportedError as exc:
            return Verdict(None, reason=str(exc)), True
        if status == "unsat":
            return Verdict(True, reason="z3: no admissible point violates it"), True
        if status == "unknown":
            return _unknown(payload)
        return _refutation(statement, conds, payload), True

    kind = "decide" if assumptions_defined else "decide (assumptions may be undefined)"
    return _cached_run(kind, statement, conds, budget, compute)


def _refutation(statement, conds, point) -> Verdict:
    """False with a checked counterexample, or undecided if it does not check."""
    if _admissible(point, conds):
        held = substitute_condition(statement, point)
        if held is False or (held is None and not defined_at(statement, point)):
            why = "fails" if held is False else "is undefined"
            return Verdict(
                False,
                counterexample=point,
                reason=f"the statement {why} at an admissible point (checked exactly)",
            )
    return Verdict(
        None,
        reason="z3 found a violating point that could not be confirmed exactly "
        "at rational values",
        details=(point,),
    )


def satisfiable(condition, assumptions=(), *, budget=None) -> Verdict:
    """Decide whether some admissible point satisfies the condition.

    Returns a Verdict whose ``counterexample`` is, when ``truth`` is True, a
    checked exact witness. ``budget`` is as for :func:`decide`.

    Examples
    --------
    >>> from symtrust.core.parameters import probability
    >>> t = probability("t")
    >>> v = satisfiable(t > 2, [])
    >>> v.truth
    False
    >>> satisfiable(t > 0, []).truth
    True
    """
    budget = Budget.of(budget)
    condition = check_boolean(condition, "condition")
    conds = _conditions(assumptions)
    if condition is S.false:
        return Verdict(False, reason="trivially false")

    def compute(limits):
        try:
            status, payload = _solve(condition, conds, limits, negate=False)
        except UnsupportedError as exc:
            return Verdict(None, reason=str(exc)), True
        if status == "unsat":
            return Verdict(False, reason="z3: no admissible point satisfies it"), True
        if status == "unknown":
            return _unknown(payload)
        point = payload
        if _admissible(point, conds) and substitute_condition(condition, point) is True:
            return Verdict(
                True, counterexample=point, reason="witness checked exactly"
            ), True
        return Verdict(
            True,
            reason="z3 found a satisfying point (an algebraic one; not a rational "
            "witness)",
            details=(point,),
        ), True

    return _cached_run("satisfiable", condition, conds, budget, compute)


def cache_clear() -> None:
    """Forget every cached verdict (benchmarks call it between runs).

    Examples
    --------
    >>> cache_clear()
    """
    _CACHE.clear()
    _assumptions_translated.cache_clear()


# benchmarks clear every ``cache_clear`` they find on the package's functions
decide.cache_clear = satisfiable.cache_clear = cache_clear
