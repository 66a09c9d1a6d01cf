"""Equilibria of symmetric n-player binary games: counts instead of profiles.

For a :class:`~symtrust.games.symmetric.model.SymmetricBinaryGame` the ``2**n``
action profiles collapse to ``n + 1`` classes by the number ``j`` of
cooperators, since players are exchangeable:

1. **dominance pruning**: if ``u_C(k) > u_D(k)`` for every ``k = 0..n-1``
   (decided under the assumptions, with ``k`` an integer symbol when ``n`` is
   symbolic), C is strictly dominant and only ``j = n`` remains; likewise D;
2. **pure equilibria** (complete information): ``j`` cooperators form an
   equilibrium iff a cooperator does not gain by defecting,
   ``u_C(j - 1) >= u_D(j - 1)`` (if ``j > 0``), and a defector does not gain by
   cooperating, ``u_D(j) >= u_C(j)`` (if ``j < n``). With ``n`` symbolic the
   classes are ``j = 0``, ``j = n`` and an interior ``j`` (an integer symbol,
   ``1 <= j <= n - 1``) with its condition;
3. **symmetric Bayesian equilibria** (private types, independent common
   prior): a symmetric strategy is the set ``T`` of cooperating types
   (dominant types fixed by step 1). Each other player cooperates with
   probability ``q = sum_{theta in T} p_theta``, so the count of other
   cooperators is Binomial(n - 1, q) and type ``theta`` expects
   ``E[u_a(theta, k)]``. For numeric ``n`` the expectation is the finite sum;
   for symbolic ``n`` and payoffs polynomial in ``k`` it uses factorial moments,
   ``E[k^(r)] = (n - 1)^(r) q^r`` (falling powers), after writing ``k^d`` in
   falling powers with Stirling numbers of the second kind. Types in ``T``
   must weakly prefer C, the others D.

Examples
--------
>>> from symtrust import positive
>>> from symtrust.games.symmetric.model import count_symbol, symmetric_game
>>> b, c = positive("b c")
>>> k = count_symbol()
>>> # a threshold public good: cooperation pays once two others cooperate
>>> g = symmetric_game(4, sympy.Piecewise((b - c, k >= 2), (-c, True)), 0 * k,
...                    assumptions=[b > c])
>>> [(r.cooperators, r.condition) for r in symmetric_pure_nash(g)]
[(0, True), (4, True)]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError, UnsupportedError
from symtrust.games.symmetric.model import SymmetricBinaryGame
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import simplify_condition
from symtrust.logic.decide import decide

__all__ = [
    "CountEquilibrium",
    "binomial_expectation",
    "dominant_action",
    "symmetric_bayes_nash",
    "symmetric_pure_nash",
]


@dataclass(frozen=True, kw_only=True)
class CountEquilibrium(Result):
    """A class of equilibria of a symmetric game, by who cooperates.

    Attributes
    ----------
    cooperators : sympy.Expr
        Complete information: the number ``j`` of cooperators (maybe a symbol).
    profiles : sympy.Expr
        How many explicit profiles the class stands for, ``binomial(n, j)``.
    cooperating_types : tuple of str
        Bayesian: the types that cooperate.
    cooperation_probability : sympy.Expr
        Bayesian: each player's probability of cooperating.
    """

    cooperators: Any = None
    profiles: Any = S.One
    cooperating_types: tuple = ()
    cooperation_probability: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        if self.cooperation_probability is not None:
            return (
                (self.kind, self.cooperating_types or "no type cooperates"),
                ("P(cooperate)", self.cooperation_probability),
            )
        return ((self.kind, self.cooperators), ("profiles", self.profiles))


def _check(game):
    if not isinstance(game, SymmetricBinaryGame):
        raise ModelError(f"expected a SymmetricBinaryGame, got {type(game).__name__}")


def _counts(game):
    """Assumptions putting the count symbol in 0..n-1."""
    k = game.count
    return (*game.assumptions.conditions, k >= 0, k <= game.n - 1)


def dominant_action(game: SymmetricBinaryGame, theta=None, *, budget=None):
    """The strictly dominant action of a type, or None if neither dominates.

    Examples
    --------
    >>> from symtrust.games.symmetric.model import symmetric_game
    >>> dominant_action(symmetric_game(3, (1, 2, 3), (2, 3, 4)))
    'D'
    """
    budget = Budget.of(budget)
    _check(game)
    theta = game.types[0] if theta is None else theta
    if game.n.is_Integer:
        ks = range(int(game.n))
        gains = [game.payoff("C", k, theta) - game.payoff("D", k, theta) for k in ks]
        for action, rel in (("C", lambda g: g > 0), ("D", lambda g: g < 0)):
            statement = sympy.And(*(rel(g) for g in gains))
            if decide(statement, game.assumptions, budget=budget).truth is True:
                return action
        return None
    gain = game.payoff("C", game.count, theta) - game.payoff("D", game.count, theta)
    for action, statement in (("C", gain > 0), ("D", gain < 0)):
        if decide(statement, _counts(game), budget=budget).truth is True:
            return action
    return None


def symmetric_pure_nash(game: SymmetricBinaryGame, *, budget=None) -> Solution:
    """Pure equilibria of a symmetric game with complete information, by count.

    Returns
    -------
    Solution
        ``method="symmetric_pure_nash"``; :class:`CountEquilibrium` results,
        one per number of cooperators that can be an equilibrium.

    Examples
    --------
    >>> from symtrust.games.symmetric.model import symmetric_game
    >>> sol = symmetric_pure_nash(symmetric_game(5, (0, 0, 0, 0, 2), (1,) * 5))
    >>> [(r.cooperators, r.profiles) for r in sol]
    [(0, 1), (5, 1)]
    """
    budget = Budget.of(budget)
    _check(game)
    if len(game.types) != 1:
        raise ModelError("symmetric_pure_nash needs one type; use symmetric_bayes_nash")
    n, assume = game.n, game.assumptions
    dom = dominant_action(game, budget=budget)
    notes = []
    if dom is not None:
        notes.append(f"{dom} is strictly dominant: the other counts are pruned")
    found = []

    def add(j, parts, steps, context=assume):
        conds = [simplify_condition(p, context, budget=budget) for p in parts]
        if S.false in conds:
            return
        cond = simplify_condition(sympy.And(*conds), context, budget=budget)
        if cond is S.false:
            return
        found.append(
            CountEquilibrium(
                kind="equilibrium with cooperators",
                value=j,
                condition=cond,
                assumptions=assume,
                steps=(*steps, Step("condition", cond, "conjunction, simplified")),
                cooperators=j,
                profiles=sympy.binomial(n, j),
            )
        )

    def parts_for(j, interior=False):
        parts, steps = [], []
        if interior or j != 0:
            stay = sympy.Ge(game.payoff("C", j - 1), game.payoff("D", j - 1))
            parts.append(stay)
            steps.append(Step("a cooperator keeps C", stay, "u_C(j-1) >= u_D(j-1)"))
        if interior or j != n:
            stay = sympy.Ge(game.payoff("D", j), game.payoff("C", j))
            parts.append(stay)
            steps.append(Step("a defector keeps D", stay, "u_D(j) >= u_C(j)"))
        return parts, steps

    if dom is not None:
        j = n if dom == "C" else S.Zero
        add(j, [], [Step("dominance", sympy.true, f"{dom} strictly dominant")])
    elif n.is_Integer:
        for j in range(int(n) + 1):
            add(sympy.Integer(j), *parts_for(j))
    else:
        for j in (S.Zero, n):
            add(j, *parts_for(j))
        # an interior count, as an integer symbol 1 <= j <= n - 1
        j = sympy.Symbol("j", integer=True, positive=True)
        parts, steps = parts_for(j, interior=True)
        context = (*assume.conditions, j <= n - 1)
        add(
            j,
            parts,
            [Step("interior count", j <= n - 1, "1 <= j <= n-1"), *steps],
            context,
        )
    return Solution(
        method="symmetric_pure_nash",
        solver=symmetric_pure_nash,
        game=game,
        results=tuple(found),
        notes=tuple(notes),
    )


def binomial_expectation(u, k, trials, q) -> sympy.Expr:
    """``E[u(K)]`` for ``K ~ Binomial(trials, q)``.

    A numeric ``trials`` gives the finite sum; a symbolic one needs ``u``
    polynomial in ``k`` (factorial moments).

    Examples
    --------
    >>> k, n, q = sympy.symbols("k n q")
    >>> sympy.factor(binomial_expectation(k**2, k, n, q))
    n*q*(n*q - q + 1)
    """
    trials = sympy.sympify(trials, strict=True)
    if trials.is_Integer:
        t = int(trials)
        return sympy.Add(
            *(
                sympy.binomial(t, i) * q**i * (1 - q) ** (t - i) * u.xreplace({k: i})
                for i in range(t + 1)
            )
        )
    if not u.is_polynomial(k):
        raise UnsupportedError(
            f"payoff {u} is not polynomial in {k}: with a symbolic number of players "
            "only polynomial payoffs have closed-form expectations"
        )
    poly = sympy.Poly(u, k)
    out = S.Zero
    for (d,), coeff in poly.terms():
        # k**d in falling powers: sum_r S(d, r) k^(r); E[k^(r)] = trials^(r) q^r
        moment = sympy.Add(
            *(
                sympy.functions.combinatorial.numbers.stirling(d, r)
                * sympy.ff(trials, r)
                * q**r
                for r in range(d + 1)
            )
        )
        out += coeff * moment
    return sympy.expand(out)


def _expectation(game, action, theta, q):
    """E[u_a(theta, K)], K ~ Binomial(n - 1, q); tables summed term by term."""
    n = game.n
    if n.is_Integer:
        t = int(n) - 1
        return sympy.Add(
            *(
                sympy.binomial(t, i)
                * q**i
                * (1 - q) ** (t - i)
                * game.payoff(action, i, theta)
                for i in range(t + 1)
            )
        )
    u = game.payoff(action, game.count, theta)
    return binomial_expectation(u, game.count, n - 1, q)


def symmetric_bayes_nash(game: SymmetricBinaryGame, *, budget=None) -> Solution:
    """Symmetric pure Bayesian equilibria, by the set of cooperating types.

    Returns
    -------
    Solution
        ``method="symmetric_bayes_nash"``; :class:`CountEquilibrium` results
        with ``cooperating_types`` and ``cooperation_probability``.

    Examples
    --------
    >>> from symtrust import probability
    >>> from symtrust.games.symmetric.model import count_symbol, symmetric_game
    >>> p = probability("p")
    >>> k = count_symbol()
    >>> g = symmetric_game(3, {"A": 2 * k - 1, "P": k - 1}, {"A": k, "P": k},
    ...                    prior={"A": p, "P": 1 - p})
    >>> [(r.cooperating_types, r.condition) for r in symmetric_bayes_nash(g)]
    [(('A',), p >= 1/2), ((), True)]
    """
    budget = Budget.of(budget)
    _check(game)
    assume = game.assumptions
    fixed, free = {}, []
    for theta in game.types:
        dom = dominant_action(game, theta, budget=budget)
        if dom is None:
            free.append(theta)
        else:
            fixed[theta] = dom
    notes = [f"type {t!r}: {a} strictly dominant" for t, a in fixed.items()]
    found = []
    for choice in itertools.product("CD", repeat=len(free)):
        plan = {**fixed, **dict(zip(free, choice, strict=True))}
        coop = tuple(t for t in game.types if plan[t] == "C")
        q = sympy.Add(*(game.prior[game.type_index(t)] for t in coop))
        steps, parts = [Step("P(cooperate)", q, "prior mass of cooperating types")], []
        for theta in free:
            eu = {a: _expectation(game, a, theta, q) for a in ("C", "D")}
            mine, other = plan[theta], "D" if plan[theta] == "C" else "C"
            rel = sympy.Ge(sympy.expand(eu[mine] - eu[other]), 0)
            steps.append(Step(f"type {theta!r} keeps {mine}", rel, "E over Binomial"))
            parts.append(simplify_condition(rel, assume, budget=budget))
        if S.false in parts:
            continue
        cond = simplify_condition(sympy.And(*parts), assume, budget=budget)
        if cond is S.false:
            continue
        found.append(
            CountEquilibrium(
                kind="symmetric Bayesian equilibrium",
                value=coop,
                condition=cond,
                assumptions=assume,
                steps=tuple(steps),
                cooperating_types=coop,
                cooperation_probability=q,
            )
        )
    return Solution(
        method="symmetric_bayes_nash",
        solver=symmetric_bayes_nash,
        game=game,
        results=tuple(found),
        notes=tuple(notes),
    )
