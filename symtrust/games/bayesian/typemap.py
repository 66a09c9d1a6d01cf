"""Finite distributions over types: frozen maps and their validation.

A prior over a player's finite types (or over type profiles), a likelihood
(the probability of an observation given each type) and a type-contingent
strategy are all maps from type labels to values. :class:`TypeMap` is that map
as an immutable, hashable value that prints through SymPy's printer protocol.
Labels are strings (one player's type, ``"trustworthy"``) or tuples of strings
(a type profile, ``("trustworthy", "untrustworthy")``); they are never parsed.

Validation (used by Bayes' rule and by Bayesian games) is symbolic and
three-valued, under the model's assumptions:

* a probability must lie in [0, 1] at every admissible point: provably
  outside somewhere -> :class:`~symtrust.errors.ModelError` with the checked
  counterexample; undecided -> returned as a residual condition;
* a prior's values must sum to 1: the sum is cancelled exactly; if it is not
  identically 1, z3 decides ``sum == 1`` under the assumptions; refuted ->
  ModelError naming the sum and a point where it differs from 1.

Examples
--------
>>> from symtrust.core.parameters import probability
>>> t = probability("t")
>>> prior = TypeMap.of({"trustworthy": t, "untrustworthy": 1 - t})
>>> prior["untrustworthy"]
1 - t
>>> print(prior)
{trustworthy: t, untrustworthy: 1 - t}
>>> validate_distribution(prior, "prior", [])
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import sympy
from sympy import S

from symtrust.core.latex_layout import text_escape
from symtrust.core.names import text_name
from symtrust.core.numbers import exact_number
from symtrust.core.point import at_point
from symtrust.errors import ModelError
from symtrust.logic.decide import as_conditions, decide

__all__ = [
    "TypeMap",
    "check_label",
    "check_probability",
    "validate_distribution",
    "validate_probability",
]


def check_label(label, what: str = "type"):
    """Validate a type label: a nonempty string or a tuple of them.

    Labels are free text that pdflatex can typeset (see
    :func:`~symtrust.core.names.text_name`).

    Examples
    --------
    >>> check_label(("a", "b"))
    ('a', 'b')
    >>> check_label(1)
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: type label 1 must be a nonempty string or a tuple of strings
    """
    if isinstance(label, str) and label:
        return text_name(label, f"{what} label")
    if (
        isinstance(label, tuple)
        and label
        and all(isinstance(x, str) and x for x in label)
    ):
        for x in label:
            text_name(x, f"{what} label")
        return label
    raise ModelError(
        f"{what} label {label!r} must be a nonempty string or a tuple of strings"
    )


def _as_value(value, where: str, labels: bool = True):
    """An exact SymPy value (with ``labels``, strings are labels, kept as they are)."""
    if isinstance(value, str) and labels:
        return value
    if isinstance(value, TypeMap):
        return value
    if isinstance(value, Mapping):
        return TypeMap.of(value)
    return exact_number(value, where)


def _label_repr(label) -> str:
    return repr(label)


def _label_str(label) -> str:
    return label if isinstance(label, str) else "(" + ", ".join(label) + ")"


@dataclass(frozen=True, eq=False)
class TypeMap(Mapping):
    """An immutable map from type labels to exact values, in a fixed order.

    Build it with :meth:`TypeMap.of`. Equality is mapping equality (order
    ignored); instances are hashable.

    Attributes
    ----------
    pairs : tuple of (label, value)
        The entries in order.

    Examples
    --------
    >>> m = TypeMap.of({"H": 1, "L": 0})
    >>> dict(m), len(m), m == TypeMap.of({"L": 0, "H": 1})
    ({'H': 1, 'L': 0}, 2, True)
    """

    pairs: tuple = ()

    @classmethod
    def of(
        cls, mapping, *, what: str = "value", labels: bool = True, owner: str = ""
    ) -> TypeMap:
        """Validate labels and values and freeze a mapping (or pairs).

        Parameters
        ----------
        mapping : mapping or iterable of pairs
            Label -> value.
        what : str
            What the values are ("prior", "likelihood"), for messages: an entry
            is named "<what> of <label><owner>".
        owner : str
            Whose values they are, appended to the name (" for player 'row'").
        labels : bool
            Whether a value may be a string label (a pure strategy); with
            ``False`` every value must be an exact number or expression.

        Raises
        ------
        ModelError
            A bad label, a value that is not an exact real number or
            expression (see :func:`~symtrust.core.numbers.exact_number`), a
            duplicate.

        Examples
        --------
        >>> TypeMap.of([("x", 1)])["x"]
        1
        >>> TypeMap.of({"high": 0.5}, what="prior")
        Traceback (most recent call last):
        ...
        symtrust.errors.ModelError: prior of 'high' is the float 0.5: symtrust computes exactly; use an int, fractions.Fraction('0.5') or sympy.Rational('0.5')
        """
        if isinstance(mapping, TypeMap):
            return mapping
        if not isinstance(mapping, Mapping) and (
            isinstance(mapping, (str, bytes)) or not hasattr(mapping, "__iter__")
        ):
            raise ModelError(
                f"{what} must be a mapping label -> value, got {mapping!r}"
            )
        items = mapping.items() if isinstance(mapping, Mapping) else mapping
        out, seen = [], set()
        for item in items:
            if not (isinstance(item, tuple) and len(item) == 2):
                raise ModelError(f"entry {item!r} is not a (label, value) pair")
            label, value = item
            check_label(label)
            if label in seen:
                raise ModelError(f"label {label!r} appears twice")
            seen.add(label)
            out.append(
                (
                    label,
                    _as_value(value, f"{what} of {_label_repr(label)}{owner}", labels),
                )
            )
        return cls(tuple(out))

    def __getitem__(self, key):
        for label, value in self.pairs:
            if label == key:
                return value
        raise KeyError(key)

    def __iter__(self):
        return (label for label, _ in self.pairs)

    def __len__(self):
        return len(self.pairs)

    def __eq__(self, other):
        if isinstance(other, Mapping):
            return dict(self.pairs) == dict(other.items())
        return NotImplemented

    def __hash__(self):
        return hash(frozenset(self.pairs))

    def map(self, fn) -> TypeMap:
        """Apply ``fn`` to every value, keeping labels and order.

        Examples
        --------
        >>> TypeMap.of({"a": 1}).map(lambda v: v + 1)["a"]
        2
        """
        return TypeMap(tuple((k, fn(v)) for k, v in self.pairs))

    def subs(self, point, what: str = "value", *, refuse: bool = True) -> TypeMap:
        """Exact substitution of a parameter point into every value.

        A value that becomes undefined at the point (a zero denominator) is an
        :class:`~symtrust.errors.AssumptionError` naming ``what`` and its label
        (kept as SymPy gives it with ``refuse=False``).

        Examples
        --------
        >>> x = sympy.Symbol("x", positive=True)
        >>> print(TypeMap.of({"a": x / (1 + x), "b": 1 / (1 + x)}).subs({x: 1}))
        {a: 1/2, b: 1/2}
        """
        point = dict(point)
        return TypeMap(
            tuple(
                (
                    k,
                    v.subs(point, what, refuse=refuse)
                    if isinstance(v, TypeMap)
                    else at_point(
                        v, point, f"{what} of {_label_str(k)!r}", refuse=refuse
                    ),
                )
                for k, v in self.pairs
            )
        )

    @property
    def free_symbols(self) -> frozenset:
        """Parameters the values mention."""
        out = set()
        for _, v in self.pairs:
            if isinstance(v, (sympy.Basic, TypeMap)):
                out |= v.free_symbols
        return frozenset(out)

    # -- printing ------------------------------------------------------------
    def _sympystr(self, printer):
        body = ", ".join(
            f"{_label_str(k)}: {v if isinstance(v, str) else printer._print(v)}"
            for k, v in self.pairs
        )
        return "{" + body + "}"

    def _latex(self, printer):
        body = ", ".join(
            rf"\text{{{text_escape(_label_str(k))}}} \mapsto "
            + (
                rf"\text{{{text_escape(v)}}}"
                if isinstance(v, str)
                else printer._print(v)
            )
            for k, v in self.pairs
        )
        return r"\left\{" + body + r"\right\}"

    def __str__(self):
        return sympy.sstr(self)

    def __repr__(self):
        return f"TypeMap({sympy.sstr(self)})"


@lru_cache(maxsize=4096)
def _decide(statement, conditions):
    """Decisions are repeated across solver calls; each costs a z3 context."""
    return decide(statement, conditions)


def _point(point) -> str:
    return ", ".join(f"{s} = {v}" for s, v in sorted(point.items(), key=str))


def _defined_at(value, point) -> bool:
    """Whether a value is a finite real number at a point (not 0/0, not 1/0)."""
    try:
        at = value.xreplace(dict(point))
    except (ZeroDivisionError, TypeError):
        return False
    return bool(at.is_number and at.is_finite and at.is_real)


def _in_unit(value) -> sympy.Basic:
    return sympy.And(value >= 0, value <= 1)


def validate_probability(value, where: str, assumptions) -> sympy.Basic:
    """Check that a value lies in [0, 1] at every admissible point.

    Parameters
    ----------
    value : sympy.Expr
        The probability.
    where : str
        What it is, for the message ("prior of 'trustworthy'").
    assumptions : Assumptions or iterable of Boolean
        What the parameters satisfy.

    Returns
    -------
    sympy Boolean
        ``True`` when proved; the residual condition ``0 <= value <= 1`` when
        undecided.

    Raises
    ------
    ModelError
        The value is provably outside [0, 1] at some admissible point (the
        message gives the checked point). A value that is merely undefined
        somewhere (a denominator that can vanish) gives a residual condition.

    Examples
    --------
    >>> from symtrust.core.parameters import positive
    >>> c = positive("c")
    >>> validate_probability(c / (1 + c), "likelihood", [])
    True
    >>> validate_probability(c, "prior of 'H'", [])
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: prior of 'H' is c, which is not a probability: it leaves [0, 1] at c = 2 (under the assumptions)
    """
    value = exact_number(value, where)
    if value.is_number:
        if value.is_real and 0 <= value <= 1:
            return S.true
        raise ModelError(f"{where} is {value}, which is not in [0, 1]")
    verdict = _decide(_in_unit(value), as_conditions(assumptions))
    if verdict.truth is True:
        return S.true
    if verdict.truth is False and _defined_at(value, verdict.counterexample):
        raise ModelError(
            f"{where} is {value}, which is not a probability: it leaves [0, 1] "
            f"at {_point(verdict.counterexample)} (under the assumptions)"
        )
    # undecided, or undefined somewhere (a zero denominator): a condition
    return _in_unit(value)


def validate_distribution(
    dist: Mapping, what: str, assumptions, *, owner: str = ""
) -> sympy.Basic:
    """Check that a map's values are probabilities summing to one.

    Entries are named "<what> of <label><owner>" in messages ("prior of
    'trustworthy' for player 'row'"), the sum "<what><owner>".

    Returns the residual condition (``True`` when everything is proved).

    Raises
    ------
    ModelError
        A value provably outside [0, 1], or a sum that provably differs
        from 1 somewhere (the message names the sum and the point).

    Examples
    --------
    >>> from symtrust.core.parameters import probability
    >>> t = probability("t")
    >>> validate_distribution({"H": t, "L": t}, "prior", [])
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: prior sums to 2*t, not 1 (e.g. at t = 0)
    """
    if not dist:
        raise ModelError(f"{what}{owner} has no types")
    residual = []
    for label, value in dist.items():
        residual.append(
            validate_probability(value, f"{what} of {label!r}{owner}", assumptions)
        )
    total = sympy.cancel(sympy.Add(*dist.values()))
    if total != 1:
        if total.is_number:
            raise ModelError(f"{what}{owner} sums to {total}, not 1")
        verdict = _decide(sympy.Eq(total, 1), as_conditions(assumptions))
        if verdict.truth is False and _defined_at(total, verdict.counterexample):
            raise ModelError(
                f"{what}{owner} sums to {total}, not 1 (e.g. at "
                f"{_point(verdict.counterexample)})"
            )
        if verdict.truth is not True:
            residual.append(sympy.Eq(total, 1))
    residual = [r for r in residual if r is not S.true]
    return sympy.And(*residual) if residual else S.true


def check_probability(value, where: str, assumptions=()) -> sympy.Expr:
    """Validate a probability or belief: exact, and not provably outside [0, 1].

    Parameters
    ----------
    value : int, Fraction or sympy.Expr
        The probability.
    where : str
        Where it sits, for the error message.
    assumptions : Assumptions or iterable of Boolean
        What the parameters satisfy; a symbolic value is rejected only when
        z3 shows it leaves [0, 1] at some admissible point.

    Raises
    ------
    ModelError
        Not an exact number or expression, or outside [0, 1].

    Examples
    --------
    >>> from fractions import Fraction
    >>> check_probability(Fraction(1, 3), "belief")
    1/3
    >>> check_probability(Fraction(3, 2), "belief")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: belief is 3/2, outside [0, 1]
    """
    expr = exact_number(value, where)
    if expr.is_number:
        if not (S.Zero <= expr <= S.One):
            raise ModelError(f"{where} is {expr}, outside [0, 1]")
        return expr
    for rel, side in ((expr >= 0, "below 0"), (expr <= 1, "above 1")):
        verdict = decide(rel, assumptions)
        if verdict.truth is False:
            raise ModelError(
                f"{where} is {expr}, which is {side} at the admissible point "
                f"{verdict.counterexample}: probabilities lie in [0, 1]"
            )
    return expr
