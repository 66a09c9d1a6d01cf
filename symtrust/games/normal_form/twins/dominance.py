"""Numeric twins of :func:`symtrust.dominance` and :func:`symtrust.iterated_elimination`.

At an exact admissible point, the dominance relations whose conditions hold
must be exactly those found by comparing payoffs against every profile of the
other players (within the scope searched); iterated elimination may remove
only actions that are strictly dominated, at the point, in the game left by
the earlier rounds, and its survivors are what those rounds leave.

Examples
--------
>>> from symtrust import check, dominance
>>> from symtrust.catalog import prisoners_dilemma
>>> check(dominance(prisoners_dilemma()), max_examples=5).passed
True
"""

from __future__ import annotations

import itertools

from symtrust.core.exact import fraction_at
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.normal_form.dominance import (
    Dominance,
    IteratedElimination,
    dominance,
    dominated_actions,
)
from symtrust.games.normal_form.twins.brute_nash import game_at

__all__ = ["brute_dominance", "dominance_twin", "iterated_elimination_twin"]


def brute_dominance(game, i, actions=None):
    """Numeric (strict, weak) dominance pairs ``(a, b)`` of player ``i``.

    ``actions`` optionally restricts every player's action sets.

    Examples
    --------
    >>> from symtrust.catalog import symmetric_2x2
    >>> brute_dominance(symmetric_2x2(3, 0, 4, 1), 0)
    ({('D', 'C')}, {('D', 'C')})
    """
    acts = actions or game.actions
    strict, weak = set(), set()
    others = [a for k, a in enumerate(acts) if k != i]
    for a, b in itertools.permutations(acts[i], 2):
        diffs = []
        for rest in itertools.product(*others):
            pa, pb = (*rest[:i], a, *rest[i:]), (*rest[:i], b, *rest[i:])
            diffs.append(
                fraction_at(game.payoff(pa)[i] - game.payoff(pb)[i], {}, "a payoff")
            )
        if all(d > 0 for d in diffs):
            strict.add((a, b))
        if all(d >= 0 for d in diffs) and any(d > 0 for d in diffs):
            weak.add((a, b))
    return strict, weak


@twin(Dominance)
def dominance_relation_twin(d, point) -> None:
    """Check one dominance relation: its condition holds iff payoffs say so.

    Examples
    --------
    >>> from symtrust import dominance, real
    >>> from symtrust.catalog import prisoners_dilemma
    >>> R, S, T, P = real("R S T P")
    >>> d = dominance(prisoners_dilemma())[0]
    >>> dominance_relation_twin(d, {T: 4, R: 3, P: 2, S: 1}) is None
    True
    """
    if d.game is None:
        raise VerificationError(f"the dominance relation {d.kind} carries no game")
    game = game_at(d.game, point)
    i = game.players.index(d.player)
    strict, weak = brute_dominance(game, i)
    brute = (d.dominant, d.dominated) in (strict if d.strict else weak)
    held = holds(d.condition, point, f"the condition of {d.kind}")
    if held != brute:
        raise VerificationError(
            f"{d.player}: {d.dominant} dominates {d.dominated} "
            f"({'strictly' if d.strict else 'weakly'}) by its condition: {held}; "
            f"by the payoffs at {point}: {brute}"
        )


def dominance_twin(solution, point) -> None:
    """Compare dominance relations with payoff comparisons at one point.

    Examples
    --------
    >>> from symtrust import dominance, real
    >>> from symtrust.catalog import stag_hunt
    >>> R, S, T, P = real("R S T P")
    >>> dominance_twin(dominance(stag_hunt()), {R: 4, T: 3, P: 2, S: 1}) is None
    True
    """
    game = game_at(solution.game, point)
    for player in solution.players:
        i = game.players.index(player)
        brute = dict(zip((True, False), brute_dominance(game, i), strict=True))
        for strict in solution.kinds:
            claimed = set()
            for d in solution.results:
                if d.player != player or d.strict != strict:
                    continue
                if holds(d.condition, point, f"the condition of {d.kind}"):
                    claimed.add((d.dominant, d.dominated))
            if claimed != brute[strict]:
                word = "strict" if strict else "weak"
                raise VerificationError(
                    f"{word} dominance of {player} at {point}: reported {sorted(claimed)}, "
                    f"brute force {sorted(brute[strict])}"
                )


twin(dominance)(dominance_twin)
twin(dominated_actions)(dominance_twin)


@twin(IteratedElimination)
def iterated_elimination_twin(result, point) -> None:
    """Check each elimination round and the survivors at one point.

    Examples
    --------
    >>> from symtrust import iterated_elimination, real
    >>> from symtrust.catalog import prisoners_dilemma
    >>> R, S, T, P = real("R S T P")
    >>> r = iterated_elimination(prisoners_dilemma())
    >>> iterated_elimination_twin(r, {T: 4, R: 3, P: 2, S: 1}) is None
    True
    """
    game = game_at(result.game, point)
    current = [list(a) for a in game.actions]
    # every recorded elimination is a strict dominance in its round's game
    for rnd in sorted({e[0] for e in result.eliminated}):
        drops = [e for e in result.eliminated if e[0] == rnd]
        for _, player, gone, by in drops:
            i = game.players.index(player)
            strict, _ = brute_dominance(game, i, current)
            if (by, gone) not in strict:
                raise VerificationError(
                    f"round {rnd}: {by} does not strictly dominate {gone} for "
                    f"{player} at {point}"
                )
        for _, player, gone, _ in drops:
            current[game.players.index(player)].remove(gone)
    if tuple(tuple(a) for a in current) != tuple(result.value):
        raise VerificationError(f"survivors {result.value} differ from {current}")
