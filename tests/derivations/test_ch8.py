"""The crisis-bargaining derivation: its offer and claims, against Fearon (1995)."""

import sympy


def test_interior_offer_is_fearons_and_claims_are_proved(derivation):
    d = derivation("ch8_crisis_bargaining")
    sol = d.result("optimal offer")
    (eq,) = [r for r in sol if r.regime == "interior"]
    syms = {str(v): v for v in sol.game.parameters}
    m, s, c_p, p = syms["m"], syms["s"], syms["c_P"], syms["p"]
    hi = m + s
    assert sympy.simplify(eq.offer - (p + (c_p - hi) / 2)) == 0
    assert sympy.simplify(eq.rejection - (3 * s - m - c_p) / (4 * s)) == 0
    statuses = [c.prove().status for c in d.claims]
    assert statuses == ["proved"] * len(d.claims)
