"""Benchmark: repeated games as the automaton grows.

(a) *States.* The one-shot deviation check
(:func:`symtrust.games.repeated.subgame_perfection`) on two-player repeated
Prisoner's Dilemmas whose strategy profile has n = 2..16 joint automaton
states, with the discount factor a parameter:

* ``punish``: both players use k-period punishment with k = n - 1 (n joint
  states; the constraint on the path is a polynomial of degree k in delta);
* ``random``: a seeded random joint automaton with n states: a random profile
  in each state, the followed transition a cycle through all states (so all
  are reachable) and the other transitions random;

each with numeric stage payoffs (3, 0, 5, 1) and with symbolic payoffs
T > R > P > S. The peer in the same run is the numeric twin's check at one
exact point: the automaton played exactly (Fractions) at delta = 9/10,
every one-shot deviation from every state evaluated (``numeric s``); ``ratio`` is the
symbolic check's time over its time at n = 2, ``vs numeric`` the symbolic
time over the numeric one at the same n.

Times are CPU seconds (``time.process_time``), best of ``--repeat``. Run by
hand from the repository root, never as a timed test::

    PYTHONPATH=. python benchmarks/bench_repeated.py
    PYTHONPATH=. python benchmarks/bench_repeated.py --max-states 8 --limit 30
"""

from __future__ import annotations

import argparse
import random
import time

import sympy

from symtrust.catalog import prisoners_dilemma, symmetric_2x2
from symtrust.games.repeated import (
    automaton,
    k_period_punishment,
    repeated_game,
    strategy_profile,
    subgame_perfection,
)
from symtrust.games.repeated.twins.simulate import NumericProfile


def cpu(fn, repeat):
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        out = fn()
        best = min(best, time.process_time() - start)
    return best, out


def punish_profile(stage, n):
    return strategy_profile(stage, k_period_punishment(n - 1))


def random_profile(stage, n, seed=0):
    rng = random.Random(seed * 1000 + n)
    states = tuple(f"s{k}" for k in range(n))
    profiles = list(stage.profiles())
    play = {s: rng.choice(profiles) for s in states}
    transitions = {}
    for k, s in enumerate(states):
        rule = {p: rng.choice(states) for p in profiles}
        rule[play[s]] = states[(k + 1) % n]  # the followed path visits every state
        transitions[s] = rule
    return automaton(stage, states, play, transitions, name=f"random {n}")


def numeric_check(stage, profile):
    """Every one-shot deviation played exactly (no early exit), as the solver."""
    num = NumericProfile(stage, profile, sympy.Rational(9, 10))
    ok = True
    for state in profile.states:
        for i, actions in enumerate(stage.actions):
            follow = num.value(state, i)
            for b in actions:
                ok &= num.value(state, i, (b,)) <= follow
    return ok


def states_table(args):
    print("(a) one-shot deviation check as the automaton grows (two players)")
    print(
        f"{'profile':>8} {'payoffs':>8} {'states':>6} {'constr':>6} {'symbolic s':>10} "
        f"{'ratio':>7} {'numeric s':>9} {'vs numeric':>10}"
    )
    numeric_stage = symmetric_2x2(3, 0, 5, 1, name="PD (3, 0, 5, 1)")
    stages = (("3,0,5,1", numeric_stage), ("T>R>P>S", prisoners_dilemma()))
    # warm-up: imports, the z3 context and SymPy's caches
    subgame_perfection(repeated_game(numeric_stage), punish_profile(numeric_stage, 2))
    for name, make in (("punish", punish_profile), ("random", random_profile)):
        for label, stage in stages:
            game = repeated_game(stage)
            base = None
            for n in range(2, args.max_states + 1):
                profile = make(stage, n)
                seconds, r = cpu(
                    lambda g=game, p=profile: subgame_perfection(g, p), args.repeat
                )
                base = base or seconds
                at = (
                    stage.subs(
                        {
                            s: v
                            for s, v in zip(
                                sorted(stage.parameters, key=str),
                                (1, 3, 0, 5),
                                strict=True,
                            )
                        }
                    )
                    if stage.parameters
                    else stage
                )  # P, R, S, T = 1, 3, 0, 5
                peer, _ = cpu(lambda a=at, p=profile: numeric_check(a, p), args.repeat)
                print(
                    f"{name:>8} {label:>8} {len(profile.states):>6} "
                    f"{len(r.incentives):>6} {seconds:>10.2f} {seconds / base:>7.1f} "
                    f"{peer:>9.4f} {seconds / max(peer, 1e-6):>10.0f}"
                )
                if seconds > args.limit:
                    print(f"{'':>8} stopped: {n} states took over {args.limit} s")
                    break


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-states", type=int, default=16)
    ap.add_argument("--limit", type=float, default=60.0)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    states_table(args)


if __name__ == "__main__":
    main()
