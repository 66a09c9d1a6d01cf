"""Bad input: every public constructor refuses it with a clear symtrust error.

One test per class of input (strings, floats, nan, infinities, complex values,
numpy values, wrong shapes, priors off [0, 1] or not summing to one,
contradictory assumptions, name clashes, out-of-domain substitutions, names
LaTeX cannot set, bad CLI options), each across the constructors that take
such input. Every test asserts the exception class and that the message names
the offending value and the rule it breaks (issue 9, items 3, 4, 5, 8, 9).
"""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np
import pytest
import sympy
from sympy import I, Rational, nan, oo, zoo

from symtrust import (
    Claim,
    bayesian_game,
    bimatrix,
    check,
    document,
    interval,
    latex,
    nonnegative,
    normal_form_game,
    parameter,
    positive,
    posterior,
    probability,
    pure_nash,
    real,
    signaling_game,
    symmetric_game,
    trust_game,
    uniform,
)
from symtrust.catalog import job_market, prisoners_dilemma
from symtrust.cli import main
from symtrust.errors import AssumptionError, ModelError
from symtrust.games.bayesian import type_game
from symtrust.kydd import (
    actor,
    arming_game,
    costly_signal,
    hegemony_game,
    multilateral_game,
)

HALF = Rational(1, 2)
c, w = positive("c w")
x = nonnegative("x")
PD_OWN, AS_OWN = [[3, 1], [4, 2]], [[4, 1], [3, 2]]
SIGNAL_TYPES, MESSAGES, ACTIONS = ("hi", "lo"), ("x", "y"), ("u", "v")
ZERO_SIGNAL = {
    (t, m, a): (0, 0) for t in SIGNAL_TYPES for m in MESSAGES for a in ACTIONS
}


def one_player_bayesian(prior):
    """A one-player Bayesian game with types u, v and the given prior."""
    return bayesian_game(
        ["a"],
        [["x"]],
        [["u", "v"]],
        prior,
        {(("x",), ("u",)): (0,), (("x",), ("v",)): (0,)},
    )


def members(value, what):
    """Call each public constructor with ``value`` in one numeric argument."""
    return {
        "bimatrix payoff": lambda: bimatrix([[value, 0], [0, 0]], [[0, 0], [0, 0]]),
        "normal_form_game payoff": lambda: normal_form_game(
            ["a", "b"], [["x"], ["y"]], {("x", "y"): (value, 0)}
        ),
        "bayesian_game prior": lambda: one_player_bayesian([{"u": value, "v": HALF}]),
        "trust_game trust": lambda: trust_game(AS_OWN, PD_OWN, value),
        "type_game payoff": lambda: type_game(
            {"h": [[value, 0], [0, 0]]}, [{"h": 1}, {"h": 1}]
        ),
        "signaling_game prior": lambda: signaling_game(
            SIGNAL_TYPES, MESSAGES, ACTIONS, ZERO_SIGNAL, prior=[value, HALF]
        ),
        "symmetric_game n": lambda: symmetric_game(value, 1, 0),
        "uniform bound": lambda: uniform(0, value),
        "parameter bound": lambda: parameter("k", lower=value),
        "actor power": lambda: actor("a", power=value, trust=1, temptation=0, cost=2),
        "multilateral_game w": lambda: multilateral_game(
            [
                actor("a", power=HALF, trust=1, temptation=0, cost=2),
                actor("b", power=HALF, trust=1, temptation=0, cost=2),
            ],
            w=value,
            greedy_temptation=2,
        ),
        "hegemony_game n": lambda: hegemony_game(value),
        "arming_game prior": lambda: arming_game(
            prior=value,
            cost_bound=1,
            arms_gain=1,
            t_secure=0,
            t_greedy=2,
            c=3,
            w=1,
        ),
        "costly_signal c": lambda: costly_signal(
            prior=HALF,
            t_trustworthy=0,
            t_untrustworthy=2,
            c=value,
            w=w,
            costs=(x, 2 * x),
            gesture=x,
        ),
    }


# what each constructor calls the number, in its message
WHAT = {
    "bimatrix payoff": r"payoff at \('C', 'C'\)",
    "normal_form_game payoff": r"payoff at \('x', 'y'\)",
    "bayesian_game prior": r"prior of 'u' for player 'a'",
    "trust_game trust": r"trust in 'row' \(the prior that it is trustworthy\)",
    "type_game payoff": r"payoff at table of 'row', type 'h'\[C, C\]",
    "signaling_game prior": r"prior of type 'hi'",
    "symmetric_game n": r"number of players n",
    "uniform bound": r"upper bound of the uniform distribution",
    "parameter bound": r"lower bound of parameter 'k'",
    "actor power": r"power share of 'a'",
    "multilateral_game w": r"cost of mutual defection w",
    "hegemony_game n": r"number of states n",
    "arming_game prior": r"prior pi \(the probability of a security seeker\)",
    "costly_signal c": r"c \(the cost of being exploited\)",
}
CONSTRUCTORS = sorted(WHAT)


def call(name, value):
    return members(value, name)[name]()


# -- strings: never parsed ---------------------------------------------------------


@pytest.mark.parametrize("name", CONSTRUCTORS)
def test_strings_are_never_parsed(name):
    with pytest.raises(
        ModelError, match=WHAT[name] + r" is the string '1/2': strings are not parsed"
    ):
        call(name, "1/2")


def test_strings_as_assumptions_keys_and_parameter_names():
    with pytest.raises(AssumptionError, match=r"assumption 'c > w' is a string"):
        bimatrix([[c, 0], [0, 0]], [[w, 0], [0, 0]], assumptions=["c > w"])
    g = bimatrix([[c, 0], [0, 0]], [[w, 0], [0, 0]])
    with pytest.raises(
        ModelError,
        match=r"point key 'c' is a string: keys are parameters, never names",
    ):
        g.subs({"c": 1})
    with pytest.raises(ModelError, match=r"parameter names must be a string, got 3"):
        positive(3)
    with pytest.raises(ModelError, match=r"parameter name 'a-b' is not an identifier"):
        positive("a-b")
    with pytest.raises(ModelError, match=r"parameter names 'a a' repeat a name"):
        positive("a a")


# -- floats: inexact -----------------------------------------------------------------


@pytest.mark.parametrize("name", CONSTRUCTORS)
def test_floats_are_refused_with_an_exact_alternative(name):
    with pytest.raises(
        ModelError,
        match=WHAT[name]
        + r" is the float 0\.5: symtrust computes exactly; use an int, "
        r"fractions\.Fraction\('0\.5'\) or sympy\.Rational\('0\.5'\)",
    ):
        call(name, 0.5)


def test_floats_inside_expressions_and_assumptions():
    with pytest.raises(
        ModelError,
        match=r"payoff at \('C', 'C'\) is 0\.5\*c, which contains the float 0\.5",
    ):
        bimatrix([[c / 2.0, 0], [0, 0]], [[0, 0], [0, 0]])
    with pytest.raises(
        AssumptionError,
        match=r"assumption c > 0\.5 contains the float 0\.5: symtrust computes exactly",
    ):
        bimatrix([[c, 0], [0, 0]], [[0, 0], [0, 0]], assumptions=[c > 0.5])
    with pytest.raises(
        ModelError,
        match=r"cost of the trustworthy type is 0\.5\*x, which contains the float 0\.5",
    ):
        costly_signal(
            prior=HALF,
            t_trustworthy=0,
            t_untrustworthy=2,
            c=c,
            w=w,
            costs=(0.5 * x, x),
            gesture=x,
            assumptions=[c > w],
        )


# -- nan, infinities, complex values -------------------------------------------------


@pytest.mark.parametrize("value", [nan, float("nan")], ids=["sympy.nan", "float nan"])
@pytest.mark.parametrize("name", CONSTRUCTORS)
def test_nan_is_refused(name, value):
    with pytest.raises(
        ModelError,
        match=WHAT[name] + r" is nan \(not a number\): every value must be a finite "
        "real number",
    ):
        call(name, value)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(oo, "the infinity oo"), (zoo, "the infinity zoo"), (-oo, "the infinity -oo")],
)
@pytest.mark.parametrize("name", [n for n in CONSTRUCTORS if n != "parameter bound"])
def test_infinities_are_refused(name, value, shown):
    with pytest.raises(
        ModelError, match=WHAT[name] + f" is {shown}: every value must be finite"
    ):
        call(name, value)


def test_float_infinity_and_unbounded_parameters():
    with pytest.raises(
        ModelError, match=r"payoff at \('C', 'C'\) is inf, an infinity: every value"
    ):
        bimatrix([[float("inf"), 0], [0, 0]], [[0, 0], [0, 0]])
    # an infinite bound of a parameter means unbounded, as None does
    assert parameter("k", lower=0, upper=oo).domain == sympy.Interval(0, oo)


@pytest.mark.parametrize("name", CONSTRUCTORS)
def test_complex_values_are_refused(name):
    with pytest.raises(
        ModelError,
        match=WHAT[name]
        + r" is 1 \+ I, which is not real \(it contains the imaginary unit I\): "
        "values must be real",
    ):
        call(name, 1 + I)


def test_python_complex_and_complex_symbols():
    with pytest.raises(
        ModelError,
        match=r"payoff at \('C', 'C'\) is the complex number 1j: values must",
    ):
        bimatrix([[1j, 0], [0, 0]], [[0, 0], [0, 0]])
    z = sympy.Symbol("z", complex=True)
    with pytest.raises(
        ModelError,
        match=r"payoff at \('C', 'C'\) is z, which contains the symbol z, declared "
        r"complex or non-real: symtrust's parameters are real",
    ):
        bimatrix([[z, 0], [0, 0]], [[0, 0], [0, 0]])
    with pytest.raises(
        AssumptionError, match=r"assumption c < oo contains the infinity oo"
    ):
        bimatrix(
            [[c, 0], [0, 0]],
            [[0, 0], [0, 0]],
            assumptions=[sympy.Lt(c, oo, evaluate=False)],
        )
    with pytest.raises(
        ModelError, match=r"c \+ I, which is not real \(it contains the imaginary unit"
    ):
        symmetric_game(3, c + I, 0)


# -- numpy ---------------------------------------------------------------------------


def test_numpy_integers_are_exact():
    g = bimatrix(np.array([[3, 0], [5, 1]]), np.array([[3, 5], [0, 1]]))
    assert g.payoff(("D", "C")) == (5, 0)
    assert all(isinstance(u, sympy.Integer) for u in g.payoff(("D", "C")))
    assert bimatrix([[np.int64(2), 0], [0, 0]], [[0] * 2] * 2).payoff(("C", "C")) == (
        2,
        0,
    )
    tg = trust_game(np.array(AS_OWN), np.array(PD_OWN), HALF)
    assert tg.payoff(("D", "C"), ("trustworthy", "trustworthy")) == (3, 1)
    sym = symmetric_game(3, np.array([4, 1, 0]), (2, 2, 2))
    assert sym.payoff("C", 0) == 4
    # an object array of exact values is exact too
    half = np.array([[Fraction(1, 2), 0], [0, 0]], dtype=object)
    assert bimatrix(half, half).payoff(("C", "C")) == (HALF, HALF)


def test_numpy_floats_are_refused_with_a_hint():
    with pytest.raises(
        ModelError,
        match=r"row_payoffs is a numpy array of float64 numbers: symtrust computes "
        r"exactly, so floats are refused; use an integer array \(dtype=int\)",
    ):
        bimatrix(np.array([[1.0, 0], [0, 0]]), [[0, 0], [0, 0]])
    with pytest.raises(
        ModelError,
        match=r"payoff at \('C', 'C'\) is the float 0\.5: .* \(a numpy float64: build "
        r"the array with dtype=int",
    ):
        bimatrix([[np.float64(0.5), 0], [0, 0]], [[0, 0], [0, 0]])
    with pytest.raises(
        ModelError, match=r"payoff at \('C', 'C'\) is the bool np\.True_, not a number"
    ):
        bimatrix([[np.bool_(True), 0], [0, 0]], [[0, 0], [0, 0]])


# -- shapes --------------------------------------------------------------------------


def test_bimatrix_of_any_shape_numbers_its_actions():
    g = bimatrix([[1, 0, 0], [0, 1, 0]], [[0, 1, 0], [1, 0, 0]])
    assert g.actions == (("C", "D"), ("1", "2", "3"))
    g = bimatrix([[1, 0, 0]] * 3, [[0, 0, 1]] * 3)
    assert g.actions == (("1", "2", "3"), ("1", "2", "3"))
    assert len(pure_nash(g)) == 3


@pytest.mark.parametrize(
    ("row", "column", "kwargs", "message"),
    [
        (
            [[1, 2], [3]],
            [[1, 2], [3, 4]],
            {},
            r"row_payoffs must be a matrix \(a list of rows of equal length\): row 1 "
            r"has 1 entries, row 0 has 2",
        ),
        (
            [1, 2],
            [3, 4],
            {},
            r"row_payoffs must be a matrix \(a list of rows\); row 0 is 1, not a row",
        ),
        (
            np.array([1, 2]),
            np.array([3, 4]),
            {},
            r"row_payoffs must be a matrix \(2-dimensional\), got a numpy array of "
            r"shape \(2,\)",
        ),
        (
            np.zeros((2, 2, 2), dtype=int),
            np.zeros((2, 2, 2), dtype=int),
            {},
            r"row_payoffs must be a matrix \(2-dimensional\), got a numpy array of "
            r"shape \(2, 2, 2\)",
        ),
        (
            [[(1, 2), (0, 0)], [(0, 0), (1, 2)]],
            [[1, 0], [0, 1]],
            {},
            r"row_payoffs must be a matrix of payoffs: the entry in row 0, column 0 "
            r"is \(1, 2\), not one payoff",
        ),
        (
            [[1, 2], [3, 4]],
            [[1, 2, 3], [3, 4, 5]],
            {},
            r"column_payoffs is 2x3 but row_payoffs is 2x2",
        ),
        (
            [[1, 2, 3]] * 3,
            [[1, 2, 3]] * 3,
            {"row_actions": ("a", "b")},
            r"row_actions \('a', 'b'\) name 2 actions but the payoff matrices have 3 "
            r"rows \(3x3\)",
        ),
        ([], [], {}, r"row_payoffs must be a nonempty matrix \(a list of rows\), got"),
        ("ab", "cd", {}, r"row_payoffs must be a nonempty matrix .*, got 'ab'"),
    ],
)
def test_wrong_shapes_are_named(row, column, kwargs, message):
    with pytest.raises(ModelError, match=message):
        bimatrix(row, column, **kwargs)


def test_wrong_shapes_in_the_other_constructors():
    with pytest.raises(
        ModelError, match=r"payoff vector at \('x', 'y'\) has length 3; there are 2"
    ):
        normal_form_game(["a", "b"], [["x"], ["y"]], {("x", "y"): (1, 2, 3)})
    with pytest.raises(
        ModelError,
        match=r"payoff profile 'xy' is not a profile \(a tuple of one action per "
        r"player\)",
    ):
        normal_form_game(["a", "b"], [["x"], ["y"]], {"xy": (1, 2)})
    with pytest.raises(
        ModelError,
        match=r"table of 'row', type 'trustworthy' must be a 2x2 table of own payoffs "
        r".* got 2x3",
    ):
        trust_game([[4, 1, 0], [3, 2, 0]], PD_OWN, HALF)
    with pytest.raises(
        ModelError,
        match=r"payoff at \('hi', 'x', 'u'\) has 3 entries; expected the pair",
    ):
        signaling_game(
            SIGNAL_TYPES,
            MESSAGES,
            ACTIONS,
            {**ZERO_SIGNAL, ("hi", "x", "u"): (0, 0, 0)},
            prior=[HALF, HALF],
        )
    with pytest.raises(
        ModelError, match=r"prior has 3 entries; there are 2 types \('hi', 'lo'\)"
    ):
        signaling_game(
            SIGNAL_TYPES, MESSAGES, ACTIONS, ZERO_SIGNAL, prior=[HALF, HALF, 0]
        )
    with pytest.raises(
        ModelError, match=r"payoff table at C has 2 entries; n=3 needs one per count"
    ):
        symmetric_game(3, (1, 2), (0, 0, 0))
    with pytest.raises(
        ModelError,
        match=r"payoff vector at \('x',\) with types \('u',\) has length 2; there are "
        "1 players",
    ):
        bayesian_game(
            ["a"],
            [["x"]],
            [["u", "v"]],
            [{"u": HALF, "v": HALF}],
            {(("x",), ("u",)): (0, 0), (("x",), ("v",)): (0,)},
        )


# -- priors: probabilities that sum to one -------------------------------------------


def test_priors_outside_the_unit_interval():
    with pytest.raises(
        ModelError,
        match=r"prior of 'trustworthy' for player 'row' is 3/2, which is not in "
        r"\[0, 1\]",
    ):
        trust_game(AS_OWN, PD_OWN, Rational(3, 2))
    with pytest.raises(
        ModelError, match=r"prior of type 'hi' is 3/2, outside \[0, 1\]"
    ):
        signaling_game(
            SIGNAL_TYPES, MESSAGES, ACTIONS, ZERO_SIGNAL, prior=[Rational(3, 2), -HALF]
        )
    with pytest.raises(
        ModelError, match=r"prior of type 'a' is 2, which must lie in \[0, 1\]"
    ):
        symmetric_game(3, {"a": 1, "b": 0}, {"a": 0, "b": 0}, prior={"a": 2, "b": -1})
    with pytest.raises(ModelError, match=r"^trust=3/2 of 'a' must lie in \[0, 1\]$"):
        multilateral_game(
            [
                actor("a", power=HALF, trust=Rational(3, 2), temptation=0, cost=2),
                actor("b", power=HALF, trust=1, temptation=0, cost=2),
            ],
            w=1,
            greedy_temptation=2,
        )
    with pytest.raises(
        ModelError,
        match=r"a defining relation fails as given: pi < 1 \(prior=2\) \(need 0 < pi < 1",
    ):
        arming_game(
            prior=2, cost_bound=1, arms_gain=1, t_secure=0, t_greedy=2, c=3, w=1
        )
    with pytest.raises(
        ModelError,
        match=r"defining relation fails as given \(prior=1, .*need 0 < prior",
    ):
        costly_signal(
            prior=1,
            t_trustworthy=0,
            t_untrustworthy=2,
            c=c,
            w=w,
            costs=(x, 2 * x),
            gesture=x,
        )
    # a symbolic prior that can leave [0, 1]: the message gives the point
    with pytest.raises(
        ModelError,
        match=r"prior of 'u' for player 'a' is c, which is not a probability: it "
        r"leaves \[0, 1\] at c = ",
    ):
        one_player_bayesian([{"u": c, "v": 1 - c}])


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1/2", r"is the string '1/2': strings are not parsed"),
        (0.5, r"is the float 0\.5: symtrust computes exactly"),
        (nan, r"is nan \(not a number\): every value must be a finite real number"),
        (1 + I, r"is 1 \+ I, which is not real"),
        (2, r"is 2, which is not in \[0, 1\]"),
    ],
)
def test_likelihoods_in_bayes_rule(value, message):
    q = probability("q")
    with pytest.raises(ModelError, match=r"^likelihood of 'H' " + message):
        posterior({"H": q, "L": 1 - q}, {"H": value, "L": 1})


def test_priors_that_do_not_sum_to_one():
    with pytest.raises(ModelError, match=r"priors sum to 5/6, not 1"):
        signaling_game(
            SIGNAL_TYPES,
            MESSAGES,
            ACTIONS,
            ZERO_SIGNAL,
            prior=[HALF, Rational(1, 3)],
        )
    q = probability("q")
    with pytest.raises(
        ModelError,
        match=r"prior for player 'a' sums to 2\*q, not 1 \(e\.g\. at q = 0\)",
    ):
        one_player_bayesian([{"u": q, "v": q}])
    with pytest.raises(ModelError, match=r"prior must sum to one: it sums to 3/2"):
        symmetric_game(3, {"a": 1, "b": 0}, {"a": 0, "b": 0}, prior={"a": 1, "b": HALF})
    with pytest.raises(
        ModelError, match=r"power shares must sum to one: sum of size\*power is 5/6"
    ):
        multilateral_game(
            [
                actor("a", power=HALF, trust=1, temptation=0, cost=2),
                actor("b", power=Rational(1, 3), trust=1, temptation=0, cost=2),
            ],
            w=1,
            greedy_temptation=2,
        )


# -- contradictory assumptions -------------------------------------------------------


def test_contradictory_assumptions():
    with pytest.raises(
        AssumptionError, match=r"assumptions contradict each other: \[c > w, w > c\]"
    ):
        bimatrix([[c, 0], [0, 0]], [[w, 0], [0, 0]], assumptions=[c > w, w > c])
    q = probability("q")
    with pytest.raises(
        AssumptionError,
        match=r"contradict each other: \[q > 2\] \(given the domains q >= 0, q <= 1\)",
    ):
        signaling_game(
            SIGNAL_TYPES,
            MESSAGES,
            ACTIONS,
            ZERO_SIGNAL,
            prior=[q, 1 - q],
            assumptions=[q > 2],
        )
    with pytest.raises(
        AssumptionError, match=r"contradict each other: \[w > 3, w < 1, c > w\]"
    ):
        multilateral_game(
            [
                actor("a", power=HALF, trust=1, temptation=0, cost=c),
                actor("b", power=HALF, trust=1, temptation=0, cost=c),
            ],
            w=w,
            greedy_temptation=2,
            assumptions=[w > 3, w < 1, c > w],
        )
    with pytest.raises(
        ModelError, match=r"support \[2, 1\] is empty or reversed: lower=2 < upper=1"
    ):
        uniform(2, 1)
    with pytest.raises(AssumptionError, match=r"an assumption is False as written"):
        bimatrix([[c, 0], [0, 0]], [[0, 0], [0, 0]], assumptions=[sympy.Integer(1) > 2])


# -- two symbols with one name -------------------------------------------------------


@pytest.mark.parametrize(
    ("other", "described"),
    [
        (real("c"), r"c \(a symtrust parameter on all reals\)"),
        (sympy.Symbol("c"), r"c \(a plain SymPy symbol with no assumptions\)"),
        (sympy.Symbol("c", real=True), r"c \(a SymPy symbol with real=True\)"),
    ],
    ids=["real parameter", "plain symbol", "real symbol"],
)
def test_same_named_symbols_in_payoffs_and_assumptions(other, described):
    # both symbols are named, with the domain or assumptions of each
    both = (
        r"^two different symbols named 'c' in one model or claim"
        r"(?=.*c \(a symtrust parameter on \(0, oo\)\))(?=.*" + described + ")"
    )
    with pytest.raises(ModelError, match=both):
        bimatrix([[c, 0], [0, 0]], [[0, 0], [0, 0]], assumptions=[other > 1])
    with pytest.raises(ModelError, match=both):
        type_game({"h": [[c, 0], [0, other]]}, [{"h": 1}, {"h": 1}])
    with pytest.raises(ModelError, match=both):
        signaling_game(
            SIGNAL_TYPES,
            MESSAGES,
            ACTIONS,
            {**ZERO_SIGNAL, ("hi", "x", "u"): (c, other)},
            prior=[HALF, HALF],
        )
    with pytest.raises(ModelError, match=both):
        Claim(c > 2, [other > 1])


def test_same_named_symbol_in_a_substitution():
    g = bimatrix([[c, 0], [0, 0]], [[w, 0], [0, 0]])
    with pytest.raises(
        ModelError,
        match=r"point key c \(a plain SymPy symbol with no assumptions\) is not the "
        r"parameter of the game with that name, c \(a symtrust parameter on "
        r"\(0, oo\)\)",
    ):
        g.subs({sympy.Symbol("c"): 1})
    with pytest.raises(
        ModelError, match=r"point key c \(a symtrust parameter on all reals\) is not"
    ):
        pure_nash(g).subs({real("c"): 1})


# -- substitutions -------------------------------------------------------------------


def test_values_outside_a_domain_are_refused():
    g = job_market()
    q = interval("q", 0, 1, left_open=True, right_open=True)
    with pytest.raises(
        AssumptionError,
        match=r"q = 3/2 is outside the domain of q: q must lie in \(0, 1\)",
    ):
        g.subs({q: Rational(3, 2)})
    n = hegemony_game().size
    with pytest.raises(
        AssumptionError, match=r"n = 7/2 is not an integer: n is an integer parameter"
    ):
        hegemony_game().subs({n: Rational(7, 2)})
    with pytest.raises(
        AssumptionError,
        match=r"n = 2 is outside the domain of n: n must lie in \[3, oo\)",
    ):
        hegemony_game().subs({n: 2})
    b = parameter("b", lower=1, left_open=True)
    with pytest.raises(
        AssumptionError,
        match=r"b = 1 is outside the domain of b: b must lie in \(1, oo\)",
    ):
        uniform(0, b).subs({b: 1})


def test_values_that_break_a_stated_relation_are_refused():
    R, T = real("R T")
    with pytest.raises(
        AssumptionError,
        match=r"R = 3, T = 2 violates the assumption T > R \(it becomes 2 > 3\)",
    ):
        prisoners_dilemma().subs({R: 3, T: 2})
    c_H, c_L = positive("c_H c_L")
    with pytest.raises(
        AssumptionError, match=r"c_H = 2, c_L = 1 violates the assumption c_H < c_L"
    ):
        job_market().subs({c_H: 2, c_L: 1})
    # a partial point can leave the other assumptions unsatisfiable
    g = bimatrix([[c, 0], [0, 0]], [[w, 0], [0, 0]], assumptions=[c > w, w > 2])
    with pytest.raises(
        AssumptionError,
        match=r"at c = 1 the assumptions of the game cannot hold: assumptions "
        r"contradict each other",
    ):
        g.subs({c: 1})


@pytest.mark.parametrize(
    ("point", "error", "message"),
    [
        ({sympy.Symbol("z"): 1}, ModelError, r"z is not a parameter of the game; its "),
        ({c: nan}, ModelError, r"value of c is nan \(not a number\)"),
        ({c: 0.5}, ModelError, r"value of c is the float 0\.5: symtrust computes"),
        ({c: oo}, ModelError, r"value of c is the infinity oo: every value must be"),
        ({c: 1 + I}, ModelError, r"value of c is 1 \+ I, which is not real"),
        ({c: "1"}, ModelError, r"value of c is the string '1': strings are not parsed"),
        ({c: -1}, AssumptionError, r"c = -1 is outside the domain of c: c must lie"),
    ],
    ids=["unknown", "nan", "float", "infinity", "complex", "string", "domain"],
)
@pytest.mark.parametrize("target", ["game", "solution", "result"])
def test_substitution_validates_every_point(target, point, error, message):
    game = bimatrix([[c, 0], [0, 0]], [[w, 0], [0, 0]], assumptions=[c > w])
    obj = {"game": game, "solution": pure_nash(game), "result": pure_nash(game)[0]}[
        target
    ]
    if target != "game":
        message = message.replace("of the game", "of this .*")
    with pytest.raises(error, match=message):
        obj.subs(point)
    with pytest.raises(ModelError, match=r"a point must be a mapping parameter"):
        obj.subs([(c, 1)])


UNDEFINED = r"which is undefined at x = 0 \(it becomes zoo\): a zero denominator"


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (
            lambda x: bimatrix([[1 / x, 0], [0, 0]], [[0, 0], [0, 0]]),
            r"payoff at \('C', 'C'\) is 1/x, ",
        ),
        (
            lambda x: type_game(
                {"h": [[1 / x, 0], [0, 0]], "l": PD_OWN}, [{"h": HALF, "l": HALF}] * 2
            ),
            r"payoff at \('C', 'C'\) with types \('h', 'h'\) is 1/x, ",
        ),
        (
            lambda x: signaling_game(
                SIGNAL_TYPES,
                MESSAGES,
                ACTIONS,
                {**ZERO_SIGNAL, ("hi", "x", "u"): (0, 1 / x)},
                prior=[HALF, HALF],
            ),
            r"payoff at \('hi', 'x', 'u'\) \(receiver\) is 1/x, ",
        ),
        (
            lambda x: symmetric_game(3, (1 / x, 0, 0), (0, 0, 0)),
            r"payoff of C when k=0 others cooperate is 1/x, ",
        ),
    ],
    ids=["bimatrix", "type_game", "signaling_game", "symmetric_game"],
)
def test_points_where_a_model_is_undefined_are_refused(make, what):
    x = real("x")
    game = make(x)
    with pytest.raises(AssumptionError, match=what + UNDEFINED):
        game.subs({x: 0})


def test_twins_see_undefined_points_and_skip_them():
    # subs(..., strict=False) is the twins' path: the value is kept as SymPy
    # gives it, and the normal-form twin skips the point instead of failing
    x = real("x")
    game = bimatrix([[1 / x, 0], [0, 0]], [[0, 0], [0, 0]])
    assert game.subs({x: 0}, strict=False).payoff(("C", "C")) == (zoo, 0)
    report = check(pure_nash(game), max_examples=20)
    assert report.passed is True and report.examples == 20, report


def test_assumptions_undefined_at_a_point_are_refused():
    x = real("x")
    game = bimatrix([[x, 0], [0, 0]], [[0, 0], [0, 0]], assumptions=[1 / x > 0])
    with pytest.raises(
        AssumptionError,
        match=r"the assumption 1/x > 0 is undefined at x = 0 \(a zero denominator",
    ):
        game.subs({x: 0})


def test_symbolic_values_are_checked_like_numbers():
    game = bimatrix([[c, 0], [0, 0]], [[w, 0], [0, 0]], assumptions=[c > w])
    with pytest.raises(
        AssumptionError,
        match=r"^c = w violates the assumption c > w \(it becomes w > w",
    ):
        game.subs({c: w})
    with pytest.raises(
        ModelError,
        match=r"value of c, w \+ 1, mentions w \(a symtrust parameter on all reals\), "
        r"which is not the parameter of the game with that name, w \(a symtrust "
        r"parameter on \(0, oo\)\)",
    ):
        game.subs({c: real("w") + 1})
    with pytest.raises(ModelError, match=r"value of c is 1/2 \+ I, which is not real"):
        game.subs({c: HALF + I})


def test_partial_substitution_keeps_the_assumptions():
    R = real("R")
    at = prisoners_dilemma().subs({R: 3})
    assert set(map(str, at.assumptions.conditions)) == {"T > 3", "3 > P", "P > S"}
    # and the solvers still reason under them: only mutual defection
    assert [eq.profile for eq in pure_nash(at)] == [("D", "D")]
    q = interval("q", 0, 1, left_open=True, right_open=True)
    assert job_market().subs({q: Rational(1, 3)}).assumptions.conditions[-1] == (
        positive("c_H") < positive("c_L")
    )


def test_solution_subs_drops_results_that_fail_and_says_so():
    R, S, T, P = real("R S T P")
    sol = pure_nash(bimatrix([[R, S], [T, P]], [[R, T], [S, P]]))
    at = sol.subs({R: 3, S: 0, T: 5, P: 1})
    assert [eq.profile for eq in at] == [("D", "D")]
    assert at[0].condition is sympy.true
    assert at.notes[-1].startswith("at R = 3, S = 0, T = 5, P = 1: 3 results dropped")
    # a single result is marked, not dropped
    cc = next(eq for eq in sol if eq.profile == ("C", "C"))
    assert cc.subs({R: 3, T: 5}).condition is sympy.false


# -- names that LaTeX cannot set, and hostile names that it must escape --------------


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: positive("\u5909\u6570"),
            r"parameter name '\u5909\u6570' has the character '\u5909' \(U\+5909 CJK",
        ),
        (
            lambda: bimatrix(
                [[1, 0], [0, 1]], [[1, 0], [0, 1]], row_actions=("\u4fe1", "D")
            ),
            r"row_actions: the name '\u4fe1' has the character '\u4fe1' \(U\+4FE1 "
            r"CJK UNIFIED IDEOGRAPH-4FE1\), which pdflatex cannot typeset",
        ),
        (
            lambda: bimatrix(
                [[1, 0], [0, 1]], [[1, 0], [0, 1]], players=("\u7532", "b")
            ),
            r"players: the name '\u7532' has the character .* pdflatex cannot",
        ),
        (
            lambda: bimatrix([[1, 0], [0, 1]], [[1, 0], [0, 1]], name="\u4fe1\u983c"),
            r"game name: the name '\u4fe1\u983c' has the character '\u4fe1'",
        ),
        (
            lambda: type_game({"\u9ad8": PD_OWN}, [{"\u9ad8": 1}, {"\u9ad8": 1}]),
            r"types of 'row': the name '\u9ad8' has the character .* pdflatex cannot",
        ),
        (
            lambda: signaling_game(
                ("hi", "\U0001f600"), MESSAGES, ACTIONS, ZERO_SIGNAL, prior=[1, 0]
            ),
            r"types: the name '\U0001f600' has the character .* \(U\+1F600 GRINNING",
        ),
        (
            lambda: actor("\u56fd", power=HALF, trust=1, temptation=0, cost=2),
            r"actor name: the name '\u56fd' has the character .* pdflatex cannot",
        ),
        (
            lambda: bimatrix([[sympy.Symbol("\u4fe1"), 0], [0, 0]], [[0, 0], [0, 0]]),
            r"symbol name '\u4fe1' has the character .* pdflatex cannot typeset",
        ),
        (
            lambda: bimatrix(
                [[1, 0], [0, 1]], [[1, 0], [0, 1]], row_actions=("a\x00", "b")
            ),
            r"row_actions: the name 'a\\x00' has the character '\\x00' \(U\+0000",
        ),
        (
            lambda: bimatrix(
                [[1, 0], [0, 1]], [[1, 0], [0, 1]], row_actions=(" ", "b")
            ),
            r"row_actions: names must be nonempty strings, got ' '",
        ),
        (
            lambda: bimatrix([[sympy.Symbol(""), 0], [0, 0]], [[0, 0], [0, 0]]),
            r"symbol name '' is blank: a parameter without a name cannot be read",
        ),
    ],
    ids=[
        "parameter",
        "action",
        "player",
        "game name",
        "type",
        "emoji type",
        "actor",
        "sympy symbol",
        "control character",
        "blank",
        "blank symbol",
    ],
)
def test_names_pdflatex_cannot_set_are_refused_when_created(make, message):
    with pytest.raises(ModelError, match=message):
        make()


def test_greek_and_hostile_names_are_typeset_safely():
    alpha = positive("\u03b1")
    assert latex(alpha) == r"\alpha"
    assert latex(positive("\u03b2_1")) == r"\beta_{1}"
    assert latex(sympy.Symbol("a%b")) == r"\text{a\%b}"
    assert latex(sympy.Symbol(r"\end{document}")) == (
        r"\text{\textbackslash{}end\{document\}}"
    )
    g = bimatrix(
        [[alpha, 0], [0, 1]],
        [[1, 0], [0, 1]],
        row_actions=("a & b", "50% $#}"),
        players=(r"\end{document}", "caf\u00e9"),
    )
    doc = document(g)
    assert doc.count(r"\end{document}") == 1
    # LaTeX's specials escaped (single letters may be set as mathematics)
    assert r"a \& " in doc and r"50\% $\$$\#\}" in doc
    assert r"\textbackslash{}end\{document\}" in doc and r"caf\'{e}" in doc
    assert "?" not in doc.replace("?`", "")


# -- bad CLI options -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--examples", "0"], r"--examples=0 must be at least 1"),
        (["--examples", "-3"], r"--examples=-3 must be at least 1"),
        (["--examples", "two"], r"argument --examples: invalid int value: 'two'"),
        (["--budget", "nan"], r"'nan' is not a positive, finite number of seconds"),
        (["--budget", "inf"], r"'inf' is not a positive, finite number of seconds"),
        (["--budget", "-1"], r"'-1' is not a positive, finite number of seconds"),
        (["--budget", "soon"], r"'soon' is not a positive, finite number of seconds"),
    ],
)
def test_bad_cli_options_are_one_clear_line(argv, message, capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["derive", str(tmp_path), *argv])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert re.search(message, err), err
    assert "Traceback" not in err
