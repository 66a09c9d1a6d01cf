"""Laying out printed formulas: inline or displayed, long ones broken.

pdflatex does not break display math, so a long formula is broken where a
reader expects it: a conjunction one conjunct per line (``gathered``), a long
relation before its relation sign (``aligned``). Splits are made only at the
top level of the LaTeX source (outside braces and ``\\left ... \\right``
pairs), so a break never lands inside a fraction or a bracket.

Displays are wrapped in ``\\fitmath`` (defined in the document preamble,
:data:`FITMATH`), which shrinks a formula wider than the line to fit.

Examples
--------
>>> split_top(r"a \\wedge \\left(b \\wedge c\\right)", r" \\wedge ")
['a', '\\\\left(b \\\\wedge c\\\\right)']
>>> show("x")
'$x$'
"""

from __future__ import annotations

import re

__all__ = [
    "FITMATH",
    "INLINE",
    "display",
    "punctuated",
    "show",
    "split_top",
    "top_level",
]

#: The preamble command displays use: shrink a formula wider than the line.
FITMATH = (
    r"\newcommand{\fitmath}[1]{\sbox0{$\displaystyle #1$}"
    r"\ifdim\wd0>\linewidth\resizebox{\linewidth}{!}{\usebox0}"
    r"\else\usebox0\fi}"
)

#: Formulas longer than this (LaTeX source characters) are displayed.
INLINE = 90
# displayed lines longer than this are broken
_LINE = 150
_RELATIONS = (r" \geq ", r" \leq ", " < ", " > ", " = ", r" \neq ")


def _depths(body: str):
    """Yield (index, depth) for each character outside control words."""
    depth, k = 0, 0
    while k < len(body):
        if body.startswith(r"\left", k) and not body[k + 5 : k + 6].isalpha():
            depth += 1
            k += 5
            continue
        if body.startswith(r"\right", k) and not body[k + 6 : k + 7].isalpha():
            depth -= 1
            k += 6
            continue
        if body.startswith(r"\begin", k):
            depth += 1
        elif body.startswith(r"\end", k) and not body[k + 4 : k + 5].isalpha():
            depth -= 1
        ch = body[k]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        yield k, depth
        k += 1


def top_level(body: str, needles) -> int | None:
    """The first index of a needle at the top level (or None).

    Examples
    --------
    >>> top_level(r"\\left(a < b\\right) < c", [" < "])
    18
    """
    for k, depth in _depths(body):
        if depth == 0 and k > 0:
            for needle in needles:
                if body.startswith(needle, k):
                    return k
    return None


def split_top(body: str, needle: str) -> list[str]:
    """Split at top-level occurrences of ``needle``.

    Examples
    --------
    >>> split_top(r"x > 1 \\wedge \\frac{a \\wedge b}{2}", r" \\wedge ")
    ['x > 1', '\\\\frac{a \\\\wedge b}{2}']
    """
    parts, start, skip = [], 0, -1
    for k, depth in _depths(body):
        if k < skip:
            continue
        if depth == 0 and body.startswith(needle, k):
            parts.append(body[start:k])
            start = k + len(needle)
            skip = start
    parts.append(body[start:])
    return [p.strip() for p in parts if p.strip()]


def _top_positions(body: str, needles) -> list[int]:
    out = []
    for k, depth in _depths(body):
        if depth == 0 and k > 0 and any(body.startswith(n, k) for n in needles):
            out.append(k)
    return out


def _pack(body: str) -> list[str]:
    """A long sum cut between top-level terms into lines of about _LINE."""
    cuts = _top_positions(body, (" + ", " - "))
    lines, start, last = [], 0, 0
    for k in cuts:
        if k - start > _LINE and last > start:
            lines.append(body[start:last])
            start = last
        last = k
    lines.append(body[start:])
    return [ln.strip() for ln in lines if ln.strip()]


def _lines(body: str) -> list[str]:
    """A long formula cut before its relation sign and between terms."""
    if len(body) <= _LINE:
        return [body]
    at = top_level(body, _RELATIONS)
    # a short left side ("m") stays with its relation; \fitmath fits the rest
    sides = [body] if at is None or at < 20 else [body[:at], body[at:]]
    lines = []
    for side in sides:
        lines.extend(_pack(side) if len(side) > _LINE else [side.strip()])
    return lines


def _broken(body: str) -> str:
    """One long line broken before its relation sign and between terms."""
    lines = _lines(body)
    if len(lines) == 1:
        return body
    return (
        r"\begin{aligned}"
        + r" \\ ".join(
            ("&" if k == 0 else r"&\quad ") + ln for k, ln in enumerate(lines)
        )
        + r"\end{aligned}"
    )


_TUPLE_SEP = r", \  "


def _tuple_parts(body: str) -> list[str] | None:
    """The components of a formula that is one tuple ``\\left( a, b \\right)``."""
    body = body.strip()
    if not (body.startswith(r"\left(") and body.endswith(r"\right)")):
        return None
    inner = body[len(r"\left(") : -len(r"\right)")]
    # the outer brackets must pair with each other, not close early
    depth = 0
    for _, depth in _depths(inner):
        if depth < 0:
            return None
    if depth != 0:
        return None
    parts = split_top(inner, _TUPLE_SEP)
    return parts if len(parts) > 1 else None


def _stacked_tuple(parts: list[str]) -> str:
    """A long tuple one component a line, its brackets on the first and last.

    A component too long for a line is itself broken; the comma (or the
    closing bracket) follows its last line.

    Examples
    --------
    >>> print(_stacked_tuple(["a", "b"]))
    \\begin{aligned}&\\Bigl(a, \\\\ &\\phantom{\\Bigl(}b\\Bigr)\\end{aligned}
    """
    rows = []
    for k, part in enumerate(parts):
        lines = _lines(part)
        for j, line in enumerate(lines):
            if j == 0:
                head = r"&\Bigl(" if k == 0 else r"&\phantom{\Bigl(}"
            else:
                head = r"&\phantom{\Bigl(}\quad "
            tail = ""
            if j == len(lines) - 1:
                tail = r"\Bigr)" if k == len(parts) - 1 else ","
            rows.append(head + line + tail)
    return r"\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}"


def display(body: str) -> str:
    """A display-math block; a conjunction one conjunct per line.

    Examples
    --------
    >>> print(display(r"x > 1 \\wedge y > 2"), end="")
    <BLANKLINE>
    \\[
    \\begin{gathered}x > 1 \\\\ y > 2\\end{gathered}
    \\]
    """
    parts = split_top(body, r" \wedge ")
    components = _tuple_parts(body) if len(body) > _LINE else None
    if components is not None:
        # a long tuple (a path of stakes, say) one component a line
        inner = _stacked_tuple(components)
    elif len(parts) > 1:
        inner = (
            r"\begin{gathered}"
            + r" \\ ".join(_broken(p) for p in parts)
            + r"\end{gathered}"
        )
    else:
        inner = _broken(body)
    if len(body) > INLINE:
        inner = f"\\fitmath{{{inner}}}"
    return f"\n\\[\n{inner}\n\\]\n"


# a bracket or fraction printing more glyphs than this cannot be set inline:
# TeX breaks a line only between top-level terms
_UNBREAKABLE = 24


def _visible(source: str) -> int:
    """About how many glyphs a piece of LaTeX prints (a command counts one).

    Examples
    --------
    >>> _visible(r"\\left(k_{U} w - k_{T}\\right)")
    8
    """
    text = re.sub(r"\\(left|right)(?![A-Za-z])", "", source)
    text = re.sub(r"\\[A-Za-z]+", "x", text)
    return len(re.sub(r"[{}_^\s]", "", text))


def _longest_unbreakable(body: str) -> int:
    """The length of the longest group (braces, ``\\left ... \\right``) in a formula.

    Examples
    --------
    >>> _longest_unbreakable(r"a + \\left(b + c\\right) + d")
    5
    """
    longest, start = 0, None
    for k, depth in _depths(body):
        if depth > 0 and start is None:
            start = k
        elif depth == 0 and start is not None:
            longest, start = max(longest, _visible(body[start : k + 1])), None
    if start is not None:
        longest = max(longest, _visible(body[start:]))
    return longest


def show(body: str) -> str:
    """Inline math if short, else a display.

    Examples
    --------
    >>> show("x + 1")
    '$x + 1$'
    >>> show(r"x > 1 \\wedge y > 2")
    '$x > 1$ and $y > 2$'
    """
    if len(body) > INLINE or _longest_unbreakable(body) > _UNBREAKABLE:
        return display(body)
    parts = split_top(body, r" \wedge ")
    if len(parts) > 1:
        # in running text a conjunction reads "a, b and c"
        shown = [f"${p}$" for p in parts]
        return ", ".join(shown[:-1]) + " and " + shown[-1]
    return f"${body}$"


def punctuated(text: str, mark: str) -> str:
    """Text followed by a punctuation mark, set inside a display that ends it.

    A mark after ``\\]`` would start the next line on its own.

    Examples
    --------
    >>> punctuated("the cutoff $h$", ";")
    'the cutoff $h$;'
    >>> print(punctuated(display("x"), ";").strip())
    \\[
    x;
    \\]
    >>> punctuated(display("y" * 100), ".").strip()[-9:]
    'yyyy.}\\n\\\\]'
    """
    stripped = text.rstrip()
    if stripped.endswith("\\]"):
        inner = stripped[: -len("\\]")].rstrip()
        if inner.endswith("}") and "\\fitmath{" in inner:
            # inside the box \fitmath scales to the line, or it overflows
            return inner[:-1] + mark + "}\n\\]\n"
        return inner + mark + "\n\\]\n"
    return stripped + mark
