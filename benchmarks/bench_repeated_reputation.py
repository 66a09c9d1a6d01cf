"""Benchmark: the reputation game as the number of periods grows.

Kreps and Wilson's chain store (``symtrust.games.repeated.chain_store``,
a = 2, b = 1/2) solved by :func:`symtrust.games.repeated.reputation_equilibrium`:

* ``numeric n, numeric p``: a numeric horizon n and prior p = 1/10^6 (one
  regime), the recursion iterated and each period decided in turn;
* ``numeric n, symbolic p``: a numeric horizon with a symbolic prior, so one
  result per regime of the prior among the n thresholds (n + 1 regimes);
* ``symbolic n``: one solve with a symbolic horizon (rsolve, induction), then
  the closed-form path evaluated at each n (substitution of n and the
  period index), against the numeric-n solve at the same n.
* ``tree twin``: the numeric twin (the explicit tree, 3^n public histories
  per type, backward induction and Bayes' rule checked at every node) for
  n = 2..5.

Times are CPU seconds (``time.process_time``), best of ``--repeat``; ratios
are against the symbolic-n solve measured in the same run. Run by hand from
the repository root, never as a timed test::

    python benchmarks/bench_repeated_reputation.py
    python benchmarks/bench_repeated_reputation.py --max-n 32 --repeat 1
"""

from __future__ import annotations

import argparse
import time

import sympy

from symtrust import interval, probability
from symtrust.games.repeated import (
    chain_store,
    horizon,
    reputation_equilibrium,
)
from symtrust.games.repeated._reputation_twin import reputation_twin

HALF = sympy.Rational(1, 2)
PRIOR = sympy.Rational(1, 10**6)


def best(fn, repeat: int) -> tuple:
    """(best CPU seconds, last value) over ``repeat`` runs."""
    times, out = [], None
    for _ in range(repeat):
        start = time.process_time()
        out = fn()
        times.append(time.process_time() - start)
    return min(times), out


def symbolic_path(eq, n_value: int, point: dict) -> tuple:
    """The closed-form belief path evaluated at n and the point."""
    n = eq.periods
    at = {**point, n: n_value}
    return tuple(
        sympy.sympify(eq.posterior(k), strict=True).xreplace(at)
        for k in range(1, n_value + 1)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-n", type=int, default=64)
    parser.add_argument("--max-symbolic-prior", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    p = probability("p")
    b = interval("b", 0, 1, left_open=True, right_open=True)
    n = horizon("n")
    t_sym, sol = best(
        lambda: reputation_equilibrium(chain_store(n, prior=p, a=2, b=b)), args.repeat
    )
    (closed,) = sol
    print(f"symbolic-n solve (rsolve + induction): {t_sym:.3f} s (the baseline)")
    print()
    header = (
        f"{'n':>4} {'numeric n,p':>12} {'ratio':>7} {'numeric n, sym p':>17} "
        f"{'regimes':>8} {'eval closed form':>17} {'ratio':>8} {'agree':>6}"
    )
    print(header)
    print("-" * len(header))
    sizes = [m for m in (2, 3, 4, 8, 16, 32, 64, 128) if m <= args.max_n]
    point = {p: PRIOR, b: HALF}
    for m in sizes:
        t_num, num = best(
            lambda m=m: reputation_equilibrium(
                chain_store(m, prior=PRIOR, a=2, b=HALF)
            ),
            args.repeat,
        )
        if m <= args.max_symbolic_prior:
            t_regimes, regimes = best(
                lambda m=m: reputation_equilibrium(
                    chain_store(m, prior=p, a=2, b=HALF)
                ),
                1,
            )
            shown = f"{t_regimes:17.3f} {len(regimes):8d}"
        else:
            shown = f"{'-':>17} {'-':>8}"
        t_eval, path = best(lambda m=m: symbolic_path(closed, m, point), args.repeat)
        # the regime p < b^n holds only while 10^-6 < 2^-n, i.e. n <= 19
        agree = path == num[0].posteriors if PRIOR < HALF**m else "n/a"
        print(
            f"{m:4d} {t_num:12.3f} {t_num / t_sym:7.2f} {shown} {t_eval:17.4f} "
            f"{t_eval / t_sym:8.4f} {agree!s:>6}"
        )
    print()
    print(f"{'n':>4} {'tree twin':>10} {'ratio':>7}")
    for m in (2, 3, 4, 5):
        (eq,) = reputation_equilibrium(chain_store(m, prior=PRIOR, a=2, b=HALF))
        t_twin, _ = best(lambda eq=eq: reputation_twin(eq, {}), 1)
        print(f"{m:4d} {t_twin:10.3f} {t_twin / t_sym:7.2f}")


if __name__ == "__main__":
    main()
