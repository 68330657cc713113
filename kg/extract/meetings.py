"""Meeting events: who met whom, where, when, and whether it happened, is planned or negated.

(First version: a verb "meet" with two named parties. Deepened by the meetings work.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.entities import EntityIndex
from kg.model import Meeting, MeetingStatus, Provenance

__all__ = ["find_meetings", "MeetingComponent"]


def find_meetings(doc: Doc, index: EntityIndex) -> list[Meeting]:
    """Meetings in ``doc``: verb ``meet`` whose subject and object are named entities."""
    out: list[Meeting] = []
    for si, sent in enumerate(doc.sents):
        for tok in sent:
            if tok.lemma_ != "meet" or tok.pos_ != "VERB":
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if subj is None or obj is None:
                continue
            a, b = index.entity_of(doc[subj.i : subj.i + 1]), index.entity_of(doc[obj.i : obj.i + 1])
            if a and b and a != b:
                prov = Provenance(doc._.kg_article_id, si, sent.start_char, sent.end_char, sent.text)
                status = MeetingStatus.PLANNED if tok.tag_ == "VB" else MeetingStatus.HAPPENED
                out.append(Meeting((a, b), status, prov, trigger=tok.text))
    return out


class MeetingComponent:
    """spaCy component: sets ``doc._.kg_meetings``."""

    def __init__(self, require_named_parties: int = 2) -> None:
        self.require_named_parties = require_named_parties

    def __call__(self, doc: Doc) -> Doc:
        index = doc._.kg_entities or EntityIndex()
        doc._.kg_meetings = tuple(
            m for m in find_meetings(doc, index) if len(m.participants) >= self.require_named_parties
        )
        return doc
