"""Benchmark: cheap-talk partitions against N, and the signal twins' exact algebra.

Part (a) times :func:`partition_equilibrium` of the uniform-quadratic
cheap-talk game at a numeric bias b = 1/200 (N(b) = 10) for N = 1, 2, 4, 8
and for a symbolic N, as a ratio to N = 1 in the same run: the recurrence is
solved once by ``rsolve``, so the cost should not grow with N beyond listing
the boundaries.

Part (b) times the separating twin of the general costly-signal family at one
point, for linear costs (rational signals) and for quadratic costs (square
roots, compared exactly as algebraic numbers), as a ratio quadratic / linear.

Timing rules: every run starts from cleared caches (SymPy's and every
``functools.lru_cache`` of the cheap-talk and continuous-signal modules);
each configuration runs three times and the best is kept. Run by hand:
``python benchmarks/bench_signals.py``.
"""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path

import sympy
from sympy import Rational

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from symtrust import nonnegative, real
from symtrust.games.cheap_talk import _recursion, partition
from symtrust.games.cheap_talk.model import cheap_talk_game
from symtrust.games.continuous_signals import (
    intuitive,
    pooling,
    separating,
    signal_game,
)
from symtrust.games.continuous_signals.twins import separating_twin

MODULES = (_recursion, partition, separating, pooling, intuitive)


def _clear() -> None:
    sympy.core.cache.clear_cache()
    for module in MODULES:
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()


def best_of(fn, runs: int = 3) -> float:
    out = []
    for _ in range(runs):
        _clear()
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return min(out)


def part_a() -> None:
    game = cheap_talk_game(Rational(1, 200))
    size = sympy.Symbol("N", integer=True, positive=True)
    base = best_of(lambda: partition.partition_equilibrium(game, 1))
    print("(a) partition_equilibrium, b = 1/200")
    print(f"{'N':>8} {'seconds':>9} {'ratio to N=1':>13}")
    for n in (1, 2, 4, 8, size):
        t = best_of(lambda n=n: partition.partition_equilibrium(game, n))
        print(f"{n!s:>8} {t:9.3f} {t / base:13.2f}")


def part_b() -> None:
    e, w, q = nonnegative("e"), real("w"), real("q")
    times = {}
    for label, power in (("linear", 1), ("quadratic", 2)):
        game = signal_game(
            types=("low", "high"),
            prior=Rational(1, 3),
            utility={"low": w - 3 * e**power, "high": w - e**power},
            signal=e,
            response=w,
            reply=1 + q,
            belief=q,
        )
        sep = separating.separating_equilibria(game)
        times[label] = best_of(lambda sep=sep: separating_twin(sep, {}))
    print("(b) separating twin at one point")
    for label, t in times.items():
        print(f"{label:>10} {t:9.3f} s")
    print(f"{'ratio':>10} {times['quadratic'] / times['linear']:9.2f}")


if __name__ == "__main__":
    part_a()
    part_b()
