"""Running a derivation: print its results, verify them, write its proof.

This is what ``symtrust derive`` does for each module, and what a derivation
module runs as a script (``python derivations/ch1_....py``). It sits above
the renderers and the verifier, which it drives.

Examples
--------
>>> callable(run_derivation)
True
"""

from __future__ import annotations

import time
from pathlib import Path

from symtrust.render.document import write_document
from symtrust.render.oneline import result_line
from symtrust.verify.derivation import Derivation, DerivationReport, verify_derivation

__all__ = ["run_derivation"]


def run_derivation(
    derivation: Derivation,
    *,
    examples: int = 30,
    budget: float | None = 10.0,
    latex=None,
    out=None,
) -> DerivationReport:
    """Print a derivation's results, verify them, and optionally write LaTeX.

    This is what ``symtrust derive`` does for each module, and what a
    derivation module runs as a script (``python derivations/ch1_....py``).

    Parameters
    ----------
    derivation : Derivation
        What ``derive()`` returned.
    examples, budget
        As in :func:`verify_derivation`.
    latex : str or Path, optional
        A folder to write the LaTeX proof document into.
    out : callable, optional
        Receives each line of output (default: print, flushed).

    Returns
    -------
    DerivationReport

    Examples
    --------
    >>> from symtrust.catalog import stag_hunt
    >>> from symtrust import pure_nash
    >>> d = Derivation(title="Toy", source="none",
    ...                results=(("equilibria", pure_nash(stag_hunt())),))
    >>> run_derivation(d, examples=3).ok
       Toy (none)
       equilibria: 2 pure-strategy Nash equilibria -- mutual cooperation (C, C) (always); mutual defection (D, D) (always)
      [checked on 3 points] equilibria
       -> ok (... s)
    True
    """
    start = time.perf_counter()
    say = out or (lambda line="": print(line, flush=True))
    say(f"   {derivation.title} ({derivation.source.splitlines()[0]})")
    for name, result in derivation.results:
        say(f"   {result_line(name, result)}")
    report = verify_derivation(
        derivation, examples=examples, budget=budget, progress=say
    )
    if latex:
        say(f"   wrote {write_document(derivation, Path(latex), report=report)}")
    status = "ok" if report.ok else "FAILED: " + ", ".join(report.failures)
    say(f"   -> {status} ({time.perf_counter() - start:.1f} s)")
    return report
