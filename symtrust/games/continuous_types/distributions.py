"""Continuous types: a player's private type distributed over an interval.

A continuous type is a real random variable ``X`` on a support
``[lower, upper]`` (bounds may be parameters) with cumulative distribution
function ``F(x) = P(X <= x)``. Models with continuous types (Kydd 2005,
chapter 2: the value ``t_i`` a state puts on exploiting the other) need
three things from it, all exact:

1. ``F`` at a cutoff (the probability that the other cooperates under a cutoff
   strategy), and ``F`` at the trustworthiness boundary (trust);
2. the density ``f = F'`` (expected payoffs integrate against it);
3. validity: a nonempty support (``lower < upper``), ``F(lower) = 0``,
   ``F(upper) = 1`` and ``f >= 0`` on the support, each decided under the
   assumptions (z3); what is refuted is an error, what is undecided is noted.

``uniform(lower, upper)`` is the case ``F(x) = (x - lower) / (upper - lower)``.

Examples
--------
>>> from symtrust import parameter
>>> b = parameter("b", lower=1, left_open=True)
>>> T = uniform(0, b)
>>> T.cdf_at(1)
1/b
>>> T.density
1/b
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sympy

from symtrust.core.assumptions import Assumptions
from symtrust.core.latex_layout import rows_latex
from symtrust.core.names import text_name
from symtrust.core.numbers import exact_number
from symtrust.core.point import at_point
from symtrust.core.text_layout import rows_text
from symtrust.errors import ModelError
from symtrust.games.normal_form.model import substitute_point
from symtrust.logic.assumptions import build_assumptions, extend_assumptions
from symtrust.logic.decide import decide

__all__ = ["ContinuousType", "uniform"]


def _exact(value, what: str) -> sympy.Expr:
    """Validate one bound or CDF: an exact, finite, real number or expression."""
    return exact_number(value, what)


def _assumptions(assumptions, exprs) -> Assumptions:
    syms = set()
    for e in exprs:
        syms |= e.free_symbols
    if isinstance(assumptions, Assumptions):
        return extend_assumptions(assumptions, (), symbols=syms)
    if assumptions is None:
        assumptions = ()
    if isinstance(assumptions, sympy.Basic):
        assumptions = (assumptions,)
    return build_assumptions(tuple(assumptions), symbols=syms)


@dataclass(frozen=True, repr=False)
class ContinuousType:
    """A type distributed on ``[lower, upper]`` with a given CDF.

    Build it with :func:`ContinuousType.build` (or the factory :func:`uniform`),
    which validates it; the plain constructor does not.

    Attributes
    ----------
    variable : sympy.Symbol
        The variable of the CDF expression.
    cdf : sympy.Expr
        ``F(variable)``, valid on the support.
    lower, upper : sympy.Expr
        The support's bounds (exact numbers or expressions in parameters).
    assumptions : Assumptions
        What the bounds' parameters satisfy, including ``lower < upper``.
    name : str
        A label ("uniform").
    notes : tuple of str
        Validity checks that could not be decided.
    """

    variable: sympy.Symbol
    cdf: sympy.Expr
    lower: sympy.Expr
    upper: sympy.Expr
    assumptions: Assumptions = field(default_factory=Assumptions)
    name: str = "continuous"
    notes: tuple = ()

    @classmethod
    def build(
        cls, cdf, variable, support, *, assumptions=None, name="continuous"
    ) -> ContinuousType:
        """Validate and build a continuous type.

        Parameters
        ----------
        cdf : sympy.Expr
            The CDF as an expression in ``variable``, valid on the support.
        variable : sympy.Symbol
            The CDF's variable.
        support : tuple
            ``(lower, upper)``, exact numbers or expressions in parameters.
        assumptions : Assumptions or iterable of Boolean, optional
            What the parameters satisfy.

        Raises
        ------
        ModelError
            A non-exact bound, a CDF that is not an expression in ``variable``,
            a support that is empty or reversed under the assumptions, or a CDF
            that is refuted to start at 0, end at 1, or be nondecreasing.

        Examples
        --------
        >>> import sympy
        >>> x = sympy.Symbol("x")
        >>> ContinuousType.build(x**2, x, (0, 1)).density
        2*x
        >>> ContinuousType.build(1 - x, x, (0, 1))
        Traceback (most recent call last):
        ...
        symtrust.errors.ModelError: CDF 1 - x must equal 0 at the lower bound 0; it is 1 there
        """
        if not isinstance(variable, sympy.Symbol):
            raise ModelError(f"variable={variable!r} must be a SymPy Symbol")
        if not (isinstance(support, (tuple, list)) and len(support) == 2):
            raise ModelError(f"support={support!r} must be a pair (lower, upper)")
        lower = _exact(support[0], "lower bound of the support")
        upper = _exact(support[1], "upper bound of the support")
        name = text_name(name, "name of the distribution")
        for bound, what in ((lower, "lower"), (upper, "upper")):
            if variable in bound.free_symbols:
                raise ModelError(
                    f"{what}={bound} depends on the CDF's variable {variable}"
                )
        assume = _assumptions(assumptions, (lower, upper))
        notes = []
        # a nonempty, correctly ordered support
        ordered = decide(sympy.StrictLessThan(lower, upper), assume)
        if ordered.truth is False:
            raise ModelError(
                f"support [{lower}, {upper}] is empty or reversed: lower={lower} "
                f"< upper={upper} fails{_point(ordered.counterexample)}; state "
                "lower < upper in the assumptions"
            )
        if ordered.truth is None:
            notes.append(f"could not decide {lower} < {upper}: {ordered.reason}")
        assume = extend_assumptions(assume, [sympy.StrictLessThan(lower, upper)])
        # after the support: a uniform CDF over an empty support divides by 0
        cdf = _exact(cdf, "CDF")
        if cdf.has(sympy.Piecewise):
            raise ModelError(
                f"CDF {cdf} is piecewise; give its formula on the support only "
                "(the support carries the bounds)"
            )
        # F(lower) = 0 and F(upper) = 1
        for bound, target, what in ((lower, 0, "lower"), (upper, 1, "upper")):
            at = sympy.simplify(cdf.subs(variable, bound))
            if at.is_number and at != target:
                raise ModelError(
                    f"CDF {cdf} must equal {target} at the {what} bound {bound}; "
                    f"it is {at} there"
                )
            if not at.is_number:
                v = decide(sympy.Eq(at, target), assume)
                if v.truth is False:
                    raise ModelError(
                        f"CDF {cdf} must equal {target} at the {what} bound {bound}; "
                        f"it is {at} there"
                    )
                if v.truth is None:
                    notes.append(f"could not decide F({bound}) = {target}")
        # nondecreasing: the density is nonnegative on the support
        density = sympy.cancel(sympy.diff(cdf, variable))
        x = sympy.Dummy("x", real=True)
        inside = extend_assumptions(assume, [x >= lower, x <= upper])
        mono = decide(density.subs(variable, x) >= 0, inside)
        if mono.truth is False:
            raise ModelError(
                f"CDF {cdf} decreases on the support [{lower}, {upper}]: its density "
                f"{density} is negative somewhere there"
            )
        if mono.truth is None:
            notes.append(f"could not decide that the density {density} is >= 0")
        return cls(variable, cdf, lower, upper, assume, name, tuple(notes))

    # -- derived quantities ------------------------------------------------
    @property
    def density(self) -> sympy.Expr:
        """The density ``f = F'`` on the support.

        Examples
        --------
        >>> uniform(0, 4).density
        1/4
        """
        return sympy.cancel(sympy.diff(self.cdf, self.variable))

    @property
    def support(self) -> tuple:
        """``(lower, upper)``.

        Examples
        --------
        >>> uniform(-1, 1).support
        (-1, 1)
        """
        return (self.lower, self.upper)

    def cdf_at(self, x) -> sympy.Expr:
        """``F(x)`` for ``x`` in the support (the caller states that condition).

        Examples
        --------
        >>> uniform(0, 4).cdf_at(1)
        1/4
        """
        return sympy.cancel(self.cdf.subs(self.variable, _exact(x, "x")))

    def probability(self, a, b) -> sympy.Expr:
        """``P(a < X <= b)`` by integrating the density, for ``a <= b`` in the support.

        Examples
        --------
        >>> from fractions import Fraction
        >>> uniform(0, 2).probability(Fraction(1, 2), 1)
        1/4
        """
        s = sympy.Dummy("s", real=True)
        f = self.density.subs(self.variable, s)
        return sympy.cancel(sympy.integrate(f, (s, _exact(a, "a"), _exact(b, "b"))))

    def support_condition(self, x) -> sympy.Basic:
        """``lower <= x <= upper`` as a SymPy Boolean.

        Examples
        --------
        >>> import sympy
        >>> uniform(0, 2).support_condition(sympy.Symbol("h"))
        (h >= 0) & (h <= 2)
        """
        return sympy.And(x >= self.lower, x <= self.upper)

    @property
    def parameters(self) -> frozenset:
        """Parameters of the bounds, the CDF and the assumptions (not the variable).

        Examples
        --------
        >>> from symtrust import parameter
        >>> b = parameter("b", lower=1, left_open=True)
        >>> sorted(uniform(0, b).parameters, key=str)
        [b]
        """
        out = set(self.assumptions.symbols)
        for e in (self.cdf, self.lower, self.upper):
            out |= e.free_symbols
        return frozenset(out - {self.variable})

    def subs(self, point, *, strict: bool = True) -> ContinuousType:
        """The type at a parameter point, keeping what is left of its assumptions.

        The point is validated as a game's (keys are the parameters, values
        exact reals in their domains); the assumptions, including
        ``lower < upper``, are substituted and a false one refused.

        Examples
        --------
        >>> from symtrust import parameter
        >>> b = parameter("b", lower=1, left_open=True)
        >>> uniform(0, b).subs({b: 3}).cdf_at(1)
        1/3
        >>> uniform(0, b).subs({b: 1})
        Traceback (most recent call last):
        ...
        symtrust.errors.AssumptionError: b = 1 is outside the domain of b: b must lie in (1, oo)
        """
        point, assume = substitute_point(
            self.parameters,
            self.assumptions,
            point,
            where="the distribution",
            strict=strict,
        )
        return ContinuousType(
            self.variable,
            at_point(
                self.cdf, point, f"CDF of {self.name or 'the type'}", refuse=strict
            ),
            at_point(self.lower, point, "lower bound of the support", refuse=strict),
            at_point(self.upper, point, "upper bound of the support", refuse=strict),
            assume,
            self.name,
            self.notes,
        )

    # -- printing --------------------------------------------------------------
    def display_rows(self):
        """Rows for the renderers."""
        return (
            ("type", self.name),
            ("support", sympy.Interval(self.lower, self.upper)),
            ("CDF", sympy.Lambda(self.variable, self.cdf)),
        )

    def _sympystr(self, printer):
        if self.name == "uniform":
            return f"U[{printer._print(self.lower)}, {printer._print(self.upper)}]"
        return rows_text(self, printer)

    def _latex(self, printer):
        if self.name == "uniform":
            lo, hi = printer._print(self.lower), printer._print(self.upper)
            return rf"\mathcal{{U}}\left[{lo}, {hi}\right]"
        return rows_latex(self, printer)

    def __str__(self):
        return sympy.sstr(self)

    __repr__ = __str__

    def _repr_latex_(self):
        return f"${sympy.latex(self)}$"


def _point(point) -> str:
    if not point:
        return ""
    return " at " + ", ".join(f"{k}={v}" for k, v in sorted(point.items(), key=str))


def uniform(lower, upper, *, assumptions=None) -> ContinuousType:
    """A type uniformly distributed on ``[lower, upper]``.

    Parameters
    ----------
    lower, upper : exact number or sympy.Expr
        The support's bounds; ``lower < upper`` must hold under the assumptions.
    assumptions : Assumptions or iterable of Boolean, optional
        Relations the bounds' parameters satisfy beyond their domains.

    Raises
    ------
    ModelError
        If the support is empty or reversed (``lower >= upper`` at some
        admissible point, decided by z3), or a bound is not exact.

    Examples
    --------
    >>> from symtrust import parameter, positive
    >>> b = parameter("b", lower=1, left_open=True)
    >>> uniform(0, b)
    U[0, b]
    >>> uniform(0, b).cdf_at(b / 2)
    1/2
    >>> uniform(2, 1)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: support [2, 1] is empty or reversed: lower=2 < upper=1 fails; state lower < upper in the assumptions
    >>> a = positive("a")
    >>> uniform(a, 1)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: support [a, 1] is empty or reversed: lower=a < upper=1 fails at a=...; state lower < upper in the assumptions
    >>> uniform(a, 1, assumptions=[a < 1]).support
    (a, 1)
    """
    lower = _exact(lower, "lower bound of the uniform distribution")
    upper = _exact(upper, "upper bound of the uniform distribution")
    x = sympy.Dummy("x", real=True)
    return ContinuousType.build(
        (x - lower) / (upper - lower),
        x,
        (lower, upper),
        assumptions=assumptions,
        name="uniform",
    )
