"""Perfect Bayesian equilibria of game trees, with exact conditions.

An assessment (behaviour ``b``, beliefs ``mu``) is a (weak) perfect Bayesian
equilibrium (Mas-Colell, Whinston and Green 1995, def. 9.C.3; Fudenberg and
Tirole 1991, ch. 8) iff

1. *Bayes on path*: at every information set I with ``Pr(I) > 0``,
   ``mu(n | I) = Pr(n) / Pr(I)`` (:mod:`symtrust.games.extensive.beliefs`);
2. *sequential rationality*: at every information set, on or off the path,
   every action the mover plays, followed by ``b``, does at least as well
   under ``mu(. | I)`` as any continuation strategy of the mover (a
   different action, and different actions at its own later sets;
   :mod:`symtrust.games.extensive._continuations`); off the path the belief
   is free, so the requirement is that *some* belief supports the action
   (:mod:`symtrust.games.extensive._beliefs`).

:func:`extensive_pbe` enumerates

* every pure assessment, assigning actions set by set so that a single-node
  set is tested as soon as the sets below it are fixed (a failed test prunes
  the whole branch); an on-path set's inequalities are multiplied by
  ``Pr(I)``, and a set whose probability may vanish is also allowed to be
  off path (``Pr(I) > 0`` or some belief supports the action);
* hybrid assessments in which up to ``max_mixing`` information sets mix over
  a pair of actions: the movers' indifferences (weighted by the reach
  probabilities) form a square system in the mixing probabilities, *solved*
  in closed form when it has isolated solutions, each with the condition
  that it lies in (0, 1).

On a signaling game's tree (``game_tree(signaling_game)``) this is the
signaling family's :func:`~symtrust.pbe`, recomputed on the tree.

Examples
--------
>>> from symtrust import extensive_pbe, game_tree
>>> from symtrust.catalog import job_market
>>> sol = extensive_pbe(game_tree(job_market()), hybrid=False)
>>> [(eq.action("sender high"), eq.action("sender low"), eq.condition)
...  for eq in sol if eq.action("sender high") != eq.action("sender low")]
[('E', 'N', (c_L >= 1) & (c_H <= 1))]
"""

from __future__ import annotations

import itertools

import sympy
from sympy import S

from symtrust.core.names import fresh_name
from symtrust.core.parameters import probability
from symtrust.core.result import Solution, Step
from symtrust.errors import ModelError
from symtrust.games.extensive._beliefs import supportable
from symtrust.games.extensive._cases import Case, Cases
from symtrust.games.extensive._continuations import continuation_gaps
from symtrust.games.extensive.assessment import Assessment
from symtrust.games.extensive.model import ExtensiveGame, path_name
from symtrust.games.extensive.profiles import node_values, reach_probabilities
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import sign_under, simplify_condition

__all__ = ["extensive_pbe"]


class _Run:
    """One enumeration: the game, the order of the sets, symbols, the algebra."""

    def __init__(self, game, budget, hybrid, max_mixing):
        self.game, self.budget = game, budget
        self.hybrid, self.max_mixing = hybrid, max_mixing
        self.ctx = Cases(game.assumptions, budget)
        self.conds = tuple(game.assumptions.conditions)
        taken = {str(s) for s in game.parameters}
        self.mu = []
        for info in game.infosets:
            syms = []
            for m in info.members[:-1]:
                name = fresh_name("mu", "_".join(game.nodes[m].path), taken)
                syms.append(probability(name))
            self.mu.append(tuple(syms))
        self.sigma = []
        for info in game.infosets:
            name = fresh_name("sigma", info.label, taken)
            self.sigma.append(sympy.Symbol(name, positive=True))
        self.deps = [self._deps(info) for info in game.infosets]
        self.order = self._order()
        self.notes: list = []
        self.found: list = []

    def _deps(self, info) -> frozenset:
        """Sets meeting the subtrees of the set's members."""
        out = set()
        for m in info.members:
            node = self.game.nodes[m]
            for nid in range(node.id + 1, node.end):
                inner = self.game.nodes[nid]
                if inner.kind == "decision":
                    out.add(inner.infoset)
        out.discard(info.id)
        return frozenset(out)

    def _order(self) -> list:
        """Sets below first (topological on deps), else later ones first."""
        left = sorted(
            range(len(self.game.infosets)),
            key=lambda i: -max(self.game.infosets[i].members),
        )
        done, order = set(), []
        while left:
            ready = [i for i in left if self.deps[i] <= done] or left[:1]
            i = ready[0]
            order.append(i)
            done.add(i)
            left.remove(i)
        return order

    # -- behaviour ----------------------------------------------------------
    def probs(self, i, opt):
        n = len(self.game.infosets[i].actions)
        if opt[0] == "pure":
            return tuple(S.One if j == opt[1] else S.Zero for j in range(n))
        (a1, a2), x = opt[1], self.sigma[i]
        return tuple(x if j == a1 else 1 - x if j == a2 else S.Zero for j in range(n))

    def support(self, opt) -> tuple:
        return (opt[1],) if opt[0] == "pure" else opt[1]

    def options(self, i, mixers):
        n = len(self.game.infosets[i].actions)
        out = [("pure", j) for j in range(n)]
        if self.hybrid and mixers < self.max_mixing:
            out += [("mix", pair) for pair in itertools.combinations(range(n), 2)]
        return out

    def gaps(self, i, opt, values, beh):
        """Per member, per (support action, rival continuation) the mover's gain."""
        info = self.game.infosets[i]
        sup = [info.actions[j] for j in self.support(opt)]
        return continuation_gaps(self.game, info, beh, sup, values)

    # -- search -------------------------------------------------------------
    def search(self, pos, choice, case, checked, mixers):
        if pos == len(self.order):
            self.finish(choice, case, checked)
            return
        i = self.order[pos]
        for opt in self.options(i, mixers):
            choice[i] = opt
            here = case
            ok, done = True, checked
            info = self.game.infosets[i]
            if (
                len(info.members) == 1
                and self.deps[i] <= choice.keys()
                and not any(choice[j][0] == "mix" for j in self.deps[i] | {i})
            ):
                here = self.local(i, opt, choice, case)
                ok, done = here is not None, checked | {i}
            if ok:
                self.search(pos + 1, choice, here, done, mixers + (opt[0] == "mix"))
            del choice[i]

    def local(self, i, opt, choice, case):
        """A single-node set's test, once the sets below it are fixed."""
        beh = {j: self.probs(j, o) for j, o in choice.items()}
        node = self.game.nodes[self.game.infosets[i].members[0]]
        values = node_values(self.game, beh, needed=set(node.children))
        for g in self.gaps(i, opt, values, beh)[0]:
            joined = self.ctx.join(case, sympy.Ge(g, 0))
            if joined is None:
                return None
            case = Case(joined[0], joined[1])
        return case

    def finish(self, choice, case, checked):
        mixers = [i for i, o in choice.items() if o[0] == "mix"]
        beh = {i: self.probs(i, o) for i, o in choice.items()}
        if not mixers:
            self.assess(choice, beh, case, checked, (), S.true)
            return
        for sol in self.mixing(mixers, choice, beh):
            valid = []
            for v in sol.values():
                den = sympy.fraction(sympy.together(v))[1]
                if not den.is_number:
                    valid.append(sympy.Ne(den, 0))
                valid += [v > 0, v < 1]
            here = case
            for rel in valid:
                joined = self.ctx.join(here, rel)
                if joined is None:
                    break
                here = Case(joined[0], joined[1])
            else:
                solved = {
                    i: tuple(sympy.factor(p.xreplace(sol)) for p in probs)
                    for i, probs in beh.items()
                }
                mixing = tuple((x, sympy.factor(v)) for x, v in sol.items())
                self.assess(choice, solved, here, checked, mixing, sympy.And(*valid))

    def mixing(self, mixers, choice, beh) -> list:
        """Closed-form solutions of the movers' indifferences."""
        values = node_values(self.game, beh)
        reach = reach_probabilities(self.game, beh)
        eqs, xs = [], [self.sigma[i] for i in mixers]
        for i in mixers:
            info = self.game.infosets[i]
            k = self.game.player_index(info.player)
            a1, a2 = (info.actions[j] for j in choice[i][1])
            diff = []
            for m in info.members:
                node = self.game.nodes[m]
                d = values[node.child(a1)][k] - values[node.child(a2)][k]
                diff.append(d if len(info.members) == 1 else reach[m] * d)
            eqs.append(sympy.expand(sum(diff, S.Zero)))
        # a square system needs each mixer's equation to involve some unknown
        # matched one to one (else a continuum or no solution: not generic)
        if not any(
            all(xs[p[r]] in eqs[r].free_symbols for r in range(len(xs)))
            for p in itertools.permutations(range(len(xs)))
        ):
            return []
        try:
            sols = sympy.solve(eqs, xs, dict=True)
        except (NotImplementedError, ValueError):
            self.note("a mixing system sympy could not solve was skipped")
            return []
        out = []
        for sol in sols:
            if set(sol) != set(xs) or any(
                v.free_symbols & set(xs) for v in sol.values()
            ):
                self.note(
                    "hybrid candidates with undetermined mixing probabilities were skipped"
                )
                continue
            if any(v.is_number and not v.is_real for v in sol.values()):
                continue
            out.append(sol)
        return out

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    def assess(self, choice, beh, case, checked, mixing, mixing_cond):
        """Test every set not yet tested; record the assessment if it can hold."""
        game = self.game
        values = node_values(game, beh)
        reach = reach_probabilities(game, beh)
        off = []
        for i, info in enumerate(game.infosets):
            mass = sympy.expand(sum((reach[m] for m in info.members), S.Zero))
            if len(info.members) > 1 and mass == 0:
                if choice[i][0] == "mix":
                    return  # mixing where Bayes' rule is silent: not enumerated
                off.append(i)
            if i in checked:
                continue
            gaps = self.gaps(i, choice[i], values, beh)
            if len(info.members) == 1:
                rels = [sympy.Ge(g, 0) for g in gaps[0]]
            elif mass == 0:
                rels = [supportable(gaps)]
            else:
                weighted = [
                    sympy.expand(
                        sum(
                            (reach[m] * gaps[j][b] for j, m in enumerate(info.members)),
                            S.Zero,
                        )
                    )
                    for b in range(len(gaps[0]))
                ]
                rels = [sympy.Ge(w, 0) for w in weighted]
                if sign_under(mass, self.conds, budget=self.budget) != 1:
                    # reached only where Pr(I) > 0; elsewhere some belief must do
                    alt = S.false if choice[i][0] == "mix" else supportable(gaps)
                    rels.append(sympy.Or(mass > 0, alt))
            for rel in rels:
                joined = self.ctx.join(case, rel)
                if joined is None:
                    return
                case = Case(joined[0], joined[1])
        condition = self.ctx.finish(case)
        if condition is S.false:
            return
        self.found.append(
            self.result(choice, beh, values, reach, off, condition, mixing, mixing_cond)
        )

    def result(self, choice, beh, values, reach, off, condition, mixing, mixing_cond):
        game = self.game
        beliefs, off_conds = [], []
        for i, info in enumerate(game.infosets):
            names = [path_name(game.nodes[m].path) for m in info.members]
            if i in off:
                vec = [*self.mu[i], 1 - sum(self.mu[i], S.Zero)]
                beliefs.append(tuple(zip(names, vec, strict=True)))
                gaps = self.gaps(i, choice[i], values, beh)
                parts = [
                    sympy.Ge(
                        sum((vec[j] * gaps[j][b] for j in range(len(vec))), S.Zero), 0
                    )
                    for b in range(len(gaps[0]))
                ]
                if len(vec) > 2:
                    parts.append(sum(self.mu[i], S.Zero) <= 1)
                off_conds.append(
                    simplify_condition(
                        sympy.And(*parts),
                        (*self.conds, condition),
                        budget=self.budget,
                    )
                )
                continue
            mass = sum((reach[m] for m in info.members), S.Zero)
            beliefs.append(
                tuple(
                    (n, _tidy(reach[m] / mass) if len(info.members) > 1 else S.One)
                    for n, m in zip(names, info.members, strict=True)
                )
            )
        payoffs = tuple(sympy.factor(v) for v in values[0])
        steps = [
            Step("sequential rationality", condition, "at every information set"),
        ]
        steps += [
            Step(f"{x} from the indifferences", v, "solve the system")
            for x, v in mixing
        ]
        return Assessment(
            kind="perfect Bayesian equilibrium",
            value=sympy.Tuple(*payoffs),
            condition=condition,
            assumptions=game.assumptions,
            steps=tuple(steps),
            infosets=tuple(i.label for i in game.infosets),
            actions=tuple(i.actions for i in game.infosets),
            behaviour=tuple(beh[i] for i in range(len(game.infosets))),
            beliefs=tuple(beliefs),
            off_path=tuple(game.infosets[i].label for i in off),
            off_path_beliefs=sympy.And(*off_conds),
            mixing=mixing,
            mixing_condition=mixing_cond,
            payoffs=payoffs,
        )


def _tidy(expr):
    expr = sympy.cancel(sympy.together(expr))
    return expr if expr.is_number else sympy.factor(expr)


def extensive_pbe(
    game: ExtensiveGame,
    *,
    hybrid: bool = True,
    max_mixing: int = 2,
    budget=None,
) -> Solution:
    """Every perfect Bayesian equilibrium of a tree (see module doc).

    Parameters
    ----------
    game : ExtensiveGame
        The tree, with chance moves and information sets.
    hybrid : bool
        Whether to search for assessments in which some sets mix.
    max_mixing : int
        The most information sets that may mix at once (pairs of actions).
    budget : Budget, float or None
        Time for the z3 decisions (:class:`~symtrust.logic.budget.Budget`);
        undecided parts are kept, never guessed.

    Returns
    -------
    Solution
        ``method="extensive_pbe"``; :class:`Assessment` results, pure ones
        first, each with a satisfiable existence condition.

    Raises
    ------
    ModelError
        If ``game`` is not an ExtensiveGame or ``max_mixing`` is not a
        nonnegative int.

    Examples
    --------
    >>> from symtrust import game_tree
    >>> from symtrust.catalog import beer_quiche
    >>> sol = extensive_pbe(game_tree(beer_quiche()), hybrid=False)
    >>> [eq.action("sender strong") for eq in sol]
    ['beer', 'quiche']
    """
    if not isinstance(game, ExtensiveGame):
        raise ModelError(
            f"extensive_pbe needs an ExtensiveGame, got {type(game).__name__}"
        )
    if (
        isinstance(max_mixing, bool)
        or not isinstance(max_mixing, int)
        or max_mixing < 0
    ):
        raise ModelError(f"max_mixing={max_mixing!r} must be a nonnegative int")
    run = _Run(game, Budget.of(budget), hybrid, max_mixing)
    run.search(0, {}, Case(), frozenset(), 0)
    found = sorted(run.found, key=lambda eq: not eq.is_pure)
    notes = [
        "weak perfect Bayesian equilibria: Bayes' rule on the path, any belief off it; "
        f"mixing at up to {max_mixing if hybrid else 0} information sets, on the path",
        *run.notes,
    ]
    return Solution(
        method="extensive_pbe",
        solver=extensive_pbe,
        game=game,
        results=tuple(found),
        notes=tuple(notes),
    )
