"""Comparative statics: how a derived quantity moves with a parameter.

For a quantity ``q`` (a closed form, or the value of a
:class:`~symtrust.core.result.Result`) and a parameter ``x``:

1. differentiate: ``d = d^k q / dx^k`` (``k = 1`` or ``2``);
2. write ``d = n / m`` in lowest terms; where the sign of the denominator
   ``m`` is proved under the assumptions it is cleared, so the sign of ``d``
   is the sign of ``sign(m) n``;
3. decide that sign under the assumptions (and the quantity's own validity
   condition): positive everywhere (*increasing*), negative (*decreasing*),
   zero (*constant*); otherwise, if both signs occur, the parameter space is
   split (*depends*) and the condition ``d > 0`` is simplified; if neither a
   sign nor a split can be established, the sign is *undecided* (never
   guessed).

The elasticity ``(dq/dx) (x / q)`` is analysed the same way.

Comparative statics of this kind carry Kydd's (2005) claims: the minimum
trust threshold rises with the cost of being exploited and falls with the
cost of conflict (chapter 2).

Examples
--------
>>> from symtrust import positive
>>> c, w = positive("c w")
>>> cs = comparative_statics((c - w) / (1 + c - w), c, [c > w])
>>> cs.sign, cs.derivative
('increasing', (-c + w - 1)**(-2))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.result import Result, Step
from symtrust.errors import ModelError
from symtrust.logic.assumptions import build_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import clear_denominators, sign_under, simplify_condition
from symtrust.logic.decide import satisfiable

__all__ = ["SIGNS", "ComparativeStatics", "comparative_statics", "elasticity"]

#: The possible ``sign`` values of a :class:`ComparativeStatics`.
SIGNS = ("increasing", "decreasing", "constant", "depends", "undecided")

_WORD = {1: "increasing", -1: "decreasing", 0: "constant"}


@dataclass(frozen=True, kw_only=True)
class ComparativeStatics(Result):
    """The derivative of a quantity in a parameter, with its sign.

    Attributes
    ----------
    quantity : sympy.Expr
        What was differentiated.
    wrt : sympy.Symbol
        The parameter.
    order : int
        1 or 2.
    derivative : sympy.Expr
        The derivative (or the elasticity, for :func:`elasticity`); also the
        ``value``.
    sign : str
        One of ``SIGNS``. For order 2, "increasing" means the first
        derivative increases (the quantity is convex in ``wrt``).
    condition : sympy Boolean
        For "depends": where the derivative is positive; else True.
    negative_when : sympy Boolean
        For "depends": where the derivative is negative; else False/True.
    """

    quantity: Any = None
    wrt: Any = None
    order: int = 1
    derivative: Any = None
    sign: str = "undecided"
    negative_when: Any = S.false

    def display_rows(self):
        """Rows for the renderers."""
        rows = [(self.kind, self.derivative), ("sign", self.sign)]
        if self.sign == "depends":
            rows.append(("negative when", self.negative_when))
        return tuple(rows)


def _quantity(quantity, index):
    """The expression, its validity condition and assumptions."""
    if isinstance(quantity, Result):
        value, cond, assume = quantity.value, quantity.condition, quantity.assumptions
    else:
        value, cond, assume = quantity, S.true, None
    if isinstance(value, (tuple, list, sympy.Tuple)):
        if index is None:
            raise ModelError(
                f"the quantity's value {value} has {len(value)} components; "
                "choose one with index="
            )
        value = value[index]
    elif index is not None:
        raise ModelError(f"index={index!r} given, but the quantity {value} is scalar")
    if isinstance(value, (int,)) and not isinstance(value, bool):
        value = sympy.Integer(value)
    if not isinstance(value, sympy.Expr):
        raise ModelError(
            f"the quantity {value!r} is not a SymPy expression (strings are not parsed)"
        )
    return value, cond, assume


def _assume(base, extra, cond, symbols) -> Assumptions:
    stated = list(getattr(base, "conditions", ()) or ())
    if isinstance(extra, sympy.Basic):
        extra = (extra,)
    stated.extend(getattr(extra, "conditions", extra) or ())
    if cond is not S.true and cond is not True:
        stated.append(cond)
    return build_assumptions(tuple(dict.fromkeys(stated)), symbols=symbols)


def _clear(cond, assume, budget):
    """Clear denominators by their proved sign, then simplify."""
    return simplify_condition(
        clear_denominators(cond, assume, budget=budget), assume, budget=budget
    )


def _sign_analysis(d, assume, budget):
    """Steps, sign word, positive and negative regions of an expression."""
    steps = []
    d = sympy.together(d)
    num, den = sympy.fraction(sympy.cancel(d) if d.is_rational_function() else d)
    target, why = num, "the denominator is 1"
    if den != 1:
        sd = sign_under(den, assume, budget=budget)
        if sd in (1, -1):
            target = sympy.expand(sd * num) if num.is_polynomial() else sd * num
            why = f"the denominator {den} is {'positive' if sd > 0 else 'negative'}"
        else:
            target, why = d, "the denominator's sign is not constant; kept"
    steps.append(Step("numerator", target, f"same sign as the derivative: {why}"))
    if target == 0 or sympy.simplify(target) == 0:
        steps.append(Step("sign", S.Zero, "identically zero"))
        return steps, "constant", S.true, S.false
    s = sign_under(target, assume, budget=budget)
    if s is not None:
        steps.append(
            Step(
                "sign",
                {1: target > 0, -1: target < 0, 0: sympy.Eq(target, 0)}[s],
                "holds at every admissible point (z3)",
            )
        )
        return steps, _WORD[s], S.true, S.false
    up = satisfiable(target > 0, assume, budget=budget).truth
    down = satisfiable(target < 0, assume, budget=budget).truth
    if up is True and down is True:
        pos = _clear(target > 0, assume, budget)
        neg = _clear(target < 0, assume, budget)
        steps.append(Step("positive when", pos, "both signs occur: the space splits"))
        steps.append(Step("negative when", neg, "simplified under the assumptions"))
        return steps, "depends", pos, neg
    if up is False and down is False:
        steps.append(Step("sign", sympy.Eq(target, 0), "neither sign occurs"))
        return steps, "constant", S.true, S.false
    if (up is False and down is True) or (up is True and down is False):
        # weakly monotone: one strict sign on part of the space, zero elsewhere
        pos = _clear(target > 0, assume, budget) if up else S.false
        neg = _clear(target < 0, assume, budget) if down else S.false
        steps.append(
            Step(
                "positive when" if up else "negative when",
                pos if up else neg,
                "the other sign never occurs; elsewhere the derivative is zero",
            )
        )
        return steps, "depends", pos, neg
    steps.append(Step("sign", target, "undecided: z3 could not settle either sign"))
    return steps, "undecided", S.true, S.false


def comparative_statics(
    quantity,
    wrt,
    assumptions=None,
    *,
    order: int = 1,
    index: int | None = None,
    budget=None,
) -> ComparativeStatics:
    """Derivative of a quantity in a parameter and its sign under assumptions.

    Parameters
    ----------
    quantity : sympy.Expr or Result
        A closed form, or a result whose ``value`` is differentiated (its
        ``condition`` and ``assumptions`` are used too).
    wrt : sympy.Symbol
        The parameter.
    assumptions : Assumptions or iterable of Boolean, optional
        Extra assumptions (added to a result's own).
    order : int
        1 (slope) or 2 (curvature).
    index : int, optional
        Component of a tuple-valued result (e.g. one cutoff of a pair).
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    ComparativeStatics
        ``sign`` in "increasing", "decreasing", "constant", "depends" (with
        ``condition`` where positive and ``negative_when``), "undecided".

    Raises
    ------
    ModelError
        A quantity that is not an expression, ``wrt`` not a symbol of it, or a
        bad ``order``.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive, probability
    >>> c, w = positive("c w")
    >>> t = probability("t")
    >>> mu = (c - w) / (1 - t + c - w)
    >>> comparative_statics(mu, w, [c > w, t < 1]).sign
    'decreasing'
    >>> x = positive("x")
    >>> cs = comparative_statics(x**2 - 2*x, x)
    >>> cs.sign, cs.condition, cs.negative_when
    ('depends', x > 1, x < 1)
    >>> comparative_statics(x**3, x, order=2).sign
    'increasing'
    """
    budget = Budget.of(budget)
    if isinstance(order, bool) or order not in (1, 2):
        raise ModelError(f"order={order!r} must be 1 or 2")
    value, cond, base = _quantity(quantity, index)
    if not isinstance(wrt, sympy.Symbol):
        raise ModelError(f"wrt={wrt!r} must be a parameter (a SymPy symbol)")
    if wrt not in value.free_symbols:
        raise ModelError(
            f"{value} does not depend on wrt={wrt}; its parameters are "
            f"{sorted(map(str, value.free_symbols))}"
        )
    assume = _assume(base, assumptions, cond, value.free_symbols)
    d = sympy.diff(value, wrt, order)
    d = sympy.factor(d) if d.is_rational_function() else sympy.simplify(d)
    label = "derivative" if order == 1 else "second derivative"
    steps = [
        Step(label, d, f"differentiate in {wrt}" + (" twice" if order == 2 else ""))
    ]
    more, word, pos, neg = _sign_analysis(d, assume, budget)
    return ComparativeStatics(
        kind=f"d{'^2' if order == 2 else ''}/d{wrt}{'^2' if order == 2 else ''}",
        value=d,
        condition=pos if word == "depends" else S.true,
        assumptions=assume,
        steps=(*steps, *more),
        quantity=value,
        wrt=wrt,
        order=order,
        derivative=d,
        sign=word,
        negative_when=neg if word == "depends" else S.false,
    )


def elasticity(
    quantity, wrt, assumptions=None, *, index: int | None = None, budget=None
) -> ComparativeStatics:
    """The elasticity ``(dq/dx) (x / q)`` of a quantity, with its sign.

    Examples
    --------
    >>> from symtrust import positive
    >>> x, a = positive("x a")
    >>> e = elasticity(a * x**3, x)
    >>> e.derivative, e.sign
    (3, 'increasing')
    """
    budget = Budget.of(budget)
    value, cond, base = _quantity(quantity, index)
    if not isinstance(wrt, sympy.Symbol) or wrt not in value.free_symbols:
        raise ModelError(f"wrt={wrt!r} must be a parameter of {value}")
    assume = _assume(base, assumptions, cond, value.free_symbols)
    e = sympy.diff(value, wrt) * wrt / value
    e = sympy.factor(e) if e.is_rational_function() else sympy.simplify(e)
    steps = [Step("elasticity", e, f"(dq/d{wrt}) {wrt} / q")]
    more, word, pos, neg = _sign_analysis(e, assume, budget)
    # the sign of an elasticity is the sign of the response in proportion
    if e.is_number:
        word = {1: "increasing", -1: "decreasing", 0: "constant"}[int(sympy.sign(e))]
    return ComparativeStatics(
        kind=f"elasticity in {wrt}",
        value=e,
        condition=pos if word == "depends" else S.true,
        assumptions=assume,
        steps=(*steps, *more),
        quantity=value,
        wrt=wrt,
        order=1,
        derivative=e,
        sign=word,
        negative_when=neg if word == "depends" else S.false,
    )
