"""Numeric twin of :func:`~symtrust.kydd.arming.tree.arming_tree_equilibria`.

At an exact point the tree is evaluated numerically (exact fractions), from
its leaves only:

1. for each regime, each state's gain from building at the other's rate
   s_j, from the Bayes-weighted continuation values at its stage-1
   information set (costs set to zero), an affine function of s_j found
   from its values at s_j = 0 and 1; the best-response rate
   ``clip(gain / K, 0, 1)``;
2. every pair of rates that is a fixed point of the best responses (each
   state at a corner or interior, the interior ones from the 2x2 linear
   system) at which the regime's stage-2 profile is sequentially rational,
   with beliefs after an unplayed move the limits of Bayes' rule under a
   tremble (computed exactly), and at which the book's selection holds;
3. those fixed points must be exactly the reported equilibria whose
   conditions hold there.

One :class:`~symtrust.results.ArmingTreeEquilibrium` on its own is checked
where its condition holds: its regime and rates are one of the fixed points.

Examples
--------
>>> import sympy
>>> from symtrust.kydd.arming.tree import arming_tree, arming_tree_equilibria
>>> half = sympy.Rational(1, 2)
>>> m = arming_tree(prior=half, cost_bound=half, arms_gains=sympy.Rational(3, 4),
...                 t_secure=0, t_greedy=2, c=3, w=1)
>>> arming_tree_twin(arming_tree_equilibria(m), {}) is None
True
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import sympy

from symtrust.core.exact import substitute_condition
from symtrust.core.twins import skip, twin
from symtrust.errors import VerificationError
from symtrust.games.extensive.twins.brute import NumericTree, exact
from symtrust.games.extensive.twins.brute_pbe import best_at
from symtrust.kydd.arming.tree import (
    ArmingTreeEquilibrium,
    _stage2_profile,
    arming_tree_equilibria,
)

__all__ = ["arming_tree_equilibrium_twin", "arming_tree_twin", "numeric_equilibria"]

_EPS = sympy.Symbol("epsilon", positive=True)


def _beh(tree, regime, rates, model):
    beh = {}
    stage2 = _stage2_profile(model, regime)
    for info in tree.game.infosets:
        if info.label.endswith(":arms"):
            r = rates[int(info.label[0]) - 1]
            beh[info.id] = {"build": r, "not": 1 - r}
        else:
            beh[info.id] = {stage2[info.label]: Fraction(1)}
    return beh


def _limit_beliefs(tree, info, regime, rates, model):
    """Beliefs at a set: Bayes' rule, or its limit under trembles of the rates."""
    trembled = [r + (1 - 2 * r) * _EPS if r in (0, 1) else r for r in rates]
    reach = []
    for m in info.members:
        node, prob = tree.nodes[m], sympy.Integer(1)
        while node.parent is not None:
            parent = tree.nodes[node.parent]
            a = parent.actions[parent.children.index(node.id)]
            if parent.kind == "chance":
                prob *= sympy.Rational(tree.prob[parent.id][parent.actions.index(a)])
            else:
                label = tree.game.infosets[parent.infoset].label
                if label.endswith(":arms"):
                    r = trembled[int(label[0]) - 1]
                    prob *= r if a == "build" else 1 - r
                elif _stage2_profile(model, regime)[label] != a:
                    prob *= 0
            node = parent
        reach.append(prob)
    total = sum(reach)
    return {
        m: exact(_at_zero(r / total), "limit belief")
        for m, r in zip(info.members, reach, strict=True)
    }


def _at_zero(expr):
    """The limit as the tremble vanishes, of a ratio of polynomials in it."""
    num, den = sympy.fraction(sympy.cancel(sympy.together(expr)))
    if den.subs(_EPS, 0) != 0:
        return num.subs(_EPS, 0) / den.subs(_EPS, 0)
    return sympy.limit(expr, _EPS, 0)


def _rational(tree, regime, rates, model, only=None) -> bool:
    beh = _beh(tree, regime, rates, model)
    reach = tree.reach(beh)
    for info in tree.game.infosets:
        if info.label.endswith(":arms") or (
            only is not None and info.label not in only
        ):
            continue
        support = list(beh[info.id])
        belief = _limit_beliefs(tree, info, regime, rates, model)
        if not best_at(tree, beh, info, support, reach, belief):
            return False
    return True


def _gain(tree, regime, i, other_rate, model) -> Fraction:
    rates = [Fraction(1, 2), Fraction(1, 2)]
    rates[1 - i] = other_rate
    beh = _beh(tree, regime, rates, model)
    info = tree.game.infoset(f"{i + 1}:S:arms")
    reach = tree.reach(beh)
    total = sum((reach[m] for m in info.members), Fraction(0))
    out = Fraction(0)
    for m in info.members:
        node = tree.nodes[m]
        build = tree.value(beh, node.child("build"))[i]
        stay = tree.value(beh, node.child("not"))[i]
        out += reach[m] / total * (build - stay)
    return out


def numeric_equilibria(model, point) -> set:
    """Every (regime, rates) equilibrium of the arming tree at a point.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.tree import arming_tree
    >>> half = sympy.Rational(1, 2)
    >>> m = arming_tree(prior=half, cost_bound=1, arms_gains=(1, half),
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> numeric_equilibria(m, {})
    {((False, False), (Fraction(0, 1), Fraction(0, 1)))}
    """
    sub = {**dict(point), **{k: 0 for k in model.costs}}
    tree = NumericTree(model.game.subs(sub, strict=False))
    K = exact(model.cost_bound.xreplace(sub), "K")
    found = set()
    for regime in itertools.product((False, True), repeat=2):
        lines = []
        for i in (0, 1):
            g0, g1 = (_gain(tree, regime, i, Fraction(x), model) for x in (0, 1))
            lines.append((g0, g1 - g0))  # gain_i(s_j) = a + b s_j
        for shapes in itertools.product(("0", "1", "in"), repeat=2):
            rates = _fixed_point(lines, shapes, K)
            if rates is None:
                continue
            ok = all(_best_rate(lines[i], rates[1 - i], K) == rates[i] for i in (0, 1))
            if not ok or not _rational(tree, regime, rates, model):
                continue
            if not all(
                regime[j]
                or not _rational(
                    tree,
                    tuple(True if k == j else regime[k] for k in (0, 1)),
                    rates,
                    model,
                    only={f"{2 - j}:S:NB"},
                )
                for j in (0, 1)
            ):
                continue
            found.add((regime, tuple(rates)))
    return found


def _best_rate(line, s_other, K) -> Fraction:
    gain = line[0] + line[1] * s_other
    return min(Fraction(1), max(Fraction(0), gain / K))


def _fixed_point(lines, shapes, K):
    rates = [None, None]
    for i, shape in enumerate(shapes):
        if shape != "in":
            rates[i] = Fraction(int(shape))
    free = [i for i in (0, 1) if rates[i] is None]
    if len(free) == 1:
        i = free[0]
        a, b = lines[i]
        rates[i] = (a + b * rates[1 - i]) / K
    elif len(free) == 2:
        # s_1 K = a1 + b1 s_2, s_2 K = a2 + b2 s_1
        (a1, b1), (a2, b2) = lines
        det = K * K - b1 * b2
        if det == 0:
            return None
        rates = [(a1 * K + b1 * a2) / det, (a2 * K + b2 * a1) / det]
    if any(not 0 <= r <= 1 for r in rates):
        return None
    if any(
        shape == "in" and r in (0, 1) for shape, r in zip(shapes, rates, strict=True)
    ):
        return None
    return rates


@twin(arming_tree_equilibria)
def arming_tree_twin(solution, point) -> None:
    """The reported equilibria holding at a point are exactly the numeric ones."""
    point = dict(point)
    model = solution.game
    claimed = set()
    for eq in solution.results:
        held = substitute_condition(eq.condition, point)
        if held is None:
            raise VerificationError(f"condition {eq.condition} undefined at {point}")
        if held:
            rates = tuple(exact(r.xreplace(point), "rate") for r in eq.rates)
            claimed.add((eq.regime, rates))
    brute = numeric_equilibria(model, point)
    if claimed != brute:
        raise VerificationError(
            f"arming tree at {point}: the solver gives {sorted(claimed - brute)} beyond "
            f"the numeric fixed points and misses {sorted(brute - claimed)}"
        )


@twin(ArmingTreeEquilibrium)
def arming_tree_equilibrium_twin(eq, point) -> None:
    """One reported equilibrium, where its condition holds, is a numeric one.

    Elsewhere it claims nothing (the point is skipped).

    Examples
    --------
    >>> import sympy
    >>> from symtrust.kydd.arming.tree import arming_tree, arming_tree_equilibria
    >>> half = sympy.Rational(1, 2)
    >>> m = arming_tree(prior=half, cost_bound=half, arms_gains=sympy.Rational(3, 4),
    ...                 t_secure=0, t_greedy=2, c=3, w=1)
    >>> arming_tree_equilibrium_twin(arming_tree_equilibria(m)[0], {}) is None
    True
    """
    point = dict(point)
    if eq.game is None:
        raise VerificationError(f"the equilibrium {eq.rates} carries no model")
    held = substitute_condition(eq.condition, point)
    if held is None:
        raise VerificationError(f"condition {eq.condition} undefined at {point}")
    if not held:
        skip("the equilibrium's condition does not hold here: it claims nothing")
    rates = tuple(exact(r.xreplace(point), "rate") for r in eq.rates)
    brute = numeric_equilibria(eq.game, point)
    if (eq.regime, rates) not in brute:
        raise VerificationError(
            f"arming tree at {point}: {(eq.regime, rates)} is not among the numeric "
            f"fixed points {sorted(brute)}"
        )
