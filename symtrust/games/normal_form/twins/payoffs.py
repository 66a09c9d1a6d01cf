"""Numeric twins of :func:`symtrust.expected_payoff` and :func:`symtrust.best_responses`.

At an exact point (values for the game's parameters and for any symbols in
the strategies):

* an :class:`~symtrust.games.normal_form.payoffs.ExpectedPayoff` holds (its condition is
  True) exactly where every probability lies in [0, 1] and each strategy sums
  to 1, and there its value equals the expected payoff summed profile by
  profile in Fractions;
* where the strategies are valid, a
  :class:`~symtrust.games.normal_form.payoffs.BestResponses` condition holds for an action
  exactly when its brute-force expected payoff is maximal.

Examples
--------
>>> from symtrust import check, expected_payoff, probability
>>> from symtrust.catalog import stag_hunt
>>> q = probability("q")
>>> check(expected_payoff(stag_hunt(), "row", ["C", {"C": q, "D": 1 - q}]), max_examples=5).passed
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.exact import fraction_at, substitute_condition
from symtrust.core.twins import twin
from symtrust.errors import VerificationError
from symtrust.games.normal_form.payoffs import BestResponses, ExpectedPayoff
from symtrust.games.normal_form.twins.brute_nash import game_at

__all__ = ["best_responses_twin", "brute_expected_payoff", "expected_payoff_twin"]


def _exact(x, point) -> Fraction:
    return fraction_at(x, point, "a probability or payoff")


def brute_expected_payoff(game, i, vectors) -> Fraction:
    """Expected payoff of player ``i`` at a numeric game, profile by profile.

    Examples
    --------
    >>> from symtrust.catalog import symmetric_2x2
    >>> half = (Fraction(1, 2), Fraction(1, 2))
    >>> brute_expected_payoff(symmetric_2x2(4, 0, 3, 1), 0, (half, half))
    Fraction(2, 1)
    """
    total = Fraction(0)
    for combo in itertools.product(*(range(len(a)) for a in game.actions)):
        weight = Fraction(1)
        for k, j in enumerate(combo):
            weight *= vectors[k][j]
        if weight:
            profile = tuple(game.actions[k][j] for k, j in enumerate(combo))
            total += weight * _exact(game.payoff(profile)[i], {})
    return total


def _valid(vectors) -> bool:
    return all(all(0 <= x <= 1 for x in v) and sum(v) == 1 for v in vectors)


@twin(ExpectedPayoff)
def expected_payoff_twin(result, point) -> None:
    """Compare an ExpectedPayoff with a profile-by-profile sum at one point.

    Examples
    --------
    >>> from symtrust import expected_payoff, real
    >>> from symtrust.catalog import chicken
    >>> r = expected_payoff(chicken(), "row", ["D", "C"])
    >>> R, S, T, P = real("R S T P")
    >>> expected_payoff_twin(r, {R: 3, S: 2, T: 4, P: 1}) is None
    True
    """
    game = game_at(result.game, point)
    vectors = tuple(tuple(_exact(x, point) for x in v) for v in result.strategies)
    held = substitute_condition(result.condition, point)
    if held is None:
        raise VerificationError(f"condition {result.condition} undefined at {point}")
    if held != _valid(vectors):
        raise VerificationError(
            f"condition {result.condition} is {held} at {point}, but the strategies "
            f"{vectors} are {'' if _valid(vectors) else 'not '}distributions there"
        )
    if held:
        i = game.players.index(result.player)
        want = brute_expected_payoff(game, i, vectors)
        got = _exact(result.value, point)
        if got != want:
            raise VerificationError(
                f"expected payoff {result.value} = {got} at {point}; brute force gives {want}"
            )


@twin(BestResponses)
def best_responses_twin(result, point) -> None:
    """Compare best-response conditions with brute-force payoffs at one point.

    Examples
    --------
    >>> from symtrust import best_responses, real
    >>> from symtrust.catalog import stag_hunt
    >>> br = best_responses(stag_hunt(), "column", ["D"])
    >>> R, S, T, P = real("R S T P")
    >>> best_responses_twin(br, {R: 4, T: 3, P: 2, S: 1}) is None
    True
    """
    given = [
        tuple(_exact(x, point) for x in v) for v in result.strategies if v is not None
    ]
    held = substitute_condition(result.condition, point)
    if held is None or held != _valid(given):
        raise VerificationError(
            f"validity condition {result.condition} is {held} at {point}, but the "
            f"strategies {given} are {'' if _valid(given) else 'not '}distributions"
        )
    if not held:
        return  # strategies not valid here: no best responses to compare
    game = game_at(result.game, point)
    i = game.players.index(result.player)
    pays = []
    for a in game.actions[i]:
        vectors = tuple(
            tuple(Fraction(int(b == a)) for b in game.actions[k])
            if v is None
            else tuple(_exact(x, point) for x in v)
            for k, v in enumerate(result.strategies)
        )
        pays.append(brute_expected_payoff(game, i, vectors))
    best = max(pays)
    for a, u, cond in zip(game.actions[i], pays, result.conditions, strict=True):
        held = substitute_condition(cond, point)
        if held is None or held != (u == best):
            raise VerificationError(
                f"{a} is a best response by {cond}: {held} at {point}, but its payoff "
                f"{u} {'is' if u == best else 'is not'} maximal ({best})"
            )
