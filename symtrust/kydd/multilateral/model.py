"""Multilateral trust games: n players, power shares, bilateral Security Dilemmas.

Kydd (2005), chapter 5 (a reconstruction; see ``models.md`` section 4). Each of
``n`` players ``i`` has a power share ``m_i`` (positive, ``sum_i m_i = 1``) and
is trustworthy with probability ``pi_i`` (common knowledge), independently. A
trustworthy type values exploiting a cooperator at ``t_i < 1``; an
untrustworthy (greedy) type at ``t_U > 1``. Every player chooses C or D once,
against all the others. The bilateral Security Dilemma payoff of ``i`` against
``j`` (models.md section 2) is

====  ======  ======
own   j: C    j: D
====  ======  ======
C     1       -c_i
D     t_i     -w
====  ======  ======

with ``c_i > w >= 0``. Two aggregations of the bilateral payoffs:

* ``"power"``: ``i``'s payoff is the power-weighted average over the others,
  ``sum_{j != i} m_j u_ij / (1 - m_i)``;
* ``"weakest_link"``: cooperation pays only if all cooperate: ``i`` gets the
  ``(a_i, C)`` payoff if every other player cooperates and the ``(a_i, D)``
  payoff otherwise.

Identical players form an exchangeable **group** (an :class:`Actor` of size
``k``): ``k`` may be a symbol such as ``n - 1`` for an integer parameter ``n``;
the game is then handled by aggregation over the group, never by enumerating
its members. If others cooperate independently with probabilities ``q_j``, the
expected payoff is affine in the *cooperation index* ``Q_i``
(:meth:`MultilateralGame.cooperation_index`): the power-weighted mean of the
``q_j`` (power) or the probability that all others cooperate (weakest link).

Examples
--------
>>> from symtrust.catalog import hegemony_game
>>> g = hegemony_game()
>>> g.size
n
>>> [a.name for a in g.actors], g.actor("small").size
(['hegemon', 'small'], n - 1)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.exact import defined_at
from symtrust.core.names import text_name
from symtrust.core.numbers import exact_number
from symtrust.core.point import at_point
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import game_name, substitute_point
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.decide import decide

__all__ = [
    "AGGREGATIONS",
    "Actor",
    "MultilateralGame",
    "actor",
    "multilateral_game",
]

#: The ways bilateral payoffs combine into a player's payoff.
AGGREGATIONS = ("power", "weakest_link")


@dataclass(frozen=True)
class Actor:
    """One player, or an exchangeable group of identical players.

    Attributes
    ----------
    name : str
        The actor's name (a group's name when ``size`` is not 1).
    size : sympy.Expr
        Number of identical members: 1 for a single player; an integer or an
        integer-valued expression such as ``n - 1``.
    power : sympy.Expr
        Each member's power share ``m_i``.
    trust : sympy.Expr
        Probability ``pi_i`` that each member is trustworthy.
    temptation : sympy.Expr
        The trustworthy type's value ``t_i < 1`` of exploiting a cooperator.
    cost : sympy.Expr
        The cost ``c_i > w`` of being exploited.
    members : tuple of str
        Members' names when listed explicitly (then ``size == len(members)``).
    min_size : int
        The least size the model needs for this actor.
    """

    name: str
    size: sympy.Expr
    power: sympy.Expr
    trust: sympy.Expr
    temptation: sympy.Expr
    cost: sympy.Expr
    members: tuple = ()
    min_size: int = 1

    @property
    def is_group(self) -> bool:
        """Whether this actor stands for more than one player (or a symbolic number)."""
        return self.size != 1

    def member_names(self) -> tuple:
        """Names of the members; needs a numeric size unless listed explicitly.

        Examples
        --------
        >>> actor("g", power=sympy.Rational(1, 3), trust=1, temptation=0,
        ...       cost=1, size=3).member_names()
        ('g[1]', 'g[2]', 'g[3]')
        """
        if self.members:
            return self.members
        if not self.size.is_Integer:
            raise ModelError(
                f"group {self.name!r} has symbolic size {self.size}; substitute a "
                "number (game.subs) before listing its members"
            )
        if self.size == 1:
            return (self.name,)
        return tuple(f"{self.name}[{k}]" for k in range(1, int(self.size) + 1))


def actor(
    name: str,
    *,
    power,
    trust,
    temptation,
    cost,
    size=1,
    members: Sequence[str] | None = None,
    min_size: int = 1,
) -> Actor:
    """Describe a player, or a group of identical players, of a multilateral game.

    Parameters
    ----------
    name : str
        The actor's name.
    power, trust, temptation, cost : number or sympy.Expr
        Each member's power share ``m_i``, trust ``pi_i``, trustworthy
        temptation ``t_i`` and cost of being exploited ``c_i``. Checked against
        the game's assumptions by :func:`multilateral_game`.
    size : int or sympy.Expr
        Number of identical members (default 1); may be symbolic (``n - 1``).
    members : sequence of str, optional
        Explicit member names; the size is then their number.
    min_size : int
        The least size the model needs (checked by :func:`multilateral_game`).

    Raises
    ------
    ModelError
        A bad name, a size that is not an integer-valued expression, members
        that repeat or disagree with ``size``, a payoff that is not exact.

    Examples
    --------
    >>> a = actor("h", power=sympy.Rational(1, 2), trust=sympy.Rational(3, 4),
    ...           temptation=0, cost=2)
    >>> a.size, a.is_group
    (1, False)
    """
    name = text_name(name, "actor name")
    if isinstance(min_size, bool) or not isinstance(min_size, int) or min_size < 1:
        raise ModelError(f"min_size={min_size!r} of {name!r} must be an int >= 1")
    size = exact_number(size, f"size of {name!r} (its number of members)")
    if members is not None:
        if isinstance(members, str) or not isinstance(members, Sequence):
            raise ModelError(
                f"members of {name!r} must be a sequence of names, got {members!r}"
            )
        members = tuple(text_name(x, f"member of {name!r}") for x in members)
        if len(set(members)) != len(members):
            raise ModelError(f"members {members} of {name!r} repeat a name")
        if size != 1 and size != len(members):
            raise ModelError(
                f"size={size} of {name!r} disagrees with its {len(members)} members"
            )
        size = sympy.Integer(len(members))
    if size.is_integer is not True:
        raise ModelError(
            f"size={size} of {name!r} must be an integer (a symbolic size needs an "
            "integer parameter, e.g. Parameter('n', Interval(3, oo), integer=True))"
        )
    return Actor(
        name=name,
        size=size,
        power=exact_number(power, f"power share of {name!r}"),
        trust=exact_number(
            trust, f"trust in {name!r} (the probability that it is trustworthy)"
        ),
        temptation=exact_number(temptation, f"temptation of {name!r}"),
        cost=exact_number(cost, f"cost of being exploited of {name!r}"),
        members=members or (),
        min_size=min_size,
    )


@dataclass(frozen=True)
class MultilateralGame(Printable):
    """An n-player trust game aggregating bilateral Security Dilemma payoffs.

    Build it with :func:`multilateral_game` (or
    :func:`symtrust.catalog.hegemony_game`).

    Attributes
    ----------
    actors : tuple of Actor
        Players and exchangeable groups.
    w : sympy.Expr
        Cost of mutual defection (payoff ``-w``).
    greedy_temptation : sympy.Expr
        The untrustworthy type's value ``t_U > 1`` of exploitation.
    aggregation : str
        ``"power"`` or ``"weakest_link"``.
    assumptions : Assumptions
        Parameter domains, stated relations and what the model needs.
    name : str
        A label.
    """

    actors: tuple
    w: sympy.Expr
    greedy_temptation: sympy.Expr
    aggregation: str
    assumptions: Assumptions
    name: str = ""

    @property
    def size(self) -> sympy.Expr:
        """The number of players, ``sum`` of the actors' sizes."""
        return sympy.Add(*(a.size for a in self.actors))

    @property
    def names(self) -> tuple:
        """Actor names, in order."""
        return tuple(a.name for a in self.actors)

    def actor(self, name: str) -> Actor:
        """The actor with this name, or the group with a member of this name."""
        for a in self.actors:
            if a.name == name or name in a.members:
                return a
        raise ModelError(f"unknown actor {name!r}; actors are {self.names}")

    def bilateral_payoff(self, name: str, own: str, other: str, *, trustworthy=True):
        """The Security Dilemma payoff of a member of ``name`` against one other.

        Examples
        --------
        >>> from symtrust.catalog import hegemony_game
        >>> g = hegemony_game()
        >>> g.bilateral_payoff("small", "C", "D")
        -c
        >>> g.bilateral_payoff("small", "D", "C", trustworthy=False)
        t_U
        """
        a = self.actor(name)
        for act in (own, other):
            if act not in ("C", "D"):
                raise ModelError(f"action {act!r} is not 'C' or 'D'")
        tempt = a.temptation if trustworthy else self.greedy_temptation
        table = {("C", "C"): S.One, ("C", "D"): -a.cost}
        table[("D", "C")] = tempt
        table[("D", "D")] = -self.w
        return table[(own, other)]

    def others(self, name: str) -> tuple:
        """``(actor, count)`` pairs: how many members of each actor ``name`` faces."""
        me = self.actor(name)
        out = []
        for a in self.actors:
            count = a.size - 1 if a is me else a.size
            if count != 0:
                out.append((a, count))
        return tuple(out)

    def cooperation_index(self, name: str, q: Mapping) -> sympy.Expr:
        """The cooperation index ``Q_i`` of a member of ``name``.

        Parameters
        ----------
        name : str
            The actor.
        q : mapping
            Actor name -> probability that each of its members cooperates
            (missing actors cooperate with probability 0).

        Returns
        -------
        sympy.Expr
            Power aggregation: ``sum_{j != i} m_j q_j / (1 - m_i)``, summed over
            groups by size. Weakest link: ``prod_{j != i} q_j``.

        Examples
        --------
        >>> from symtrust.catalog import hegemony_game
        >>> g = hegemony_game()
        >>> pi_h, pi_s = g.actor("hegemon").trust, g.actor("small").trust
        >>> sympy.factor(g.cooperation_index("hegemon", {"small": pi_s}))
        pi_s
        """
        me = self.actor(name)
        unknown = set(q) - set(self.names)
        if unknown:
            raise ModelError(f"q names unknown actors {sorted(unknown)}")
        qs = {
            a.name: exact_number(
                q.get(a.name, 0), f"probability that {a.name!r} cooperates"
            )
            for a in self.actors
        }
        if self.aggregation == "weakest_link":
            factors = []
            for a, k in self.others(name):
                # 0**k with k symbolic: zero once the group is known to be nonempty
                if qs[a.name] == 0 and decide(k >= 1, self.assumptions).truth:
                    return S.Zero
                factors.append(qs[a.name] ** k)
            return sympy.Mul(*factors)
        total = sympy.Add(*(k * a.power * qs[a.name] for a, k in self.others(name)))
        return total / (1 - me.power)

    def expected_payoff(self, name: str, action: str, index, *, trustworthy=True):
        """Expected payoff of an action when the cooperation index is ``index``.

        Both aggregations are affine in the other players' cooperation, so the
        expected payoff is ``Q u(a, C) + (1 - Q) u(a, D)`` with ``Q`` the index.

        Examples
        --------
        >>> from symtrust.catalog import hegemony_game
        >>> g = hegemony_game()
        >>> Q = sympy.Symbol("Q")
        >>> g.expected_payoff("small", "D", Q)
        t*Q - w*(1 - Q)
        """
        coop = self.bilateral_payoff(name, action, "C", trustworthy=trustworthy)
        defect = self.bilateral_payoff(name, action, "D", trustworthy=trustworthy)
        return index * coop + (1 - index) * defect

    @property
    def parameters(self) -> frozenset:
        """Free symbols of the game."""
        out = set(self.assumptions.symbols)
        for a in self.actors:
            for e in (a.size, a.power, a.trust, a.temptation, a.cost):
                out |= e.free_symbols
        return frozenset(
            out | self.w.free_symbols | self.greedy_temptation.free_symbols
        )

    def subs(self, point: Mapping, *, strict: bool = True) -> MultilateralGame:
        """The game at a parameter point, keeping its assumptions, validated again.

        The point is validated as :meth:`NormalFormGame.subs
        <symtrust.games.normal_form.model.NormalFormGame.subs>` (keys are the
        game's parameters, values exact reals in their domains, integers for
        integer parameters); the substituted assumptions are kept and the game
        is rebuilt by :func:`multilateral_game`, which checks what the model
        needs again.

        Examples
        --------
        >>> from symtrust.catalog import hegemony_game
        >>> g = hegemony_game()
        >>> n = g.size
        >>> g.subs({n: 4}).actor("small").size
        3
        >>> g.subs({n: sympy.Rational(7, 2)})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: n = 7/2 is not an integer: n is an integer parameter
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )
        actors = tuple(
            Actor(
                name=a.name,
                size=at_point(a.size, point, f"size of {a.name!r}", refuse=strict),
                power=at_point(
                    a.power, point, f"power share of {a.name!r}", refuse=strict
                ),
                trust=at_point(a.trust, point, f"trust in {a.name!r}", refuse=strict),
                temptation=at_point(
                    a.temptation, point, f"temptation of {a.name!r}", refuse=strict
                ),
                cost=at_point(a.cost, point, f"cost of {a.name!r}", refuse=strict),
                members=a.members,
                min_size=a.min_size,
            )
            for a in self.actors
        )
        return multilateral_game(
            actors,
            w=at_point(self.w, point, "cost of mutual defection w", refuse=strict),
            greedy_temptation=at_point(
                self.greedy_temptation, point, "greedy temptation", refuse=strict
            ),
            aggregation=self.aggregation,
            assumptions=assume.conditions,
            name=self.name,
        )

    # -- printing ------------------------------------------------------------
    def display_rows(self):
        """Rows for the renderers."""
        rows = [("game", self.name or f"multilateral trust game ({self.aggregation})")]
        for a in self.actors:
            label = a.name if not a.is_group else f"{a.name} (x {a.size})"
            rows.append((label, sympy.Tuple(a.power, a.trust, a.temptation, a.cost)))
        rows.append(
            ("(m, pi, t, c); w, t_U", sympy.Tuple(self.w, self.greedy_temptation))
        )
        if self.assumptions.conditions:
            rows.append(("assumptions", self.assumptions.condition))
        return tuple(rows)


def _require(statement, assumptions, message: str) -> None:
    """Raise ModelError unless the statement follows from the assumptions."""
    if statement is S.true or statement is True:
        return
    if statement is S.false or statement is False:
        raise ModelError(message)
    verdict = decide(statement, assumptions)
    if verdict.truth is True:
        return
    if verdict.truth is False:
        point = dict(verdict.counterexample)
        how = "is undefined" if not defined_at(statement, point) else "fails"
        raise ModelError(
            message + f" (it {how} at {point}, which the assumptions allow)"
        )
    raise ModelError(message + " (the assumptions do not imply it: state it)")


def multilateral_game(
    actors: Iterable[Actor],
    *,
    w,
    greedy_temptation,
    aggregation: str = "power",
    assumptions: Iterable = (),
    name: str = "",
) -> MultilateralGame:
    """Build and validate a multilateral trust game.

    Parameters
    ----------
    actors : iterable of Actor
        Players and exchangeable groups (see :func:`actor`).
    w : number or sympy.Expr
        Cost of mutual defection, ``w >= 0``.
    greedy_temptation : number or sympy.Expr
        The untrustworthy type's temptation, ``t_U > 1``.
    aggregation : {"power", "weakest_link"}
        How bilateral payoffs combine.
    assumptions : iterable of sympy Boolean
        Relations between parameters; domains are added automatically.
    name : str
        A label.

    Raises
    ------
    ModelError
        Powers not summing to one (symbolically) or not positive, trust outside
        [0, 1], ``t_i >= 1``, ``c_i <= w``, ``w < 0``, ``t_U <= 1``, a group
        smaller than the model needs, fewer than two players, a name repeated
        or a player both in a group and on its own; each unless implied by the
        assumptions. The message names the value.

    Examples
    --------
    >>> from sympy import Rational as R
    >>> a = actor("a", power=R(1, 2), trust=R(1, 2), temptation=0, cost=2)
    >>> b = actor("b", power=R(1, 3), trust=1, temptation=0, cost=2)
    >>> multilateral_game([a, b], w=1, greedy_temptation=2)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: power shares must sum to one: sum of size*power is 5/6
    """
    actors = tuple(actors)
    if not actors or not all(isinstance(a, Actor) for a in actors):
        raise ModelError(f"actors must be a nonempty sequence of Actor, got {actors!r}")
    if aggregation not in AGGREGATIONS:
        raise ModelError(f"aggregation={aggregation!r} must be one of {AGGREGATIONS}")
    name = game_name(name)
    w = exact_number(w, "cost of mutual defection w")
    greedy = exact_number(greedy_temptation, "greedy_temptation t_U")
    # names: unique actors, unique members, no player both in and out of a group
    owner: dict = {}
    for a in actors:
        if a.name in a.members:
            raise ModelError(f"group {a.name!r} lists itself as a member")
        for label in (a.name, *a.members):
            if label in owner:
                raise ModelError(
                    f"player {label!r} appears in {owner[label].name!r} and in "
                    f"{a.name!r}: a player is either in one group or on its own"
                )
            owner[label] = a
    symbols = set(w.free_symbols | greedy.free_symbols)
    for a in actors:
        for e in (a.size, a.power, a.trust, a.temptation, a.cost):
            symbols |= e.free_symbols
    assume = build_assumptions(assumptions, symbols=symbols)
    # power shares sum to one, identically
    total = sympy.Add(*(a.size * a.power for a in actors))
    if sympy.simplify(total - 1) != 0:
        raise ModelError(f"power shares must sum to one: sum of size*power is {total}")
    _require(w >= 0, assume, f"w={w} must be nonnegative")
    _require(greedy > 1, assume, f"greedy_temptation={greedy} must exceed 1")
    for a in actors:
        _require(
            a.size >= a.min_size,
            assume,
            f"size={a.size} of {a.name!r} is below the {a.min_size} the model needs",
        )
        _require(a.power > 0, assume, f"power={a.power} of {a.name!r} must be positive")
        _require(
            sympy.And(a.trust >= 0, a.trust <= 1),
            assume,
            f"trust={a.trust} of {a.name!r} must lie in [0, 1]",
        )
        _require(
            a.temptation < 1,
            assume,
            f"temptation={a.temptation} of {a.name!r} must be below 1 (trustworthy)",
        )
        _require(a.cost > w, assume, f"cost={a.cost} of {a.name!r} must exceed w={w}")
    _require(
        sympy.Add(*(a.size for a in actors)) >= 2,
        assume,
        f"the game has {sympy.Add(*(a.size for a in actors))} players; it needs two",
    )
    return MultilateralGame(actors, w, greedy, aggregation, assume, name)
