"""Progress of long solves, shown on a terminal only.

A solver loops over candidates (profiles, support pairs, type-contingent
profiles); :func:`progress` wraps that loop in a :mod:`tqdm` bar which appears
only after :data:`DELAY` seconds (short solves print nothing), and never when
standard error is not a terminal (tests, pipes, notebooks' captured output):
``tqdm``'s ``disable=None``.

Examples
--------
>>> sum(progress(range(4), total=4, desc="profiles"))
6
"""

from __future__ import annotations

from tqdm import tqdm

__all__ = ["DELAY", "progress", "stopped_note"]

#: Seconds a loop runs before its progress bar appears.
DELAY = 2.0


def progress(iterable, *, total=None, desc: str = ""):
    """An iterable that shows a progress bar on a terminal after DELAY seconds.

    Parameters
    ----------
    iterable : iterable
        The loop's items.
    total : int, optional
        How many there are (for the bar's percentage).
    desc : str
        What is counted ("profiles", "support pairs").

    Examples
    --------
    >>> list(progress("ab", desc="letters"))
    ['a', 'b']
    """
    return tqdm(
        iterable, total=total, desc=desc, delay=DELAY, disable=None, leave=False
    )


def stopped_note(complete: bool, done: int, total: int, what: str) -> tuple:
    """The note of a solve that its time budget cut short (empty when complete).

    Examples
    --------
    >>> stopped_note(False, 3, 16, "profiles")
    ('the time budget ran out after 3 of 16 profiles: the results shown are correct, others may be missing',)
    >>> stopped_note(True, 16, 16, "profiles")
    ()
    """
    if complete:
        return ()
    return (
        f"the time budget ran out after {done} of {total} {what}: the results "
        "shown are correct, others may be missing",
    )
