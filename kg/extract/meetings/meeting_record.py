"""One meeting report as a record: a trigger's sentence, parties, status, place and time -> Meeting.

Every finder of meetings (the rules, the anaphoric ones, the scorer) ends with the same
record, so its provenance, place label, dates and interval are made here once.

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Ann Lee met Bo Diaz in Oslo on Monday.")
>>> sent = next(doc.sents)
>>> m = meeting_record(doc, doc._.kg_entities, 0, sent, doc[2], ("person:ann lee",
...     "person:bo diaz"), MeetingStatus.HAPPENED, doc[6:7], "on Monday", 0.9, None)
>>> m.trigger, m.place, m.time, m.provenance.sentence
('met', 'Oslo', 'on Monday', 'Ann Lee met Bo Diaz in Oslo on Monday.')
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from kg.extract.index import EntityIndex
from kg.extract.meetings.trigger_syntax import trigger_text
from kg.extract.provenance import sentence_provenance
from kg.extract.timeplace.dating import report_span
from kg.extract.timeplace.day_roles import report_date
from kg.extract.timeplace.place import place_label
from kg.model import Meeting, MeetingStatus

__all__ = ["meeting_record"]


def meeting_record(doc: Doc, index: EntityIndex, si: int, sent: Span, trigger: Token,
                   parts: tuple[str, ...], status: MeetingStatus, place: Span | None,
                   time: str | None, confidence: float, published: date | None) -> Meeting:
    """The meeting told by ``trigger`` in sentence ``si`` (``sent``) of ``doc``, with its
    date and interval read from ``time`` and the publication date ``published``."""
    span = report_span(sent, trigger, time, published, status.value)
    return Meeting(
        participants=parts,
        status=status,
        provenance=sentence_provenance(doc._.kg_article_id, si, sent),
        trigger=trigger_text(trigger),
        place=place_label(place),
        place_entity=index.entity_of(place) if place is not None else None,
        time=time,
        date=report_date(time, published, status is MeetingStatus.PLANNED, span),
        confidence=confidence,
        span=span,
    )
