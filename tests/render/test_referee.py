"""What a referee would strike from a proof document, each checked so it cannot
come back.

Every test builds a small document (or one part of it) from hand-made values
and looks for one defect that was found by reading the generated documents:
an empty section heading, the source repeated under every claim, a
tool's wording ("identical as built", "pruned", an option's name), a proof's
gap printed with a parameter's letter, a long tuple shrunk to illegibility,
a number's sign "by the parameters' domains", a sentence that starts in
lower case. ``texcheck.referee_text`` runs the document-wide checks on every
derivation's document (test_pdflatex_derivations.py).
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import sympy
from texcheck import referee_text

from symtrust import Claim, Derivation, interval, positive, probability, trust_game
from symtrust.core.result import Result, Step
from symtrust.games.bayesian import interim_payoff
from symtrust.render.canonical import canonical, tex
from symtrust.render.context import DocContext
from symtrust.render.document import _figures, derivation_document
from symtrust.render.layout import display, show
from symtrust.render.phrases import note
from symtrust.render.proofs import claim_proof, result_proof
from symtrust.render.propositions import claim_block, result_block
from symtrust.render.prose import prose
from symtrust.results import CheckReport

# -- sections and figures --------------------------------------------------------


def test_no_region_heading_without_a_map_to_show():
    figure = SimpleNamespace(name="map", caption="A map.")
    derivation = SimpleNamespace(figures=(figure,))
    assert _figures(derivation, {}) == ""
    assert _figures(derivation, {"other": "x"}) == ""
    assert _figures(derivation, None) == ""


def test_region_maps_are_set_in_place_not_floated():
    figure = SimpleNamespace(name="map", caption="A map.")
    text = _figures(SimpleNamespace(figures=(figure,)), {"map": "d-map"})
    assert text.startswith("\\section{Equilibrium regions}\n\\begin{herefigure}")
    # a float can drift past the next heading and leave this one empty
    assert "\\begin{figure}" not in text


def test_the_source_is_stated_once():
    c, w = positive("c w")
    same = Claim(c + w > w, name="one", source="Kydd (2005), ch. 2")
    other = Claim(c + 1 > 1, name="two", source="Fearon (1995)")
    d = Derivation(
        title="Sources",
        source="Kydd (2005), ch. 2 (reconstruction)",
        claims=(same, other),
    )
    text = derivation_document(d)
    assert text.count("Kydd (2005), ch. 2") == 1
    assert "\\emph{Source:} Fearon (1995)." in text


def test_a_check_at_one_point_is_singular():
    x = sympy.Symbol("x", positive=True)
    r = Result(kind="half", value=x / 2)
    d = Derivation(title="One point", source="none", results=(("half", r),))
    from symtrust.results import DerivationReport

    report = DerivationReport(
        d, checks=(("half", CheckReport(passed=True, examples=1, message="")),)
    )
    text = derivation_document(d, report)
    assert "checked at 1 exact point \\\\" in text
    assert "1 exact points" not in text
    assert "\\textbf{Verification.} Every result" in text


# -- wording ---------------------------------------------------------------------


def test_a_statement_true_when_built_says_what_is_meant():
    s = positive("s")
    claim = Claim(-1 / s < 0, name="decreasing", description="it falls in s")
    assert claim.statement is sympy.true
    text = claim_block(claim.prove(examples=0), DocContext())
    assert "identical as built" not in text
    assert "follows from the parameters' domains alone" in text
    assert "true as written" not in text


def test_solver_notes_are_reworded_for_a_reader():
    pruned = note("row (untrustworthy): C is strictly dominated by D; pruned")
    assert "pruned" not in pruned and pruned.startswith("For row")
    option = note(
        "symmetric equilibria only (h_1 = h_2); pass symmetric=False for asymmetric ones"
    )
    assert "False" not in option and "pass" not in option
    assert "off_path" not in note(
        "off-path beliefs are those of each result's off_path field"
    )
    assert "up to 0" not in note(
        "weak perfect Bayesian equilibria: Bayes' rule on the path, any belief off "
        "it; mixing at up to 0 information sets, on the path"
    )


def test_tool_names_and_ranges_are_text():
    assert prose("decided by z3") == "decided by z3"
    assert prose("Kydd (2005), ch. 1-2") == "Kydd (2005), ch. 1--2"
    # arithmetic with spaces, and identifiers, stay mathematics
    assert prose("x_1 - 2 > 0") == "$x_{1} - 2 > 0$"


def test_solver_shorthand_reads_as_words():
    text = prose("investor@root: trust w.p. k_U/a_U; mu_trustworthy_none")
    assert "with probability" in text and "w.p." not in text and "$w$" not in text
    assert "@" not in text and "investor at root" in text
    sym = sympy.Symbol("mu_trustworthy_none")
    assert tex(sym) == "\\mu_{\\text{trustworthy, none}}"


def test_propositions_start_with_a_capital():
    # a lemma without an "Under (A1), " lead once began "the interim ..."
    t1, t2 = probability("t1 t2")
    game = trust_game([[4, 1], [3, 2]], [[3, 1], [4, 2]], (t1, t2))
    eu = interim_payoff(
        game,
        "row",
        "trustworthy",
        "C",
        [None, {"trustworthy": "C", "untrustworthy": "D"}],
    )
    text = result_block("EU(C)", eu, DocContext())
    body = text.split("]\n", 1)[1]
    assert body[:1].isupper(), body[:40]


# -- formulas --------------------------------------------------------------------


def test_a_bound_is_written_after_the_quantity():
    t1, t2 = probability("t1 t2")
    assert tex(canonical(1 > t1 * t2)) == "t_{1} t_{2} < 1"
    assert tex(canonical(sympy.Lt(0, t1, evaluate=False))) == "t_{1} > 0"


def test_a_conjunction_in_running_text_reads_and():
    assert show(r"x > 1 \wedge y > 2") == "$x > 1$ and $y > 2$"


def test_a_long_tuple_is_one_component_a_line():
    a, b, c = sympy.symbols("a_1 a_2 c", positive=True)
    long = (a**2 - a * c - a + b * c) * (a * c + b**2 - b * c - b)
    stakes = (sympy.Integer(1), long / (a * b), long / (a * b**2 * (c + 1)))
    shown = display(tex(canonical(stakes)))
    assert "\\Bigl(" in shown and "\\Bigr)" in shown
    # one line per component: two line breaks at the top level of the tuple
    assert shown.count(r"\phantom{\Bigl(}") == 2


def test_a_broken_component_keeps_the_bracket_on_its_last_line():
    a, b, c = sympy.symbols("a_1 a_2 c", real=True)
    terms = sum(a**k * b ** (6 - k) * c for k in range(7))
    shown = display(tex((a > b, sympy.expand(terms * (a + b + c)) > 0)))
    inner = shown.split("\\begin{aligned}", 1)[1]
    # one aligned block: the bracket closes after the last line, not beside a box
    assert "\\begin{aligned}" not in inner
    assert (
        inner.rstrip()
        .removesuffix("}\n\\]")
        .rstrip()
        .endswith("0\\Bigr)\\end{aligned}")
    ), inner[-80:]


def test_an_item_ending_in_a_display_has_its_period_inside():
    from symtrust.render.statements import punctuated

    text = punctuated("when" + display("x > 1"), ".")
    assert referee_text("\\begin{document}\n" + text + "\n") == []
    assert text.rstrip().endswith("x > 1.\n\\]")


def test_a_factored_radical_fraction_stays_factored():
    a, b, c = sympy.symbols("a_1 a_2 c", positive=True)
    root = sympy.sqrt(c**2 - 4 * b * c + 2 * c + 1)
    x3 = (
        2
        * (a**2 - a * c - a + b * c)
        * (a * c + b**2 - b * c - b)
        / (a * b**2 * (c + root + 1))
    )
    printed = tex(canonical(x3))
    assert len(printed) < 200, printed
    assert "a_{1}^{3}" not in printed


def test_a_conjunct_equal_on_both_sides_is_not_printed():
    c, w = positive("c w")
    t = interval("t_T", 0, 1, right_open=True)
    mu = (c - w) / (c - t - w + 1)
    same = sympy.Ge(mu, (w - c) / (t + w - c - 1), evaluate=False)
    shown = tex(canonical(sympy.And(same, mu > 0, evaluate=False), [c > w]))
    assert "\\geq" not in shown, shown


def test_a_relation_is_not_solved_into_a_much_longer_bound():
    # the small state's cooperation condition, ch. 5: solved for pi_s it
    # printed a bound of some twenty terms
    p_h, p_s = probability("pi_h pi_s")
    c, w = positive("c w")
    m = interval("m", 0, 1, left_open=True, right_open=True)
    n = interval("n", 3, 40)
    t = interval("t", 0, 1, right_open=True)
    q = (m * n * p_h - m * n * p_s - m * p_h + 2 * m * p_s + n * p_s - 2 * p_s) / (
        m + n - 2
    )
    rel = q >= (c - w) / (c - t - w + 1)
    printed = tex(canonical(rel, [c > w], focus=p_s))
    assert len(printed) < 200, printed


def test_a_statement_is_not_repeated_as_its_condition():
    from symtrust.render.statements import statement

    p = probability("p")
    half = p >= sympy.Rational(1, 2)
    r = Result(kind="cooperates", value=half, condition=half)
    body = statement(r, DocContext()).body
    assert "This holds" not in body, body


# -- proofs ----------------------------------------------------------------------


def test_gaps_never_take_a_parameters_letter():
    # the discount factor delta and two ordered cutoffs a_1 > a_2, as in ch. 7
    delta = interval("delta", 0, 1, left_open=True, right_open=True)
    a_1, a_2, b = (interval(n, 1, 8, left_open=True) for n in ("a_1", "a_2", "b"))
    claim = Claim(1 / a_1 > 1 / b, [a_1 < b, a_1 > a_2], name="trust rises")
    other = Claim(delta * b > 0, name="uses delta")
    ctx = DocContext()
    for c in (claim, other):
        ctx.add(c.assumptions)
    text, _ = claim_proof(claim.prove(examples=0), ctx)
    assert "write" in text, text
    assert "\\delta" not in text, text
    assert "\\varepsilon" in text
    # the ordering each gap comes from is cited
    assert re.search(r"By \(A\d\)", text), text


def test_the_same_substitution_keeps_its_letter_and_different_ones_differ():
    R, T, P, S = sympy.symbols("R T P S", real=True)
    claim = Claim(
        sympy.And((P - S) / (P + R - S - T) > 0, (P - S) / (P + R - S - T) < 1),
        [R > T, P > S],
    )
    ctx = DocContext.collect([claim.assumptions])
    text, _ = claim_proof(claim.prove(examples=0), ctx)
    writes = re.findall(r"write (.*?)\.\n", text)
    assert len(writes) == 2 and writes[0] == writes[1], writes
    assert "\\varepsilon" in writes[0] and "\\eta" in writes[0]


def test_a_premise_is_cited_as_the_hypothesis_not_by_a_shared_label():
    t = probability("t_2")
    half = sympy.Rational(1, 2)
    claim = Claim(sympy.Implies(t >= half, 3 * t + 1 >= t + 2), name="at the threshold")
    # another statement makes t_2 >= 1/2 a labelled assumption (A1)
    ctx = DocContext.collect([[t >= half]])
    text, _ = claim_proof(claim.prove(examples=0), ctx)
    assert "(A1)" not in text, text
    assert "the hypothesis" in text


def test_a_numbers_sign_needs_no_argument():
    step = Step("slope in the belief", sympy.Integer(2), "sign: positive")
    r = Result(kind="threshold", value=sympy.Rational(1, 2), steps=(step,))
    text, _ = result_proof(r, DocContext())
    assert "domains" not in text
    assert "$2$, positive." in text


def test_referee_text_finds_what_it_looks_for():
    bad = (
        "\\begin{document}\n\\section{Equilibrium regions}\n\\section{Claims}\n"
        "\\begin{proposition}[x]\nthe statement\n\\end{proposition}\n"
        "identical as built; pruned; $z_{3}$; checked at 1 exact points\n"
        "when\n\\[\nx > 1\n\\]\n.\n"
    )
    found = "\n".join(referee_text(bad))
    for what in (
        "empty section",
        "lower case",
        "identical as built",
        "pruned",
        "z3",
        "punctuation alone",
    ):
        assert what in found, (what, found)
    assert referee_text("\\begin{document}\n\\section{A}\nText.\n") == []
