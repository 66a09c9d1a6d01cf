"""Names a model is built from: parameter names and free-text labels.

Every name ends up in a LaTeX document, so each is checked when it is created,
never repaired when it is printed:

* **parameter names** (``positive("c_i")``) are identifiers: ASCII letters,
  digits and underscores, not starting with a digit, and Greek letters (typed
  as ``alpha`` or as ``"\u03b1"``; both typeset as :math:`\\alpha`).
  Underscores mark subscripts and accents (see :mod:`symtrust.core.printer`);
* **labels** (player, action, type, message and game names) are free text:
  any character pdflatex can typeset, LaTeX's special characters included
  (``&``, ``%``, ``$``, ``#``, ``{``, ``}``, ``\\``: they are escaped when
  printed). Characters the default fonts lack (Chinese, Japanese, Cyrillic,
  emoji, control characters) are refused with the character's code point,
  rather than turned into ``?`` in the document.

Examples
--------
>>> parameter_name("pi_h"), parameter_name("\u03b1")
('pi_h', '\u03b1')
>>> text_name("Not trust & 50%", "action")
'Not trust & 50%'
>>> text_name("\u4fe1\u983c", "action of 'row'")
Traceback (most recent call last):
...
symtrust.errors.ModelError: action of 'row': the name '\u4fe1\u983c' has the character '\u4fe1' (U+4FE1 CJK UNIFIED IDEOGRAPH-4FE1), which pdflatex cannot typeset; names may use ASCII, Greek and accented Latin letters, digits, spaces and punctuation
"""

from __future__ import annotations

from symtrust.core.latex_layout import describe_char, greek_latex, unsettable
from symtrust.errors import ModelError

__all__ = ["fresh_name", "parameter_name", "symbol_name", "text_name"]


def parameter_name(name: str) -> str:
    """Validate one parameter name (an identifier; Greek letters allowed).

    Raises
    ------
    ModelError
        A name that is not an identifier, or that has a character other than
        ASCII letters, digits, underscores and Greek letters.

    Examples
    --------
    >>> parameter_name("t_hat")
    't_hat'
    >>> parameter_name("a%b")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: parameter name 'a%b' is not an identifier: parameter names use letters, digits and underscores and do not start with a digit (free text belongs in action, type or player names)
    """
    if not isinstance(name, str) or not name.isidentifier():
        raise ModelError(
            f"parameter name {name!r} is not an identifier: parameter names use "
            "letters, digits and underscores and do not start with a digit "
            "(free text belongs in action, type or player names)"
        )
    for ch in name:
        if not ch.isascii() and greek_latex(ch) is None:
            raise ModelError(
                f"parameter name {name!r} has the character {describe_char(ch)}: "
                "parameter names use ASCII letters, digits, underscores and "
                "Greek letters, so that they typeset in LaTeX"
            )
    return name


def text_name(name, what: str) -> str:
    """Validate a label: a nonempty string that pdflatex can typeset.

    Parameters
    ----------
    name : str
        The label.
    what : str
        What it names ("action of 'row'", "type", "game name").

    Raises
    ------
    ModelError
        Not a string, empty or blank, or with a character pdflatex cannot set
        (named with its code point).

    Examples
    --------
    >>> text_name("\\\\end{document}", "player")
    '\\\\end{document}'
    >>> text_name("", "player")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: player: names must be nonempty strings, got ''
    """
    if not isinstance(name, str) or not name.strip():
        raise ModelError(f"{what}: names must be nonempty strings, got {name!r}")
    bad = unsettable(name)
    if bad:
        raise ModelError(
            f"{what}: the name {name!r} has the character {describe_char(bad[0])}, "
            "which pdflatex cannot typeset; names may use ASCII, Greek and "
            "accented Latin letters, digits, spaces and punctuation"
        )
    return name


def symbol_name(name: str) -> str:
    """Validate the name of a SymPy symbol used in a model (any settable text).

    A symbol made by SymPy directly (``sympy.Symbol("a%b")``) may have any
    name; it is escaped when printed. Only characters pdflatex cannot set are
    refused.

    Examples
    --------
    >>> symbol_name("a%b")
    'a%b'
    >>> symbol_name(" ")
    Traceback (most recent call last):
    ...
    symtrust.errors.ModelError: symbol name ' ' is blank: a parameter without a name cannot be read in formulas or documents; name it (e.g. positive("c"))
    """
    if not name.strip():
        raise ModelError(
            f"symbol name {name!r} is blank: a parameter without a name cannot be "
            'read in formulas or documents; name it (e.g. positive("c"))'
        )
    bad = unsettable(name)
    if bad:
        raise ModelError(
            f"symbol name {name!r} has the character {describe_char(bad[0])}, "
            "which pdflatex cannot typeset; name parameters with ASCII or Greek "
            "letters"
        )
    return name


def fresh_name(prefix: str, label: str, taken: set) -> str:
    """A parameter name for a symbol derived from a label, not in ``taken``.

    Labels are free text (``"Not trust"``, ``"Frieden \u00e0 tout prix"``),
    parameter names identifiers: every character that is not an ASCII letter,
    digit or underscore becomes an underscore, and a prime-free suffix ``_b``
    is appended until the name is new. The name is added to ``taken``, so
    that two labels that read alike (``"Not trust"``, ``"Not_trust"``) get
    two names.

    Examples
    --------
    >>> taken = {"c"}
    >>> fresh_name("p", "Not trust", taken), fresh_name("p", "Not_trust", taken)
    ('p_Not_trust', 'p_Not_trust_b')
    >>> fresh_name("q", "\u00e0 50%", taken)
    'q___50_'
    """
    safe = "".join(
        ch if ch.isascii() and (ch.isalnum() or ch == "_") else "_" for ch in label
    )
    name = parameter_name(f"{prefix}_{safe}")
    while name in taken:
        name += "_b"
    taken.add(name)
    return name
