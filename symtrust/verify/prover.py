"""The proof chain behind :meth:`symtrust.verify.claims.Claim.prove`.

For a statement ``S`` under assumptions ``A`` (a conjunction of relations over
parameters with domains):

1. Structure. ``S1 & S2`` is proved conjunct by conjunct; ``P >> Q`` is proved
   as ``Q`` under ``A & P``.
2. SymPy sign reasoning. A relation ``lhs ~ rhs`` becomes ``d ~ 0`` with
   ``d = lhs - rhs`` over a common denominator, factored. If SymPy's assumption
   system fixes the sign of ``d`` from the parameters' own domains (positive,
   nonnegative), and every denominator is nonzero and every radicand
   nonnegative there, the relation holds. Otherwise the stated orderings are
   substituted (``a > b`` as ``a = b + d`` with a new ``d > 0``; ``a < k`` as
   ``a = k - d``) and the sign is tried again. Each substitution is an
   identity at every admissible point, so a sign found this way is proved.
3. z3. A denominator whose sign is fixed under the assumptions (decided by z3)
   is cleared, flipping the relation if it is negative; the polynomial
   statement goes to :func:`symtrust.logic.decide.decide` (nonlinear real
   arithmetic, square roots and ``Piecewise`` encoded exactly). A
   counterexample found for the cleared form is re-checked on the original
   statement by exact substitution.
4. Evidence. If still undecided, random exact rational points satisfying the
   assumptions are tried; a point where the statement fails (checked exactly)
   refutes it, otherwise the count of points where it held is reported.

All z3 calls share the claim's time budget, so a hard claim ends undecided
rather than hanging.

Examples
--------
>>> import sympy
>>> from symtrust.verify.claims import Claim
>>> from symtrust import real
>>> x = real("x")
>>> proof = run_proof(Claim(x**2 - 2*x + 1 >= 0), budget=5.0, examples=10, seed=0)
>>> [(s.label, str(s.expr)) for s in proof.steps]
[('claim', 'x**2 - 2*x + 1 >= 0'), ('one side', '(x - 1)**2 >= 0'), ('sign', '(x - 1)**2 >= 0')]
"""

from __future__ import annotations

from functools import lru_cache

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.result import Step
from symtrust.errors import VerificationError
from symtrust.logic.budget import Budget, as_seconds
from symtrust.logic.conditions import cancelled_factor, sign_under
from symtrust.logic.decide import decide, satisfiable
from symtrust.verify.proof import STATUS, Proof
from symtrust.verify.sampling import evaluate_at, gather_evidence

__all__ = ["evaluate_at", "run_proof"]

_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}
# expressions larger than this are not factored (SymPy could take long)
_MAX_OPS = 400


#: Default total time of one proof chain, in seconds (``budget=None``).
DEFAULT_PROOF_SECONDS = 10.0


def run_proof(claim, *, budget=None, examples: int, seed: int):
    """Run the proof chain on a claim; cached, since claims are values.

    ``budget`` is None (:data:`DEFAULT_PROOF_SECONDS` in total), a number of
    seconds in total, or a :class:`~symtrust.logic.budget.Budget`; a proof
    under a Budget object is not cached, since its clock is the caller's.

    Examples
    --------
    >>> from symtrust import probability
    >>> from symtrust.verify.claims import Claim
    >>> p = probability("p")
    >>> run_proof(Claim(p**2 <= p), budget=5.0, examples=0, seed=0).status
    'proved'
    """
    if isinstance(budget, Budget):
        return _run_proof.__wrapped__(claim, budget, int(examples), int(seed))
    seconds = DEFAULT_PROOF_SECONDS if budget is None else as_seconds(budget)
    return _run_proof(claim, seconds, int(examples), int(seed))


@lru_cache(maxsize=1024)
def _run_proof(claim, budget, examples, seed):
    budget = Budget.of(budget)
    conds = tuple(claim.assumptions.conditions)
    steps = [Step("claim", claim.statement, "asserted wherever the assumptions hold")]
    truth, point, reason = _prove(claim.statement, conds, budget, steps)
    evidence = None
    if truth is not False and examples > 0:
        # exact checks at random admissible points: evidence, and a safety net
        n = examples if truth is None else min(examples, 10)
        # a proof's sanity check uses the cheap sampler; evidence the thorough one
        found, bad = gather_evidence(
            claim.statement, conds, n, seed, quick=truth is True
        )
        if bad is not None and truth is True:
            raise VerificationError(
                f"claim {claim.statement} was proved but fails at {bad} "
                "(a bug in symtrust's prover; please report it)"
            )
        if bad is not None:
            truth, point = False, bad
            reason = "fails at a random exact admissible point (checked exactly)"
            steps.append(Step("counterexample", _point_expr(bad), reason))
        else:
            evidence = found
            if truth is None and found is not None:
                steps.append(Step("evidence", None, str(found)))
    if truth is False:
        _confirm(claim, point)
    return Proof(
        value=claim.statement,
        assumptions=claim.assumptions,
        steps=tuple(steps),
        claim=claim,
        status=STATUS[truth],
        truth=truth,
        counterexample=point if truth is False else None,
        evidence=evidence,
        reason=reason,
    )


def _point_expr(point):
    return sympy.And(*[sympy.Eq(k, v, evaluate=False) for k, v in point.items()])


def _confirm(claim, point):
    """Re-check a counterexample exactly before it is reported."""
    if point is None or not claim.assumptions.holds_at(point):
        raise VerificationError(
            f"counterexample {point} to {claim.statement} does not satisfy the "
            "assumptions (a bug in symtrust's prover)"
        )
    held = evaluate_at(claim.statement, point)
    if held is not False:
        raise VerificationError(
            f"counterexample {point} does not violate {claim.statement} "
            "(a bug in symtrust's prover)"
        )


# -- structure ----------------------------------------------------------------


def _conjuncts(cond):
    if isinstance(cond, sympy.And):
        return [c for a in cond.args for c in _conjuncts(a)]
    return [cond]


def _prove(statement, conds, budget, steps):
    """Return (truth, counterexample, reason), appending steps."""
    if statement is S.true:
        steps.append(Step("evaluation", S.true, "SymPy evaluates the statement"))
        return True, None, "true as stated"
    if statement is S.false:
        witness = satisfiable(S.true, conds, budget=_at_least(budget, 0.1))
        if witness.truth is True and witness.counterexample is not None:
            return False, dict(witness.counterexample), "false as stated"
        return None, None, "false as stated, but no admissible point was found"
    if isinstance(statement, sympy.And):
        parts = _conjuncts(statement)
        outcome, reasons = True, []
        for part in parts:
            truth, point, reason = _prove(part, conds, budget, steps)
            if truth is False:
                return False, point, f"the part {part} fails: {reason}"
            if truth is None:
                outcome = None
                reasons.append(f"{part}: {reason}")
        if outcome is True:
            return True, None, "every part holds"
        return None, None, "; ".join(reasons)
    if isinstance(statement, sympy.Implies):
        premise, conclusion = statement.args
        steps.append(Step("premise", premise, "assumed in addition"))
        return _prove(conclusion, (*conds, *_conjuncts(premise)), budget, steps)
    if isinstance(statement, Relational):
        truth, reason = _by_sympy(statement, conds, steps)
        if truth is True:
            return True, None, reason
    return _by_z3(statement, conds, budget, steps)


# -- SymPy sign reasoning --------------------------------------------------------


def _one_side(rel):
    """``lhs ~ rhs`` as ``(d, op)`` with ``d ~ 0`` and op in >, >=, ==, !=."""
    op = rel.rel_op
    d = rel.lhs - rel.rhs
    if op in ("<", "<="):
        return -d, _FLIP[op]
    return d, op


def _tidy(d):
    if sympy.count_ops(d) > _MAX_OPS:
        return d
    d = sympy.cancel(sympy.together(d))
    num, den = sympy.fraction(d)
    if sympy.count_ops(num) + sympy.count_ops(den) > _MAX_OPS:
        return d
    num, den = _positive_lead(sympy.factor(num)), _positive_lead(sympy.factor(den))
    if den.could_extract_minus_sign():
        num, den = -num, -den
    return num / den


def _even_power_flip(e):
    return e.is_Pow and e.exp.is_even and e.base.could_extract_minus_sign()


def _positive_lead(e):
    """Write (-a + b)**2 as (a - b)**2: the same value, easier to read."""
    return e.replace(_even_power_flip, lambda p: (-p.base) ** p.exp)


def _sympy_defined(expr) -> bool:
    """Whether SymPy's assumptions show every denominator and radicand is fine."""
    for sub in sympy.preorder_traversal(expr):
        if isinstance(sub, sympy.Pow):
            base, exp = sub.args
            if exp.is_negative and base.is_nonzero is not True:
                return False
            if not exp.is_integer and base.is_nonnegative is not True:
                return False
        elif isinstance(sub, sympy.Function) and not isinstance(sub, sympy.Abs):
            return False
    return True


def _holds(d, op) -> bool:
    # SymPy's assumption queries are not time-bounded: large expressions go to z3
    if sympy.count_ops(d) > _MAX_OPS or not _sympy_defined(d):
        return False
    if op == ">":
        return d.is_positive is True
    if op == ">=":
        return d.is_nonnegative is True
    if op == "!=":
        return d.is_nonzero is True
    if op == "==":
        return d == 0 or sympy.expand(d) == 0 or sympy.simplify(d) == 0
    return False


def _orderings(conds, with_bounds: bool):
    """Substitutions a = b + d (d > 0 or >= 0) from the stated orderings."""
    subs = []
    for c in conds:
        if not isinstance(c, Relational) or c.rel_op in ("==", "!="):
            continue
        big, small = (c.lhs, c.rhs) if c.rel_op in (">", ">=") else (c.rhs, c.lhs)
        strict = c.rel_op in (">", "<")
        if isinstance(big, sympy.Symbol) and isinstance(small, sympy.Symbol):
            subs.append((big, small, strict, +1))
        elif with_bounds and isinstance(big, sympy.Symbol) and small.is_number:
            if small != 0:
                subs.append((big, small, strict, +1))
        elif with_bounds and isinstance(small, sympy.Symbol) and big.is_number:
            subs.append((small, big, strict, -1))
    return subs


def _substituted(d, conds, with_bounds):
    """Substitute the orderings; return (expression, substitutions) or None."""
    done = {}
    for sym, other, strict, sign in _orderings(conds, with_bounds):
        if sym in done or sym not in d.free_symbols:
            continue
        # a weak ordering leaves the gap nonnegative, never "not positive"
        sign_fact = {"positive": True} if strict else {"nonnegative": True}
        gap = sympy.Dummy(f"delta_{len(done) + 1}", real=True, **sign_fact)
        done[sym] = (other + sign * gap, gap, strict)
        d = d.xreplace({sym: other + sign * gap})
    return (d, done) if done else None


def _by_sympy(rel, conds, steps):
    d, op = _one_side(rel)
    lost = cancelled_factor(d)
    if not lost.is_number and lost.is_nonzero is not True:
        # reducing would hide the points where the cancelled factor vanishes
        # (the statement is undefined, so not proved, there): z3 decides
        return None, ""
    d = _tidy(d)
    steps.append(
        Step(
            "one side",
            Relational(d, 0, op, evaluate=False),
            "moved to one side over a common denominator, factored",
        )
    )
    if _holds(d, op):
        steps.append(
            Step(
                "sign",
                Relational(d, 0, op, evaluate=False),
                "each factor's sign follows from the parameters' domains (SymPy)",
            )
        )
        return True, "sign of each factor, from the parameters' domains"
    for with_bounds in (False, True):
        made = _substituted(d, conds, with_bounds)
        if made is None:
            continue
        e, done = _tidy(made[0]), made[1]
        if _holds(e, op):
            what = "orderings and bounds" if with_bounds else "orderings"
            gaps = sympy.And(
                *[
                    Relational(gap, 0, ">" if strict else ">=", evaluate=False)
                    for _, gap, strict in done.values()
                ]
            )
            steps.append(
                Step(
                    "substitution",
                    sympy.And(
                        *[sympy.Eq(k, v[0], evaluate=False) for k, v in done.items()],
                        gaps,
                    ),
                    f"from the stated {what}",
                )
            )
            steps.append(
                Step(
                    "sign",
                    Relational(e, 0, op, evaluate=False),
                    "each factor's sign follows from the domains (SymPy)",
                )
            )
            return True, f"sign of each factor after substituting the {what}"
    return None, ""


# -- z3 -------------------------------------------------------------------------


def _share(budget, fraction: float):
    """A part of what is left of the budget (all of it, without a total)."""
    if budget.total is None:
        return budget
    return budget.within(max(budget.remaining * fraction, 0.05))


def _at_least(budget, seconds: float):
    """The budget, or a last ``seconds`` for one decision if it is spent.

    The proof chain grants its final z3 call a minimum, so that a claim that
    z3 decides at once is not left undecided by earlier steps' spending.
    """
    if budget.remaining > seconds:
        return budget
    return Budget(seconds, per_decision=min(budget.per_decision, seconds))


def _by_z3(statement, conds, budget, steps):
    goal, cleared = statement, False
    if isinstance(statement, Relational):
        d, op = _one_side(statement)
        d = _tidy(d)
        num, den = sympy.fraction(sympy.together(d))
        if den != 1 and not budget.expired:
            s = sign_under(den, conds, budget=_share(budget, 1 / 3))
            if s in (1, -1):
                goal = Relational(
                    sympy.expand(num) if s > 0 else -sympy.expand(num), 0, op
                )
                cleared = True
                sign_word = "positive" if s > 0 else "negative"
                steps.append(
                    Step(
                        "denominator",
                        den,
                        f"{sign_word} under the assumptions (z3); cleared",
                    )
                )
    if isinstance(statement, Relational):
        lost = cancelled_factor(statement.lhs - statement.rhs)
        if not lost.is_number:
            # the statement is undefined where the cancelled factor vanishes
            goal = sympy.And(sympy.Ne(lost, 0), goal)
    if budget.expired:
        budget.mark_incomplete()
        return None, None, "time budget exhausted before z3 could run"
    verdict = decide(goal, conds, budget=_at_least(budget, 0.05))
    if verdict.truth is True:
        steps.append(
            Step(
                "z3", goal, "nonlinear real arithmetic: no admissible point violates it"
            )
        )
        return True, None, "z3: no admissible point violates it"
    if verdict.truth is False:
        point = dict(verdict.counterexample)
        if evaluate_at(statement, point) is False:
            steps.append(
                Step("counterexample", _point_expr(point), "z3, checked exactly")
            )
            return False, point, "z3 counterexample, checked by exact substitution"
        if cleared and not budget.expired:
            return _by_z3_plain(statement, conds, budget, steps)
        return None, None, "z3's counterexample could not be confirmed exactly"
    return None, None, verdict.reason


def _by_z3_plain(statement, conds, budget, steps):
    verdict = decide(statement, conds, budget=_at_least(budget, 0.05))
    if verdict.truth is True:
        steps.append(Step("z3", statement, "no admissible point violates it"))
        return True, None, "z3: no admissible point violates it"
    if verdict.truth is False:
        point = dict(verdict.counterexample)
        steps.append(Step("counterexample", _point_expr(point), "z3, checked exactly"))
        return False, point, "z3 counterexample, checked by exact substitution"
    return None, None, verdict.reason
