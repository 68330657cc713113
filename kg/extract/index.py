"""The entities found in one Doc and which tokens denote them: the record rules share.

>>> entity_key("Vladimir  Putin", EntityType.PERSON)
'person:vladimir putin'
>>> EntityIndex().entity_of is not None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.model import Entity, EntityType

__all__ = ["EntityIndex", "entity_key"]


#: A hyphen a line break followed inside a name (read as "Inter- American"): fixed-width
#: wire copy wraps compounds at their hyphen, so the name is the joined one.
_WRAPPED = re.compile(r"(?<=[^\W\d_])- (?=[^\W\d_])")


def entity_key(label: str, etype: EntityType) -> str:
    """The article-independent identity of an entity: type and case-folded name.

    >>> entity_key("the  United States", EntityType.COUNTRY)
    'country:the united states'
    >>> entity_key("Inter- American Bank", EntityType.ORGANIZATION)
    'organization:inter-american bank'
    """
    return f"{etype.value}:{_WRAPPED.sub('-', ' '.join(label.split()).casefold())}"


@dataclass(frozen=True)
class EntityIndex:
    """The entities of one Doc, and which tokens denote which entity.

    ``token_entity`` maps a token to one entity key; ``token_entities`` also lists the
    several entities a coordinated head denotes ("American and Ukrainian delegations").
    """

    entities: tuple[Entity, ...] = ()
    token_entity: dict[int, str] = field(default_factory=dict)  # token.i -> Entity.key
    token_entities: dict[int, tuple[str, ...]] = field(default_factory=dict)
    #: Tokens of a label the entity stage dropped as no one's name ("the U.S. Group").
    unnamed: frozenset[int] = frozenset()

    def entity_of(self, span: Span) -> str | None:
        """The entity that the head of ``span`` (or any of its tokens) denotes, if any; none
        when a dropped label comes first (its span is about no entity kg keeps)."""
        for tok in (span.root, *span):
            if tok.i in self.unnamed:
                return None
            if tok.i in self.token_entity:
                return self.token_entity[tok.i]
        return None

    def keys_of(self, token: Token) -> tuple[str, ...]:
        """Every entity that ``token`` denotes (several for a coordinated group head)."""
        if token.i in self.token_entities:
            return self.token_entities[token.i]
        key = self.token_entity.get(token.i)
        return (key,) if key else ()

    def get(self, key: str) -> Entity | None:
        """The entity with ``key``, or None."""
        for e in self.entities:
            if e.key == key:
                return e
        return None
