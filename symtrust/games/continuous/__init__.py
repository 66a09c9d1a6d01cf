"""Games with continuous strategies (and continuous types): first-order conditions.

Importing the family registers its numeric twins.
"""

from symtrust.games.continuous import twins  # noqa: F401 - registers the twins
from symtrust.games.continuous.auctions import (
    AuctionEquilibrium,
    first_price_auction,
    second_price_auction,
)
from symtrust.games.continuous.bargaining import crisis_bargaining
from symtrust.games.continuous.bayes_linear import (
    BayesianContinuousGame,
    LinearBayesEquilibrium,
    bayesian_continuous_game,
    interim_utility,
    linear_bayes_nash,
)
from symtrust.games.continuous.best_response import BestResponse, best_response
from symtrust.games.continuous.densities import from_density
from symtrust.games.continuous.double_auction import (
    LinearDoubleAuction,
    double_auction,
)
from symtrust.games.continuous.model import (
    ContinuousGame,
    SymmetricContinuousGame,
    continuous_game,
    player_count,
    symmetric_continuous_game,
)
from symtrust.games.continuous.nash import (
    ContinuousEquilibrium,
    SymmetricEquilibrium,
    continuous_nash,
    symmetric_nash,
)
from symtrust.games.continuous.offer_model import OfferGame, offer_game
from symtrust.games.continuous.offers import (
    OfferEquilibrium,
    optimal_offer,
    responder_cutoff,
)
from symtrust.games.continuous.sequential import SequentialEquilibrium, stackelberg

__all__ = [
    "AuctionEquilibrium",
    "BayesianContinuousGame",
    "BestResponse",
    "ContinuousEquilibrium",
    "ContinuousGame",
    "LinearBayesEquilibrium",
    "LinearDoubleAuction",
    "OfferEquilibrium",
    "OfferGame",
    "SequentialEquilibrium",
    "SymmetricContinuousGame",
    "SymmetricEquilibrium",
    "bayesian_continuous_game",
    "best_response",
    "continuous_game",
    "continuous_nash",
    "crisis_bargaining",
    "double_auction",
    "first_price_auction",
    "from_density",
    "interim_utility",
    "linear_bayes_nash",
    "offer_game",
    "optimal_offer",
    "player_count",
    "responder_cutoff",
    "second_price_auction",
    "stackelberg",
    "symmetric_continuous_game",
    "symmetric_nash",
]
