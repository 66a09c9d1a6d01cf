"""The shadow of the future: trust and repetition in the Security Dilemma.

A reconstruction in the spirit of Kydd (2005), chapters 1 and 2 (trust as
the probability that the other is trustworthy; the Security Dilemma Game),
who builds on Axelrod (1984) and on Oye's and Keohane's cooperation under
anarchy: states that meet again
and again can sustain cooperation by the threat of ending it, and the longer
the shadow of the future (the larger the discount factor delta), the less
trust cooperation needs. Everything below is derived by the engine; no
closed form is typed here.

1. *Complete information, the Prisoner's Dilemma* (T > R > P > S). Grim
   trigger (cooperate until anyone defects, then defect forever) is
   subgame perfect exactly above a minimum discount factor, read from the
   one-shot deviation principle on its automaton; its comparative statics in
   the temptation T and the punishment P have proved signs (claims A).
   Tit-for-tat's incentive constraints state by state, and its Nash
   condition (Axelrod's collective stability) from stationary deviations;
   win-stay lose-shift's minimum discount factor.
2. *Incomplete information, the Security Dilemma Game* (payoffs CC 1,
   CD -c, DC t_i, DD -w, c > w; ch. 2). Each state is trustworthy
   (t_T < 1) with probability pi, the trust the other places in it, and
   untrustworthy (t_U > 1) otherwise. Trustworthy states play grim trigger,
   untrustworthy ones always defect. The minimum trust threshold mu(delta)
   at which a trustworthy state opens with cooperation falls as delta rises,
   lies below the one-shot game's threshold for every delta, and the
   untrustworthy state's defection needs it to be impatient enough: the
   cooperative equilibrium needs trust and the shadow of the future together
   (claims B).
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
    run_derivation,
)
from symtrust.catalog import prisoners_dilemma
from symtrust.games.repeated import (
    grim_trigger,
    minimum_discount,
    nash_conditions,
    repeated_game,
    subgame_perfection,
    tit_for_tat,
    win_stay_lose_shift,
)
from symtrust.kydd import repeated_threshold, stage_threshold
from symtrust.render.region_map import RegionFigure
from symtrust.render.regions import Region

SOURCE = "Kydd (2005), ch. 1-2, after Axelrod (1984); a reconstruction"


def prisoners_dilemma_results():
    """Grim trigger, tit-for-tat and win-stay lose-shift in the repeated PD."""
    game = repeated_game(prisoners_dilemma(), name="repeated Prisoner's Dilemma")
    grim = minimum_discount(game, grim_trigger())
    params = {s.name: s for s in game.stage.parameters}
    statics = {
        name: comparative_statics(grim, params[name], order=1)
        for name in ("T", "P", "R")
    }
    results = (
        ("grim trigger: subgame perfect iff", grim.perfection),
        ("grim trigger: minimum discount factor", grim),
        *((f"minimum discount factor statics in {n}", s) for n, s in statics.items()),
        ("tit-for-tat: subgame perfect iff", subgame_perfection(game, tit_for_tat())),
        ("tit-for-tat: Nash equilibrium iff", nash_conditions(game, tit_for_tat())),
        (
            "win-stay lose-shift: minimum discount factor",
            minimum_discount(game, win_stay_lose_shift()),
        ),
    )
    return game, grim, params, results


def security_dilemma_results():
    """The repeated two-type Security Dilemma: trust and delta together."""
    t_T = interval("t_T", 0, 1, right_open=True)
    t_U = parameter("t_U", lower=1, left_open=True)
    c, w = positive("c w")
    stated = [c > w]
    repeated = repeated_threshold(t_T, t_U, c, w, assumptions=stated)
    one_shot = stage_threshold(t_T, c, w, assumptions=stated)
    statics = comparative_statics(repeated, repeated.delta)
    return repeated, one_shot, statics, (t_T, t_U, c, w)


def derive() -> Derivation:
    """Build the repeated games and derive their results and claims.

    Examples
    --------
    >>> d = derive()
    >>> d.result("minimum trust statics in delta").sign
    'decreasing'
    """
    game, grim, params, pd_results = prisoners_dilemma_results()
    repeated, one_shot, statics, (t_T, t_U, c, w) = security_dilemma_results()
    delta, mu = repeated.delta, repeated.value
    sdg = repeated.assumptions
    claims = (
        increasing(
            grim.value,
            params["T"],
            game.assumptions,
            name="A: a greater temptation T needs more patience",
        ),
        increasing(
            grim.value,
            params["P"],
            game.assumptions,
            name="A: a harsher punishment (lower P) needs less patience",
        ),
        Claim(
            sympy.And(grim.value > 0, grim.value < 1),
            game.assumptions,
            name="A: grim trigger is sustainable by patient enough players",
            description="the minimum discount factor lies strictly inside (0, 1)",
            source=SOURCE,
        ),
        decreasing(
            mu,
            delta,
            sdg,
            name="B: a longer shadow of the future lowers the trust needed",
        ),
        Claim(
            mu < one_shot.value,
            sdg,
            name="B: any shadow of the future lowers the trust needed below the "
            "one-shot threshold",
            description="for every delta in (0, 1) the repeated game's minimum "
            "trust threshold is below the one-shot Security Dilemma's",
            source=SOURCE,
        ),
        Claim(
            sympy.And(mu > 0, mu < 1),
            sdg,
            name="B: the repeated threshold is a belief strictly inside (0, 1)",
            source=SOURCE,
        ),
        Claim(
            sympy.Implies(repeated.untrustworthy_defects, delta < (t_U - 1) / t_U),
            sdg,
            name="B: untrustworthy states defect only when impatient",
            description="an untrustworthy state always defects only if "
            "delta < 1 - 1/t_U: a patient enough one would cooperate too",
            source=SOURCE,
        ),
    )
    trust = interval("pi", 0, 1)
    figures = (
        RegionFigure(
            "trust and the shadow of the future",
            (
                Region(
                    "trustworthy states cooperate (trust at least the threshold)",
                    trust >= mu,
                ),
                Region("trustworthy states defect (trust below it)", trust < mu),
            ),
            x=(delta, 0, 1),
            y=(trust, 0, 1),
            fixed={t_T: sympy.Rational(1, 2), c: 2, w: 1},
            caption="The repeated Security Dilemma: the minimum trust threshold "
            "falls as the discount factor delta rises",
        ),
    )
    return Derivation(
        title="The shadow of the future: trust and repetition",
        source=SOURCE,
        models=(game, repeated.meta),
        results=(
            *pd_results,
            ("minimum trust threshold, repeated Security Dilemma", repeated),
            ("minimum trust statics in delta", statics),
            ("minimum trust threshold, one-shot Security Dilemma", one_shot),
        ),
        claims=claims,
        figures=figures,
        notes=(
            "Strategies are automata; subgame perfection is checked by the "
            "one-shot deviation principle at every reachable automaton state, "
            "with each state's value from the exact linear value equations.",
            "In the Security Dilemma a trustworthy state's payoffs are its "
            "average discounted values (1 - delta) V of grim trigger (C) and "
            "always defect (D) against either; the other's trustworthy type "
            "plays grim trigger and its untrustworthy type always defects, so "
            "the belief that the other cooperates is the trust pi.",
        ),
    )


if __name__ == "__main__":
    raise SystemExit(0 if run_derivation(derive()).ok else 1)
