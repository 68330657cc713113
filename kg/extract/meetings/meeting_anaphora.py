"""Meetings told in a sentence that names none of their parties, whose parties were named before.

Wire copy names the parties of talks once and then writes about the talks alone:

* "Talks broke off last autumn", "Bilateral talks on X are due to start in May": talks as the
  subject of their sentence, with no party of their own, are those of the one pair named in
  the sentence just before (a meeting found there, or "a pact between A and B"), unless
  their sentence names anyone else;
* "X, who was not present at yesterday's meeting", "Y was not invited to the talks": a named
  person present at (or absent from, or not invited to) the meeting told last meets (or does
  not meet) its named side ("a meeting with the President", "Z held talks with bankers").

Only sentences where the rules found no meeting are read; an antecedent that is not
unique leaves the sentence alone.

>>> sorted(PRESENT)
['absent', 'present']
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from kg.extract.index import EntityIndex
from kg.extract.meeting_words import LIGHT_VERBS, NOUN_TRIGGERS
from kg.extract.meetings.meeting_record import meeting_record
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.setting import meeting_setting
from kg.extract.meetings.status import clause_status, is_hypothetical
from kg.extract.meetings.status_nominal import nominal_status
from kg.extract.meetings.trigger_syntax import chain, proposed
from kg.extract.timeplace.timex import attached_time, time_anchors
from kg.model import Meeting, MeetingStatus

__all__ = ["PRESENT", "anaphoric_meetings", "referred_meeting", "subject_talks_meeting"]

#: Adjectives of presence: "was present at the meeting", "was absent from the talks".
PRESENT = frozenset({"present", "absent"})
#: How many sentences back the parties of talks may have been named: on unseen Reuters,
#: talks two sentences after a pair were as often someone else's.
_BACK = 1
_CONFIDENCE = 0.6


def _own_parties(p: Parties, n: Token) -> bool:
    """Whether the meeting noun names a party itself ("talks with X", "Acme's talks",
    "the OPEC meeting"), or an unnamed one ("talks with creditors", "the union's talks")."""
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among", "of")
           for c in n.children):
        return True
    for c in n.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ not in ("DATE", "TIME"):
            return True
        if c.dep_ in ("compound", "nmod", "amod") and p.index.keys_of(c):
            return True
    return False


def _told_parties(p: Parties, found: list[Meeting], sents: list[Span], si: int
                  ) -> list[tuple[str, ...]]:
    """Distinct party sets of sentence ``si``: its meetings, and "between A and B"."""
    out = [m.participants for m in found if m.provenance.sentence_index == si]
    for tok in sents[si]:
        if tok.dep_ == "prep" and tok.lower_ == "between":
            keys = tuple(dict.fromkeys(k for o in tok.children if o.dep_ == "pobj"
                                       for k in p.expand(o) if p.eligible(k)))
            if len(keys) >= 2:
                out.append(keys)
    return list({frozenset(k): k for k in out}.values())


def _named_side(p: Parties, found: list[Meeting], sents: list[Span], si: int
                ) -> tuple[str, ...]:
    """The named side of the latest meeting noun before sentence ``si`` ("a meeting with the
    President"; "X held talks with business leaders": X), else the parties of the latest
    meeting found before it."""
    latest: tuple[str, ...] = ()
    for back in range(1, si + 1):
        here = [m.participants for m in found if m.provenance.sentence_index == si - back]
        latest = latest or (here[-1] if here else ())
        for tok in reversed(sents[si - back]):
            if tok.pos_ != "NOUN" or tok.lemma_.casefold() not in NOUN_TRIGGERS:
                continue
            keys = tuple(k for k in p.prep_objects(tok, ("with",)) if p.eligible(k))
            gov = tok.head
            if not keys and p.prep_object_tokens(tok, ("with",)) and tok.dep_ == "dobj" \
                    and gov.lemma_.casefold() in LIGHT_VERBS:
                keys = tuple(k for k in p.subjects(gov) if p.eligible(k))
            if keys:
                # The host of the meeting, before others found attending it.
                return keys
    return latest


def referred_meeting(doc: Doc, index: EntityIndex, si: int, sent: Span, n: Token,
                     anchors: set[int], parts: tuple[str, ...], status: MeetingStatus,
                     published: date | None) -> Meeting:
    """The meeting of the noun ``n`` whose parties were named before, placed and dated by the
    words hanging on ``anchors``."""
    place, time = meeting_setting(sent, anchors, n, [])
    return meeting_record(doc, index, si, sent, n, parts, status, place, time, _CONFIDENCE,
                          published)


def anaphoric_meetings(doc: Doc, index: EntityIndex, found: list[Meeting]) -> list[Meeting]:
    """Meetings of the sentences without one in ``found`` whose parties were named before."""
    p = Parties(doc, index)
    sents = list(doc.sents)
    covered = {m.provenance.sentence_index for m in found}
    published: date | None = doc._.kg_published
    out: list[Meeting] = []
    for si, sent in enumerate(sents):
        if si in covered:
            continue
        for n in sent:
            if n.pos_ != "NOUN" or n.lemma_.casefold() not in NOUN_TRIGGERS \
                    or n.lemma_.casefold() == "talk" and n.tag_ != "NNS" or _own_parties(p, n):
                continue
            m = _subject_talks(doc, index, p, found, sents, si, n, published) \
                or _presence(doc, index, p, found, sents, si, n, published)
            if m is not None:
                out.append(m)
                break
    return out


def _subject_talks(doc: Doc, index: EntityIndex, p: Parties, found: list[Meeting],
                   sents: list[Span], si: int, n: Token, published: date | None
                   ) -> Meeting | None:
    gov = n.head
    if n.dep_ not in ("nsubj", "nsubjpass") or gov.pos_ not in ("VERB", "AUX") \
            or is_hypothetical(gov) or proposed(n, gov):
        return None
    named = {k for t in sents[si] for k in index.keys_of(t) if p.eligible(k)}
    for back in range(1, min(_BACK, si) + 1):
        told = _told_parties(p, found, sents, si - back)
        if len(told) == 1 and named <= set(told[0]):
            # A sentence that names anyone else tells of someone else's talks.
            return subject_talks_meeting(doc, index, si, sents[si], n, told[0])
        if told:
            return None  # two pairs told before, or others named: which talks is not said
    return None


def subject_talks_meeting(doc: Doc, index: EntityIndex, si: int, sent: Span, n: Token,
                          parts: tuple[str, ...]) -> Meeting:
    """The meeting of talks that are the subject of their sentence, whose ``parts`` were
    named before: "Talks are due to start this autumn" is dated and its status read by the
    verb of the plan."""
    gov = n.head
    anchors = {n.i} | chain(gov) | {g.i for c in gov.children if c.dep_ == "acomp"
                                    for g in c.children if g.dep_ == "xcomp"}
    published: date | None = doc._.kg_published
    time = attached_time(sent, time_anchors(anchors, n), n, [])
    status = nominal_status(n, gov, n.dep_, time, published)
    return referred_meeting(doc, index, si, sent, n, anchors, parts, status, published)


def _presence(doc: Doc, index: EntityIndex, p: Parties, found: list[Meeting],
              sents: list[Span], si: int, n: Token, published: date | None) -> Meeting | None:
    prep = n.head
    if n.dep_ != "pobj" or not _definite_event(n):
        return None
    head = prep.head.lemma_.casefold()
    if prep.lower_ in ("at", "from") and head in PRESENT:
        verb = prep.head.head
    elif prep.lower_ == "to" and head == "invite" \
            and clause_status(prep.head) is MeetingStatus.NEGATED:
        verb = prep.head  # "was not invited to the gathering": a negated attendance
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    attendees = [k for k in p.subjects(verb) if p.is_person(k) or p.eligible(k)]
    side = _named_side(p, found, sents, si)
    if not attendees or not side or set(attendees) & set(side):
        return None
    status = clause_status(verb)
    if head == "absent":
        status = MeetingStatus.NEGATED
    anchors = {n.i, prep.head.i} | chain(verb)
    parts = tuple(dict.fromkeys([*attendees, *side]))
    return referred_meeting(doc, index, si, sents[si], n, anchors, parts, status, published)


def _definite_event(n: Token) -> bool:
    """ "the meeting", "yesterday's meeting", "Monday's talks": one told before."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
               or c.dep_ == "poss" and (c.pos_ == "PRON" or c.ent_type_ in ("DATE", "TIME"))
               for c in n.children)
