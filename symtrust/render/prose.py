"""Prose with mathematics in it: plain text made into LaTeX, formulas typeset.

Names, descriptions, notes and justifications are plain text written by
people and by solvers ("solve C_U(x) = B_U", "trust t2 >= 1/2", "the prior
1/b^2"). Escaping them as text would print ``C\\_U(x)`` and ``$>$=``; this
module finds the mathematical spans in such text and typesets them in math
mode, leaving the words as text:

* a *mathematical token* is an identifier with a subscript, superscript or
  digits (``t_T``, ``pi_2``, ``t1``, ``t^*``), a Greek letter's name (``pi``,
  ``mu``), a single letter other than the words *a*, *A* and *I*, or a
  function applied to mathematics (``EU(C)``, ``sqrt(h)``);
* a relation (``>=``, ``<``, ``=``) is always mathematics; ``+ - * / **`` join
  a span when mathematics follows them (so *type-contingent* stays a word);
* a maximal run of mathematical tokens, numbers, brackets and the spaces and
  commas between them becomes one ``$...$`` span, with ``>=`` as
  :math:`\\geq`, ``**`` and ``^`` as superscripts, ``*`` as juxtaposition,
  ``sqrt(...)`` as a radical and identifiers through symtrust's parameter
  names (:func:`symtrust.core.printer.symbol_latex`).

The text is only tokenised, never evaluated.

Examples
--------
>>> prose("solve C_U(x) = B_U")
'solve $C_{U}(x) = B_{U}$'
>>> prose("a trustworthy type-contingent strategy")
'a trustworthy type-contingent strategy'
>>> prose("trust t2 >= 1/2, so 0 < rho <= 1")
'trust $t_{2} \\\\geq 1/2$, so $0 < \\\\rho \\\\leq 1$'
"""

from __future__ import annotations

import re

from symtrust.core.latex_layout import text_escape
from symtrust.core.printer import symbol_latex

__all__ = ["GREEK", "prose", "upright_indices"]

#: Greek letter names typeset as letters wherever they stand alone.
GREEK = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
    "pi rho sigma tau upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Pi "
    "Sigma Upsilon Phi Psi Omega".split()
)
_FUNCTIONS = {"sqrt", "log", "exp", "Abs", "Max", "Min"}
_WORDS = {"a", "A", "I"}
# names of tools and the like that look like mathematics (z3 is not z_3)
_NAMES = {"z3"}
# a range of numbers, "ch. 1-2", is text with an en dash, not a subtraction
_RANGE = re.compile(r"(?<![\w.^_])(\d+)-(\d+)(?![\w.])")
_DASH = "\u2013"
_GREEK_ALT = "|".join(sorted(GREEK, key=len, reverse=True))
_TOKEN = re.compile(
    r"""
    (?P<deriv>\bd(?:(?:[A-Z]\w*|GREEKS)(?:\[\w+\])?)?/d(?:[A-Za-z](?:_\w+)?|GREEKS)\b)
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<id>[A-Za-z](?:[A-Za-z0-9]|_(?=[A-Za-z0-9{]))*
        (?:\^(?:\*|\{[^}]*\}|[A-Za-z0-9]+))?(?:'(?![A-Za-z]))?)
  | (?P<dots>\.\.\.)
  | (?P<op>\*\*|>=|<=|!=|==|->|[-+*/=<>^|])
  | (?P<open>[(\[])
  | (?P<close>[)\]])
  | (?P<comma>,)
  | (?P<space>\s+)
  | (?P<other>.)
    """.replace("GREEKS", _GREEK_ALT),
    re.VERBOSE,
)
_RELATIONS = {">=", "<=", "!=", "==", "=", "<", ">", "->"}
_OP_LATEX = {
    ">=": r"\geq",
    "<=": r"\leq",
    "!=": r"\neq",
    "==": "=",
    "->": r"\to",
    "<": "<",
    ">": ">",
    "=": "=",
    "+": "+",
    "-": "-",
    "/": "/",
    "|": "|",
}


def _tokens(text: str) -> list[tuple[str, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        kind, value = m.lastgroup, m.group()
        # an apostrophe after a word ("Bayes' rule") is not a prime
        if kind == "id" and value.endswith("'") and not _primed(value[:-1]):
            out += [("id", value[:-1]), ("other", "'")]
        else:
            out.append((kind, value))
    return out


def _primed(base: str) -> bool:
    """Whether ``base'`` is a derivative's name (``f'``, ``BR'``, ``u_i'``)."""
    return len(base) == 1 or base.isupper() or "_" in base or base in GREEK


def _matching(tokens, i) -> int:
    """Index of the bracket closing the one at ``i`` (or -1)."""
    depth = 0
    for j in range(i, len(tokens)):
        kind = tokens[j][0]
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _is_math_id(name: str) -> bool:
    base = name.rstrip("'")
    if "_" in base or "^" in base or name.endswith("'"):
        return True
    if base in GREEK:
        return True
    if len(base) == 1:
        return base not in _WORDS
    return bool(re.fullmatch(r"[A-Za-z]+\d+", base))


def _is_function(tokens, i) -> bool:
    """An identifier applied to a bracket holding only mathematics."""
    kind, value = tokens[i]
    if kind != "id" or i + 1 >= len(tokens) or tokens[i + 1][0] != "open":
        return False
    if not (value in _FUNCTIONS or value.isupper() or _is_math_id(value)):
        return False
    end = _matching(tokens, i + 1)
    if end < 0:
        return False
    inner = tokens[i + 2 : end]
    return bool(inner) and all(
        _classify(tokens, i + 2 + k) != "T" for k in range(len(inner))
    )


def _classify(tokens, i) -> str:
    """M (mathematics), N (neutral: number, bracket, comma, space), O (operator)
    or T (text)."""
    kind, value = tokens[i]
    if kind == "id" and value in _NAMES:
        return "T"
    if kind == "id":
        # a claim's letter ("B: conflict lowers ...") is a word, as is the s
        # of a possessive ("Prisoner's")
        if (
            len(value) == 1
            and value.isupper()
            and i + 1 < len(tokens)
            and tokens[i + 1][1] == ":"
        ):
            return "T"
        if i > 0 and tokens[i - 1][1] == "'":
            return "T"
        if _is_math_id(value) or _is_function(tokens, i):
            return "M"
        return "T"
    if kind == "op":
        return "O"
    if kind == "deriv":
        return "M"
    if kind in ("num", "open", "close", "comma", "space", "dots"):
        return "N"
    return "T"


def _next_solid(tokens, i, classes) -> int:
    j = i + 1
    while j < len(tokens) and tokens[j][0] == "space":
        j += 1
    return j


def _math_marks(tokens) -> list[bool]:
    classes = [_classify(tokens, i) for i in range(len(tokens))]
    marks = [c in ("M", "N") for c in classes]
    for i, c in enumerate(classes):
        if c != "O":
            continue
        value = tokens[i][1]
        j = _next_solid(tokens, i, classes)
        follows = (
            j < len(tokens) and classes[j] in ("M", "N") and tokens[j][0] != "comma"
        )
        marks[i] = value in _RELATIONS or follows
        if not marks[i]:
            classes[i] = "T"
    # a run is mathematics only if it holds a mathematical token or a relation
    out = [False] * len(tokens)
    i = 0
    while i < len(tokens):
        if not marks[i]:
            i += 1
            continue
        j = i
        while j < len(tokens) and marks[j]:
            j += 1
        run = range(i, j)
        has_math = (
            any(classes[k] == "M" for k in run)
            or any(classes[k] == "O" and tokens[k][1] in _RELATIONS for k in run)
            or _arithmetic(tokens, classes, run)
        )
        if has_math:
            for k in run:
                out[k] = True
        i = j
    return _trim(tokens, out)


def _arithmetic(tokens, classes, run) -> bool:
    """Numbers joined by an operator (``1/2``, ``3 + 4``)."""
    return any(classes[k] == "O" for k in run) and any(
        tokens[k][0] == "num" for k in run
    )


def _trim(tokens, out) -> list[bool]:
    """Spaces, commas and unbalanced brackets at a span's ends stay text."""
    i = 0
    while i < len(tokens):
        if not out[i]:
            i += 1
            continue
        j = i
        while j < len(tokens) and out[j]:
            j += 1
        lo, hi = i, j - 1
        changed = True
        while changed and lo <= hi:
            changed = False
            if tokens[lo][0] in ("space", "comma", "close") or (
                tokens[lo][0] == "open" and not _balanced(tokens[lo : hi + 1])
            ):
                out[lo] = False
                lo += 1
                changed = True
            elif tokens[hi][0] in ("space", "comma", "open") or (
                tokens[hi][0] == "close" and not _balanced(tokens[lo : hi + 1])
            ):
                out[hi] = False
                hi -= 1
                changed = True
        if (
            lo <= hi
            and all(
                tokens[k][0] in ("open", "close", "num", "space", "comma")
                for k in range(lo, hi + 1)
            )
            and not any(tokens[k][0] == "num" for k in range(lo, hi + 1))
        ):
            for k in range(lo, hi + 1):
                out[k] = False
        i = j
    return out


def _balanced(tokens) -> bool:
    depth = 0
    for kind, _ in tokens:
        if kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


_WORD_INDEX = re.compile(r"_\{([a-z]+(?:,[a-z]+)+|[a-z]{3,})\}")


def upright_indices(latex: str) -> str:
    """Subscripts that are words set upright: ``Q_{small}`` reads ``Q_{\\text{small}}``.

    Examples
    --------
    >>> upright_indices(r"Q_{small} + \\pi_{h}")
    'Q_{\\\\text{small}} + \\\\pi_{h}'
    >>> upright_indices(r"\\mu_{trustworthy,none}")
    '\\\\mu_{\\\\text{trustworthy, none}}'
    """
    return _WORD_INDEX.sub(
        lambda m: (
            m.group(0)
            if m.group(1) in GREEK
            else rf"_{{\text{{{m.group(1).replace(',', ', ')}}}}}"
        ),
        latex,
    )


def _identifier(name: str) -> str:
    prime = name.endswith("'")
    base = name.rstrip("'")
    if base in _FUNCTIONS and base != "sqrt":
        out = rf"\operatorname{{{base}}}"
    elif base.isupper() and len(base) > 1 and "_" not in base:
        out = rf"\mathrm{{{base}}}"
    else:
        out = upright_indices(symbol_latex(base.replace("{", "").replace("}", "")))
    return out + ("^{\\prime}" if prime else "")


def _math(tokens) -> str:
    """LaTeX (math mode) for a run of tokens."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if (
            kind == "id"
            and value == "sqrt"
            and i + 1 < len(tokens)
            and tokens[i + 1][0] == "open"
        ):
            end = _matching(tokens, i + 1)
            if end > 0:
                out.append(r"\sqrt{" + _math(tokens[i + 2 : end]) + "}")
                i = end + 1
                continue
        if kind == "op" and value in ("**", "^"):
            i, atom = _atom(tokens, i + 1)
            if out and "^" in out[-1]:
                out[-1] = "{" + out[-1] + "}"
            out.append("^{" + atom + "}")
            continue
        if kind == "deriv":
            out.append(_derivative(value))
        elif kind == "id":
            out.append(_identifier(value))
        elif kind == "op" and value == "*":
            out.append(" ")
        elif kind == "op" and value == "/":
            out.append("/")
        elif kind == "op":
            out.append(f" {_OP_LATEX[value]} ")
        elif kind == "dots":
            out.append(r" \dots ")
        elif kind == "space":
            out.append(" ")
        elif kind == "comma":
            out.append(",")
        elif value in "[]":
            # braced: a bracket must not end an optional argument (\item[...])
            out.append("{" + value + "}")
        else:
            out.append(value)
        i += 1
    return re.sub(r"\s+", " ", "".join(out)).strip()


def _derivative(text: str) -> str:
    """``dQ[small]/dm`` as a partial derivative; ``d/dc`` as the operator."""
    top, bottom = text[1:].split("/d", 1)
    top = top.replace("[", "_").rstrip("]")
    inner = f" {_identifier(top)}" if top else ""
    return rf"\partial{inner}/\partial {_identifier(bottom)}"


def _atom(tokens, i) -> tuple[int, str]:
    """The exponent after ``**``: a number, an identifier or a bracket."""
    while i < len(tokens) and tokens[i][0] == "space":
        i += 1
    if i >= len(tokens):
        return i, ""
    if tokens[i][0] == "open":
        end = _matching(tokens, i)
        if end > 0:
            return end + 1, _math(tokens[i + 1 : end])
    if tokens[i][1] == "-" and i + 1 < len(tokens):
        j, atom = _atom(tokens, i + 1)
        return j, "-" + atom
    return i + 1, _math([tokens[i]])


def prose(text, *, escape=text_escape) -> str:
    """LaTeX for plain text: words escaped, mathematical spans typeset.

    Parameters
    ----------
    text : str
        Plain text (a name, a description, a justification).
    escape : callable
        How the words are escaped (LaTeX text mode by default; matplotlib's
        labels only need ``$`` escaped).

    Returns
    -------
    str
        LaTeX for text mode, with ``$...$`` around the mathematics.

    Examples
    --------
    >>> prose("the posterior is below the prior 1/b^2")
    'the posterior is below the prior $1/b^{2}$'
    >>> prose("A: the threshold rises with t_T")
    'A: the threshold rises with $t_{T}$'
    >>> prose("Pr(other plays C)")
    'Pr(other plays $C$)'
    >>> prose("d = 2*delta*m, with m in (0, 1)")
    '$d = 2 \\\\delta m$, with $m$ in (0, 1)'
    >>> prose("Kydd (2005), ch. 1-2; checked by z3")
    'Kydd (2005), ch. 1--2; checked by z3'
    >>> prose("investor@root: trust w.p. 1/2")
    'investor at root: trust with probability $1/2$'
    >>> prose("Q[small] at least mu")
    '$Q_{\\\\text{small}}$ at least $\\\\mu$'
    """
    # "(x n - 1)" in a label means "times n - 1"
    text = re.sub(r"\(x (?=[\w(])", "(\u00d7 ", str(text))
    # a Python mapping in a solver's note: {'a': x} reads a: x
    text = re.sub(r"\{('[^']*'\s*:[^{}]*)\}", r"\1", text)
    text = re.sub(r"'([^']*)'(?=\s*:)", r"\1", text)
    text = _RANGE.sub(rf"\1{_DASH}\2", text)
    # a solver's shorthand: "trust w.p. 1/2" is "with probability", a node
    # "investor@root" is the investor at the root
    text = re.sub(r"\bw\.p\.\s*", "with probability ", text)
    text = re.sub(r"(?<=\w)@(?=\w)", " at ", text)
    # an indexed quantity, Q[small], is Q with the index as a subscript
    text = re.sub(r"\b([A-Za-z])\[([A-Za-z]\w*)\]", r"\1_\2", text)
    tokens = _tokens(text)
    marks = _math_marks(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if marks[i]:
            j = i
            while j < len(tokens) and marks[j]:
                j += 1
            out.append("$" + _math(tokens[i:j]) + "$")
            i = j
        else:
            out.append("--" if tokens[i][1] == _DASH else escape(tokens[i][1]))
            i += 1
    return "".join(out)
