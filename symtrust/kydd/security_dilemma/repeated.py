"""The repeated Security Dilemma: trust and the shadow of the future together.

Kydd's two-type Security Dilemma Game (ch. 2; ``models.md`` section 2) played
in every period with discount factor :math:`\\delta`. Each state is
trustworthy (type :math:`t_T < 1`) with probability :math:`\\pi` (the trust
the other places in it) and untrustworthy (:math:`t_U > 1`) otherwise, types
independent and fixed. Each type chooses between two repeated-game
strategies: *grim trigger* (cooperate until anyone defects, then defect
forever; played as C) and *always defect* (D). The engine derives:

1. each type's discounted value of every pair of strategies, by the linear
   value equations of the joint automaton
   (:func:`~symtrust.games.repeated.values.state_values`), types having
   private values (own payoffs depend on own type only);
2. the game between the two strategies whose payoffs are the trustworthy
   type's average discounted values, and in it the minimum trust threshold
   (:func:`~symtrust.games.bayesian.thresholds.trust_threshold`): the belief
   that the other plays grim trigger above which a trustworthy state opens
   with cooperation. The other's trustworthy type plays grim trigger and its
   untrustworthy type always defects, so that belief is the trust
   :math:`\\pi`;
3. where that strategy of the untrustworthy type is a best reply: it prefers
   always defecting against both strategies of the other, a condition on
   :math:`\\delta` (an untrustworthy state patient enough would cooperate too);
4. that grim trigger between two trustworthy states is subgame perfect
   (:func:`~symtrust.games.repeated.deviation.subgame_perfection`).

The cooperative equilibrium exists where the trust is at least the threshold
and condition 3 holds. After the first period, cooperation reveals the
trustworthy type and defection ends cooperation, so the game then is one of
complete information.

Examples
--------
>>> from symtrust import interval, parameter, positive
>>> t = interval("t_T", 0, 1, right_open=True)
>>> tU = parameter("t_U", lower=1, left_open=True)
>>> c, w = positive("c w")
>>> r = repeated_threshold(t, tU, c, w, assumptions=[c > w])
>>> r.value
(-c + w)*(delta - 1)/(-c*delta + c + delta*t_T + 2*delta*w - t_T - w + 1)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.parameters import probability
from symtrust.core.result import Result, Step
from symtrust.games.bayesian.thresholds import trust_threshold
from symtrust.games.normal_form.catalog import symmetric_2x2
from symtrust.games.repeated.automaton import strategy_profile
from symtrust.games.repeated.deviation import subgame_perfection
from symtrust.games.repeated.model import discount_factor, repeated_game
from symtrust.games.repeated.strategies import always_defect, grim_trigger
from symtrust.games.repeated.values import state_values
from symtrust.kydd.security_dilemma.model import stage_game
from symtrust.logic.assumptions import build_assumptions, extend_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import isolate, simplify_condition

__all__ = ["RepeatedTrust", "repeated_threshold", "strategy_values"]

#: The two repeated-game strategies, as the meta game's actions C and D.
STRATEGIES = (("C", grim_trigger()), ("D", always_defect()))


@dataclass(frozen=True, kw_only=True)
class RepeatedTrust(Result):
    """The minimum trust for cooperation in the repeated Security Dilemma.

    ``value`` is the trustworthy type's minimum trust threshold, a function
    of the discount factor and the payoffs.

    Attributes
    ----------
    threshold : Threshold
        The engine's threshold in the meta game (``cooperates``: where the
        trustworthy type opens with cooperation, in the trust parameter).
    meta : NormalFormGame
        The game between grim trigger (C) and always defect (D) of two
        trustworthy states, their average discounted values as payoffs.
    values : tuple
        Each type's average discounted values of (own, other's) strategy.
    untrustworthy_defects : sympy Boolean
        Where always defecting is the untrustworthy type's best reply to both.
    perfection : SubgamePerfection
        Grim trigger between trustworthy states.
    cooperation : sympy Boolean
        Where the cooperative equilibrium exists, in trust and delta together.
    delta, trust : Parameter
    types : tuple
        ``(t_T, t_U, c, w)``.
    """

    threshold: Any = None
    meta: Any = None
    values: tuple = ()
    untrustworthy_defects: Any = S.true
    perfection: Any = None
    cooperation: Any = S.true
    delta: Any = None
    trust: Any = None
    types: tuple = ()

    def display_rows(self):
        """Rows for the renderers."""
        return (
            (self.kind, self.value),
            ("the untrustworthy type always defects iff", self.untrustworthy_defects),
            (
                "grim trigger between trustworthy states is perfect iff",
                self.perfection.value,
            ),
            ("cooperative equilibrium iff", self.cooperation),
        )


def strategy_values(t, c, w, delta, *, assumptions=()) -> dict:
    """A type's discounted values of (own strategy, other's strategy).

    Examples
    --------
    >>> import sympy
    >>> from symtrust import interval, positive
    >>> d = interval("delta", 0, 1, left_open=True, right_open=True)
    >>> t, c, w = positive("t c w")
    >>> strategy_values(t, c, w, d)[("C", "D")]
    (c*delta - c - delta*w)/(1 - delta)
    """
    game = repeated_game(stage_game(t, c, w, assumptions=assumptions), delta)
    out = {}
    for own, m_own in STRATEGIES:
        for other, m_other in STRATEGIES:
            profile = strategy_profile(game.stage, m_own, m_other)
            out[(own, other)] = state_values(game, profile)[profile.initial][0]
    return out


def repeated_threshold(
    t_T, t_U, c, w, delta=None, trust=None, *, assumptions=(), budget=None
) -> RepeatedTrust:
    """The trust needed for cooperation in the repeated Security Dilemma.

    Parameters
    ----------
    t_T, t_U : sympy.Expr
        The trustworthy (below 1) and untrustworthy (above 1) types.
    c, w : sympy.Expr
        Costs of being exploited and of mutual defection, c > w >= 0.
    delta : Parameter, optional
        The discount factor (default ``delta`` on (0, 1)).
    trust : Parameter, optional
        The probability that the other state is trustworthy (default ``pi``).
    assumptions : iterable of Boolean
    budget : Budget, float or None

    Returns
    -------
    RepeatedTrust

    Examples
    --------
    >>> import sympy
    >>> from symtrust import interval, parameter, positive
    >>> t = interval("t_T", 0, 1, right_open=True)
    >>> tU = parameter("t_U", lower=1, left_open=True)
    >>> c, w = positive("c w")
    >>> r = repeated_threshold(t, tU, c, w, assumptions=[c > w])
    >>> r.untrustworthy_defects
    delta < (t_U - 1)/(t_U + w)
    """
    budget = Budget.of(budget)
    delta = discount_factor(delta)
    trust = probability("pi") if trust is None else trust
    stated = [*build_assumptions(assumptions).conditions, t_T < 1, t_U > 1]
    base = build_assumptions(stated)
    # average discounted values: (1 - delta) V, the same preferences
    values = {
        t: {
            k: sympy.expand((1 - delta) * v)
            for k, v in strategy_values(t, c, w, delta, assumptions=base).items()
        }
        for t in (t_T, t_U)
    }
    tv = values[t_T]
    meta = symmetric_2x2(
        tv[("C", "C")],
        tv[("C", "D")],
        tv[("D", "C")],
        tv[("D", "D")],
        assumptions=stated,
        name="trustworthy states: grim trigger (C) or always defect (D)",
    )
    assume = extend_assumptions(meta.assumptions, (), symbols=[delta, trust])
    # the other cooperates exactly when it is trustworthy: belief = trust
    threshold = trust_threshold(meta, "row", budget=budget)
    u = values[t_U]
    raw = sympy.And(u[("D", "C")] > u[("C", "C")], u[("D", "D")] >= u[("C", "D")])
    defects = isolate(simplify_condition(raw, assume, budget=budget), [delta], assume)
    perfection = subgame_perfection(
        repeated_game(stage_game(t_T, c, w, assumptions=stated), delta),
        grim_trigger(),
        budget=budget,
    )
    opens = threshold.cooperation.xreplace({threshold.belief: trust})
    cooperation = sympy.And(opens, defects, perfection.value)
    steps = (
        *(
            Step(f"(1 - delta) V_{t}({a}, {b})", v, "value equations of the automata")
            for t in (t_T, t_U)
            for (a, b), v in values[t].items()
        ),
        *threshold.steps,
        Step(
            "untrustworthy type always defects iff",
            defects,
            "D beats grim trigger against both",
        ),
        Step(
            "grim trigger perfect between trustworthy states iff",
            perfection.value,
            "one-shot deviations",
        ),
        Step("cooperative equilibrium iff", cooperation, "all three, belief = trust"),
    )
    return RepeatedTrust(
        kind="minimum trust for cooperation (repeated)",
        value=threshold.value,
        condition=threshold.condition,
        assumptions=assume,
        steps=steps,
        threshold=threshold,
        meta=meta,
        values=tuple((t, tuple(v.items())) for t, v in values.items()),
        untrustworthy_defects=defects,
        perfection=perfection,
        cooperation=cooperation,
        delta=delta,
        trust=trust,
        types=(t_T, t_U, c, w),
        game=meta,
    )
