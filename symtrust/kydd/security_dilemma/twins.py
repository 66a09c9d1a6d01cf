"""Numeric twins of the Security Dilemma Game's derivation helpers.

The repeated game's twin (:func:`repeated_trust_twin`) plays each type's
pairs of strategies exactly (grim trigger, always defect), compares the
average discounted values, checks the trustworthy type's indifference at the
threshold and both types' choices against the conditions.

At an exact rational point the twin reads the stage game's payoff table and
takes, by comparison of exact numbers, the player's best payoff against C and
against D; their difference must be the derived value of being trusted. (The
threshold of :func:`~symtrust.kydd.security_dilemma.stage.stage_threshold` is
the engine's :class:`~symtrust.results.Threshold`, checked by its own twin.)

Examples
--------
>>> from symtrust import parameter, positive
>>> from symtrust.kydd.security_dilemma.stage import value_of_trust
>>> tU = parameter("t_U", lower=1, left_open=True)
>>> c, w = positive("c w")
>>> v = value_of_trust(tU, c, w, assumptions=[c > w])
>>> value_of_trust_twin(v, {tU: 2, c: 3, w: 1}) is None
True
"""

from __future__ import annotations

from fractions import Fraction

from symtrust.core.exact import fraction_at, value_at
from symtrust.core.numbers import exact_number
from symtrust.core.twins import holds, twin
from symtrust.errors import VerificationError
from symtrust.games.repeated.automaton import strategy_profile
from symtrust.games.repeated.twins.simulate import NumericProfile
from symtrust.kydd.security_dilemma.model import stage_game
from symtrust.kydd.security_dilemma.repeated import STRATEGIES, RepeatedTrust
from symtrust.kydd.security_dilemma.stage import ValueOfTrust

__all__ = ["repeated_trust_twin", "value_of_trust_twin"]


@twin(ValueOfTrust)
def value_of_trust_twin(result, point) -> None:
    """Best payoff against C minus best payoff against D, by exact comparison."""
    game = result.game
    best = {}
    for other in ("C", "D"):
        best[other] = max(
            fraction_at(game.utility(0, (own, other)), point, f"payoff {own}{other}")
            for own in ("C", "D")
        )
    want = best["C"] - best["D"]
    got = fraction_at(result.value, point, "the value of being trusted")
    if got != want:
        raise VerificationError(
            f"value of being trusted {got}, brute force {want} at {point}"
        )


def _played(result, t, point):
    """Average discounted values of a type's strategy pairs, by playing."""
    _, _, c, w = result.types
    sub = {k: v for k, v in point.items() if k != result.trust}
    stage = stage_game(
        exact_number(t, "trustworthy payoff t").xreplace(sub),
        c.xreplace(sub),
        w.xreplace(sub),
    )
    d = fraction_at(result.delta, sub, "delta")
    out = {}
    for own, m_own in STRATEGIES:
        for other, m_other in STRATEGIES:
            prof = strategy_profile(stage, m_own, m_other)
            num = NumericProfile(stage, prof, d)
            out[(own, other)] = (1 - d) * num.value(prof.initial, 0)
    return out


@twin(RepeatedTrust)
def repeated_trust_twin(result, point) -> None:
    """Played values, the threshold's indifference and both types' choices."""
    point = dict(point)
    t_T, t_U, _, _ = result.types
    played = {t: _played(result, t, point) for t in (t_T, t_U)}
    for t, pairs in result.values:
        for key, v in pairs:
            if fraction_at(v, point, "value") != played[t][key]:
                raise VerificationError(
                    f"value {key} of type {t}: closed form {v}, played "
                    f"{played[t][key]} at {point}"
                )
    tv, uv = played[t_T], played[t_U]
    pi = fraction_at(result.trust, point, "trust")

    def gain(p):  # EU(grim trigger) - EU(always defect) at belief p
        return p * (tv[("C", "C")] - tv[("D", "C")]) + (1 - p) * (
            tv[("C", "D")] - tv[("D", "D")]
        )

    mu = value_at(result.value, point)
    if isinstance(mu, Fraction) and gain(mu) != 0:
        raise VerificationError(
            f"at the threshold {mu} the trustworthy type is not indifferent"
        )
    defects = uv[("D", "C")] > uv[("C", "C")] and uv[("D", "D")] >= uv[("C", "D")]
    if holds(result.untrustworthy_defects, point, "defection condition") != defects:
        raise VerificationError(
            f"untrustworthy defection condition {result.untrustworthy_defects} "
            f"disagrees with the played values {uv} at {point}"
        )
    want = gain(pi) >= 0 and defects
    if holds(result.cooperation, point, "cooperation condition") != want:
        raise VerificationError(
            f"cooperation condition {result.cooperation} is not {want} at {point}"
        )
