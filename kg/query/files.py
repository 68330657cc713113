"""Where the package's SPARQL files live, and the one way to read them.

``saved/`` holds the saved queries that ``kg query NAME`` runs (the checkout's top-level
``queries/`` is a byte-for-byte copy, checked by tests/test_queries_library.py);
``internal/`` holds the queries the package itself runs (graph projection, linking, info).
Both ship in the wheel as package data.

>>> "who-met-whom.rq" in {p.name for p in SAVED_DIR.glob("*.rq")}
True
>>> internal_query("people").startswith("# Internal:")
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["SAVED_DIR", "INTERNAL_DIR", "read_query_file", "internal_query"]

SAVED_DIR = Path(__file__).resolve().parent / "saved"
INTERNAL_DIR = Path(__file__).resolve().parent / "internal"


def read_query_file(path: Path) -> str:
    """The text of one ``.rq`` file (UTF-8)."""
    return path.read_text(encoding="utf-8")


def internal_query(name: str) -> str:
    """The text of the package's own query ``internal/NAME.rq``."""
    return read_query_file(INTERNAL_DIR / f"{name}.rq")
