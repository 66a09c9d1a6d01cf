"""Perfect Bayesian equilibria of finite signaling games, with exact conditions.

A perfect Bayesian equilibrium (Fudenberg and Tirole 1991, section 8.2) is a
sender strategy ``sigma(m | t)``, a receiver strategy ``rho(a | m)`` and
beliefs ``mu(t | m)`` such that

1. *on path* (``P(m) = sum_t p(t) sigma(m | t) > 0``) beliefs follow Bayes'
   rule, ``mu(t | m) = p(t) sigma(m | t) / P(m)``;
2. the receiver is sequentially rational: after every message each action
   it plays maximises ``sum_t mu(t | m) u_R(t, m, a)``; *off path* the belief
   is free, so the requirement is that *some* belief supports the action
   (:mod:`symtrust.games.signaling._belief_sets`);
3. every type sends only messages that maximise its expected payoff given
   ``rho``.

:func:`pbe` enumerates

* every equilibrium in pure sender strategies (each type one message) with a
  pure receiver response to every message; the receiver's on-path
  inequalities are multiplied by ``P(m)``, and a message whose probability may
  vanish is allowed to be treated as off path (condition
  ``P(m) > 0 or some belief supports the action``);
* hybrid equilibria in which up to ``max_mixing`` types each mix over a pair
  of messages and the receiver mixes over a pair of actions after as many
  messages (the generic case: the receivers' indifferences are linear in the
  senders' mixing probabilities and the senders' indifferences linear in the
  receiver's, so both square systems are *solved*, never typed), each
  mixing probability in closed form with the condition that it lies in (0, 1).

Each equilibrium carries its existence condition (simplified under the game's
assumptions), its on-path beliefs, the set of off-path beliefs supporting it
(a condition on belief symbols ``mu_<type>_<message>``), and the condition
under which it survives the Intuitive Criterion (:mod:`symtrust.games.signaling._intuitive`).
Its ``label`` is a :class:`PBELabel` (separating, pooling or hybrid), and its
strategies and beliefs are looked up by type, message and action:
``eq.sends(type, message)``, ``eq.responds(message, action)``,
``eq.belief(message, type)``.

The enumeration lives in :mod:`symtrust.games.signaling._pure` and
:mod:`symtrust.games.signaling._hybrid`.

Not enumerated (said in the solution's notes): continua of equilibria in which
a mixing probability is left undetermined, receiver mixing after off-path
messages, and hybrids with more than ``max_mixing`` mixing types.

Examples
--------
>>> from symtrust import pbe
>>> from symtrust.catalog import beer_quiche
>>> sol = pbe(beer_quiche())
>>> [(str(eq.label), eq.profile, eq.intuitive) for eq in sol]
[('pooling', (('beer', 'beer'), ('not', 'duel')), True), ('pooling', (('quiche', 'quiche'), ('duel', 'not')), False)]
>>> sol[0].off_path_beliefs
mu_weak_quiche >= 1/2
"""

from symtrust.core.result import Solution
from symtrust.errors import ModelError
from symtrust.games.signaling._assembly import Context
from symtrust.games.signaling._hybrid import hybrid_equilibria
from symtrust.games.signaling._pure import pure_equilibria
from symtrust.games.signaling.equilibrium import PBELabel, PerfectBayesianEquilibrium
from symtrust.games.signaling.model import SignalingGame
from symtrust.logic.budget import Budget

__all__ = ["PBELabel", "PerfectBayesianEquilibrium", "pbe"]


def pbe(
    game: SignalingGame,
    *,
    hybrid: bool = True,
    max_mixing: int = 1,
    budget=None,
) -> Solution:
    """Every perfect Bayesian equilibrium of a signaling game (see module doc).

    Parameters
    ----------
    game : SignalingGame
        The game.
    hybrid : bool
        Whether to search for hybrid (mixing) equilibria too.
    max_mixing : int
        The most sender types that may mix at once in a hybrid equilibrium.
    budget : Budget, float or None
        Time allowed: None for the defaults, seconds in total, or a
        :class:`~symtrust.logic.budget.Budget` (see there).

    Returns
    -------
    Solution
        ``method="pbe"``; results of type :class:`PerfectBayesianEquilibrium`,
        pure ones first, each with a satisfiable existence condition.

    Raises
    ------
    ModelError
        If ``game`` is not a :class:`SignalingGame` or ``max_mixing < 0``.

    Examples
    --------
    >>> from symtrust.catalog import job_market
    >>> sol = pbe(job_market(), hybrid=False)
    >>> [eq.profile[0] for eq in sol if eq.label is PBELabel.SEPARATING]
    [('E', 'N')]
    >>> [eq.condition for eq in sol if eq.label is PBELabel.SEPARATING]
    [(c_L >= 1) & (c_H <= 1)]
    """
    budget = Budget.of(budget)
    if not isinstance(game, SignalingGame):
        raise ModelError(f"pbe needs a SignalingGame, got {type(game).__name__}")
    if (
        isinstance(max_mixing, bool)
        or not isinstance(max_mixing, int)
        or max_mixing < 0
    ):
        raise ModelError(f"max_mixing={max_mixing!r} must be a nonnegative int")
    ctx = Context(game, budget)
    found, notes = [], []
    pure_equilibria(ctx, found)
    if hybrid and max_mixing:
        hybrid_equilibria(ctx, found, max_mixing, notes)
    notes.append(
        "off-path responses are pure; hybrids searched with at most "
        f"{max_mixing if hybrid else 0} mixing type(s)"
    )
    return Solution(
        method="pbe", solver=pbe, game=game, results=tuple(found), notes=tuple(notes)
    )
