"""Chapter 5 of Kydd (2005): multilateral trust and hegemony (a reconstruction).

This derivation follows chapter 5 of Andrew H. Kydd, *Trust and Mistrust in
International Relations* (Princeton, 2005). The model is a reconstruction in
the book's spirit (``models.md`` section 4), not the book's own text: n states
with power shares m_i (summing to one) and trusts pi_i each play C or D once
against all others; a state's payoff is the power-weighted average of its
bilateral Security Dilemma payoffs (C/C 1, C/D -c_i, D/C t_i, D/D -w; a
trustworthy type has t_i < 1, an untrustworthy one t_U > 1). A trustworthy
state cooperates iff the power-weighted trust in the others,
Q_i = sum_{j != i} m_j q_j / (1 - m_i), reaches its threshold mu_i.

The engine derives, with n symbolic (an integer n >= 3; the n - 1 small states
are one exchangeable group, never enumerated):

1. each state's threshold mu_i, from the indifference EU(C) = EU(D);
2. the full-cooperation condition for one hegemon (power m, trust pi_h) and
   n - 1 equal small states (trust pi_s);
3. the largest cooperative equilibrium, by iterated deletion, case by case;
4. the comparative statics in the hegemon's power m: dQ_s/dm and dQ_h/dm;
5. the anchoring case: a trustworthy hegemon sustains cooperation among small
   states that would not cooperate with each other (separate costs c_h, c_s);
6. the weakest-link variant (cooperation pays only if all cooperate) and how
   its cooperation index decays as n grows.

Claims: (C) sign(dQ_s/dm) = sign(pi_h - pi_s) for every integer n >= 3, proved
with n an integer parameter and again with n a real parameter n >= 3 (the real
statement implies the integer one); the hegemon's index does not depend on m;
anchoring requires pi_h > pi_s and c_h < c_s; the weakest-link index falls
with every added small state.
"""

from __future__ import annotations

import sympy
from sympy import Rational

from symtrust import (
    Claim,
    Derivation,
    implies,
    parameter,
    positive,
    probability,
    run_derivation,
)
from symtrust.kydd import (
    cooperation_condition,
    cooperation_statics,
    cooperation_threshold,
    full_cooperation,
    hegemony_game,
    largest_cooperative_set,
    weighted_trust,
)
from symtrust.render.region_map import RegionFigure

SOURCE = "Kydd (2005), ch. 5 (reconstruction)"


def _same_sign(expr, reference):
    """expr has the sign of reference: +, - or 0."""
    return sympy.And(
        sympy.Implies(reference > 0, expr > 0),
        sympy.Implies(reference < 0, expr < 0),
        sympy.Implies(sympy.Eq(reference, 0), sympy.Eq(expr, 0)),
    )


def _first_failure(condition, n, point, upto=40):
    """The least n at which a condition fails at a point (None if none up to upto)."""
    for k in range(3, upto + 1):
        if condition.xreplace({**point, n: k}) in (sympy.false, False):
            return k
    return None


def _fails_note(label, at):
    if at is None:
        return f"{label} full cooperation holds for every n from 3 to 40"
    return f"{label} full cooperation first fails at n = {at}"


def _when_words(verb, condition):
    """ "never cooperate", "always cooperate" or "cooperate iff <condition>"."""
    if condition is sympy.false:
        return f"never {verb}"
    if condition is sympy.true:
        return f"always {verb}"
    return f"{verb} iff {condition}"


def _group_words(names):
    """A set of actors in words: "the hegemon and the small states"."""
    words = {"hegemon": "the hegemon", "small": "the small states"}
    shown = [words.get(n, n) for n in names]
    if not shown:
        return "empty"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def derive() -> Derivation:
    """Build the chapter-5 games and derive their results and claims.

    Examples
    --------
    >>> d = derive()
    >>> [c.prove().status for c in d.claims][:2]
    ['proved', 'proved']
    """
    # -- the hegemony game: n symbolic ------------------------------------------
    game = sympy_game = hegemony_game()
    hegemon, small = game.actor("hegemon"), game.actor("small")
    n, m = game.size, hegemon.power
    pi_h, pi_s = hegemon.trust, small.trust
    t, c, w = hegemon.temptation, hegemon.cost, game.w

    mu_h = cooperation_threshold(game, "hegemon")
    mu_s = cooperation_threshold(game, "small")
    hegemon_condition = cooperation_condition(game, "hegemon")
    small_condition = cooperation_condition(game, "small")
    full = full_cooperation(game)
    largest = largest_cooperative_set(game)
    statics_s = cooperation_statics(game, "small", m)
    statics_h = cooperation_statics(game, "hegemon", m)

    # -- claim C with n an integer, and with n real (which implies it) ------------
    n_real = parameter("n", lower=3)
    slope_s = statics_s.index_slope
    claim_c = Claim(
        _same_sign(slope_s, pi_h - pi_s),
        game.assumptions,
        name="C: hegemony helps iff the hegemon is more trusted (integer n >= 3)",
        description="sign dQ_s/dm = sign(pi_h - pi_s) for every integer n >= 3",
        source=SOURCE,
    )
    real_assumptions = [
        cond.xreplace({n: n_real}) for cond in game.assumptions.conditions
    ]
    claim_c_real = Claim(
        _same_sign(slope_s.xreplace({n: n_real}), pi_h - pi_s),
        real_assumptions,
        name="C for real n >= 3 (implies the integer case)",
        description="the same sign identity with n any real number >= 3",
        source=SOURCE,
    )
    claim_h = Claim(
        sympy.Eq(statics_h.index_slope, 0),
        game.assumptions,
        name="the hegemon's trust index does not depend on its power",
        source=SOURCE,
    )

    # -- anchoring: separate costs of being exploited ----------------------------
    c_h, c_s = positive("c_h c_s")
    anchor_game = hegemony_game(c_h=c_h, c_s=c_s, w=w, assumptions=[c_h > w, c_s > w])
    mu_ah = cooperation_threshold(anchor_game, "hegemon").value
    mu_as = cooperation_threshold(anchor_game, "small").value
    q_all = weighted_trust(anchor_game, "small").value
    q_alone = weighted_trust(anchor_game, "small", ["small"]).value
    # small states mistrust each other, yet all cooperate with the hegemon
    anchoring = sympy.And(pi_s < mu_as, q_alone < mu_as, q_all >= mu_as, pi_s >= mu_ah)
    claim_anchor_trust = implies(
        anchoring,
        pi_h > pi_s,
        anchor_game.assumptions,
        name="anchoring needs a hegemon more trusted than the small states",
    )
    claim_anchor_cost = implies(
        anchoring,
        c_h < c_s,
        anchor_game.assumptions,
        name="anchoring needs the hegemon to fear exploitation less (c_h < c_s)",
    )
    R = Rational
    example = hegemony_game(
        5,
        m=R(1, 2),
        pi_h=R(9, 10),
        pi_s=R(1, 2),
        t=0,
        c_h=R(3, 2),
        c_s=3,
        w=1,
        greedy_temptation=2,
    )
    anchored = largest_cooperative_set(example)
    alone = cooperation_condition(example, "small", ["small"])

    # -- weakest link: cooperation pays only if all cooperate --------------------
    weak = hegemony_game(aggregation="weakest_link")
    weak_full = full_cooperation(weak)
    weak_largest = largest_cooperative_set(weak)
    q_weak = weighted_trust(weak, "small").value
    # one more small state multiplies the index by this ratio
    ratio = sympy.powsimp(q_weak.xreplace({n: n + 1}) / q_weak, force=True)
    index_now = probability("Q_n")
    claim_weak = Claim(
        sympy.And(ratio * index_now <= index_now, sympy.Eq(ratio, pi_s)),
        weak.assumptions.extend(symbols=[index_now]),
        name="weakest link: each added small state multiplies Q_s by pi_s <= 1",
        description="Q_s(n + 1) = pi_s Q_s(n) <= Q_s(n), Q_n standing for Q_s(n)",
        source=SOURCE,
    )
    sample = {pi_h: R(9, 10), pi_s: R(9, 10), t: 0, c: 2, w: 1, m: R(1, 2)}
    weak_fails_at = _first_failure(weak_full.condition, n, sample)
    power_fails_at = _first_failure(full.condition, n, sample)

    return Derivation(
        title="Chapter 5: multilateral trust and hegemony (reconstruction)",
        source=SOURCE,
        models=(sympy_game, anchor_game, weak),
        results=(
            ("threshold of the hegemon", mu_h),
            ("threshold of a small state", mu_s),
            ("hegemon cooperates", hegemon_condition),
            ("small state cooperates", small_condition),
            ("full cooperation", full),
            ("largest cooperative equilibrium", largest),
            ("small state: statics in m", statics_s),
            ("hegemon: statics in m", statics_h),
            ("anchoring example: largest cooperative set", anchored),
            ("anchoring example: small states alone", alone),
            ("weakest link: full cooperation", weak_full),
            ("weakest link: largest cooperative equilibrium", weak_largest),
        ),
        figures=(
            RegionFigure(
                "largest cooperative equilibrium in trust space",
                largest,
                x=(pi_h, 0, 1),
                y=(pi_s, 0, 1),
                fixed={m: R(1, 2), n: 5, t: 0, c: 2, w: 1},
                labels={
                    "cooperators: nobody": "no state cooperates",
                    "cooperators: hegemon, small": "full cooperation (the hegemon "
                    "and every small state)",
                },
                caption="The largest cooperative equilibrium against the trust in "
                "the hegemon and in the small states; the threshold is 1/2",
            ),
        ),
        claims=(
            claim_c,
            claim_c_real,
            claim_h,
            claim_anchor_trust,
            claim_anchor_cost,
            claim_weak,
        ),
        notes=(
            "Small states form one exchangeable group of size n - 1: every result "
            "holds for symbolic n >= 3, derived by aggregation, not enumeration.",
            "Claim C is proved twice: with n an integer parameter and with n real; "
            "the real statement implies the integer one.",
            "Anchoring example (n = 5, m = 1/2, pi_h = 9/10, pi_s = 1/2, t = 0, "
            "c_h = 3/2, c_s = 3, w = 1): small states alone "
            + _when_words("cooperate", alone.condition)
            + "; the largest cooperative set is "
            + _group_words(anchored[0].cooperators)
            + ".",
            "At pi_h = pi_s = 9/10, m = 1/2, t = 0, c = 2, w = 1 (threshold 1/2): "
            + _fails_note("weakest-link", weak_fails_at)
            + "; "
            + _fails_note("power-weighted", power_fails_at)
            + ".",
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
