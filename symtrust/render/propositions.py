"""Results and claims as propositions with their proofs, for documents.

:func:`result_block` states a result once, as a proposition (or a lemma) in
words and mathematics (:mod:`symtrust.render.statements`), then gives its
proof, the derivation steps with reasons a reader can check
(:mod:`symtrust.render.proofs`), and a remark on how it was verified (the
numeric twin, the decision procedure). :func:`claim_block` does the same for
a claim: a proved one is a proposition with its proof; a refuted one a claim
with its checked counterexample; an undecided one a claim with the evidence
gathered. Assumptions are cited by label
(:class:`symtrust.render.context.DocContext`), never listed.

Examples
--------
>>> from symtrust import probability, Claim
>>> from symtrust.render.context import DocContext
>>> p = probability("p")
>>> print(claim_block(Claim(p**2 <= p, name="squares").prove(), DocContext())[:36])
\\begin{proposition}[squares]
We have
"""

from __future__ import annotations

import sympy

from symtrust.core.result import Solution
from symtrust.render.canonical import canonical, tex
from symtrust.render.context import DocContext
from symtrust.render.layout import display
from symtrust.render.phrases import description, note
from symtrust.render.proofs import claim_proof, result_proof, verification_remark
from symtrust.render.prose import prose
from symtrust.render.statements import statement
from symtrust.verify.proof import Proof

__all__ = ["claim_block", "result_block"]


def _proposition(env: str, title: str, body: str, label: str = "") -> str:
    head = f"\\begin{{{env}}}[{prose(title)}]" if title else f"\\begin{{{env}}}"
    anchor = f"\\label{{{label}}}" if label else ""
    return f"{head}{anchor}\n{body.strip()}\n\\end{{{env}}}\n"


def _solution_proof(solution, ctx) -> tuple[str, bool]:
    parts, smt = [], False
    for k, r in enumerate(solution.results):
        text, used = result_proof(r, ctx)
        smt = smt or used
        if text and len(solution.results) > 1:
            parts.append(f"\\emph{{Equilibrium ({_roman(k)}).}}\n{text}")
        elif text:
            parts.append(text)
    for text in solution.notes:
        parts.append(f"\\emph{{Note.}} {note(text)}.\n")
    return "".join(parts), smt


def _roman(k: int) -> str:
    numerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
    return numerals[k] if k < len(numerals) else str(k + 1)


def result_block(name: str, result, ctx: DocContext, check=None) -> str:
    """A result as a proposition (or lemma), its proof and a verification remark.

    Examples
    --------
    >>> import sympy
    >>> from symtrust.core.result import Result, Step
    >>> x = sympy.Symbol("x_hat", positive=True)
    >>> r = Result(kind="cutoff", value=x / 2, condition=x < 1,
    ...            steps=(Step("halve", x / 2, "definition"),))
    >>> print(result_block("cutoff", r, DocContext()))
    \\begin{proposition}[cutoff]
    The cutoff is
    \\[
    \\frac{\\hat{x}}{2}
    \\]
    This holds when $\\hat{x} < 1$.
    \\end{proposition}
    \\begin{proof}
    \\begin{enumerate}
    \\item Halve: $\\frac{\\hat{x}}{2}$, definition.
    \\end{enumerate}
    \\end{proof}
    <BLANKLINE>
    <BLANKLINE>
    """
    if isinstance(result, Proof):
        return claim_block(result, ctx)
    stated = statement(result, ctx)
    out = [_proposition(stated.env, name, stated.body)]
    if isinstance(result, Solution):
        proof, smt = _solution_proof(result, ctx)
    else:
        proof, smt = result_proof(result, ctx, focus=stated.focus)
    if proof:
        out.append("\\begin{proof}\n" + proof + "\\end{proof}\n")
    out.append(verification_remark(smt=smt, check=check))
    return "".join(out) + "\n"


def _claim_statement(claim, ctx) -> str:
    lead = ""
    cited = ctx.cite(claim.assumptions)
    extra = ctx.unlabelled(claim.assumptions)
    if cited:
        lead = f"Under {cited}"
    if extra:
        shown = ", ".join(f"${tex(canonical(c))}$" for c in extra)
        lead = (lead + " and " if lead else "If ") + shown
    words = ""
    if claim.description:
        words = description(claim.description) + ".\n"
    if claim.statement is sympy.true:
        # the statement reduced to "true" when it was built: the parameters'
        # domains alone settle it, so no stated assumption is cited
        return words + (
            "This holds at every admissible point: once simplified, the "
            "statement follows from the parameters' domains alone.\n"
        )
    statement_tex = _statement_math(claim.statement, claim.assumptions)
    head = (lead + ", we have" if lead else "We have") + statement_tex
    return words + head


def _statement_math(statement, assumptions) -> str:
    if isinstance(statement, sympy.Implies):
        premise, conclusion = statement.args
        return (
            ": if"
            + display(tex(canonical(premise, assumptions)))
            + "then"
            + display(tex(canonical(conclusion, assumptions)))
        )
    return display(tex(canonical(statement, assumptions)))


def _same_source(source: str, document_source: str) -> bool:
    """Whether a claim's source is the document's (or the start of it).

    Examples
    --------
    >>> _same_source("Kydd (2005), ch. 1", "Kydd (2005), ch. 1; the exact model")
    True
    >>> _same_source("Fearon (1995)", "Kydd (2005), ch. 1")
    False
    """

    def norm(text):
        return " ".join(str(text).lower().rstrip(". ").split())

    claim, doc = norm(source), norm(document_source)
    return bool(claim) and bool(doc) and doc.startswith(claim)


def claim_block(proof, ctx: DocContext) -> str:
    """A claim with its proof (proved), counterexample (refuted) or evidence.

    Examples
    --------
    >>> from symtrust import probability, Claim
    >>> p = probability("p")
    >>> text = claim_block(Claim(p**2 <= p, name="squares").prove(), DocContext())
    >>> text.startswith("\\\\begin{proposition}[squares]")
    True
    """
    claim = proof.claim
    body = _claim_statement(claim, ctx)
    if claim.source and not _same_source(claim.source, ctx.source):
        body = body.rstrip() + f"\n\n\\emph{{Source:}} {prose(claim.source)}.\n"
    if proof.status == "proved":
        out = [_proposition("proposition", claim.name, body)]
        steps, smt = claim_proof(proof, ctx)
        out.append(
            "\\begin{proof}\n"
            + (steps or "The statement is true as written.\n")
            + "\\end{proof}\n"
        )
        out.append(verification_remark(smt=smt, evidence=proof.evidence))
        return "".join(out) + "\n"
    out = [_proposition("claim", claim.name, body)]
    if proof.status == "refuted":
        point = r",\; ".join(
            f"{tex(k)} = {tex(v)}"
            for k, v in sorted(proof.counterexample.items(), key=lambda kv: str(kv[0]))
        )
        out.append(
            "\\emph{The claim is false.} At the admissible point\n"
            f"\\[\n{point}\n\\]\n"
            "the statement fails (checked by exact substitution; the point "
            "satisfies every assumption).\n"
        )
    else:
        out.append(f"\\emph{{The claim is undecided.}} {prose(proof.reason)}.\n")
        if proof.evidence is not None:
            out.append(
                f"It held at {proof.evidence.held} of {proof.evidence.tried} random "
                "exact admissible points.\n"
            )
    return "".join(out) + "\n"
