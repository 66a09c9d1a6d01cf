"""Ready-made machines for two-player repeated games.

Each is one player's :class:`~symtrust.games.repeated.automaton.Machine`
over a cooperative and a defecting action (``"C"`` and ``"D"`` by default),
its transitions keyed by ``(own action, other's action)``:

* :func:`grim_trigger`: cooperate until anyone defects, then defect forever
  (Friedman 1971);
* :func:`tit_for_tat`: cooperate first, then play what the other played
  last period (Axelrod 1984);
* :func:`k_period_punishment`: cooperate until anyone defects, then defect
  for ``k`` periods whatever is played, then cooperate again;
* :func:`win_stay_lose_shift` (Pavlov): cooperate first, then cooperate iff
  both played the same action last period (Nowak and Sigmund 1993);
* :func:`always_defect`.

Examples
--------
>>> grim_trigger().next_state("C", "D", "C")
'D'
>>> tit_for_tat().next_state("D", "D", "C")
'C'
>>> [win_stay_lose_shift().next_state("D", "D", x) for x in "CD"]
['D', 'C']
"""

from __future__ import annotations

from symtrust.core.names import text_name
from symtrust.errors import ModelError
from symtrust.games.repeated.automaton import OTHERWISE, Machine, machine

__all__ = [
    "always_defect",
    "grim_trigger",
    "k_period_punishment",
    "tit_for_tat",
    "win_stay_lose_shift",
]


def _pair(cooperate, defect):
    for a in (cooperate, defect):
        if not isinstance(a, str):
            raise ModelError(f"action {a!r} must be an action name (a string)")
        text_name(a, "action")
    if cooperate == defect:
        raise ModelError(f"cooperate and defect are the same action {cooperate!r}")
    return cooperate, defect


def grim_trigger(cooperate: str = "C", defect: str = "D") -> Machine:
    """Cooperate until any defection, then defect forever.

    Examples
    --------
    >>> g = grim_trigger()
    >>> g.states, g.action("D")
    (('C', 'D'), 'D')
    """
    c, d = _pair(cooperate, defect)
    return machine(
        (c, d),
        {c: c, d: d},
        {c: {(c, c): c, OTHERWISE: d}, d: d},
        name="grim trigger",
    )


def tit_for_tat(cooperate: str = "C", defect: str = "D") -> Machine:
    """Cooperate first, then copy the other's last action.

    Examples
    --------
    >>> tit_for_tat().next_state("C", "C", "D")
    'D'
    """
    c, d = _pair(cooperate, defect)
    copy = {(own, other): other for own in (c, d) for other in (c, d)}
    return machine((c, d), {c: c, d: d}, {c: copy, d: copy}, name="tit-for-tat")


def k_period_punishment(k: int, cooperate: str = "C", defect: str = "D") -> Machine:
    """Cooperate until any defection, then defect for ``k`` periods, then return.

    Parameters
    ----------
    k : int
        The length of the punishment, a positive integer.

    Raises
    ------
    ModelError
        ``k`` not a positive int (bools, floats, strings refused).

    Examples
    --------
    >>> m = k_period_punishment(2)
    >>> m.states, m.next_state("P2", "C", "C")
    (('C', 'P1', 'P2'), 'C')
    >>> k_period_punishment(0)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: punishment length k = 0 must be a positive integer
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ModelError(f"punishment length k = {k!r} must be a positive integer")
    c, d = _pair(cooperate, defect)
    punish = [f"P{j}" for j in range(1, k + 1)]
    if c in punish or d in punish:
        raise ModelError(f"action names {c!r}, {d!r} clash with the states {punish}")
    play = {c: c, **{p: d for p in punish}}
    transitions = {c: {(c, c): c, OTHERWISE: punish[0]}}
    for j, p in enumerate(punish):
        transitions[p] = punish[j + 1] if j + 1 < k else c
    return machine((c, *punish), play, transitions, name=f"{k}-period punishment")


def win_stay_lose_shift(cooperate: str = "C", defect: str = "D") -> Machine:
    """Cooperate first; then cooperate iff both played the same action.

    Examples
    --------
    >>> win_stay_lose_shift().next_state("C", "C", "D")
    'D'
    """
    c, d = _pair(cooperate, defect)
    rule = {
        (own, other): c if own == other else d for own in (c, d) for other in (c, d)
    }
    return machine((c, d), {c: c, d: d}, {c: rule, d: rule}, name="win-stay lose-shift")


def always_defect(defect: str = "D") -> Machine:
    """Defect in every period.

    Examples
    --------
    >>> always_defect().states
    ('D',)
    """
    if not isinstance(defect, str):
        raise ModelError(f"action {defect!r} must be an action name (a string)")
    return machine((defect,), {defect: defect}, {defect: defect}, name="always defect")
