"""Open IE triples: subject, relation and object with a confidence."""

from __future__ import annotations

from kg.lazy import lazy_getattr

#: The stage's public names and the modules defining them, imported on first use, so that
#: importing one module of the stage never loads the others.
_EXPORTS = {
    "TripleComponent": "kg.extract.triples.triples",
    "extract_sentence": "kg.extract.triples.oie",
}

__all__ = list(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
