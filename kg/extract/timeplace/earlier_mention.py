"""A meeting report with no time of its own, dated where the story first told the meeting.

A story often dates a meeting once, in a sentence the extractor does not take as a report of
its own ("the offer would be put to a meeting later this month between X and Y"), and tells
it again later without a time ("diplomats said the X-Y meeting is to be held in Rome"). A
report whose interval has an open end and no time text takes the date of the nearest earlier
sentence, up to :data:`REACH` before it, that names two of its participants and a meeting noun
with a date of its own, when that date reads the report's way (not past for a planned
meeting, nor ahead for a held one). Only the interval changes, unless that sentence is the one
just before: the guide then takes its time text as the report's.
A report whose meeting noun is definite ("represented at the meeting") and that no such sentence
dates takes, the same way, the date of the meeting word of the nearest earlier sentence that has
one, when that sentence has exactly one and it is dated ("a meeting of negotiators next week");
when that sentence is the one just before, its time text and place become the report's too
("... met in Oslo last week. The meeting involved A, B and C").

A held report with no time and no such earlier telling is told again just after it as the
occasion of a statement ("X met Y to discuss the budget. ... X said after the meeting"): when
the first meeting word of the :data:`AHEAD` sentences after it is a definite meeting noun
("the meeting", "their talks") that a statement was made at or after
(:func:`kg.extract.timeplace.recency.said_at`), the report is dated as such a statement dates its
meeting, to the story's day or the day before.

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Ann Lee sees Bo Chan at a meeting next week. The meeting is in Rome.")
>>> dated_meeting_noun(next(doc.sents)).text
'next week'
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from kg.extract.index import EntityIndex
from kg.extract.meeting_words import NOUN_TRIGGERS
from kg.extract.timeplace.day_roles import report_date
from kg.extract.timeplace.place import attached_place, place_label
from kg.extract.timeplace.recency import said_at
from kg.extract.timeplace.timex import (
    host_of,
    is_boundary,
    is_duration,
    is_journey,
    strip_preposition,
)
from kg.extract.timeplace.when import resolve_span
from kg.model import DateSpan, Meeting, MeetingStatus

__all__ = ["dated_again", "dated_meeting_noun", "referred_mention", "told_again", "REACH",
           "AHEAD"]

#: How many sentences back the first telling of the meeting may be (a wire story's
#: paragraphs are mostly one sentence each).
REACH = 5
#: How many sentences after a report "the meeting" may tell it again.
AHEAD = 2
#: Determiners of a meeting noun that refers back to one already told.
_DEFINITE = frozenset({"the", "this", "that", "their", "his", "her", "its"})


def _path(noun: Token) -> set[int]:
    """``noun`` and the words between it and its clause's verb, the verb included."""
    path = {noun.i}
    cur = noun
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
        path.add(cur.i)
    return path


def _own_time(noun: Token) -> Span | None:
    """The one DATE its sentence ties to ``noun``: on the noun, or on a word between the noun
    and its clause's verb ("will be put to a meeting later this month"), not on a journey."""
    path = _path(noun)
    found = []
    for ent in noun.sent.ents:
        if ent.label_ != "DATE" or is_duration(ent):
            continue
        if is_boundary(ent):
            continue
        host = host_of(ent)
        if host.i in path and not is_journey(host):
            found.append(ent)
    return found[0] if len(found) == 1 else None


def dated_meeting_noun(sent: Span) -> Span | None:
    """The date of the one meeting noun of ``sent`` that has one; None when there is none or
    when several meeting nouns are dated (which one is the report's is not known)."""
    dates = [d for t in sent if t.pos_ == "NOUN" and t.lemma_.casefold() in NOUN_TRIGGERS
             and (d := _own_time(t)) is not None]
    return dates[0] if len(dates) == 1 else None


def told_again(sents: list[Span]) -> bool:
    """Whether the first meeting word of ``sents`` is a definite meeting noun a statement was
    made at or after ("told reporters after the meeting"), so the meeting just told was the
    story's fresh news.

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ann Lee met Bo Chan. Lee said after the meeting that all was well.")
    >>> told_again(list(doc.sents)[1:])
    True
    """
    for sent in sents:
        for tok in sent:
            if tok.pos_ == "NOUN" and tok.lemma_.casefold() in NOUN_TRIGGERS:
                return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE
                           for c in tok.children) and said_at(tok)
            if tok.pos_ == "VERB" and tok.lemma_.casefold() == "meet":
                return False  # another meeting is told first
    return False


def _meeting_word(tok: Token) -> bool:
    lemma = tok.lemma_.casefold()
    return tok.pos_ == "NOUN" and lemma in NOUN_TRIGGERS or tok.pos_ == "VERB" and lemma == "meet"


def referred_mention(sents: list[Span], si: int, trigger: str) -> tuple[int, Token] | None:
    """The sentence and meeting word a definite meeting noun of sentence ``si`` ("at the
    meeting") refers back to: the one meeting word of the nearest earlier sentence, up to
    :data:`REACH` back, that has a meeting word at all. The noun may be the trigger or, for a
    meeting read off the verb it hangs on, that verb's subject or object ("the meeting
    involved delegates from X and Y"). None when there is no such word.

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Farm ministers will meet next week. Ann Lee attends the meeting.")
    >>> prev, word = referred_mention(list(doc.sents), 1, "meeting")
    >>> prev, word.text, _own_time(word).text
    (0, 'meet', 'next week')
    """
    words = [t for t in sents[si] if t.text == trigger and _meeting_word(t)]
    if not words:
        words = [c for t in sents[si] if t.text == trigger and t.pos_ in ("VERB", "AUX")
                 for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                 and c.pos_ == "NOUN" and c.lemma_.casefold() in NOUN_TRIGGERS]
    # "The" only: "this meeting" points at the meeting at hand, often the story's main one,
    # not at the last one named ("OPEC may need a meeting in September ... at this meeting").
    if len(words) != 1 or words[0].pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in words[0].children):
        return None
    for prev in range(si - 1, max(si - REACH, 0) - 1, -1):
        mentions = [t for t in sents[prev] if _meeting_word(t)]
        if mentions:
            return (prev, mentions[0]) if len(mentions) == 1 else None
    return None


def _own_place(word: Token) -> Span | None:
    """The place its sentence ties to meeting word ``word``, read like its time (on the word
    or on the words up to its clause's verb)."""
    return attached_place(word.sent, _path(word), [])


def _fits(new: DateSpan | None, m: Meeting, published: date) -> bool:
    """Whether days read from another sentence read the report's way: not past for a planned
    meeting, nor ahead for a held one."""
    return new is not None and new.start is not None and new.end is not None and not (
        m.status is MeetingStatus.PLANNED and new.end < published
        or m.status is MeetingStatus.HAPPENED and new.start > published)


def _set_from(m: Meeting, when: Span, place: Span | None, index: EntityIndex,
              published: date) -> Meeting:
    """``m`` with the time text of ``when`` and, when it has none, the place ``place``."""
    text = strip_preposition(when.text)
    m = replace(m, time=text, date=report_date(
        text, published, m.status is MeetingStatus.PLANNED, m.span))
    if m.place is None and place is not None:
        m = replace(m, place=place_label(place), place_entity=index.entity_of(place))
    return m


def dated_again(found: list[Meeting], doc: Doc, index: EntityIndex) -> list[Meeting]:
    """``found`` with each report that has no time of its own and an open-ended interval
    dated by the nearest earlier sentence that tells the same meeting, as the module says."""
    published = doc._.kg_published
    if published is None:
        return found
    sents = list(doc.sents)
    out = []
    for m in found:
        span = m.span
        if m.time is not None or m.status is MeetingStatus.NEGATED or span is None \
                or span.start is not None and span.end is not None:
            out.append(m)
            continue
        seen = [{x.sentence_index for x in e.mentions if x.kind != "pronoun"}
                for k in m.participants if (e := index.get(k)) is not None]
        si = m.provenance.sentence_index
        for prev in range(si - 1, max(si - REACH, 0) - 1, -1):
            if sum(prev in s for s in seen) < 2:
                continue
            when = dated_meeting_noun(sents[prev])
            if when is None:
                continue
            new = resolve_span(when.text, published, m.status.value)
            if _fits(new, m, published):
                m = replace(m, span=new)
                if prev == si - 1:
                    # the sentence just before tells the same meeting: its time, as written,
                    # is the report's (the guide's "neighbouring sentence")
                    m = _set_from(m, when, None, index, published)
            break
        referred = referred_mention(sents, si, m.trigger) if m.span is span else None
        if referred is not None and (when := _own_time(referred[1])) is not None:
            new = resolve_span(when.text, published, m.status.value)
            if _fits(new, m, published):
                m = replace(m, span=new)
                if referred[0] == si - 1:
                    # "... met in Oslo last week. The meeting involved A, B and C": the
                    # sentence just before tells where and when, as the guide reads it
                    m = _set_from(m, when, _own_place(referred[1]), index, published)
        if m.span is span and m.status is MeetingStatus.HAPPENED and span.start is None \
                and told_again(sents[si + 1:si + 1 + AHEAD]):
            m = replace(m, span=DateSpan(published - timedelta(days=1), published, "day"))
        out.append(m)
    return out
