"""Tests of symtrust.check: the twin registry, verdicts, shrunk counterexamples."""

import dataclasses

import pytest
import sympy
from hypothesis import assume

from symtrust import (
    bimatrix,
    check,
    interval,
    mixed_nash,
    pbe,
    probability,
    pure_nash,
    real,
    signaling_game,
)
from symtrust.catalog import chicken, prisoners_dilemma, stag_hunt
from symtrust.core.twins import registered_twins, skip, subject_name, twin, twin_for
from symtrust.errors import ModelError, VerificationError
from symtrust.logic.assumptions import build_assumptions
from symtrust.results import CheckReport, Result, Solution

x = interval("x", 0, 10)


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Half(Result):
    """Claims that ``value`` equals half of x (test-only result type)."""


@twin(_Half)
def _half_twin(result, point):
    got, want = result.value.xreplace(point), point[x] / 2
    if got != want:
        raise VerificationError(f"value {got} != x/2 = {want}")


@dataclasses.dataclass(frozen=True, kw_only=True)
class _AtMostThree(Result):
    """Claims x <= 3 everywhere (wrong: fails from x = 3 on, strictly above)."""


@twin(_AtMostThree)
def _at_most_three_twin(result, point):
    if point[x] > 3:
        raise VerificationError(f"x = {point[x]} exceeds 3")


def _half(value, stated=()):
    return _Half(value=value, assumptions=build_assumptions(stated, symbols=[x]))


def _over_x(cls):
    return cls(assumptions=build_assumptions(symbols=[x]))


def test_passing_check_counts_its_points():
    rep = check(_half(x / 2), max_examples=20)
    assert rep.passed is True and rep.examples == 20 and rep.ok
    assert rep.counterexample is None
    assert str(rep) == "check of _Half: passed on 20 exact points"


def test_failing_check_reports_an_admissible_counterexample():
    rep = check(_half(x**2 / 2))
    assert rep.passed is False and not rep.ok
    point = rep.counterexample
    assert build_assumptions(symbols=[x]).holds_at(point)
    # the twin really fails there: x**2/2 == x/2 only at 0 and 1
    assert point[x] not in (0, 1)
    assert "!= x/2" in rep.message and rep.error == "VerificationError"
    assert str(rep).startswith("check of _Half: FAILED at {x = ")


def test_counterexample_is_shrunk_to_the_boundary():
    rep = check(_over_x(_AtMostThree))
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
    assert rep.passed is None and rep.examples == 0 and not rep.ok
    assert "no numeric twin is registered for NormalFormGame" in rep.message
    assert str(rep).startswith("check of NormalFormGame: not checked")


def test_no_admissible_point_is_none():
    # satisfiable (x = sqrt 2) but no rational point: nothing can be checked
    rep = check(_half(x / 2, [sympy.Eq(x**2, 2)]), max_examples=10)
    assert rep.passed is None and rep.examples == 0
    assert "no admissible point" in rep.message


def test_bad_arguments():
    with pytest.raises(ModelError, match="max_examples=0 must be an int >= 1"):
        check(_half(x / 2), max_examples=0)
    with pytest.raises(ModelError, match="result class or a solver function"):
        twin("_Half")
    with pytest.raises(ModelError, match="not the base Result"):
        twin(Result)
    with pytest.raises(ModelError, match="not the base Solution"):
        twin(Solution)


def test_registry_is_by_object_not_by_name():
    sol = pure_nash(chicken())
    assert pure_nash in registered_twins() and _Half in registered_twins()
    assert subject_name(sol) == "pure_nash"
    assert subject_name(sol[0]) == "PureEquilibrium"
    assert sol.solver is pure_nash and twin_for(sol) is not None
    assert isinstance(check(sol, max_examples=3), CheckReport)


def test_renaming_a_class_or_a_solver_keeps_its_twin():
    @dataclasses.dataclass(frozen=True, kw_only=True)
    class Renamed(Result):
        pass

    @twin(Renamed)
    def renamed_twin(result, point):
        if point[x] > 5:
            raise VerificationError("too big")

    def solver(value):
        return Solution(method="solver", solver=solver, game=None, results=(value,))

    @twin(solver)
    def solver_twin(solution, point):
        renamed_twin(solution.results[0], point)

    Renamed.__name__ = Renamed.__qualname__ = "SomethingElse"
    solver.__name__ = solver.__qualname__ = "another_name"
    assert twin_for(_over_x(Renamed)) is renamed_twin
    assert check(_over_x(Renamed)).passed is False
    sol = solver(_over_x(Renamed))
    assert twin_for(sol) is solver_twin
    assert check(sol).passed is False
    # a subclass is checked by its parent's twin, never silently skipped
    sub = dataclasses.make_dataclass("Sub", [], bases=(Renamed,), frozen=True)
    assert twin_for(sub(assumptions=build_assumptions(symbols=[x]))) is renamed_twin


def test_a_solution_without_its_solver_is_not_checked():
    sol = pure_nash(stag_hunt())
    bare = Solution(method="pure_nash", game=sol.game, results=sol.results)
    rep = check(bare)
    assert rep.passed is None and "no numeric twin" in rep.message


@pytest.mark.parametrize("game", [prisoners_dilemma(), stag_hunt(), chicken()])
def test_pure_nash_of_classic_games_passes(game):
    rep = check(pure_nash(game), max_examples=30)
    assert rep.passed is True and rep.examples == 30


def test_single_results_are_checked_on_their_own():
    sol = pure_nash(stag_hunt())
    for eq in sol:
        assert eq.game is sol.game
        rep = check(eq, max_examples=10)
        assert rep.passed is True and rep.subject == "PureEquilibrium", rep
    mixed = mixed_nash(chicken())
    assert all(check(eq, max_examples=10).passed is True for eq in mixed)
    # a single result that lies is caught on its own too
    R = real("R")
    bad = dataclasses.replace(sol[0], payoffs=(R + 1, R))
    assert check(bad, max_examples=10).passed is False


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


@twin(_Inverse)
def _inverse_twin(result, point):
    if point[x] == 0:
        skip("1/x is undefined at x = 0")
    if result.value.xreplace(point) != 1 / point[x]:
        raise VerificationError("not the inverse")


@dataclasses.dataclass(frozen=True, kw_only=True)
class _NeverApplies(Result):
    """A twin that skips every point."""


@twin(_NeverApplies)
def _never_twin(result, point):
    assume(False)  # plain Hypothesis rejection works too


def test_twins_may_skip_points():
    rep = check(_Inverse(value=1 / x, assumptions=build_assumptions(symbols=[x])))
    assert rep.passed is True and 0 < rep.examples <= 50
    never = check(_over_x(_NeverApplies))
    assert never.passed is None and never.examples == 0
    assert never.skipped > 0 and "applies at none of the" in never.message


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Unreadable(Result):
    """A twin that cannot read the value exactly past x = 5."""


@twin(_Unreadable)
def _unreadable_twin(result, point):
    if point[x] > 5:
        raise ModelError(f"value at x = {point[x]} is not exact")


def test_twin_errors_are_failures_not_crashes():
    rep = check(_over_x(_Unreadable))
    assert rep.passed is False and rep.counterexample == {x: 6}
    assert rep.message == "the twin raised ModelError: value at x = 6 is not exact"


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Crashes(Result):
    """A twin with a bug of its own: raw exceptions below x = 2."""


@twin(_Crashes)
def _crashing_twin(result, point):
    if point[x] < 2:
        raise ZeroDivisionError("Fraction(0, 0)")
    if point[x] > 8:
        raise RecursionError("maximum recursion depth exceeded")


def test_raw_exceptions_are_shrunk_and_reported_never_let_out():
    rep = check(_over_x(_Crashes))
    assert rep.passed is False
    assert rep.error in ("ZeroDivisionError", "RecursionError")
    assert rep.counterexample in ({x: 0}, {x: 9})
    assert rep.message.startswith(f"the twin raised {rep.error}: ")
    assert "FAILED at {x = " in str(rep)


def test_report_is_its_own_value_with_the_printing_protocol():
    rep = check(_half(x / 2), max_examples=3)
    assert not isinstance(rep, Result)
    with pytest.raises(dataclasses.FrozenInstanceError):
        rep.passed = False
    assert sympy.sstr(rep) == str(rep) == "check of _Half: passed on 3 exact points"
    assert sympy.latex(rep) == r"\text{check of \_Half: passed on 3 exact points}"
    assert not hasattr(rep, "value") and not hasattr(rep, "condition")


def _user_signaling_game():
    """The README's shape: a user's own game with a probability("p") prior."""
    p = probability("p")
    u = {
        (t, m, a): (
            int(a == "trust") - (sympy.Rational(1, 2) if (t, m) == ("bad", "y") else 0),
            int((a == "trust") == (t == "good")),
        )
        for t in ("good", "bad")
        for m in ("x", "y")
        for a in ("trust", "not")
    }
    game = signaling_game(
        ("good", "bad"),
        ("x", "y"),
        ("trust", "not"),
        u,
        prior={"good": p, "bad": 1 - p},
    )
    return game, p


def test_degenerate_priors_leave_beliefs_free():
    # at p = 0 or 1 a message may be sent only by a type of prior 0: the
    # information set is reached with probability 0 and every belief is
    # consistent there (this raised ZeroDivisionError: Fraction(0, 0))
    game, p = _user_signaling_game()
    sol = pbe(game)
    twin_fn = twin_for(sol)
    for value in (0, 1, sympy.Rational(1, 2)):
        twin_fn(sol, {p: sympy.Integer(value) if value in (0, 1) else value})
    rep = check(sol, max_examples=30)
    assert rep.passed is True and rep.examples == 30
    for eq in sol:
        assert check(eq, max_examples=10).passed is True


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Flaky(Result):
    """A twin that fails once, then passes at the same point (Hypothesis: Flaky)."""


_FLAKY_CALLS: list = []


@twin(_Flaky)
def _flaky_twin(result, point):
    if point[x] > 3 and not _FLAKY_CALLS:
        _FLAKY_CALLS.append(point)
        raise ZeroDivisionError("once only")


def test_a_flaky_twin_is_a_failure_not_unchecked():
    _FLAKY_CALLS.clear()
    rep = check(_over_x(_Flaky))
    assert rep.passed is False, rep
    assert rep.error == "ZeroDivisionError"
    assert rep.counterexample == _FLAKY_CALLS[0]
