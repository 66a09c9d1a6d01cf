"""Chapter 2 of Kydd (2005): the Security Dilemma Game (a reconstruction).

This derivation follows chapter 2 of Andrew H. Kydd, *Trust and Mistrust in
International Relations* (Princeton, 2005). Only the book's first chapter is
public, so the model here is a faithful *reconstruction* in the book's spirit
(symtrust's models.md, section 2), not the book's exact text. Player i's
payoffs against j (own move first): CC -> 1, CD -> -c_i, DC -> t_i,
DD -> -w, with c_i > w >= 0; t_i is i's private value of exploiting the
other, and i is trustworthy iff t_i < 1. Relative power: shares m and 1 - m;
the cost of being exploited grows with the exploiter's power, c_i = 2 c m_j.

Everything below is derived by the engine; no closed form is typed here:

1. two types (t_T < 1 < t_U, trust pi_j): the minimum trust threshold mu_i
   (:func:`symtrust.trust_threshold`), then with c_i = 2 c (1 - m_i), and its
   comparative statics in c, w, t_T and m with signs proved;
2. continuous types t_i ~ U[0, b], b > 1, so trust = F(1) = 1/b: the
   symmetric cutoff equilibria (a quadratic), each root's validity and
   stability, the existence condition of a cooperative equilibrium turned
   into a minimum trust level as a function of kappa = c - w (piecewise in
   kappa), and the comparative statics of the stable cutoff;
3. asymmetric power: the two cutoff equations solved jointly (kappa_i =
   c_i - w), with validity and stability conditions;
4. the observer: the posterior that i is trustworthy after i defects, and that
   both are trustworthy after conflict, against the prior (Bayes' rule over
   the types the cutoff strategy separates).

Claims: (A) the threshold depends on power and on the costs, with proved
signs (the weaker state needs more trust; a higher cost of conflict lowers
the threshold); (B) observing a defection or conflict lowers the observer's
belief that the parties are trustworthy.
"""

from __future__ import annotations

import sympy

from symtrust import (
    Budget,
    Claim,
    Derivation,
    bimatrix,
    comparative_statics,
    cutoff_equilibria,
    decreasing,
    increasing,
    interval,
    minimum_trust,
    nonnegative,
    parameter,
    positive,
    posterior,
    real,
    run_derivation,
    simplify_condition,
    trust_game,
    trust_threshold,
    uniform,
)
from symtrust.games.continuous_types import CutoffShape
from symtrust.render.region_map import RegionFigure
from symtrust.render.regions import Region

SOURCE = "Kydd (2005), ch. 2"
TRUSTWORTHY = "trustworthy"


def two_type_threshold():
    """The two-type game and the row player's minimum trust threshold."""
    c_i = positive("c_i")
    w = nonnegative("w")
    t_T, t_U = real("t_T t_U")
    pi_1, pi_2 = parameter("pi_1 pi_2", lower=0, upper=1)
    game = trust_game(
        [[1, -c_i], [t_T, -w]],
        [[1, -c_i], [t_U, -w]],
        (pi_1, pi_2),
        assumptions=[c_i > w, t_T < 1, t_U > 1],
        name="Security Dilemma Game, two types",
    )
    return game, trust_threshold(game, "row"), (c_i, w, t_T)


def power_statics(threshold, symbols, assumptions):
    """Substitute c_i = 2 c m_j (m_j = 1 - m) and sign the threshold's slopes."""
    c_i, w, t_T = symbols
    c = positive("c")
    m = interval("m", 0, 1, left_open=True, right_open=True)
    cost = 2 * c * (1 - m)
    mu = sympy.cancel(threshold.value.xreplace({c_i: cost}))
    # the game's relations, restated in power (type priors play no part)
    stated = [
        a.xreplace({c_i: cost}) for a in assumptions if a.free_symbols & {c_i, w, t_T}
    ]
    statics = {
        name: comparative_statics(mu, x, stated)
        for name, x in (("c", c), ("w", w), ("t_T", t_T), ("m", m))
    }
    return mu, (c, w, t_T, m), stated, statics


def continuous_game():
    """The continuous-type game, symmetric costs (c_1 = c_2 = c)."""
    t1, t2 = real("t_1 t_2")
    c = positive("c")
    w = nonnegative("w")
    b = parameter("b", lower=1, left_open=True)
    game = bimatrix(
        [[1, -c], [t1, -w]],
        [[1, t2], [-c, -w]],
        assumptions=[c > w],
        name="Security Dilemma Game, continuous types",
    )
    return game, (t1, t2), (c, w, b)


def derive() -> Derivation:
    """Build the chapter-2 games and derive their results and claims.

    Examples
    --------
    >>> d = derive()
    >>> d.result("minimum trust threshold (two types)").direction
    '>='
    """
    # 1. two types: the minimum trust threshold and its comparative statics
    two_type, threshold, symbols = two_type_threshold()
    c_i, w, t_T = symbols
    pi_2 = threshold.trust
    half = sympy.Rational(1, 2)
    mu, (c, w, t_T, m), power_assumptions, statics = power_statics(
        threshold, symbols, two_type.assumptions.conditions
    )

    # 2. continuous types: symmetric cutoffs, existence, stability, statics
    game, (t1, t2), (c2, w2, b) = continuous_game()
    T = uniform(0, b)
    trust = T.cdf_at(1)
    sym = cutoff_equilibria(game, {t1: T, t2: T})
    interior = [eq for eq in sym if eq.shape is CutoffShape.INTERIOR]
    stable = next(eq for eq in interior if eq.stability is not sympy.false)
    kappa = positive("kappa")
    tau = interval("tau", 0, 1, left_open=True, right_open=True)
    to_kappa_tau = {c2: kappa + w2, b: 1 / tau}
    kt_assume = (w2 >= 0,)
    existence = simplify_condition(sym.existence.xreplace(to_kappa_tau), kt_assume)
    minimum = minimum_trust(existence, tau, kappa, kt_assume)
    h_stable = sympy.simplify(stable.cutoffs[0].xreplace(to_kappa_tau))
    stable_region = (
        existence,
        simplify_condition(stable.stability.xreplace(to_kappa_tau), kt_assume),
    )
    cutoff_statics = {
        name: comparative_statics(h_stable, x, stable_region)
        for name, x in (("kappa", kappa), ("tau", tau))
    }

    # 3. asymmetric power: the two cutoff equations jointly
    k1, k2 = positive("kappa_1 kappa_2")
    asym_game = bimatrix(
        [[1, -k1], [t1, 0]],
        [[1, t2], [-k2, 0]],
        name="Security Dilemma Game, unequal costs kappa_i = c_i - w",
    )
    asym = cutoff_equilibria(asym_game, {t1: T, t2: T}, budget=Budget(per_decision=2.0))

    # 4. the observer: Bayes' rule over the types a cutoff h separates
    h = interval("h", 0, 1, left_open=True, right_open=True)
    groups = {
        "trustworthy, cooperates": T.cdf_at(h),
        "trustworthy, defects": T.cdf_at(1) - T.cdf_at(h),
        "untrustworthy": 1 - T.cdf_at(1),
    }
    defects = {
        "trustworthy, cooperates": 0,
        "trustworthy, defects": 1,
        "untrustworthy": 1,
    }
    after_defection = posterior(groups, defects, observation="i defects")
    trustworthy_after = sum(
        v for k, v in after_defection.value.items() if k.startswith(TRUSTWORTHY)
    )
    joint = {
        f"{a} | {b_}": pa * pb for a, pa in groups.items() for b_, pb in groups.items()
    }
    conflict = {k: 0 if k.count("cooperates") == 2 else 1 for k in joint}
    after_conflict = posterior(joint, conflict, observation="conflict")
    both_after = sum(
        v
        for k, v in after_conflict.value.items()
        if all(part.startswith(TRUSTWORTHY) for part in k.split(" | "))
    )

    claims = (
        increasing(mu, c, power_assumptions, name="A: the threshold rises with c"),
        decreasing(
            mu, w, power_assumptions, name="A: a higher cost of conflict w lowers it"
        ),
        increasing(mu, t_T, power_assumptions, name="A: the threshold rises with t_T"),
        decreasing(
            mu, m, power_assumptions, name="A: the weaker state needs more trust"
        ),
        Claim(
            sympy.And(mu > 0, mu < 1),
            power_assumptions,
            name="A: the threshold is a belief strictly inside (0, 1)",
            source=SOURCE,
        ),
        Claim(
            trustworthy_after < trust,
            [b > 1, h < 1],
            name="B: a defection lowers trust in the defector",
            description="for any cutoff h in (0, 1), the posterior that i is "
            "trustworthy after i defects is below the prior 1/b",
            source=SOURCE,
        ),
        Claim(
            sympy.And(h_stable > 0, h_stable < 1),
            cutoff_statics["kappa"].assumptions,
            name="B applies in equilibrium: the stable cutoff lies in (0, 1)",
            description="where a stable cooperative equilibrium exists its cutoff "
            "lies in (0, 1), so the claims B on a defection and on conflict, made "
            "for every cutoff h in (0, 1), apply to it",
            source=SOURCE,
        ),
        Claim(
            both_after < trust**2,
            [b > 1, h < 1],
            name="B: conflict lowers the belief that both are trustworthy",
            description="after conflict (some player defects) the posterior that "
            "both are trustworthy is below the prior 1/b^2",
            source=SOURCE,
        ),
    )
    return Derivation(
        title="Chapter 2: the Security Dilemma Game",
        source=f"{SOURCE}; a reconstruction (only chapter 1 is public)",
        models=(two_type, game, asym_game),
        results=(
            ("minimum trust threshold (two types)", threshold),
            *((f"threshold statics in {n}", s) for n, s in statics.items()),
            ("symmetric cutoff equilibria", sym),
            ("minimum trust (continuous types)", minimum),
            *((f"stable cutoff statics in {n}", s) for n, s in cutoff_statics.items()),
            ("asymmetric cutoff equilibria", asym),
            ("posterior after i defects", after_defection),
            ("posterior after conflict", after_conflict),
        ),
        claims=claims,
        notes=(
            f"Trust in the continuous model is F(1) = {trust}.",
            "With power, the cost of being exploited is c_i = 2 c m_j; the "
            "threshold statics are those of the two-type threshold with this cost "
            "(the quantity q there).",
            "In the continuous model the cutoff equations depend on c and w only "
            "through kappa = c - w, and trust is tau = 1/b; the minimum trust and "
            "the stable cutoff's statics are stated in kappa and tau.",
            "Asymmetric power enters through kappa_i = c_i - w = 2 c m_j - w: the "
            "cutoff equations depend on c_i and w only through kappa_i.",
        ),
        figures=(
            RegionFigure(
                "two-type threshold",
                threshold,
                x=(c_i, 0, 3),
                y=(pi_2, 0, 1),
                fixed={w: half, t_T: half},
                labels={
                    "trustworthy row plays C": "the trustworthy state cooperates",
                    "trustworthy row plays D": "the trustworthy state defects",
                },
                caption="Two types: where the trustworthy state cooperates, against "
                "the cost c_i of being exploited and its trust pi_2 in the other",
            ),
            RegionFigure(
                "cooperative region, continuous types",
                (
                    Region("cooperative cutoff equilibria exist", existence),
                    Region("every type defects (always an equilibrium)", sympy.true),
                ),
                x=(kappa, 0, 2),
                y=(tau, 0, 1),
                caption="Continuous types: where a cooperative equilibrium exists, "
                "against kappa = c - w and trust tau = 1/b",
            ),
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
