"""Parameters: SymPy symbols that carry their domain.

A formal model's payoffs, priors and costs are symbols with a domain: a prior
lies in [0, 1], a cost of conflict is positive, a power share lies in (0, 1).
SymPy's own assumptions (``positive=True``) cannot say ``t <= 1``, so a
:class:`Parameter` is a :class:`sympy.Symbol` that also carries an interval.
Games collect the domains of their parameters into their
:class:`~symtrust.core.assumptions.Assumptions`; orderings between parameters
(``c > w``) are given to the game as extra assumptions.

Examples
--------
>>> from symtrust import probability, positive
>>> p = probability("p")
>>> p.domain
Interval(0, 1)
>>> p.is_nonnegative, p.is_real
(True, True)
>>> c, w = positive("c w")
>>> c.domain_condition
c > 0
"""

from __future__ import annotations

from collections import defaultdict

import sympy
from sympy import Interval, S, Symbol
from sympy.core.cache import cacheit

from symtrust.core.names import parameter_name, symbol_name
from symtrust.core.numbers import exact_number, non_real_symbols
from symtrust.errors import ModelError

__all__ = [
    "Parameter",
    "check_symbols",
    "describe_symbol",
    "domain_rule",
    "interval",
    "interval_condition",
    "nonnegative",
    "parameter",
    "positive",
    "probability",
    "real",
    "symbol_domain_condition",
]


class Parameter(Symbol):
    """A real symbol with an interval domain.

    Two parameters are equal when their names and domains are equal. Build them
    with :func:`parameter` or the named factories (:func:`probability`,
    :func:`positive`, ...), which validate the domain.

    Examples
    --------
    >>> from sympy import Interval
    >>> m = Parameter("m", Interval.open(0, 1))
    >>> m.domain_condition
    (m > 0) & (m < 1)
    """

    __slots__ = ("domain",)

    def __new__(cls, name: str, domain: Interval = S.Reals, **assumptions):
        parameter_name(name)
        if not isinstance(domain, Interval):
            raise ModelError(
                f"domain of parameter {name!r} is {domain!r}; expected a "
                "sympy.Interval (use parameter(..., lower=, upper=))"
            )
        return cls._cached_new(name, domain, **assumptions)

    @classmethod
    @cacheit
    def _cached_new(cls, name, domain, **assumptions):
        assumptions = dict(assumptions)
        assumptions.setdefault("real", True)
        inf, sup = domain.inf, domain.sup
        if inf.is_nonnegative:
            if inf.is_positive or domain.left_open:
                assumptions.setdefault("positive", True)
            else:
                assumptions.setdefault("nonnegative", True)
        if sup.is_nonpositive:
            if sup.is_negative or domain.right_open:
                assumptions.setdefault("negative", True)
            else:
                assumptions.setdefault("nonpositive", True)
        cls._sanitize(assumptions, cls)
        obj = Symbol.__xnew__(cls, name, **assumptions)
        obj.domain = domain
        return obj

    def __getnewargs_ex__(self):
        return ((self.name, self.domain), {})

    def _hashable_content(self):
        return (*Symbol._hashable_content(self), self.domain)

    @property
    def domain_condition(self) -> sympy.Basic:
        """The domain as a SymPy Boolean over this parameter, left unevaluated.

        SymPy would fold ``c > 0`` to ``True`` for a positive symbol; the
        relations are kept so that decision procedures and documents see them.
        """
        return interval_condition(self, self.domain)


def interval_condition(x: sympy.Expr, domain: Interval) -> sympy.Basic:
    """Return ``x in domain`` as unevaluated relations.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", positive=True)
    >>> interval_condition(x, sympy.Interval.Lopen(0, 1))
    (x <= 1) & (x > 0)
    """
    parts = []
    if domain.inf.is_finite:
        rel = sympy.StrictGreaterThan if domain.left_open else sympy.GreaterThan
        parts.append(rel(x, domain.inf, evaluate=False))
    if domain.sup.is_finite:
        rel = sympy.StrictLessThan if domain.right_open else sympy.LessThan
        parts.append(rel(x, domain.sup, evaluate=False))
    if not parts:
        return S.true
    return parts[0] if len(parts) == 1 else sympy.And(*parts, evaluate=False)


def symbol_domain_condition(sym: Symbol) -> sympy.Basic:
    """Return the condition a symbol's own assumptions impose on it.

    Parameters
    ----------
    sym : sympy.Symbol
        A :class:`Parameter` (its interval) or a plain SymPy symbol (its
        ``positive``/``nonnegative``/... assumptions).

    Examples
    --------
    >>> import sympy
    >>> symbol_domain_condition(sympy.Symbol("x", positive=True))
    x > 0
    >>> symbol_domain_condition(sympy.Symbol("y"))
    True
    """
    if isinstance(sym, Parameter):
        return sym.domain_condition
    if sym.is_positive:
        return interval_condition(sym, Interval.open(0, S.Infinity))
    if sym.is_nonnegative:
        return interval_condition(sym, Interval(0, S.Infinity))
    if sym.is_negative:
        return interval_condition(sym, Interval.open(S.NegativeInfinity, 0))
    if sym.is_nonpositive:
        return interval_condition(sym, Interval(S.NegativeInfinity, 0))
    return S.true


def _bound(value, what: str, name: str):
    """An exact real bound; None (unbounded) for None and for an infinity."""
    if value is None or value in (S.Infinity, S.NegativeInfinity):
        return None
    out = exact_number(value, f"{what} bound of parameter {name!r}")
    if not out.is_number:
        raise ModelError(
            f"{what} bound {value!r} of parameter {name!r} must be a real constant "
            "(orderings between parameters go in a game's assumptions)"
        )
    return out


def _names(names: str) -> list[str]:
    if not isinstance(names, str):
        raise ModelError(f"parameter names must be a string, got {names!r}")
    parts = names.replace(",", " ").split()
    if not parts:
        raise ModelError(f"no parameter name in {names!r}")
    if len(set(parts)) != len(parts):
        raise ModelError(f"parameter names {names!r} repeat a name")
    return [parameter_name(part) for part in parts]


def parameter(
    names: str,
    *,
    lower=None,
    upper=None,
    left_open: bool = False,
    right_open: bool = False,
):
    """Create one or more parameters on an interval domain.

    Parameters
    ----------
    names : str
        One name, or several separated by spaces or commas (as in
        :func:`sympy.symbols`). Subscripts typeset from underscores:
        ``"c_i"`` prints as :math:`c_i`, ``"pi_h"`` as :math:`\\pi_h`.
    lower, upper : number, optional
        Exact bounds of the domain; ``None`` means unbounded.
    left_open, right_open : bool
        Whether the bounds are excluded.

    Returns
    -------
    Parameter or tuple of Parameter
        One parameter for one name, else a tuple in the given order.

    Raises
    ------
    ModelError
        A bound that is not an exact real constant, an empty domain, or a bad
        name.

    Examples
    --------
    >>> k = parameter("k", lower=0, upper=10, left_open=True)
    >>> k.domain
    Interval.Lopen(0, 10)
    >>> parameter("a b", lower=1)
    (a, b)
    """
    parts = _names(names)
    lo = _bound(lower, "lower", parts[0])
    hi = _bound(upper, "upper", parts[0])
    for flag, what in ((left_open, "left_open"), (right_open, "right_open")):
        if not isinstance(flag, bool):
            raise ModelError(f"{what}={flag!r} of {parts[0]!r} must be True or False")
    domain = Interval(
        S.NegativeInfinity if lo is None else lo,
        S.Infinity if hi is None else hi,
        left_open or lo is None,
        right_open or hi is None,
    )
    if lo is None and hi is None:
        domain = S.Reals
    if domain.is_empty:
        raise ModelError(
            f"domain of {parts[0]!r} is empty: lower={lower!r}, upper={upper!r}, "
            f"left_open={left_open}, right_open={right_open}"
        )
    if not isinstance(domain, Interval):
        # Interval(a, a) collapses to the point {a}: a constant, not a parameter
        raise ModelError(
            f"domain of {parts[0]!r} is the single point {lo}: use the number "
            "itself, not a parameter"
        )
    made = tuple(Parameter(name, domain) for name in parts)
    return made[0] if len(made) == 1 else made


def probability(names: str):
    """Create probability parameters, with domain [0, 1].

    Examples
    --------
    >>> probability("t").domain_condition
    (t >= 0) & (t <= 1)
    """
    return parameter(names, lower=0, upper=1)


def positive(names: str):
    """Create positive parameters, with domain (0, oo).

    Examples
    --------
    >>> positive("c").is_positive
    True
    """
    return parameter(names, lower=0, left_open=True)


def nonnegative(names: str):
    """Create nonnegative parameters, with domain [0, oo).

    Examples
    --------
    >>> nonnegative("w").domain
    Interval(0, oo)
    """
    return parameter(names, lower=0)


def real(names: str):
    """Create unrestricted real parameters.

    Examples
    --------
    >>> R, S_, T, P = real("R S T P")
    >>> R.domain
    Reals
    """
    return parameter(names)


def interval(names: str, lower, upper, *, left_open=False, right_open=False):
    """Create parameters on ``[lower, upper]`` (bounds optionally open).

    Examples
    --------
    >>> interval("m", 0, 1, left_open=True, right_open=True).domain
    Interval.open(0, 1)
    """
    return parameter(
        names, lower=lower, upper=upper, left_open=left_open, right_open=right_open
    )


def _interval_text(domain: Interval) -> str:
    if domain == S.Reals:
        return "all reals"
    left = "(" if domain.left_open else "["
    right = ")" if domain.right_open else "]"
    return f"{left}{domain.inf}, {domain.sup}{right}"


def describe_symbol(sym: Symbol) -> str:
    """A symbol with its domain or assumptions, for messages.

    Examples
    --------
    >>> import sympy
    >>> describe_symbol(positive("c"))
    'c (a symtrust parameter on (0, oo))'
    >>> describe_symbol(sympy.Symbol("c"))
    'c (a plain SymPy symbol with no assumptions)'
    >>> describe_symbol(sympy.Symbol("c", real=True))
    'c (a SymPy symbol with real=True)'
    """
    if isinstance(sym, Parameter):
        kind = (
            "an integer symtrust parameter"
            if sym.is_integer
            else "a symtrust parameter"
        )
        return f"{sym.name} ({kind} on {_interval_text(sym.domain)})"
    given = dict(getattr(sym, "_assumptions_orig", sym.assumptions0))
    given.pop("commutative", None)
    if not given:
        return f"{sym.name} (a plain SymPy symbol with no assumptions)"
    stated = ", ".join(f"{k}={v}" for k, v in sorted(given.items()))
    return f"{sym.name} (a SymPy symbol with {stated})"


def domain_rule(sym: Symbol) -> str:
    """The rule a symbol's domain states, in words, for messages.

    Examples
    --------
    >>> import sympy
    >>> domain_rule(interval("q", 0, 1, left_open=True, right_open=True))
    'q must lie in (0, 1)'
    >>> domain_rule(sympy.Symbol("x", positive=True))
    'x must satisfy x > 0'
    """
    if isinstance(sym, Parameter):
        return f"{sym.name} must lie in {_interval_text(sym.domain)}"
    cond = symbol_domain_condition(sym)
    return f"{sym.name} must satisfy {cond}" if cond is not S.true else ""


def check_symbols(symbols, where: str = "the model") -> None:
    """Refuse symbols a model cannot reason about soundly.

    * Two different symbols with one name (``positive("c")`` in a payoff and
      ``real("c")`` or ``sympy.Symbol("c")`` in an assumption) would be kept
      apart silently: the assumption would not constrain the payoff's ``c``
      and conditions would read ``c >= c``.
    * A symbol declared complex or non-real.
    * A name pdflatex cannot typeset.

    SymPy's ``Dummy`` symbols (internal to solvers) are exempt.

    Raises
    ------
    ModelError
        Naming both symbols of a clash, with the domain or assumptions of each.

    Examples
    --------
    >>> import sympy
    >>> check_symbols([positive("c"), sympy.Symbol("c")])
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: two different symbols named 'c' in the model: c (a symtrust parameter on (0, oo)) and c (a plain SymPy symbol with no assumptions); symtrust would treat them as unrelated parameters. Create each parameter once (e.g. c = positive("c")) and use that object everywhere
    """
    by_name = defaultdict(list)
    for sym in symbols:
        if not isinstance(sym, Symbol) or isinstance(sym, sympy.Dummy):
            continue
        if sym not in by_name[sym.name]:
            by_name[sym.name].append(sym)
    for name, group in by_name.items():
        if len(group) > 1:
            a, b = group[:2]
            raise ModelError(
                f"two different symbols named {name!r} in {where}: "
                f"{describe_symbol(a)} and {describe_symbol(b)}; symtrust would "
                "treat them as unrelated parameters. Create each parameter once "
                f'(e.g. {name} = positive("{name}")) and use that object everywhere'
            )
        (sym,) = group
        if non_real_symbols(sym):
            raise ModelError(
                f"symbol {describe_symbol(sym)} in {where} is declared complex "
                "or non-real: symtrust's parameters are real; use "
                f'real("{name}") or another symtrust parameter'
            )
        symbol_name(name)
