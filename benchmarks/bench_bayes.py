"""Benchmark: Bayesian Nash equilibria and cutoff equilibria as games grow.

Part (a) times :func:`symtrust.bayes_nash` (pure Bayesian Nash equilibria of
finite Bayesian games, every condition simplified under the assumptions) in
three families:

* ``BNE 2p numeric``: two players, ``k`` = 2, 3, 4 types each, ``m`` = 2, 3
  actions (:func:`symtrust.games.bayesian.type_game`, private values). Each player's prior is
  symbolic: ``k - 1`` probabilities ``q_i1 .. q_i(k-1)`` with
  ``sum <= 1`` and the first type's probability ``1 - sum``. Type ``j``'s own
  payoff is a seeded random integer in [0, 3] plus a bonus 4 when its action
  index equals the other's plus ``j`` (mod ``m``): every action is a best
  reply to some action of the other, so dominance pruning removes nothing and
  the conditions are genuine bounds on the priors.
* ``BNE 2p symbolic``: the same games with the bonus a positive parameter
  ``g`` instead of 4, so the conditions are polynomial in ``g`` and the priors
  (nonlinear: z3's NRA decides them).
* ``BNE 3p``: three players with 2 types each (independent symbolic priors
  ``q_1, q_2, q_3``), ``m`` = 2, 3 actions; a player's payoff is a random
  integer in [0, 3] (depending on its type and the whole action profile) plus
  the bonus (4, or ``g`` in the symbolic row) when its action matches the next
  player's shifted by its type index.

Part (b) times :func:`symtrust.cutoff_equilibria` (two players, continuous
private types, cutoff strategies):

* the symmetric Security Dilemma Game (Kydd 2005, ch. 2): payoffs 1, -c, t_i,
  -w with c > w >= 0 and types uniform on [0, b], b > 1 (a quadratic);
* the asymmetric two-equation system with costs ``kappa_1``, ``kappa_2``
  (``symmetric=False`` by construction), and the asymmetric Security Dilemma
  with costs ``c_1``, ``c_2`` and a common ``w``;
* a non-uniform CDF ``F(x) = x**d`` on [0, 1] with payoffs 1, -kappa, t_i, 0
  (kappa in (0, 1)): the symmetric cutoff equation is
  ``(1 - h)(h**d - kappa (1 + h + ... + h**(d-1))) = 0``, so d = 2, 3, 4
  leave a quadratic, a cubic and a quartic factor (Cardano / Ferrari with
  conditions);
* d = 5: ``cutoff_equilibria`` raises ``UnsupportedError`` (degree 5 has no
  closed form in radicals); the time to raise is measured, and the numeric
  fallback ``numeric_cutoffs`` (exact real-root isolation) at kappa = 1/100.

Timing rules. Every configuration runs in a forked child process. Only the
solver call is timed (``time.perf_counter``), not building the game. Before
every run the child clears every ``functools.lru_cache`` in the loaded
``symtrust`` modules (``symtrust.logic.conditions.simplifier._simplify`` and
``_sign_cached``, ``symtrust.games.bayesian.typemap._decide``,
``symtrust.logic.linear._status``, ``symtrust.verify.prover._run_proof``, ...:
the names are printed) and SymPy's cache (``sympy.core.cache.clear_cache``), so
no run reuses an earlier run's decisions. A run under 5 s is repeated, three
runs in all, and the best is kept; a longer run counts once. A configuration
whose first run exceeds ``--limit`` seconds (default 60) is stopped and
reported as such; larger configurations of the same family (at least as many
types and actions) are then skipped. Ratios are against the smallest
configuration of each family, measured in the same run.

Old against new. ``--compare OLD`` (a checkout of symtrust, e.g.
``git archive <commit> symtrust | tar -x -C /tmp/old``) also runs every
``bayes_nash`` configuration in a child process that imports symtrust from
``OLD`` (same rules: caches cleared, best of 3 under 5 s, stopped after
``--limit``), alternating with this tree's run, and prints ``old s`` and
``old/new``: the speed-up measured in the same run.

Run by hand, never as a timed test::

    python benchmarks/bench_bayes.py            # full sweep
    python benchmarks/bench_bayes.py --quick    # 2-3 types, 2 actions, fewer cutoffs
    python benchmarks/bench_bayes.py --only bne --compare /tmp/old
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import multiprocessing as mp
import os
import queue as queue_mod
import random
import subprocess
import sys
import time
from dataclasses import dataclass

import sympy

from symtrust import (
    bayes_nash,
    bayesian_game,
    bimatrix,
    cutoff_equilibria,
    nonnegative,
    parameter,
    positive,
    probability,
    real,
    trust_game,
    uniform,
)
from symtrust.errors import UnsupportedError
from symtrust.games.bayesian import type_game
from symtrust.games.continuous_types import ContinuousType
from symtrust.games.continuous_types.cutoffs import numeric_cutoffs

REPEAT_BELOW = 5.0  # seconds: faster runs are repeated (best of 3)

# -- cache clearing ------------------------------------------------------------


def cached_functions():
    """Every lru-cached function in the loaded symtrust modules, by name."""
    out = {}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("symtrust") or module is None:
            continue
        for attr, obj in vars(module).items():
            if callable(obj) and hasattr(obj, "cache_clear"):
                # count each function once, under its defining module
                owner = getattr(obj, "__module__", name)
                out.setdefault(f"{owner}.{attr}", obj)
    return out


def clear_caches():
    """Clear symtrust's lru caches and SymPy's cache."""
    for fn in cached_functions().values():
        fn.cache_clear()
    sympy.core.cache.clear_cache()


# -- Bayesian games --------------------------------------------------------------


def _prior(k, tag):
    """Symbolic prior over k types: q_tag1 .. q_tag(k-1), T0 gets the rest."""
    if k == 2:
        q = probability(f"q_{tag}")
        return {"T0": 1 - q, "T1": q}, []
    qs = probability(" ".join(f"q_{tag}{j}" for j in range(1, k)))
    prior = {"T0": 1 - sum(qs)}
    prior.update({f"T{j}": qs[j - 1] for j in range(1, k)})
    return prior, [sum(qs) <= 1]


def _bonus(symbolic):
    return positive("g") if symbolic else 4


def two_player_game(k, m, symbolic, seed=0):
    """Two players, k types, m actions; own payoffs noise + bonus (see module)."""
    rng = random.Random(seed * 1000 + k * 10 + m)
    bonus = _bonus(symbolic)
    actions = tuple(f"a{j}" for j in range(m))
    own, priors, assume = [], [], []
    for i in range(2):
        own.append(
            {
                f"T{j}": [
                    [
                        rng.randint(0, 3) + (bonus if a == (b + j) % m else 0)
                        for b in range(m)
                    ]
                    for a in range(m)
                ]
                for j in range(k)
            }
        )
        prior, extra = _prior(k, i + 1)
        priors.append(prior)
        assume += extra
    return type_game(own, priors, actions=actions, assumptions=assume)


def three_player_game(m, symbolic, seed=0):
    """Three players, 2 types, m actions; payoff noise + bonus (see module)."""
    rng = random.Random(seed * 1000 + 300 + m)
    bonus = _bonus(symbolic)
    players = ("p1", "p2", "p3")
    actions = tuple(tuple(f"a{j}" for j in range(m)) for _ in players)
    types = (("T0", "T1"),) * 3
    priors = [_prior(2, i + 1)[0] for i in range(3)]
    payoffs = {}
    for tp in itertools.product(*types):
        for prof in itertools.product(range(m), repeat=3):
            vec = []
            for i in range(3):
                shift = types[i].index(tp[i])
                match = prof[i] == (prof[(i + 1) % 3] + shift) % m
                vec.append(rng.randint(0, 3) + (bonus if match else 0))
            payoffs[(tuple(f"a{a}" for a in prof), tp)] = tuple(vec)
    return bayesian_game(players, actions, types, priors, payoffs)


# -- cutoff games ----------------------------------------------------------------


def _types():
    return real("t_1 t_2")


def security_dilemma(asymmetric=False):
    """The Security Dilemma Game with types U[0, b] (symmetric or c_1, c_2)."""
    t1, t2 = _types()
    w = nonnegative("w")
    b = parameter("b", lower=1, left_open=True)
    T = uniform(0, b)
    if asymmetric:
        c1, c2 = positive("c_1 c_2")
        game = bimatrix(
            [[1, -c1], [t1, -w]], [[1, t2], [-c2, -w]], assumptions=[c1 > w, c2 > w]
        )
    else:
        c = positive("c")
        game = bimatrix([[1, -c], [t1, -w]], [[1, t2], [-c, -w]], assumptions=[c > w])
    return game, {t1: T, t2: T}


def kappa_system():
    """Asymmetric costs kappa_1, kappa_2, types U[0, b]: two equations."""
    t1, t2 = _types()
    b = parameter("b", lower=1, left_open=True)
    k1, k2 = positive("kappa_1 kappa_2")
    T = uniform(0, b)
    return bimatrix([[1, -k1], [t1, 0]], [[1, t2], [-k2, 0]]), {t1: T, t2: T}


def power_cdf(d):
    """Payoffs 1, -kappa, t_i, 0; types with CDF x**d on [0, 1]; and kappa."""
    t1, t2 = _types()
    x = sympy.Symbol("x", real=True)
    kappa = parameter("kappa", lower=0, upper=1, left_open=True, right_open=True)
    game = bimatrix([[1, -kappa], [t1, 0]], [[1, t2], [-kappa, 0]])
    F = ContinuousType.build(x**d, x, (0, 1))
    return game, {t1: F, t2: F}, kappa


# -- configurations ----------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    """One timed configuration: ``prepare()`` builds, ``run(built)`` solves."""

    family: str
    label: str
    size: tuple  # compared componentwise to skip configurations above a stopped one
    prepare: object
    run: object
    detail: str = ""


def _solve_bne(game):
    return f"{len(bayes_nash(game))} equilibria"


def _solve_cutoffs(built, **kw):
    game, types = built[:2]
    return f"{len(cutoff_equilibria(game, types, **kw))} equilibria"


def _raise_unsupported(built):
    game, types, _ = built
    try:
        cutoff_equilibria(game, types)
    except UnsupportedError as err:
        return (
            f"UnsupportedError ({str(err).split(' with ')[0].split('factor of ')[-1]})"
        )
    return "no error raised (expected UnsupportedError)"


def _numeric(built, value):
    game, types, kappa = built
    sol = numeric_cutoffs(game, types, {kappa: value})
    return f"{len(sol)} equilibria at kappa = {value}"


def bne_configs(quick):
    out = []
    type_counts = (2, 3) if quick else (2, 3, 4)
    action_counts = (2,) if quick else (2, 3)
    for symbolic, family in ((False, "BNE 2p numeric"), (True, "BNE 2p symbolic")):
        for m in action_counts:
            for k in type_counts:
                out.append(
                    Config(
                        family,
                        f"{k} types x {m} actions",
                        (k, m),
                        functools.partial(two_player_game, k, m, symbolic),
                        _solve_bne,
                        f"{m ** (2 * k)} profiles",
                    )
                )
    for symbolic in (False, True):
        for m in action_counts:
            if symbolic and m > 2:
                continue
            out.append(
                Config(
                    "BNE 3p",
                    f"2 types x {m} actions{' (g)' if symbolic else ''}",
                    (m, int(symbolic)),
                    functools.partial(three_player_game, m, symbolic),
                    _solve_bne,
                    f"{m**6} profiles",
                )
            )
    return out


def cutoff_configs(quick):
    sym = functools.partial(security_dilemma, False)
    out = [
        Config(
            "cutoffs",
            "symmetric SDG, U[0, b]",
            (0,),
            sym,
            _solve_cutoffs,
            "quadratic",
        ),
        Config(
            "cutoffs",
            "asymmetric kappa_1, kappa_2",
            (1,),
            kappa_system,
            _solve_cutoffs,
            "resultant, quadratic",
        ),
        Config(
            "cutoffs",
            "F = x**2 on [0, 1]",
            (2,),
            functools.partial(power_cdf, 2),
            _solve_cutoffs,
            "quadratic factor",
        ),
    ]
    if not quick:
        out += [
            Config(
                "cutoffs",
                "asymmetric SDG c_1, c_2, w",
                (1,),
                functools.partial(security_dilemma, True),
                _solve_cutoffs,
                "resultant, quadratic",
            ),
            Config(
                "cutoffs",
                "F = x**3 on [0, 1]",
                (3,),
                functools.partial(power_cdf, 3),
                _solve_cutoffs,
                "cubic factor",
            ),
            Config(
                "cutoffs",
                "F = x**4 on [0, 1]",
                (4,),
                functools.partial(power_cdf, 4),
                _solve_cutoffs,
                "quartic factor",
            ),
        ]
    out += [
        Config(
            "cutoffs",
            "F = x**5: closed form refused",
            (5,),
            functools.partial(power_cdf, 5),
            _raise_unsupported,
            "degree 5",
        ),
        Config(
            "cutoffs",
            "F = x**5: numeric_cutoffs",
            (5,),
            functools.partial(power_cdf, 5),
            functools.partial(_numeric, value=sympy.Rational(1, 100)),
            "real-root isolation",
        ),
    ]
    return out


# -- running -----------------------------------------------------------------------


def _child(config, repeats, queue):
    try:
        built = config.prepare()
        queue.put(("built",))
        for _ in range(repeats):
            clear_caches()
            start = time.perf_counter()
            outcome = config.run(built)
            seconds = time.perf_counter() - start
            queue.put(("run", seconds, outcome))
            if seconds >= REPEAT_BELOW:
                break
    except Exception as err:  # report, do not hide: the row says what failed
        queue.put(("error", f"{type(err).__name__}: {err}"[:120]))


def measure(config, limit, repeats=3):
    """(best seconds, runs, outcome), or (None, 0, why) if stopped or failed."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(config, repeats, queue))
    proc.start()
    times, outcome = [], ""
    try:
        msg = queue.get(timeout=max(limit, 120))
        if msg[0] == "error":
            return None, 0, msg[1]
        while len(times) < repeats:
            msg = queue.get(timeout=limit)
            if msg[0] == "error":
                return None, 0, msg[1]
            times.append(msg[1])
            outcome = msg[2]
            if msg[1] >= REPEAT_BELOW:
                break
    except queue_mod.Empty:
        if not times:
            return None, 0, f"stopped: over {limit:g} s"
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join()
    return min(times), len(times), outcome


def run_one(index, quick, repeats=3):
    """Child of --compare: time configuration ``index`` here, print JSON."""
    warm_up()
    config = bne_configs(quick)[index]
    built = config.prepare()
    times, outcome = [], ""
    for _ in range(repeats):
        clear_caches()
        start = time.perf_counter()
        outcome = config.run(built)
        times.append(time.perf_counter() - start)
        print(json.dumps([min(times), len(times), outcome]), flush=True)
        if times[-1] >= REPEAT_BELOW:
            break


def measure_old(tree, index, quick, limit):
    """(best seconds, runs, outcome) of configuration ``index`` in another tree."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    cmd = [sys.executable, __file__, "--run-one", str(index)]
    cmd += ["--quick"] if quick else []
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
    last, start = None, time.perf_counter()
    try:
        # the first run may take the whole limit (imports and warm-up apart)
        proc.wait(timeout=limit * 3 + 60)
    except subprocess.TimeoutExpired:
        proc.kill()
    out = proc.communicate()[0]
    for line in out.splitlines():
        last = json.loads(line)
    if last is None or (last[0] > limit and last[1] == 1):
        took = time.perf_counter() - start
        return None, 0, f"stopped: over {limit:g} s ({took:.0f} s in all)"
    return last[0], last[1], last[2]


def warm_up():
    """Imports, z3 and SymPy internals loaded once before forking."""
    t = probability("t")
    bayes_nash(trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], t))
    game, types, kappa = power_cdf(2)
    numeric_cutoffs(game, types, {kappa: sympy.Rational(1, 10)})


def sweep(configs, limit, compare=None, quick=False):
    rows = []
    base, stopped = {}, {}
    for cfg in configs:
        blocked = any(
            len(s) == len(cfg.size)
            and all(a >= b for a, b in zip(cfg.size, s, strict=True))
            for s in stopped.get(cfg.family, ())
        )
        if blocked and cfg.family != "cutoffs":
            rows.append((cfg, None, 0, "skipped: a smaller one was stopped", None))
            print(f"  {cfg.family}: {cfg.label}: skipped", flush=True)
            continue
        seconds, runs, outcome = measure(cfg, limit)
        old = None
        if compare is not None and cfg.family.startswith("BNE"):
            index = next(
                k
                for k, c in enumerate(bne_configs(quick))
                if (c.family, c.label) == (cfg.family, cfg.label)
            )
            old = measure_old(compare, index, quick, limit)
            shown_old = "-" if old[0] is None else f"{old[0]:.3f} s"
            print(f"  {cfg.family}: {cfg.label}: old tree {shown_old} ({old[2]})")
        if seconds is None and outcome.startswith("stopped"):
            stopped.setdefault(cfg.family, []).append(cfg.size)
        if cfg.family not in base:
            base[cfg.family] = seconds
        rows.append((cfg, seconds, runs, outcome, old))
        shown = "-" if seconds is None else f"{seconds:.3f} s"
        print(f"  {cfg.family}: {cfg.label}: {shown} ({outcome})", flush=True)
    return rows, base


def print_table(rows, base, compare=False):
    extra = f" {'old s':>9} {'old/new':>8}" if compare else ""
    head = (
        f"{'family':<16} {'configuration':<30} {'size':<22} {'seconds':>9} "
        f"{'runs':>4} {'ratio':>7}{extra}  outcome"
    )
    print(head)
    print("-" * len(head))
    for cfg, seconds, runs, outcome, old in rows:
        b = base.get(cfg.family)
        if seconds is None:
            sec, ratio = "-", "-"
        else:
            sec = f"{seconds:.3f}"
            ratio = "-" if not b else f"{seconds / b:.1f}"
        more = ""
        if compare:
            old_s = "-" if old is None or old[0] is None else f"{old[0]:.3f}"
            if old is not None and old[0] is None and seconds is not None:
                speed = f">{old[2].split('over ')[-1].split(' s')[0]}/{seconds:.1f}"
            elif old is None or old[0] is None or not seconds:
                speed = "-"
            else:
                speed = f"{old[0] / seconds:.1f}x"
            if old is not None and old[0] is not None and old[2] != outcome:
                outcome = f"{outcome} (old: {old[2]})"
            more = f" {old_s:>9} {speed:>8}"
        print(
            f"{cfg.family:<16} {cfg.label:<30} {cfg.detail:<22} {sec:>9} "
            f"{runs:>4} {ratio:>7}{more}  {outcome}"
        )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sweep")
    ap.add_argument("--limit", type=float, default=60.0, help="seconds per config")
    ap.add_argument("--only", choices=("bne", "cutoffs"), default=None)
    ap.add_argument(
        "--compare",
        default=None,
        help="another symtrust checkout: also time each bayes_nash row there",
    )
    ap.add_argument("--run-one", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.run_one is not None:
        run_one(args.run_one, args.quick)
        return
    warm_up()
    names = ", ".join(sorted(cached_functions()))
    print(f"Caches cleared before every run: SymPy's cache and the lru caches {names}.")
    print(
        f"Best of 3 runs below {REPEAT_BELOW:g} s, else one run; stopped after "
        f"{args.limit:g} s; ratio = seconds / the family's first row (same run)."
    )
    configs = []
    if args.only in (None, "bne"):
        configs += bne_configs(args.quick)
    if args.only in (None, "cutoffs"):
        configs += cutoff_configs(args.quick)
    import symtrust

    print(f"This tree: {symtrust.__file__}; old tree (--compare): {args.compare}")
    rows, base = sweep(configs, args.limit, args.compare, args.quick)
    print()
    print_table(rows, base, compare=bool(args.compare))


if __name__ == "__main__":
    main()
