"""A small hand-made extraction (no model needed), for examples, doctests and tests.

It mirrors what the pipeline extracts from two sentences of a news article: a planned
meeting of Vladimir Putin and Steve Witkoff in Moscow, and a meeting of Volodymyr Zelensky
and Emmanuel Macron in Paris, plus two open-IE triples.

>>> x = sample_extraction()
>>> [m.status.value for m in x.meetings]
['planned', 'happened']
>>> len(sample_store())  # 94 in the article graph, 41 in the summary graph
135
"""

from __future__ import annotations

from kg.model import (
    Argument,
    Article,
    Entity,
    EntityType,
    Extraction,
    Meeting,
    MeetingStatus,
    Mention,
    Provenance,
    Triple,
)
from kg.store.memory import MemoryStore

__all__ = ["SAMPLE_TEXT", "sample_extraction", "sample_store"]

#: The text of the sample article (two sentences).
SAMPLE_TEXT = (
    "President Vladimir Putin is expected to meet with Steve Witkoff in Moscow on Tuesday. "
    "Ukrainian President Volodymyr Zelensky held a meeting in Paris on Monday with "
    "French President Emmanuel Macron."
)


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = SAMPLE_TEXT.index(part, start)
    return i, i + len(part)


def _arg(part: str, entity: str | None = None) -> Argument:
    s, e = _span(SAMPLE_TEXT, part)
    return Argument(part, s, e, entity)


def _entity(key: str, label: str, etype: EntityType, sentence: int,
            aliases: tuple[str, ...] = (), titles: tuple[str, ...] = ()) -> Entity:
    s, e = _span(SAMPLE_TEXT, label)
    return Entity(key, label, etype, aliases, titles, (Mention(label, s, e, sentence),))


def sample_extraction() -> Extraction:
    """The sample article's extraction: 6 entities, 2 triples, 2 meetings."""
    cut = SAMPLE_TEXT.index("Ukrainian")
    s0 = Provenance("sample", 0, 0, cut - 1, SAMPLE_TEXT[: cut - 1])
    s1 = Provenance("sample", 1, cut, len(SAMPLE_TEXT), SAMPLE_TEXT[cut:])
    putin, witkoff = "person:vladimir putin", "person:steve witkoff"
    zelensky, macron = "person:volodymyr zelensky", "person:emmanuel macron"
    entities = (
        _entity(putin, "Vladimir Putin", EntityType.PERSON, 0,
                ("President Vladimir Putin",), ("President",)),
        _entity(witkoff, "Steve Witkoff", EntityType.PERSON, 0),
        _entity("place:moscow", "Moscow", EntityType.PLACE, 0),
        _entity(zelensky, "Volodymyr Zelensky", EntityType.PERSON, 1,
                ("Ukrainian President Volodymyr Zelensky",), ("President",)),
        _entity(macron, "Emmanuel Macron", EntityType.PERSON, 1,
                ("French President Emmanuel Macron",), ("President",)),
        _entity("place:paris", "Paris", EntityType.PLACE, 1),
    )
    triples = (
        Triple(_arg("President Vladimir Putin", putin), "is expected to meet with", "meet with",
               _arg("Steve Witkoff", witkoff), s0, 0.8, (_arg("in Moscow"),),
               modality="expected"),
        Triple(_arg("Ukrainian President Volodymyr Zelensky", zelensky), "held a meeting with",
               "hold meeting with", _arg("French President Emmanuel Macron", macron), s1, 0.7),
    )
    meetings = (
        Meeting((putin, witkoff), MeetingStatus.PLANNED, s0, "is expected to meet with",
                "Moscow", "place:moscow", "Tuesday", confidence=0.9),
        Meeting((zelensky, macron), MeetingStatus.HAPPENED, s1, "held a meeting",
                "Paris", "place:paris", "Monday", confidence=0.9),
    )
    article = Article("sample", "Envoys and presidents meet", SAMPLE_TEXT)
    return Extraction(article, entities, triples, meetings, (s0, s1))


def sample_store() -> MemoryStore:
    """An in-memory store holding the sample article's graph and its summary graph."""
    from kg.ingest.summary_graph import refresh_summary
    from kg.rdf.mapping import to_rdf

    store = MemoryStore()
    store.replace_article(to_rdf(sample_extraction()))
    refresh_summary(store)
    return store
