"""The Model section of a document, and payoff matrices to paste.

A two-player game with finite actions prints as a payoff matrix in the style
of the ``sgame`` package (Debian: texlive-games): the row player's name on
the left, the column player's above, one cell per profile holding the payoff
vector, row player's first. A Bayesian game prints one matrix per type
profile, captioned by the types. Other models (the arming game, the
multilateral game, the costly signal) print their display rows as a
description list.

The Model section ends with the parameters and their domains and the
numbered assumptions (:class:`symtrust.render.context.DocContext`), each
stated once; the rest of the document cites them by label.

Examples
--------
>>> from symtrust.catalog import prisoners_dilemma
>>> print(game_matrix(prisoners_dilemma()))
\\begin{game}{2}{2}[row][column]
 & $C$ & $D$ \\\\
$C$ & $R,\\ R$ & $S,\\ T$ \\\\
$D$ & $T,\\ S$ & $P,\\ P$
\\end{game}
"""

from __future__ import annotations

from collections.abc import Mapping

from symtrust.render.canonical import canonical, tex
from symtrust.render.context import DocContext, domain_tex
from symtrust.render.prose import prose

__all__ = [
    "game_matrix",
    "has_matrix",
    "model_body",
    "model_section",
    "parameters_section",
]


def has_matrix(game) -> bool:
    """Whether a game prints as payoff matrices (two players, finite actions).

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> has_matrix(stag_hunt()), has_matrix(object())
    (True, False)
    """
    players = getattr(game, "players", None)
    actions = getattr(game, "actions", None)
    payoff = getattr(game, "payoff", None)
    return bool(
        players
        and len(players) == 2
        and callable(payoff)
        and actions
        and all(isinstance(a, tuple) for a in actions)
    )


def _cell(vector, assumptions) -> str:
    return "$" + r",\ ".join(tex(canonical(u, assumptions)) for u in vector) + "$"


def _action(name) -> str:
    # prose sets a single letter as mathematics, a Greek one as \mu
    return prose(str(name))


def game_matrix(game, payoff=None, *, caption: str = "") -> str:
    """A two-player game's payoffs as an ``sgame`` matrix (a LaTeX fragment).

    Parameters
    ----------
    game : a two-player game with finite actions
    payoff : callable, optional
        ``profile -> payoff vector``; by default ``game.payoff`` (for a
        Bayesian game, pass the payoffs at one type profile).
    caption : str
        Printed under the matrix (plain text).

    Returns
    -------
    str
        A ``game`` environment; the document needs ``\\usepackage{sgame}``.

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> print(game_matrix(stag_hunt(), caption="a stag hunt").splitlines()[0])
    \\begin{game}{2}{2}[row][column][a stag hunt]
    """
    rows, cols = game.actions
    payoff = payoff or game.payoff
    assumptions = getattr(game, "assumptions", None)
    players = "".join(f"[{prose(p)}]" for p in game.players)
    if caption:
        players += f"[{prose(caption)}]"
    lines = [
        rf"\begin{{game}}{{{len(rows)}}}{{{len(cols)}}}{players}",
        " & " + " & ".join(_action(b) for b in cols) + r" \\",
    ]
    body = []
    for a in rows:
        cells = [_cell(payoff((a, b)), assumptions) for b in cols]
        body.append(f"{_action(a)} & " + " & ".join(cells))
    lines.append(" \\\\\n".join(body))
    lines.append(r"\end{game}")
    return "\n".join(lines)


def _bayesian_matrices(game) -> str:
    out = []
    for k, types in enumerate(game.type_profiles()):
        matrix = game_matrix(
            game,
            lambda p, ty=types: game.payoff(p, ty),
            caption="types: " + ", ".join(types),
        )
        out.append(
            r"\begin{minipage}[t]{0.48\textwidth}\centering"
            + "\n"
            + matrix
            + "\n\\end{minipage}"
        )
        out.append("\\hfill\n" if k % 2 == 0 else "\n\n\\medskip\n")
    return "\\begin{center}\n" + "".join(out) + "\\end{center}\n"


def _is_profile_row(label: str) -> bool:
    return label.startswith("types (") or (
        label.replace(",", "").isalnum() and label.upper() == label
    )


def _row_value(value, assumptions) -> str:
    if isinstance(value, str):
        return prose(value)
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return ", ".join(prose(v) for v in value)
    if isinstance(value, Mapping):
        items = [
            f"{_key(k)} $\\mapsto {tex(canonical(v, assumptions))}$"
            for k, v in value.items()
        ]
        return "; ".join(items)
    return f"${tex(canonical(value, assumptions))}$"


def _key(k) -> str:
    if isinstance(k, tuple):
        return "(" + ", ".join(prose(str(x)) for x in k) + ")"
    return prose(str(k))


def _rows(model, skip) -> str:
    rows = [(k, v) for k, v in model.display_rows() if k not in skip]
    if not rows:
        return ""
    assumptions = getattr(model, "assumptions", None)
    items = "".join(
        f"\\item[{prose(k)}] {_row_value(v, assumptions)}\n" for k, v in rows
    )
    return "\\begin{description}\n" + items + "\\end{description}\n"


def model_body(model, ctx: DocContext | None = None) -> str:
    """LaTeX body for one model: its matrices, other rows, assumptions cited.

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> from symtrust.render.context import DocContext
    >>> ctx = DocContext.collect([stag_hunt().assumptions])
    >>> model_body(stag_hunt(), ctx).rstrip().splitlines()[-1]
    'Parameters: $P$, $R$, $S$, $T$; it assumes (A1)--(A3).'
    """
    out = []
    if has_matrix(model):
        if callable(getattr(model, "type_profiles", None)):
            out.append(_bayesian_matrices(model))
        else:
            out.append("\\begin{center}\n" + game_matrix(model) + "\n\\end{center}\n")
    if hasattr(model, "display_rows"):
        skip = {"game", "assumptions"}
        if has_matrix(model):
            skip |= {k for k, _ in model.display_rows() if _is_profile_row(k)}
        out.append(_rows(model, skip))
    assumptions = getattr(model, "assumptions", None)
    if ctx is not None and assumptions is not None:
        cited = ctx.cite(assumptions)
        symbols = sorted(
            getattr(assumptions, "symbols", ()), key=lambda s: s.sort_key()
        )
        names = ", ".join(f"${tex(s)}$" for s in symbols)
        if names:
            out.append(
                f"Parameters: {names}"
                + (f"; it assumes {cited}" if cited else "")
                + ".\n\n"
            )
    return "".join(out)


def model_section(model, ctx: DocContext | None = None, *, title: str = "") -> str:
    """A subsection for one model (name, matrices, rows, assumptions cited).

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> "\\\\begin{game}" in model_section(stag_hunt())
    True
    """
    name = title or getattr(model, "name", "") or type(model).__name__
    # a heading starts with a capital letter
    heading = prose(name[:1].upper() + name[1:])
    return f"\\subsection{{{heading}}}\n" + model_body(model, ctx)


def parameters_section(ctx: DocContext, *, first_further: int | None = None) -> str:
    """The parameters with their domains, then the numbered assumptions.

    Assumptions from index ``first_further`` on (those introduced by results
    and claims rather than by the games) are listed apart, as made only where
    a statement cites them.

    Examples
    --------
    >>> from symtrust import positive
    >>> from symtrust.render.context import DocContext
    >>> c, w = positive("c w")
    >>> "textup{A1})] $c > w$" in parameters_section(DocContext.collect([[c > w]]))
    True
    """
    out = ["\\subsection{Parameters and assumptions}\n"]
    if ctx.parameters:
        params = ",\\quad ".join(
            f"{tex(s)} \\in {domain_tex(s)}" for s in ctx.parameters
        )
        out.append(
            f"The parameters and their domains:\n\\[\n\\begin{{gathered}}{_wrap(params)}\\end{{gathered}}\n\\]\n"
        )
    stated = ctx.stated
    if not stated:
        out.append("No assumption is made beyond the parameters' domains.\n")
        return "".join(out)
    split = len(stated) if first_further is None else first_further
    main, further = stated[:split], stated[split:]
    if main:
        out.append("The games assume:\n" + _labelled(main))
    if further:
        out.append(
            "The following are assumed only where a statement cites them:\n"
            + _labelled(further)
        )
    return "".join(out)


def _wrap(params: str, per_line: int = 5) -> str:
    parts = params.split(",\\quad ")
    lines = [
        ",\\quad ".join(parts[k : k + per_line]) for k in range(0, len(parts), per_line)
    ]
    return ", \\\\ ".join(lines)


def _labelled(items) -> str:
    rows = "".join(
        f"\\item[(\\textup{{{a.label}}})] ${tex(canonical(a.condition, focus='auto'))}$"
        + (f" \\quad ({prose(a.origin)})" if a.origin else "")
        + "\n"
        for a in items
    )
    return "\\begin{description}\n" + rows + "\\end{description}\n"
