"""Reading names: NER spans repaired, typed and resolved into the article's entities."""

from __future__ import annotations

from kg.lazy import lazy_getattr

#: The stage's public names and the modules defining them, imported on first use, so that
#: importing one module of the stage never loads the others.
_EXPORTS = {
    "EntityComponent": "kg.extract.entities.entities",
    "surname_match": "kg.extract.entities.names",
}

__all__ = list(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
