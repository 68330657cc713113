"""Frozen records that cross stage boundaries: Article, Provenance, Entity, Triple, Meeting.

Every fact carries a :class:`Provenance`: the article, the sentence index and the
character offsets of the sentence inside the article text.

>>> p = Provenance("a1", 0, 0, 9, "Bob slept")
>>> p.sentence_index, p.end - p.start
(0, 9)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

__all__ = [
    "Article",
    "Provenance",
    "EntityType",
    "Mention",
    "Entity",
    "Argument",
    "Triple",
    "MeetingStatus",
    "DateSpan",
    "Meeting",
    "Extraction",
]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk, after boilerplate stripping.

    ``text`` is what extraction sees; character offsets everywhere refer to it.

    >>> a = Article(id="x", title="T", text="Body.")
    >>> len(a.content_hash)
    64
    """

    id: str
    title: str
    text: str
    published: date | None = None
    url: str | None = None  #: where the article was fetched from, or the record's ``url``
    source: str | None = None
    author: str | None = None  #: as the page names it; several are joined with "; "
    site_name: str | None = None  #: the publisher, as the page names it
    canonical_url: str | None = None  #: the page's own ``<link rel="canonical">`` or og:url
    dateline: str | None = None  #: the place a wire dateline names: where the story's "here" is

    @property
    def content_hash(self) -> str:
        """SHA-256 of what determines the extraction: title, text and publication date, and
        the dateline's place, which places its "here" events (only when there is one: other
        articles keep their hashes, and a store built before datelines were kept takes them on
        its next build)."""
        h = hashlib.sha256()
        for part in (self.title, self.text, self.published.isoformat() if self.published else ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        if self.dateline:
            h.update(b"dateline\x00" + self.dateline.encode("utf-8"))
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a fact comes from: article id, sentence index and the sentence's character span."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    sentence: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")


class EntityType(str, Enum):
    """Coarse entity types, mapped from spaCy NER labels."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    PLACE = "place"
    GROUP = "group"
    EVENT = "event"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface occurrence of an entity: text, article character span, sentence index, kind.

    ``kind`` is one of ``name``, ``alias``, ``title``, ``pronoun``, ``demonym``.

    >>> Mention("he", 40, 42, 1, kind="pronoun").kind
    'pronoun'
    """

    text: str
    start: int
    end: int
    sentence_index: int
    kind: str = "name"


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved entity inside one article.

    ``key`` is the article-independent identity (normalised canonical name and type);
    it is what the RDF stage mints the IRI from.

    >>> e = Entity(key="person:vladimir putin", label="Vladimir Putin", type=EntityType.PERSON)
    >>> e.type.value
    'person'
    """

    key: str
    label: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    country: str | None = None  # for demonym groups: the key of the country they belong to


@dataclass(frozen=True, slots=True)
class Argument:
    """One argument of a triple: its text, its span in the article, and the entity it denotes."""

    text: str
    start: int
    end: int
    entity: str | None = None  # Entity.key when the argument denotes a resolved entity


@dataclass(frozen=True, slots=True)
class Triple:
    """An open-IE extraction: subject, relation, object and further (n-ary) arguments.

    ``relation`` is the surface relation as CaRB expects it ("is expected to meet with");
    ``predicate`` is its normalised lemma form ("meet with"), which becomes the RDF property.

    >>> p = Provenance("a", 0, 0, 22, "Bob will meet with Ann")
    >>> t = Triple(Argument("Bob", 0, 3), "will meet with", "meet with",
    ...            Argument("Ann", 19, 22), p, confidence=0.8, modality="will")
    >>> t.predicate, t.object.text if t.object else None
    ('meet with', 'Ann')
    """

    subject: Argument
    relation: str
    predicate: str
    object: Argument | None
    provenance: Provenance
    confidence: float
    extra: tuple[Argument, ...] = ()
    negated: bool = False
    modality: str | None = None  # e.g. "may", "will", "expected"
    attribution: str | None = None  # who said it, for "X said that ..."

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} is outside [0, 1]")


class MeetingStatus(str, Enum):
    """Whether a meeting happened, is planned, or is negated (did not happen, cancelled).

    >>> MeetingStatus("planned") is MeetingStatus.PLANNED
    True
    """

    HAPPENED = "happened"
    PLANNED = "planned"
    NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class DateSpan:
    """The days a meeting can have taken place on: first and last day (None: open) and the
    precision the report gave ("day", "week", "month", "year", "years", "bound" when only
    the publication date limits it, "unknown" when nothing does).

    >>> str(DateSpan(date(1987, 4, 1), date(1987, 4, 30), "month"))
    '1987-04-01/1987-04-30 (month)'
    >>> str(DateSpan(None, date(1987, 4, 2), "bound"))
    '../1987-04-02 (bound)'
    """

    start: date | None
    end: date | None
    precision: str

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"a span cannot end ({self.end}) before it starts ({self.start})")

    def __str__(self) -> str:
        ends = [d.isoformat() if d else ".." for d in (self.start, self.end)]
        return f"{ends[0]}/{ends[1]} ({self.precision})"


@dataclass(frozen=True, slots=True)
class Meeting:
    """An n-ary meeting event: participants (entity keys), place, time, status, provenance.

    >>> p = Provenance("a", 0, 0, 20, "Bob met Ann in Rome.")
    >>> Meeting(("person:bob", "person:ann"), MeetingStatus.HAPPENED, p, "met", "Rome").place
    'Rome'
    >>> Meeting(("person:bob",), MeetingStatus.HAPPENED, p, "met")
    Traceback (most recent call last):
    ValueError: a meeting needs at least two distinct named participants
    """

    participants: tuple[str, ...]
    status: MeetingStatus
    provenance: Provenance
    trigger: str
    place: str | None = None
    place_entity: str | None = None
    time: str | None = None
    date: date | None = None
    confidence: float = 1.0
    span: DateSpan | None = None  # when, as an interval: from the time, publication and status

    def __post_init__(self) -> None:
        if len(set(self.participants)) < 2:
            raise ValueError("a meeting needs at least two distinct named participants")


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article; the output of the extract stage.

    >>> x = Extraction(Article("a", "T", "Bob slept."))
    >>> x.triples, x.meetings, x.entity("person:bob")
    ((), (), None)
    """

    article: Article
    entities: tuple[Entity, ...] = ()
    triples: tuple[Triple, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    sentences: tuple[Provenance, ...] = field(default=())
    skipped_sentences: int = 0

    def entity(self, key: str) -> Entity | None:
        """The entity with ``key``, or None."""
        for e in self.entities:
            if e.key == key:
                return e
        return None
