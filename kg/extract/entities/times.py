"""NER's dates and times repaired before any stage reads them: a verb taken into the span,
and a name after a spaced dash taken in with a number before it.

The small model tags "last" of "will last this week" as the first word of a DATE, and reads
"the Group of Five - Peru, Chile and Spain" with "Five - Peru" as a DATE; every reader of
times (the meeting's time, the report's days, durations) and of names then sees the wrong
span. Both are cut once here, where the document's entities are set.

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

from kg.extract.entities.swallowed import DATE_WORDS
from kg.extract.gazetteer import MONTHS, country_of
from kg.extract.walks import spaced_dash

__all__ = ["repaired_times"]

#: Words that make a part of a span a date or a time.
_DATED = frozenset(DATE_WORDS | MONTHS.keys() | {
    "week", "month", "year", "day", "hour", "minute", "weekend", "quarter", "decade", "noon",
    "midnight", "spring", "summer", "autumn", "fall", "winter"})


def repaired_times(doc: Doc) -> list[Span]:
    """``doc.ents`` with each DATE or TIME span repaired: a verb at its start cut off ("will
    last this week": "this week"), and one cut at a spaced dash where a part holds no date
    ("Group of Five - Peru": the club's number is no date, and Peru is a country)."""
    out: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            out.append(ent)
            continue
        start = ent.start
        while start < ent.end - 1 and _clause_verb(doc[start], ent):
            start += 1
        out += _dash_parts(Span(doc, start, ent.end, label=ent.label_))
    return out


def _clause_verb(tok: Token, ent: Span) -> bool:
    """Whether ``tok`` is a verb of the clause that NER took into ``ent`` ("last" of "will
    last two days"), not a participle modifying the time ("in coming weeks")."""
    return tok.pos_ == "VERB" and not (ent.start <= tok.head.i < ent.end and tok.head.i != tok.i)


def _dash_parts(ent: Span) -> list[Span]:
    """``ent`` whole, or its parts either side of a spaced dash when one holds no date word:
    dated parts stay, a country becomes a place, the rest is no entity. A range ("March 3 -
    5") is dated on both sides and stays whole."""
    doc = ent.doc
    cuts = [t.i for t in ent[1:-1] if spaced_dash(t)]
    if not cuts:
        return [ent]
    bounds = list(zip([ent.start] + [c + 1 for c in cuts], cuts + [ent.end], strict=True))
    dated = [any(t.lower_.rstrip("s") in _DATED or t.lower_ in _DATED or t.text[:1].isdigit()
                 for t in doc[a:b]) for a, b in bounds]
    if all(dated):
        return [ent]
    out: list[Span] = []
    for (a, b), is_date in zip(bounds, dated, strict=True):
        if is_date:
            out.append(Span(doc, a, b, label=ent.label_))
            continue
        a += doc[a].lower_ == "the"
        if a < b and country_of(doc[a:b].text):
            out.append(Span(doc, a, b, label="GPE"))
    return out
