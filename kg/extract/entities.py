"""Entities inside one article: NER typing, titles as roles, aliases, demonyms and pronouns.

(First version: NER spans grouped by normalised name, with surname aliases. Deepened
by the entity-resolution work.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.model import Entity, EntityType, Mention

__all__ = ["EntityIndex", "EntityComponent", "resolve_entities", "entity_key", "NER_TYPES"]

#: spaCy NER label -> coarse entity type (GPE is refined to COUNTRY or PLACE).
NER_TYPES: dict[str, EntityType] = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANIZATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
    "EVENT": EntityType.EVENT,
}


def entity_key(label: str, etype: EntityType) -> str:
    """The article-independent identity of an entity: type and case-folded name.

    >>> entity_key("Vladimir  Putin", EntityType.PERSON)
    'person:vladimir putin'
    """
    return f"{etype.value}:{' '.join(label.split()).casefold()}"


@dataclass(frozen=True)
class EntityIndex:
    """The entities of one Doc, and which tokens denote which entity."""

    entities: tuple[Entity, ...] = ()
    token_entity: dict[int, str] = field(default_factory=dict)  # token.i -> Entity.key

    def entity_of(self, span: Span) -> str | None:
        """The entity that the head of ``span`` (or any of its tokens) denotes, if any."""
        root = span.root
        if root.i in self.token_entity:
            return self.token_entity[root.i]
        for tok in span:
            if tok.i in self.token_entity:
                return self.token_entity[tok.i]
        return None

    def get(self, key: str) -> Entity | None:
        """The entity with ``key``, or None."""
        for e in self.entities:
            if e.key == key:
                return e
        return None


def _sentence_index(doc: Doc) -> dict[int, int]:
    return {sent.start: i for i, sent in enumerate(doc.sents)}


def resolve_entities(doc: Doc, resolve_pronouns: bool = True) -> EntityIndex:
    """Group NER spans of ``doc`` into entities; a surname alone joins the full name."""
    sent_of_token: dict[int, int] = {}
    for i, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of_token[tok.i] = i
    clusters: dict[str, dict] = {}
    token_entity: dict[int, str] = {}
    surnames: dict[str, str] = {}
    for ent in doc.ents:
        etype = NER_TYPES.get(ent.label_)
        if etype is None:
            continue
        text = " ".join(ent.text.split())
        if text.lower().startswith("the "):
            text = text[4:]
        key = entity_key(text, etype)
        if etype is EntityType.PERSON and len(text.split()) == 1 and text.casefold() in surnames:
            key = surnames[text.casefold()]
        elif etype is EntityType.PERSON and len(text.split()) > 1:
            surnames.setdefault(text.split()[-1].casefold(), key)
        c = clusters.setdefault(key, {"label": text, "type": etype, "aliases": set(), "mentions": []})
        if text != c["label"]:
            c["aliases"].add(text)
        c["mentions"].append(
            Mention(text, ent.start_char, ent.end_char, sent_of_token.get(ent.start, 0), "name")
        )
        for tok in ent:
            token_entity[tok.i] = key
    entities = tuple(
        Entity(
            key=k,
            label=c["label"],
            type=c["type"],
            aliases=tuple(sorted(c["aliases"])),
            mentions=tuple(c["mentions"]),
        )
        for k, c in clusters.items()
    )
    return EntityIndex(entities, token_entity)


class EntityComponent:
    """spaCy component: sets ``doc._.kg_entities`` to an :class:`EntityIndex`."""

    def __init__(self, resolve_pronouns: bool = True) -> None:
        self.resolve_pronouns = resolve_pronouns

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_entities = resolve_entities(doc, self.resolve_pronouns)
        return doc
