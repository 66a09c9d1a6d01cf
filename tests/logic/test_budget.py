"""The time budget: one option, validated, shared by every decision of a call."""

import importlib
import math
import time

import pytest
import sympy
import z3

from symtrust import Budget, decide, positive, prove, real, satisfiable
from symtrust.cli import main
from symtrust.errors import BudgetError, ClaimError, SymtrustError
from symtrust.logic.budget import (
    DEFAULT_DECISION_SECONDS,
    DEFAULT_DECISION_STEPS,
    WALL_SLACK,
    cached_by_budget,
)

# the package exports the function `decide`, which hides the module's name
decide_module = importlib.import_module("symtrust.logic.decide")

x, y = real("x y")
c, w = positive("c w")
BAD = (-1, 0, -0.5, math.nan, math.inf, -math.inf, "10", True, None.__class__)


@pytest.mark.parametrize("value", BAD)
def test_bad_budgets_are_clear_errors_naming_the_value(value):
    with pytest.raises(BudgetError, match="positive, finite") as info:
        Budget.of(value)
    assert repr(value) in str(info.value)
    assert isinstance(info.value, SymtrustError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("value", [-1, math.nan, math.inf, 0])
def test_decide_and_satisfiable_refuse_bad_budgets(value):
    # before: timeout=-1 or nan silently returned True
    with pytest.raises(BudgetError, match=r"budget="):
        decide(x**2 >= 0, budget=value)
    with pytest.raises(BudgetError, match=r"budget="):
        satisfiable(x > 0, budget=value)


def test_prove_reports_a_bad_budget_as_a_claim_error():
    with pytest.raises(ClaimError, match="budget=nan"):
        prove(x**2 >= 0, budget=math.nan)


def test_the_three_forms():
    default = Budget.of(None)
    assert default.total is None and math.isinf(default.remaining)
    assert default.per_decision == DEFAULT_DECISION_SECONDS
    assert default.steps == DEFAULT_DECISION_STEPS
    assert default.cache_key == (DEFAULT_DECISION_SECONDS, DEFAULT_DECISION_STEPS)
    total = Budget.of(3)
    assert total.total == 3.0 and 0 < total.remaining <= 3
    assert total.cache_key is None  # a clock: nothing is cached under it
    explicit = Budget(total=60, per_decision=1)
    assert Budget.of(explicit) is explicit
    seconds, steps = explicit.decision_limits()
    assert seconds == pytest.approx(1 * WALL_SLACK)
    assert steps == DEFAULT_DECISION_STEPS // 5


def test_decisions_get_at_most_the_time_remaining():
    b = Budget(total=0.5, per_decision=100)
    seconds, _ = b.decision_limits()
    assert seconds <= 0.5


def test_a_spent_budget_answers_undecided_at_once_and_says_so():
    b = Budget(total=0.01)
    time.sleep(0.02)
    assert b.expired and not b.incomplete
    start = time.perf_counter()
    v = decide(x**2 + y**2 >= 2 * x * y, budget=b)
    assert time.perf_counter() - start < 0.5
    assert v.truth is None and "budget" in v.reason
    assert b.incomplete
    assert satisfiable(x > 0, budget=b).truth is None


def test_derived_budgets_share_the_clock_and_the_flag():
    outer = Budget(total=60)
    capped = outer.capped(1.0)
    assert capped.per_decision == 1.0 and capped.total == 60.0
    assert capped.steps == outer.steps // 5
    inner = outer.within(0.01)
    assert inner.remaining <= 0.01
    time.sleep(0.02)
    assert inner.expired and not outer.expired
    assert decide(x > 0, budget=inner).truth is None
    assert inner.incomplete and outer.incomplete


def test_the_step_limit_makes_undecided_verdicts_deterministic():
    # a nonlinear sentence z3 cannot settle in 200 steps: undecided by the
    # resource limit (not the clock), the same way every time
    hard = sympy.Implies(
        sympy.And(x * y > 1, x**3 * y - 7 * x * y**2 + 3 * x**2 > 11),
        x**2 * y + y**2 * x > 3 + c * w,
    )
    tiny = Budget(per_decision=5, steps=200)
    verdicts = {decide(hard, budget=tiny).reason for _ in range(3)}
    assert len(verdicts) == 1
    (reason,) = verdicts
    assert "resource limit" in reason
    assert not tiny.incomplete  # z3 stopped it, not the total


def test_one_z3_context_serves_every_decision(monkeypatch):
    made = []

    class Counting(z3.Context):
        def __init__(self, *args, **kwargs):
            made.append(1)
            super().__init__(*args, **kwargs)

    decide(x > y - 1, [x > y])  # warm: the thread's context exists
    monkeypatch.setattr(decide_module.z3, "Context", Counting)
    for k in range(1, 30):
        assert decide(x + k > y, [x > y]).truth is True
        assert satisfiable(x * k > y, [x > y]).truth is True
    assert made == []
    assert decide_module._context() is decide_module._context()


def test_cached_by_budget_keys_on_the_limits_only():
    calls = []

    @cached_by_budget()
    def square(n, budget):
        calls.append(n)
        return n * n

    assert square(3, Budget()) == square(3, Budget()) == 9
    assert len(calls) == 1
    square(3, Budget(per_decision=1))  # other limits: computed again
    square(3, Budget(total=100))  # a clock: never cached
    square(3, Budget(total=100))
    assert len(calls) == 4


@pytest.mark.parametrize("value", ["nan", "-1", "inf", "0", "soon"])
def test_cli_budget_is_validated(tmp_path, capsys, value):
    with pytest.raises(SystemExit) as info:
        main(["derive", str(tmp_path), "--budget", value])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--budget" in err and repr(value) in err
    assert "positive, finite number of seconds" in err
    assert "Traceback" not in err


def test_cli_has_no_timeout_option(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["derive", str(tmp_path), "--timeout", "5"])
    assert "--timeout" in capsys.readouterr().err
