"""Mixed-strategy Nash equilibria of two-player games by symbolic support enumeration.

A profile ``(p, q)`` of mixed strategies of a bimatrix game ``(A, B)`` is a
Nash equilibrium iff every action in the support of ``p`` is a best response to
``q`` and every action in the support of ``q`` is a best response to ``p``
(Nash 1951; support enumeration as in Nisan et al., *Algorithmic Game Theory*,
sec. 3.2, and von Stengel 2002). For each pair of supports ``I`` (row) and
``J`` (column), including supports of unequal sizes and single actions:

1. *column's mix from row's indifference*: solve
   ``sum_{j in J} A[i, j] q_j = v`` for ``i in I`` and ``sum_j q_j = 1`` for
   ``(v, q_J)``; symmetrically, *row's mix from column's indifference* solves
   ``sum_{i in I} p_i B[i, j] = w`` (``j in J``), ``sum_i p_i = 1``;
2. the systems have symbolic coefficients, so they are solved case by case
   (:func:`symtrust.logic.linear.solve_cases`): where a pivot may vanish the
   parameter space is split, giving a unique solution where it does not
   (condition: the denominator is nonzero), and no solution or a continuum of
   solutions where it does. A continuum is reported as a *family*: the free
   probabilities stay as symbols, constrained by the condition;
3. the condition of an equilibrium conjoins the case conditions, strict
   positivity of the probabilities inside the supports (so each equilibrium
   appears once, under its exact supports) and no profitable deviation
   outside them (``sum_j A[k, j] q_j <= v`` for ``k`` not in ``I``, and
   likewise for the column player); it is simplified under the game's
   assumptions, and pairs whose condition can never hold are left out.

The two sides are independent given the supports, so the equilibria of a
support pair are the products of the cases of each side. Pure equilibria are
the supports of size one, so the set is complete: at every admissible point,
every Nash equilibrium satisfies the condition of some result (a member of a
family, for degenerate games).

Examples
--------
>>> from symtrust.catalog import matching_pennies
>>> sol = mixed_nash(matching_pennies())
>>> [eq.strategies for eq in sol]
[((1/2, 1/2), (1/2, 1/2))]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.names import fresh_name
from symtrust.core.parameters import probability
from symtrust.core.progress import progress, stopped_note
from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.normal_form._families import affine_solution, support_pairs
from symtrust.games.normal_form._numeric import rational_tables
from symtrust.games.normal_form._vertices import extreme_equilibria
from symtrust.games.normal_form.model import NormalFormGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import (
    admissible_points,
    clear_denominators,
    components,
    sample_points,
    simplify_by_components,
)
from symtrust.logic.conditions.points import holds_somewhere, points_for
from symtrust.logic.decide import as_conditions, satisfiable
from symtrust.logic.linear import solve_cases

__all__ = ["MixedEquilibrium", "mixed_nash"]


@dataclass(frozen=True, kw_only=True)
class MixedEquilibrium(Result):
    """A mixed-strategy equilibrium (or a family of them) of a two-player game.

    Attributes
    ----------
    strategies : tuple of tuple of sympy.Expr
        Each player's probabilities, aligned with ``game.actions``.
    payoffs : tuple of sympy.Expr
        Each player's expected payoff.
    supports : tuple of tuple of str
        The actions each player plays with positive probability.
    players : tuple of str
        The players' names.
    actions : tuple of tuple of str
        Each player's actions, aligned with ``strategies`` (look a
        probability up by player and action with :meth:`probability`).
    free : tuple of sympy.Symbol
        Free probabilities of a continuum of equilibria (empty when isolated);
        they appear in ``strategies`` and ``condition``.
    degenerate : bool
        Whether the result lives on a degenerate case: a vanishing pivot
        (an equation in the condition) or a continuum of solutions.
    notes : tuple of str
        What is degenerate about it.
    """

    strategies: tuple = ()
    payoffs: tuple = ()
    supports: tuple = ()
    players: tuple = ()
    actions: tuple = ()
    free: tuple = ()
    degenerate: bool = False
    notes: tuple = ()

    def _player(self, player) -> int:
        if player in self.players:
            return self.players.index(player)
        if isinstance(player, int) and not isinstance(player, bool):
            if 0 <= player < len(self.strategies):
                return player
        raise ModelError(f"unknown player {player!r}; players are {self.players}")

    def mix(self, player) -> dict:
        """A player's mixed strategy as a mapping action -> probability.

        Examples
        --------
        >>> from symtrust.catalog import matching_pennies
        >>> eq = mixed_nash(matching_pennies())[0]
        >>> eq.mix("column")
        {'H': 1/2, 'T': 1/2}
        """
        i = self._player(player)
        return dict(zip(self.actions[i], self.strategies[i], strict=True))

    def probability(self, player, action: str) -> sympy.Expr:
        """The probability with which a player plays an action.

        Examples
        --------
        >>> from symtrust.catalog import matching_pennies
        >>> eq = mixed_nash(matching_pennies())[0]
        >>> eq.probability("row", "H")
        1/2
        >>> eq.probability("row", "X")
        Traceback (most recent call last):
        ...
        symtrust.errors.ModelError: unknown action 'X' of player 'row'; actions are ('H', 'T')
        """
        i = self._player(player)
        if action not in self.actions[i]:
            raise ModelError(
                f"unknown action {action!r} of player {self.players[i]!r}; "
                f"actions are {self.actions[i]}"
            )
        return self.strategies[i][self.actions[i].index(action)]

    def display_rows(self):
        """Rows for the renderers."""
        shown = " x ".join("(" + ", ".join(s) + ")" for s in self.supports)
        rows = [(self.kind, f"supports {shown}")]
        names = self.players or tuple(
            f"player {k}" for k in range(len(self.strategies))
        )
        for name, s in zip(names, self.strategies, strict=True):
            rows.append((f"  {name} mixes", sympy.Tuple(*s)))
        rows.append(("  payoffs", sympy.Tuple(*self.payoffs)))
        if self.free:
            rows.append(("  free", sympy.Tuple(*self.free)))
        rows.extend(("  note", n) for n in self.notes)
        return tuple(rows)


@dataclass(frozen=True)
class _Side:
    """One case of one player's mix, from the opponent's indifference."""

    mix: tuple  # probabilities over the mixing player's actions
    value: sympy.Expr  # the indifferent player's payoff
    condition: sympy.Basic  # case, positivity, no deviation (raw)
    free: tuple
    equations: tuple  # the case's vanishing conditions (degenerate)
    indifference: tuple = ()  # the equations solved


def _unknowns(game: NormalFormGame):
    """Probability symbols p_a (row) and q_b (column), avoiding the game's names."""
    taken = {str(s) for s in game.parameters}
    return [
        tuple(probability(fresh_name(letter, a, taken)) for a in acts)
        for letter, acts in zip(("p", "q"), game.actions, strict=True)
    ]


def _side_cases(U, own, other, mixers, assume, budget):
    """Cases of the opponent's mix making the indifferent player indifferent on own.

    ``U[i][j]`` is the indifferent player's payoff at (own action i, opponent
    action j); ``mixers`` are the opponent's probability symbols. Returns the
    solvable cases ``(case, mix, value)`` and the conditions of degenerate
    cases without a solution.
    """
    v = sympy.Dummy("v")
    unknowns = (v, *(mixers[j] for j in other))
    # indifference on the support, and total probability one
    matrix = [[-1, *(U[i][j] for j in other)] for i in own]
    rhs = [0] * len(own)
    matrix.append([0, *(1 for _ in other)])
    rhs.append(1)
    out, empty = [], []
    for case in solve_cases(matrix, rhs, unknowns, assume, budget=budget):
        if case.solution is None:
            if any(isinstance(c, sympy.Eq) for c in case.conditions):
                empty.append(case.conditions)
            continue
        value, *probs = case.solution
        mix = [S.Zero] * len(mixers)
        for j, pr in zip(other, probs, strict=True):
            mix[j] = pr
        out.append((case, tuple(mix), value))
    return out, empty


def _indifference(U, own, other, mixers):
    """Equal expected payoffs of the support actions, and total probability one."""
    pay = [sympy.Add(*(U[i][j] * mixers[j] for j in other)) for i in own]
    eqs = [sympy.Eq(pay[0], p, evaluate=False) for p in pay[1:]]
    eqs.append(sympy.Eq(sympy.Add(*(mixers[j] for j in other)), 1, evaluate=False))
    return sympy.Tuple(*eqs)


def _side(cases, U, own, other, mixers, assume, budget):
    """The cases of one side that can hold, with their (raw) conditions."""
    system = _indifference(U, own, other, mixers)
    out = []
    for case, mix, value in cases:
        # positive inside the support; no better action outside it
        positive = [mix[j] > 0 for j in other]
        outside = [
            sympy.Add(*(U[k][j] * mix[j] for j in other)) <= value
            for k in range(len(U))
            if k not in own
        ]
        # denominators of constant sign cleared here (see clear_denominator)
        positive, outside = (
            [clear_denominators(r, assume, budget=budget) for r in rels]
            for rels in (positive, outside)
        )
        raw = sympy.And(*case.conditions, *positive, *outside)
        # prune with one satisfiability call; simplified once both sides meet
        if not _possible(raw, assume, budget):
            continue
        eqs = tuple(c for c in case.conditions if isinstance(c, sympy.Eq))
        out.append(_Side(mix, value, raw, case.free, eqs, system))
    return out


def _possible(cond, assume, budget) -> bool:
    """False only if no admissible point satisfies cond (undefined points do not)."""
    if cond is S.true:
        return True
    if cond is S.false:
        return False
    # a sample point where it holds shows it possible without z3
    if holds_somewhere(cond, points_for(as_conditions(assume))):
        return True
    return satisfiable(cond, assume, budget=budget).truth is not False


def _apart(a, b, assume) -> bool:
    """Whether no symbol of ``a`` is linked to one of ``b`` (see components)."""
    sa, sb = a.free_symbols, b.free_symbols
    if sa & sb:
        return False
    return not any(
        part.free_symbols & sa and part.free_symbols & sb
        for part in components(sympy.And(a, b), assume)
    )


def _supports(n):
    idx = range(n)
    return [c for size in range(1, n + 1) for c in itertools.combinations(idx, size)]


def mixed_nash(game: NormalFormGame, *, budget=None) -> Solution:
    """Every Nash equilibrium of a two-player game, with exact conditions.

    Parameters
    ----------
    game : NormalFormGame
        A two-player game with symbolic or numeric payoffs.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    Solution
        Results of type :class:`MixedEquilibrium`, by support size (pure
        equilibria first). Degenerate cases (vanishing denominators, continua)
        appear as results with ``degenerate=True``; support pairs whose
        equations have no solution on a degenerate case are listed in
        ``notes``.

    Raises
    ------
    UnsupportedError
        A game with other than two players.

    Examples
    --------
    >>> from symtrust.catalog import battle_of_the_sexes
    >>> [(eq.supports, eq.strategies) for eq in mixed_nash(battle_of_the_sexes())]
    [((('O',), ('O',)), ((1, 0), (1, 0))),
     ((('F',), ('F',)), ((0, 1), (0, 1))),
     ((('O', 'F'), ('O', 'F')), ((a/(a + b), b/(a + b)), (b/(a + b), a/(a + b))))]
    """
    budget = Budget.of(budget)
    if not isinstance(game, NormalFormGame):
        raise ModelError(
            f"mixed_nash needs a NormalFormGame, got {type(game).__name__}"
        )
    if len(game.players) != 2:
        raise UnsupportedError(
            f"mixed_nash solves two-player games; {game.name or 'this game'} has "
            f"{len(game.players)} players {game.players}"
        )
    numeric = _numeric_mixed_nash(game)
    if numeric is not None:
        return numeric
    assume = game.assumptions
    rows, cols = game.actions
    A = [[game.payoff((r, c))[0] for c in cols] for r in rows]
    B_t = [[game.payoff((r, c))[1] for r in rows] for c in cols]
    p_syms, q_syms = _unknowns(game)
    results, notes, complete, examined = [], [], True, 0
    pairs = list(itertools.product(_supports(len(rows)), _supports(len(cols))))
    # admissible points (payoffs and mixing probabilities) spare the
    # simplifier the decisions they settle; results are the same without
    points = admissible_points([*game.parameters, *p_syms, *q_syms], assume)
    with sample_points(points):
        for I, J in progress(pairs, desc="mixed_nash support pairs"):
            if budget.expired:
                complete = False
                break
            examined += 1
            label = (
                f"supports {tuple(rows[i] for i in I)} x {tuple(cols[j] for j in J)}"
            )
            # column's mix q from row's indifference on I, and row's mix p
            # from column's indifference on J
            q_raw, q_empty = _side_cases(A, I, J, q_syms, assume, budget)
            p_raw, p_empty = _side_cases(B_t, J, I, p_syms, assume, budget)
            for who, empty in (("row", q_empty), ("column", p_empty)):
                notes.extend(
                    f"{label}: where {sympy.And(*c)}, {who}'s indifference "
                    "equations have no solution"
                    for c in empty
                )
            if not q_raw or not p_raw:
                continue
            q_cases = _side(q_raw, A, I, J, q_syms, assume, budget)
            if not q_cases:
                continue
            p_cases = _side(p_raw, B_t, J, I, p_syms, assume, budget)
            for qs, ps in itertools.product(q_cases, p_cases):
                eq = _combine(game, I, J, ps, qs, assume, budget)
                if eq is not None:
                    results.append(eq)
    notes.extend(stopped_note(complete, examined, len(pairs), "support pairs"))
    return Solution(
        method="mixed_nash",
        solver=mixed_nash,
        game=game,
        results=tuple(results),
        notes=tuple(notes),
        complete=complete,
    )


def _combine(game, I, J, ps, qs, assume, budget):
    rows, cols = game.actions
    raw = sympy.And(ps.condition, qs.condition)
    # each side already passed a satisfiability check: when no symbol links
    # the two (distinct payoff symbols), their conjunction is satisfiable too
    if not _apart(ps.condition, qs.condition, assume) and not _possible(
        raw, assume, budget
    ):
        return None
    cond = simplify_by_components(raw, assume, budget=budget)
    if cond is S.false:
        return None
    free = (*ps.free, *qs.free)
    eqs = (*ps.equations, *qs.equations)
    notes = []
    if eqs:
        notes.append(
            f"degenerate case: holds only where {sympy.And(*eqs)} "
            "(a vanishing pivot of the indifference equations)"
        )
    if free:
        notes.append(
            f"a continuum of equilibria: {', '.join(map(str, free))} free "
            "within the condition"
        )
    supports = (tuple(rows[i] for i in I), tuple(cols[j] for j in J))
    if free:
        kind = "family of Nash equilibria"
    elif len(I) == len(J) == 1:
        kind = "pure Nash equilibrium"
    else:
        kind = "mixed Nash equilibrium"
    row, col = game.players
    steps = (
        Step(
            f"{col} indifferent on its support",
            ps.indifference,
            f"equal expected payoffs against {row}'s mix, probabilities sum to 1",
        ),
        Step(
            f"{row} indifferent on its support",
            qs.indifference,
            f"equal expected payoffs against {col}'s mix, probabilities sum to 1",
        ),
        Step(
            f"{row}'s mix ({col} indifferent on its support)",
            sympy.Tuple(*ps.mix),
            f"solve the indifference equations of {col}",
        ),
        Step(
            f"{col}'s mix ({row} indifferent on its support)",
            sympy.Tuple(*qs.mix),
            f"solve the indifference equations of {row}",
        ),
        Step(
            f"{row}'s conditions",
            ps.condition,
            f"positive on the support, no better action of {col} outside its support",
        ),
        Step(
            f"{col}'s conditions",
            qs.condition,
            f"positive on the support, no better action of {row} outside its support",
        ),
        Step("equilibrium condition", cond, "conjunction, simplified"),
    )
    return MixedEquilibrium(
        kind=kind,
        value=sympy.Tuple(sympy.Tuple(*ps.mix), sympy.Tuple(*qs.mix)),
        condition=cond,
        assumptions=assume,
        steps=steps,
        strategies=(ps.mix, qs.mix),
        payoffs=(qs.value, ps.value),
        supports=supports,
        players=game.players,
        actions=game.actions,
        free=free,
        degenerate=bool(eqs or free),
        notes=tuple(notes),
    )


def _numeric_mixed_nash(game: NormalFormGame) -> Solution | None:
    """The numeric path for a rational game (no parameters); None otherwise.

    Exact vertex enumeration of the best-response polytopes
    (:mod:`symtrust.games.normal_form._vertices`): in a nondegenerate game the
    completely labelled vertex pairs are every equilibrium, each isolated. In
    a degenerate one the cliques of extreme equilibria give the support pairs
    of all equilibria, and each pair's equilibria are solved exactly
    (:mod:`symtrust.games.normal_form._families`), families with free
    probabilities where they form a continuum.
    """
    tables = rational_tables(game)
    if tables is None:
        return None
    rows, cols = game.actions
    n = len(cols)
    A = [tables[0][i * n : (i + 1) * n] for i in range(len(rows))]
    B = [tables[1][i * n : (i + 1) * n] for i in range(len(rows))]
    found, nondegenerate = extreme_equilibria(A, B)
    if nondegenerate:
        results = [_numeric_result(game, A, B, p, q) for p, q in found]
        results.sort(key=lambda r: r[0])
        results = [r for _, r in results]
    else:
        p_syms, q_syms = _unknowns(game)
        B_t = [list(col) for col in zip(*B, strict=True)]
        results = []
        for I, J in support_pairs(found):
            ps = _numeric_side(B_t, J, I, p_syms)
            qs = _numeric_side(A, I, J, q_syms)
            eq = _numeric_family(game, I, J, ps, qs)
            if eq is not None:
                results.append(eq)
    return Solution(
        method="mixed_nash", solver=mixed_nash, game=game, results=tuple(results)
    )


def _numeric_side(U, own, other, mixers):
    """The mixer's probabilities making the responder indifferent on ``own``.

    Exact affine solution of the indifference equations (unknowns: the value
    ``v`` first, then the mixer's probabilities on ``other``); returns a
    ``_Side`` whose condition is positivity on ``other`` and no better action
    outside ``own`` (linear in the free probabilities), or None.
    """
    M = [[-1, *(U[i][j] for j in other)] for i in own]
    M.append([0, *(1 for _ in other)])
    solved = affine_solution(M, [0] * len(own) + [1], 1 + len(other))
    if solved is None:
        return None
    # the value v (column 0, -1 in every indifference row) is always a pivot
    solution, free = solved
    unknowns = (None, *(mixers[j] for j in other))

    def expr(c):
        if c in free:
            return unknowns[c]
        const, coefs = solution[c]
        return _rat(const) + sympy.Add(
            *(_rat(a) * unknowns[f] for f, a in coefs.items())
        )

    mix = [S.Zero] * len(mixers)
    for k, j in enumerate(other):
        mix[j] = expr(k + 1)
    value = expr(0)
    conds = [mix[j] > 0 for j in other]
    conds += [
        sympy.Add(*(U[k][j] * mix[j] for j in other)) <= value
        for k in range(len(U))
        if k not in own
    ]
    free_syms = tuple(unknowns[f] for f in free)
    system = _indifference(U, own, other, mixers)
    return _Side(tuple(mix), value, sympy.And(*conds), free_syms, (), system)


def _rat(x) -> sympy.Rational:
    return sympy.Rational(x.numerator, x.denominator)


def _numeric_family(game, I, J, ps, qs):
    """The equilibria of a degenerate numeric game with supports exactly (I, J)."""
    if ps is None or qs is None:
        return None
    cond = sympy.And(ps.condition, qs.condition)
    if cond is S.false:
        return None
    rows, cols = game.actions
    free = (*ps.free, *qs.free)
    notes = ()
    if free:
        notes = (
            f"a continuum of equilibria: {', '.join(map(str, free))} free within "
            "the condition (degenerate game)",
        )
        kind = "family of Nash equilibria"
    elif len(I) == len(J) == 1:
        kind = "pure Nash equilibrium"
    else:
        kind = "mixed Nash equilibrium"
    row, col = game.players
    steps = (
        Step(f"{col} indifferent on its support", ps.indifference, "exact"),
        Step(f"{row} indifferent on its support", qs.indifference, "exact"),
        Step(f"{row}'s mix", sympy.Tuple(*ps.mix), f"solve {col}'s equations"),
        Step(f"{col}'s mix", sympy.Tuple(*qs.mix), f"solve {row}'s equations"),
        Step(
            "equilibrium condition",
            cond,
            "positive on the supports, no better action outside them; the "
            "support pair is realised by a clique of extreme equilibria",
        ),
    )
    return MixedEquilibrium(
        kind=kind,
        value=sympy.Tuple(sympy.Tuple(*ps.mix), sympy.Tuple(*qs.mix)),
        condition=cond,
        assumptions=game.assumptions,
        steps=steps,
        strategies=(ps.mix, qs.mix),
        payoffs=(qs.value, ps.value),
        supports=(tuple(rows[i] for i in I), tuple(cols[j] for j in J)),
        players=game.players,
        actions=game.actions,
        free=free,
        degenerate=bool(free),
        notes=notes,
    )


def _numeric_result(game, A, B, p, q):
    """One isolated equilibrium of a numeric game, with its sort key."""
    rows, cols = game.actions
    I = tuple(i for i, x in enumerate(p) if x)
    J = tuple(j for j, x in enumerate(q) if x)
    v = sum(A[I[0]][j] * q[j] for j in J)
    w = sum(p[i] * B[i][J[0]] for i in I)
    mix = tuple(tuple(_rat(x) for x in s) for s in (p, q))
    payoffs = (_rat(v), _rat(w))
    row, col = game.players
    steps = (
        Step(
            f"{row}'s mix ({col} indifferent on its support, no better action)",
            sympy.Tuple(*mix[0]),
            "a vertex of the best-response polytope of the row player, exact",
        ),
        Step(
            f"{col}'s mix ({row} indifferent on its support, no better action)",
            sympy.Tuple(*mix[1]),
            "a vertex of the best-response polytope of the column player, exact",
        ),
        Step(
            "equilibrium condition",
            S.true,
            "the pair of vertices is completely labelled (nondegenerate game: "
            "every equilibrium is such a pair)",
        ),
    )
    kind = (
        "pure Nash equilibrium" if len(I) == len(J) == 1 else "mixed Nash equilibrium"
    )
    eq = MixedEquilibrium(
        kind=kind,
        value=sympy.Tuple(sympy.Tuple(*mix[0]), sympy.Tuple(*mix[1])),
        condition=S.true,
        assumptions=game.assumptions,
        steps=steps,
        strategies=mix,
        payoffs=payoffs,
        supports=(tuple(rows[i] for i in I), tuple(cols[j] for j in J)),
        players=game.players,
        actions=game.actions,
    )
    return (len(I), I, len(J), J), eq
