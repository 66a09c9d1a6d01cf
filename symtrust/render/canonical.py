"""One printing policy for the mathematics in documents and fragments.

An expression is printed the way a person would write it, under the
assumptions of the result it belongs to:

1. **Fractions with the sign normalised.** ``n/d`` is cancelled into one
   fraction; the denominator is made positive where the assumptions fix its
   sign (decided by :func:`symtrust.logic.conditions.sign_under`), else given a
   positive leading term; a negative numerator becomes a minus sign in front.
   So :math:`(w - c)/(-c + t_T + w - 1)` prints :math:`(c - w)/(c - t_T - w + 1)`.
2. **Factored or expanded, whichever is shorter**, with factors of fixed
   negative sign turned round: :math:`2 (m - 1)(t_T - 1)` under
   :math:`m, t_T < 1` prints :math:`2 (1 - m)(1 - t_T)`.
3. **A positive term first** in every sum (:class:`DocumentPrinter`):
   :math:`1 - t_T`, not :math:`- t_T + 1`.
4. **Relations solved for the variable of interest** where the relation is
   linear in it with a coefficient of fixed sign
   (:math:`c\\pi + \\pi + w \\geq c + \\pi t_T + \\pi w` reads
   :math:`\\pi \\geq (c - w)/(c - t_T - w + 1)`), else by
   :func:`symtrust.logic.solve_for.solve_for` where one solved piece covers
   the whole admissible space (:math:`p^2 s \\geq h` reads
   :math:`p \\geq \\sqrt{h/s}` under :math:`s > h`).
5. **No trivial parts**: a conjunct that is true as written (``0 >= 0``) is
   dropped.

Every rewrite is an identity (or, for relations, an equivalence under the
assumptions, with the sign of what is multiplied decided first); large
expressions are printed as they are rather than risk a slow simplification.

Examples
--------
>>> from symtrust import positive, interval
>>> c, w = positive("c w")
>>> t_T = interval("t_T", 0, 1, right_open=True)
>>> tex(canonical((w - c) / (-c + t_T + w - 1), [c > w]))
'\\\\frac{c - w}{c - t_{T} - w + 1}'
>>> tex(canonical(1 - t_T))
'1 - t_{T}'
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import sympy
from sympy import S
from sympy.core.relational import Relational

from symtrust.core.printer import SymtrustLatexPrinter
from symtrust.errors import SymtrustError
from symtrust.logic.budget import Budget
from symtrust.logic.conditions import sign_under
from symtrust.logic.decide import as_conditions
from symtrust.logic.solve_for import solve_for
from symtrust.render.prose import upright_indices

__all__ = [
    "DocumentPrinter",
    "auto_focus",
    "canonical",
    "canonical_relation",
    "is_trivial",
    "sign_of",
    "tex",
]

# expressions with more operations than this are printed as they stand
_MAX_OPS = 160
# seconds the decision procedure may spend on one sign, and on solving one
# relation for a variable
_SIGN_BUDGET = 1.0
_SOLVE_BUDGET = 3.0
_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "==": "==", "!=": "!="}


class DocumentPrinter(SymtrustLatexPrinter):
    """symtrust's LaTeX printer with a positive term first in every sum.

    Examples
    --------
    >>> import sympy
    >>> t, c = sympy.symbols("t_T c")
    >>> DocumentPrinter().doprint(1 - t + c)
    'c - t_{T} + 1'
    >>> DocumentPrinter().doprint(1 - t)
    '1 - t_{T}'
    """

    def _print_Symbol(self, expr, style="plain"):
        words = expr.name.split("_")
        # a name made of words ("builds_destroy_cooperation") prints as text
        if len(words) >= 2 and all(len(w) >= 4 and w.isalpha() for w in words):
            return r"\text{" + " ".join(words) + "}"
        return upright_indices(super()._print_Symbol(expr, style=style))

    def _print_BooleanTrue(self, expr):
        return r"\text{true}"

    def _print_BooleanFalse(self, expr):
        return r"\text{false}"

    def _print_Add(self, expr, order=None):
        terms = list(self._as_ordered_terms(expr, order=order))
        first = next(
            (k for k, term in enumerate(terms) if not term.could_extract_minus_sign()),
            0,
        )
        terms = [terms[first], *terms[:first], *terms[first + 1 :]]
        out = ""
        for k, term in enumerate(terms):
            if k == 0:
                pass
            elif term.could_extract_minus_sign():
                out += " - "
                term = -term
            else:
                out += " + "
            piece = self._print(term)
            if self._needs_add_brackets(term):
                piece = rf"\left({piece}\right)"
            out += piece
        return out


def tex(obj, **settings) -> str:
    """LaTeX (math mode) of an object with the document printer.

    Examples
    --------
    >>> import sympy
    >>> tex(sympy.Symbol("t_hat") - 1)
    '\\\\hat{t} - 1'
    """
    return DocumentPrinter(settings).doprint(obj)


def _conds(assumptions) -> tuple:
    if assumptions is None:
        return ()
    return tuple(as_conditions(assumptions))


def sign_of(expr, assumptions=()) -> int | None:
    """The sign (1, -1 or 0) of an expression under the assumptions, if fixed.

    SymPy's own assumptions are asked first (cheap), then the decision
    procedure with a small time budget. None when the sign varies or is
    undecided.

    Examples
    --------
    >>> from symtrust import positive
    >>> c, w = positive("c w")
    >>> sign_of(c - w, [c > w]), sign_of(c - w)
    (1, None)
    """
    return _sign(sympy.sympify(expr, strict=True), _conds(assumptions))


@lru_cache(maxsize=4096)
def _sign(expr, conds) -> int | None:
    if expr.is_zero:
        return 0
    if expr.is_positive:
        return 1
    if expr.is_negative:
        return -1
    if not expr.free_symbols or sympy.count_ops(expr) > _MAX_OPS:
        return None
    try:
        return sign_under(expr, conds, budget=Budget(per_decision=_SIGN_BUDGET))
    except Exception:
        return None


def _negative_lead(expr) -> bool:
    """Whether a sum reads better negated: more negative terms than positive
    (ties broken by SymPy's rule), or a negative number or product."""
    if isinstance(expr, sympy.Add):
        signs = [t.could_extract_minus_sign() for t in expr.args]
        neg = sum(signs)
        if 2 * neg != len(signs):
            return 2 * neg > len(signs)
    return bool(expr.could_extract_minus_sign())


def _orient(factor, conds) -> tuple[int, sympy.Expr]:
    """A factor with a negative sign (fixed or leading) turned round."""
    base, exp = factor.as_base_exp()
    if not isinstance(base, sympy.Add):
        return 1, factor
    s = _sign(base, conds)
    if s == -1 or (s is None and _negative_lead(base)):
        flipped = sympy.expand(-base)
        sign = -1 if exp.is_integer and exp % 2 else 1
        if not exp.is_integer:
            return 1, factor
        return sign, flipped**exp
    return 1, factor


@lru_cache(maxsize=4096)
def _readable(expr, conds, *, keep=False) -> sympy.Expr:
    """Factored or expanded, whichever prints shorter; factors oriented.

    With ``keep`` the form given wins unless another is clearly shorter;
    otherwise the factored form wins ties."""
    if not isinstance(expr, sympy.Expr) or not expr.free_symbols:
        return expr
    if sympy.count_ops(expr) > _MAX_OPS or _too_big_to_factor(expr):
        return expr
    try:
        factored, expanded = sympy.factor(expr), sympy.expand(expr)
    except (sympy.PolynomialError, NotImplementedError, TypeError):
        return _oriented(expr, conds)
    # factored against the form given: the shorter, the factored on a tie
    candidates = [_oriented(expr, conds)]
    if isinstance(factored, (sympy.Mul, sympy.Pow)):
        candidates.insert(0, _oriented(factored, conds))
    compact = min(candidates, key=lambda e: len(str(e)))
    flat = _oriented(expanded, conds)
    # expanded only if clearly shorter than the form as derived
    margin = 3 if keep else 2
    return flat if len(str(flat)) + margin < len(str(compact)) else compact


# factoring a polynomial of many terms or a high degree can take long
_MAX_TERMS, _MAX_DEGREE = 30, 12


def _too_big_to_factor(expr) -> bool:
    terms = sympy.Add.make_args(sympy.expand(expr)) if expr.is_Add else ()
    if len(terms) > _MAX_TERMS:
        return True
    try:
        return sympy.Poly(expr).total_degree() > _MAX_DEGREE
    except (sympy.PolynomialError, sympy.GeneratorsNeeded):
        return False


def _oriented(best, conds) -> sympy.Expr:
    """A product's factors of negative sign turned round, the sign in front."""
    if isinstance(best, sympy.Mul):
        sign, factors, free = 1, [], []
        for f in best.args:
            s, g = _orient(f, conds)
            sign, factors = sign * s, [*factors, g]
            # a sum whose sign the assumptions leave open may take a minus sign
            base, exp = g.as_base_exp()
            free.append(
                isinstance(base, sympy.Add) and exp == 1 and _sign(base, conds) is None
            )
        coeff = S.One
        for k in range(len(factors) - 1, -1, -1):
            if factors[k].is_Number:
                coeff *= factors[k]
                del factors[k], free[k]
        coeff *= sign
        if coeff < 0 and any(free):
            # -pi (s - 1) reads pi (1 - s)
            k = free.index(True)
            factors[k], coeff = sympy.expand(-factors[k]), -coeff
        if not factors:
            return coeff
        body = sympy.Mul(*factors, evaluate=False) if len(factors) > 1 else factors[0]
        if coeff == 1:
            return body
        if coeff == -1:
            return _negated(body)
        return sympy.Mul(coeff, *factors, evaluate=False)
    if isinstance(best, sympy.Pow):
        s, g = _orient(best, conds)
        return g if s > 0 else _negated(g)
    return best


def _negated(body) -> sympy.Expr:
    if body.is_Number:
        return -body
    coeff, rest = body.as_coeff_Mul()
    if coeff.is_Number and coeff != 1:
        return sympy.Mul(-coeff, rest, evaluate=False)
    return sympy.Mul(S.NegativeOne, body, evaluate=False)


@lru_cache(maxsize=4096)
def _fraction(expr, conds) -> sympy.Expr:
    try:
        # cancel merges the terms itself: a together() first only costs time
        merged = sympy.cancel(expr)
    except (sympy.PolynomialError, NotImplementedError, TypeError):
        return expr
    num, den = sympy.fraction(sympy.together(merged))
    if den == 1:
        return _readable(expr, conds, keep=True)
    if not den.free_symbols and not num.is_Add:
        return _readable(merged, conds)
    s = _sign(den, conds)
    if s == -1 or (s is None and _negative_lead(sympy.expand(den))):
        num, den = sympy.expand(-num), sympy.expand(-den)
    negative = False
    if num.free_symbols or num.is_Number:
        sn = _sign(num, conds) if num.free_symbols else (1 if num > 0 else -1)
        flat = sympy.expand(num)
        # a sum of open sign keeps its terms (a positive one printed first)
        if sn == -1 or (sn is None and not flat.is_Add and _negative_lead(flat)):
            num, negative = sympy.expand(-num), True
    num, den = _readable(num, conds), _readable(den, conds)
    coeff, rest = num.as_coeff_Mul() if isinstance(num, sympy.Mul) else (S.One, num)
    if coeff.is_Number and coeff < 0:
        num = rest if coeff == -1 else sympy.Mul(-coeff, rest, evaluate=False)
        negative = not negative
    quotient = (
        sympy.Pow(den, -1, evaluate=False)
        if num == 1
        else sympy.Mul(num, sympy.Pow(den, -1, evaluate=False), evaluate=False)
    )
    return _negated(quotient) if negative else quotient


@lru_cache(maxsize=4096)
def _expr(expr, conds) -> sympy.Expr:
    if expr.is_Atom or not expr.free_symbols:
        return expr
    if expr.has(sympy.Piecewise) and isinstance(expr, sympy.Piecewise):
        return sympy.Piecewise(
            *[(_expr(e, conds), canonical(c, conds)) for e, c in expr.args],
            evaluate=False,
        )
    if expr.has(sympy.Piecewise) or sympy.count_ops(expr) > _MAX_OPS:
        return expr
    if any(
        isinstance(a, sympy.Pow) and not a.exp.is_integer
        for a in sympy.preorder_traversal(expr)
    ):
        # radicals: one fraction, its sign normalised; the radicands as they are
        return _radical_fraction(expr, conds)
    return _fraction(expr, conds)


def _shorter(expr) -> sympy.Expr:
    """An expression expanded, or as given when that prints clearly shorter.

    Examples
    --------
    >>> import sympy
    >>> a, b, c = sympy.symbols("a b c")
    >>> _shorter((a + b) * (a - c) * (b + c))
    (a + b)*(a - c)*(b + c)
    >>> _shorter(a * (b + 1))
    a*b + a
    """
    flat = sympy.expand(expr)
    return expr if len(str(expr)) + 2 < len(str(flat)) else flat


def _radical_fraction(expr, conds) -> sympy.Expr:
    merged = sympy.together(expr)
    num, den = sympy.fraction(merged)
    if den == 1:
        return expr
    if sympy.count_ops(merged) > sympy.count_ops(expr) + 4:
        return expr
    # each side expanded unless its factored form prints clearly shorter
    num, den = _shorter(num), _shorter(den)
    if _negative_lead(den):
        num, den = -num, -den
    negative = _negative_lead(num) and not num.is_Add
    if negative:
        num = -num
    quotient = sympy.Mul(num, sympy.Pow(den, -1, evaluate=False), evaluate=False)
    return _negated(quotient) if negative else quotient


def is_trivial(statement) -> bool:
    """Whether a relation is true as written (``0 >= 0``, ``x = x``).

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> is_trivial(sympy.Ge(0, 0, evaluate=False)), is_trivial(x >= 0)
    (True, False)
    >>> is_trivial(sympy.Ge(x / (1 - x), -x / (x - 1), evaluate=False))
    True
    """
    if statement is S.true:
        return True
    if isinstance(statement, Relational):
        try:
            d = sympy.expand(statement.lhs - statement.rhs)
            if not d.is_Number and sympy.count_ops(d) <= _MAX_OPS:
                # x/(1 - y) >= -x/(y - 1): equal sides written differently
                d = sympy.cancel(sympy.together(d))
        except (TypeError, sympy.PolynomialError, NotImplementedError):
            return False
        if d.is_Number:
            return bool(Relational(d, 0, statement.rel_op))
    return False


@lru_cache(maxsize=4096)
def _linear_solution(rel, focus, conds):
    """``focus ~ value`` when ``rel`` is linear in ``focus`` with a coefficient
    (and a denominator) of fixed sign; else None."""
    op = rel.rel_op
    try:
        d = sympy.cancel(rel.lhs - rel.rhs)
    except (sympy.PolynomialError, NotImplementedError, TypeError):
        return None
    num, den = sympy.fraction(d)
    if focus in den.free_symbols:
        return None
    sd = _sign(den, conds) if den.free_symbols else (1 if den > 0 else -1)
    if sd not in (1, -1):
        return None
    try:
        poly = sympy.Poly(sympy.expand(num), focus)
    except sympy.PolynomialError:
        return None
    if poly.degree() != 1:
        return None
    a, b = poly.all_coeffs()
    sa = _sign(a, conds) if a.free_symbols else (1 if a > 0 else -1)
    if sa not in (1, -1):
        return None
    # (a x + b) / den ~ 0  <=>  x ~' -b/a, flipped once per negative factor
    if sa * sd < 0:
        op = _FLIP[op]
    return Relational(focus, _expr(-b / a, conds), op, evaluate=False)


@lru_cache(maxsize=1024)
def _solved(rel, focus, conds):
    try:
        return solve_for(
            rel, focus, assumptions=conds, budget=Budget(total=_SOLVE_BUDGET)
        )
    except (SymtrustError, sympy.PolynomialError, NotImplementedError, TypeError):
        return None


def _solved_by_cells(rel, focus, conds):
    """``rel`` solved for ``focus`` by :func:`symtrust.logic.solve_for.solve_for`
    (a nonlinear relation, say), when one decided piece covers every admissible
    point; else None (the relation is then printed as it stands)."""
    if sympy.count_ops(rel) > _MAX_OPS:
        return None
    solved = _solved(rel, focus, tuple(conds))
    if solved is None or len(solved.pieces) != 1 or not solved.pieces[0].decided:
        return None
    relation = solved.pieces[0].relation
    if relation in (S.true, S.false) or focus not in relation.free_symbols:
        return None
    return canonical(relation, conds)


def canonical_relation(rel, assumptions=(), focus=None):
    """A relation in the printing policy's form, solved for ``focus`` if given.

    Examples
    --------
    >>> from symtrust import positive, probability, interval
    >>> c, w = positive("c w")
    >>> t_T = interval("t_T", 0, 1, right_open=True)
    >>> p = probability("pi")
    >>> rel = c*p + p + w >= c + p*t_T + p*w
    >>> tex(canonical_relation(rel, [c > w], focus=p))
    '\\\\pi \\\\geq \\\\frac{c - w}{c - t_{T} - w + 1}'
    >>> tex(canonical_relation(1 > c * w))
    'c w < 1'
    """
    conds = _conds(assumptions)
    if not isinstance(rel, Relational):
        return canonical(rel, conds, focus=focus)
    return _canonical_relation(rel, conds, focus)


@lru_cache(maxsize=4096)
def _canonical_relation(rel, conds, focus):
    plain = _plain_relation(rel, conds, focus)
    if focus is not None and focus in rel.free_symbols:
        solved = _linear_solution(rel, focus, conds)
        if solved is None:
            solved = _solved_by_cells(rel, focus, conds)
        # solved for the variable of interest unless that reads much longer
        # (a bound of many terms where the relation as derived had few)
        if solved is not None and len(str(solved)) <= 1.25 * len(str(plain)) + 10:
            return solved
    return plain


def _plain_relation(rel, conds, focus):
    """A relation with each side in the policy's form, not solved."""
    lhs, rhs = rel.lhs, rel.rhs
    if (
        focus is not None
        and focus in rhs.free_symbols
        and focus not in lhs.free_symbols
    ):
        lhs, rhs, op = rhs, lhs, _FLIP[rel.rel_op]
    elif lhs.is_number and not rhs.is_number:
        # a bound reads after the quantity it bounds: t_1 t_2 < 1, not 1 > t_1 t_2
        lhs, rhs, op = rhs, lhs, _FLIP[rel.rel_op]
    else:
        op = rel.rel_op
    lhs, rhs = _cleared_constants(lhs, rhs)
    return Relational(_expr(lhs, conds), _expr(rhs, conds), op, evaluate=False)


def _cleared_constants(lhs, rhs):
    """Both sides times the positive rational that makes their contents coprime integers.

    ``(c + 2 p)/2 >= (m + s)/2`` reads ``c + 2 p >= m + s`` and ``a/3 <= c/3 + k``
    reads ``a <= c + 3 k``. A side that is one symbol or a number is a bound
    solved for (``p >= 1/2``) and is left alone, as is a side whose
    content is not rational.
    """
    if any(side.is_Symbol or side.is_number for side in (lhs, rhs)):
        return lhs, rhs
    (c1, p1), (c2, p2) = lhs.as_content_primitive(), rhs.as_content_primitive()
    if not (c1.is_Rational and c2.is_Rational and c1 > 0 and c2 > 0):
        return lhs, rhs
    k = sympy.Rational(sympy.ilcm(c1.q, c2.q), sympy.igcd(c1.p, c2.p))
    if k == 1:
        return lhs, rhs
    return c1 * k * p1, c2 * k * p2


def _relations(cond) -> list:
    if isinstance(cond, Relational):
        return [cond]
    if isinstance(cond, sympy.logic.boolalg.BooleanFunction):
        return [r for a in cond.args for r in _relations(a)]
    return []


def auto_focus(cond, assumptions=()):
    """The parameter to solve a condition's relations for, if one fits.

    A parameter appearing in every relation, linearly with a coefficient of
    fixed sign; probability-valued parameters first, then by name.

    Examples
    --------
    >>> from symtrust import positive, parameter
    >>> c, w = positive("c w")
    >>> b = parameter("b", lower=1, left_open=True)
    >>> auto_focus(sympy.And(c / 2 + 1 <= b + w, 4 * b * w <= c**2 + 4 * b * c), [c > w])
    b
    """
    conds = _conds(assumptions)
    rels = [r for r in _relations(cond) if not is_trivial(r)]
    if not rels or any(sympy.count_ops(r) > _MAX_OPS for r in rels):
        return None
    common = set.intersection(*[set(r.free_symbols) for r in rels])

    def rank(s):
        domain = getattr(s, "domain", None)
        prob = domain is not None and domain.is_subset(sympy.Interval(0, 1))
        return (not prob, s.sort_key())

    for sym in sorted(common, key=rank):
        if all(_linear_solution(r, sym, conds) is not None for r in rels):
            return sym
    return None


def _probability_focus(rel, conds):
    """A probability-valued parameter a relation is linear in, if any."""
    if not isinstance(rel, Relational):
        return None
    for sym in sorted(rel.free_symbols, key=lambda s: s.sort_key()):
        domain = getattr(sym, "domain", None)
        if domain is None or not domain.is_subset(sympy.Interval(0, 1)):
            continue
        if _linear_solution(rel, sym, conds) is not None:
            return sym
    return None


def canonical(obj, assumptions=(), *, focus=None):
    """An object with every expression in it in the printing policy's form.

    Parameters
    ----------
    obj : sympy object, tuple, mapping
        Expressions, relations, Booleans, and containers of them.
    assumptions : Assumptions or iterable of Booleans
        What the parameters satisfy: signs are decided under them.
    focus : Symbol or "auto", optional
        The variable of interest: relations linear in it are solved for it;
        ``"auto"`` picks one with :func:`auto_focus`.

    Returns
    -------
    The same structure, printable with :func:`tex`; relations and Booleans
    are kept unevaluated so their printed form is the canonical one.

    Examples
    --------
    >>> import sympy
    >>> from symtrust import interval
    >>> m, t = interval("m t_T", 0, 1, right_open=True)
    >>> tex(canonical(2 * m * t - 2 * m - 2 * t + 2))
    '2 \\\\left(1 - m\\\\right) \\\\left(1 - t_{T}\\\\right)'
    >>> tex(canonical(sympy.And(m > t / 2, sympy.Ge(0, 0, evaluate=False), m < t)))
    'm > \\\\frac{t_{T}}{2} \\\\wedge m < t_{T}'
    """
    conds = _conds(assumptions)
    if isinstance(obj, Mapping):
        focus = None if focus == "auto" else focus
        return {k: canonical(v, conds, focus=focus) for k, v in obj.items()}
    if isinstance(obj, (tuple, list, sympy.Tuple)):
        focus = None if focus == "auto" else focus
        return tuple(canonical(v, conds, focus=focus) for v in obj)
    if not isinstance(obj, sympy.Basic):
        return obj
    return _canonical(obj, conds, focus)


@lru_cache(maxsize=4096)
def _canonical(obj, conds, focus):
    """:func:`canonical` of one SymPy object (cached: documents print the same
    conditions and values many times over)."""
    per_part = False
    if focus == "auto":
        chosen = (
            auto_focus(obj, conds)
            if isinstance(obj, sympy.logic.boolalg.Boolean)
            else None
        )
        # no variable fits every relation: each relation its own probability
        per_part = chosen is None and isinstance(
            obj, sympy.logic.boolalg.BooleanFunction
        )
        focus = chosen
    if isinstance(obj, Relational):
        return canonical_relation(obj, conds, focus)
    if isinstance(obj, sympy.And):
        parts = [a for a in obj.args if not is_trivial(a)]
        if not parts:
            return S.true
        parts = [
            canonical(
                a, conds, focus=_probability_focus(a, conds) if per_part else focus
            )
            for a in parts
        ]
        return parts[0] if len(parts) == 1 else sympy.And(*parts, evaluate=False)
    if isinstance(obj, (sympy.Or, sympy.Not, sympy.Implies, sympy.Equivalent)):
        return type(obj)(
            *[canonical(a, conds, focus=focus) for a in obj.args], evaluate=False
        )
    if isinstance(obj, sympy.Expr):
        return _expr(obj, conds)
    return obj
