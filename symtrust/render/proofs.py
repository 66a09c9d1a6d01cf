"""Proofs a reader can check: derivation steps and prover steps, in words.

A result's derivation steps and a claim's proof chain are recorded as
:class:`~symtrust.core.result.Step` values (label, expression,
justification). Here each becomes a numbered proof step:

* the expression in the printing policy's form
  (:mod:`symtrust.render.canonical`), trivial steps (``0 >= 0``) left out;
* the justification as a reason in words (:mod:`symtrust.render.phrases`);
* a sign established with the assumptions it needs: the expression is
  factored and each factor's sign is cited from the smallest set of
  assumptions that fixes it ("since $1 - m > 0$ by (A2)"); where no factor
  argument exists the step cites the assumptions that prove it and a
  footnote says the decision procedure verified it.

The decision procedure's work is reported once, in a remark after the proof
(:func:`verification_remark`), not as the reason of every step.

Examples
--------
>>> import sympy
>>> from symtrust import positive, interval
>>> from symtrust.render.context import DocContext
>>> c, w = positive("c w")
>>> m = interval("m", 0, 1, left_open=True, right_open=True)
>>> ctx = DocContext.collect([[c > w]])
>>> text, smt = sign_argument(2 * c * (1 - m) * (c - w) > 0, [c > w], ctx)
>>> print(text)
since $1 - m > 0$ and $c > 0$ by the parameters' domains, and $c - w > 0$ by (A1)
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.render.canonical import canonical, is_trivial, sign_of, tex
from symtrust.render.context import DocContext
from symtrust.render.layout import show
from symtrust.render.phrases import SIGN, label_words, reason
from symtrust.render.prose import prose

__all__ = ["claim_proof", "result_proof", "sign_argument", "verification_remark"]

_MAX_OPS = 160


def _display_or_inline(body: str) -> str:
    return show(body)


def _sentence(text: str) -> str:
    text = text.rstrip()
    if text.endswith("\\]"):
        return text + "\n"
    return text + ".\n"


# -- signs ------------------------------------------------------------------------


def _one_side(rel):
    """``(d, op)`` with ``d op 0`` and op one of > >= < <=, or None."""
    if not isinstance(rel, Relational) or rel.rel_op in ("==", "!="):
        return None
    return sympy.expand(rel.lhs - rel.rhs) if rel.rhs != 0 else rel.lhs, rel.rel_op


def _factors(d):
    if sympy.count_ops(d) > _MAX_OPS:
        return None
    try:
        coeff, factors = sympy.factor_list(sympy.together(d))
    except (sympy.PolynomialError, NotImplementedError, TypeError):
        return None
    return coeff, factors


def _factor_sentence(f, e, s, conds, ctx) -> tuple[str, str]:
    """One factor's sign, oriented positive, and its reason."""
    shown = canonical(f if s > 0 else -f, conds)
    if e % 2 == 0:
        return (
            f"${ctx.tex(sympy.Pow(shown, e, evaluate=False))} > 0$",
            "as a nonzero square",
        )
    kept = ctx.support((f if s > 0 else -f) > 0, conds)
    return f"${ctx.tex(shown)} > 0$", ctx.because(kept)


def _grouped(pieces) -> str:
    """Factor signs grouped by their reason: "$a > 0$ and $b > 0$ by (A1)"."""
    order, by_reason = [], {}
    for shown, why in pieces:
        if why not in by_reason:
            order.append(why)
            by_reason[why] = []
        by_reason[why].append(shown)
    return ", and ".join(" and ".join(by_reason[why]) + " " + why for why in order)


def sign_argument(statement, conds, ctx: DocContext) -> tuple[str, bool]:
    """Why a relation ``d op 0`` holds under the assumptions, in words.

    Returns the reason (LaTeX text) and whether it rests on the decision
    procedure alone (no factor argument was found).

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.render.context import DocContext
    >>> c, w = positive("c w")
    >>> sign_argument(c - w > 0, [c > w], DocContext.collect([[c > w]]))
    ('by (A1)', False)
    """
    if statement is S.true:
        # SymPy's own assumptions (the parameters' domains) settle it
        return "by the parameters' domains", False
    parts = _one_side(statement)
    if parts is None:
        kept = ctx.support(statement, conds)
        return ctx.because(kept), True
    d, op = parts
    if d.is_number:
        return ("a positive number" if d > 0 else "a negative number"), False
    found = _factors(d)
    if found is not None:
        coeff, factors = found
        signs = [sign_of(f, conds) for f, _ in factors]
        if factors and all(s in (1, -1) for s in signs):
            total = int(sympy.sign(coeff))
            for (_, e), s in zip(factors, signs, strict=True):
                total *= s**e
            wanted = 1 if op in (">", ">=") else -1
            if total == wanted:
                pieces = [
                    _factor_sentence(f, e, s, conds, ctx)
                    for (f, e), s in zip(factors, signs, strict=True)
                    if f.free_symbols
                ]
                if len(pieces) == 1 and abs(coeff) == 1:
                    # one factor: its sign is the statement's; give the reason
                    # alone, not the statement again
                    return pieces[0][1], False
                return "since " + _grouped(pieces), False
    kept = ctx.support(statement, conds)
    return ctx.because(kept), True


# -- result proofs ----------------------------------------------------------------


def _sign_statement(step):
    expr = step.expr
    if isinstance(expr, Relational):
        return expr
    if isinstance(expr, sympy.Expr):
        word = step.justification or ""
        return expr < 0 if "negative" in word else expr > 0
    return None


def _math(expr, assumptions, ctx, focus) -> str:
    if isinstance(expr, str):
        return prose(expr)
    if isinstance(expr, Mapping) or _is_mapping(expr):
        return "\n" + _mapping(expr, assumptions) + "\n"
    return _display_or_inline(ctx.math(expr, assumptions, focus=focus))


def _is_mapping(obj) -> bool:
    return (
        hasattr(obj, "items")
        and callable(obj.items)
        and not isinstance(obj, sympy.Basic)
    )


def _mapping(obj, assumptions) -> str:
    rows = []
    for k, v in obj.items():
        key = (
            k
            if isinstance(k, str)
            else ", ".join(map(str, k))
            if isinstance(k, tuple)
            else str(k)
        )
        value = (
            rf"\text{{{prose(v)}}}"
            if isinstance(v, str)
            else tex(canonical(v, assumptions))
        )
        rows.append(rf"\text{{{prose(key)}}} &\mapsto {value}")
    return "\\[\n\\begin{aligned}" + r" \\ ".join(rows) + "\\end{aligned}\n\\]"


# labels of steps that only restate where a result holds
_NO_CONDITION = {
    "condition",
    "conditions",
    "equilibrium condition",
    "both conditions",
    "validity",
    "defined when",
}


def step_text(
    step, assumptions, ctx: DocContext, focus=None
) -> tuple[str, bool] | None:
    """One derivation step as a sentence, or None for a trivial step."""
    expr = step.expr
    if (
        expr is not None
        and isinstance(expr, sympy.Basic)
        and is_trivial(expr)
        and expr is not S.true
    ):
        return None
    label = label_words(step.label)
    why = reason(step.justification)
    smt = False
    if why is SIGN:
        statement = _sign_statement(step)
        if isinstance(expr, sympy.Expr) and expr.is_number:
            # a number's sign needs no argument (no "by the domains")
            why = "negative" if "negative" in step.justification else "positive"
        elif statement is not None:
            why, smt = sign_argument(statement, assumptions, ctx)
            word = "negative" if "negative" in step.justification else "positive"
            if not isinstance(expr, Relational) and not why.startswith("a "):
                why = f"{word}, {why}"
            elif not isinstance(expr, Relational):
                why = word
        else:
            why = ""
    if expr is None:
        return _sentence(label + (f": {why}" if why else "")), smt
    if expr is S.false:
        text = f"{label}: holds at no admissible point"
        return _sentence(text + (f" ({why})" if why else "")), smt
    if expr is S.true and step.label.strip().lower() in _NO_CONDITION:
        # "condition: True" says nothing the proposition does not
        return None
    if expr is S.true:
        # "Where this regime holds: holds ..." says "holds" twice
        where = "holds" in step.label or step.label.lower().startswith("where")
        text = f"{label}: " + (
            "at every admissible point"
            if where
            else "holds for all admissible parameter values"
        )
        return _sentence(text + (f" ({why})" if why else "")), smt
    body = _math(expr, assumptions, ctx, focus)
    text = f"{label}: {body}"
    if why:
        text += ("" if text.endswith("\n") else ", ") + why
    return _sentence(text), smt


def _numerator_step(step, result, ctx) -> tuple[str, bool]:
    """The sign of a derivative read off its numerator, the denominator's sign
    established."""
    a = result.assumptions
    d = sympy.together(result.derivative)
    _, den = sympy.fraction(sympy.cancel(d) if d.is_rational_function() else d)
    if den.is_number:
        return _sentence(
            f"The derivative is {_display_or_inline(ctx.math(step.expr, a))}"
        ), False
    negative = sign_of(den, a) == -1
    why, smt = sign_argument(den < 0 if negative else den > 0, a, ctx)
    word = "negative" if negative else "positive"
    what = "minus its numerator" if negative else "its numerator"
    text = (
        f"The denominator {_display_or_inline(ctx.math(den, a))} is {word}, {why}; "
        f"so the derivative has the sign of {what}, "
        f"{_display_or_inline(ctx.math(step.expr, a))}"
    )
    return _sentence(text), smt


def result_proof(result, ctx: DocContext, *, focus=None) -> tuple[str, bool]:
    """The derivation of a result as numbered proof steps.

    Returns the LaTeX (an ``enumerate``, or ``""`` without steps) and whether
    some step rests on the decision procedure.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Result, Step
    >>> from symtrust.render.context import DocContext
    >>> x = sympy.Symbol("x", positive=True)
    >>> r = Result(kind="half", value=x / 2, steps=(Step("halve", x / 2, "definition"),))
    >>> print(result_proof(r, DocContext())[0])
    \\begin{enumerate}
    \\item Halve: $\\frac{x}{2}$, definition.
    \\end{enumerate}
    <BLANKLINE>
    """
    steps = getattr(result, "steps", ()) or ()
    assumptions = getattr(result, "assumptions", None)
    items, smt = [], False
    for step in steps:
        if step.label == "numerator" and hasattr(result, "derivative"):
            text, used = _numerator_step(step, result, ctx)
            smt = smt or used
            items.append("\\item " + text)
            continue
        made = step_text(step, assumptions, ctx, focus)
        if made is None:
            continue
        text, used = made
        smt = smt or used
        items.append("\\item " + text)
    if not items:
        return "", smt
    return "\\begin{enumerate}\n" + "".join(items) + "\\end{enumerate}\n", smt


# -- claim proofs ------------------------------------------------------------------


def _claim_step(
    step, conds, ctx, gaps=frozenset(), stated=None
) -> tuple[str | None, bool, list]:
    """A prover step as a sentence; returns (text, smt used, extra conditions)."""
    label, expr = step.label, step.expr
    if label == "claim":
        return None, False, []
    if label == "premise":
        shown = ctx.math(expr, conds)
        return (
            _sentence(f"Assume {_display_or_inline(shown)}"),
            False,
            list(_conjuncts(expr)),
        )
    if label == "evaluation":
        return (
            _sentence(
                "Simplified on the parameters' domains, the statement reads true"
            ),
            False,
            [],
        )
    if expr is not None and isinstance(expr, sympy.Basic) and is_trivial(expr):
        return None, False, []
    if label == "one side":
        shown = ctx.math(expr, conds)
        if shown in _printed_parts(stated, conds, ctx):
            # the statement is already one side over zero: nothing to bring
            return None, False, []
        return (
            _sentence(
                "Over a common denominator, it suffices that "
                f"{_display_or_inline(shown)}"
            ),
            False,
            [],
        )
    if label == "denominator":
        # printed fractions carry a positive denominator (the printing
        # policy), so a negative one is shown turned round, with its
        # numerator: the sign of what follows is then that of the fraction
        negative = "negative" in (step.justification or "")
        den = -expr if negative and isinstance(expr, sympy.Expr) else expr
        why, smt = sign_argument(den > 0, conds, ctx)
        word = "positive"
        then = "it can be cleared"
        shown = ctx.math(den, conds)
        return (
            _sentence(
                f"The denominator {_display_or_inline(shown)} is {word}, {why}; so {then}"
            ),
            smt,
            [],
        )
    if label in ("z3", "sign"):
        why, smt = sign_argument(expr, conds, ctx)
        if gaps & getattr(expr, "free_symbols", set()) and (
            why == "by the parameters' domains"
        ):
            why = "by the signs of the gaps and the parameters' domains"
        shown = ctx.math(expr, conds)
        return _sentence(f"Then {_display_or_inline(shown)} holds, {why}"), smt, []
    if label == "substitution":
        return _sentence(_substitution_words(expr, conds, ctx, gaps)), False, []
    if label == "counterexample":
        return None, False, []
    if label == "evidence":
        return None, False, []
    made = step_text(step, conds, ctx)
    return (made[0] if made else None), (made[1] if made else False), []


# names for the gaps a proof introduces (a = b + gap), in order; a name a
# document's parameters use (or begin with) is skipped
_GAP_NAMES = ("varepsilon", "eta", "zeta", "xi", "nu", "chi", "psi", "omega")


def _substitution_words(expr, conds, ctx, gaps) -> str:
    """ "By (A1), write R = T + epsilon with epsilon > 0" for a substitution step.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> g = sympy.Dummy("delta_1", positive=True)
    >>> ctx = DocContext.collect([[c > w]])
    >>> ctx.symbol_names = {g: r"\\varepsilon"}
    >>> step = sympy.And(sympy.Eq(c, w + g, evaluate=False), g > 0)
    >>> _substitution_words(step, [c > w], ctx, {g})
    'By (A1), write $c = w + \\\\varepsilon$ with $\\\\varepsilon > 0$'
    """
    parts = _conjuncts(expr)
    equations = [a for a in parts if isinstance(a, sympy.Eq)]
    cited, shown, order = [], [], []
    for eq in equations:
        gap = next((g for g in eq.rhs.free_symbols if g in gaps), None)
        if gap is None:
            shown.append(f"${ctx.math(eq, conds)}$")
            continue
        order.append(gap)
        coeff = eq.rhs.coeff(gap)
        other = sympy.expand(eq.rhs - coeff * gap)
        sign = "+" if coeff.is_positive else "-"
        shown.append(f"${ctx.tex(eq.lhs)} = {ctx.tex(other)} {sign} {ctx.tex(gap)}$")
        for rel in (
            eq.lhs > other,
            eq.lhs >= other,
            other < eq.lhs,
            other <= eq.lhs,
            eq.lhs < other,
            eq.lhs <= other,
            other > eq.lhs,
            other >= eq.lhs,
        ):
            lab = ctx.label(rel)
            if lab is not None and lab not in cited:
                cited.append(lab)
                break
    weak = {a.lhs for a in parts if isinstance(a, Relational) and a.rel_op == ">="}
    with_ = []
    strict = [g for g in order if g not in weak]
    if strict:
        with_.append(", ".join(ctx.tex(g) for g in strict) + " > 0")
    if weak:
        with_.append(", ".join(ctx.tex(g) for g in order if g in weak) + r" \\geq 0")
    gaps_text = (" with $" + "$ and $".join(with_) + "$") if with_ else ""
    lead = (
        f"By {_and_words([f'({lab})' for lab in sorted(cited, key=lambda x: int(x[1:]))])}, write"
        if cited
        else "By the parameters' bounds, write"
    )
    return f"{lead} {_and_words(shown)}{gaps_text}"


def _and_words(items) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _gap_names(steps, ctx) -> dict:
    """A printed name for each gap a proof's substitutions introduce.

    The prover names its gaps ``delta_1, delta_2, ...`` afresh in every
    substitution; printed so, they collide with a parameter (the discount
    factor delta) or read as a player's index. Each gap gets a letter no
    parameter of the document uses, and the same substitution (``R = T +
    gap``) keeps its letter throughout the proof.
    """
    used = {str(s).split("_")[0] for s in ctx.parameters}
    for step in steps:
        for sym in getattr(step.expr, "free_symbols", ()) or ():
            if not isinstance(sym, sympy.Dummy):
                used.add(str(sym).split("_")[0])
    free = [n for n in _GAP_NAMES if n not in used] or ["gamma"]
    by_key, names = {}, {}
    for step in steps:
        if step.label != "substitution" or not isinstance(step.expr, sympy.Basic):
            continue
        for eq in _conjuncts(step.expr):
            if not isinstance(eq, sympy.Eq):
                continue
            for gap in eq.rhs.free_symbols:
                if not isinstance(gap, sympy.Dummy) or gap in names:
                    continue
                key = (eq.lhs, sympy.expand(eq.rhs.subs(gap, 0)))
                if key not in by_key:
                    k = len(by_key)
                    base = free[k % len(free)]
                    suffix = f"_{{{k // len(free) + 1}}}" if k >= len(free) else ""
                    by_key[key] = "\\" + base + suffix
                names[gap] = by_key[key]
    return names


def _printed_parts(statement, conds, ctx) -> set:
    """The printed conjuncts of a statement (of its conclusion, for an
    implication)."""
    if statement is None:
        return set()
    if isinstance(statement, sympy.Implies):
        statement = statement.args[1]
    return {ctx.math(c, conds) for c in _conjuncts(statement)}


def _conjuncts(cond):
    if isinstance(cond, sympy.And):
        return [c for a in cond.args for c in _conjuncts(a)]
    return [cond]


def claim_proof(proof, ctx: DocContext) -> tuple[str, bool]:
    """A claim's proof chain as numbered steps in words.

    Returns the LaTeX (an ``enumerate``) and whether the decision procedure
    was needed for some step.

    Examples
    --------
    >>> from symtrust import Claim, positive
    >>> from symtrust.render.context import DocContext
    >>> x = positive("x")
    >>> text, smt = claim_proof(Claim(x / (1 + x) < 1).prove(examples=0), DocContext())
    >>> text.count("item") >= 1, smt
    (True, False)
    """
    conds = list(proof.claim.assumptions.conditions)
    items, smt = [], False
    names = _gap_names(proof.steps, ctx)
    gaps = frozenset(names)
    saved, saved_premises = ctx.symbol_names, ctx.premises
    ctx.symbol_names = {**saved, **names}
    ctx.premises = tuple(
        c
        for step in proof.steps
        if step.label == "premise" and isinstance(step.expr, sympy.Basic)
        for c in _conjuncts(step.expr)
    )
    try:
        for step in proof.steps:
            text, used, extra = _claim_step(
                step, tuple(conds), ctx, gaps, proof.claim.statement
            )
            conds.extend(extra)
            smt = smt or used
            if text and not items and text.startswith("Then "):
                # nothing comes before it to follow from
                text = "Indeed, " + text[len("Then ") :]
            if text:
                items.append("\\item " + text)
    finally:
        ctx.symbol_names, ctx.premises = saved, saved_premises
    if not items:
        return "", smt
    return "\\begin{enumerate}\n" + "".join(items) + "\\end{enumerate}\n", smt


def verification_remark(*, smt: bool, check=None, evidence=None) -> str:
    """A short remark on how a statement was verified (decision procedure,
    numeric twin, counterexample search).

    Examples
    --------
    >>> print(verification_remark(smt=True), end="")
    \\begin{remark}
    The steps that cite assumptions without a factor argument were verified by an SMT solver (z3, nonlinear real arithmetic).
    \\end{remark}
    """
    parts = []
    if smt:
        parts.append(
            "The steps that cite assumptions without a factor argument were "
            "verified by an SMT solver (z3, nonlinear real arithmetic)"
        )
    if check is not None:
        parts.append(_check_words(check))
    if evidence is not None:
        tried = getattr(evidence, "tried", 0)
        held = getattr(evidence, "held", 0)
        if tried and held == tried:
            parts.append(
                f"a counterexample search at {tried} random exact admissible "
                "points found none"
            )
        elif tried:
            parts.append(
                f"the statement held at {held} of {tried} random exact admissible points"
            )
    if not parts:
        return ""
    text = "; ".join(parts)
    return "\\begin{remark}\n" + text[:1].upper() + text[1:] + ".\n\\end{remark}\n"


def _check_words(rep) -> str:
    if rep.passed is True:
        points = "point" if rep.examples == 1 else "points"
        return (
            f"the closed form agrees with an independent exact computation (its "
            f"numeric twin) at {rep.examples} random exact admissible {points}"
        )
    if rep.passed is False:
        return "the numeric twin found a DISAGREEMENT: this result failed its check"
    msg = getattr(rep, "message", "")
    return "the numeric twin did not run" + (f" ({prose(msg)})" if msg else "")
