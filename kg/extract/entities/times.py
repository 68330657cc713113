"""NER's dates and times repaired before any stage reads them: a verb taken into the span.

The small model tags "last" of "will last this week" as the first word of a DATE; every
reader of times (the meeting's time, the report's days, durations) then sees a verb. The
span is cut once here, where the document's entities are set.

>>> from spacy.lang.en import English
>>> doc = English()("The talks will last this week .")
>>> doc[3].pos_ = "VERB"
>>> doc[3].head = doc[2]
>>> doc.ents = [Span(doc, 3, 6, label="DATE")]
>>> [e.text for e in repaired_times(doc)]
['this week']
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

__all__ = ["repaired_times"]


def repaired_times(doc: Doc) -> list[Span]:
    """``doc.ents`` with each DATE or TIME span repaired: a verb at its start cut off ("will
    last this week": "this week")."""
    out: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            out.append(ent)
            continue
        start = ent.start
        while start < ent.end - 1 and _clause_verb(doc[start], ent):
            start += 1
        out.append(ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_))
    return out


def _clause_verb(tok: Token, ent: Span) -> bool:
    """Whether ``tok`` is a verb of the clause that NER took into ``ent`` ("last" of "will
    last two days"), not a participle modifying the time ("in coming weeks")."""
    return tok.pos_ == "VERB" and not (ent.start <= tok.head.i < ent.end and tok.head.i != tok.i)
