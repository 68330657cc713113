"""Open IE triples: subject, relation and object with a confidence."""

from __future__ import annotations

import importlib
from typing import Any

#: The stage's public names and the modules defining them, imported on first use, so that
#: importing one module of the stage never loads the others.
_EXPORTS = {
    "TripleComponent": "kg.extract.triples.triples",
    "extract_sentence": "kg.extract.triples.oie",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
