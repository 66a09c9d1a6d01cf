"""Tests of symtrust.check: the twin registry, verdicts, shrunk counterexamples."""

import dataclasses

import pytest
import sympy
from hypothesis import assume

from symtrust import bimatrix, check, interval, pure_nash, real
from symtrust.catalog import chicken, prisoners_dilemma, stag_hunt
from symtrust.core.twins import registered_twins, skip, twin, twin_key
from symtrust.errors import ModelError, VerificationError
from symtrust.logic.assumptions import build_assumptions
from symtrust.results import CheckReport, Result

x = interval("x", 0, 10)


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Half(Result):
    """Claims that ``value`` equals half of x (test-only result type)."""


@twin("_Half")
def _half_twin(result, point):
    got, want = result.value.xreplace(point), point[x] / 2
    if got != want:
        raise VerificationError(f"value {got} != x/2 = {want}")


@dataclasses.dataclass(frozen=True, kw_only=True)
class _AtMostThree(Result):
    """Claims x <= 3 everywhere (wrong: fails from x = 3 on, strictly above)."""


@twin("_AtMostThree")
def _at_most_three_twin(result, point):
    if point[x] > 3:
        raise VerificationError(f"x = {point[x]} exceeds 3")


def _half(value, stated=()):
    return _Half(value=value, assumptions=build_assumptions(stated, symbols=[x]))


def test_passing_check_counts_its_points():
    rep = check(_half(x / 2), max_examples=20)
    assert rep.passed is True and rep.examples == 20
    assert rep.counterexample is None
    assert str(rep) == "check of _Half: passed on 20 exact points"


def test_failing_check_reports_an_admissible_counterexample():
    rep = check(_half(x**2 / 2))
    assert rep.passed is False
    point = rep.counterexample
    assert build_assumptions(symbols=[x]).holds_at(point)
    # the twin really fails there: x**2/2 == x/2 only at 0 and 1
    assert point[x] not in (0, 1)
    assert "!= x/2" in rep.message
    assert str(rep).startswith("check of _Half: FAILED at {x = ")


def test_counterexample_is_shrunk_to_the_boundary():
    rep = check(_AtMostThree(assumptions=build_assumptions(symbols=[x])))
    assert rep.passed is False
    # the smallest failing point above 3 has denominator 1 after shrinking
    assert rep.counterexample == {x: 4}
    assert rep.message == "x = 4 exceeds 3"


def test_same_seed_same_report():
    a = check(_half(x**2 / 2), seed=7)
    b = check(_half(x**2 / 2), seed=7)
    assert a.counterexample == b.counterexample and a.message == b.message


def test_no_twin_is_none_never_true():
    rep = check(stag_hunt())
    assert rep.passed is None and rep.examples == 0
    assert "no numeric twin registered for 'NormalFormGame'" in rep.message
    assert str(rep).startswith("check of NormalFormGame: not checked")


def test_no_admissible_point_is_none():
    # satisfiable (x = sqrt 2) but no rational point: nothing can be checked
    rep = check(_half(x / 2, [sympy.Eq(x**2, 2)]), max_examples=10)
    assert rep.passed is None and rep.examples == 0
    assert "no admissible point" in rep.message


def test_bad_arguments():
    with pytest.raises(ModelError, match="max_examples=0 must be an int >= 1"):
        check(_half(x / 2), max_examples=0)
    with pytest.raises(ModelError, match="twin key must be a nonempty string"):
        twin("")


def test_registry_and_keys():
    assert {"pure_nash", "_Half"} <= set(registered_twins())
    sol = pure_nash(chicken())
    assert twin_key(sol) == "pure_nash" and twin_key(sol[0]) == "PureEquilibrium"
    assert isinstance(check(sol, max_examples=3), CheckReport)


@pytest.mark.parametrize("game", [prisoners_dilemma(), stag_hunt(), chicken()])
def test_pure_nash_of_classic_games_passes(game):
    rep = check(pure_nash(game), max_examples=30)
    assert rep.passed is True and rep.examples == 30


def test_tampered_pure_nash_solution_fails():
    R, S, T, P = real("R S T P")
    sol = pure_nash(bimatrix([[R, S], [T, P]], [[R, T], [S, P]]))
    # drop (D, D) from the solution: wherever P >= S it is an equilibrium
    bad = dataclasses.replace(
        sol, results=tuple(e for e in sol if e.profile != ("D", "D"))
    )
    rep = check(bad)
    assert rep.passed is False
    assert rep.counterexample[P] >= rep.counterexample[S]
    assert "missed [('D', 'D')]" in rep.message


def test_wrong_payoffs_are_caught():
    sol = pure_nash(prisoners_dilemma())
    eq = sol[0]
    R = real("R")
    bad = dataclasses.replace(sol, results=(dataclasses.replace(eq, payoffs=(R, R)),))
    rep = check(bad)
    assert rep.passed is False and "reported for ('D', 'D') differ" in rep.message


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Inverse(Result):
    """Claims value == 1/x; the twin skips x = 0, where it does not apply."""


@twin("_Inverse")
def _inverse_twin(result, point):
    if point[x] == 0:
        skip("1/x is undefined at x = 0")
    if result.value.xreplace(point) != 1 / point[x]:
        raise VerificationError("not the inverse")


@dataclasses.dataclass(frozen=True, kw_only=True)
class _NeverApplies(Result):
    """A twin that skips every point."""


@twin("_NeverApplies")
def _never_twin(result, point):
    assume(False)  # plain Hypothesis rejection works too


def test_twins_may_skip_points():
    rep = check(_Inverse(value=1 / x, assumptions=build_assumptions(symbols=[x])))
    assert rep.passed is True and 0 < rep.examples <= 50
    never = check(_NeverApplies(assumptions=build_assumptions(symbols=[x])))
    assert never.passed is None and never.examples == 0


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Unreadable(Result):
    """A twin that cannot read the value exactly past x = 5."""


@twin("_Unreadable")
def _unreadable_twin(result, point):
    if point[x] > 5:
        raise ModelError(f"value at x = {point[x]} is not exact")


def test_twin_errors_are_failures_not_crashes():
    rep = check(_Unreadable(assumptions=build_assumptions(symbols=[x])))
    assert rep.passed is False and rep.counterexample == {x: 6}
    assert rep.message == "the twin raised ModelError: value at x = 6 is not exact"
