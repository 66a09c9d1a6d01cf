"""Numeric twin of :func:`reputation_equilibrium`: the explicit tree, checked.

At an exact admissible point, for the result's numeric horizon (up to
:data:`~symtrust.games.repeated._reputation_tree.MAX_PERIODS`) or, for a
symbolic horizon, for each n = 2, 3, 4 at which the result's condition
holds:

1. the game is written out as a tree
   (:func:`~symtrust.games.repeated._reputation_tree.reputation_tree`);
2. a full behaviour profile is built from the result's thresholds theta_r,
   indifference level and mixing probability alone: at each public history
   the twin tracks trust by Bayes' rule itself, the uninformed player plays
   its response to the committed action above theta_r, to the
   opportunistic one below, and mixes at it; the normal type commits for
   sure when trust is at least theta_{r-1}, mixes to reach it otherwise,
   and is opportunistic in the last period;
3. on the tree, with the engine's reach probabilities and node values
   (:mod:`symtrust.games.extensive.profiles`): Bayes' beliefs at every
   reached information set equal the tracked trust, every action the
   uninformed players and the normal type play is a best reply (backward
   induction on the explicit tree, at every node, on or off the path);
4. the result's belief path, mixing probabilities and engagement
   probabilities equal the profile's along the path on which the committed
   action is observed.

Examples
--------
>>> import sympy
>>> from symtrust import check
>>> from symtrust.games.repeated.reputation import chain_store, reputation_equilibrium
>>> g = chain_store(3, prior=sympy.Rational(1, 10), a=2, b=sympy.Rational(1, 2))
>>> check(reputation_equilibrium(g), max_examples=1).passed
True
"""

from __future__ import annotations

import dataclasses

import sympy
from sympy import S

from symtrust.core.exact import value_at
from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.extensive.profiles import (
    behaviour,
    node_values,
    reach_probabilities,
)
from symtrust.games.repeated._reputation_tree import (
    MAX_PERIODS,
    normal_label,
    reputation_tree,
    uninformed_label,
)
from symtrust.games.repeated.reputation import (
    ReputationEquilibrium,
    reputation_equilibrium,
)

__all__ = ["reputation_solution_twin", "reputation_twin"]

#: Horizons at which a symbolic-horizon result is checked.
SMALL = (2, 3, 4)


def _num(expr, at):
    """The exact value at a point (core.exact), as a SymPy number for the tree."""
    value = value_at(expr, at)
    if value is None:
        raise VerificationError(f"the result's {expr} is undefined at {at}")
    return sympy.sympify(value, strict=True)


def _rules(result, game, at):
    """The result's strategies as functions of (trust, periods remaining)."""
    n = game.periods
    theta = {r: _num(result.threshold(r), at) for r in range(n + 1)}
    theta[0] = S.One
    pi = _num(result.uninformed_mix, at)
    a_c, a_o = result.responses

    def engage(b, r):
        if b > theta[r]:
            plays = {a_c: S.One}
        elif b < theta[r]:
            plays = {a_o: S.One}
        else:
            plays = {a_c: pi, a_o: 1 - pi}
        return plays.get(game.engage, S.Zero)

    def commit(b, r):
        if r == 1:
            return S.Zero
        if b >= theta[r - 1]:
            return S.One
        nxt = theta[r - 1]
        # Bayes: b / (b + (1 - b) m) = theta_{r-1}
        return b * (1 - nxt) / ((1 - b) * nxt)

    return engage, commit


def _profile(game, engage, commit):
    """Behaviour by information set, and trust after every public history."""
    n, trust, profile = game.periods, {"": game.prior}, {}
    frontier = [""]
    for k in range(1, n + 1):
        nxt = []
        for hist in frontier:
            b, r = trust[hist], n - k + 1
            e, m = engage(b, r), commit(b, r)
            profile[uninformed_label(game, k, hist)] = {
                game.engage: e,
                game.stay: 1 - e,
            }
            profile[normal_label(hist)] = {game.committed: m, game.opportunistic: 1 - m}
            seen = b + (1 - b) * m
            trust[hist + "S"] = b
            trust[hist + "C"] = b / seen if seen != 0 else b
            trust[hist + "O"] = S.Zero
            nxt += [hist + "S", hist + "C", hist + "O"]
        frontier = nxt
    return profile, trust


def _best(values: dict, probs: dict, where: str) -> None:
    top = max(values.values())
    for action, p in probs.items():
        if p != 0 and values[action] != top:
            raise VerificationError(
                f"at {where} {action!r} is played with probability {p} but pays "
                f"{values[action]}, less than {top}"
            )


def _check_tree(game, tree, profile, trust):
    beh = behaviour(tree, profile)
    reach = reach_probabilities(tree, beh)
    value = node_values(tree, beh)
    n = game.periods
    for info in tree.infosets:
        probs = dict(zip(info.actions, beh[info.id], strict=True))
        if info.player == game.informed:
            node = tree.nodes[info.members[0]]
            vals = {
                a: value[c][n] for a, c in zip(node.actions, node.children, strict=True)
            }
            _best(vals, probs, info.label)
            continue
        k = int(info.player.rsplit(" ", 1)[1])
        hist = info.label.split(" after ", 1)[1].replace("start", "")
        # the members by type (after an opportunistic move only the normal one)
        members = {tree.nodes[m].path[0]: tree.nodes[m] for m in info.members}
        total = sum((reach[m] for m in info.members), S.Zero)
        b = trust[hist]
        if total != 0:
            bayes = (
                reach[members["committed"].id] / total
                if "committed" in members
                else S.Zero
            )
            if bayes != b:
                raise VerificationError(
                    f"Bayes' rule gives trust {bayes} at {info.label!r}, the profile {b}"
                )
        weights = {"committed": b, "normal": 1 - b}
        vals = {
            a: sum(
                (
                    weights[t] * value[node.child(a)][k - 1]
                    for t, node in members.items()
                ),
                S.Zero,
            )
            for a in info.actions
        }
        _best(vals, probs, info.label)


def _check_path(result, game, at, engage, commit, trust):
    n, hist = game.periods, ""
    for k in range(1, n + 1):
        b, r = trust[hist], n - k + 1
        e = engage(b, r)
        claims = {
            "belief": result.belief(k),
            "commit": result.commit_probability(k),
            "engage": result.engage_probability(k),
        }
        mine = {"belief": b, "commit": commit(b, r), "engage": e}
        hist += "C" if e != 0 else "S"
        claims["posterior"], mine["posterior"] = result.posterior(k), trust[hist]
        for what, claimed in claims.items():
            if _num(claimed, at) != mine[what]:
                raise VerificationError(
                    f"period {k} of {n}: the result's {what} is {_num(claimed, at)}, "
                    f"the tree's equilibrium has {mine[what]}"
                )


def _one(result, point, n_value) -> None:
    game = result.game
    n = game.periods
    at = {s: v for s, v in point.items() if s != n}
    if isinstance(n, sympy.Symbol):
        at[n] = sympy.Integer(n_value)
    sub = game.subs({s: v for s, v in at.items() if s in game.parameters}, strict=False)
    sub = dataclasses.replace(sub, periods=n_value)
    engage, commit = _rules(result, sub, at)
    profile, trust = _profile(sub, engage, commit)
    _check_tree(sub, reputation_tree(sub), profile, trust)
    _check_path(result, sub, at, engage, commit, trust)


@twin(ReputationEquilibrium)
def reputation_twin(result, point) -> None:
    """Check one reputation equilibrium on the explicit trees."""
    n = result.game.periods
    if isinstance(n, int):
        if n > MAX_PERIODS:
            skip(f"the tree is written out up to {MAX_PERIODS} periods")
        if not holds(result.condition, point, "the regime"):
            skip("another regime")
        _one(result, point, n)
        return
    checked = 0
    for n_value in SMALL:
        at = {**{s: v for s, v in point.items() if s != n}, n: sympy.Integer(n_value)}
        if holds(result.condition, at, "the regime"):
            _one(result, point, n_value)
            checked += 1
    if not checked:
        skip("the regime holds at no small horizon here")


@twin(reputation_equilibrium)
def reputation_solution_twin(solution, point) -> None:
    """Check the regime that holds at the point (at most one may)."""
    held = [r for r in solution if _holds_somewhere(r, point)]
    if len(held) > 1 and isinstance(solution.game.periods, int):
        raise VerificationError(f"{len(held)} regimes hold at {point}")
    if not held:
        skip("no regime holds here")
    for result in held:
        reputation_twin(result, point)


def _holds_somewhere(result, point) -> bool:
    n = result.game.periods
    if isinstance(n, int):
        return holds(result.condition, point, "the regime")
    return any(
        holds(
            result.condition,
            {**{s: v for s, v in point.items() if s != n}, n: sympy.Integer(m)},
            "the regime",
        )
        for m in SMALL
    )
