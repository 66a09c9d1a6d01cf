"""Numeric twin of :func:`symtrust.pbe`.

At an admissible exact point, with the game's parameters substituted:

1. the pure profiles whose symbolic existence condition holds must be exactly
   the pure PBE that brute force (:func:`symtrust.games.signaling.twins.brute_pbe.pure_pbe`)
   finds;
2. every reported equilibrium whose condition holds (pure or hybrid) must be a
   PBE when checked directly (:func:`~symtrust.games.signaling.twins.brute_pbe.is_pbe`,
   Bayes' rule from the joint distribution), with mixing probabilities in
   (0, 1), on-path beliefs equal to Bayes' rule, and sender payoffs equal to
   the brute-force ones;
3. the off-path belief condition must accept exactly the searched beliefs
   that make the receiver's action a best response;
4. the Intuitive Criterion condition must agree with the brute-force test.

Examples
--------
>>> from symtrust import check, pbe
>>> from symtrust.catalog import beer_quiche
>>> check(pbe(beer_quiche()), max_examples=2).passed
True
"""

from __future__ import annotations

from fractions import Fraction

from symtrust.core.exact import fraction_at
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.signaling.pbe import PerfectBayesianEquilibrium, pbe
from symtrust.games.signaling.twins.brute_pbe import (
    NumericSignalingGame,
    candidate_beliefs,
    intuitive_survives,
    is_pbe,
    pure_pbe,
)

__all__ = ["pbe_twin", "perfect_bayesian_equilibrium_twin"]


def _value(expr, point, what) -> Fraction:
    return fraction_at(expr, point, what)


def _holds(cond, point, what) -> bool:
    return holds(cond, point, what)


def _check_off_path(eq, g, point):
    """The symbolic off-path belief set equals the brute-force one on candidates."""
    beliefs = dict(zip(eq.messages, eq.beliefs, strict=True))
    action = dict(zip(eq.messages, eq.receiver, strict=True))
    symbols = {m: [b for _, b in beliefs[m][:-1]] for m in eq.off_path}
    chosen = {}
    cands = {m: candidate_beliefs(g, m) for m in eq.off_path}
    for m in eq.off_path:
        a = action[m][0][0]
        good = [b for b in cands[m] if a in g.best_actions(m, b)]
        if not good:
            raise VerificationError(f"no belief supports {a} after off-path {m}")
        chosen[m] = good[0]
    for m in eq.off_path:
        a = action[m][0][0]
        for b in cands[m]:
            sub = dict(point)
            for m2 in eq.off_path:
                use = b if m2 == m else chosen[m2]
                for s, t in zip(symbols[m2], eq.types, strict=False):
                    sub[s] = use[t]
            sym = _holds(eq.off_path_beliefs, sub, "off-path belief condition")
            brute = a in g.best_actions(m, b)
            if sym != brute:
                raise VerificationError(
                    f"off-path belief {b} after {m}: symbolic says {sym}, brute force "
                    f"says {brute} (action {a}) at {point}"
                )


def _check_bayes(eq, g, sender, point):
    """On-path beliefs are Bayes' rule from the joint distribution.

    A message reached with probability 0 at the point (a degenerate prior,
    such as p = 0) leaves the belief after it free: every belief is
    consistent there, so nothing is compared; sequential rationality after it
    is checked by :func:`is_pbe` (some belief must support the action).
    """
    for m, pairs in zip(eq.messages, eq.beliefs, strict=True):
        if m in eq.off_path:
            continue
        mass = sum((g.prior[t] * sender[t].get(m, 0) for t in g.types), Fraction(0))
        if mass == 0:
            continue
        for t, b in pairs:
            want = g.prior[t] * sender[t].get(m, 0) / mass
            got = _value(b, point, f"belief in {t} after {m}")
            if got != want:
                raise VerificationError(
                    f"belief in {t} after {m} is {got} at {point}; Bayes' rule from "
                    f"the joint distribution gives {want}"
                )


def _check_equilibrium(eq, g, point) -> bool:
    """Check one reported equilibrium where its condition holds; whether it does."""
    if not _holds(eq.condition, point, f"existence condition of {eq.label} PBE"):
        return False
    sender = {
        t: {m: _value(p, point, f"Pr({m} | {t})") for m, p in pairs}
        for t, pairs in zip(eq.types, eq.sender, strict=True)
    }
    receiver = {
        m: {a: _value(p, point, f"Pr({a} | {m})") for a, p in pairs}
        for m, pairs in zip(eq.messages, eq.receiver, strict=True)
    }
    for sym, val in eq.mixing:
        v = _value(val, point, str(sym))
        if not 0 < v < 1:
            raise VerificationError(f"mixing probability {sym} = {v} at {point}")
    if not is_pbe(g, sender, receiver):
        raise VerificationError(
            f"reported {eq.label} equilibrium {sender}, {receiver} is not a PBE "
            f"at {point}"
        )
    _check_bayes(eq, g, sender, point)
    payoffs = {}
    for i, t in enumerate(eq.types):
        m = next(iter(sender[t]))
        payoffs[t] = sum(q * g.uS[t, m, a] for a, q in receiver[m].items())
        if _value(eq.value[i], point, f"payoff of {t}") != payoffs[t]:
            raise VerificationError(f"payoff of {t} differs from brute force")
    _check_off_path(eq, g, point)
    sym_ic = _holds(eq.intuitive, point, "Intuitive Criterion condition")
    if sym_ic != intuitive_survives(g, payoffs, eq.off_path):
        raise VerificationError(
            f"Intuitive Criterion of {eq.label} PBE: symbolic {sym_ic} differs "
            f"from brute force at {point}"
        )
    return True


@twin(PerfectBayesianEquilibrium)
def perfect_bayesian_equilibrium_twin(eq, point) -> None:
    """Check one PBE at a point: where it holds it is one; a pure one iff brute force.

    Examples
    --------
    >>> from symtrust import pbe
    >>> from symtrust.catalog import beer_quiche
    >>> perfect_bayesian_equilibrium_twin(pbe(beer_quiche())[0], {}) is None
    True
    """
    if eq.game is None:
        raise VerificationError(f"the {eq.label} PBE carries no game")
    point = dict(point)
    g = NumericSignalingGame(eq.game.subs(point, strict=False))
    held = _check_equilibrium(eq, g, point)
    if eq.is_pure:
        brute = eq.profile in set(pure_pbe(g))
        if held != brute:
            raise VerificationError(
                f"pure profile {eq.profile}: its condition is {held} at {point}, but "
                f"brute force says it is{'' if brute else ' not'} a PBE"
            )


@twin(pbe)
def pbe_twin(solution, point) -> None:
    """Compare a ``pbe`` Solution with brute force at one exact point.

    Raises
    ------
    VerificationError
        On any disagreement listed in the module docstring.

    Examples
    --------
    >>> from symtrust import pbe
    >>> from symtrust.catalog import beer_quiche
    >>> pbe_twin(pbe(beer_quiche()), {}) is None
    True
    """
    point = dict(point)
    g = NumericSignalingGame(solution.game.subs(point, strict=False))
    brute = set(pure_pbe(g))
    claimed = set()
    for eq in solution.results:
        if not _check_equilibrium(eq, g, point):
            continue
        if eq.is_pure:
            if eq.profile in claimed:
                raise VerificationError(f"profile {eq.profile} reported twice")
            claimed.add(eq.profile)
    if claimed != brute:
        raise VerificationError(
            "pure PBE disagree with brute force: missed "
            f"{sorted(brute - claimed)}, wrongly reported {sorted(claimed - brute)} "
            f"at {point}"
        )
