"""Beliefs at an information set given a profile: Bayes' rule on the tree.

Under a behaviour profile ``b``, the probability of reaching a node ``n`` is
the product along its path of nature's probabilities and the movers'
behaviour probabilities, ``Pr(n)``. At an information set I reached with
positive probability the mover's belief is

    mu(n | I) = Pr(n) / sum_{m in I} Pr(m),

its condition being ``sum_{m in I} Pr(m) > 0`` (simplified under the
assumptions). Off the path (the sum is zero at every admissible point)
Bayes' rule says nothing: beliefs there are free, and the equilibrium
solvers describe which beliefs support a choice.

Examples
--------
>>> from symtrust import game_tree, probability
>>> from symtrust.games.extensive import chance, decision
>>> p, s = probability("p s")
>>> g = game_tree(chance({
...     "secure": (p, decision("A", {"build": decision("B", {"c": (1, 1), "d": (0, 0)},
...                                                  info="B after build"),
...                               "not": (2, 2)}, info="A secure")),
...     "greedy": (1 - p, decision("B", {"c": (1, 0), "d": (0, 1)},
...                                info="B after build"))}), players=("A", "B"))
>>> mu = infoset_belief(g, "B after build", {"A secure": {"build": s, "not": 1 - s}})
>>> dict(mu.value)
{'secure/build': p*s/(p*s - p + 1), 'greedy': -(p - 1)/(p*s - p + 1)}
>>> mu.condition
p*s + 1 > p
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import TypeMap
from symtrust.games.extensive.model import ExtensiveGame, path_name
from symtrust.games.extensive.profiles import behaviour
from symtrust.logic.conditions import simplify_condition

__all__ = ["InfosetBelief", "infoset_belief", "path_probability"]


@dataclass(frozen=True, kw_only=True)
class InfosetBelief(Result):
    """Beliefs at an information set under a profile, by Bayes' rule.

    ``value`` maps each member's path (text) to its belief (a
    :class:`~symtrust.games.bayesian.typemap.TypeMap`); ``condition``
    says where the set is reached with positive probability.

    Attributes
    ----------
    infoset : str
        The set's label.
    reach : tuple of (str, sympy.Expr)
        Each member's reach probability.
    profile : tuple
        The behaviour used, as ``(label, probabilities)`` pairs.
    game : ExtensiveGame
    """

    infoset: str = ""
    reach: tuple = ()
    profile: tuple = ()

    @property
    def parameters(self) -> frozenset:
        """Free symbols of the beliefs, the profile and the assumptions."""
        out = set(self.assumptions.symbols) | set(self.condition.free_symbols)
        for v in self.value.values():
            out |= v.free_symbols
        for _, probs in self.profile:
            for p in probs:
                out |= p.free_symbols
        return frozenset(out)

    def __getitem__(self, member):
        key = member if isinstance(member, str) else path_name(member)
        if key not in self.value:
            raise ModelError(f"{key!r} is not a member of {self.infoset!r}")
        return self.value[key]

    def display_rows(self):
        """Rows for the renderers."""
        return ((f"beliefs at {self.infoset}", self.value),)


def path_probability(game: ExtensiveGame, beh, node_id: int) -> sympy.Expr:
    """Probability of reaching a node: nature's and the movers' moves on its path.

    ``beh`` is a profile in index form (see :func:`behaviour`); only the sets
    on the path are needed.

    Examples
    --------
    >>> from symtrust import game_tree, probability
    >>> from symtrust.games.extensive import chance, decision
    >>> from symtrust.games.extensive.profiles import behaviour
    >>> p, q = probability("p q")
    >>> g = game_tree(chance({"h": (p, decision("A", {"x": (1,), "y": (0,)})),
    ...                       "t": (1 - p, (0,))}))
    >>> path_probability(g, behaviour(g, {"A@h": {"x": q, "y": 1 - q}}), g.node("h/x").id)
    p*q
    """
    node = game.nodes[node_id]
    prob = S.One
    while node.parent is not None:
        parent = game.nodes[node.parent]
        k = parent.children.index(node.id)
        if parent.kind == "chance":
            prob *= parent.probabilities[k]
        else:
            info = game.infosets[parent.infoset]
            if info.id not in beh:
                raise ModelError(
                    f"the profile gives no behaviour at {info.label!r}, on the path "
                    f"to node {path_name(game.nodes[node_id].path)!r}"
                )
            prob *= beh[info.id][info.actions.index(parent.actions[k])]
        node = parent
    return prob


def infoset_belief(game: ExtensiveGame, infoset: str, profile) -> InfosetBelief:
    """The belief at an information set given a profile, in closed form.

    Parameters
    ----------
    game : ExtensiveGame
    infoset : str
        The set's label.
    profile : mapping
        Information-set label -> action, ``{action: probability}`` or a
        sequence of probabilities; the sets on the paths to the members are
        needed.

    Raises
    ------
    ModelError
        Unknown labels, missing behaviour on a path, or a set the profile
        never reaches (beliefs there are not pinned by Bayes' rule).

    Examples
    --------
    >>> from symtrust import game_tree, probability
    >>> from symtrust.games.extensive import chance, decision
    >>> p, s = probability("p s")
    >>> g = game_tree(chance({
    ...     "secure": (p, decision("A", {"build": decision("B", {"c": (1, 1), "d": (0, 0)},
    ...         info="B after build"), "not": (0, 0)}, info="A secure")),
    ...     "greedy": (1 - p, decision("B", {"c": (1, 1), "d": (0, 0)},
    ...         info="B after build"))}), players=("A", "B"))
    >>> dict(infoset_belief(g, "B after build", {"A secure": {"build": s, "not": 1 - s}}).value)
    {'secure/build': p*s/(p*s - p + 1), 'greedy': -(p - 1)/(p*s - p + 1)}
    """
    if not isinstance(game, ExtensiveGame):
        raise ModelError(f"expected an ExtensiveGame, got {type(game).__name__}")
    info = game.infoset(infoset)
    beh = behaviour(game, profile)
    reach = [sympy.expand(path_probability(game, beh, m)) for m in info.members]
    total = sympy.expand(sum(reach, S.Zero))
    if total == 0:
        raise ModelError(
            f"information set {infoset!r} is off the path of play under this profile "
            "(it is reached with probability 0): Bayes' rule does not apply there"
        )
    conds = game.assumptions.conditions
    condition = simplify_condition(total > 0, conds)
    if condition is S.false:
        raise ModelError(
            f"information set {infoset!r} is reached with probability {total}, "
            "which is 0 at every admissible point"
        )
    value = TypeMap.of(
        {
            path_name(game.nodes[m].path): _tidy(r / total)
            for m, r in zip(info.members, reach, strict=True)
        }
    )
    steps = (
        Step("reach probabilities", sympy.Tuple(*reach), "product along each path"),
        Step("Pr(information set)", total, "sum over the members"),
        Step("beliefs", sympy.Tuple(*value.values()), "Bayes' rule"),
    )
    return InfosetBelief(
        kind=f"beliefs at {infoset}",
        value=value,
        condition=condition,
        assumptions=game.assumptions,
        steps=steps,
        infoset=infoset,
        reach=tuple(
            (path_name(game.nodes[m].path), r)
            for m, r in zip(info.members, reach, strict=True)
        ),
        profile=tuple((game.infosets[i].label, b) for i, b in sorted(beh.items())),
        game=game,
    )


def _tidy(expr):
    expr = sympy.cancel(sympy.together(expr))
    return expr if expr.is_number else sympy.factor(expr)
