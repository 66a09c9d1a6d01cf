"""Meta-test: every result type a public solver returns has a registered twin.

A result type without a twin would make ``check`` answer "not checked", and
``symtrust derive`` count it as a failure: this test finds such a type before
a derivation does. It enumerates

* every Result class in :mod:`symtrust.results` and in the public
  namespaces (each needs a twin
  registered for it or a base class, so that ``check(one_result)`` works);
* every public function of symtrust, symtrust.kydd and each family
  (``symtrust.games.<family>``) whose return annotation is a Result class
  (which needs a class twin) or a Solution (whose solver needs a twin);
* the public functions annotated with a plain type (``tuple``, ``dict``,
  ``str``, a SymPy expression) or not annotated, each of which must be
  classified below as a solver checked on an example, or as no solver (those
  returning one of symtrust's own model or value classes are no solvers).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing

import pytest

import symtrust
import symtrust.games
import symtrust.kydd
import symtrust.results
from symtrust.core.result import Result, Solution
from symtrust.core.twins import registered_twins, twin_for

# public functions annotated with a plain type, or not at all, that return
# no result: parameter factories, claims (whose proofs are checked: Proof has
# a twin), renderings, plain values of a model and helpers
NOT_SOLVERS = {
    "as_payoff",
    "behaviour",
    "binomial_expectation",
    "classify_types",
    "count_symbol",
    "decreasing",
    "document",
    "expected_payoffs",
    "holds_whenever",
    "horizon",
    "implies",
    "increasing",
    "interim_utility",
    "interval",
    "latex",
    "mixed_strategy",
    "nonnegative",
    "parameter",
    "path_name",
    "plot",
    "positive",
    "probability",
    "rationality_relations",
    "real",
    "reduced_strategies",
    "region_map",
    "sdg_payoffs",
    "simplify_condition",
    "subgame_roots",
}
# solvers without a return annotation: checked on an example below
UNANNOTATED_SOLVERS = {"minimum_trust"}
# derived answers returned as plain values, not Results with a twin (known
# gaps, left to their families): a dominant action's name, a responder's
# cutoff pair, a repeated game's state values
KNOWN_GAPS = {"dominant_action", "responder_cutoff", "state_values"}


def _namespaces():
    yield symtrust
    yield symtrust.kydd
    for info in pkgutil.iter_modules(symtrust.games.__path__):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"symtrust.games.{info.name}")


def _public_functions():
    seen = {}
    for module in _namespaces():
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) and obj not in seen.values():
                seen[f"{module.__name__}.{name}"] = obj
    return seen


FUNCTIONS = _public_functions()


def _returns(fn):
    return typing.get_type_hints(fn).get("return")


def _is(ann, base) -> bool:
    return isinstance(ann, type) and issubclass(ann, base)


def _has_class_twin(cls) -> bool:
    return any(isinstance(k, type) and issubclass(cls, k) for k in registered_twins())


def _result_classes():
    """Result classes in symtrust.results and in each public namespace."""
    found = set()
    for module in (symtrust.results, *_namespaces()):
        for name in module.__all__:
            obj = getattr(module, name)
            if _is(obj, Result) and obj is not Result:
                found.add(obj)
    return sorted(found, key=lambda c: (c.__module__, c.__name__))


RESULT_CLASSES = _result_classes()


def test_the_enumeration_finds_the_solvers():
    names = {qual.rsplit(".", 1)[1] for qual in FUNCTIONS}
    assert {"pure_nash", "pbe", "extensive_pbe", "arming_equilibria"} <= names
    assert len(RESULT_CLASSES) >= 40


@pytest.mark.parametrize("cls", RESULT_CLASSES, ids=lambda c: c.__name__)
def test_every_result_class_has_a_twin(cls):
    assert _has_class_twin(cls), (
        f"{cls.__name__} has no numeric twin: register one with @twin({cls.__name__})"
    )


@pytest.mark.parametrize("qual", sorted(FUNCTIONS))
def test_every_public_solver_has_a_twin(qual):
    fn = FUNCTIONS[qual]
    name = qual.rsplit(".", 1)[1]
    ann = _returns(fn)
    if _is(ann, Solution):
        assert fn in registered_twins(), (
            f"{qual} returns a {ann.__name__} but no twin is registered for it: "
            f"@twin({name})"
        )
    elif _is(ann, Result):
        assert _has_class_twin(ann), f"{qual} returns {ann.__name__}, which has no twin"
    elif isinstance(ann, type) and ann.__module__.startswith("symtrust."):
        pass  # a model or a value of symtrust's own (a game, a parameter, a claim)
    else:
        assert name in NOT_SOLVERS | UNANNOTATED_SOLVERS | KNOWN_GAPS, (
            f"{qual} returns {getattr(ann, '__name__', ann)}: annotate it with its "
            "Result or Solution type (and register a twin), or list it in NOT_SOLVERS"
        )


def test_unannotated_solvers_return_checked_results():
    tau = symtrust.interval("tau", 0, 1, left_open=True)
    x = symtrust.positive("x")
    result = symtrust.minimum_trust(tau >= x / 2, tau, x)
    assert isinstance(result, Result) and twin_for(result) is not None
    assert symtrust.check(result, max_examples=5).passed is True


def test_single_results_are_checked():
    # one result of each kind of solution: check works on each on its own
    from symtrust.catalog import battle_of_the_sexes, beer_quiche, job_market
    from symtrust.games.extensive import backward_induction, decision

    h, a = symtrust.real("h a")
    tree = symtrust.game_tree(
        decision(
            "investor",
            {
                "trust": decision("trustee", {"honor": (1, h), "abuse": (-1, a)}),
                "not": (0, 0),
            },
        )
    )
    singles = [
        symtrust.pure_nash(battle_of_the_sexes())[0],
        symtrust.mixed_nash(battle_of_the_sexes())[-1],
        symtrust.pbe(beer_quiche())[0],
        symtrust.spe(tree)[0],
        backward_induction(tree)[0],
        symtrust.extensive_pbe(symtrust.game_tree(job_market()), hybrid=False)[0],
    ]
    for one in singles:
        rep = symtrust.check(one, max_examples=5)
        assert rep.passed is True and rep.examples >= 1, rep
