"""Reasons a reader can check, for the justifications solvers record.

Solvers record each derivation step with a short justification written for
the log ("solve EU(C) = EU(D) for the belief", "sign: positive", "Bayes'
rule: joint / marginal"). In a proof each becomes a reason in words ("by the
indifference condition ..."). The table below maps the justifications the
engine writes (exactly, or by pattern) to such reasons; a justification not
in the table is printed as prose with its formulas typeset
(:func:`symtrust.render.prose.prose`), never as raw text.

A reason marked ``SIGN`` asks the proof writer to establish the sign of the
step's expression and cite the assumptions it needs instead.

Examples
--------
>>> reason("solve EU(C) = EU(D) for the belief")
'by the indifference condition $\\\\mathrm{EU}(C) = \\\\mathrm{EU}(D)$, solved for the belief'
>>> reason("sign: positive") is SIGN
True
>>> reason("some new justification, x_1 >= 0")
'some new justification, $x_{1} \\\\geq 0$'
"""

from __future__ import annotations

import re

from symtrust.render.prose import prose

__all__ = ["SIGN", "description", "label_words", "note", "reason"]


class _Sign:
    """Marker: the reason is a sign, established and cited by the proof writer."""

    def __repr__(self):
        return "SIGN"


SIGN = _Sign()

# (pattern, reason); a reason is prose (formulas typeset) or SIGN
_REASONS: list[tuple[str, object]] = [
    # thresholds and expected payoffs
    (
        r"(\w+) = Pr\(other plays (\w+)\)",
        r"where \1 is the probability that the other player plays \2",
    ),
    (
        r"difference of expected payoffs, linear in belief",
        "subtracting the two expected payoffs; the difference is linear in the belief",
    ),
    (r"sign: (positive|negative)", SIGN),
    (r"sign: undecided", "its sign is not fixed by the assumptions"),
    (
        r"solve EU\((\w+)\) = EU\((\w+)\) for the belief",
        r"by the indifference condition EU(\1) = EU(\2), solved for the belief",
    ),
    (
        r"solve EU\((\w+)\) = EU\((\w+)\) for (\w+)",
        r"by the indifference condition EU(\1) = EU(\2), solved for \3",
    ),
    (
        r"nonzero slope; threshold in \[0, 1\]",
        "the slope is nonzero and the threshold is a probability",
    ),
    (r"type-contingent", "the other player's strategy, type by type"),
    (
        r"Pr\(other's type plays (\w+) \| own type\)",
        r"the probability that the other player's type plays \1",
    ),
    (r"the belief replaced by the trust", "in equilibrium the belief is the trust"),
    (r"expectation over types", "the expectation over the other player's types"),
    (r"the other players' priors", "the weights are the other player's prior"),
    (
        r"interim expected payoffs, under the assumptions",
        "comparing interim expected payoffs under the assumptions",
    ),
    (
        r"conjunction, simplified",
        "all the conditions above together, simplified under the assumptions",
    ),
    (r"simplified under the assumptions", "simplified under the assumptions"),
    (
        r"better against every profile of the others",
        "it does better against every action of the other player",
    ),
    # Bayes' rule
    (r"prior times likelihood", "the prior times the likelihood of the observation"),
    (r"sum of the joint over types", "summing the joint probabilities over types"),
    (
        r"Bayes' rule: joint / marginal",
        "by Bayes' rule, the joint probability over the marginal",
    ),
    (r"Bayes' rule(.*)", r"by Bayes' rule\1"),
    (
        r"the observation has positive probability",
        "Bayes' rule applies where the observation has positive probability",
    ),
    (r"the equilibrium's condition", "where the equilibrium exists"),
    (
        r"rsolve of w\(k\+1\) = L w\(k\)",
        "solving the recursion w(k+1) = L w(k) of the weights",
    ),
    (
        r"base n = 0 is the prior; one Bayes step maps n to n \+ 1 \(exact simplification\)",
        "by induction: at n = 0 the formula is the prior, and one step of Bayes' rule takes the formula at n to the formula at n + 1",
    ),
    (r"proved \(decided under the assumptions\)", "proved under the assumptions"),
    (r"proved by z3(?: \(.*\))?", "decided by an SMT solver (z3)"),
    # comparative statics
    (r"differentiate in (\w+) twice", r"differentiating twice in \1"),
    (r"differentiate in (\w+)", r"differentiating in \1"),
    (
        r"same sign as the derivative: .*",
        "the derivative has the sign of its numerator, the denominator's sign being fixed",
    ),
    (r"holds at every admissible point \(z3\)", SIGN),
    (r"identically zero", "identically zero"),
    (
        r"both signs occur: the space splits",
        "both signs occur, so the parameter space splits",
    ),
    (
        r"the other sign never occurs; elsewhere the derivative is zero",
        "the other sign never occurs; elsewhere the derivative is zero",
    ),
    (r"neither sign occurs", "neither sign occurs"),
    (r"undecided: z3 could not settle either sign", "its sign could not be settled"),
    # cutoff equilibria
    (
        r"expected payoff of C minus D against the other's cutoff strategy",
        "the expected payoff of C minus that of D, against the other's cutoff strategy",
    ),
    (
        r"the gain falls in the own type, so best responses are cutoffs",
        "the gain falls in the player's own type, so best responses are cutoff strategies",
    ),
    (
        r"Delta_i\(h_i, F_j\(h_j\)\) = 0, denominators cleared",
        "the marginal type of each player is indifferent, Delta_i(h_i, F_j(h_j)) = 0 (denominators cleared)",
    ),
    (r"h_1 = h_2", "by symmetry, h_1 = h_2"),
    (r"solves .* = 0", "a root of the cutoff equation"),
    (
        r"real, inside the supports, single crossing",
        "the root is real and inside the supports, and single crossing holds",
    ),
    (
        r"implicit differentiation",
        "by implicit differentiation of the indifference condition",
    ),
    (
        r"\|slope\| < 1",
        "the equilibrium is stable iff the best response's slope is less than 1 in absolute value",
    ),
    (
        r"resultant of the two indifference equations",
        "the resultant of the two indifference equations",
    ),
    (
        r"the gain at both ends of each support",
        "the gain has the same sign at both ends of each support",
    ),
    # dominance, minimum trust
    (
        r"each relation solved with equality",
        "each relation of the existence condition solved as an equality",
    ),
    (
        r"where a cooperative equilibrium exists",
        "the condition under which a cooperative equilibrium exists",
    ),
    (
        r"on each piece z3 proves: existence iff trust >= boundary",
        "on each piece, a cooperative equilibrium exists iff trust is at least the boundary (decided by an SMT solver)",
    ),
    (
        r"where boundaries meet each other or certainty",
        "where the boundaries meet each other or trust 1",
    ),
    # arming
    (r"uniform cost on \[0, K\]", "the cost is uniform on [0, K]"),
    (
        r"corner s = 0: solve s = k\*\(s\)/K",
        "at the corner s = 0, the fixed point of the best-response rate",
    ),
    (
        r"corner s = 1: solve s = k\*\(s\)/K",
        "at the corner s = 1, the fixed point of the best-response rate",
    ),
    (
        r"interior: solve s = k\*\(s\)/K",
        "an interior fixed point of the best-response rate",
    ),
    (
        r"EU\(Build\) - EU\(Not\), from tables",
        "the expected payoff of building minus that of not building",
    ),
    (r"stage 2", "the play of the second stage"),
    (r"BR'\(s\) < 1", "stable iff the slope of the best-response rate is below 1"),
    (
        r"rate in range, regime consistent",
        "the rate lies in [0, 1] and the second stage is played as assumed",
    ),
    (r"Bayes' rule over type pairs", "by Bayes' rule over pairs of types"),
    (r"moves and regime", "from the moves and the regime"),
    (r"over the type pairs", "summing over pairs of types"),
    (r"conflict between two security seekers", "conflict between two security seekers"),
    # multilateral
    (
        r"others cooperate with aggregate probability Q",
        "the others cooperate with power-weighted probability Q",
    ),
    (r"positive under the assumptions", SIGN),
    (
        r"solve EU\(C\) = EU\(D\) for Q",
        "by the indifference condition EU(C) = EU(D), solved for Q",
    ),
    (r"under the assumptions", "under the assumptions"),
    (
        r"D dominant: affine, < 0 at Q=0,1",
        "D is dominant: the gain of C is affine in Q and negative at Q = 0 and at Q = 1",
    ),
    (
        r"power-weighted trust in the cooperating others",
        "the power-weighted trust in the cooperating others",
    ),
    (r"Q >= threshold, simplified", "Q at least the threshold, simplified"),
    (r"Q >= threshold, all cooperate", "Q at least the threshold when all cooperate"),
    (r"cooperation_threshold", "the threshold derived above"),
    (r"weighted_trust", "the power-weighted trust"),
    (r"sign 0 under the assumptions", "identically zero under the assumptions"),
    (r"sign None under the assumptions", "its sign is not fixed by the assumptions"),
    (r"sign 1 under the assumptions", "positive under the assumptions"),
    (r"sign -1 under the assumptions", "negative under the assumptions"),
    (r"Q < threshold here", "here Q is below the threshold"),
    (
        r"every remaining actor's Q >= threshold",
        "every remaining actor's Q reaches its threshold",
    ),
    # reassurance
    (
        r"gesture and be trusted, or not",
        "gesturing and being trusted beats not gesturing",
    ),
    (r"mimicking must not pay", "mimicking the trustworthy type does not pay"),
    (
        r"C_T\(x_lo\) <= B_T, simplified",
        "the trustworthy type can afford the least separating gesture, C_T(x_lo) <= B_T",
    ),
    (r"solve C_T\(x\) = B_T", "solving C_T(x) = B_T"),
    (r"solve C_U\(x\) = B_U", "solving C_U(x) = B_U"),
    (r"solve C_U\(x\) = pi_2-weighted B_U", "solving C_U(x) = pi_2 B_U"),
    (
        r"B_T per unit of C_T >= B_U per unit of C_U",
        "the trustworthy type values trust more per unit of cost: B_T/C_T >= B_U/C_U",
    ),
    (r"rho B_T >= C_T\(x_h\)", "rho B_T >= C_T(x_h)"),
    (r"solve q\(x_h\) = mu", "solving q(x_h) = mu"),
    (
        r"U indifferent: rho B_U = C_U\(x_h\)",
        "the untrustworthy type is indifferent: rho B_U = C_U(x_h)",
    ),
    (
        r"0 < r < 1, 0 < rho <= 1, x_h > 0, IC_T",
        "0 < r < 1, 0 < rho <= 1, x_h > 0 and the trustworthy type's incentive constraint",
    ),
    (r"paying x_p beats distrust", "paying x_p beats being distrusted"),
    (r"off-path distrust", "off the path the receiver distrusts"),
    (r"trust reaches the threshold", "trust reaches the threshold"),
    (r"trust below the threshold", "trust is below the threshold"),
    (r"both trustworthy types gain", "both trustworthy types gain"),
    (r"trust 1 reaches mu", "trust 1 reaches mu"),
    (r"expectation over 2", "the expectation over the second mover's type"),
    (r"1 is revealed", "the first mover's type is revealed"),
    (r"solve the indifference conditions", "solving the indifference conditions"),
    (
        r"exploit now or next round",
        "the cutoff type is indifferent between exploiting now and next round",
    ),
    (
        r"honour x_N or exploit t x_N",
        "in the last round a type honours x_N iff t x_N does not exceed it",
    ),
    (r"stake = trust", "the stake equals the receiver's trust"),
    (r"cutoffs fall: b > t_1 > ... > t_N", "the cutoffs fall: b > t_1 > ... > t_N"),
]
_COMPILED = [(re.compile(p), r) for p, r in _REASONS]

# step labels whose printed form differs from prose of the label
_LABELS = {
    "EU(C) - EU(D)": "the gain from cooperating, EU(C) - EU(D)",
    "d(EU(C) - EU(D))/dQ": "the slope of EU(C) - EU(D) in Q",
    "conditions": "conditions",
    "one side": "one side",
}


def reason(justification: str):
    """A reader's reason for a recorded justification (LaTeX text), or SIGN.

    Examples
    --------
    >>> reason("p = Pr(other plays C)")
    'where $p$ is the probability that the other player plays $C$'
    """
    text = str(justification or "").strip()
    if not text:
        return ""
    for pattern, out in _COMPILED:
        match = pattern.fullmatch(text)
        if match:
            if out is SIGN:
                return SIGN
            return prose(match.expand(out))
    return prose(text)


def label_words(label: str) -> str:
    """A step's label as LaTeX text (formulas typeset), first letter capital.

    Examples
    --------
    >>> label_words("slope in the belief")
    'Slope in the belief'
    >>> label_words("EU(C)")
    '$\\\\mathrm{EU}(C)$'
    """
    text = _LABELS.get(label, label)
    out = prose(text)
    if out[:1].isalpha():
        out = out[:1].upper() + out[1:]
    return out


# solvers' notes on a solution, as a reader's remark (patterns, full match)
_NOTES: list[tuple[str, str]] = [
    (
        r"(.+): (\w+) is strictly dominated by (\w+); pruned",
        r"for \1, \2 is strictly dominated by \3, so no equilibrium plays it",
    ),
    (
        r"(\w+) is strictly dominant: the other counts are pruned",
        r"\1 is strictly dominant, so no other count is an equilibrium",
    ),
    (
        r"symmetric equilibria only \(h_1 = h_2\); pass symmetric=False "
        r"for asymmetric ones",
        "only symmetric equilibria (h_1 = h_2) are listed",
    ),
    (
        r"off-path beliefs are those of each result's off_path field",
        "the beliefs off the equilibrium path are those stated with each equilibrium",
    ),
    (
        r"(.*); mixing at up to 0 information sets, on the path",
        r"\1; pure strategies only",
    ),
    (
        r"(.*); mixing at up to 1 information sets, on the path",
        r"\1; mixing at no more than one information set, on the path",
    ),
    (
        r"(.*); mixing at up to (\d+) information sets, on the path",
        r"\1; mixing at no more than \2 information sets, on the path",
    ),
]
_COMPILED_NOTES = [(re.compile(p), r) for p, r in _NOTES]


def note(text: str) -> str:
    """A solver's note on a solution as a sentence for a reader (LaTeX text).

    Notes written for a log ("...; pruned", an option's name) are reworded;
    others are printed as prose, with a capital letter.

    Examples
    --------
    >>> note("row (untrustworthy): C is strictly dominated by D; pruned")
    'For row (untrustworthy), $C$ is strictly dominated by $D$, so no equilibrium plays it'
    """
    return _reworded(text, _COMPILED_NOTES)


def _reworded(text, compiled) -> str:
    """The first full-match rewording of ``text``, as prose with a capital."""
    text = str(text or "").strip().rstrip(".")
    for pattern, out in compiled:
        match = pattern.fullmatch(text)
        if match:
            text = match.expand(out)
            break
    shown = prose(text)
    return shown[:1].upper() + shown[1:] if shown[:1].isalpha() else shown


# claims' generated descriptions, said of what the statement shows
_DESCRIPTIONS: list[tuple[str, str]] = [
    (
        r"the expression is (strictly )?(increasing|decreasing) in (\S+): its "
        r"derivative with respect to \3 is (positive|negative)( or zero)?",
        r"The quantity in the title is \1\2 in \3: its derivative with respect "
        r"to \3, shown below, is \4\5",
    ),
]
_COMPILED_DESCRIPTIONS = [(re.compile(p), r) for p, r in _DESCRIPTIONS]


def description(text: str) -> str:
    """A claim's description as the sentence that introduces its statement.

    Examples
    --------
    >>> description("the expression is strictly increasing in s: its "
    ...             "derivative with respect to s is positive")
    'The quantity in the title is strictly increasing in $s$: its derivative with respect to $s$, shown below, is positive'
    """
    return _reworded(text, _COMPILED_DESCRIPTIONS)
