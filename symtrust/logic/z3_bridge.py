"""Exact translation of SymPy expressions into z3 real arithmetic.

z3's nonlinear real arithmetic (nlsat) decides polynomial sentences over the
reals. SymPy expressions are translated exactly, never approximated:

1. rationals and integers become z3 rationals;
2. a power with a negative integer exponent is a division; z3 gives ``x/0`` an
   unconstrained value, so every denominator ``d`` adds the side condition
   ``d != 0`` (without it z3 reports bogus counterexamples);
3. ``sqrt(a)`` (any power with exponent ``p/2``) becomes a fresh variable
   ``r >= 0`` with ``r**2 == a`` and the side condition ``a >= 0``;
4. ``Abs``, ``Min``, ``Max`` and ``Piecewise`` become ``If`` terms.

Every symbol also contributes its own domain (a :class:`Parameter`'s interval or
a SymPy ``positive``/``nonnegative`` assumption), since SymPy relations fold
such facts away.

Examples
--------
>>> import sympy
>>> x = sympy.Symbol("x", positive=True)
>>> t = Translation()
>>> e = t.expr(1 / x)
>>> [str(c) for c in t.side_conditions]
['x!0 != 0']
"""

from __future__ import annotations

import itertools
import threading

import sympy
import z3
from sympy import S

from symtrust.core.parameters import symbol_domain_condition
from symtrust.errors import UnsupportedError

__all__ = ["Translation", "shared_context"]

_fresh = itertools.count()
_THREAD = threading.local()


def shared_context() -> z3.Context:
    """The z3 context of this thread, made once and reused by every translation.

    Making a context costs about a millisecond (and more as the process
    grows); the tests alone used to make thousands.

    Examples
    --------
    >>> shared_context() is shared_context()
    True
    """
    ctx = getattr(_THREAD, "ctx", None)
    if ctx is None:
        ctx = _THREAD.ctx = z3.Context()
    return ctx


class Translation:
    """One translation context: symbols, side conditions, auxiliary variables.

    Attributes
    ----------
    symbols : dict
        SymPy symbol to z3 variable.
    side_conditions : list
        Definedness conditions (nonzero denominators, nonnegative radicands).
    auxiliary : list
        Defining constraints of auxiliary variables (square roots); these always
        hold and are not part of what is being decided.
    domains : list
        The domain constraints of every symbol met.
    """

    def __init__(self, context: z3.Context | None = None):
        self.ctx = context or shared_context()
        self.symbols: dict[sympy.Symbol, z3.ExprRef] = {}
        self.side_conditions: list[z3.BoolRef] = []
        self.auxiliary: list[z3.BoolRef] = []
        self.domains: list[z3.BoolRef] = []
        self._cache: dict[sympy.Basic, z3.ExprRef] = {}

    def copy(self) -> Translation:
        """A translation that starts where this one is (same variables)."""
        out = Translation(self.ctx)
        out.symbols = dict(self.symbols)
        out.side_conditions = list(self.side_conditions)
        out.auxiliary = list(self.auxiliary)
        out.domains = list(self.domains)
        out._cache = dict(self._cache)
        return out

    # -- symbols ---------------------------------------------------------
    def symbol(self, sym: sympy.Symbol) -> z3.ExprRef:
        """Return the z3 variable of a SymPy symbol, registering its domain."""
        if sym not in self.symbols:
            name = f"{sym.name}!{len(self.symbols)}"
            var = z3.Int(name, self.ctx) if sym.is_integer else z3.Real(name, self.ctx)
            self.symbols[sym] = var
            domain = symbol_domain_condition(sym)
            if domain is not S.true:
                self.domains.append(self.boolean(domain))
        return self.symbols[sym]

    # -- terms -------------------------------------------------------------
    def expr(self, e: sympy.Basic) -> z3.ArithRef:
        """Translate an arithmetic SymPy expression."""
        if e in self._cache:
            return self._cache[e]
        out = self._expr(e)
        self._cache[e] = out
        return out

    def _real(self, value) -> z3.ArithRef:
        return z3.ToReal(value) if z3.is_int(value) else value

    def _expr(self, e):
        ctx = self.ctx
        if isinstance(e, sympy.Symbol):
            return self.symbol(e)
        if e.is_Integer:
            return z3.RealVal(int(e), ctx)
        if e.is_Rational:
            return z3.RealVal(f"{e.p}/{e.q}", ctx)
        if isinstance(e, sympy.Add):
            return z3.Sum([self._real(self.expr(a)) for a in e.args])
        if isinstance(e, sympy.Mul):
            num, den = e.as_numer_denom()
            if den != 1:
                return self._divide(num, den)
            return z3.Product([self._real(self.expr(a)) for a in e.args])
        if isinstance(e, sympy.Pow):
            return self._pow(e)
        if isinstance(e, sympy.Abs):
            a = self.expr(e.args[0])
            return z3.If(a >= 0, a, -a)
        if isinstance(e, (sympy.Min, sympy.Max)):
            args = [self.expr(a) for a in e.args]
            out = args[0]
            for a in args[1:]:
                out = (
                    z3.If(a < out, a, out)
                    if isinstance(e, sympy.Min)
                    else z3.If(a > out, a, out)
                )
            return out
        if isinstance(e, sympy.Piecewise):
            return self._piecewise(e)
        raise UnsupportedError(
            f"cannot translate {e} ({type(e).__name__}) into real arithmetic: "
            "only rational functions, square roots, Abs, Min, Max and Piecewise "
            "are decided exactly"
        )

    def _divide(self, num, den):
        n, d = self.expr(num), self.expr(den)
        self.side_conditions.append(d != 0)
        return self._real(n) / self._real(d)

    def _pow(self, e: sympy.Pow):
        base, exp = e.args
        if exp.is_Integer:
            k = int(exp)
            if k == 0:
                return z3.RealVal(1, self.ctx)
            b = self._real(self.expr(base))
            power = b if abs(k) == 1 else z3.Product([b] * abs(k))
            if k > 0:
                return power
            self.side_conditions.append(b != 0)
            return z3.RealVal(1, self.ctx) / power
        if exp.is_Rational and exp.q == 2:
            root = self._sqrt(base)
            return self._pow_of(root, int(exp.p))
        raise UnsupportedError(
            f"cannot translate the power {e}: exponents must be integers or "
            "halves for an exact decision"
        )

    def _pow_of(self, root, k: int):
        if k == 0:
            return z3.RealVal(1, self.ctx)
        power = root if abs(k) == 1 else z3.Product([root] * abs(k))
        if k > 0:
            return power
        self.side_conditions.append(root != 0)
        return z3.RealVal(1, self.ctx) / power

    def _sqrt(self, radicand):
        a = self._real(self.expr(radicand))
        r = z3.Real(f"sqrt!{next(_fresh)}", self.ctx)
        self.side_conditions.append(a >= 0)
        # r is the principal root wherever it is defined
        self.auxiliary.append(z3.Implies(a >= 0, z3.And(r >= 0, r * r == a)))
        return r

    def _piecewise(self, e: sympy.Piecewise):
        pieces = list(e.args)
        out = None
        for value, cond in reversed(pieces):
            v = self._real(self.expr(value))
            if cond == S.true:
                out = v
                continue
            c = self.boolean(cond)
            if out is None:
                # no otherwise branch: undefined outside the listed conditions
                self.side_conditions.append(
                    z3.Or(*[self.boolean(cc) for _, cc in pieces])
                )
                out = v
            else:
                out = z3.If(c, v, out)
        return out

    # -- formulas ------------------------------------------------------------
    def boolean(self, b: sympy.Basic) -> z3.BoolRef:
        """Translate a SymPy Boolean (relations and logical connectives)."""
        ctx = self.ctx
        if b is S.true or b is True:
            return z3.BoolVal(True, ctx)
        if b is S.false or b is False:
            return z3.BoolVal(False, ctx)
        if isinstance(b, sympy.core.relational.Relational):
            lhs = self._real(self.expr(b.lhs))
            rhs = self._real(self.expr(b.rhs))
            op = b.rel_op
            table = {
                "==": lambda: lhs == rhs,
                "!=": lambda: lhs != rhs,
                ">=": lambda: lhs >= rhs,
                ">": lambda: lhs > rhs,
                "<=": lambda: lhs <= rhs,
                "<": lambda: lhs < rhs,
            }
            return table[op]()
        if isinstance(b, sympy.And):
            return z3.And(*[self.boolean(a) for a in b.args])
        if isinstance(b, sympy.Or):
            return z3.Or(*[self.boolean(a) for a in b.args])
        if isinstance(b, sympy.Not):
            return z3.Not(self.boolean(b.args[0]))
        if isinstance(b, sympy.Implies):
            return z3.Implies(self.boolean(b.args[0]), self.boolean(b.args[1]))
        if isinstance(b, sympy.Equivalent):
            parts = [self.boolean(a) for a in b.args]
            return z3.And(*[parts[0] == p for p in parts[1:]])
        if isinstance(b, sympy.Xor):
            return z3.Xor(*[self.boolean(a) for a in b.args])
        raise UnsupportedError(
            f"cannot translate {b} ({type(b).__name__}) into a real-arithmetic formula"
        )
