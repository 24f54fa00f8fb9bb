"""Progress of a long run, per stage: rich progress bars on a terminal, nothing otherwise.

A district run takes minutes; on a terminal the operator sees files read and checked, files
staged and datasets published advance. In a log (no terminal: a scheduled run, Prefect's
worker) bars would be noise, so nothing is drawn; the run's summary says what happened.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator, TextIO


def on_terminal(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


@contextmanager
def progress(label: str, total: int, stream: TextIO | None = None) -> Iterator[Callable[[int], None]]:
    """``advance(n)``: n more of ``total`` done. A bar on a terminal; a no-op elsewhere."""
    if not on_terminal(stream) or total <= 0:
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=Console(file=stream or sys.stderr), transient=False)
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)
