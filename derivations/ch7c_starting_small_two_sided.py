"""Chapter 7 of Kydd (2005): starting small, one-sided and two-sided.

A reconstruction in the spirit of Kydd's chapter 7 (``models.md`` section 5):
reassurance by raising the stakes gradually. Two versions are derived and
compared, with no closed form typed here:

1. *One-sided, discounted* (the version already in
   :func:`symtrust.kydd.two_sided`): a sender's type is uniform on
   [0, b], the receiver cooperates at a stake equal to its trust, payoffs
   are discounted by delta; exactly the untrustworthy types exploit in the
   last round.
2. *Two-sided, undiscounted, with the cost of being exploited*
   (:func:`symtrust.kydd.two_sided_two_sided`): both players' types
   are uniform on [0, b]; round k plays the Security Dilemma Game scaled by
   the stake x_k (w = 0, being exploited costs c x_k); after a defection
   the relationship ends. For a cutoff path b > a_1 > a_2 > 1 the engine
   derives the last-round cutoff a_3 (a quadratic), the stakes that make
   each marginal type indifferent, single crossing, and the trust path.
   The parameters are bounded (b, a_1 < 8, a_2 < 4, c < 1/20) so that the
   numeric check's exact points fall where the last-round cutoff is real.

Claims proved: trust rises round by round in both versions; stakes rise
when the cutoffs fall by at least one unit (and, in the last round, when
a_2 >= 2 and c < 1); with c < 1 fear of being exploited makes some
trustworthy types defect in the last round of the two-sided game (a_3 < 1),
below the one-sided last cutoff.
"""

from __future__ import annotations

import sympy

from symtrust import (
    Claim,
    Derivation,
    interval,
    run_derivation,
)
from symtrust.kydd import starting_small, starting_small_two_sided
from symtrust.render.region_map import RegionFigure
from symtrust.render.regions import Region

SOURCE = "Kydd (2005), ch. 7 (reconstruction; the two-sided variant is not Kydd's text)"
ROUNDS = 3


def derive() -> Derivation:
    """Both starting-small models over three rounds, and their comparison.

    Examples
    --------
    >>> d = derive()
    >>> d.result("two-sided starting small").rounds
    3
    """
    # bounded domains keep the exact points of the numeric check in the region
    # where the last round's cutoff is real (c small against a_2)
    b, a_1 = interval("b a_1", 1, 8, left_open=True)
    a_2 = interval("a_2", 1, 4, left_open=True)
    c = interval("c", 0, sympy.Rational(1, 20), left_open=True)
    delta = interval("delta", 0, 1, left_open=True, right_open=True)
    one = starting_small(ROUNDS, upper=b, discount=delta)
    two = starting_small_two_sided(ROUNDS, upper=b, cost=c, cutoffs=(a_1, a_2))
    a_3 = two.cutoffs[-1]
    base = list(two.assumptions.conditions)
    # where the last-round cutoff is real
    real = sympy.Ge((1 + c) ** 2, 4 * c * a_2)
    trust, stakes = two.trust, two.stakes
    claims = (
        *(
            Claim(
                sympy.Implies(one.condition, one.trust[k + 1] > one.trust[k]),
                one.assumptions,
                name=f"one-sided: trust rises from round {k + 1} to round {k + 2}",
                source=SOURCE,
            )
            for k in range(ROUNDS)
        ),
        Claim(
            trust[1] > trust[0],
            base,
            name="two-sided: trust rises from round 1 to round 2",
            source=SOURCE,
        ),
        Claim(
            trust[2] > trust[1],
            base,
            name="two-sided: trust rises from round 2 to round 3",
            source=SOURCE,
        ),
        Claim(
            trust[3] > trust[2],
            [*base, real, c < 1],
            name="two-sided: trust rises after the last round",
            source=SOURCE,
        ),
        Claim(
            sympy.Implies(a_2 <= a_1 - 1, stakes[1] > stakes[0]),
            base,
            name="two-sided: stakes rise from round 1 to round 2 when the cutoff "
            "falls by at least one",
            source=SOURCE,
        ),
        Claim(
            stakes[2] > stakes[1],
            [*base, real, a_2 >= 2, c < 1],
            name="two-sided: stakes rise from round 2 to round 3 when a_2 >= 2 and "
            "c < 1",
            source=SOURCE,
        ),
        Claim(
            a_3 < 1,
            [*base, real, c < 1],
            name="two-sided: fear of exploitation, some trustworthy types defect in "
            "the last round",
            description="with c < 1 the last-round cutoff a_3 lies below 1",
            source=SOURCE,
        ),
        Claim(
            a_3 < one.cutoffs[-1],
            [*base, real, c < 1, *one.assumptions.conditions],
            name="comparison: the two-sided last cutoff is below the one-sided one",
            description="one-sided, exactly the untrustworthy exploit in the last "
            "round; two-sided, the fear of being exploited adds trustworthy types",
            source=SOURCE,
        ),
    )
    rise = sympy.And(real, stakes[2] > stakes[1])
    figures = (
        RegionFigure(
            "stakes in the last round",
            (
                Region("the stakes rise from round 2 to round 3", rise),
                Region(
                    "the stakes fall from round 2 to round 3",
                    sympy.And(real, stakes[2] <= stakes[1]),
                ),
                Region("no real last-round cutoff", sympy.Not(real)),
            ),
            x=(a_2, 1, 4),
            y=(c, 0, sympy.Rational(1, 20)),
            fixed={b: 6, a_1: 5},
            caption="Two-sided starting small: whether the stakes rise into the "
            "last round, against the second cutoff a_2 and the cost of being "
            "exploited c",
        ),
    )
    return Derivation(
        title="Chapter 7: starting small, one-sided and two-sided",
        source=SOURCE,
        results=(
            ("one-sided starting small", one),
            ("two-sided starting small", two),
        ),
        claims=claims,
        figures=figures,
        notes=(
            "One-sided: stake equal to trust, payoffs discounted by delta.",
            "Two-sided: both types uniform on [0, b], w = 0, no discounting, the "
            "stakes normalised by x_1 = 1 and the cutoffs a_1 > a_2 chosen; the "
            "larger root of the last round's quadratic is kept.",
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
