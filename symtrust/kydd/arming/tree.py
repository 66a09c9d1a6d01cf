"""The spiral model's arming game as a game tree, solved by the tree solvers.

Reconstruction of Kydd (2005, ch. 3; ``models.md`` section 3), written as
the extensive form it is (the matrix version is
:mod:`symtrust.kydd.arming.model`): nature makes each state a security
seeker S (prior pi) or greedy G; each security seeker chooses Build or Not
without seeing the other (greedy states always build), paying its private
cost k_i if it builds; builds are public; then the two-type Security Dilemma
Game is played simultaneously, a builder gaining its own d_i whenever the
other defects (the two arms gains may differ).

The cost k_i ~ U[0, K] is purified (Harsanyi 1973): a security seeker
builds iff k_i <= k_i*, so from the other side it builds with probability
s_i = k_i* / K, a behaviour probability at its information set. The tree
solvers then derive everything:

1. *trust after a build*: the belief at the other's stage-2 information set
   (:func:`~symtrust.games.extensive.infoset_belief`), Bayes' rule;
2. *regimes*: for each pair (is a build by state 1 tolerated, by state 2),
   the stage-2 profile (a security seeker cooperates iff every build made
   is tolerated, a greedy state defects) and where it is sequentially
   rational (:func:`~symtrust.games.extensive.rationality.rationality_relations`)
   with the rates inside (0, 1), where every set is on the path; at a corner
   rate the condition is the limit (beliefs after an unplayed move are the
   limits of Bayes' rule);
3. *cutoffs*: k_i*(s_j) solves "the action values of Build and Not at
   i's stage-1 information set are equal" for the cost
   (:func:`~symtrust.games.extensive.action_values`);
4. *equilibria*: each s_i is 0 (k_i* <= 0), 1 (k_i* >= K) or interior
   (s_i = k_i*(s_j) / K), the interior ones solved jointly.

Examples
--------
>>> import sympy
>>> half = sympy.Rational(1, 2)
>>> m = arming_tree(prior=half, cost_bound=half, arms_gains=sympy.Rational(3, 4),
...                 t_secure=0, t_greedy=2, c=3, w=1)
>>> sorted((e.rates, e.regime) for e in arming_tree_equilibria(m)
...        if e.rates[0] == e.rates[1])
[((0, 0), (False, False)), ((1/2, 1/2), (False, False)), ((1, 1), (False, False))]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.parameters import interval, nonnegative
from symtrust.core.result import Result, Solution, Step
from symtrust.errors import ModelError
from symtrust.games.extensive import (
    ExtensiveGame,
    action_values,
    behaviour,
    chance,
    decision,
    game_tree,
    infoset_belief,
    rationality_relations,
)
from symtrust.games.normal_form.model import as_payoff
from symtrust.kydd.security_dilemma import sdg_payoffs
from symtrust.logic.conditions import result_condition, sign_under

__all__ = [
    "ArmingTree",
    "ArmingTreeEquilibrium",
    "arming_tree",
    "arming_tree_equilibria",
]

STATES = ("state 1", "state 2")


@dataclass(frozen=True)
class ArmingTree:
    """The arming game as a tree, with its primitives and unknowns.

    Attributes
    ----------
    game : ExtensiveGame
    prior, cost_bound : sympy.Expr
    arms_gains : tuple
        (d_1, d_2).
    costs : tuple of Symbol
        (k_1, k_2): each security seeker's cost of building.
    rates : tuple of Symbol
        (s_1, s_2): each security seeker's building probability.
    """

    game: ExtensiveGame
    prior: Any
    cost_bound: Any
    arms_gains: tuple
    costs: tuple
    rates: tuple

    @property
    def assumptions(self) -> Assumptions:
        """The tree's assumptions (rates and costs add their domains)."""
        return self.game.assumptions


def _stage2(i_type, j_type, b1, b2, pars):
    """Stage 2 after the builds: state 1, then state 2 (who does not see 1's move)."""
    t, c, w, d, k = pars
    built = (b1, b2)
    types = (i_type, j_type)
    code = {True: "B", False: "N"}

    def pay(a1, a2):
        out = []
        for who, (mine, theirs) in enumerate(((a1, a2), (a2, a1))):
            table = sdg_payoffs(t[types[who]], c, w, d[who] if built[who] else 0)
            cost = k[who] if (types[who] == "S" and built[who]) else 0
            out.append(table[(mine, theirs)] - cost)
        return tuple(out)

    def info(who):
        own, other = built[who], built[1 - who]
        return f"{who + 1}:{types[who]}:{code[own]}{code[other]}"

    return decision(
        STATES[0],
        {
            a1: decision(
                STATES[1], {a2: pay(a1, a2) for a2 in ("C", "D")}, info=info(1)
            )
            for a1 in ("C", "D")
        },
        info=info(0),
    )


def arming_tree(
    *,
    prior,
    cost_bound,
    arms_gains,
    t_secure,
    t_greedy,
    c,
    w,
    assumptions=(),
    name: str = "arming game (tree)",
) -> ArmingTree:
    """Build the arming game as a tree (see module doc).

    Parameters
    ----------
    arms_gains : value or pair
        d, or (d_1, d_2) when the states gain differently from arms.
    prior, cost_bound, t_secure, t_greedy, c, w
        As in :func:`~symtrust.kydd.arming.model.arming_game`.

    Raises
    ------
    ModelError
        Strings, floats, or a pair of gains of the wrong length.

    Examples
    --------
    >>> import sympy
    >>> half = sympy.Rational(1, 2)
    >>> m = arming_tree(prior=half, cost_bound=1, arms_gains=(1, half), t_secure=0,
    ...                 t_greedy=2, c=3, w=1)
    >>> m.arms_gains, len(m.game.terminals)
    ((1, 1/2), 36)
    """
    if isinstance(arms_gains, (tuple, list)):
        if len(arms_gains) != 2:
            raise ModelError(
                f"arms_gains must be one gain or a pair, got {arms_gains!r}"
            )
        gains = tuple(as_payoff(x, "arms gain") for x in arms_gains)
    else:
        gains = (as_payoff(arms_gains, "arms gain"),) * 2
    pi, K = as_payoff(prior, "prior"), as_payoff(cost_bound, "cost bound")
    tS, tG = as_payoff(t_secure, "t_S"), as_payoff(t_greedy, "t_G")
    c, w = as_payoff(c, "c"), as_payoff(w, "w")
    k = nonnegative("k_1 k_2")
    s = interval("s_1 s_2", 0, 1)
    pars = ({"S": tS, "G": tG}, c, w, gains, k)

    def after_types(t1, t2):
        def second(b1):
            if t2 == "G":
                return _stage2(t1, t2, b1, True, pars)
            return decision(
                STATES[1],
                {
                    "build": _stage2(t1, t2, b1, True, pars),
                    "not": _stage2(t1, t2, b1, False, pars),
                },
                info="2:S:arms",
            )

        if t1 == "G":
            return second(True)
        return decision(
            STATES[0], {"build": second(True), "not": second(False)}, info="1:S:arms"
        )

    root = chance(
        {
            f"1 is {t1}": (
                pi if t1 == "S" else 1 - pi,
                chance(
                    {
                        f"2 is {t2}": (pi if t2 == "S" else 1 - pi, after_types(t1, t2))
                        for t2 in "SG"
                    }
                ),
            )
            for t1 in "SG"
        }
    )
    stated = [
        pi > 0,
        pi < 1,
        K > 0,
        *[d > 0 for d in gains],
        tS < 1,
        tG > 1,
        c > w,
        w >= 0,
    ]
    stated += [kk <= K for kk in k]
    stated = [r for r in (*assumptions, *stated) if r is not S.true]
    for r in stated:
        if r is S.false:
            raise ModelError(
                f"{name}: a defining relation fails as given (need 0 < pi < 1, K > 0, "
                "d_i > 0, t_S < 1 < t_G, c > w >= 0)"
            )
    game = game_tree(root, players=STATES, assumptions=stated, name=name)
    return ArmingTree(game, pi, K, gains, k, s)


@dataclass(frozen=True, kw_only=True)
class ArmingTreeEquilibrium(Result):
    """An equilibrium of the arming tree: building rates, regime, trust.

    ``value`` is the pair of rates (s_1, s_2) and ``condition`` where it is
    an equilibrium.

    Attributes
    ----------
    regime : tuple of bool
        Whether a build by state 1, and by state 2, is tolerated in stage 2.
    rates : tuple
        (s_1, s_2).
    shapes : tuple of str
        Per state: "s = 0", "s = 1" or "interior".
    cutoffs : tuple
        (k_1*, k_2*) at the rates.
    trust_after_build : tuple
        Trust in state i after it builds, at the rates.
    model : ArmingTree
    """

    regime: tuple = ()
    rates: tuple = ()
    shapes: tuple = ()
    cutoffs: tuple = ()
    trust_after_build: tuple = ()
    model: Any = None

    def display_rows(self):
        """Rows for the renderers."""
        tol = ", ".join(
            f"builds by {i + 1} {'tolerated' if t else 'destroy cooperation'}"
            for i, t in enumerate(self.regime)
        )
        return (
            (f"arming equilibrium ({tol})", sympy.Tuple(*self.rates)),
            ("cutoff costs", sympy.Tuple(*self.cutoffs)),
            ("trust after a build", sympy.Tuple(*self.trust_after_build)),
        )


def _stage2_profile(model, regime):
    """Stage-2 behaviour: a security seeker cooperates iff every build is tolerated."""
    out = {}
    for info in model.game.infosets:
        who, kind, moves = info.label.split(":")
        if moves == "arms":
            continue
        i = int(who) - 1
        built = {i: moves[0] == "B", 1 - i: moves[1] == "B"}
        ok = all(not built[j] or regime[j] for j in (0, 1))
        out[info.label] = "C" if kind == "S" and ok else "D"
    return out


def _without_positive_factors(rel, conds):
    """A polynomial relation with factors of proved sign divided out."""
    if not isinstance(rel, sympy.core.relational.Relational):
        return rel
    diff = sympy.factor(rel.lhs - rel.rhs)
    coeff, factors = diff.as_coeff_mul()
    op = rel.rel_op
    kept = []
    for f in factors:
        sign = sign_under(f, conds)
        if sign == 1:
            continue
        if sign == -1 and op not in ("==", "!="):
            op = {">": "<", ">=": "<=", "<": ">", "<=": ">="}[op]
            continue
        kept.append(f)
    if coeff < 0 and op not in ("==", "!="):
        op = {">": "<", ">=": "<=", "<": ">", "<=": ">="}[op]
    return sympy.core.relational.Relational(sympy.Mul(*kept), 0, op)


def _regime_relations(model, regime, profile, only=None):
    """Stage-2 sequential rationality, on the path (rates inside (0, 1))."""
    game = model.game
    beh = behaviour(game, profile)
    open_rates = {s: sympy.Symbol(f"{s}_open", positive=True) for s in model.rates}
    inner = [x < 1 for x in open_rates.values()]
    conds = (*game.assumptions.conditions, *inner)
    opened = {i: tuple(p.xreplace(open_rates) for p in b) for i, b in beh.items()}
    rels = []
    for info in game.infosets:
        if info.label.endswith(":arms") or (
            only is not None and info.label not in only
        ):
            continue
        for rel in rationality_relations(game, info, opened, conds):
            rel = _without_positive_factors(rel, conds)
            rels.append(rel.xreplace({v: k for k, v in open_rates.items()}))
    return rels


def _cutoff(model, profile, i):
    """k_i*(s_j): the cost at which Build and Not have equal action values."""
    vals = action_values(model.game, f"{i + 1}:S:arms", profile).value
    gain = sympy.expand(vals["build"] - vals["not"])
    # a plain symbol: solve() would drop a root that k's own domain (k >= 0) excludes
    k = sympy.Dummy("k")
    roots = sympy.solve(sympy.Eq(gain.xreplace({model.costs[i]: k}), 0), k)
    if len(roots) != 1:
        raise ModelError(
            f"the gain from building for state {i + 1}, {gain}, is not affine in its cost"
        )
    return sympy.factor(roots[0])


def _trust(model, profile, i, rates):
    """Trust in state i after it builds: the other's belief at a stage-2 set."""
    label = f"{2 - i}:G:BB"  # the other, greedy, after both built: always reached
    belief = infoset_belief(model.game, label, profile).value
    secure = sum((b for path, b in belief.items() if f"{i + 1} is S" in path), S.Zero)
    at = secure.xreplace(dict(zip(model.rates, rates, strict=True)))
    return sympy.factor(sympy.cancel(at))


def _selection(model, regime, rates_profile):
    """The book's selection: a build destroys cooperation only if it must.

    For each state j whose builds are not tolerated, cooperation after its
    build must fail: the other's security seeker, seeing j build and having
    not built itself, would not cooperate even if j's would.
    """
    out = []
    for j in (0, 1):
        if regime[j]:
            continue
        alt = list(regime)
        alt[j] = True
        profile = {**_stage2_profile(model, tuple(alt)), **rates_profile}
        label = f"{2 - j}:S:NB"
        out.append(
            sympy.Not(sympy.And(*_regime_relations(model, alt, profile, only={label})))
        )
    return out


def arming_tree_equilibria(model: ArmingTree, *, select: bool = True) -> Solution:
    """Every equilibrium of the arming tree (see module doc), with conditions.

    Parameters
    ----------
    model : ArmingTree
    select : bool
        Apply the book's selection of the cooperative stage-2 equilibrium
        (a build destroys cooperation only where cooperation after it fails);
        without it every sequentially rational regime is listed (after any
        build, mutual defection is always self-enforcing).

    Returns
    -------
    Solution
        ``method="arming_tree"``; :class:`ArmingTreeEquilibrium` results.

    Examples
    --------
    >>> import sympy
    >>> half = sympy.Rational(1, 2)
    >>> m = arming_tree(prior=half, cost_bound=1, arms_gains=(1, half), t_secure=0,
    ...                 t_greedy=2, c=3, w=1)
    >>> [eq.rates for eq in arming_tree_equilibria(m) if eq.condition]
    [(0, 0)]
    """
    if not isinstance(model, ArmingTree):
        raise ModelError(
            f"expected an ArmingTree (from arming_tree), got {type(model).__name__}"
        )
    game, K = model.game, model.cost_bound
    s1, s2 = model.rates
    found = []
    for regime in itertools.product((False, True), repeat=2):
        profile = _stage2_profile(model, regime)
        profile["1:S:arms"] = {"build": s1, "not": 1 - s1}
        profile["2:S:arms"] = {"build": s2, "not": 1 - s2}
        rels = _regime_relations(model, regime, profile)
        if select:
            rels += _selection(
                model, regime, {k: profile[k] for k in ("1:S:arms", "2:S:arms")}
            )
        cut = [_cutoff(model, profile, i) for i in (0, 1)]
        for shapes in itertools.product(("s = 0", "s = 1", "interior"), repeat=2):
            rates = _rates(model, cut, shapes)
            if rates is None:
                continue
            sub = dict(zip(model.rates, rates, strict=True))
            cuts = [sympy.factor(x.xreplace(sub)) for x in cut]
            best = []
            for shape, r, kstar in zip(shapes, rates, cuts, strict=True):
                if shape == "s = 0":
                    best.append(kstar <= 0)
                elif shape == "s = 1":
                    best.append(kstar >= K)
                else:
                    best += [r > 0, r < 1]
            raw = sympy.And(*best, *[r.xreplace(sub) for r in rels])
            condition = result_condition(raw, game.assumptions)
            if condition is S.false:
                continue
            trust = tuple(_trust(model, profile, i, rates) for i in (0, 1))
            found.append(
                ArmingTreeEquilibrium(
                    kind="arming equilibrium (tree)",
                    value=sympy.Tuple(*rates),
                    condition=condition,
                    assumptions=game.assumptions,
                    steps=(
                        Step(
                            "cutoff of state 1",
                            cut[0],
                            "equal action values of Build and Not",
                        ),
                        Step(
                            "cutoff of state 2",
                            cut[1],
                            "equal action values of Build and Not",
                        ),
                        Step("rates", sympy.Tuple(*rates), ", ".join(shapes)),
                        Step(
                            "condition",
                            condition,
                            "best responses, stage 2 sequentially rational",
                        ),
                    ),
                    regime=regime,
                    rates=rates,
                    shapes=shapes,
                    cutoffs=tuple(cuts),
                    trust_after_build=trust,
                    model=model,
                )
            )
    return Solution(
        method="arming_tree",
        solver=arming_tree_equilibria,
        game=model,
        results=tuple(found),
    )


def _rates(model, cut, shapes):
    """The candidate rates for a pair of shapes, interior ones solved jointly."""
    K = model.cost_bound
    fixed = {
        s: (S.Zero if shape == "s = 0" else S.One)
        for s, shape in zip(model.rates, shapes, strict=True)
        if shape != "interior"
    }
    free = [
        s for s, shape in zip(model.rates, shapes, strict=True) if shape == "interior"
    ]
    if not free:
        return tuple(fixed[s] for s in model.rates)
    eqs = [
        sympy.Eq(s, cut[i].xreplace(fixed) / K)
        for i, s in enumerate(model.rates)
        if s in free
    ]
    sols = sympy.solve(eqs, free, dict=True)
    if len(sols) != 1 or set(sols[0]) != set(free):
        return None
    out = {**fixed, **{s: sympy.factor(v) for s, v in sols[0].items()}}
    if any(v.free_symbols & set(model.rates) for v in out.values()):
        return None
    return tuple(out[s] for s in model.rates)
