"""Bayesian games with finite types and symbolic priors.

A Bayesian game (Harsanyi 1967-68) adds to a normal-form game a finite set of
types per player and a common prior over type profiles; payoffs depend on the
action profile and the type profile. Priors are either independent across
players (one distribution per player, the joint being their product) or a
joint distribution over type profiles.

Kydd (2005, ch. 1) models trust this way: each player is independently
*trustworthy* with probability :math:`t_i` (Assurance-game preferences) or
*untrustworthy* (Prisoner's-Dilemma preferences); :func:`trust_game` builds
exactly that game, and :func:`type_game` the general case where each type of
each player has its own 2x2 table of own payoffs.

Validation is eager and symbolic (under the game's assumptions): priors are
probabilities summing to one (provably not -> :class:`~symtrust.errors.ModelError`
naming the value; undecided -> the requirement is added to the assumptions),
every type profile and action profile has a payoff vector of the right length,
payoffs are exact (:func:`~symtrust.games.normal_form.model.as_payoff`).

Examples
--------
>>> from symtrust import probability, trust_game
>>> t1, t2 = probability("t1 t2")
>>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (t1, t2))
>>> g.types
(('trustworthy', 'untrustworthy'), ('trustworthy', 'untrustworthy'))
>>> g.payoff(("C", "D"), ("trustworthy", "untrustworthy"))
(1, 4)
>>> g.prior[("trustworthy", "untrustworthy")]
t1*(1 - t2)
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.point import at_point
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.games.bayesian.typemap import TypeMap, validate_distribution
from symtrust.games.normal_form.model import (
    NormalFormGame,
    _names,
    as_vector,
    game_name,
    substitute_point,
)
from symtrust.logic.assumptions import build_assumptions, extend_assumptions

__all__ = ["BayesianGame", "bayesian_game"]


@dataclass(frozen=True)
class BayesianGame(Printable):
    """A finite Bayesian game with symbolic payoffs and priors.

    Build it with :func:`bayesian_game`, :func:`type_game` or
    :func:`trust_game`.

    Attributes
    ----------
    players : tuple of str
        Player names.
    actions : tuple of tuple of str
        Each player's actions.
    types : tuple of tuple of str
        Each player's types.
    prior : TypeMap
        Type profile (tuple of type names) -> prior probability.
    marginals : tuple of TypeMap or None
        Each player's prior when types are independent, else None.
    table : tuple
        Payoff vectors, ordered by type profile, then action profile (both in
        ``itertools.product`` order).
    assumptions : Assumptions
        Parameter domains, stated relations and any validity requirement z3
        could not decide.
    name : str
        A label for printing.
    """

    players: tuple
    actions: tuple
    types: tuple
    prior: TypeMap
    marginals: tuple | None
    table: tuple
    assumptions: Assumptions
    name: str = ""

    # -- structure -----------------------------------------------------------
    @property
    def independent(self) -> bool:
        """Whether types are independent across players."""
        return self.marginals is not None

    def profiles(self):
        """Iterate over action profiles."""
        return itertools.product(*self.actions)

    def type_profiles(self):
        """Iterate over type profiles."""
        return itertools.product(*self.types)

    def player_index(self, player) -> int:
        """Index of a player given by name or index; ModelError if unknown."""
        if isinstance(player, int) and not isinstance(player, bool):
            if 0 <= player < len(self.players):
                return player
        elif player in self.players:
            return self.players.index(player)
        raise ModelError(f"unknown player {player!r}; players are {self.players}")

    def check_type(self, player, type_) -> str:
        """Validate a type of a player; ModelError if unknown."""
        i = self.player_index(player)
        if type_ not in self.types[i]:
            raise ModelError(
                f"unknown type {type_!r} of player {self.players[i]!r}; "
                f"types are {self.types[i]}"
            )
        return type_

    def check_action(self, player, action) -> str:
        """Validate an action of a player; ModelError if unknown."""
        i = self.player_index(player)
        if action not in self.actions[i]:
            raise ModelError(
                f"unknown action {action!r} for player {self.players[i]!r}; "
                f"actions are {self.actions[i]}"
            )
        return action

    def _index(self, actions, types) -> int:
        actions, types = tuple(actions), tuple(types)
        n = len(self.players)
        if len(actions) != n or len(types) != n:
            raise ModelError(
                f"profile {actions} with types {types}: the game has {n} players"
            )
        t_index = 0
        for i, t in enumerate(types):
            t_index = t_index * len(self.types[i]) + self.types[i].index(
                self.check_type(i, t)
            )
        a_index = 0
        for i, a in enumerate(actions):
            a_index = a_index * len(self.actions[i]) + self.actions[i].index(
                self.check_action(i, a)
            )
        per_types = 1
        for acts in self.actions:
            per_types *= len(acts)
        return t_index * per_types + a_index

    def payoff(self, actions, types) -> tuple:
        """Payoff vector at an action profile and a type profile.

        Examples
        --------
        >>> from symtrust import trust_game
        >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], 0)
        >>> g.payoff(("D", "C"), ("untrustworthy", "trustworthy"))
        (4, 1)
        """
        return self.table[self._index(actions, types)]

    def utility(self, player, actions, types) -> sympy.Expr:
        """One player's payoff at an action profile and a type profile."""
        return self.payoff(actions, types)[self.player_index(player)]

    def at_types(self, types) -> NormalFormGame:
        """The complete-information game played when the types are known.

        Examples
        --------
        >>> from symtrust import trust_game
        >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], 0)
        >>> g.at_types(("untrustworthy", "untrustworthy")).payoff(("D", "C"))
        (4, 1)
        """
        types = tuple(types)
        table = tuple(self.payoff(p, types) for p in self.profiles())
        label = ", ".join(types)
        return NormalFormGame(
            self.players,
            self.actions,
            table,
            self.assumptions,
            f"{self.name} at types ({label})" if self.name else f"types ({label})",
        )

    def type_probability(self, player, type_) -> sympy.Expr:
        """The prior probability that a player has a given type.

        Examples
        --------
        >>> from symtrust import probability
        >>> t = probability("t")
        >>> from symtrust import trust_game
        >>> trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t).type_probability(
        ...     0, "untrustworthy")
        1 - t
        """
        i = self.player_index(player)
        self.check_type(i, type_)
        if self.marginals is not None:
            return self.marginals[i][type_]
        return sympy.factor(
            sympy.Add(*(p for tp, p in self.prior.items() if tp[i] == type_))
        )

    def belief_weights(self, player, type_) -> TypeMap:
        """Weights a type puts on type profiles (its own type fixed).

        With independent types these are the conditional probabilities (the
        product of the other players' priors); with a joint prior they are the
        joint probabilities, proportional to the conditional ones where the
        type has positive probability.

        Examples
        --------
        >>> from symtrust import probability
        >>> t1, t2 = probability("t1 t2")
        >>> from symtrust import trust_game
        >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (t1, t2))
        >>> print(g.belief_weights(0, "trustworthy"))
        {(trustworthy, trustworthy): t2, (trustworthy, untrustworthy): 1 - t2}
        """
        i = self.player_index(player)
        self.check_type(i, type_)
        out = []
        for tp, p in self.prior.items():
            if tp[i] != type_:
                continue
            if self.marginals is not None:
                p = sympy.Mul(
                    *(self.marginals[j][t] for j, t in enumerate(tp) if j != i)
                )
            out.append((tp, p))
        return TypeMap(tuple(out))

    @property
    def parameters(self) -> frozenset:
        """Free symbols of payoffs, priors and assumptions."""
        out = set(self.assumptions.symbols) | set(self.prior.free_symbols)
        for vec in self.table:
            for u in vec:
                out |= u.free_symbols
        return frozenset(out)

    def subs(self, point: Mapping, *, strict: bool = True) -> BayesianGame:
        """The game at a parameter point, keeping what is left of its assumptions.

        Validated as :meth:`NormalFormGame.subs
        <symtrust.games.normal_form.model.NormalFormGame.subs>`: keys are the
        game's parameters, values exact reals in their domains, and the
        assumptions (including the requirement that priors be probabilities
        summing to one, where it was not proved) are substituted, a false one
        refused.

        Examples
        --------
        >>> from symtrust import probability, trust_game
        >>> t = probability("t")
        >>> g = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t)
        >>> print(g.subs({t: sympy.Rational(1, 4)}).marginals[0])
        {trustworthy: 1/4, untrustworthy: 3/4}
        >>> g.subs({t: sympy.Rational(5, 4)})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: t = 5/4 is outside the domain of t: t must lie in [0, 1]
        """
        point, assume = substitute_point(
            self.parameters, self.assumptions, point, where="the game", strict=strict
        )
        return BayesianGame(
            self.players,
            self.actions,
            self.types,
            self.prior.subs(point, "prior", refuse=strict),
            None
            if self.marginals is None
            else tuple(
                m.subs(point, f"prior for player {p!r}", refuse=strict)
                for p, m in zip(self.players, self.marginals, strict=True)
            ),
            tuple(
                tuple(
                    at_point(
                        u,
                        point,
                        f"payoff at {actions} with types {types}",
                        refuse=strict,
                    )
                    for u in vec
                )
                for (types, actions), vec in zip(
                    itertools.product(self.type_profiles(), self.profiles()),
                    self.table,
                    strict=True,
                )
            ),
            assume,
            self.name,
        )

    # -- printing ------------------------------------------------------------
    def display_rows(self):
        """Rows for the renderers: priors, then payoffs per type profile."""
        rows = [("game", self.name or f"{len(self.players)}-player Bayesian game")]
        if self.marginals is not None:
            for p, m in zip(self.players, self.marginals, strict=True):
                rows.append((f"prior of {p}", m))
        else:
            rows.append(("prior", self.prior))
        for types in self.type_profiles():
            payoffs = TypeMap(
                tuple(
                    (prof, sympy.Tuple(*self.payoff(prof, types)))
                    for prof in self.profiles()
                )
            )
            rows.append((f"types ({', '.join(types)})", payoffs))
        if self.assumptions.conditions:
            rows.append(("assumptions", self.assumptions.condition))
        return tuple(rows)


# -- constructors ----------------------------------------------------------------


def _prior(prior, types, players) -> tuple[TypeMap, tuple | None]:
    """Joint prior over type profiles, and the marginals when independent."""
    profiles = list(itertools.product(*types))
    if isinstance(prior, Mapping):
        joint = TypeMap.of(prior, what="prior", labels=False)
        for key in joint:
            if tuple(key) not in profiles:
                raise ModelError(
                    f"prior key {key!r} is not a type profile of types {types}"
                )
        missing = [p for p in profiles if p not in joint]
        if missing:
            raise ModelError(f"prior gives no probability to type profiles {missing}")
        return TypeMap(tuple((p, joint[p]) for p in profiles)), None
    if isinstance(prior, Sequence) and not isinstance(prior, str):
        if len(prior) != len(types):
            raise ModelError(
                f"independent priors: one mapping per player ({len(types)}), "
                f"got {len(prior)}"
            )
        marginals = []
        for i, (m, ts) in enumerate(zip(prior, types, strict=True)):
            if not isinstance(m, Mapping):
                raise ModelError(f"prior of player {i} must be a mapping, got {m!r}")
            m = TypeMap.of(
                m, what="prior", labels=False, owner=f" for player {players[i]!r}"
            )
            if set(m) != set(ts):
                raise ModelError(
                    f"prior of player {i} has types {tuple(m)}; the player's "
                    f"types are {ts}"
                )
            marginals.append(TypeMap(tuple((t, m[t]) for t in ts)))
        joint = TypeMap(
            tuple(
                (p, sympy.Mul(*(marginals[i][t] for i, t in enumerate(p))))
                for p in profiles
            )
        )
        return joint, tuple(marginals)
    raise ModelError(
        f"prior {prior!r} must be a mapping over type profiles (joint) or a "
        "sequence of per-player mappings (independent types)"
    )


def _payoff_entries(payoffs, players, actions, types) -> dict:
    """{(types, actions): vector} from flat or nested payoff mappings."""
    if not isinstance(payoffs, Mapping):
        raise ModelError(f"payoffs must be a mapping, got {payoffs!r}")
    out = {}
    nested = payoffs and all(
        isinstance(v, (Mapping, NormalFormGame)) for v in payoffs.values()
    )
    for key, value in payoffs.items():
        if nested:
            if not isinstance(key, tuple):
                raise ModelError(
                    f"payoff key {key!r} must be a type profile (a tuple of one "
                    f"type per player) of types {types}"
                )
            tp = key
            if isinstance(value, NormalFormGame):
                if value.actions != actions or len(value.players) != len(players):
                    raise ModelError(
                        f"the game given for types {tp} has actions "
                        f"{value.actions}; the Bayesian game's are {actions}"
                    )
                value = {p: value.payoff(p) for p in value.profiles()}
            for prof, vec in value.items():
                if not isinstance(prof, tuple):
                    raise ModelError(
                        f"payoff key {prof!r} at types {tp} must be an action "
                        f"profile (a tuple of one action per player) of {actions}"
                    )
                out[(tp, prof)] = vec
        else:
            if not (isinstance(key, tuple) and len(key) == 2):
                raise ModelError(
                    f"payoff key {key!r} must be (action profile, type profile)"
                )
            if not all(isinstance(k, tuple) for k in key):
                raise ModelError(
                    f"payoff key {key!r} must be (action profile, type profile), "
                    "each a tuple of names"
                )
            out[(key[1], key[0])] = value
    return out


def bayesian_game(
    players: Sequence[str],
    actions: Sequence[Sequence[str]],
    types: Sequence[Sequence[str]],
    prior,
    payoffs: Mapping,
    *,
    assumptions=(),
    name: str = "",
) -> BayesianGame:
    """Build and validate a Bayesian game with finite types.

    Parameters
    ----------
    players : sequence of str
        Player names.
    actions : sequence of sequence of str
        Each player's actions.
    types : sequence of sequence of str
        Each player's types.
    prior : mapping or sequence of mapping
        Either one mapping type profile -> probability (a joint prior), or
        one mapping type -> probability per player (independent types).
    payoffs : mapping
        Either ``{(action_profile, type_profile): vector}``, or nested by type
        profile: ``{type_profile: {action_profile: vector}}`` (a
        :class:`NormalFormGame` may stand for the inner mapping).
    assumptions : iterable of sympy Boolean
        Relations between parameters; domains are added automatically.
    name : str
        A label for printing.

    Raises
    ------
    ModelError
        Wrong lengths, unknown or missing profiles, payoffs that are strings
        or floats, priors that provably are not probabilities summing to one.

    Examples
    --------
    >>> from symtrust import probability
    >>> q = probability("q")
    >>> g = bayesian_game(["sender", "receiver"], [["C", "D"], ["C", "D"]],
    ...     [["hi", "lo"], ["only"]], [{"hi": q, "lo": 1 - q}, {"only": 1}],
    ...     {("hi", "only"): {p: (1, 1) for p in [("C", "C"), ("C", "D"),
    ...                                            ("D", "C"), ("D", "D")]},
    ...      ("lo", "only"): {p: (0, 0) for p in [("C", "C"), ("C", "D"),
    ...                                            ("D", "C"), ("D", "D")]}})
    >>> g.prior[("lo", "only")]
    1 - q
    >>> bayesian_game(["a"], [["x"]], [["u", "v"]], {("u",): q, ("v",): q},
    ...               {(("x",), ("u",)): (0,), (("x",), ("v",)): (0,)})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: prior sums to 2*q, not 1 (e.g. at q = 0)
    """
    players = _names(players, "players")
    name = game_name(name)
    n = len(players)
    if (
        isinstance(actions, str)
        or not isinstance(actions, Sequence)
        or len(actions) != n
    ):
        raise ModelError(
            f"actions must list one action set per player ({n}), got {actions!r}"
        )
    if isinstance(types, str) or not isinstance(types, Sequence) or len(types) != n:
        raise ModelError(
            f"types must list one type set per player ({n}), got {types!r}"
        )
    actions = tuple(
        _names(a, f"actions of {p!r}") for p, a in zip(players, actions, strict=True)
    )
    types = tuple(
        _names(t, f"types of {p!r}") for p, t in zip(players, types, strict=True)
    )
    joint, marginals = _prior(prior, types, players)
    entries = _payoff_entries(payoffs, players, actions, types)
    valid_t, valid_a = set(itertools.product(*types)), set(itertools.product(*actions))
    for tp, prof in entries:
        if tp not in valid_t:
            raise ModelError(f"payoff key: {tp!r} is not a type profile of {types}")
        if prof not in valid_a:
            raise ModelError(
                f"payoff key: {prof!r} is not an action profile of {actions}"
            )
    table = []
    for tp in itertools.product(*types):
        for prof in itertools.product(*actions):
            if (tp, prof) not in entries:
                raise ModelError(f"no payoff given for profile {prof} at types {tp}")
            table.append(as_vector(entries[(tp, prof)], n, f"{prof} with types {tp}"))
    symbols = set(joint.free_symbols)
    for vec in table:
        for u in vec:
            symbols |= u.free_symbols
    assume = build_assumptions(assumptions, symbols=symbols)
    # priors: probabilities summing to one, checked under the assumptions
    residual = []
    if marginals is not None:
        for p, m in zip(players, marginals, strict=True):
            residual.append(
                validate_distribution(m, "prior", assume, owner=f" for player {p!r}")
            )
    else:
        residual.append(validate_distribution(joint, "prior", assume))
    residual = [r for r in residual if r is not S.true]
    if residual:
        assume = extend_assumptions(assume, residual)
    return BayesianGame(
        players, actions, types, joint, marginals, tuple(table), assume, name
    )
