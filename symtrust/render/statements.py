"""Each result stated once, as a proposition in words and mathematics.

:func:`statement` turns a derived result into the body of a proposition (or
a lemma, for intermediate quantities such as expected payoffs):

* a threshold: "In the Security Dilemma Game, the trustworthy row player
  cooperates iff its trust in the other reaches μ: π₂ ≥ μ = (c − w)/(…)";
* a set of equilibria: "The game has the following Bayesian Nash
  equilibria: (i) … when t₁ ≥ 1/2 and t₂ ≥ 1/2; (ii) … for all admissible
  parameters";
* a posterior: "After the observer sees conflict, its posterior is …";
* a comparative static: "μ is increasing in c: ∂μ/∂c = … > 0";
* anything else: its display rows in words, then where it holds.

Conditions are printed in the canonical form of
:mod:`symtrust.render.canonical`, solved for the variable of interest (a
result's trust or belief; else a probability-valued parameter the relation
is linear in). Assumptions are cited by label, never listed.

Examples
--------
>>> import sympy
>>> from symtrust.core.result import Result
>>> from symtrust.render.context import DocContext
>>> x = sympy.Symbol("x", positive=True)
>>> s = statement(Result(kind="cutoff", value=x / 2, condition=x < 1), DocContext())
>>> s.env, s.body.splitlines()[0]
('proposition', 'The cutoff is')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sympy
from sympy import S

from symtrust.core.result import Result, Solution
from symtrust.games.bayesian.bayes_nash import BayesNashEquilibrium, InterimPayoff
from symtrust.games.bayesian.beliefs import BeliefProperty
from symtrust.games.bayesian.minimum_trust import MinimumTrust
from symtrust.games.bayesian.posterior import Posterior
from symtrust.games.bayesian.thresholds import Threshold
from symtrust.games.continuous_types.cutoffs import CutoffEquilibrium, CutoffSolution
from symtrust.logic.statics import ComparativeStatics
from symtrust.render.canonical import canonical, tex
from symtrust.render.context import DocContext
from symtrust.render.layout import INLINE, punctuated, split_top
from symtrust.render.layout import display as _display
from symtrust.render.layout import show as _show
from symtrust.render.prose import prose
from symtrust.render.rows import rows_of

__all__ = ["Statement", "focus_of", "item_text", "statement"]


@dataclass(frozen=True)
class Statement:
    """A proposition's environment and body, and the variable of interest.

    Examples
    --------
    >>> Statement("lemma", "A body.").env
    'lemma'
    """

    env: str
    body: str
    focus: object = None


def focus_of(result):
    """The variable a result's conditions are best solved for, if any.

    A threshold's trust (or belief), a minimum trust's trust; else None (the
    printer then tries the probability-valued parameters).

    Examples
    --------
    >>> from symtrust import probability, trust_game, trust_threshold
    >>> t1, t2 = probability("t1 t2")
    >>> game = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (t1, t2))
    >>> focus_of(trust_threshold(game, "row"))
    t2
    """
    for attr in ("trust", "belief"):
        value = getattr(result, attr, None)
        if isinstance(value, sympy.Symbol):
            return value
    return None


def _m(obj, assumptions, focus=None) -> str:
    if focus is None and isinstance(obj, sympy.logic.boolalg.Boolean):
        focus = "auto"
    return tex(canonical(obj, assumptions, focus=focus))


def _under(result, ctx: DocContext) -> str:
    cited = ctx.cite(getattr(result, "assumptions", None))
    return f"Under {cited}, " if cited else ""


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].isalpha() else text


def _where(condition, assumptions, focus=None) -> str:
    """ "when <condition>" or "for all admissible parameter values"."""
    if condition is S.true or condition is None:
        return "for all admissible parameter values"
    if condition is S.false:
        return "nowhere (the condition cannot hold)"
    body = _m(condition, assumptions, focus)
    parts = split_top(body, r" \wedge ")
    if len(body) <= INLINE and len(parts) > 1:
        return "when " + ", ".join(f"${p}$" for p in parts[:-1]) + f" and ${parts[-1]}$"
    return "when " + _show(body)


def _value_text(value, assumptions, focus=None) -> str:
    if value is S.true or value is True:
        return "always"
    if value is S.false or value is False:
        return "never"
    if isinstance(value, str):
        return prose(value)
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return "(" + ", ".join(prose(v) for v in value) + ")"
    if isinstance(value, Mapping) or (
        hasattr(value, "items") and not isinstance(value, sympy.Basic)
    ):
        return "; ".join(
            f"{_key(k)} $\\mapsto {_m(v, assumptions, focus)}$"
            if not isinstance(v, str)
            else f"{_key(k)} $\\mapsto$ {prose(v)}"
            for k, v in value.items()
        )
    return _show(_m(value, assumptions, focus))


def _key(k) -> str:
    if isinstance(k, tuple):
        return "(" + ", ".join(prose(str(x)) for x in k) + ")"
    return prose(str(k))


def _joined(parts, mark: str) -> str:
    """Parts of a sentence joined by a mark (set inside a display that ends one).

    Examples
    --------
    >>> _joined(["a", "b"], ";")
    'a; b'
    """
    return " ".join(
        punctuated(p, mark) if k < len(parts) - 1 else p for k, p in enumerate(parts)
    )


def item_text(result, assumptions=None) -> str:
    """A result in one sentence: its display rows, then where it holds.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Result
    >>> x = sympy.Symbol("x", positive=True)
    >>> print(item_text(Result(kind="half", value=x / 2, condition=x < 1)))
    half: $\\frac{x}{2}$, when $x < 1$
    """
    assumptions = (
        assumptions if assumptions is not None else getattr(result, "assumptions", None)
    )
    rows = rows_of(result)
    parts = []
    for k, (label, value) in enumerate(rows):
        label = label.strip()
        if isinstance(value, str) and not value:
            parts.append(prose(label))
            continue
        text = _value_text(value, assumptions)
        parts.append(f"{prose(label)}: {text}" if k or label else text)
    sentence = (
        _joined(parts, ";") if parts else prose(getattr(result, "kind", "result"))
    )
    condition = getattr(result, "condition", S.true)
    return (
        punctuated(sentence, ",")
        + " "
        + _where(condition, assumptions, focus_of(result))
    )


# -- statements by result type ---------------------------------------------------


def _threshold(result, ctx) -> Statement:
    a = result.assumptions
    who = (
        (f"the {prose(result.type)} " if result.type else "the ")
        + prose(result.player)
        + " player"
    )
    game = getattr(result.game, "name", "")
    act = prose(result.actions[0]) if result.actions else "cooperation"
    mu = _m(result.value, a)
    strict = result.direction in (">", "<")
    verb = "exceeds" if strict else "reaches"
    lead = _under(result, ctx) + (f"in the {prose(game)}, " if game else "")
    if result.trust is not None:
        rel = _m(result.cooperates, a, focus=result.trust)
        body = (
            f"{_cap(lead)}{who} plays {act} in equilibrium iff its trust in the "
            f"other, ${tex(result.trust)}$, {verb} the threshold $\\mu$:"
            + _display(f"{rel}, \\qquad \\mu = {mu}")
        )
    else:
        p = tex(result.belief)
        body = (
            f"{_cap(lead)}{who}, believing the other plays {act} with probability "
            f"${p}$, prefers {act} iff ${p}$ {verb} the threshold $\\mu$:"
            + _display(
                f"{_m(result.cooperation, a, focus=result.belief)}, \\qquad \\mu = {mu}"
            )
        )
    if result.condition is not S.true:
        body += (
            punctuated("This holds " + _where(result.condition, a, result.trust), ".")
            + "\n"
        )
    return Statement("proposition", body, result.trust or result.belief)


def _interim(result, ctx) -> Statement:
    a = result.assumptions
    body = (
        f"{_cap(_under(result, ctx))}the interim expected payoff of the "
        f"{prose(result.type)} {prose(result.player)} player from "
        f"{prose(result.action)} is" + _display(_m(result.value, a))
    )
    return Statement("lemma", body)


def _posterior(result, ctx) -> Statement:
    a = result.assumptions
    seen = prose(result.observation) if result.observation else "the observation"
    given = seen if len(str(result.observation or "")) <= 24 else "observation"
    rows = []
    for k, v in result.value.items():
        rows.append(
            rf"\Pr(\text{{{prose(_plain_key(k))}}} \mid \text{{{given}}}) &= {_m(v, a)}"
        )
    body = (
        f"{_cap(_under(result, ctx))}after observing {seen}, the observer's "
        "posterior over the types is"
        + "\n\\[\n\\begin{aligned}"
        + r" \\ ".join(rows)
        + "\\end{aligned}\n\\]\n"
    )
    body += punctuated("This holds " + _where(result.condition, a), ".") + "\n"
    return Statement("proposition", body)


def _plain_key(k) -> str:
    text = ", ".join(map(str, k)) if isinstance(k, tuple) else str(k)
    return (
        text.replace("\\", "")
        .replace("{", "")
        .replace("}", "")
        .replace("_", " ")
        .replace("&", "and")
        .replace("#", "")
        .replace("%", "")
    )


def _statics(result, ctx) -> Statement:
    a = result.assumptions
    x = tex(result.wrt)
    q = _m(result.quantity, a)
    d = _m(result.derivative, a)
    order = "^{2}" if result.order == 2 else ""
    partial = rf"\frac{{\partial{order} q}}{{\partial {x}{order}}}"
    words = {
        (1, "increasing"): ("increasing", ">"),
        (1, "decreasing"): ("decreasing", "<"),
        (1, "constant"): ("constant", "="),
        (2, "increasing"): ("convex", ">"),
        (2, "decreasing"): ("concave", "<"),
        (2, "constant"): ("linear", "="),
    }
    lead = _cap(_under(result, ctx))
    body = f"{lead}let" + _display(f"q = {q}")
    if (result.order, result.sign) in words:
        word, rel = words[(result.order, result.sign)]
        body += f"Then $q$ is {word} in ${x}$:" + _display(f"{partial} = {d} {rel} 0")
        body += "at every admissible point.\n"
    elif result.sign == "depends":
        body += (
            "Then"
            + _display(f"{partial} = {d}")
            + (
                "is positive "
                + _where(result.condition, a)
                + " and negative "
                + _where(result.negative_when, a)
                + ".\n"
            )
        )
    else:
        body += (
            "Its derivative"
            + _display(f"{partial} = {d}")
            + "has a sign the assumptions do not settle.\n"
        )
    return Statement("proposition", body)


def _minimum_trust(result, ctx) -> Statement:
    a = result.assumptions
    trust = tex(result.trust) if getattr(result, "trust", None) is not None else "trust"
    value = result.value
    if isinstance(value, sympy.Piecewise):
        pieces = [
            _m(expr, a)
            + " & "
            + (
                r"\text{otherwise}"
                if cond is S.true
                else rf"\text{{if }} {_m(cond, a)}"
            )
            for expr, cond in value.args
        ]
        shown = r"\begin{cases}" + r" \\ ".join(pieces) + r"\end{cases}"
    else:
        shown = _m(value, a)
    body = (
        f"{_cap(_under(result, ctx))}a cooperative equilibrium exists iff "
        f"${trust}$ is at least the minimum trust"
        + _display(f"{trust}^{{*}} = {shown}")
    )
    return Statement("proposition", body, getattr(result, "trust", None))


def _belief_property(result, ctx) -> Statement:
    """ "The expected posterior of S equals the prior: E[...] = ... = pi"."""
    a = result.assumptions
    target = f" of {prose(result.target)}" if result.target else ""
    rel = getattr(result.value, "rel_op", "==")
    words = {
        "==": "equals",
        ">=": "is at least",
        ">": "exceeds",
        "<=": "is at most",
        "<": "is below",
    }.get(rel, "compares with")
    op = {"==": "=", ">=": r"\geq", ">": ">", "<=": r"\leq", "<": "<"}.get(rel, "=")
    expected, prior = _m(result.expectation, a), _m(result.prior_value, a)
    who = rf"\text{{{prose(result.target)}}}" if result.target else r"\text{type}"
    drawn = result.weighting if result.weighting not in ("", "prior") else ""
    under = rf"_{{\text{{{prose(drawn)}}}}}" if drawn else ""
    chain = (
        rf"\mathrm{{E}}{under}\bigl[\Pr({who} \mid \text{{observation}})\bigr]"
        f" = {expected}"
    )
    if expected != prior or rel != "==":
        chain += f" {op} {prior}"
    martingale = rel == "==" and "martingale" in result.kind
    body = (
        f"{_under(result, ctx)}the expected posterior{target} {words} the prior"
        + (" (beliefs form a martingale)" if martingale else "")
        + ":"
        + _display(chain)
    )
    if result.truth is False:
        body += "The statement is refuted (see the counterexample below).\n"
    elif result.truth is None:
        body += "Whether it holds everywhere is undecided.\n"
    if result.condition is not S.true:
        body += punctuated("This holds " + _where(result.condition, a), ".") + "\n"
    return Statement("proposition", body)


def _generic(result, ctx) -> Statement:
    a = getattr(result, "assumptions", None)
    rows = rows_of(result)
    lead = _cap(_under(result, ctx))
    if not rows:
        return Statement("proposition", lead + _display(_m(result, a)))
    (label, value), rest = rows[0], rows[1:]
    # "the" before a word, not before a formula ("the dQ/dm is")
    the = "" if prose(label.strip()).startswith("$") else "the " if lead else "The "
    if value is S.true or value is S.false:
        where = "for all admissible parameter values" if value is S.true else "nowhere"
        the = "the " if lead else "The "
        body = f"{lead}{the}statement ``{prose(label.strip())}'' holds {where}.\n"
        return Statement("proposition", body, focus_of(result))
    is_statement = isinstance(value, sympy.logic.boolalg.Boolean)
    body = f"{lead}{the}{prose(label.strip())}" + (":" if is_statement else " is")
    body += (
        _display(_m(value, a))
        if not isinstance(value, (str, Mapping))
        and not (
            isinstance(value, tuple)
            and value
            and all(isinstance(v, str) for v in value)
        )
        else " " + _value_text(value, a) + ".\n"
    )
    if rest:
        items = "".join(
            f"\\item {prose(lbl.strip())}: {_value_text(v, a, focus_of(result))}\n"
            for lbl, v in rest
        )
        body += "with\n\\begin{itemize}\n" + items + "\\end{itemize}\n"
    condition = getattr(result, "condition", S.true)
    # "the hegemon cooperates: X. This holds when X." says X twice
    if condition is not S.true and condition != value:
        body += (
            punctuated("This holds " + _where(condition, a, focus_of(result)), ".")
            + "\n"
        )
    return Statement("proposition", body, focus_of(result))


_METHOD_WORDS = {
    "pure_nash": "pure-strategy Nash equilibria",
    "mixed_nash": "Nash equilibria in mixed strategies",
    "bayes_nash": "Bayesian Nash equilibria in pure strategies",
    "cutoff_equilibria": "cutoff equilibria",
    "pbe": "perfect Bayesian equilibria",
    "arming": "perfect Bayesian equilibria",
    "costly_signal": "perfect Bayesian equilibria",
    "largest_cooperative_set": "largest cooperative equilibria, case by case",
    "dominance": "dominance relations",
    "symmetric_pure_nash": "symmetric pure-strategy equilibria",
    "symmetric_bayes_nash": "symmetric Bayesian equilibria",
    "spe": "subgame-perfect equilibria",
    "backward_induction": "subgame-perfect outcomes (backward induction)",
    "extensive_pbe": "perfect Bayesian equilibria",
    "arming_tree": "equilibria of the arming game as a tree",
    "optimal_offer": "optimal offers, regime by regime",
    "coexisting_equilibria": "coexisting equilibria",
    "continuous_nash": "Nash equilibria in continuous strategies",
    "finite_horizon_spe": "subgame-perfect equilibria of the finitely repeated game",
    "numeric_cutoffs": "cutoff equilibria",
    "partition_equilibria": "partition equilibria",
    "pooling_equilibria": "pooling equilibria",
    "reputation_equilibrium": "reputation equilibria",
    "symmetric_nash": "symmetric Nash equilibria",
}
_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def _roman(k: int) -> str:
    return _ROMAN[k] if k < len(_ROMAN) else str(k + 1)


def _bne_item(eq, a) -> str:
    parts = []
    for player, strategy in zip(eq.game.players, eq.strategies, strict=True):
        acts = ", ".join(f"{prose(a_)} if {prose(t)}" for t, a_ in strategy.items())
        parts.append(f"{prose(player)} plays {acts}")
    return punctuated(_joined(parts, ";"), ",") + " " + _where(eq.condition, a)


def _stability_words(stability, a) -> str:
    if stability is S.true:
        return "stable"
    if stability is S.false:
        return "unstable"
    return "stable " + _where(stability, a)


def _cutoff_item(eq, a) -> str:
    h = tuple(eq.cutoffs)
    if len(h) == 2 and sympy.expand(h[0] - h[1]) == 0:
        shown = _show(f"h_{{1}} = h_{{2}} = {_m(h[0], a)}")
    else:
        shown = " and ".join(
            _show(f"h_{{{k + 1}}} = {_m(v, a)}") for k, v in enumerate(h)
        )
    text = f"{prose(eq.kind)}, with cutoffs {shown}"
    if eq.slope is not None:
        text = punctuated(text, ";") + f" best-response slope {_show(_m(eq.slope, a))}"
    text = punctuated(text, ";") + " " + _stability_words(eq.stability, a)
    return punctuated(text, ";") + " it exists " + _where(eq.condition, a)


def _solution(result, ctx) -> Statement:
    what = _METHOD_WORDS.get(
        result.method, prose(result.method.replace("_", " ")) + " results"
    )
    game = getattr(result.game, "name", "") or ""
    first = result.results[0] if result.results else None
    a = getattr(first, "assumptions", None)
    lead = _cap(_under(first, ctx)) if first is not None else ""
    where = f"the {prose(game)}" if game else "the game"
    if not result.results:
        return Statement("proposition", f"{lead}{where} has no {what}.\n")
    body = (
        f"{lead}{where} has the following {what}:\n\\begin{{enumerate}}"
        "\\renewcommand{\\labelenumi}{(\\roman{enumi})}\n"
    )
    for r in result.results:
        if isinstance(r, BayesNashEquilibrium):
            text = _bne_item(r, a)
        elif isinstance(r, CutoffEquilibrium):
            text = _cutoff_item(r, a)
        else:
            text = item_text(r, a)
        # a period after a display goes inside it, not alone on a line
        body += f"\\item {punctuated(text, '.')}\n"
    body = _cap(body) + "\\end{enumerate}\n"
    if isinstance(result, CutoffSolution) and result.existence not in (S.true, S.false):
        body += "A cooperative equilibrium exists iff" + _display(
            _m(result.existence, a)
        )
    return Statement("proposition", body)


_TYPES = (
    (Threshold, _threshold),
    (InterimPayoff, _interim),
    (Posterior, _posterior),
    (ComparativeStatics, _statics),
    (MinimumTrust, _minimum_trust),
    (BeliefProperty, _belief_property),
    (Solution, _solution),
)


def statement(result, ctx: DocContext) -> Statement:
    """The proposition stating a result (its environment and LaTeX body).

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Result
    >>> from symtrust.render.context import DocContext
    >>> x = sympy.Symbol("x", positive=True)
    >>> statement(Result(kind="half", value=x / 2), DocContext()).env
    'proposition'
    """
    for cls, fn in _TYPES:
        if isinstance(result, cls):
            return _capitalised(fn(result, ctx))
    if isinstance(result, Result) or hasattr(result, "display_rows"):
        return _capitalised(_generic(result, ctx))
    return Statement("proposition", _display(_m(result, None)))


def _capitalised(stated: Statement) -> Statement:
    # a proposition is a sentence: its first word has a capital letter
    return Statement(stated.env, _cap(stated.body), stated.focus)
