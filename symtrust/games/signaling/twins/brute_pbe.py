"""Brute-force perfect Bayesian equilibria of a numeric signaling game.

The independent twin of :func:`symtrust.pbe`, in exact
:class:`fractions.Fraction` arithmetic (no SymPy, no z3) on a game whose
parameters have been substituted:

1. enumerate every pure sender strategy (a message per type) and every pure
   receiver strategy (an action per message);
2. on path, compute beliefs from the joint distribution by Bayes' rule and
   require the receiver's action to maximise expected payoff;
3. off path, search a finite set of exact beliefs for one that makes the
   receiver's action a best response: a grid on the simplex, its vertices,
   and every point where ``|types| - 1`` of the hyperplanes "indifference
   between two actions" and "a type has belief zero" meet (every vertex of a
   best-response region is such a point, so the search is complete);
4. require every type's message to be a best reply to the receiver.

:func:`intuitive_survives` applies the Cho-Kreps test with the same belief
search; :func:`is_pbe` checks a given (possibly mixed) profile.

Examples
--------
>>> from symtrust.catalog import beer_quiche
>>> sorted(pure_pbe(beer_quiche()))
[(('beer', 'beer'), ('not', 'duel')), (('quiche', 'quiche'), ('duel', 'not'))]
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from fractions import Fraction

from symtrust.core.exact import to_fraction
from symtrust.errors import ModelError

__all__ = [
    "NumericSignalingGame",
    "candidate_beliefs",
    "intuitive_survives",
    "is_pbe",
    "pure_pbe",
    "supporting_beliefs",
]


def _fraction(value, where: str) -> Fraction:
    return to_fraction(value, where)


class NumericSignalingGame:
    """A signaling game with every prior and payoff an exact Fraction.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> NumericSignalingGame(beer_quiche()).prior["weak"]
    Fraction(1, 10)
    """

    def __init__(self, game):
        self.types, self.messages, self.actions = (
            game.types,
            game.messages,
            game.actions,
        )
        self.prior = {
            t: _fraction(p, f"prior of {t}")
            for t, p in zip(game.types, game.prior, strict=True)
        }
        self.uS, self.uR = {}, {}
        for i, t in enumerate(self.types):
            for j, m in enumerate(self.messages):
                for k, a in enumerate(self.actions):
                    where = f"payoff at {(t, m, a)}"
                    self.uS[t, m, a] = _fraction(game.sender_payoffs[i][j][k], where)
                    self.uR[t, m, a] = _fraction(game.receiver_payoffs[i][j][k], where)

    def receiver_value(self, m, a, belief) -> Fraction:
        """Receiver's expected payoff of ``a`` after ``m`` under ``belief``."""
        return sum((q * self.uR[t, m, a] for t, q in belief.items()), Fraction(0))

    def best_actions(self, m, belief) -> frozenset:
        """The receiver's best responses to ``belief`` after ``m``."""
        values = {a: self.receiver_value(m, a, belief) for a in self.actions}
        top = max(values.values())
        return frozenset(a for a, v in values.items() if v == top)


def _numeric(game) -> NumericSignalingGame:
    return (
        game if isinstance(game, NumericSignalingGame) else NumericSignalingGame(game)
    )


def _solve(rows, rhs):
    """Exact Gauss-Jordan elimination; None if singular."""
    n = len(rows)
    a = [[*r, b] for r, b in zip(rows, rhs, strict=True)]
    for col in range(n):
        piv = next((r for r in range(col, n) if a[r][col] != 0), None)
        if piv is None:
            return None
        a[col], a[piv] = a[piv], a[col]
        for r in range(n):
            if r != col and a[r][col] != 0:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col], strict=True)]
    return [a[r][n] / a[r][r] for r in range(n)]


def candidate_beliefs(game, m, *, grid: int = 4) -> tuple:
    """Exact beliefs to search off path after message ``m`` (see module doc).

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> sorted(b["weak"] for b in candidate_beliefs(beer_quiche(), "beer", grid=2))
    [Fraction(0, 1), Fraction(1, 2), Fraction(1, 1)]
    """
    g = _numeric(game)
    types, n = g.types, len(g.types)
    found = set()
    # a grid on the simplex (it contains the vertices)
    for combo in itertools.product(range(grid + 1), repeat=n - 1):
        if sum(combo) <= grid:
            found.add(
                (*(Fraction(c, grid) for c in combo), Fraction(grid - sum(combo), grid))
            )
    # hyperplanes in the coordinates of all but the last type
    planes = []
    for a, b in itertools.combinations(g.actions, 2):
        d = [g.uR[t, m, a] - g.uR[t, m, b] for t in types]
        planes.append(([d[i] - d[-1] for i in range(n - 1)], -d[-1]))
    for i in range(n - 1):
        planes.append(([Fraction(int(j == i)) for j in range(n - 1)], Fraction(0)))
    planes.append(([Fraction(1)] * (n - 1), Fraction(1)))
    for chosen in itertools.combinations(planes, n - 1):
        x = _solve([c for c, _ in chosen], [r for _, r in chosen])
        if x is None:
            continue
        last = 1 - sum(x, Fraction(0))
        point = (*x, last)
        if all(v >= 0 for v in point):
            found.add(point)
    return tuple(dict(zip(types, p, strict=True)) for p in sorted(found))


def supporting_beliefs(game, m, actions, *, types=None, grid: int = 4) -> tuple:
    """Candidate beliefs (on ``types``) making every action in ``actions`` a BR.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> [b["weak"] for b in supporting_beliefs(beer_quiche(), "beer", {"duel"}, grid=2)]
    [Fraction(1, 2), Fraction(1, 1)]
    """
    g = _numeric(game)
    allowed = set(g.types if types is None else types)
    out = []
    for b in candidate_beliefs(g, m, grid=grid):
        if any(q != 0 for t, q in b.items() if t not in allowed):
            continue
        if set(actions) <= g.best_actions(m, b):
            out.append(b)
    return tuple(out)


def _check_distribution(dist: Mapping, names, where: str) -> dict:
    if not isinstance(dist, Mapping):
        raise ModelError(f"{where} must be a mapping name -> probability, got {dist!r}")
    out = {}
    for k, v in dist.items():
        if k not in names:
            raise ModelError(f"{where} names {k!r}, not one of {tuple(names)}")
        q = _fraction(v, f"{where}[{k!r}]")
        if not 0 <= q <= 1:
            raise ModelError(f"{where}[{k!r}] is {q}, outside [0, 1]")
        out[k] = q
    if sum(out.values(), Fraction(0)) != 1:
        raise ModelError(f"{where} sums to {sum(out.values())}, not 1")
    return out


def is_pbe(
    game, sender: Mapping, receiver: Mapping, beliefs: Mapping | None = None
) -> bool:
    """Whether a (possibly mixed) profile is a PBE of a numeric game.

    Parameters
    ----------
    game : SignalingGame or NumericSignalingGame
        A game without free parameters.
    sender : mapping
        Type -> mapping message -> probability.
    receiver : mapping
        Message -> mapping action -> probability.
    beliefs : mapping, optional
        Off-path message -> mapping type -> belief. Missing off-path beliefs
        are searched for (see module doc).

    Raises
    ------
    ModelError
        Probabilities or beliefs outside [0, 1] or not summing to one.

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> g = beer_quiche()
    >>> beer = {"weak": {"beer": 1}, "strong": {"beer": 1}}
    >>> is_pbe(g, beer, {"beer": {"not": 1}, "quiche": {"duel": 1}})
    True
    >>> is_pbe(g, beer, {"beer": {"not": 1}, "quiche": {"duel": 1}},
    ...        {"quiche": {"weak": 0, "strong": 1}})
    False
    >>> is_pbe(g, beer, {"beer": {"not": 1}, "quiche": {"duel": 1}},
    ...        {"quiche": {"weak": 2, "strong": -1}})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: belief after 'quiche'['weak'] is 2, outside [0, 1]
    """
    g = _numeric(game)
    sigma = {
        t: _check_distribution(sender[t], g.messages, f"strategy of {t!r}")
        for t in g.types
    }
    rho = {
        m: _check_distribution(receiver[m], g.actions, f"response to {m!r}")
        for m in g.messages
    }
    given = {
        m: _check_distribution(b, g.types, f"belief after {m!r}")
        for m, b in (beliefs or {}).items()
    }
    for m in g.messages:
        support = {a for a, q in rho[m].items() if q > 0}
        mass = sum((g.prior[t] * sigma[t].get(m, 0) for t in g.types), Fraction(0))
        if mass > 0:
            # Bayes' rule from the joint distribution
            post = {t: g.prior[t] * sigma[t].get(m, 0) / mass for t in g.types}
            if not support <= g.best_actions(m, post):
                return False
        elif m in given:
            if not support <= g.best_actions(m, given[m]):
                return False
        elif not supporting_beliefs(g, m, support):
            return False
    for t in g.types:
        value = {
            m: sum((q * g.uS[t, m, a] for a, q in rho[m].items()), Fraction(0))
            for m in g.messages
        }
        best = max(value.values())
        if any(q > 0 and value[m] != best for m, q in sigma[t].items()):
            return False
    return True


def pure_pbe(game, *, grid: int = 4) -> list:
    """Every pure PBE profile ``(message per type, action per message)``.

    Examples
    --------
    >>> from symtrust.catalog import job_market
    >>> import sympy
    >>> g = job_market(sympy.Rational(1, 3), sympy.Rational(1, 2), sympy.Rational(2))
    >>> pure_pbe(g)
    [(('E', 'N'), ('S', 'U')), (('N', 'N'), ('U', 'U'))]
    """
    g = _numeric(game)
    support_cache = {}
    out = []
    for sent in itertools.product(g.messages, repeat=len(g.types)):
        options = []
        for m in g.messages:
            mass = sum(
                (g.prior[t] for t, s in zip(g.types, sent, strict=True) if s == m),
                Fraction(0),
            )
            if mass > 0:
                post = {
                    t: (g.prior[t] / mass if s == m else Fraction(0))
                    for t, s in zip(g.types, sent, strict=True)
                }
                options.append(sorted(g.best_actions(m, post), key=g.actions.index))
            else:
                opts = []
                for a in g.actions:
                    if (m, a) not in support_cache:
                        support_cache[m, a] = bool(
                            supporting_beliefs(g, m, {a}, grid=grid)
                        )
                    if support_cache[m, a]:
                        opts.append(a)
                options.append(opts)
        for acts in itertools.product(*options):
            resp = dict(zip(g.messages, acts, strict=True))
            if all(
                g.uS[t, s, resp[s]] >= max(g.uS[t, m, resp[m]] for m in g.messages)
                for t, s in zip(g.types, sent, strict=True)
            ):
                out.append((tuple(sent), tuple(acts)))
    return out


def intuitive_survives(game, payoffs: Mapping, off_path, *, grid: int = 4) -> bool:
    """The Cho-Kreps Intuitive Criterion for equilibrium payoffs (exact).

    Examples
    --------
    >>> from symtrust.catalog import beer_quiche
    >>> intuitive_survives(beer_quiche(), {"weak": 3, "strong": 2}, ("beer",))
    False
    """
    g = _numeric(game)
    star = {t: _fraction(v, f"payoff of {t}") for t, v in payoffs.items()}

    def br(m, types):
        return {
            a
            for a in g.actions
            if supporting_beliefs(g, m, {a}, types=types, grid=grid)
        }

    for m in off_path:
        full = br(m, g.types)
        J = {t for t in g.types if star[t] > max(g.uS[t, m, a] for a in full)}
        rest = [t for t in g.types if t not in J]
        if not rest:
            continue
        restricted = br(m, rest)
        if any(min(g.uS[t, m, a] for a in restricted) > star[t] for t in rest):
            return False
    return True
