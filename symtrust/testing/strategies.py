"""Hypothesis strategies: exact parameter points that satisfy a model's assumptions.

A numeric twin checks a symbolic result at parameter points; those points must
lie where the result claims to hold, i.e. satisfy the model's assumptions.
Filtering random points by the assumptions wastes most draws (a chain
``T > R > P > S`` keeps one point in 24), so :func:`points` builds them by
construction, as Axelrod's ``tests/property.py`` builds valid tournaments:

1. each symbol starts from its domain (a :class:`Parameter`'s interval, or the
   sign SymPy assumes for a plain symbol);
2. every assumption that is *linear* in the symbols not yet drawn
   (``x > y``, ``x >= y + 1``, ``x > 2*y``, ``t <= 1``, ...) narrows their
   bounds by interval propagation (bounds consistency, iterated to a fixed
   point); for orderings with constants (difference constraints) this gives
   each symbol's exact range, so a draw inside it never leads to a dead end;
3. symbols are drawn one at a time in a topological order of the orderings
   (smaller first), an exact rational inside the current bounds (an integer
   for integer symbols); after each draw the bounds are propagated again, and
   a nonlinear assumption that has become linear (``x*y > 1`` once ``x`` is
   drawn) joins the propagation;
4. whatever is left (nonlinear relations, ``Ne``, disjunctions) is filtered,
   and every point is checked exactly against *all* assumptions
   (:meth:`Assumptions.holds_at`) before it is yielded.

Points are dicts ``{symbol: sympy.Rational}``. Unbounded directions are cut at
``bound``; denominators are drawn up to ``max_denominator`` (larger ones appear
only when an interval holds no such fraction).

Examples
--------
>>> from hypothesis import find
>>> from symtrust import real
>>> R, S, T, P = real("R S T P")
>>> pt = find(points([T > R, R > P, P > S]), lambda p: True)
>>> pt[T] > pt[R] > pt[P] > pt[S]
True
"""

from __future__ import annotations

import dataclasses
import functools
import graphlib
import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

import sympy
from hypothesis import assume
from hypothesis import strategies as st
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.assumptions import Assumptions
from symtrust.core.exact import substitute_condition
from symtrust.core.parameters import positive, probability, real
from symtrust.errors import AssumptionError, ModelError
from symtrust.games.normal_form.model import normal_form_game
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.decide import as_conditions

__all__ = ["numeric_bimatrix", "numeric_game", "points", "rationals", "symbolic_game"]

_OPS = {">": (1, True), ">=": (1, False), "<": (-1, True), "<=": (-1, False)}


@dataclass(frozen=True)
class _Linear:
    """``sum(coeffs[s] * s) + const  op  0`` with op in {>=, >, ==}."""

    coeffs: tuple  # ((symbol, Fraction), ...)
    const: Fraction
    strict: bool
    equality: bool = False


@dataclass
class _Bound:
    lo: Fraction | None = None
    lo_strict: bool = False
    hi: Fraction | None = None
    hi_strict: bool = False

    def raise_lo(self, value: Fraction, strict: bool) -> bool:
        if (
            self.lo is None
            or value > self.lo
            or (value == self.lo and strict > self.lo_strict)
        ):
            self.lo, self.lo_strict = value, strict
            return True
        return False

    def lower_hi(self, value: Fraction, strict: bool) -> bool:
        if (
            self.hi is None
            or value < self.hi
            or (value == self.hi and strict > self.hi_strict)
        ):
            self.hi, self.hi_strict = value, strict
            return True
        return False

    def empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        return self.lo > self.hi or (
            self.lo == self.hi and (self.lo_strict or self.hi_strict)
        )


def _fraction(value) -> Fraction | None:
    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    return None


def _linear(cond) -> _Linear | None:
    """The linear form of a relation with rational coefficients, else None."""
    if not isinstance(cond, Relational):
        return None
    op = cond.rel_op
    if op not in (*_OPS, "=="):
        return None
    diff = sympy.expand(cond.lhs - cond.rhs)
    syms = sorted(diff.free_symbols, key=lambda s: s.sort_key())
    if not syms:
        return None
    try:
        poly = sympy.Poly(diff, *syms)
    except sympy.PolynomialError:
        return None
    if poly.total_degree() > 1:
        return None
    coeffs = []
    for s in syms:
        c = _fraction(poly.coeff_monomial(s))
        if c is None:
            return None
        if c != 0:
            coeffs.append((s, c))
    const = _fraction(poly.coeff_monomial(1))
    if const is None or not coeffs:
        return None
    if op == "==":
        return _Linear(tuple(coeffs), const, False, True)
    sign, strict = _OPS[op]
    # normalise to  sum >= 0 / sum > 0
    coeffs = tuple((s, sign * c) for s, c in coeffs)
    return _Linear(coeffs, sign * const, strict)


@dataclass(frozen=True)
class _Polynomial:
    """``sum(coeff * prod(symbols ** exps))  op  0``, rational coefficients.

    A nonlinear assumption that is a polynomial relation is partially
    evaluated in exact Fraction arithmetic as symbols are drawn, instead of
    substituting into the SymPy relation (which re-derives its truth with
    SymPy's assumptions at every draw) and re-extracting the linear form."""

    condition: Relational
    symbols: tuple
    terms: tuple  # ((exponents, Fraction), ...)
    op: str

    def partial(self, fixed):
        """What the relation says once ``fixed`` symbols have values.

        Returns False (violated), True (satisfied whatever is left), a
        :class:`_Linear` in the symbols left, or None (still nonlinear).
        """
        reduced: dict = {}
        for exps, coeff in self.terms:
            rest = []
            for sym, e in zip(self.symbols, exps, strict=True):
                if not e:
                    continue
                if sym in fixed:
                    coeff *= fixed[sym] ** e
                else:
                    rest.append((sym, e))
            if coeff:
                key = tuple(rest)
                reduced[key] = reduced.get(key, 0) + coeff
        const = reduced.pop((), Fraction(0))
        coeffs = []
        for key, coeff in reduced.items():
            if not coeff:
                continue
            if len(key) != 1 or key[0][1] != 1:
                return None
            coeffs.append((key[0][0], Fraction(coeff)))
        if not coeffs:
            return _holds(const, self.op)
        coeffs.sort(key=lambda sc: sc[0].sort_key())
        if self.op == "==":
            return _Linear(tuple(coeffs), Fraction(const), False, True)
        sign, strict = _OPS[self.op]
        return _Linear(
            tuple((sym, sign * c) for sym, c in coeffs), sign * Fraction(const), strict
        )


def _holds(value, op) -> bool:
    if op == "==":
        return value == 0
    sign, strict = _OPS[op]
    return sign * value > 0 if strict else sign * value >= 0


def _polynomial(cond) -> _Polynomial | None:
    """The polynomial form (rational coefficients) of a relation, else None."""
    if not isinstance(cond, Relational) or cond.rel_op not in (*_OPS, "=="):
        return None
    syms = tuple(sorted(cond.free_symbols, key=lambda s: s.sort_key()))
    if not syms:
        return None
    try:
        poly = sympy.Poly(sympy.expand(cond.lhs - cond.rhs), *syms)
    except (sympy.PolynomialError, TypeError, ValueError):
        return None
    if not (poly.domain.is_ZZ or poly.domain.is_QQ):
        return None
    terms = tuple(
        (exps, Fraction(int(c.p), int(c.q))) for exps, c in poly.as_dict().items()
    )
    return _Polynomial(cond, syms, terms, cond.rel_op)


def _propagate(
    linears,
    bounds,
    fixed,
    *,
    rounds: int,
    touched=None,
    fresh: int | None = None,
    settle: bool = False,
) -> bool:
    """Bounds consistency over linear constraints; False if a bound empties.

    A worklist: only the constraints on symbols whose bounds changed are
    tightened again (``touched``: the symbols changed since the bounds were
    last consistent, None for all; constraints from index ``fresh`` on are new
    and tightened too), each at most ``rounds`` times over on average; the
    fixed point is the one repeated sweeps over every constraint reach.
    With ``settle`` (drawing points), a bound that moves by a negligible step
    is tightened but does not tighten its neighbours again (see
    :func:`_significant`).
    """
    on = {}
    for k, lin in enumerate(linears):
        for sym, _ in lin.coeffs:
            on.setdefault(sym, []).append(k)
    if touched is None:
        queue = list(range(len(linears)))
    else:
        start = len(linears) if fresh is None else fresh
        queue = sorted(
            {k for sym in touched for k in on.get(sym, ())}
            | set(range(start, len(linears)))
        )
    queued = set(queue)
    steps = rounds * max(len(linears), 1)
    while queue and steps > 0:
        steps -= 1
        k = queue.pop(0)
        queued.discard(k)
        changed = _tighten(linears[k], bounds, fixed, settle=settle)
        if changed is None:
            return False
        for sym in changed:
            for j in on[sym]:
                if j not in queued:
                    queued.add(j)
                    queue.append(j)
    return True


def _tighten(lin, bounds, fixed, *, settle: bool = False):
    """Tighten the bounds of a constraint's free symbols from the others'.

    Returns the symbols whose bounds changed (with ``settle``, changed by a
    significant step), or None if the constraint fails.
    """
    const = lin.const
    free = []
    for s, c in lin.coeffs:
        if s in fixed:
            const += c * fixed[s]
        else:
            free.append((s, c))
    if not free:
        ok = const == 0 if lin.equality else (const > 0 if lin.strict else const >= 0)
        return () if ok else None
    changed = []
    for s, c in free:
        # c*s + rest + const >= 0  ->  s >= -(rest + const)/c  (c > 0)
        rest_hi, rest_hi_strict, rest_lo, rest_lo_strict = const, False, const, False
        for o, k in free:
            if o is s:
                continue
            b = bounds[o]
            hi, hs, lo, ls = (
                (b.hi, b.hi_strict, b.lo, b.lo_strict)
                if k > 0
                else (b.lo, b.lo_strict, b.hi, b.hi_strict)
            )
            rest_hi = None if rest_hi is None or hi is None else rest_hi + k * hi
            rest_hi_strict = rest_hi_strict or hs
            rest_lo = None if rest_lo is None or lo is None else rest_lo + k * lo
            rest_lo_strict = rest_lo_strict or ls
        b = bounds[s]
        before = (b.lo, b.hi)
        moved = False
        # from sum >= 0: c*s >= -rest  >= -rest_hi
        if rest_hi is not None:
            val = -rest_hi / c
            strict = lin.strict or rest_hi_strict
            moved |= b.raise_lo(val, strict) if c > 0 else b.lower_hi(val, strict)
        # an equality also gives sum <= 0: c*s <= -rest_lo
        if lin.equality and rest_lo is not None:
            val = -rest_lo / c
            moved |= (
                b.lower_hi(val, rest_lo_strict)
                if c > 0
                else b.raise_lo(val, rest_lo_strict)
            )
        if b.empty():
            return None
        if moved and (not settle or _significant(before, b)):
            changed.append(s)
    return changed


def _significant(before, b) -> bool:
    """Whether a tightened bound moved enough to tighten its neighbours again.

    Constraints such as ``s > (c + m)/3, m > s`` tighten each other without
    end, by ever smaller steps with ever larger denominators (a geometric
    series to the fixed point): a move by less than 1/1024 of the interval
    left (of the bound's size, on a half-line) is kept but not propagated.
    Propagation only narrows where values are drawn; every point is checked
    exactly against the assumptions.
    """
    lo, hi = before
    if (lo is None) != (b.lo is None) or (hi is None) != (b.hi is None):
        return True  # a side became bounded
    step = (b.lo - lo if lo is not None else 0) + (hi - b.hi if hi is not None else 0)
    if b.lo is not None and b.hi is not None:
        width = b.hi - b.lo
    else:
        width = max(Fraction(1), abs(b.lo if b.lo is not None else b.hi))
    return step == 0 or width == 0 or step * 1024 > width


def _rational_in(draw, b: _Bound, *, integer: bool, max_denominator: int, bound: int):
    """Draw an exact value inside bounds (unbounded sides cut at ``bound``)."""
    lo, hi = b.lo, b.hi
    lo_strict, hi_strict = b.lo_strict, b.hi_strict
    # cut unbounded directions: a window of width `bound` beyond the known side
    if lo is None and hi is None:
        lo, hi, lo_strict, hi_strict = Fraction(-bound), Fraction(bound), False, False
    elif hi is None:
        hi, hi_strict = max(lo, Fraction(0)) + bound, False
    elif lo is None:
        lo, lo_strict = min(hi, Fraction(0)) - bound, False
    if integer:
        first = math.floor(lo) + 1 if lo_strict else math.ceil(lo)
        last = math.ceil(hi) - 1 if hi_strict else math.floor(hi)
        assume(first <= last)
        return Fraction(draw(st.integers(first, last)))
    # prefer small denominators: draw d, then a numerator that fits
    d = draw(st.integers(1, max_denominator))
    for den in (*range(d, max_denominator + 1), *range(1, d)):
        first = math.floor(lo * den) + 1 if lo_strict else math.ceil(lo * den)
        last = math.ceil(hi * den) - 1 if hi_strict else math.floor(hi * den)
        if first <= last:
            return Fraction(draw(st.integers(first, last)), den)
    # a narrow interval: interpolate strictly inside it
    if lo == hi:
        return lo
    steps = max_denominator + 1
    k = draw(st.integers(1, steps - 1))
    return lo + (hi - lo) * k / steps


def _order(symbols, linears) -> list:
    """A topological order of the symbols by orderings ``x > y`` (y first)."""
    graph = {s: set() for s in symbols}
    for lin in linears:
        if len(lin.coeffs) == 2 and not lin.equality:
            (a, ca), (b, cb) = lin.coeffs
            if ca > 0 > cb:
                graph[a].add(b)  # a above b: draw b first
            elif cb > 0 > ca:
                graph[b].add(a)
    sorter = graphlib.TopologicalSorter(graph)
    try:
        sorter.prepare()
    except graphlib.CycleError:
        return list(symbols)
    out = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready(), key=lambda s: s.sort_key())
        out.extend(ready)
        sorter.done(*ready)
    return out


def _assumptions_of(assumptions, symbols) -> Assumptions:
    # a Solution stands for its game; a game or result for its assumptions
    game = getattr(assumptions, "game", None)
    if game is not None and hasattr(game, "assumptions"):
        assumptions = game
    if hasattr(assumptions, "assumptions") and not isinstance(assumptions, Assumptions):
        assumptions = assumptions.assumptions
    if isinstance(assumptions, Assumptions):
        if not symbols:
            return assumptions
        return Assumptions.build(assumptions.conditions, symbols=symbols)
    return build_assumptions(as_conditions(assumptions), symbols=symbols)


def _check_int(value, name, low):
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ModelError(f"{name}={value!r} must be an int >= {low}")


def points(
    assumptions=(),
    symbols: Iterable | None = None,
    *,
    max_denominator: int = 12,
    bound: int = 10,
):
    """A strategy of exact parameter points satisfying the assumptions.

    Parameters
    ----------
    assumptions : Assumptions, iterable of Boolean, or object
        The assumptions; an object with an ``.assumptions`` attribute (a game,
        a result) stands for its assumptions, a Solution for its game's.
    symbols : iterable of Symbol, optional
        Symbols to include besides those the assumptions mention (with their
        domains), e.g. every free symbol of a result.
    max_denominator : int
        Largest denominator drawn (larger only in intervals without such
        fractions).
    bound : int
        Unbounded directions are cut ``bound`` beyond the known side.

    Returns
    -------
    hypothesis.strategies.SearchStrategy
        Dicts ``{symbol: sympy.Rational}`` (``sympy.Integer`` for integer
        symbols), each checked exactly against all assumptions.

    Raises
    ------
    AssumptionError
        Contradictory assumptions (given as a list).
    ModelError
        A bad ``max_denominator`` or ``bound``.

    Examples
    --------
    >>> from hypothesis import find
    >>> from symtrust import positive, probability
    >>> c, w = positive("c w")
    >>> t = probability("t")
    >>> pt = find(points([c > w + t], [t]), lambda p: p[t] > 0)
    >>> pt[c] > pt[w] + pt[t] and 0 < pt[t] <= 1
    True
    """
    _check_int(max_denominator, "max_denominator", 1)
    _check_int(bound, "bound", 1)
    symbols = tuple(symbols or ())
    made = _assumptions_of(assumptions, symbols)
    syms = sorted(set(made.symbols) | set(symbols), key=lambda s: s.sort_key())
    conds = made.conditions
    linears, others = [], []
    for c in conds:
        lin = _linear(c)
        if lin is not None:
            linears.append(lin)
        else:
            others.append(_polynomial(c) or c)
    order = _order(syms, linears)
    return _points(
        made, tuple(order), tuple(linears), tuple(others), max_denominator, bound
    )


@functools.lru_cache(maxsize=256)
def _initial_bounds(order, linears, rounds):
    """Whether the linear assumptions are consistent, and the bounds they give
    before anything is drawn (computed once per strategy; copied per draw)."""
    bounds = {s: _Bound() for s in order}
    return _propagate(linears, bounds, {}, rounds=rounds, settle=True), bounds


@functools.lru_cache(maxsize=256)
def _symbol_sets(others) -> dict:
    """The symbols each general assumption mentions (computed once per strategy)."""
    return {
        c: frozenset(c.symbols if isinstance(c, _Polynomial) else c.free_symbols)
        for c in others
    }


@st.composite
def _points(draw, made, order, linears, others, max_denominator, bound):
    rounds = 4 * len(order) + 4
    # the bounds before any draw are the same every time: propagated once
    consistent, start = _initial_bounds(order, linears, rounds)
    assume(consistent)
    bounds = {s: dataclasses.replace(b) for s, b in start.items()}
    fixed: dict = {}
    pending = list(others)
    active = list(linears)
    symbols_of = _symbol_sets(others)
    for sym in order:
        value = _rational_in(
            draw,
            bounds[sym],
            integer=bool(sym.is_integer),
            max_denominator=max_denominator,
            bound=bound,
        )
        fixed[sym] = value
        bounds[sym] = _Bound(value, False, value, False)
        # nonlinear assumptions that became linear in what is left
        fresh = len(active)
        still = []
        for c in pending:
            mentioned = symbols_of[c]
            if sym not in mentioned:
                # nothing new about it: as it was after the last draw
                still.append(c)
                continue
            if isinstance(c, _Polynomial):
                free = mentioned - fixed.keys()
                if free and len(free) < len(mentioned):
                    part = c.partial(fixed)
                    if part is False:
                        assume(False)
                    if part is True:
                        continue
                    if part is not None:
                        active.append(part)
                        continue
                still.append(c)
                continue
            free = mentioned - fixed.keys()
            if free and len(free) < len(mentioned):
                try:
                    part = c.xreplace(
                        {
                            s: sympy.Rational(v.numerator, v.denominator)
                            for s, v in fixed.items()
                            if s in mentioned
                        }
                    )
                except (TypeError, ZeroDivisionError):
                    part = S.false  # undefined there (1/x at x = 0): not admissible
                if part is S.false:
                    assume(False)
                lin = _linear(part) if part is not S.true else None
                if lin is not None:
                    active.append(lin)
                    continue
            still.append(c)
        pending = still
        assume(
            _propagate(
                active,
                bounds,
                fixed,
                rounds=rounds,
                touched=(sym,),
                fresh=fresh,
                settle=True,
            )
        )
    point = {
        s: sympy.Integer(v.numerator)
        if v.denominator == 1
        else sympy.Rational(v.numerator, v.denominator)
        for s, v in fixed.items()
    }
    # remaining general constraints filtered; then everything checked exactly
    assume(all(substitute_condition(c, point) is True for c in made.conditions))
    return point


def rationals(*, max_denominator: int = 12, bound: int = 10):
    """A strategy of exact rationals in ``[-bound, bound]``.

    Examples
    --------
    >>> from hypothesis import find
    >>> find(rationals(), lambda q: q > 3)
    4
    """
    _check_int(max_denominator, "max_denominator", 1)
    _check_int(bound, "bound", 1)
    return st.fractions(-bound, bound, max_denominator=max_denominator).map(
        lambda f: sympy.Rational(f.numerator, f.denominator)
    )


def _shape(shape) -> tuple:
    shape = tuple(shape)
    if not shape or any(
        isinstance(n, bool) or not isinstance(n, int) or n < 1 for n in shape
    ):
        raise ModelError(f"shape={shape!r} must be a nonempty sequence of ints >= 1")
    return shape


def numeric_game(shape, *, max_denominator: int = 4, bound: int = 5):
    """A strategy of normal-form games with exact rational payoffs.

    Parameters
    ----------
    shape : sequence of int
        Number of actions of each player (``(2, 2)``, ``(3, 2)``,
        ``(2, 2, 2)``); players are ``p0, p1, ...``, actions ``a0, a1, ...``.
    max_denominator, bound : int
        Payoffs are rationals in ``[-bound, bound]`` with small denominators
        (so ties, i.e. degenerate games, are common).

    Examples
    --------
    >>> from hypothesis import Phase, find, settings
    >>> once = settings(phases=[Phase.generate], database=None)  # no shrinking
    >>> g = find(numeric_game((2, 3)), lambda g: True, settings=once)
    >>> g.actions
    (('a0', 'a1'), ('a0', 'a1', 'a2'))
    """
    shape = _shape(shape)
    players = tuple(f"p{i}" for i in range(len(shape)))
    actions = tuple(tuple(f"a{j}" for j in range(n)) for n in shape)
    profiles = tuple(itertools.product(*actions))
    value = rationals(max_denominator=max_denominator, bound=bound)
    vectors = st.tuples(*(st.tuples(*(value for _ in players)) for _ in profiles))
    return vectors.map(
        lambda vecs: normal_form_game(
            players, actions, dict(zip(profiles, vecs, strict=True))
        )
    )


def numeric_bimatrix(
    rows: int = 2, cols: int = 2, *, max_denominator: int = 4, bound: int = 5
):
    """A strategy of two-player games with exact rational payoffs.

    Examples
    --------
    >>> from hypothesis import Phase, find, settings
    >>> once = settings(phases=[Phase.generate], database=None)  # no shrinking
    >>> g = find(numeric_bimatrix(3, 2), lambda g: True, settings=once)
    >>> len(list(g.profiles()))
    6
    """
    return numeric_game((rows, cols), max_denominator=max_denominator, bound=bound)


def _default_entries():
    a, b = real("a b")
    c = positive("c")
    t = probability("t")
    entries = (0, 1, -1, a, b, c, a - b, 2 * a, t, 1 - t, a + c, c * t, b - 1)
    relations = (a > b, c > 1, b > 0, a > c, t < sympy.Rational(1, 2))
    return entries, relations


def symbolic_game(shape, *, entries=None, relations=None, max_relations: int = 3):
    """A strategy of normal-form games with symbolic payoffs and assumptions.

    Each payoff is drawn from ``entries``; up to ``max_relations`` of
    ``relations`` become the game's stated assumptions (a drawn set that
    contradicts itself or the domains is dropped, leaving the domains).

    Parameters
    ----------
    shape : sequence of int
        Actions per player; players ``p0, p1, ...``, actions ``a0, a1, ...``.
    entries : sequence, optional
        Payoff entries (exact numbers or expressions). The default mixes
        constants, real ``a, b``, positive ``c``, probability ``t``,
        differences and a product ``c*t``.
    relations : sequence of Boolean, optional
        Candidate assumptions (default: orderings among ``a, b, c, t``).
    max_relations : int
        At most this many relations are stated.

    Examples
    --------
    >>> from hypothesis import find
    >>> g = find(symbolic_game((2, 2)), lambda g: len(g.parameters) >= 2)
    >>> g.players
    ('p0', 'p1')
    """
    shape = _shape(shape)
    default_entries, default_relations = _default_entries()
    entries = tuple(default_entries if entries is None else entries)
    relations = tuple(default_relations if relations is None else relations)
    if not entries:
        raise ModelError("entries must not be empty")
    _check_int(max_relations, "max_relations", 0)
    players = tuple(f"p{i}" for i in range(len(shape)))
    actions = tuple(tuple(f"a{j}" for j in range(k)) for k in shape)
    profiles = tuple(itertools.product(*actions))

    @st.composite
    def build(draw):
        payoffs = {
            p: tuple(draw(st.sampled_from(entries)) for _ in players) for p in profiles
        }
        stated = []
        if relations and max_relations:
            stated = draw(
                st.lists(
                    st.sampled_from(relations), max_size=max_relations, unique=True
                )
            )
        try:
            return normal_form_game(players, actions, payoffs, assumptions=stated)
        except AssumptionError:
            return normal_form_game(players, actions, payoffs)

    return build()
