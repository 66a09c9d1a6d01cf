"""The condition algebra: clearing denominators, normal forms, simplification.

Solvers produce raw conditions (conjunctions of payoff comparisons, fractions
of parameters, closed forms with square roots). Before one is reported it is
rewritten here into an equivalent, readable form. This module is the only
place that does so; every rule below is an equivalence at every admissible
point (one satisfying the assumptions and the symbols' domains) where the
condition is defined, and keeps the points where it is not.

Undefined points
----------------
A statement is *undefined* at a point where one of its denominators vanishes
or a square root has a negative radicand. symtrust treats undefined points one
way everywhere: a statement undefined at an admissible point is **not
proved** (:func:`~symtrust.logic.decide.decide` counts such a point as a
violation, and the claim prover reports it as a counterexample), and a result
whose value divides by an expression that may vanish carries ``Ne(d, 0)`` in
its condition. The rewrites below never hide an undefined point: where
clearing would remove a factor that may vanish, ``Ne(factor, 0)`` is kept.

Clearing denominators (:func:`clear_denominators`)
--------------------------------------------------
Each relation ``lhs ~ rhs`` (``~`` one of ``< <= > >= == !=``) is handled as
``d ~ 0`` with ``d = lhs - rhs``:

1. *No denominator.* If ``d`` has no negative power (a polynomial, rational
   coefficients included: ``t - 1/2 >= 0``), the relation is kept as written.
2. *One fraction.* Otherwise ``d`` is combined into one fraction ``n / m``
   (``together``, then ``cancel`` to lowest terms). A factor ``g`` that
   cancelling removed from both ``n`` and ``m`` (``(x**2 - 1)/(x - 1)``) would
   silently make the relation defined where it is not, so unless ``g`` is a
   number or its sign is proved, the cleared relation is conjoined with
   ``Ne(g, 0)``.
3. *Numeric denominators are rewritten*: ``m`` a nonzero number gives
   ``sign(m) n ~ 0`` (multiplying by ``|m| > 0``).
4. *The denominator's sign is used only when proved.* If z3 proves ``m > 0``
   or ``m < 0`` everywhere admissible (:func:`sign_under`), an inequality
   becomes ``sign(m) n ~ 0`` (flipped exactly when ``m < 0``). If the sign is
   undecided or varies, the fraction is kept as it stands: it already
   requires ``m != 0`` by being undefined there.
5. *Eq and Ne* are cleared under the same proof (a denominator of proved sign
   never vanishes) as ``n == 0`` / ``n != 0``, never multiplied by a
   denominator that may vanish, and never flipped (there is nothing to flip).
6. *Square roots* (any fractional power): ``d`` is combined with
   ``together`` but not cancelled or expanded (cancelling algebraic
   expressions is slow and changes little); the denominator's sign is proved
   the same way, z3 reading each root as an auxiliary variable ``r >= 0``,
   ``r**2 = radicand``, defined where the radicand is nonnegative.

And, Or and Not are cleared argument by argument; anything else is returned
unchanged.

Normal form and simplification
------------------------------
:func:`normalize_relation` clears one relation and splits it into positive and
negative terms (``T - R >= 0`` reads ``T >= R``, ``2 t - 1 >= 0`` reads
``t >= 1/2``). :func:`simplify_condition` then uses z3 under the assumptions:

1. each relation is normalised; a relation implied by the assumptions becomes
   ``True``, one they exclude ``False``;
2. in a conjunction, a conjunct implied by the others is dropped -- but not
   one the others need to be defined (``Ne(d, 0)`` beside a fraction over
   ``d``, ``x <= 1`` beside ``sqrt(1 - x)``): every simplified condition
   states its own nonzero and nonnegative requirements; in a disjunction, a
   disjunct that implies another is dropped;
3. a conjunction of independent contingent parts (each moved by a free symbol
   no other part mentions) is kept without asking z3.

:func:`defined_form` rewrites the fractions that clearing kept (sign
undecided) as ``d != 0 and n d ~ 0``: defined everywhere, for results whose
condition must be evaluable at every point.
:func:`simplify_cleared` is :func:`clear_denominators` followed by
:func:`simplify_condition`; :func:`isolate` solves each relation for the first
of some symbols it is linear in, when the coefficient's sign is proved;
:func:`simplify_rooted` simplifies conjuncts with square roots only lightly.

Two ways to ask z3 less, with the same results:
:func:`simplify_by_components` simplifies the parts of a conjunction that
share no symbol one by one (:mod:`~symtrust.logic.conditions.components`),
and within ``with sample_points(admissible_points(...)):`` the simplifier
skips every decision that an exact admissible point shows cannot be True
(:mod:`~symtrust.logic.conditions.points`).

Examples
--------
>>> from symtrust.core.parameters import positive, probability, real
>>> t = probability("t")
>>> simplify_condition(4*t + (1 - t) >= 3*t + 2*(1 - t), [])
t >= 1/2
>>> c, w = positive("c w")
>>> clear_denominators((c - 1) / (w - c) > 0, [c > w])
1 - c > 0
>>> x = real("x")
>>> clear_denominators((x**2 - 1) / (x - 1) > x)
Ne(x - 1, 0)
"""

from symtrust.logic.conditions.components import components, simplify_by_components
from symtrust.logic.conditions.forms import (
    cancelled_factor,
    check_depth,
    clear_denominators,
    defined_form,
    has_root,
    normalize_relation,
    sign_under,
)
from symtrust.logic.conditions.points import admissible_points, sample_points
from symtrust.logic.conditions.simplifier import (
    decide_lightly,
    extend_or_none,
    isolate,
    result_condition,
    simplify_cleared,
    simplify_condition,
    simplify_rooted,
)

__all__ = [
    "admissible_points",
    "cancelled_factor",
    "check_depth",
    "clear_denominators",
    "components",
    "decide_lightly",
    "defined_form",
    "extend_or_none",
    "has_root",
    "isolate",
    "normalize_relation",
    "result_condition",
    "sample_points",
    "sign_under",
    "simplify_by_components",
    "simplify_cleared",
    "simplify_condition",
    "simplify_rooted",
]
