"""Game trees in LaTeX: an istgame (TikZ) drawing with payoffs at the leaves.

The drawing follows the conventions of game-theory texts: decision nodes are
solid dots labelled by their player, nature's nodes hollow, chance
probabilities beside the action on the edge, payoff vectors under the
leaves, and the members of an information set joined by a dashed line.
It uses the ``istgame`` package (In-Sung Cho; Debian ``texlive-pictures``),
which loads TikZ.

Layout: each node's children sit at equal distances, so that TikZ's own tree
placement (``\\istroot`` ... ``\\endist``) puts them where the layout says.
The distance at a node is the least that keeps the bounding boxes of
neighbouring subtrees apart (a box holds a subtree's leaf labels), and the
levels are a fixed distance apart. Wide trees are scaled to the text width.

:func:`tree_latex` is registered as the LaTeX layout of
:class:`~symtrust.games.extensive.model.ExtensiveGame` (``sympy.latex(game)``
is the drawing alone) and of the drawing row of a game's
``display_rows``, so ``symtrust.latex`` and documents draw trees;
:func:`with_istgame` adds the package to a document that contains a drawing.

Examples
--------
>>> import sympy
>>> from symtrust import game_tree, latex, real
>>> from symtrust.games.extensive import decision
>>> h, a = real("h a")
>>> g = game_tree(decision("investor", {
...     "trust": decision("trustee", {"honor": (1, h), "abuse": (-1, a)}),
...     "not": (0, 0)}))
>>> sympy.latex(g).splitlines()[0]
'\\\\begin{istgame}[font=\\\\footnotesize]'
>>> "\\\\istb{abuse}[ar]{$(-1, a)$}" in latex(g)
True
"""

from __future__ import annotations

import itertools

import sympy

from symtrust.core.latex_layout import text_escape
from symtrust.core.printing import register_layout
from symtrust.games.extensive.model import ExtensiveGame, TreeDrawing, tree_text

__all__ = ["tree_latex", "with_istgame"]

#: Distance between levels, and least gaps, in millimetres.
LEVEL, GAP, MIN_SPREAD = 15.0, 3.0, 12.0
#: Width of one character of the leaf labels (footnotesize), in millimetres.
CHAR = 1.6
#: The widest drawing before it is scaled down, in millimetres (room is left
#: for the label of the row that holds it and for the widest leaves).
TEXT_WIDTH = 140.0


def _payoff_tex(node, printer) -> str:
    return "$(" + ", ".join(printer._print(u) for u in node.payoffs) + ")$"


def _leaf_width(node) -> float:
    text = sympy.sstr(sympy.Tuple(*node.payoffs))
    return max(8.0, CHAR * len(text) + 2.0)


def _layout(game) -> dict:
    """Per node id: (spread between children, left extent, right extent)."""
    out = {}
    for node in reversed(game.nodes):
        if node.is_terminal:
            w = _leaf_width(node)
            out[node.id] = (0.0, w / 2, w / 2)
            continue
        kids = [out[c] for c in node.children]
        labels = [CHAR * len(a) + 6.0 for a in node.actions]
        spread = MIN_SPREAD
        for k in range(len(kids) - 1):
            need = kids[k][2] + kids[k + 1][1] + GAP
            # edge labels sit by the edges' midpoints, half a spread apart:
            # with more than two edges, neighbouring labels must both fit there
            room = labels[k] + labels[k + 1] if len(kids) > 2 else labels[k]
            spread = max(spread, need, room, labels[k + 1])
        half = (len(kids) - 1) / 2
        offsets = [(k - half) * spread for k in range(len(kids))]
        left = max(kid[1] - off for kid, off in zip(kids, offsets, strict=True))
        right = max(kid[2] + off for kid, off in zip(kids, offsets, strict=True))
        out[node.id] = (spread, left, right)
    return out


def _position(k: int, n: int) -> str:
    if n % 2 == 1 and k == n // 2:
        return "r"
    return "al" if k < n / 2 else "ar"


def _edge_label(node, k, printer) -> str:
    label = text_escape(node.actions[k])
    if node.kind == "chance":
        return f"{label} (${printer._print(node.probabilities[k])}$)"
    return label


def _owner(game, node) -> str:
    return "Nature" if node.kind == "chance" else text_escape(node.player)


def _angle(game, node) -> str:
    if node.parent is None:
        return "above"
    parent = game.nodes[node.parent]
    k, n = parent.children.index(node.id), len(parent.children)
    if n % 2 == 1 and k == n // 2:
        return "right"
    return "left" if k < n / 2 else "right"


def _x_positions(game, layout) -> dict:
    xs = {0: 0.0}
    for node in game.nodes:
        if node.is_terminal:
            continue
        spread = layout[node.id][0]
        half = (len(node.children) - 1) / 2
        for k, c in enumerate(node.children):
            xs[c] = xs[node.id] + (k - half) * spread
    return xs


def tree_latex(game: ExtensiveGame, printer) -> str:
    """The istgame code of a tree (its LaTeX layout).

    Examples
    --------
    >>> from symtrust import game_tree, latex, probability
    >>> from symtrust.games.extensive import chance, decision
    >>> p = probability("p")
    >>> g = game_tree(chance({"H": (p, decision("A", {"x": (1,), "y": (0,)}, info="I")),
    ...                       "T": (1 - p, decision("A", {"x": (0,), "y": (1,)},
    ...                                             info="I"))}))
    >>> tex = latex(g)
    >>> "\\\\istroot(n0)[chance node]<above>{Nature}" in tex
    True
    >>> "\\\\xtInfoset[dashed](n1)(n4)" in tex
    True
    """
    layout = _layout(game)
    width = layout[0][1] + layout[0][2]
    scale = min(1.0, TEXT_WIDTH / width) if width else 1.0
    head = r"\begin{istgame}[font=\footnotesize"
    head += f", scale={scale:.3f}, transform shape]" if scale < 1 else "]"
    lines = [head, r"\setistmathTF000"]
    for node in game.nodes:
        if node.is_terminal:
            continue
        where = ""
        if node.parent is not None:
            k = game.nodes[node.parent].children.index(node.id) + 1
            where = f"(n{node.parent}-{k})"
        style = "[chance node]" if node.kind == "chance" else ""
        spread = layout[node.id][0]
        lines.append(
            f"\\istroot(n{node.id}){where}{style}<{_angle(game, node)}>"
            f"{{{_owner(game, node)}}}+{{{LEVEL:g}mm}}..{{{spread:.1f}mm}}+"
        )
        for k, c in enumerate(node.children):
            child = game.nodes[c]
            pos = _position(k, len(node.children))
            edge = _edge_label(node, k, printer)
            if child.is_terminal:
                payoff = _payoff_tex(child, printer)
                lines.append(f"  \\istb{{{edge}}}[{pos}]{{{payoff}}}")
            else:
                lines.append(f"  \\istb{{{edge}}}[{pos}]")
        lines.append(r"\endist")
    xs = _x_positions(game, layout)
    depth = {n.id: len(n.path) for n in game.nodes}
    bends = 0
    for info in game.infosets:
        members = sorted(info.members, key=lambda m: xs[m])
        for a, b in itertools.pairwise(members):
            # a straight line would run through other nodes of the same level:
            # arc over them instead, each set at its own height
            between = [
                n.id
                for n in game.nodes
                if not n.is_terminal
                and n.id not in (a, b)
                and depth[n.id] == depth[a] == depth[b]
                and xs[a] < xs[n.id] < xs[b]
            ]
            style = "dashed"
            if between:
                bends += 1
                style += f", bend left={10 + 8 * bends}"
            lines.append(f"\\xtInfoset[{style}](n{a})(n{b})")
    lines.append(r"\end{istgame}")
    return "\n".join(lines)


def with_istgame(tex: str) -> str:
    """A document with ``\\usepackage{istgame}`` added when it draws a tree.

    Examples
    --------
    >>> doc = "\\\\documentclass{article}\\n\\\\begin{document}\\\\begin{istgame}\\\\end{istgame}"
    >>> "\\\\usepackage{istgame}" in with_istgame(doc)
    True
    """
    if r"\begin{istgame}" not in tex or r"\usepackage{istgame}" in tex:
        return tex
    marker = r"\begin{document}"
    return tex.replace(marker, "\\usepackage{istgame}\n" + marker, 1)


register_layout(ExtensiveGame, text=tree_text, latex=tree_latex)
register_layout(
    TreeDrawing,
    text=lambda obj, printer: tree_text(obj.game, printer),
    latex=lambda obj, printer: tree_latex(obj.game, printer),
)
