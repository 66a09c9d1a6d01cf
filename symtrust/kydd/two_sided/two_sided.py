"""Starting small, two-sided: both sides' types uncertain, no discounting.

A reconstruction in the spirit of Kydd (2005, ch. 7; ``models.md`` section
5, not Kydd's text). Both players' types t_i are uniform on [0, b], b > 1,
independently (prior trust 1/b, possibly below the minimum trust); a type
below 1 is trustworthy. Round k = 1..N plays the Security Dilemma Game
scaled by the stake x_k with w = 0 (x_k each for mutual cooperation, t x_k
for exploiting, -c x_k for being exploited, 0 for mutual defection); after
any defection the relationship ends, and payoffs are not discounted. In the
symmetric cutoff equilibrium a type t first defects in round k when
a_k < t <= a_{k-1}, with b = a_0 > a_1 > ... > a_N; write P_k = a_k / b for
the probability that the other player is still cooperating in round k.
The payoff of first defecting in round r (r = N + 1: never) is

    U(r; t) = sum_{s<r} [P_s x_s - (P_{s-1} - P_s) c x_s] + P_r t x_r.

The engine derives, for a cutoff path a_1, ..., a_{N-1} the theorist
chooses (symbols by default) and stakes normalised by x_1 = 1:

1. the last-round cutoff: type a_N indifferent between cooperating and
   defecting in round N, a quadratic in a_N given a_{N-1} (``sympy.solve``;
   the larger root, the more cooperative one, is kept and the other
   reported);
2. the marginal types' indifference ``U(k; a_k) = U(k + 1; a_k)``, solved
   for the stake ratios x_{k+1} / x_k and so the stake path;
3. single crossing, ``P_{k+1} x_{k+1} < P_k x_k``: the gain from waiting one
   more round falls with the type, so higher types defect earlier;
4. the trust path, by Bayes' rule on the uniform prior (the probability that
   the other is trustworthy given it has cooperated through round k);
5. the conditions under which the stakes rise from round to round.

The one-sided, discounted version is
:func:`symtrust.kydd.reassurance.gestures.starting_small`.

Examples
--------
>>> import sympy
>>> sm = starting_small_two_sided(2, upper=2, cost=sympy.Rational(1, 4),
...                               cutoffs=(sympy.Rational(3, 2),))
>>> sm.trust
(1/2, 2/3, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.numbers import exact_number
from symtrust.core.parameters import parameter
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError, SolverError, UnsupportedError
from symtrust.games.normal_form.model import as_payoff
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.conditions import sign_under, simplify_condition

__all__ = [
    "StartingSmallTwoSided",
    "first_defection_payoff",
    "starting_small_two_sided",
]


@dataclass(frozen=True, kw_only=True)
class StartingSmallTwoSided(Result):
    """The two-sided starting-small equilibrium: cutoffs, stakes, trust.

    ``value`` is the stake path; ``condition`` says where the cutoff
    equilibrium exists (a real last-round cutoff below a_{N-1}, single
    crossing in every round).

    Attributes
    ----------
    rounds : int
        N.
    cutoffs : tuple
        a_1, ..., a_N (a_N derived, the others the chosen path).
    other_root : sympy.Expr
        The other root of the last-round quadratic.
    stakes : tuple
        x_1 = 1, x_2, ..., x_N.
    ratios : tuple
        x_{k+1} / x_k.
    trust : tuple
        Trust at the start of each round and after the last: 1/b, then
        Pr(t <= 1 | t <= a_k).
    single_crossing : tuple of Boolean
        P_{k+1} x_{k+1} < P_k x_k, k = 1..N-1.
    stakes_rise : tuple of Boolean
        x_{k+1} > x_k, simplified.
    indifference : tuple of sympy.Eq
        The marginal types' conditions, the last round's last.
    upper, cost : sympy.Expr
        b and c.
    """

    rounds: int = 0
    cutoffs: tuple = ()
    other_root: Any = None
    stakes: tuple = ()
    ratios: tuple = ()
    trust: tuple = ()
    single_crossing: tuple = ()
    stakes_rise: tuple = ()
    indifference: tuple = ()
    upper: Any = None
    cost: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("cutoff path", sympy.Tuple(*self.cutoffs)),
            ("stakes", sympy.Tuple(*self.stakes)),
            ("trust path", sympy.Tuple(*self.trust)),
        )


def first_defection_payoff(r: int, t, cutoffs, stakes, upper, cost):
    """U(r; t): first defect in round r (r = N + 1: never), others at the cutoffs.

    Examples
    --------
    >>> import sympy
    >>> first_defection_payoff(1, sympy.Symbol("t"), (1,), (1,), 2, 1)
    t/2
    """
    upper = exact_number(upper, "upper")
    chain = (upper, *(exact_number(a, "cutoff") for a in cutoffs))
    prob = [sympy.cancel(a / upper) for a in chain]
    total = S.Zero
    for s in range(1, r):
        total += (
            prob[s] * stakes[s - 1] - (prob[s - 1] - prob[s]) * cost * stakes[s - 1]
        )
    if r <= len(cutoffs):
        total += prob[r] * t * stakes[r - 1]
    return total


def _path(rounds, upper, cutoffs):
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 1:
        raise ModelError(f"rounds={rounds!r} must be an int >= 1")
    if cutoffs is None:
        made = (
            parameter(
                " ".join(f"a_{k}" for k in range(1, rounds)), lower=1, left_open=True
            )
            if rounds > 1
            else ()
        )
        return (made,) if rounds == 2 else tuple(made)
    if not isinstance(cutoffs, Sequence) or isinstance(cutoffs, str):
        raise ModelError(f"cutoffs={cutoffs!r} must be a sequence of N - 1 values")
    if len(cutoffs) != rounds - 1:
        raise ModelError(
            f"cutoffs={tuple(cutoffs)!r} must give a_1..a_{rounds - 1}: "
            f"{rounds - 1} values for {rounds} rounds"
        )
    return tuple(as_payoff(a, f"cutoff a_{k + 1}") for k, a in enumerate(cutoffs))


def _trust(a, assume):
    """Pr(t <= 1 | t <= a) for a uniform type t, by Bayes' rule.

    The event {t <= 1 and t <= a} is {t <= min(1, a)}; its mass and that of
    {t <= a} are integrals of the (constant) density, which cancels. Where the
    assumptions do not fix the sign of a - 1 the answer is piecewise.
    """
    t = sympy.Dummy("t", nonnegative=True)

    def conditional(top):
        return sympy.simplify(
            sympy.integrate(S.One, (t, 0, top)) / sympy.integrate(S.One, (t, 0, a))
        )

    sign = sign_under(a - 1, assume)
    if sign is not None:
        return conditional(S.One if sign >= 0 else a)
    return sympy.Piecewise((conditional(S.One), a >= 1), (conditional(a), True))


def _last_cutoff(prev, upper, cost, stake, assume):
    """Solve the last round's indifference for a_N; keep the larger root."""
    a = sympy.Symbol("a_N", positive=True)
    p_prev, p_n = prev / upper, a / upper
    cooperate = p_n * stake - (p_prev - p_n) * cost * stake
    defect = p_n * a * stake
    equation = sympy.Eq(cooperate, defect)
    roots = sympy.solve(equation, a)
    if not roots:
        raise SolverError(
            f"no positive real last-round cutoff: {equation} has no such root for "
            f"a_(N-1) = {prev}, b = {upper}, c = {cost} (its discriminant is negative)"
        )
    if len(roots) == 1:
        return roots[0], None, equation
    if len(roots) != 2:
        raise UnsupportedError(f"the last-round indifference {equation} gave {roots}")
    sign = sign_under(roots[0] - roots[1], assume)
    if sign is None:
        # the roots are m +- sqrt(D)/2: the larger carries the + sign
        mid = (roots[0] + roots[1]) / 2
        sign = -1 if sympy.simplify(roots[0] - mid).could_extract_minus_sign() else 1
    keep, other = (roots[0], roots[1]) if sign >= 0 else (roots[1], roots[0])
    return sympy.simplify(keep), sympy.simplify(other), equation


def _refuse_false(b, c, chain, order, above) -> None:
    """Name the value and the rule when a number breaks the model's premises."""
    if (b > 1) is S.false:
        raise ModelError(
            f"upper={b} must exceed 1 (types are uniform on [0, b], b > 1)"
        )
    if (c > 0) is S.false:
        raise ModelError(f"cost={c} must be positive (the cost of being exploited)")
    for k, rel in enumerate(order):
        if rel is S.false:
            raise ModelError(
                f"cutoffs must decrease from upper={chain[0]}: "
                f"{chain[k]} > {chain[k + 1]} fails (b > a_1 > ... > a_(N-1))"
            )
    if above and above[0] is S.false:
        raise ModelError(
            f"the last cutoff a_(N-1)={chain[-1]} must exceed 1 (a_(N-1) > 1)"
        )


def starting_small_two_sided(
    rounds: int, *, upper, cost, cutoffs=None, assumptions=()
) -> StartingSmallTwoSided:
    """Cutoffs, stakes and trust when both sides start small (see module doc).

    Parameters
    ----------
    rounds : int
        N >= 1.
    upper : number or sympy.Expr
        b > 1: types uniform on [0, b].
    cost : number or sympy.Expr
        c > 0, the cost of being exploited (per unit of stake).
    cutoffs : sequence, optional
        a_1, ..., a_{N-1}, the cutoff path; by default parameters
        ``a_1 > ... > a_{N-1} > 1`` below b.
    assumptions : iterable of sympy Boolean

    Raises
    ------
    ModelError
        A number of rounds that is not a positive int, a cutoff path of the
        wrong length, values that are not exact (floats, strings, nan).

    Examples
    --------
    >>> import sympy
    >>> sm = starting_small_two_sided(2, upper=2, cost=sympy.Rational(1, 4),
    ...                               cutoffs=(sympy.Rational(3, 2),))
    >>> sm.cutoffs, sm.other_root
    ((3/2, 3/4), 1/2)
    """
    path = _path(rounds, upper, cutoffs)
    b = as_payoff(upper, "upper")
    c = as_payoff(cost, "cost")
    chain = (b, *path)
    order = [chain[k] > chain[k + 1] for k in range(len(path))]
    above = [path[-1] > 1] if path else []
    _refuse_false(b, c, chain, order, above)
    assume = build_assumptions([*assumptions, b > 1, c > 0, *order, *above])
    n = rounds
    xs = sympy.symbols(f"x_1:{n + 1}", positive=True)
    # the stake of the last round multiplies both sides: normalised to 1 there
    a_n, other, last_eq = _last_cutoff(chain[-1], b, c, S.One, assume)
    cut = (*path, a_n)
    full = (b, *cut)
    # marginal type a_k indifferent between first defecting in k and in k + 1
    eqs = [
        sympy.Eq(
            first_defection_payoff(k, cut[k - 1], cut, xs, b, c),
            first_defection_payoff(k + 1, cut[k - 1], cut, xs, b, c),
        )
        for k in range(1, n)
    ]
    stakes, ratios = [S.One], []
    for k, e in enumerate(eqs, start=1):
        sol = sympy.solve(e.subs(dict(zip(xs[:k], stakes, strict=True))), xs[k])
        if len(sol) != 1:
            raise SolverError(f"the indifference of type a_{k} gave stakes {sol}")
        # each stake as the previous one times a factored ratio: readable
        # (the expanded product of the ratios overflows a page)
        ratios.append(sympy.factor(sympy.simplify(sol[0] / stakes[k - 1])))
        stakes.append(stakes[k - 1] * ratios[-1])
    probs = [sympy.cancel(a / b) for a in full]
    crossing = tuple(
        simplify_condition(probs[k + 1] * stakes[k] < probs[k] * stakes[k - 1], assume)
        for k in range(1, n)
    )
    rise = tuple(
        simplify_condition(stakes[k] > stakes[k - 1], assume) for k in range(1, n)
    )
    # trust: Pr(t <= 1 | t <= a) for the uniform prior on [0, b]
    trust = tuple(_trust(a, assume) for a in full)
    disc = sympy.discriminant(
        sympy.numer(sympy.together(last_eq.lhs - last_eq.rhs)),
        sympy.Symbol("a_N", positive=True),
    )
    exists = sympy.And(
        sympy.Ge(disc, 0) if disc.free_symbols else S.true,
        sympy.Gt(a_n, 0),
        sympy.Lt(a_n, chain[-1]),
        *crossing,
    )
    condition = simplify_condition(exists, assume)
    steps = (
        Step("last round", last_eq, "cooperate or defect at a_N"),
        Step("last-round cutoff", a_n, "the larger root of the quadratic"),
        *(
            Step(f"indifference of type a_{k + 1}", e, "defect in round k or k + 1")
            for k, e in enumerate(eqs)
        ),
        Step("stake ratios", sympy.Tuple(*ratios), "solve the indifferences"),
        Step(
            "single crossing",
            sympy.And(*crossing),
            "in every round the gain from waiting, P_k x_k, falls",
        ),
        Step("trust path", sympy.Tuple(*trust), "Bayes' rule, uniform prior"),
        Step(
            "stakes rise",
            sympy.Tuple(*rise),
            "when each round's stake exceeds the one before",
        ),
    )
    return StartingSmallTwoSided(
        kind=f"two-sided starting small over {n} rounds",
        value=sympy.Tuple(*stakes),
        condition=condition,
        assumptions=assume,
        steps=steps,
        rounds=n,
        cutoffs=cut,
        other_root=other,
        stakes=tuple(stakes),
        ratios=tuple(ratios),
        trust=trust,
        single_crossing=crossing,
        stakes_rise=rise,
        indifference=(*eqs, last_eq),
        upper=b,
        cost=c,
    )
