"""Offers to a responder of private type: Fearon (1995) and the ultimatum game.

Fearon's risk-return optimum with the receiver's cost uniform on [lo, hi]:
the proposer offers x* = p + (c_P - hi) / 2, war occurs with probability
(hi - c_P - 2 lo) / (2 (hi - lo)) when that lies in (0, 1).
"""

import sympy

from symtrust import check, interval, nonnegative, positive, uniform
from symtrust.games.continuous import (
    crisis_bargaining,
    offer_game,
    optimal_offer,
    responder_cutoff,
)

p = interval("p", 0, 1, left_open=True, right_open=True)
c_p = positive("c_P")
lo, hi = nonnegative("lo hi")


def _fearon():
    return crisis_bargaining(p, c_p, uniform(lo, hi, assumptions=[lo < hi]))


def test_fearon_risk_return_optimum():
    sol = optimal_offer(_fearon())
    (eq,) = [r for r in sol if r.regime == "interior"]
    assert sympy.simplify(eq.offer - (p + (c_p - hi) / 2)) == 0
    war = (hi - c_p - 2 * lo) / (2 * (hi - lo))
    assert sympy.simplify(eq.rejection - war) == 0
    assert sympy.simplify(eq.acceptance - (1 - war)) == 0
    assert eq.is_global
    # interior: war has a positive probability, the offer is feasible
    at = {p: sympy.Rational(1, 2), c_p: sympy.Rational(1, 10), lo: 0, hi: 1}
    assert eq.subs(at).condition == sympy.true
    assert eq.subs({**at, c_p: 2}).condition == sympy.false


def test_fearon_solution_passes_its_twin():
    assert check(optimal_offer(_fearon()), max_examples=12).ok


def test_peace_for_sure_when_war_is_costly_for_the_proposer():
    sol = optimal_offer(_fearon())
    at = {p: sympy.Rational(1, 2), c_p: 2, lo: sympy.Rational(1, 10), hi: 1}
    kept = sol.subs(at)
    assert [r.regime for r in kept] == ["accepted by every type"]
    assert kept[0].rejection == 0
    assert kept[0].offer == sympy.Rational(2, 5)  # p - lo


def test_ultimatum_with_uncertain_cost_of_refusal():
    # the responder's outside option is t ~ U[0, 1]: it accepts iff x >= t
    x, t = sympy.symbols("x t", real=True)
    g = offer_game(x, (0, 1), t, uniform(0, 1), accept=(1 - x, x), reject=(0, t))
    assert responder_cutoff(g) == (x, False)
    (eq,) = optimal_offer(g)
    assert eq.offer == sympy.Rational(1, 2) and eq.rejection == sympy.Rational(1, 2)
    assert eq.proposer_payoff == sympy.Rational(1, 4)
    assert check(eq, max_examples=3).passed is not False
