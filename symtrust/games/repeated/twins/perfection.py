"""Numeric twins of subgame perfection and of the minimum discount factor.

At an exact admissible point the game is substituted and the profile is
played (:mod:`~symtrust.games.repeated.twins.simulate`):

* :class:`SubgamePerfection`: each state's value and each one-shot
  deviation's value equal the played discounted sums; each constraint holds
  iff following beats that deviation; the whole condition holds iff a brute
  force search over every finite deviation plan up to a horizon, from every
  state, finds none profitable (by the one-shot deviation principle the two
  agree for every horizon of at least one period);
* :class:`DiscountThreshold`: at the point's discount factor, and where the
  minimum is an exact number inside (0, 1) also at the minimum itself and
  just below it, the brute-force search agrees with ``delta >= minimum``
  (``>`` where not attained).

Examples
--------
>>> from symtrust import check
>>> from symtrust.catalog import prisoners_dilemma
>>> from symtrust.games.repeated import repeated_game, grim_trigger
>>> from symtrust.games.repeated.deviation import subgame_perfection
>>> r = subgame_perfection(repeated_game(prisoners_dilemma()), grim_trigger())
>>> check(r, max_examples=5).passed
True
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from symtrust.core.exact import fraction_at
from symtrust.core.twins import holds, skip, twin
from symtrust.errors import VerificationError
from symtrust.games.repeated.deviation import SubgamePerfection
from symtrust.games.repeated.discount import DiscountThreshold
from symtrust.games.repeated.twins.simulate import NumericProfile

__all__ = ["HORIZON", "discount_twin", "perfection_twin"]

#: Deviation plans up to this many periods are searched.
HORIZON = 3


def _horizon(stage) -> int:
    # keep the search small: at most about 64 plans per state and player
    widest = max(len(a) for a in stage.actions)
    return max(1, min(HORIZON, int(6 // max(1, widest.bit_length()))))


def _numeric(result, point):
    game = result.game.subs(point, strict=False)
    return NumericProfile(game.stage, result.profile, game.delta)


def _at(expr, point, what):
    return fraction_at(expr, point, what)


@twin(SubgamePerfection)
def perfection_twin(result, point) -> None:
    """Values, deviations and the condition against played paths."""
    point = dict(point)
    num = _numeric(result, point)
    for state, values in result.values:
        for i, v in enumerate(values):
            played = num.value(state, i)
            if _at(v, point, f"V({state})") != played:
                raise VerificationError(
                    f"value of {state} for player {i}: closed form {v} is "
                    f"{_at(v, point, 'V')}, the played path gives {played}"
                )
    for c in result.incentives:
        i = num.stage.player_index(c.player)
        dev = num.value(c.state, i, (c.action,))
        if _at(c.deviate, point, "deviation") != dev:
            raise VerificationError(
                f"deviation of {c.player} to {c.action} in {c.state}: closed form "
                f"{c.deviate}, played {dev}"
            )
        want = num.value(c.state, i) >= dev
        if holds(c.condition, point, "incentive constraint") != want:
            raise VerificationError(
                f"constraint {c.condition} ({c.player} to {c.action} in {c.state}) "
                f"is {not want} at the point, but following "
                f"{'beats' if want else 'loses to'} the deviation"
            )
    witness = num.is_subgame_perfect(_horizon(num.stage))
    if holds(result.value, point, "subgame perfection") != (witness is None):
        raise VerificationError(
            f"condition {result.value} is {witness is not None} "
            f"at the point, but the plan search found "
            f"{'no profitable plan' if witness is None else witness}"
        )


def _spe_at(result, point, delta):
    game = result.game.subs({**point, result.delta: delta}, strict=False)
    num = NumericProfile(game.stage, result.profile, game.delta)
    return num.is_subgame_perfect(_horizon(num.stage)) is None


@twin(DiscountThreshold)
def discount_twin(result, point) -> None:
    """The brute-force plan search against ``delta >= minimum``."""
    point = dict(point)
    delta = result.delta
    if delta not in point:
        skip("the point fixes no discount factor")
    if not holds(result.condition, point, "the minimum's condition"):
        skip("undecided piece")
    rest = {k: v for k, v in point.items() if k != delta}
    minimum = sympy.sympify(result.value, strict=True).xreplace(rest)
    strict = (
        holds(result.strict, rest, "strictness")
        if result.strict.free_symbols
        else bool(result.strict)
    )
    unattainable = (
        holds(result.unattainable, rest, "unattainability")
        if result.unattainable.free_symbols
        else bool(result.unattainable)
    )
    trials = [point[delta]]
    if minimum.is_Rational and 0 < minimum < 1 and not unattainable:
        m = Fraction(int(minimum.p), int(minimum.q))
        trials += [
            sympy.Rational(m.numerator, m.denominator),
            sympy.Rational(m * Fraction(999, 1000)),
        ]
    for d in trials:
        d = sympy.Rational(d)
        want = (not unattainable) and (d > minimum if strict else d >= minimum)
        got = _spe_at(result, rest, d)
        if got != bool(want):
            raise VerificationError(
                f"at delta = {d} the minimum discount factor {minimum} says "
                f"{'subgame perfect' if want else 'not subgame perfect'}; the plan "
                f"search says {'it is' if got else 'it is not'}"
            )
