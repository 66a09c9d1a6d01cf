"""Benchmark: the tree solvers as trees grow, and against the signaling family.

(a) *Backward induction* (:func:`symtrust.games.extensive.backward_induction`)
on symbolic binary trees of depth d (2^d leaves):

* ``independent``: one mover per level; at every leaf each mover k gets
  ``t_<prefix>_<action>``, a symbol naming its own node and choice, so the
  condition at each node (``t_pL >= t_pR``) shares no symbol with any other
  and the factored form needs no z3 call (the full partition has 3^(2^d - 1)
  cells; the factored form has one split per node). Target: depth 10
  (1,024 leaves, 10,240 symbols) in under 10 s;
* ``dependent``: two movers alternating, every leaf with its own pair of
  symbols, so the conditions at a node compare leaves of both subtrees and
  the cases are pruned by z3 (the hard case; reported until a size takes
  longer than ``--limit`` seconds).

(b) *Perfect Bayesian equilibria* on signaling games with 2 types, 2-3
messages and 2-3 responses (seeded random integer payoffs, a uniform or a
symbolic prior): :func:`symtrust.extensive_pbe` on the game's tree against
the signaling family's :func:`symtrust.pbe` on the same game, in one run.
Both give the same equilibria (``tests/games/extensive/test_tree_pbe.py``).

Times are CPU seconds (``time.process_time``), best of ``--repeat``; ratios
are against a baseline measured in the same run. Run by hand, never as a
timed test::

    python benchmarks/bench_trees.py
    python benchmarks/bench_trees.py --max-depth 8 --limit 30
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from fractions import Fraction

from symtrust import extensive_pbe, game_tree, interval, pbe, real, signaling_game
from symtrust.games.extensive import backward_induction, decision


def independent_tree(depth: int):
    """One mover per level; mover k's payoff names its own node and action."""

    def build(tag):
        if len(tag) == depth:
            return tuple(real(f"t_{tag[:k] or 'e'}_{tag[k]}") for k in range(depth))
        return decision(f"P{len(tag)}", {a: build(tag + a) for a in "LR"})

    return game_tree(build(""), players=tuple(f"P{k}" for k in range(depth)))


def dependent_tree(depth: int):
    """Two movers alternating; every leaf its own pair of payoff symbols."""

    def build(tag):
        if len(tag) == depth:
            return (real(f"x_{tag}"), real(f"y_{tag}"))
        return decision("AB"[len(tag) % 2], {a: build(tag + a) for a in "LR"})

    return game_tree(build(""), players=("A", "B"))


def cpu(fn, repeat):
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        out = fn()
        best = min(best, time.process_time() - start)
    return best, out


def backward_induction_table(args):
    print("(a) backward induction on symbolic binary trees")
    print(
        f"{'structure':>12} {'depth':>5} {'leaves':>6} {'build s':>8} "
        f"{'solve s':>8} {'ratio':>7} {'plays':>6}"
    )
    for name, make, top in (
        ("independent", independent_tree, args.max_depth),
        ("dependent", dependent_tree, args.max_dependent),
    ):
        base = None
        for depth in range(1, top + 1):
            built, tree = cpu(lambda d=depth, m=make: m(d), 1)
            seconds, sol = cpu(lambda t=tree: backward_induction(t), args.repeat)
            base = base or seconds
            print(
                f"{name:>12} {depth:>5} {2**depth:>6} {built:>8.2f} {seconds:>8.2f} "
                f"{seconds / base:>7.1f} {len(sol):>6}"
            )
            if seconds > args.limit:
                print(f"{'':>12} stopped: depth {depth} took over {args.limit} s")
                break


def signaling(k, l, *, seed=0, symbolic=False):
    rng = random.Random(seed * 100 + k * 10 + l)
    types = ("t0", "t1")
    messages = tuple(f"m{i}" for i in range(k))
    actions = tuple(f"a{i}" for i in range(l))
    payoffs = {
        key: (rng.randint(0, 3), rng.randint(0, 3))
        for key in itertools.product(types, messages, actions)
    }
    if symbolic:
        p = interval("p", 0, 1, left_open=True, right_open=True)
        prior = [p, 1 - p]
    else:
        prior = [Fraction(1, 2)] * 2
    return signaling_game(types, messages, actions, payoffs, prior=prior)


def pbe_table(args):
    print()
    print("(b) perfect Bayesian equilibria: extensive_pbe on the tree vs pbe")
    print(
        f"{'prior':>9} {'msgs x resp':>11} {'pbe s':>7} {'tree s':>7} "
        f"{'tree/pbe':>8} {'found':>11}"
    )
    # warm-up: imports, the z3 context and SymPy's caches
    extensive_pbe(game_tree(signaling(2, 2, seed=99)))
    pbe(signaling(2, 2, seed=99))
    for symbolic in (False, True):
        for k, l in ((2, 2), (2, 3), (3, 2), (3, 3)):
            times, counts = [0.0, 0.0], [0, 0]
            for seed in range(args.games):
                g = signaling(k, l, seed=seed, symbolic=symbolic)
                t1, a = cpu(lambda g=g: pbe(g, hybrid=True, max_mixing=1), args.repeat)
                t2, b = cpu(
                    lambda g=g: extensive_pbe(game_tree(g), hybrid=True, max_mixing=2),
                    args.repeat,
                )
                times[0] += t1
                times[1] += t2
                counts[0] += len(a)
                counts[1] += len(b)
            prior = "symbolic" if symbolic else "1/2"
            print(
                f"{prior:>9} {f'{k} x {l}':>11} {times[0]:>7.2f} {times[1]:>7.2f} "
                f"{times[1] / times[0]:>8.2f} {f'{counts[0]} / {counts[1]}':>11}"
            )


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-depth", type=int, default=10)
    ap.add_argument("--max-dependent", type=int, default=4)
    ap.add_argument("--limit", type=float, default=60.0)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--games", type=int, default=5, help="games per PBE size")
    ap.add_argument("--skip-pbe", action="store_true")
    args = ap.parse_args()
    backward_induction_table(args)
    if not args.skip_pbe:
        pbe_table(args)


if __name__ == "__main__":
    main()
