"""Reputation games: a long-run informed player who may be a committed type.

A stage game with two moves (Kreps and Wilson 1982; Milgrom and Roberts
1982; Fudenberg and Tirole 1991, sec. 9.2): a short-run *uninformed* player
either stays out (payoffs ``(u_out, v_out)``) or engages, and then the
long-run *informed* player takes the *committed* action (``(u_c, v_c)``) or
the *opportunistic* one (``(u_o, v_o)``). The stage is repeated over n
periods against a new uninformed player each period, every outcome
observed. With prior probability p the informed player is a *committed type*
who always takes the committed action; otherwise it is the *normal type*,
whose payoffs are those of the stage game, summed over the periods.

* Kreps and Wilson's chain store (:func:`chain_store`): entrants (``in``,
  ``out``) facing an incumbent who may be tough (always ``fight``):
  entrant ``b - 1`` if fought, ``b`` if the incumbent acquiesces, 0 out;
  incumbent ``-1`` fighting, 0 acquiescing, ``a`` when the entrant stays
  out; ``a > 1``, ``0 < b < 1``.
* The trust game with an honest type (:func:`repeated_trust_game`):
  investors (``trust``, ``not``) facing a trustee who may be honest (always
  ``honor``): investor ``r`` honored, ``-s`` abused, 0 not trusting; trustee
  ``h`` honoring, ``g`` abusing, 0 not trusted; ``g > h > 0``.
* Any such stage written as a tree (:func:`reputation_game`).

Examples
--------
>>> from symtrust import interval, probability
>>> p = probability("p")
>>> b = interval("b", 0, 1, left_open=True, right_open=True)
>>> a = interval("a", 1, 10, left_open=True)
>>> g = chain_store(3, prior=p, a=a, b=b)
>>> g.committed, g.opportunistic, g.engage
('fight', 'acquiesce', 'in')
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.point import substitute, symbols_of
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import check_probability
from symtrust.games.extensive.builder import game_tree
from symtrust.games.extensive.model import ExtensiveGame
from symtrust.games.extensive.nodes import Decision, Terminal, decision
from symtrust.games.normal_form.model import as_payoff, substitute_point
from symtrust.games.repeated._finite_horizon import as_horizon
from symtrust.logic.assumptions import build_assumptions, extend_assumptions

__all__ = [
    "ReputationGame",
    "chain_store",
    "repeated_trust_game",
    "reputation_game",
]


@dataclass(frozen=True)
class ReputationGame(Printable):
    """A reputation game over n periods (see the module doc).

    Attributes
    ----------
    periods : int or sympy.Symbol
        n, a positive integer or a positive-integer symbol.
    prior : sympy.Expr
        p, the probability of the committed type, strictly inside (0, 1).
    uninformed, informed : str
        The players (the uninformed one is a new player each period).
    engage, stay : str
        The uninformed player's actions.
    committed, opportunistic : str
        The informed player's actions; the committed type always takes
        ``committed``.
    uninformed_payoffs : tuple
        ``(u_out, u_c, u_o)``.
    informed_payoffs : tuple
        ``(v_out, v_c, v_o)``: the normal type's stage payoffs.
    stage : ExtensiveGame
        The stage game's tree.
    assumptions : Assumptions
    name : str
    """

    periods: Any
    prior: Any
    uninformed: str
    informed: str
    engage: str
    stay: str
    committed: str
    opportunistic: str
    uninformed_payoffs: tuple
    informed_payoffs: tuple
    stage: Any
    assumptions: Assumptions
    name: str = ""

    @property
    def parameters(self) -> frozenset:
        """The model's parameters (the horizon included when symbolic)."""
        out = set(self.assumptions.symbols) | symbols_of(self.prior)
        out |= symbols_of(self.uninformed_payoffs) | symbols_of(self.informed_payoffs)
        if isinstance(self.periods, sympy.Symbol):
            out.add(self.periods)
        return frozenset(out)

    def subs(self, point: Mapping, *, strict: bool = True) -> ReputationGame:
        """The game at a parameter point (a symbolic horizon may be fixed too).

        Examples
        --------
        >>> from symtrust import probability
        >>> p = probability("p")
        >>> g = chain_store(2, prior=p, a=2, b=sympy.Rational(1, 2))
        >>> g.subs({p: sympy.Rational(1, 10)}).prior
        1/10
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )
        memo: dict = {}
        periods = self.periods
        if isinstance(periods, sympy.Symbol) and periods in point:
            periods = as_horizon(sympy.Integer(point[periods]))
        stage = self.stage.subs(
            {s: v for s, v in point.items() if s in self.stage.parameters}
        )
        return dataclasses.replace(
            self,
            periods=periods,
            prior=substitute(self.prior, point, memo),
            uninformed_payoffs=substitute(self.uninformed_payoffs, point, memo),
            informed_payoffs=substitute(self.informed_payoffs, point, memo),
            stage=stage,
            assumptions=assume,
        )

    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("game", self.name),
            ("periods", self.periods),
            (f"prior of the committed type ({self.committed})", self.prior),
            (
                f"{self.uninformed} payoffs (out, committed, opportunistic)",
                sympy.Tuple(*self.uninformed_payoffs),
            ),
            (
                f"{self.informed} payoffs (out, committed, opportunistic)",
                sympy.Tuple(*self.informed_payoffs),
            ),
        )


def _stage_parts(stage: ExtensiveGame):
    """Read (uninformed, engage, stay, informed, actions, leaves) off the tree."""
    root = stage.root
    shape = (
        "a stage tree in which the uninformed player moves first with two actions, "
        "one ending the stage and one leading to the informed player's choice "
        "between two actions that end it"
    )
    if not isinstance(root, Decision) or len(root.branches) != 2:
        raise ModelError(f"the stage game must be {shape}; its root is {root!r}")
    inner = [(a, c) for a, c in root.branches if isinstance(c, Decision)]
    outer = [(a, c) for a, c in root.branches if isinstance(c, Terminal)]
    if len(inner) != 1 or len(outer) != 1:
        raise ModelError(f"the stage game must be {shape}")
    engage, node = inner[0]
    stay, out_leaf = outer[0]
    if len(node.branches) != 2 or not all(
        isinstance(c, Terminal) for _, c in node.branches
    ):
        raise ModelError(f"the stage game must be {shape}")
    if node.player == root.player:
        raise ModelError(f"the stage game must be {shape}; {root.player!r} moves twice")
    return root.player, engage, stay, node.player, node, out_leaf


def _require(relation, text: str) -> None:
    """Refuse a parameter value that SymPy already shows breaks a rule."""
    if relation is S.false or relation is False:
        raise ModelError(text)


def _leaf(stage, leaf) -> tuple:
    """A leaf's payoffs as (uninformed, informed) in the tree's player order."""
    pays = dict(zip(stage.players, leaf.payoffs, strict=True))
    return pays


def reputation_game(
    stage,
    periods,
    *,
    prior,
    committed: str,
    assumptions=(),
    name: str = "",
) -> ReputationGame:
    """A reputation game from a stage tree, a horizon and a committed action.

    Parameters
    ----------
    stage : ExtensiveGame or Decision
        The stage: the uninformed player moves first with two actions, one
        ending the stage, one leading to the informed player's two actions.
    periods : int or sympy.Symbol
        n, a positive integer or a positive-integer symbol
        (:func:`~symtrust.games.repeated.horizon`).
    prior : number or sympy.Expr
        p, the probability of the committed type, strictly inside (0, 1).
    committed : str
        The committed type's action: one of the informed player's actions in
        the stage game.
    assumptions : iterable of sympy Boolean
        Relations between parameters.

    Raises
    ------
    ModelError
        A stage of another shape, a committed action that is not an action
        of the informed player, a prior that is not an exact probability
        strictly inside (0, 1), a horizon that is not a positive integer.

    Examples
    --------
    >>> from symtrust import positive
    >>> r, s = positive("r s")
    >>> stage = decision("investor", {
    ...     "trust": decision("trustee", {"honor": (r, 1), "abuse": (-s, 2)}),
    ...     "not": (0, 0)})
    >>> reputation_game(stage, 3, prior=sympy.Rational(1, 2), committed="keep")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: committed='keep' is not a strategy of the committed type in the stage game: the informed player 'trustee' has the actions ('honor', 'abuse')
    """
    if isinstance(stage, Decision):
        stage = game_tree(stage, assumptions=assumptions, name=name)
    if not isinstance(stage, ExtensiveGame):
        raise ModelError(
            f"the stage game must be a game tree (ExtensiveGame or decision node), "
            f"got {type(stage).__name__}"
        )
    uninformed, engage, stay, informed, node, out_leaf = _stage_parts(stage)
    actions = tuple(a for a, _ in node.branches)
    if not isinstance(committed, str) or committed not in actions:
        raise ModelError(
            f"committed={committed!r} is not a strategy of the committed type in the "
            f"stage game: the informed player {informed!r} has the actions {actions}"
        )
    n = as_horizon(periods, "periods")
    assume = build_assumptions([*stage.assumptions.conditions, *assumptions])
    p = check_probability(prior, "the prior of the committed type", assume)
    if p.is_number and not (0 < p < 1):
        raise ModelError(
            f"the prior of the committed type is {p}: it must lie strictly inside "
            "(0, 1) (a sure type leaves nothing to learn)"
        )
    if not p.is_number:
        # a symbolic prior: the reputation game assumes it strictly inside (0, 1)
        assume = extend_assumptions(assume, [p > 0, p < 1])
    opportunistic = next(a for a in actions if a != committed)
    leaves = dict(node.branches)
    out = _leaf(stage, out_leaf)
    c_pay, o_pay = _leaf(stage, leaves[committed]), _leaf(stage, leaves[opportunistic])
    return ReputationGame(
        periods=n,
        prior=p,
        uninformed=uninformed,
        informed=informed,
        engage=engage,
        stay=stay,
        committed=committed,
        opportunistic=opportunistic,
        uninformed_payoffs=tuple(x[uninformed] for x in (out, c_pay, o_pay)),
        informed_payoffs=tuple(x[informed] for x in (out, c_pay, o_pay)),
        stage=stage,
        assumptions=assume,
        name=name or stage.name or "reputation game",
    )


def chain_store(periods, *, prior, a, b, name: str = "") -> ReputationGame:
    """Kreps and Wilson's chain store over n periods (see the module doc).

    Parameters
    ----------
    periods : int or sympy.Symbol
        The number of entrants n.
    prior : number or sympy.Expr
        The probability that the incumbent is tough (always fights).
    a : number or sympy.Expr
        The weak incumbent's payoff when an entrant stays out, ``a > 1``.
    b : number or sympy.Expr
        The entrant's payoff from entering unopposed, ``0 < b < 1``.

    Examples
    --------
    >>> g = chain_store(2, prior=sympy.Rational(1, 10), a=2, b=sympy.Rational(1, 2))
    >>> g.uninformed_payoffs, g.informed_payoffs
    ((0, -1/2, 1/2), (2, -1, 0))
    """
    a_, b_ = as_payoff(a, "a"), as_payoff(b, "b")
    _require(sympy.Gt(a_, 1), f"a={a_} must exceed 1 (deterrence is worth a fight)")
    _require(sympy.And(b_ > 0, b_ < 1), f"b={b_} must lie strictly inside (0, 1)")
    stage = decision(
        "entrant",
        {
            "in": decision("incumbent", {"fight": (b_ - 1, -1), "acquiesce": (b_, 0)}),
            "out": (S.Zero, a_),
        },
    )
    return reputation_game(
        game_tree(stage, assumptions=[a_ > 1, b_ > 0, b_ < 1], name="chain store"),
        periods,
        prior=prior,
        committed="fight",
        name=name or "Kreps-Wilson chain store",
    )


def repeated_trust_game(
    periods, *, prior, r, s, h, g, name: str = ""
) -> ReputationGame:
    """The trust game repeated n times with an honest type (see the module doc).

    Parameters
    ----------
    periods : int or sympy.Symbol
        The number of investors n.
    prior : number or sympy.Expr
        The probability that the trustee is honest (always honors).
    r, s : number or sympy.Expr
        The investor's gain when honored and loss when abused, both positive.
    h, g : number or sympy.Expr
        The opportunistic trustee's payoffs from honoring and abusing,
        ``g > h > 0``.

    Examples
    --------
    >>> game = repeated_trust_game(3, prior=sympy.Rational(1, 2), r=1, s=1, h=1, g=2)
    >>> game.committed, game.engage
    ('honor', 'trust')
    """
    r_, s_, h_, g_ = (
        as_payoff(v, k) for v, k in ((r, "r"), (s, "s"), (h, "h"), (g, "g"))
    )
    for v, k in ((r_, "r"), (s_, "s"), (h_, "h")):
        _require(sympy.Gt(v, 0), f"{k}={v} must be positive")
    _require(sympy.Gt(g_, h_), f"g={g_} must exceed h={h_} (abuse pays in the stage)")
    stage = decision(
        "investor",
        {
            "trust": decision("trustee", {"honor": (r_, h_), "abuse": (-s_, g_)}),
            "not": (S.Zero, S.Zero),
        },
    )
    return reputation_game(
        game_tree(
            stage,
            assumptions=[r_ > 0, s_ > 0, h_ > 0, g_ > h_],
            name="trust game",
        ),
        periods,
        prior=prior,
        committed="honor",
        name=name or "trust game with an honest type",
    )
