"""Extensive-form games: trees with symbolic payoffs and chance probabilities.

Build a tree with :func:`decision`, :func:`chance` and payoff tuples, validate
it with :func:`game_tree`; solve it by backward induction (:func:`spe`,
:func:`backward_induction`), by subgame perfection with imperfect
information, or for perfect Bayesian equilibria. Importing the family
registers its numeric twins.
"""

from symtrust.games.extensive import twins  # noqa: F401 - registers the twins
from symtrust.games.extensive.assessment import Assessment
from symtrust.games.extensive.backward_induction import (
    BackwardInduction,
    backward_induction,
)
from symtrust.games.extensive.beliefs import InfosetBelief, infoset_belief
from symtrust.games.extensive.builder import game_tree
from symtrust.games.extensive.equilibrium import (
    OutcomeRegion,
    SubgamePerfectEquilibrium,
)
from symtrust.games.extensive.forms import (
    ReducedStrategy,
    agent_form,
    reduced_normal_form,
    reduced_strategies,
)
from symtrust.games.extensive.model import (
    ExtensiveGame,
    InfoSet,
    TreeDrawing,
    TreeNode,
    path_name,
)
from symtrust.games.extensive.nodes import (
    Chance,
    Decision,
    Terminal,
    chance,
    decision,
    outcome,
)
from symtrust.games.extensive.perfect_bayesian import extensive_pbe
from symtrust.games.extensive.profiles import behaviour, expected_payoffs
from symtrust.games.extensive.rationality import (
    ActionValues,
    SequentialRationality,
    action_values,
    rationality_relations,
    sequential_rationality,
)
from symtrust.games.extensive.subgames import spe, subgame_roots

__all__ = [
    "ActionValues",
    "Assessment",
    "BackwardInduction",
    "Chance",
    "Decision",
    "ExtensiveGame",
    "InfoSet",
    "InfosetBelief",
    "OutcomeRegion",
    "ReducedStrategy",
    "SequentialRationality",
    "SubgamePerfectEquilibrium",
    "Terminal",
    "TreeDrawing",
    "TreeNode",
    "action_values",
    "agent_form",
    "backward_induction",
    "behaviour",
    "chance",
    "decision",
    "expected_payoffs",
    "extensive_pbe",
    "game_tree",
    "infoset_belief",
    "outcome",
    "path_name",
    "rationality_relations",
    "reduced_normal_form",
    "reduced_strategies",
    "sequential_rationality",
    "spe",
    "subgame_roots",
]
