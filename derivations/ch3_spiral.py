"""Chapter 3 of Kydd (2005): the spiral model, as a two-stage arming game.

This derivation follows chapter 3 of Andrew H. Kydd, *Trust and Mistrust in
International Relations* (Princeton, 2005). The chapter's model is not public;
the game here is a faithful **reconstruction** in the book's spirit
(``models.md`` section 3): two states, each a security seeker (prior pi) or
greedy; in stage 1 each builds arms or not, a security seeker at a private
cost k ~ U[0, K], a greedy state always; builds are public; in stage 2 they
play the two-type Security Dilemma Game, where a builder gains d whenever the
other defects. Arms are worth more to a stronger state: d = 2 delta m, with m
the state's power share (the games compared are symmetric).

Everything is derived by the engine:

1. the stage-2 trust threshold and Bayes' rule after a build;
2. the perfect Bayesian equilibria in both regimes (any build destroys
   cooperation / builds are tolerated): corner rates s = 0 and s = 1, interior
   rates with their validity and stability conditions, and which coexist;
3. comparative statics of the interior rates (weak states and costly arms or
   war mean less building);
4. probabilities of peace, conflict and tragic spirals between two security
   seekers, and the observer's posterior after conflict (claim B);
5. trust after n observed builds (claim D: escalation erodes trust);
6. the observer's beliefs are a martingale under its prior, and the expected
   posterior on a security seeker, when the state is one, rises (claim E).
"""

from __future__ import annotations

import sympy

from symtrust import (
    Claim,
    Derivation,
    comparative_statics,
    decreasing,
    increasing,
    interval,
    parameter,
    positive,
    posterior,
    run_derivation,
)
from symtrust.games.bayesian import expected_posterior_rises, martingale
from symtrust.kydd import (
    Regime,
    Shape,
    arming_equilibria,
    arming_game,
    arming_outcomes,
    coexisting_equilibria,
    trust_after_builds,
)
from symtrust.render.region_map import RegionFigure

SOURCE = "Kydd (2005), ch. 3 (reconstruction)"


def _pick(solution, regime, shape, stable=None):
    for eq in solution:
        if eq.regime is regime and eq.shape is shape:
            if stable is None or eq.stable == stable:
                return eq
    raise LookupError(f"no {shape} equilibrium in regime {regime!r}")


def derive() -> Derivation:
    """Build the arming game and derive its equilibria, outcomes and claims.

    Examples
    --------
    >>> d = derive()
    >>> d.result("interior rate, builds tolerated").shape is Shape.INTERIOR
    True
    """
    pi = interval("pi", 0, 1, left_open=True, right_open=True)
    t_s = interval("t_S", 0, 1, right_open=True)
    t_g = parameter("t_G", lower=1, left_open=True)
    m = interval("m", 0, 1, left_open=True, right_open=True)
    c, w, K, delta = positive("c w K delta")
    game = arming_game(
        prior=pi,
        cost_bound=K,
        arms_gain=2 * delta * m,
        t_secure=t_s,
        t_greedy=t_g,
        c=c,
        w=w,
        name="arming game (spiral model)",
    )
    s = game.rate
    # 1. Bayes' rule after a build: S builds with probability s, G always
    after_build = posterior(
        {"S": pi, "G": 1 - pi},
        {"S": s, "G": 1},
        assumptions=game.assumptions,
        observation="a build",
    )
    pi_b = after_build["S"]
    after_none = posterior(
        {"S": pi, "G": 1 - pi},
        {"S": 1 - s, "G": 0},
        assumptions=game.assumptions,
        observation="no build",
    )
    # 6. the observer's belief about one build decision (claim E)
    prior = {"S": pi, "G": 1 - pi}
    signal = {"S": {"build": s, "none": 1 - s}, "G": {"build": 1, "none": 0}}
    beliefs_martingale = martingale(prior, signal, "S", assumptions=game.assumptions)
    truth_rises = expected_posterior_rises(
        prior, signal, "S", assumptions=game.assumptions
    )
    expected_trust = after_build.marginal * pi_b + after_none.marginal * after_none["S"]
    expected_trust_if_secure = (
        signal["S"]["build"] * pi_b + signal["S"]["none"] * after_none["S"]
    )

    # 2. equilibria in both regimes, and which can hold together
    solution = arming_equilibria(game)
    none_build = _pick(solution, Regime.DESTROYED, Shape.NONE_BUILD)
    all_build = _pick(solution, Regime.DESTROYED, Shape.ALL_BUILD)
    stable = _pick(solution, Regime.DESTROYED, Shape.INTERIOR, stable=sympy.true)
    unstable = _pick(solution, Regime.DESTROYED, Shape.INTERIOR, stable=sympy.false)
    tolerated = _pick(solution, Regime.TOLERATED, Shape.INTERIOR)
    together = coexisting_equilibria(solution)

    # 4. outcomes at a generic rate in each regime, and at the equilibria
    spiral = arming_outcomes(stable, rate=s)
    tolerant = arming_outcomes(tolerated, rate=s)
    at_stable = arming_outcomes(stable)

    # 5. trust after n builds (the rate s of security seekers, per period)
    path = trust_after_builds(game)
    n = path.n
    trust_n = path["S"]
    u = sympy.Symbol("u", positive=True)
    trust_u = trust_n.subs(s**n, u)
    trust_next = sympy.powsimp(sympy.expand_power_exp(trust_n.subs(n, n + 1)))
    trust_next = trust_next.subs(s**n, u).subs(s ** (n + 1), s * u)

    # 3. comparative statics of the interior rates, under their conditions
    statics = tuple(
        (f"statics: {label} in {x}", comparative_statics(eq, x))
        for label, eq in (("stable spiral rate", stable), ("tolerated rate", tolerated))
        for x in (m, K, w, c)
        if x in eq.rate.free_symbols
    )

    open_rate = [s > 0, s < 1]
    claims = (
        Claim(
            spiral.posterior_both_secure < pi**2,
            [*open_rate],
            name="B: conflict lowers the belief that both seek security",
            description="when builds destroy cooperation and security seekers "
            "build with probability s in (0, 1), the observer's posterior that "
            "both states are security seekers after conflict is below pi^2",
            source=SOURCE,
        ),
        Claim(
            spiral.posterior_secure < pi,
            [*open_rate],
            name="B: conflict lowers the belief that a state seeks security",
            description="after conflict, the posterior that a given state is a "
            "security seeker is below the prior",
            source=SOURCE,
        ),
        Claim(
            tolerant.posterior_both_secure < pi**2,
            [*open_rate],
            name="B: conflict lowers trust when builds are tolerated too",
            source=SOURCE,
        ),
        Claim(
            spiral.tragic > 0,
            [*open_rate],
            name="tragic spirals happen: two security seekers can fight",
            source=SOURCE,
        ),
        Claim(
            trust_next < trust_u,
            [*open_rate, u <= 1],
            name="D: each further build erodes trust",
            description="with u = s^n in (0, 1], trust after n + 1 builds is below "
            "trust after n builds",
            source=SOURCE,
        ),
        Claim(
            sympy.Lt(pi_b, pi),
            [*open_rate],
            name="D: a build lowers trust below the prior",
            description="trust after a build is below the prior whenever security "
            "seekers build with probability below 1",
            source=SOURCE,
        ),
        Claim(
            sympy.Eq(expected_trust, pi),
            [*open_rate],
            name="E: beliefs are a martingale",
            description="averaged over build and no build with the observer's own "
            "probabilities, trust after the observation equals the prior",
            source=SOURCE,
        ),
        Claim(
            expected_trust_if_secure > pi,
            [*open_rate],
            name="E: beliefs move toward the truth",
            description="when the state is a security seeker, the expected "
            "posterior that it is one exceeds the prior",
            source=SOURCE,
        ),
        increasing(
            tolerated.rate,
            m,
            tolerated.condition,
            name="weaker states build less (builds tolerated)",
        ),
        decreasing(
            tolerated.rate,
            K,
            tolerated.condition,
            name="costlier arms mean less building (builds tolerated)",
        ),
        increasing(
            stable.rate,
            m,
            stable.condition,
            name="weaker states build less (stable spiral equilibrium)",
        ),
        decreasing(
            stable.rate,
            K,
            stable.condition,
            name="costlier arms mean less building (stable spiral equilibrium)",
        ),
        decreasing(
            stable.rate,
            w,
            stable.condition,
            name="costlier war means less building (stable spiral equilibrium)",
        ),
    )
    results = (
        ("trust after a build", after_build),
        ("trust after no build", after_none),
        ("martingale of beliefs", beliefs_martingale),
        ("expected posterior on the true type", truth_rises),
        ("equilibria", solution),
        ("no security seeker builds", none_build),
        ("every security seeker builds", all_build),
        ("interior rate, stable spiral", stable),
        ("interior rate, unstable spiral", unstable),
        ("interior rate, builds tolerated", tolerated),
        *((f"coexistence {i + 1}", r) for i, r in enumerate(together)),
        ("outcomes at rate s, builds destroy cooperation", spiral),
        ("outcomes at rate s, builds tolerated", tolerant),
        ("outcomes, stable spiral equilibrium", at_stable),
        ("trust after n builds", path),
        *statics,
    )
    half = sympy.Rational(1, 2)
    figures = (
        RegionFigure(
            "arming equilibria",
            solution,
            x=(pi, 0, 1),
            y=(m, 0, 1),
            fixed={K: 1, c: 2, w: 1, delta: 1, t_s: half},
            labels={
                f"arming PBE, corner s = 0, stable ({Regime.DESTROYED})": "nobody builds",
                f"arming PBE, corner s = 1, stable ({Regime.DESTROYED})": "every security "
                "seeker builds (spiral)",
                f"arming PBE, interior, stable ({Regime.DESTROYED})": "some build: stable "
                "spiral",
                f"arming PBE, interior, unstable ({Regime.DESTROYED})": "some build: "
                "unstable spiral",
                f"arming PBE, corner s = 1, stable ({Regime.TOLERATED})": "every security "
                "seeker builds, tolerated",
                f"arming PBE, interior, stable ({Regime.TOLERATED})": "some build, tolerated",
            },
            caption="Perfect Bayesian equilibria of the arming game against the "
            "prior pi that a state seeks security and its power share m",
        ),
    )
    return Derivation(
        title="Chapter 3: the spiral model (arming game)",
        source=SOURCE,
        models=(game,),
        results=results,
        claims=claims,
        figures=figures,
        notes=(
            "Reconstruction: the arms gain d = 2 delta m grows with the state's "
            "power share m; comparative statics compare symmetric games.",
            "Stage 2 plays the cooperative equilibrium whenever both sides' trust "
            "reaches the threshold.",
            "The interior rates do not depend on the cost of being exploited c; it "
            "acts only through the threshold, i.e. through which regime obtains.",
            "Where the best-response map is the identity (K = d = pi (1 + w) in the "
            "spiral regime) every rate is an equilibrium; that set is not listed.",
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
