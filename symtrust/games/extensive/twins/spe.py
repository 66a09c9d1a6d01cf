"""Numeric twins of :func:`symtrust.spe` and :func:`backward_induction`.

At an exact admissible point, with the game substituted:

* ``spe``: the pure equilibria whose region holds there (free information
  sets expanded to every action) are exactly the pure subgame-perfect
  profiles found by brute force (:mod:`symtrust.games.extensive.twins.brute`);
  every mixed one whose region holds is subgame perfect when checked
  directly; every equilibrium's payoffs are those of its profile;
* ``backward_induction``: the plays whose region holds are exactly the plays
  of the brute-force equilibria, and the rule of each action at each node
  holds iff some brute-force equilibrium plays it there.

One :class:`~symtrust.results.SubgamePerfectEquilibrium` or
:class:`~symtrust.results.OutcomeRegion` on its own is checked where its
region holds: its profiles subgame perfect, its play an equilibrium play.

Examples
--------
>>> from symtrust import check, game_tree, real, spe
>>> from symtrust.games.extensive import decision
>>> h, a = real("h a")
>>> g = game_tree(decision("investor", {
...     "trust": decision("trustee", {"honor": (1, h), "abuse": (-1, a)}),
...     "not": (0, 0)}))
>>> check(spe(g), max_examples=5).passed
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.extensive.backward_induction import backward_induction
from symtrust.games.extensive.equilibrium import (
    OutcomeRegion,
    SubgamePerfectEquilibrium,
)
from symtrust.games.extensive.subgames import spe
from symtrust.games.extensive.twins.brute import (
    NumericTree,
    exact,
    is_subgame_perfect,
    spe_profiles,
)

__all__ = [
    "backward_induction_twin",
    "outcome_region_twin",
    "spe_equilibrium_twin",
    "spe_twin",
]


def _expand(eq) -> set:
    """The pure profiles of an equilibrium, free sets taking every action."""
    options = []
    for acts, b in zip(eq.actions, eq.behaviour, strict=True):
        if b is None:
            options.append(acts)
        else:
            options.append((acts[[p != 0 for p in b].index(True)],))
    return {
        tuple(zip(eq.infosets, c, strict=True)) for c in itertools.product(*options)
    }


def _numeric_behaviour(eq, point) -> dict:
    out = {}
    for k, (acts, b) in enumerate(zip(eq.actions, eq.behaviour, strict=True)):
        if b is None:
            out[k] = {acts[0]: Fraction(1)}
        else:
            out[k] = {
                a: exact(p.xreplace(point) if hasattr(p, "xreplace") else p, f"Pr({a})")
                for a, p in zip(acts, b, strict=True)
            }
    return out


def _verify(eq, tree, point):
    """Check one equilibrium where its region holds: its pure profiles, or None."""
    if not holds(eq.condition, point, "region of an equilibrium"):
        return None
    beh = _numeric_behaviour(eq, point)
    got = tree.value(beh)
    want = tuple(exact(u.xreplace(point), "payoff") for u in eq.payoffs)
    if got != want:
        raise VerificationError(
            f"equilibrium payoffs {want} differ from those of its profile {got} "
            f"at {point}"
        )
    if eq.is_pure:
        return _expand(eq)
    if not is_subgame_perfect(tree, beh):
        raise VerificationError(
            f"the mixed equilibrium {eq.behaviour} is not subgame perfect at {point}"
        )
    return set()


@twin(spe)
def spe_twin(solution, point) -> None:
    """Compare an ``spe`` Solution with brute force at one exact point."""
    point = dict(point)
    tree = NumericTree(solution.game.subs(point, strict=False))
    brute = spe_profiles(tree)
    claimed = set()
    for eq in solution.results:
        claimed |= _verify(eq, tree, point) or set()
    if claimed != brute:
        raise VerificationError(
            f"pure subgame-perfect profiles at {point}: the solver gives "
            f"{sorted(claimed - brute)} beyond brute force and misses "
            f"{sorted(brute - claimed)}"
        )


@twin(SubgamePerfectEquilibrium)
def spe_equilibrium_twin(eq, point) -> None:
    """Check one subgame-perfect equilibrium where its region holds.

    Its payoffs are those of its profile, and its pure profiles (free sets
    taking every action) are subgame perfect by brute force, or, mixed, it
    is subgame perfect checked directly. Elsewhere it claims nothing (the
    point is skipped).

    Examples
    --------
    >>> from symtrust import check, game_tree, real, spe
    >>> from symtrust.games.extensive import decision
    >>> h, a = real("h a")
    >>> g = game_tree(decision("investor", {
    ...     "trust": decision("trustee", {"honor": (1, h), "abuse": (-1, a)}),
    ...     "not": (0, 0)}))
    >>> check(spe(g)[0], max_examples=5).passed
    True
    """
    point = dict(point)
    if eq.game is None:
        raise VerificationError(f"the equilibrium {eq.behaviour} carries no game")
    if not holds(eq.condition, point, "region of an equilibrium"):
        skip("the equilibrium's region does not hold here: it claims nothing")
    tree = NumericTree(eq.game.subs(point, strict=False))
    extra = _verify(eq, tree, point) - spe_profiles(tree)
    if extra:
        raise VerificationError(
            f"profiles {sorted(extra)} of the equilibrium are not subgame perfect "
            f"at {point}"
        )


def _play(tree, profile) -> tuple:
    beh = {k: {a: Fraction(1)} for k, (_, a) in enumerate(profile)}
    reach = tree.reach(beh)
    return tuple(
        sorted(
            (n.path, reach[n.id]) for n in tree.nodes if n.is_terminal and reach[n.id]
        )
    )


@twin(backward_induction)
def backward_induction_twin(solution, point) -> None:
    """Compare a factored backward induction with brute force at one point."""
    point = dict(point)
    game = solution.game
    tree = NumericTree(game.subs(point, strict=False))
    brute = spe_profiles(tree)
    plays = {_play(tree, p) for p in brute}
    claimed = set()
    for region in solution.results:
        if holds(region.condition, point, "region of an outcome"):
            claimed.add(
                tuple(
                    sorted(
                        (p, exact(q.xreplace(point), "probability"))
                        for p, q in region.play
                    )
                )
            )
    if claimed != plays:
        raise VerificationError(
            f"equilibrium plays at {point}: the solver gives {sorted(claimed)}, brute "
            f"force {sorted(plays)}"
        )
    for path, action, cond in solution.rules():
        label = game.infosets[game.node(path).infoset].label
        used = any((label, action) in p for p in brute)
        if holds(cond, point, f"rule of {action!r} at {path}") != used:
            raise VerificationError(
                f"the rule of {action!r} at node {path} says {not used}, brute force "
                f"{used} at {point}"
            )


@twin(OutcomeRegion)
def outcome_region_twin(region, point) -> None:
    """Check one outcome of :func:`backward_induction` where its region holds.

    Its play is the play of some brute-force subgame-perfect profile there.
    Elsewhere it claims nothing (the point is skipped).

    Examples
    --------
    >>> from symtrust import check, game_tree, real
    >>> from symtrust.games.extensive import backward_induction, decision
    >>> x = real("x")
    >>> out = backward_induction(game_tree(decision("A", {"l": (x,), "r": (0,)})))
    >>> check(out[0], max_examples=5).passed
    True
    """
    point = dict(point)
    if region.game is None:
        raise VerificationError(f"the outcome {region.play} carries no game")
    if not holds(region.condition, point, "region of an outcome"):
        skip("the outcome's region does not hold here: it claims nothing")
    tree = NumericTree(region.game.subs(point, strict=False))
    plays = {_play(tree, p) for p in spe_profiles(tree)}
    play = tuple(
        sorted((p, exact(q.xreplace(point), "probability")) for p, q in region.play)
    )
    if play not in plays:
        raise VerificationError(
            f"the play {play} is not that of a subgame-perfect profile at {point}: "
            f"brute force gives {sorted(plays)}"
        )
