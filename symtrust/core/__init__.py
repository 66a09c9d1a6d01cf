"""The bottom layer: what every other layer shares.

Parameters with domains, assumptions, exact evaluation at a point, the
``Step``/``Result``/``Solution`` values every solver returns, the registry of
numeric twins, and the printing protocol.
"""
