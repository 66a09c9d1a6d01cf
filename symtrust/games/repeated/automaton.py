"""Strategy profiles of a repeated game as finite automata.

A *machine* (Moore automaton) is one player's strategy: finitely many states,
an action in each state, and a transition from each state on the action
profile just played (Rubinstein 1986; Mailath and Samuelson 2006, sec. 2.3).
A strategy *profile* is the joint automaton: its state is the tuple of the
players' machine states, it plays the tuple of their actions, and it moves
on the realized profile. Only the joint states reachable from the initial
state under some sequence of profiles are kept: they are exactly the states
some history leads to, so subgame perfection is checked at each of them.

:func:`machine` builds one player's machine for a two-player stage game, its
transitions keyed by ``(own action, other's action)``;
:func:`strategy_profile` joins machines into an :class:`Automaton`;
:func:`automaton` builds a joint automaton directly for any number of
players, its transitions keyed by full action profiles. In both, a
transition may be a single state name (move there whatever is played) or a
mapping whose key ``"otherwise"`` covers the profiles not listed.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> grim = machine(("C", "D"), {"C": "C", "D": "D"},
...                {"C": {("C", "C"): "C", "otherwise": "D"}, "D": "D"})
>>> a = strategy_profile(prisoners_dilemma(), grim)
>>> a.states, a.action_profile("(C, C)")
(('(C, C)', '(D, D)'), ('C', 'C'))
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from symtrust.core.names import text_name
from symtrust.core.printing import Printable
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import NormalFormGame

__all__ = [
    "OTHERWISE",
    "Automaton",
    "Machine",
    "automaton",
    "check_profile",
    "machine",
    "strategy_profile",
]

#: The transition key covering every profile not listed.
OTHERWISE = "otherwise"


def _state_names(states, what) -> tuple:
    if isinstance(states, str) or not isinstance(states, Sequence) or not states:
        raise ModelError(f"{what} must be a nonempty sequence of names, got {states!r}")
    out = tuple(states)
    for s in out:
        if not isinstance(s, str):
            raise ModelError(f"state {s!r} of {what} must be a string name")
        text_name(s, f"state of {what}")
    if len(set(out)) != len(out):
        raise ModelError(f"the states {out} of {what} repeat a name")
    return out


def _initial(initial, states, what):
    if initial is None:
        return states[0]
    if initial not in states:
        raise ModelError(
            f"initial state {initial!r} of {what} is not one of its states {states}"
        )
    return initial


def _mapping(obj, what):
    if not isinstance(obj, Mapping):
        raise ModelError(f"{what} must be a mapping, got {obj!r}")
    return obj


def _target(state, key, target, states, what):
    if target not in states:
        raise ModelError(
            f"{what}: the transition from state {state!r} on {key!r} goes to "
            f"{target!r}, which is not a state; states are {states}"
        )
    return target


def _transition_table(state, rule, keys, states, what):
    """Each key's next state from one state's rule (a name or a mapping)."""
    if isinstance(rule, str):
        return {k: _target(state, "any profile", rule, states, what) for k in keys}
    rule = _mapping(rule, f"{what}: the transitions from state {state!r}")
    for key in rule:
        if key != OTHERWISE and key not in keys:
            raise ModelError(
                f"{what}: the transition from state {state!r} is keyed by {key!r}, "
                f"which is not a profile of the stage game; profiles are "
                f"{list(keys)} (or {OTHERWISE!r})"
            )
    out = {}
    for k in keys:
        if k in rule:
            out[k] = _target(state, k, rule[k], states, what)
        elif OTHERWISE in rule:
            out[k] = _target(state, OTHERWISE, rule[OTHERWISE], states, what)
        else:
            raise ModelError(
                f"{what}: no transition from state {state!r} on {k!r}; list it or "
                f"give an {OTHERWISE!r} entry"
            )
    return out


def _rules(transitions, states, what):
    transitions = _mapping(transitions, f"transitions of {what}")
    for s in transitions:
        if s not in states:
            raise ModelError(
                f"transitions of {what} name the state {s!r}, which is not one of "
                f"its states {states}"
            )
    for s in states:
        if s not in transitions:
            raise ModelError(f"{what}: no transitions given from state {s!r}")
    return transitions


@dataclass(frozen=True)
class Machine(Printable):
    """One player's strategy in a two-player repeated game, as an automaton.

    Build it with :func:`machine` or a ready-made one
    (:mod:`~symtrust.games.repeated.strategies`). Transitions are keyed by
    ``(own action, other's action)``; the actions are checked against a stage
    game when the machine joins a profile (:func:`strategy_profile`).

    Attributes
    ----------
    states : tuple of str
    initial : str
    play : tuple of (state, action)
    transitions : tuple of (state, rule)
        Each rule a state name or a tuple of ``(key, next state)`` pairs.
    name : str
    """

    states: tuple
    initial: str
    play: tuple
    transitions: tuple
    name: str = ""

    def action(self, state: str) -> str:
        """The action played in a state."""
        return dict(self.play)[state]

    def next_state(self, state: str, own: str, other: str) -> str:
        """The state after ``(own, other)`` is played in ``state``."""
        rule = dict(self.transitions)[state]
        if isinstance(rule, str):
            return rule
        rule = dict(rule)
        key = (own, other)
        if key in rule:
            return rule[key]
        if OTHERWISE in rule:
            return rule[OTHERWISE]
        raise ModelError(
            f"machine {self.name or self.states}: no transition from state "
            f"{state!r} on {key!r}"
        )

    def display_rows(self):
        """Rows for the renderers: each state's action and transitions."""
        rows = [("machine", self.name or "automaton")]
        for s, a in self.play:
            rows.append((f"state {s}" + (" (initial)" if s == self.initial else ""), a))
        return tuple(rows)


def machine(states, play, transitions, *, initial=None, name: str = "") -> Machine:
    """One player's automaton: states, an action per state, transitions.

    Parameters
    ----------
    states : sequence of str
        The state names; the first is the initial state unless ``initial``.
    play : mapping
        State -> the action played there.
    transitions : mapping
        State -> a state name (move there whatever is played), or a mapping
        from ``(own action, other's action)`` (or ``"otherwise"``) to a state.
    initial : str, optional
    name : str

    Raises
    ------
    ModelError
        A state without an action or transitions; a transition to a state
        that does not exist (naming it); keys that are not pairs of actions.

    Examples
    --------
    >>> tft = machine(("C", "D"), {"C": "C", "D": "D"},
    ...               {"C": {("C", "D"): "D", ("D", "D"): "D", "otherwise": "C"},
    ...                "D": {("C", "C"): "C", ("D", "C"): "C", "otherwise": "D"}})
    >>> tft.next_state("C", "C", "D")
    'D'
    >>> machine(("C",), {"C": "C"}, {"C": "P"})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: machine: the transition from state 'C' on 'any profile' goes to 'P', which is not a state; states are ('C',)
    """
    what = f"machine {name}" if name else "machine"
    states = _state_names(states, what)
    initial = _initial(initial, states, what)
    play = _mapping(play, f"play of {what}")
    for s in states:
        if s not in play:
            raise ModelError(f"{what}: no action given for state {s!r}")
        if not isinstance(play[s], str):
            raise ModelError(
                f"{what}: the action in state {s!r} must be an action name"
            )
    for s in play:
        if s not in states:
            raise ModelError(f"{what}: play names the state {s!r}, not one of {states}")
    rules = _rules(transitions, states, what)
    frozen = []
    for s in states:
        rule = rules[s]
        if isinstance(rule, str):
            frozen.append((s, _target(s, "any profile", rule, states, what)))
            continue
        rule = _mapping(rule, f"{what}: the transitions from state {s!r}")
        pairs = []
        for key, target in rule.items():
            if key != OTHERWISE and not (
                isinstance(key, tuple)
                and len(key) == 2
                and all(isinstance(a, str) for a in key)
            ):
                raise ModelError(
                    f"{what}: the transition from state {s!r} is keyed by {key!r}; "
                    f"keys are (own action, other's action) pairs or {OTHERWISE!r}"
                )
            pairs.append((key, _target(s, key, target, states, what)))
        frozen.append((s, tuple(pairs)))
    return Machine(
        states, initial, tuple((s, play[s]) for s in states), tuple(frozen), name
    )


@dataclass(frozen=True)
class Automaton(Printable):
    """A strategy profile as a joint automaton over a stage game.

    Attributes
    ----------
    stage : NormalFormGame
        The stage game whose actions the automaton plays.
    states : tuple of str
        The reachable states; ``states[0]`` is the initial state.
    play : tuple of tuple
        The action profile played in each state (aligned with ``states``).
    moves : tuple of tuple of int
        ``moves[s][k]``: the index of the state reached from state ``s`` when
        the ``k``-th profile of ``stage.profiles()`` is played.
    name : str
    """

    stage: NormalFormGame
    states: tuple
    play: tuple
    moves: tuple
    name: str = ""

    @property
    def initial(self) -> str:
        """The initial state."""
        return self.states[0]

    def index(self, state: str) -> int:
        """The position of a state; ModelError naming it if unknown."""
        if state not in self.states:
            raise ModelError(f"unknown state {state!r}; states are {self.states}")
        return self.states.index(state)

    def action_profile(self, state: str) -> tuple:
        """The profile played in a state."""
        return self.play[self.index(state)]

    def next_state(self, state: str, profile) -> str:
        """The state reached from ``state`` after ``profile`` is played."""
        k = self.stage._flat_index(profile)
        return self.states[self.moves[self.index(state)][k]]

    def display_rows(self):
        """Rows for the renderers: each state's profile."""
        rows = [("automaton", self.name or f"{len(self.states)} states")]
        for s, a in zip(self.states, self.play, strict=True):
            rows.append((f"state {s}", ", ".join(a)))
        return tuple(rows)


def _stage_of(game) -> NormalFormGame:
    stage = getattr(game, "stage", game)
    if not isinstance(stage, NormalFormGame):
        raise ModelError(
            f"an automaton needs a NormalFormGame or a RepeatedGame as its stage, "
            f"got {type(game).__name__}"
        )
    return stage


def check_profile(stage, profile, where):
    """A tuple of one stage action per player; ModelError naming the action."""
    if not isinstance(profile, tuple) or len(profile) != len(stage.players):
        raise ModelError(
            f"{where}: {profile!r} must be a tuple of {len(stage.players)} actions, "
            "one per player"
        )
    for i, a in enumerate(profile):
        if a not in stage.actions[i]:
            raise ModelError(
                f"{where}: action {a!r} is not an action of {stage.players[i]!r} in "
                f"the stage game; actions are {stage.actions[i]}"
            )
    return profile


def _reachable(initial, successors) -> list:
    seen, order, frontier = {initial}, [initial], [initial]
    while frontier:
        s = frontier.pop(0)
        for t in successors(s):
            if t not in seen:
                seen.add(t)
                order.append(t)
                frontier.append(t)
    return order


def _build(stage, initial, play_of, next_of):
    profiles = list(stage.profiles())
    order = _reachable(initial, lambda s: [next_of(s, p) for p in profiles])
    index = {s: k for k, s in enumerate(order)}
    moves = tuple(tuple(index[next_of(s, p)] for p in profiles) for s in order)
    return order, tuple(play_of(s) for s in order), moves


def automaton(stage, states, play, transitions, *, initial=None, name="") -> Automaton:
    """A joint automaton: a profile per state, transitions on full profiles.

    Parameters
    ----------
    stage : NormalFormGame or RepeatedGame
    states : sequence of str
    play : mapping
        State -> the action profile (a tuple, one action per player).
    transitions : mapping
        State -> a state name, or a mapping from profiles (or ``"otherwise"``)
        to states.
    initial : str, optional
    name : str

    Raises
    ------
    ModelError
        An action not in the stage game, a transition to a missing state, a
        profile of the wrong length, a state without transitions.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> pd = prisoners_dilemma()
    >>> a = automaton(pd, ("coop", "war"), {"coop": ("C", "C"), "war": ("D", "D")},
    ...               {"coop": {("C", "C"): "coop", "otherwise": "war"}, "war": "war"})
    >>> a.next_state("coop", ("C", "D"))
    'war'
    >>> automaton(pd, ("coop",), {"coop": ("C", "X")}, {"coop": "coop"})
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: automaton: the action in state 'coop': action 'X' is not an action of 'column' in the stage game; actions are ('C', 'D')
    """
    stage = _stage_of(stage)
    what = f"automaton {name}" if name else "automaton"
    states = _state_names(states, what)
    initial = _initial(initial, states, what)
    play = _mapping(play, f"play of {what}")
    for s in states:
        if s not in play:
            raise ModelError(f"{what}: no action profile given for state {s!r}")
        check_profile(stage, play[s], f"{what}: the action in state {s!r}")
    for s in play:
        if s not in states:
            raise ModelError(f"{what}: play names the state {s!r}, not one of {states}")
    keys = list(stage.profiles())
    rules = _rules(transitions, states, what)
    table = {s: _transition_table(s, rules[s], keys, states, what) for s in states}
    order, plays, moves = _build(
        stage, initial, lambda s: tuple(play[s]), lambda s, p: table[s][p]
    )
    return Automaton(stage, tuple(order), plays, moves, name)


def _check_machine(stage, m, i):
    if not isinstance(m, Machine):
        raise ModelError(
            f"strategy of {stage.players[i]!r} must be a Machine (machine(...), "
            f"grim_trigger(), ...), got {m!r}"
        )
    own, other = stage.actions[i], stage.actions[1 - i]
    who = f"machine {m.name or m.states} of {stage.players[i]!r}"
    for s, a in m.play:
        if a not in own:
            raise ModelError(
                f"{who}: action {a!r} in state {s!r} is not an action of "
                f"{stage.players[i]!r} in the stage game; actions are {own}"
            )
    for s, rule in m.transitions:
        for key, _ in () if isinstance(rule, str) else rule:
            if key != OTHERWISE and (key[0] not in own or key[1] not in other):
                raise ModelError(
                    f"{who}: the transition from state {s!r} is keyed by {key!r}, "
                    f"not a pair (own action in {own}, other's action in {other})"
                )


def strategy_profile(stage, *machines: Machine, name: str = "") -> Automaton:
    """The joint automaton of two players' machines (one machine: both use it).

    Joint states are named ``"(s_row, s_column)"``; only those reachable from
    the initial pair are kept.

    Raises
    ------
    ModelError
        A stage game that is not two-player; a machine whose actions are not
        the stage game's.

    Examples
    --------
    >>> from symtrust.catalog import prisoners_dilemma
    >>> from symtrust.games.repeated.strategies import always_defect, tit_for_tat
    >>> a = strategy_profile(prisoners_dilemma(), tit_for_tat(), always_defect())
    >>> a.states
    ('(C, D)', '(D, D)')
    """
    stage = _stage_of(stage)
    if len(stage.players) != 2:
        raise ModelError(
            f"machines are two-player strategies; the stage game has "
            f"{len(stage.players)} players: build the profile with automaton()"
        )
    if len(machines) == 1:
        machines = (machines[0], machines[0])
    if len(machines) != 2:
        raise ModelError(f"give one or two machines, got {len(machines)}")
    for i, m in enumerate(machines):
        _check_machine(stage, m, i)
    m0, m1 = machines

    def play_of(s):
        return (m0.action(s[0]), m1.action(s[1]))

    def next_of(s, p):
        return (m0.next_state(s[0], p[0], p[1]), m1.next_state(s[1], p[1], p[0]))

    order, plays, moves = _build(stage, (m0.initial, m1.initial), play_of, next_of)
    names = tuple(f"({a}, {b})" for a, b in order)
    if not name and (m0.name or m1.name):
        name = m0.name if m0 is m1 or m0.name == m1.name else f"{m0.name} vs {m1.name}"
    return Automaton(stage, names, plays, moves, name)
