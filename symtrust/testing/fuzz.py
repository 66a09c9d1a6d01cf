"""Differential fuzzing: symtrust's solvers against independent exact references.

Each *family* draws one random game from a seeded :class:`random.Random`,
solves it with symtrust and compares the answer with a reference computed
another way; it returns the number of games compared and the disagreements
(text, empty when all agree). A solver that raises is a disagreement.

* ``bimatrix``: two-player games, 1 to 5 actions each, integer or rational
  payoffs, wide ranges (nondegenerate) or narrow ones (ties: degenerate).
  ``pure_nash`` against ``pygambit.nash.enumpure_solve``; ``mixed_nash``
  against ``pygambit.nash.enummixed_solve(rational=True)`` (the extreme
  equilibria): every one must be accounted for by a result, every isolated
  result must be an equilibrium, and when no result is degenerate the sets
  must be equal; degenerate games also go through the numeric twin (which
  checks members of families).
* ``three_player``: three players, 1 to 4 actions each, ``pure_nash`` against
  ``enumpure_solve``.
* ``signaling``: finite signaling games (2-3 types, messages, actions), ``pbe``
  against the brute-force PBE enumeration twin.
* ``bayesian``: two-player Bayesian games (1-3 types, 2-3 actions,
  independent priors), ``bayes_nash`` against the brute-force twin.
* ``symbolic``: bimatrix games with symbolic payoffs and assumptions, solved
  once; at a few exact admissible points the substituted results are compared
  with pygambit on the numeric game, as in ``bimatrix``.

The references are pygambit (an optional dependency: without it the
normal-form families raise :class:`~symtrust.errors.UnsupportedError`) and the
registered twins. ``benchmarks/fuzz.py`` runs the campaign; a seeded subset
runs in the test suite.

Examples
--------
>>> import random
>>> games, bad = FAMILIES["bayesian"](random.Random(1))
>>> games, bad
(1, [])
"""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import sympy

from symtrust.core.exact import fraction_at, substitute_condition
from symtrust.core.parameters import positive, probability, real
from symtrust.errors import SymtrustError, UnsupportedError
from symtrust.games.bayesian.bayes_nash import bayes_nash
from symtrust.games.bayesian.model import bayesian_game
from symtrust.games.bayesian.twins.bayes import bayes_nash_twin
from symtrust.games.normal_form.mixed_nash import mixed_nash
from symtrust.games.normal_form.model import bimatrix, normal_form_game
from symtrust.games.normal_form.pure_nash import pure_nash
from symtrust.games.normal_form.twins.brute_mixed import is_equilibrium
from symtrust.games.normal_form.twins.mixed_nash import contains, mixed_nash_twin
from symtrust.games.signaling.model import signaling_game
from symtrust.games.signaling.pbe import pbe
from symtrust.games.signaling.twins.pbe import pbe_twin

try:  # the reference for normal-form games; optional
    import numpy as np
    import pygambit as gbt
except ImportError:  # pragma: no cover - exercised only without pygambit
    gbt = np = None

__all__ = ["FAMILIES", "campaign"]


def _payoff(rng: random.Random, style: str):
    if style == "narrow":
        return rng.randint(-2, 2)
    if style == "wide":
        return rng.randint(-50, 50)
    return Fraction(rng.randint(-12, 12), rng.randint(1, 4))


def _need_gambit():
    if gbt is None:
        raise UnsupportedError(
            "the normal-form fuzz families compare with pygambit: pip install pygambit"
        )


def _rational(x) -> sympy.Rational:
    x = Fraction(x)
    return sympy.Rational(x.numerator, x.denominator)


def gambit_pure(tables, shape) -> set:
    """Pure equilibria (action-index tuples) by pygambit's enumpure_solve."""
    _need_gambit()
    arrays = [np.array(t, dtype=object).reshape(shape) for t in tables]
    g = gbt.Game.from_arrays(*arrays)
    out = set()
    for e in gbt.nash.enumpure_solve(g).equilibria:
        out.add(
            tuple([Fraction(e[s]) for s in pl.strategies].index(1) for pl in g.players)
        )
    return out


def gambit_extreme(A, B) -> set:
    """Extreme equilibria by pygambit's enummixed_solve(rational=True)."""
    _need_gambit()
    g = gbt.Game.from_arrays(np.array(A, dtype=object), np.array(B, dtype=object))
    return {
        tuple(tuple(Fraction(e[s]) for s in pl.strategies) for pl in g.players)
        for e in gbt.nash.enummixed_solve(g, rational=True).equilibria
    }


def _index_profile(game, profile) -> tuple:
    return tuple(acts.index(a) for acts, a in zip(game.actions, profile, strict=True))


def _fractions(eq, point) -> tuple:
    return tuple(
        tuple(fraction_at(x, point, "a mixing probability") for x in s)
        for s in eq.strategies
    )


def compare_bimatrix(game, A, B, pure, mixed, point=None) -> list:
    """Disagreements of pure/mixed solutions with pygambit on the numeric (A, B).

    ``point`` (symbolic games): the parameter point, at which conditions are
    evaluated; results whose condition fails there are ignored.
    """
    point = point or {}
    bad = []

    def holds(eq):
        if not getattr(eq, "free", ()) or not isinstance(eq.condition, sympy.Basic):
            return substitute_condition(eq.condition, point) is True
        # a family: its condition at the point constrains only its free
        # probabilities (contains() sets them); it holds unless it is False
        try:
            left = eq.condition.xreplace(point)
        except TypeError:  # undefined at the point (a zero denominator)
            return False
        return left is not sympy.false and left.free_symbols <= set(eq.free)

    ours = {_index_profile(game, eq.profile) for eq in pure if holds(eq)}
    ref = gambit_pure(
        ([x for r in A for x in r], [x for r in B for x in r]), (len(A), len(A[0]))
    )
    if ours != ref:
        bad.append(f"pure_nash {sorted(ours)} != enumpure {sorted(ref)}")
    extreme = gambit_extreme(A, B)
    held = [eq for eq in mixed if holds(eq)]
    for p, q in extreme:
        if not any(contains(eq, point, p, q) for eq in held):
            bad.append(f"enummixed equilibrium {p}, {q} is in no mixed_nash result")
    isolated = set()
    for eq in held:
        if eq.free:
            continue
        p, q = _fractions(eq, point)
        isolated.add((p, q))
        if not is_equilibrium(A, B, p, q):
            bad.append(f"mixed_nash result {p}, {q} is not an equilibrium")
    if not any(eq.degenerate for eq in held) and isolated != extreme:
        bad.append(
            f"mixed_nash {sorted(isolated)} != enummixed {sorted(extreme)} "
            "(no degenerate result)"
        )
    return bad


def fuzz_bimatrix(rng: random.Random):
    """One random two-player numeric game against pygambit."""
    style = rng.choice(("wide", "wide", "rational", "narrow"))
    m, n = rng.randint(1, 5), rng.randint(1, 5)
    A = [[_payoff(rng, style) for _ in range(n)] for _ in range(m)]
    B = [[_payoff(rng, style) for _ in range(n)] for _ in range(m)]
    game = bimatrix(
        [[_rational(x) for x in r] for r in A],
        [[_rational(x) for x in r] for r in B],
        row_actions=[f"r{i}" for i in range(m)],
        column_actions=[f"c{j}" for j in range(n)],
    )
    mixed = mixed_nash(game)
    bad = compare_bimatrix(game, A, B, pure_nash(game), mixed)
    if any(eq.degenerate for eq in mixed):
        mixed_nash_twin(mixed, {})
    return 1, [f"{style} {m}x{n} A={A} B={B}: {b}" for b in bad]


def fuzz_three_player(rng: random.Random):
    """One random three-player numeric game: pure_nash against enumpure."""
    style = rng.choice(("wide", "rational", "narrow"))
    shape = tuple(rng.randint(1, 4) for _ in range(3))
    players = ("x", "y", "z")
    actions = [
        [f"{p}{k}" for k in range(s)] for p, s in zip(players, shape, strict=True)
    ]
    profiles = list(itertools.product(*actions))
    tables = [[_payoff(rng, style) for _ in profiles] for _ in players]
    payoffs = {
        prof: tuple(_rational(t[k]) for t in tables) for k, prof in enumerate(profiles)
    }
    game = normal_form_game(players, actions, payoffs)
    ours = {_index_profile(game, eq.profile) for eq in pure_nash(game)}
    ref = gambit_pure(tables, shape)
    if ours != ref:
        return 1, [f"{style} {shape} {tables}: {sorted(ours)} != {sorted(ref)}"]
    return 1, []


def _prior(rng, names, zero_ok=False) -> dict:
    low = 0 if zero_ok else 1
    w = [rng.randint(low, 4) for _ in names]
    if sum(w) == 0:
        w[-1] = 1
    return {t: Fraction(x, sum(w)) for t, x in zip(names, w, strict=True)}


def fuzz_signaling(rng: random.Random):
    """One random finite signaling game: pbe against the brute-force twin."""
    types = [f"t{i}" for i in range(rng.choice((2, 2, 3)))]
    messages = [f"m{i}" for i in range(rng.choice((2, 2, 3)))]
    actions = [f"a{i}" for i in range(rng.choice((2, 3)))]
    if len(types) * len(messages) * len(actions) > 12:
        actions = actions[:2]
    style = rng.choice(("narrow", "wide"))
    payoffs = {
        (t, m, a): (_payoff(rng, style), _payoff(rng, style))
        for t in types
        for m in messages
        for a in actions
    }
    prior = _prior(rng, types, zero_ok=rng.random() < 0.1)
    game = signaling_game(types, messages, actions, payoffs, prior=prior)
    pbe_twin(pbe(game), {})
    return 1, []


def fuzz_bayesian(rng: random.Random):
    """One random two-player Bayesian game: bayes_nash against the twin."""
    players = ("x", "y")
    actions = [[f"a{k}" for k in range(rng.randint(2, 3))] for _ in players]
    types = [[f"t{k}" for k in range(rng.randint(1, 3))] for _ in players]
    if len(types[0]) * len(types[1]) * len(actions[0]) * len(actions[1]) > 24:
        types[1] = types[1][:1]
    style = rng.choice(("narrow", "wide", "rational"))
    prior = [_prior(rng, ts, zero_ok=rng.random() < 0.1) for ts in types]
    payoffs = {
        (prof, tp): tuple(_rational(_payoff(rng, style)) for _ in players)
        for tp in itertools.product(*types)
        for prof in itertools.product(*actions)
    }
    game = bayesian_game(players, actions, types, prior, payoffs)
    bayes_nash_twin(bayes_nash(game), {})
    return 1, []


_A, _B = real("a b")
_C = positive("c")
_T = probability("t")
_ENTRIES = (0, 1, -1, 2, _A, _B, _C, _A - _B, 2 * _A, _T, 1 - _T, _A + _C, _C * _T)
_RELATIONS = (_A > _B, _C > 1, _B > 0, _A > _C, _T < sympy.Rational(1, 2))


def _point(rng, params, assumptions):
    """An exact admissible point (rejection sampling), or None."""
    for _ in range(50):
        point = {}
        for s in params:
            if s == _T:
                point[s] = _rational(Fraction(rng.randint(0, 8), 8))
            elif s == _C:
                point[s] = _rational(Fraction(rng.randint(1, 24), 4))
            else:
                point[s] = _rational(Fraction(rng.randint(-24, 24), 4))
        if all(substitute_condition(c, point) is True for c in assumptions):
            return point
    return None


def fuzz_symbolic(rng: random.Random, points: int = 6):
    """A random symbolic bimatrix game, compared with pygambit at exact points."""
    m, n = rng.choice(((2, 2), (2, 2), (2, 2), (2, 2), (2, 3), (3, 2)))
    A = [[rng.choice(_ENTRIES) for _ in range(n)] for _ in range(m)]
    B = [[rng.choice(_ENTRIES) for _ in range(n)] for _ in range(m)]
    relations = rng.sample(_RELATIONS, rng.randint(0, 2))
    try:
        game = bimatrix(A, B, assumptions=relations)
    except SymtrustError:
        game = bimatrix(A, B)
    pure, mixed = pure_nash(game), mixed_nash(game)
    params = sorted(game.parameters, key=str)
    bad = []
    for _ in range(points):
        point = _point(rng, params, game.assumptions.conditions)
        if point is None:
            continue
        num = game.subs(point)
        rows, cols = num.actions
        An, Bn = (
            [
                [fraction_at(num.payoff((r, c))[k], {}, "a payoff") for c in cols]
                for r in rows
            ]
            for k in (0, 1)
        )
        bad.extend(
            f"A={A} B={B} {game.assumptions.conditions} at {point}: {b}"
            for b in compare_bimatrix(game, An, Bn, pure, mixed, point)
        )
    return 1, bad


FAMILIES = {
    "bimatrix": fuzz_bimatrix,
    "three_player": fuzz_three_player,
    "signaling": fuzz_signaling,
    "bayesian": fuzz_bayesian,
    "symbolic": fuzz_symbolic,
}


def campaign(counts: dict, seed: int = 0, *, report=None) -> dict:
    """Run ``counts[family]`` games of each family; per family, games and disagreements.

    Each game draws from its own ``random.Random(f"{seed}:{family}:{k}")``, so
    a disagreement is reproduced by its family, seed and index. ``report``
    (optional) is called with ``(family, k, messages)`` on each disagreement.

    Examples
    --------
    >>> campaign({"three_player": 3}, seed=1)["three_player"]
    (3, [])
    """
    out = {}
    for family, count in counts.items():
        games, bad = 0, []
        for k in range(count):
            rng = random.Random(f"{seed}:{family}:{k}")
            try:
                done, msgs = FAMILIES[family](rng)
            except Exception as exc:  # every failure is reported
                done, msgs = 1, [f"raised {type(exc).__name__}: {exc}"]
            games += done
            msgs = [f"{family}[{seed}:{k}]: {m}" for m in msgs]
            if msgs and report is not None:
                report(family, k, msgs)
            bad.extend(msgs)
        out[family] = (games, bad)
    return out
