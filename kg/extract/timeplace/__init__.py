"""Time and place: a sentence's dates and places, and what they are to a meeting."""

from __future__ import annotations

from kg.lazy import lazy_getattr

#: The stage's public names and the modules defining them, imported on first use, so that
#: importing one module of the stage never loads the others.
_EXPORTS = {
    "resolve_span": "kg.extract.timeplace.when",
    "precision_of": "kg.extract.timeplace.when",
}

__all__ = list(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
