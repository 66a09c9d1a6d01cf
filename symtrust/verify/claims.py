"""Claims and their proofs: three-valued, with checked counterexamples.

A :class:`Claim` is a statement (a SymPy Boolean over parameters) asserted at
every point of the parameter space that satisfies its assumptions. Proving it
returns a :class:`Proof` whose status is

* ``"proved"`` (truth True): no admissible point violates the statement;
* ``"refuted"`` (truth False): with a counterexample, an exact rational point
  that satisfies the assumptions and violates the statement, checked by exact
  substitution before it is reported;
* ``"undecided"`` (truth None): neither could be shown within the time budget;
  the proof then carries the numeric evidence gathered at random exact
  admissible points. Undecided is never reported as False.

The proof chain (:mod:`symtrust.verify.prover`) tries, in order, SymPy
simplification and sign reasoning (the sign of each factor of ``lhs - rhs``
from the parameters' domains, also after substituting stated orderings
``a > b`` as ``a = b + d`` with ``d > 0``), then z3's nonlinear real arithmetic
through :func:`symtrust.logic.decide.decide`, after clearing denominators whose
sign is fixed under the assumptions. Square roots and ``Piecewise`` are encoded
exactly, never approximated. "Undefined at an admissible point" (a zero
denominator, the root of a negative number) counts as a violation.

Examples
--------
>>> import sympy
>>> from symtrust import nonnegative, probability
>>> a, b = nonnegative("a b")
>>> Claim((a + b) / 2 >= sympy.sqrt(a * b), name="AM-GM").prove().status
'proved'
>>> p = probability("p")
>>> proof = prove(p**2 > p)
>>> proof.truth, proof.counterexample
(False, {p: 0})
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import sympy
from sympy import S

from symtrust.core.assumptions import Assumptions
from symtrust.core.parameters import Parameter
from symtrust.core.printing import Printable
from symtrust.errors import BudgetError, ClaimError
from symtrust.logic.assumptions import build_assumptions, extend_assumptions
from symtrust.logic.budget import Budget
from symtrust.logic.decide import as_conditions
from symtrust.verify.proof import Proof
from symtrust.verify.prover import run_proof

__all__ = [
    "Claim",
    "ClaimWarning",
    "decreasing",
    "holds_whenever",
    "implies",
    "increasing",
    "prove",
    "same_sign",
    "statics_claim",
]


class ClaimWarning(UserWarning):
    """A claim is well formed but probably not what was meant.

    Raised as a warning, for example, when the statement mentions a plain SymPy
    symbol that no assumption constrains (the claim then ranges over all reals).
    """


def as_statement(statement, what: str = "statement") -> sympy.Basic:
    """Validate a claim's statement: a SymPy Boolean (or a Python bool).

    Raises
    ------
    ClaimError
        For a string (never parsed), a bare expression, or any other value.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> as_statement(x > 1)
    x > 1
    >>> as_statement(x + 1)
    Traceback (most recent call last):
    ...
    symtrust.errors.ClaimError: statement x + 1 is a bare expression, not a statement: \
give a relation such as `x + 1 >= 0` or a logical combination of relations
    """
    if isinstance(statement, bool):
        return S.true if statement else S.false
    if isinstance(statement, str):
        raise ClaimError(
            f"{what} {statement!r} is a string; symtrust does not parse text: "
            "build the statement from parameters, e.g. `c > w`"
        )
    if isinstance(statement, sympy.logic.boolalg.Boolean):
        return statement
    if isinstance(statement, sympy.Expr):
        raise ClaimError(
            f"{what} {statement} is a bare expression, not a statement: give a "
            f"relation such as `{statement} >= 0` or a logical combination of "
            "relations"
        )
    raise ClaimError(
        f"{what} {statement!r} of type {type(statement).__name__} is not a "
        "SymPy Boolean (a relation or a logical combination of relations)"
    )


def _as_assumptions(assumptions, symbols) -> Assumptions:
    if isinstance(assumptions, Assumptions):
        return (
            extend_assumptions(assumptions, (), symbols=symbols)
            if symbols
            else assumptions
        )
    conds = tuple(as_statement(c, "assumption") for c in as_conditions(assumptions))
    return build_assumptions(conds, symbols=symbols)


@dataclass(frozen=True)
class Claim(Printable):
    """A statement asserted wherever the assumptions hold.

    Parameters
    ----------
    statement : sympy Boolean
        A relation (``x >= 0``) or a logical combination of relations.
    assumptions : Assumptions, Boolean or iterable of Booleans
        What the parameters satisfy; the domains of the statement's parameters
        are added automatically.
    name : str
        A short label ("threshold falls with the cost of conflict").
    description : str
        The claim in words, for documents.
    source : str
        Where it comes from (e.g. "Kydd (2005), ch. 2").

    Raises
    ------
    ClaimError
        If the statement is not a statement (a bare expression, a string).
    AssumptionError
        If the assumptions contradict each other.

    Warns
    -----
    ClaimWarning
        If the statement mentions a plain SymPy symbol that no assumption
        constrains.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> claim = Claim((c - w) / (1 + c - w) > 0, [c > w], name="positive threshold")
    >>> claim.assumptions.conditions
    (c > 0, w > 0, c > w)
    >>> claim.prove().status
    'proved'
    """

    statement: Any
    assumptions: Any = ()
    name: str = field(default="", kw_only=True)
    description: str = field(default="", kw_only=True)
    source: str = field(default="", kw_only=True)

    def __post_init__(self):
        statement = as_statement(self.statement)
        symbols = sorted(statement.free_symbols, key=lambda s: s.sort_key())
        assumptions = _as_assumptions(self.assumptions, symbols)
        for text, what in (
            (self.name, "name"),
            (self.description, "description"),
            (self.source, "source"),
        ):
            if not isinstance(text, str):
                raise ClaimError(f"claim {what}={text!r} must be a string")
        object.__setattr__(self, "statement", statement)
        object.__setattr__(self, "assumptions", assumptions)
        loose = sorted(
            (
                s
                for s in statement.free_symbols
                if s not in assumptions.symbols and not isinstance(s, Parameter)
            ),
            key=str,
        )
        if loose:
            warnings.warn(
                f"claim {self.name or statement}: no assumption constrains "
                f"{', '.join(map(str, loose))}, so the claim ranges over all real "
                "values of it; use symtrust parameters (probability, positive, "
                "real, ...) or state assumptions",
                ClaimWarning,
                stacklevel=3,
            )

    def prove(self, *, budget=None, examples: int = 100, seed: int = 0) -> Proof:
        """Prove, refute or leave undecided; see :func:`prove`.

        Examples
        --------
        >>> from symtrust import positive
        >>> x = positive("x")
        >>> Claim(x / (1 + x) < 1).prove().truth
        True
        """
        return run_proof(self, budget=budget, examples=examples, seed=seed)

    @property
    def parameters(self) -> frozenset:
        """The statement's free symbols."""
        return frozenset(self.statement.free_symbols)

    def display_rows(self) -> tuple:
        """Rows ``(label, object)`` for the renderers."""
        rows = [(self.name or "claim", self.statement)]
        if self.assumptions.conditions:
            rows.append(("under", self.assumptions.condition))
        return tuple(rows)


def prove(
    claim_or_statement,
    assumptions=(),
    *,
    budget=None,
    examples: int = 100,
    seed: int = 0,
    name: str = "",
) -> Proof:
    """Prove a claim (or a bare statement under assumptions).

    Parameters
    ----------
    claim_or_statement : Claim or sympy Boolean
        What to prove.
    assumptions : Assumptions, Boolean or iterable of Booleans
        For a statement: what its parameters satisfy. Added to a claim's own.
    budget : Budget, float or None
        Time for the whole proof chain (z3 calls share it): None for the
        default (:data:`~symtrust.verify.prover.DEFAULT_PROOF_SECONDS` in
        total), seconds in total, or a :class:`~symtrust.logic.budget.Budget`.
        When it runs out the claim is undecided, never false.
    examples : int
        Random exact admissible points tried when the claim is undecided.
    seed : int
        Seed of the random points (the result is reproducible).
    name : str
        A label for a bare statement.

    Returns
    -------
    Proof

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> prove(x**2 - 2*x + 1 >= 0, [x > -10]).status
    'proved'
    >>> prove(x**2 > x, [x >= 0, x <= 1]).counterexample
    {x: 0}
    """
    if isinstance(claim_or_statement, Claim):
        claim = claim_or_statement
        extra = as_conditions(assumptions)
        if extra:
            claim = Claim(
                claim.statement,
                extend_assumptions(claim.assumptions, extra),
                name=claim.name,
                description=claim.description,
                source=claim.source,
            )
    else:
        claim = Claim(claim_or_statement, assumptions, name=name)
    try:
        Budget.of(budget)
    except BudgetError as exc:
        raise ClaimError(str(exc)) from None
    if not isinstance(examples, int) or isinstance(examples, bool) or examples < 0:
        raise ClaimError(f"examples={examples!r} must be a nonnegative integer")
    return claim.prove(budget=budget, examples=examples, seed=seed)


# -- helpers building claims ------------------------------------------------


def _derivative_claim(expr, wrt, assumptions, sign, strict, name, word):
    if not isinstance(expr, sympy.Expr):
        raise ClaimError(f"expr={expr!r} must be a SymPy expression")
    if not isinstance(wrt, sympy.Symbol):
        raise ClaimError(f"wrt={wrt!r} must be a symbol (a parameter)")
    if wrt not in expr.free_symbols:
        raise ClaimError(f"{expr} does not depend on wrt={wrt}")
    slope = sympy.diff(expr, wrt)
    if sign > 0:
        statement = slope > 0 if strict else slope >= 0
    else:
        statement = slope < 0 if strict else slope <= 0
    strength = "strictly " if strict else ""
    return Claim(
        statement,
        assumptions,
        name=name or f"{word} in {wrt}",
        description=f"the expression is {strength}{word} in {wrt}: its derivative "
        f"with respect to {wrt} is {'positive' if sign > 0 else 'negative'}"
        + ("" if strict else " or zero"),
    )


def increasing(expr, wrt, assumptions=(), *, name: str = "", strict: bool = True):
    """Claim that ``expr`` increases in ``wrt``: its derivative is positive.

    With ``strict=False`` the claim is that the derivative is nonnegative.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> claim = increasing((c - w) / (1 + c - w), c, [c > w])
    >>> claim.statement
    -(c - w)/(c - w + 1)**2 + 1/(c - w + 1) > 0
    >>> claim.prove().status
    'proved'
    """
    return _derivative_claim(expr, wrt, assumptions, 1, strict, name, "increasing")


def decreasing(expr, wrt, assumptions=(), *, name: str = "", strict: bool = True):
    """Claim that ``expr`` decreases in ``wrt``: its derivative is negative.

    Examples
    --------
    >>> from symtrust import positive
    >>> x = positive("x")
    >>> decreasing(1 / (1 + x), x).prove().status
    'proved'
    """
    return _derivative_claim(expr, wrt, assumptions, -1, strict, name, "decreasing")


def implies(premise, conclusion, assumptions=(), *, name: str = ""):
    """Claim that ``premise`` implies ``conclusion`` under the assumptions.

    Examples
    --------
    >>> from symtrust import probability
    >>> t = probability("t")
    >>> implies(t > 0, t**2 < t + 1).prove().status
    'proved'
    """
    premise = as_statement(premise, "premise")
    conclusion = as_statement(conclusion, "conclusion")
    return Claim(sympy.Implies(premise, conclusion), assumptions, name=name)


def holds_whenever(statement, condition, assumptions=(), *, name: str = ""):
    """Claim that ``statement`` holds wherever ``condition`` does.

    The same as ``implies(condition, statement)``; reads better for results
    valid on part of the parameter space.

    Examples
    --------
    >>> from symtrust import probability
    >>> t = probability("t")
    >>> holds_whenever(4*t + (1 - t) >= 3*t + 2*(1 - t), t >= sympy.Rational(1, 2)
    ...                ).prove().status
    'proved'
    """
    return implies(condition, statement, assumptions, name=name)


def same_sign(expr, reference, assumptions=(), *, name: str = ""):
    """Claim that ``expr`` has the sign of ``reference`` (+, - or 0) everywhere.

    Examples
    --------
    >>> from symtrust import probability
    >>> p, q = probability("p q")
    >>> same_sign(2 * (p - q) / (1 + p), p - q).prove().status
    'proved'
    """
    for value, what in ((expr, "expr"), (reference, "reference")):
        if not isinstance(value, sympy.Expr):
            raise ClaimError(f"{what}={value!r} must be a SymPy expression")
    statement = sympy.And(
        sympy.Implies(reference > 0, expr > 0),
        sympy.Implies(reference < 0, expr < 0),
        sympy.Implies(sympy.Eq(reference, 0), sympy.Eq(expr, 0)),
    )
    return Claim(
        statement,
        assumptions,
        name=name or "same sign",
        description=f"{expr} has the sign of {reference}",
    )


def statics_claim(statics, *, name: str = "") -> Claim:
    """The claim a comparative-statics result makes, to prove independently.

    ``statics`` is a :class:`~symtrust.logic.statics.ComparativeStatics`: its
    sign ("increasing", "decreasing", "constant", "depends") becomes a claim
    about its derivative under its assumptions, which :meth:`Claim.prove`
    then proves by its own chain (SymPy sign reasoning, z3).

    Raises
    ------
    ClaimError
        For an undecided sign (nothing is claimed) or a non-statics object.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.logic.statics import comparative_statics
    >>> c, w = positive("c w")
    >>> cs = comparative_statics((c - w) / (1 + c - w), c, [c > w])
    >>> claim = statics_claim(cs)
    >>> claim.name, claim.prove().status
    ('increasing in c', 'proved')
    """
    fields = ("derivative", "sign", "wrt", "assumptions")
    if not all(hasattr(statics, f) for f in fields):
        raise ClaimError(f"{statics!r} is not a comparative-statics result")
    d, sign, wrt = statics.derivative, statics.sign, statics.wrt
    if sign == "increasing":
        statement = d > 0
    elif sign == "decreasing":
        statement = d < 0
    elif sign == "constant":
        statement = sympy.Eq(d, 0)
    elif sign == "depends":
        statement = sympy.And(
            sympy.Implies(statics.condition, d > 0),
            sympy.Implies(statics.negative_when, d < 0),
        )
    else:
        raise ClaimError(
            f"the sign of {d} in {wrt} is {sign!r}: there is nothing to claim"
        )
    word = sign if sign != "depends" else "sign of the slope"
    return Claim(
        statement,
        statics.assumptions,
        name=name or f"{word} in {wrt}",
        description=f"{statics.kind} of {statics.quantity}: {sign}",
    )
