"""Is it true: claims, decisions, numeric twins, derivations."""
