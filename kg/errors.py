"""The one hierarchy of errors that ``kg`` raises.

>>> issubclass(InputError, KGError) and issubclass(QueryError, KGError)
True
"""

from __future__ import annotations

__all__ = [
    "KGError",
    "InputError",
    "ModelError",
    "StoreError",
    "StoreLockedError",
    "QueryError",
    "QueryNotFoundError",
    "QueryRefusedError",
    "QueryTimeoutError",
    "ExtractionError",
    "BuildInterruptedError",
    "EntityNotFoundError",
    "MapError",
]


class KGError(Exception):
    """Base class: every error ``kg`` raises on purpose is one of these."""


class InputError(KGError):
    """An article or corpus file cannot be read (empty, binary, bad encoding, malformed)."""


class ModelError(KGError):
    """No usable spaCy pipeline is installed, or the one named cannot be loaded."""


class ExtractionError(KGError):
    """Extraction failed for a reason that is not a single bad sentence."""


class BuildInterruptedError(KGError):
    """Ctrl-C stopped a build whose bulk load is all or nothing: nothing was stored."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class QueryError(KGError):
    """A SPARQL query is malformed, refused, or failed to evaluate."""


class QueryNotFoundError(QueryError):
    """A saved query name does not match any ``queries/*.rq`` file."""


class QueryRefusedError(QueryError):
    """A query is refused before evaluation: an update, or a way to fetch a URL or read a file."""


class QueryTimeoutError(QueryError):
    """A query ran past its time limit and was stopped."""


class EntityNotFoundError(KGError):
    """No entity in the graph has the name or alias asked for (analytics look-ups)."""


class MapError(KGError):
    """A map cannot be drawn as asked: an unknown --focus entity, an empty article, bad bounds."""
