"""Jupyter helpers: a build progress bar and slices of a JSON Lines corpus (the map is kg.show).

IPython is imported only when something is displayed, so this module imports anywhere.

>>> p = Progress(total=2, display=False)
>>> from kg.ingest.build import BuildProgress
>>> p(BuildProgress(1, "a1", 120)); p.text()
'1/2 articles, 120 words — a1'
"""

from __future__ import annotations

import gzip
import html
import json
import logging
import time
from pathlib import Path
from typing import Any

from kg.errors import InputError

__all__ = ["Progress", "corpus_slice", "clear_outputs"]

log = logging.getLogger(__name__)


class Progress:
    """A build progress callback (``kg.ingest.build.build(..., progress=Progress())``) that shows
    a live progress bar in a notebook, and logs when there is no notebook to show it in."""

    def __init__(self, total: int | None = None, display: bool = True) -> None:
        self.total = total
        self.done = 0
        self.words = 0
        self.last = ""
        self.t0 = time.perf_counter()
        self._handle: Any = None
        self._display = display

    def text(self) -> str:
        """The progress line as plain text."""
        of = f"/{self.total}" if self.total else ""
        return f"{self.done}{of} articles, {self.words} words — {self.last}"

    def _html(self) -> str:
        bar = (f'<progress value="{self.done}" max="{self.total}"></progress> '
               if self.total else "")
        rate = self.done / max(time.perf_counter() - self.t0, 1e-9)
        return f"<div>{bar}{html.escape(self.text())} ({rate:.1f}/s)</div>"

    def __call__(self, p: Any) -> None:
        self.done, self.last = p.done, p.article_id
        self.words += p.words
        if not self._display:
            return
        try:
            from IPython.display import HTML, display
        except ImportError:
            log.info("%s", self.text())
            return
        if self._handle is None:
            self._handle = display(HTML(self._html()), display_id=True)
        else:
            self._handle.update(HTML(self._html()))


def corpus_slice(path: str | Path, out: str | Path, limit: int = 100,
                 contains: str | None = None) -> Path | None:
    """Copy the first ``limit`` records of a JSON Lines corpus (``.jsonl`` or ``.jsonl.gz``)
    whose text contains ``contains`` into ``out``; None when the corpus is not there.

    >>> corpus_slice("/no/such/corpus.jsonl.gz", "/tmp/x.jsonl") is None
    True
    """
    src = Path(path)
    if not src.is_file():
        return None
    dest = Path(out)
    dest.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if src.name.endswith(".gz") else open
    kept = 0
    try:
        with opener(src, "rt", encoding="utf-8") as fh, dest.open("w", encoding="utf-8") as w:
            for line in fh:
                if kept >= limit:
                    break
                rec = json.loads(line)
                if contains and contains not in str(rec.get("text", "")):
                    continue
                w.write(json.dumps(rec, ensure_ascii=False) + "\n")
                kept += 1
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read corpus {src}: {e}") from e
    return dest


def clear_outputs(path: str | Path) -> bool:
    """Strip outputs, execution counts and timings from a notebook file, in place, the way
    the repository commits notebooks; True when the file changed.

    >>> import tempfile
    >>> nb = Path(tempfile.mkdtemp()) / "n.ipynb"
    >>> _ = nb.write_text(json.dumps({"cells": [{"cell_type": "code", "source": "1",
    ...     "outputs": [{"output_type": "stream"}], "execution_count": 3, "metadata": {}}]}))
    >>> clear_outputs(nb), clear_outputs(nb)
    (True, False)
    """
    p = Path(path)
    try:
        before = p.read_text(encoding="utf-8")
        nb = json.loads(before)
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read notebook {p}: {e}") from e
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        cell.get("metadata", {}).pop("execution", None)
    # The layout nbformat writes, so that a cleared notebook diffs cleanly.
    after = json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    if after != before:
        p.write_text(after, encoding="utf-8")
    return after != before
