"""A named body's session and who took part in it, read across the sentences that follow.

Wire copy reports a body's meeting in one sentence ("OPEC oil ministers opened a meeting in
Geneva", "a meeting of the tin council", "the GATT council meeting") and names the parties
that took part in the next ones: who chaired or attended it ("X chaired the conference,
which was attended by Y"), who acted at it ("Bolivia proposed limits at the meeting"), and,
for a body with known members, which member countries took positions there ("Spain and
Portugal opposed the plan"). The guide makes each of them a party of a meeting with the body;
one meeting per party is returned, dated and placed by the session sentence. A meeting of an
unnamed group ("a meeting of coffee producers") has the parties told as coming to it: paired
with its host if one is named, else one joint meeting.

>>> sorted(SESSION_NOUNS)[:3]
['conference', 'gathering', 'meeting']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.entities.groups import members_of
from kg.extract.gazetteer import WEEKDAYS
from kg.extract.index import EntityIndex
from kg.extract.meeting_words import SAY
from kg.extract.meetings.gatherings import gathered_pairs, group_session
from kg.extract.meetings.meeting_candidates import Candidate, excluded
from kg.extract.meetings.meeting_scorer import to_meeting
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.presence import Told, delegations_at, present
from kg.extract.meetings.session_bodies import (
    SESSION_NOUNS,
    SESSION_VERBS,
    body_orgs,
    delegated_to,
    is_session,
    session_body,
)
from kg.extract.meetings.status import clause_status
from kg.extract.meetings.trigger_syntax import governor
from kg.model import EntityType, Meeting, MeetingStatus

__all__ = ["acting_at", "definite_session", "session_meetings"]

#: Verbs of addressing a session: a speech to an audience is no meeting (the guide).
_SPEECH = frozenset({"say", "tell", "address", "speak", "brief", "testify", "report", "refer",
                     "announce", "give", "deliver", "present", "add", "predict", "forecast",
                     "note", "state", "declare", "explain", "stress", "estimate", "comment"})
#: Verbs whose subject takes part in the session they have as object ("chaired the
#: meeting"); others only speak of it ("criticised the meeting").
_TAKE_PART = frozenset({"attend", "chair", "host", "open", "preside", "convene", "join",
                        "close", "lead"})
#: Either, joined once (not for every token of an article).
_SESSION_WORDS = SESSION_NOUNS | SESSION_VERBS
#: Verbs that say who a session brought together ("the meeting involved delegates from A").
_GATHER = frozenset({"involve", "include", "bring", "gather", "comprise", "draw", "unite"})
#: Verbs of presiding over a session.
_PRESIDE = frozenset({"chair", "host", "open", "preside", "convene"})
#: How many sentences after the session sentence may name its parties.
_WINDOW = 8
#: How many may tell who was there in words of presence alone (:func:`present`): a story of
#: a session often lists its delegations further down.
_TOLD_WINDOW = 40
#: Conjunctions of a clause that dates the main one: its session happened or will.
_WHEN = frozenset({"as", "when", "while", "after", "before"})
#: Words that make a later meeting noun point back to the session ("the meeting",
#: "today's talks", "that session").
_DEFINITE = WEEKDAYS.keys() | {"the", "this", "that", "today", "yesterday", "tomorrow"}


def session_meetings(doc: Doc, index: EntityIndex, found: Sequence[Meeting],
                     parties: Parties | None = None) -> list[Meeting]:
    """Joint meetings of a named body's session and the parties read as taking part in it,
    in sentences where ``found`` has no meeting; parties told as present later in the
    article (kg.extract.meetings.presence) also after a session sentence the rules read."""
    if not any(t.lemma_.casefold() in _SESSION_WORDS for t in doc):
        return []  # most articles: nothing to read
    p = parties or Parties(doc, index)
    sents = list(doc.sents)
    covered = {m.provenance.sentence_index for m in found}
    # Each party is told present at a body's session once (the sentences repeat the session).
    paired = {frozenset((a, b)) for m in found for a in m.participants for b in m.participants}
    out: list[Meeting] = []
    for si, sent in enumerate(sents):
        joint = _joint(sent, p) if si not in covered else None
        if joint is not None:
            noun, keys = joint
            cand = Candidate(tuple(keys), noun.i, (), MeetingStatus.HAPPENED, {})
            out.append(to_meeting(doc, index, si, sent, cand, 0.6, doc._.kg_published))
            continue
        sent_at = [] if si in covered else delegations_at(
            sent, p, index, lambda n: delegated_to(n, p, index))
        for noun, owner, k in sent_at:
            if frozenset((owner, k)) not in paired:
                paired.add(frozenset((owner, k)))
                cand = Candidate((owner, k), noun.i, (), MeetingStatus.HAPPENED, {})
                out.append(to_meeting(doc, index, si, sent, cand, 0.6, doc._.kg_published))
        if sent_at:
            continue
        for trig in sent:
            body = session_body(trig, p, index)
            if body is None and si not in covered and _gathering_word(trig) \
                    and not excluded(trig, subject_acts=True):
                found_here = _gathered(doc, index, p, sents, si, trig, paired)
                out += found_here
                if found_here:
                    break
            if body is None or excluded(trig) or not _main_event(trig):
                continue
            later = sents[si + 1: si + 1 + _TOLD_WINDOW]
            acting, members, told = _attendees(trig, sent, later, p, index, body)
            acting = _resolved(trig, p) + acting
            keys = [] if si in covered else list(dict.fromkeys(
                k for k in acting + (members if len(set(members)) > 1 else []) if k != body))
            told = [(k, st) for k, st in dict.fromkeys(told) if k != body and k not in keys
                    and frozenset((body, k)) not in paired]
            # One meeting per party with the body, as the guide writes a large session: the
            # parties are not said to have met each other.
            for k, status in [(k, None) for k in keys] + told:
                paired.add(frozenset((body, k)))
                cand = Candidate((body, k), trig.i, (), MeetingStatus.HAPPENED, {})
                m = to_meeting(doc, index, si, sent, cand, 0.6, doc._.kg_published)
                out.append(m if status is None else replace(m, status=status))
            if keys or told:
                break
    return out


def _gathering_word(trig: Token) -> bool:
    """Whether ``trig`` may tell a group's meeting: a session verb, or a session noun used as
    one ("Exports of coffee producers" names no meeting)."""
    lemma = trig.lemma_.casefold()
    return trig.pos_ == "VERB" and lemma in SESSION_VERBS \
        or trig.pos_ == "NOUN" and lemma in SESSION_NOUNS and is_session(trig)


def _gathered(doc: Doc, index: EntityIndex, p: Parties, sents: list[Span], si: int,
              trig: Token, paired: set[frozenset[str]]) -> list[Meeting]:
    """A meeting of an unnamed group ("a meeting of coffee producers", "exporting countries
    will meet") and who is told to come in the sentences after it ("X is expected to attend",
    "the producers include A, B and C"): with a named host ("Y will host a meeting of ..."),
    one meeting of the host with each (the guide's star); else one joint meeting of up to
    four, a larger one paired with the first named."""
    found = group_session(trig, p, index, SESSION_VERBS)
    if found is None:
        return []
    hosts, group = found
    told: list[Told] = []
    for k, s in enumerate(sents[si: si + 1 + _TOLD_WINDOW]):
        if k and any(session_body(t, p, index) is not None and _main_event(t) for t in s):
            break  # a body's session reported: its parties are its own
        told += present(s, p, index, lambda n: n.lemma_.casefold() in SESSION_NOUNS
                        and is_session(n) and (n.i == trig.i or definite_session(n))
                        and not body_orgs(n, p, index), group)
    host_status = clause_status(trig.head) if hosts else None  # "X will host a meeting of"
    pairs = gathered_pairs(hosts, told, host_status, lambda a, b: _same_person(a, b, index))
    out: list[Meeting] = []
    for keys, status in pairs:
        if frozenset(keys) in paired:
            continue
        paired.add(frozenset(keys))
        cand = Candidate(tuple(keys), trig.i, (), MeetingStatus.HAPPENED, {})
        m = to_meeting(doc, index, si, sents[si], cand, 0.6, doc._.kg_published)
        out.append(m if status is None else replace(m, status=status))
    return out


def _same_person(a: str, b: str, index: EntityIndex) -> bool:
    """Whether two person keys are one person the entity stage left apart, one name's words
    inside the other's ("Moravec" of "Anna Lisa Moravec Ruiz")."""
    ea, eb = index.get(a), index.get(b)
    if a == b:
        return True
    if ea is None or eb is None or EntityType.PERSON not in (ea.type, eb.type) \
            or ea.type is not eb.type:
        return False
    wa, wb = set(ea.label.casefold().split()), set(eb.label.casefold().split())
    return wa <= wb or wb <= wa


def _joint(sent: Span, p: Parties) -> tuple[Token, list[str]] | None:
    """A session whose sentence names its parties with no body: "the meeting involved
    delegates from A, B and C", "the conference brought together A and B", "X chaired the
    conference, which was attended by Y" (a chair and attendees, not co-attendees alone).
    The session noun (its place and time are the meeting's: "the conference in Oslo on
    Monday brought together A and B"), and the parties."""
    for noun in sent:
        if noun.lemma_.casefold() not in SESSION_NOUNS or noun.pos_ not in ("NOUN", "PROPN") \
                or not is_session(noun) or excluded(noun):
            continue
        head = noun.head
        if noun.dep_ == "nsubj" and head.lemma_.casefold() in _GATHER:
            keys = [k for c in head.children if c.dep_ in ("dobj", "prt", "advmod")
                    for k in _with_members(c, p)]
            keys += [k for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                     for g in c.children if g.dep_ == "pobj" for k in p.expand(g)]
            if len(set(keys)) > 1:
                return noun, list(dict.fromkeys(keys))
        if noun.dep_ == "dobj" and head.lemma_.casefold() in _PRESIDE:
            chair = p.subjects(head)
            came = [k for c in noun.children if c.dep_ in ("relcl", "acl") for k in p.agents(c)]
            keys = list(dict.fromkeys(chair + came))
            if chair and came and len(keys) > 1:
                return noun, keys
    return None


def _with_members(tok: Token, p: Parties) -> list[str]:
    """The parties of a phrase and of its "of"/"from" list ("delegates from A, B and C")."""
    out = p.expand(tok)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            out += [k for g in c.children if g.dep_ == "pobj" for k in p.expand(g)]
    return out


def _resolved(trig: Token, p: Parties) -> list[str]:
    """The people the session's subject phrase stands for ("EC finance ministers" -> the
    finance ministers the article names, kg.extract.entities.groups)."""
    if trig.pos_ in ("NOUN", "PROPN"):
        gov = governor(trig)[0]
        if gov is None:
            return []
        trig = gov
    return [k for c in trig.children if c.dep_ == "nsubj" for k in p.expand(c)
            if p.is_person(k)]


def _main_event(trig: Token) -> bool:
    """Whether the session is what its sentence reports, not a clause inside a report,
    condition or time ("he expected OPEC to act when it meets", "plans for a meeting"):
    the sentence's root, its conjunct, or a phrase of the root."""
    top = trig
    if trig.pos_ in ("NOUN", "PROPN"):
        gov, via = governor(trig)
        if via in ("ahead", "before"):
            return False  # "talks on X before the body's summit": it only dates them
        top = gov if gov is not None else trig
    while top.dep_ == "conj":
        top = top.head
    if top.dep_ == "ccomp" and top.head.dep_ == "ROOT" and top.head.lemma_.casefold() in SAY \
            and top.i < top.head.i:
        return True  # wire attribution after the report: "..., officials said"
    if top.dep_ == "advcl" and top.head.dep_ == "ROOT" and any(
            c.dep_ == "mark" and c.lower_ in _WHEN for c in top.children):
        return True  # "As EC ministers ended talks, diplomats said ..."
    return top.dep_ == "ROOT" and top.lemma_.casefold() not in _SPEECH


def _attendees(trig: Token, sent: Span, later: list[Span], p: Parties, index: EntityIndex,
               body: str) -> tuple[list[str], list[str], list[Told]]:
    """Parties that chaired, attended or acted at the session, in its sentence and the
    sentences after it (until another body's session), member countries of the body that
    took positions there, and parties told as present or absent (kg.extract.meetings.presence)."""
    out: list[str] = []
    named: list[str] = []
    told: list[Told] = []
    entity = index.get(body)
    members = (members_of(entity.label) if entity is not None else None) or frozenset()
    for k, s in enumerate([sent, *later]):
        if k and any(session_body(t, p, index) not in (None, body) for t in s):
            return out, named, told  # another body's session: its parties are its own
        told += present(s, p, index, lambda n: n.lemma_.casefold() in SESSION_NOUNS
                        and is_session(n) and (definite_session(n) or n.dep_ == "compound")
                        and body_orgs(n, p, index) in ([], [body]))
        if k > _WINDOW:
            continue
        for tok in s:
            if tok.lemma_.casefold() not in SESSION_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if k and (body_orgs(tok, p, index) not in ([], [body]) or not definite_session(tok)):
                continue
            if is_session(tok):
                out += acting_at(tok, p)
        if members:
            named += [k for tok in s if in_subject(tok)
                      for k in p.of_token(tok) if k in members]
    return out, named, told


def in_subject(tok: Token) -> bool:
    """Whether ``tok`` is in the subject or agent phrase of a verb ("Spain and Portugal
    opposed", "ministers from Oman said", "backed by Italy")."""
    cur = tok
    for _ in range(5):
        if cur.dep_ in ("nsubj", "nsubjpass") or cur.dep_ == "pobj" and cur.head.lower_ == "by":
            return True
        if cur.dep_ not in ("conj", "appos", "compound", "pobj", "prep", "nmod", "poss", "amod") \
                or cur.dep_ == "prep" and cur.lower_ not in ("of", "from") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def definite_session(noun: Token) -> bool:
    """Whether a later meeting noun points back ("the meeting", "today's talks")."""
    return any(c.lower_ in _DEFINITE or c.lower_.rstrip("'s’") in _DEFINITE
               for c in noun.children if c.dep_ in ("det", "poss", "npadvmod", "compound"))


def acting_at(noun: Token, p: Parties) -> list[str]:
    """Parties of the verb that has the session as its object or setting ("X chaired the
    meeting", "Y proposed limits at the meeting"), and the agents of a participle on it
    ("the conference, which was attended by Z")."""
    out: list[str] = []
    for c in noun.children:
        if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and c.lemma_.casefold() not in _SPEECH:
            out += p.agents(c)
            out += [k for s in c.children if s.dep_ == "nsubj" and s.tag_ not in ("WDT", "WP")
                    for k in p.expand(s)]
    gov, via = governor(noun)
    if gov is None or gov.lemma_.casefold() in _SPEECH:
        return out
    if via in ("at", "during", "in") or via == "dobj" and gov.lemma_.casefold() in _TAKE_PART:
        out += p.subjects(gov)
    return out
