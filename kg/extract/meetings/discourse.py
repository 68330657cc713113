"""Meetings whose sentence names one side only, the other side read from the article's discourse.

Wire copy names the party it reports on in its lead and then writes of it as "he", "the
firm", "a team", or through a clause, while naming the counterpart of each meeting: "The
firm said it has had discussions with X", "A team will fly to Oslo for talks with Y",
"Speaking after talks with W, he said". When a meeting word has a named counterpart
("with X") and its own side is unnamed, that side is

* the subject of the clause a participle or infinitive belongs to ("Speaking after talks
  with W, he said"; "X was in Oslo to visit farms prior to talks with Y");
* the named speaker of a reported "it" ("X said it had talks with Y");
* else the article's **protagonist**: the one party the article is about (named in its lead
  and mentioned in more sentences than any other besides the counterpart), if its kind fits
  the word standing for it ("he" a person, "the company" an organisation).

A body's session is also told this way: the lead names the one body with known members
("EC farm ministers gave ..."), and a later sentence says who chaired or acted at "the
meeting" / "the talks here" without naming the body; that party meets the body. And talks
that are the subject of a sentence naming nobody ("Talks are due to begin on Tuesday") are
those of the one pair the two sentences before name together: a meeting's parties, or the
subjects of a clause of two parties dealing with each other ("A and B are expected to sign a
pact"; not "A and B left").

Only sentences where no earlier stage found a meeting are read; an unnamed side that is
someone else ("bankers", "officials", "the banks") or a party named before a pronoun leaves
the sentence alone.

>>> sorted(STAND_INS)[:4]
['administration', 'bank', 'company', 'concern']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from kg.extract.entities.groups import members_of
from kg.extract.index import EntityIndex
from kg.extract.meeting_words import LIGHT_VERBS, NOUN_TRIGGERS, SAY
from kg.extract.meetings.meeting_anaphora import subject_talks_meeting
from kg.extract.meetings.meeting_candidates import Candidate, excluded
from kg.extract.meetings.meeting_scorer import to_meeting
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.session_bodies import SESSION_NOUNS, is_session
from kg.extract.meetings.sessions import acting_at, definite_session
from kg.extract.meetings.status import is_hypothetical
from kg.extract.meetings.travellers import journey_before, traveller, trip_parties
from kg.extract.meetings.trigger_syntax import governor
from kg.model import EntityType, Meeting, MeetingStatus

__all__ = ["STAND_INS", "Antecedent", "discourse_meetings", "lead_body", "protagonist", "salience"]

#: Common nouns a sentence uses for the party the article is about ("the firm said it had
#: talks with X"), with the kind of entity each may stand for.
STAND_INS: dict[str, frozenset[EntityType]] = {
    **{w: frozenset({EntityType.ORGANIZATION}) for w in (
        "company", "firm", "group", "bank", "corporation", "concern", "consortium")},
    **{w: frozenset({EntityType.COUNTRY, EntityType.ORGANIZATION}) for w in (
        "team", "delegation", "mission")},
    # A government is its country's, as the guide names it ("the government" of the story).
    **{w: frozenset({EntityType.COUNTRY}) for w in ("government", "administration")},
}
#: Pronouns standing for the protagonist, with the kinds they may stand for.
_PRONOUNS: dict[str, frozenset[EntityType]] = {
    "he": frozenset({EntityType.PERSON}), "she": frozenset({EntityType.PERSON}),
    "it": frozenset({EntityType.ORGANIZATION, EntityType.COUNTRY}),
    "we": frozenset({EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY}),
    "they": frozenset({EntityType.ORGANIZATION, EntityType.COUNTRY}),
}
#: Verbs whose "with" object is the counterpart of the subject's meeting.
_VERBS = frozenset({"meet", "negotiate", "talk", "confer"})
#: The meeting words :func:`_one_side` or :func:`_trip` may read.
_WORDS = NOUN_TRIGGERS | _VERBS
#: The lead: the protagonist must be named in the article's first sentences (title, dateline).
_LEAD = 3
#: How a meeting noun hangs on its verb when its subject takes part: "flew to Oslo for
#: talks with X", "spoke after talks with X", "prior to talks with X".
_SETTING = frozenset({"at", "during", "after", "before", "following", "for", "prior", "ahead"})
_CONFIDENCE = 0.5
#: Verbs of two parties dealing with each other.
_BILATERAL = frozenset({"agree", "sign", "reach", "settle", "negotiate", "resolve", "conclude",
                        "initial", "discuss", "dispute", "clash", "differ", "disagree"})
#: How many sentences back talks told with no party may find their pair.
_BACK = 2


@dataclass(frozen=True)
class Antecedent:
    """A party a meeting sentence leaves unnamed, as the article's discourse supplies it:
    the entity, the sentence that first names it, and how it was chosen."""

    key: str
    sentence_index: int  # where the article first names it (provenance of the choice)
    sentences: int  # how many sentences mention it
    reason: str  # "protagonist" or "session body"


def salience(sents: Sequence[Span], p: Parties) -> list[Antecedent]:
    """The article's parties, most mentioned first: how many sentences mention each (names
    and resolved references alike), with the sentence that first names it."""
    seen: Counter[str] = Counter()
    first: dict[str, int] = {}
    for si, sent in enumerate(sents):
        keys = {p.stand_in(k) for t in sent for k in p.index.keys_of(t) if p.eligible(k)}
        for k in keys:
            seen[k] += 1
            first.setdefault(k, si)
    return [Antecedent(k, first[k], n, "protagonist") for k, n in seen.most_common()]


def protagonist(ranked: Sequence[Antecedent], p: Parties, others: Sequence[str],
                kinds: frozenset[EntityType]) -> Antecedent | None:
    """The party the article is about, besides ``others``: of one of ``kinds``, named in the
    lead, and mentioned in more sentences than any other such party (twice at least)."""
    fit = [a for a in ranked if a.key not in others and _kind(p.index, a.key) in kinds]
    if not fit or fit[0].sentences < 2 or len(fit) > 1 and fit[1].sentences == fit[0].sentences:
        return None
    return fit[0] if fit[0].sentence_index < _LEAD else None


def discourse_meetings(doc: Doc, index: EntityIndex, found: Sequence[Meeting],
                       parties: Parties | None = None) -> list[Meeting]:
    """Meetings of the sentences without one in ``found`` whose meeting word names its
    counterpart and leaves the other side to the article's protagonist."""
    p = parties or Parties(doc, index)
    sents = list(doc.sents)
    covered = {m.provenance.sentence_index for m in found}
    out = _body_session(doc, p, sents, covered)
    out += _told_talks(doc, p, sents, found, covered | {m.provenance.sentence_index for m in out})
    covered |= {m.provenance.sentence_index for m in out}
    # A counterpart is a "with" phrase, or the place of a trip for talks.
    has_with = any(t.lower_ == "with" for t in doc)
    ranked: list[Antecedent] | None = None
    for si, sent in enumerate(sents):
        if si in covered:
            continue
        for trig in sent:
            if trig.lemma_.casefold() not in _WORDS:
                continue  # neither reading below takes any other word: skip both calls
            sides = _one_side(trig, p) if has_with else None
            if sides is None:
                sides = _trip(trig, p)
            if sides is None:
                continue
            counterparts, side = sides
            if isinstance(side, frozenset):
                ranked = salience(sents, p) if ranked is None else ranked
                lead = protagonist(ranked, p, counterparts, side)
                if lead is None or lead.sentence_index >= si:
                    continue
                side = [lead.key]
            # One meeting per counterpart: "talks with A and B" does not say A met B.
            for k in counterparts:
                if trig.dep_ in ("nsubj", "nsubjpass"):  # "Talks with X are due on Monday"
                    out.append(subject_talks_meeting(doc, index, si, sent, trig, (*side, k)))
                    continue
                cand = Candidate((*side, k), trig.i, (), MeetingStatus.HAPPENED, {})
                out.append(to_meeting(doc, index, si, sent, cand, _CONFIDENCE,
                                      doc._.kg_published))
            break
    return out


def lead_body(sents: Sequence[Span], p: Parties) -> Antecedent | None:
    """The body whose session the article reports, when its lead names one body with known
    member countries ("EC farm ministers", "the European Community failed to agree") and no
    other such body."""
    bodies: dict[str, int] = {}
    for si, sent in enumerate(sents):
        for t in sent:
            for k in p.index.keys_of(t):
                e = p.index.get(k)
                if e is not None and e.type is EntityType.ORGANIZATION and members_of(e.label):
                    bodies.setdefault(k, si)
    if len(bodies) != 1:
        return None
    key, si = next(iter(bodies.items()))
    return Antecedent(key, si, 0, "session body") if si < _LEAD else None


def _body_session(doc: Doc, p: Parties, sents: Sequence[Span], covered: set[int]
                  ) -> list[Meeting]:
    """The session of the article's body, told as "the meeting" / "the talks here" in a
    later sentence without a party of its own: one meeting with the body for whoever chaired
    or acted at it there ("X, who chaired the meeting", "Y repeated its criticism at the
    talks here"), dated and placed by that sentence."""
    if not any(t.lemma_.casefold() in SESSION_NOUNS for t in doc):
        return []
    body = lead_body(sents, p)
    if body is None:
        return []
    for si, sent in enumerate(sents):
        if si in covered or si <= body.sentence_index:
            continue
        for noun in sent:
            if noun.lemma_.casefold() not in SESSION_NOUNS or noun.pos_ != "NOUN" \
                    or not definite_session(noun) or not is_session(noun) or excluded(noun) \
                    or _own_party(noun, p):
                continue
            keys = [k for k in dict.fromkeys(acting_at(noun, p)) if k != body.key]
            gov = governor(noun)[0]
            if gov is not None and is_hypothetical(gov):
                continue  # "most expect X to oppose it at the meeting"
            if gov is not None and gov.lemma_.casefold() == "represent" and p.agents(gov):
                keys = [k for k in keys if k in p.agents(gov)]  # "X was represented by Y": Y
            if not keys:
                continue
            out = []
            for k in keys:
                cand = Candidate((body.key, k), noun.i, (), MeetingStatus.HAPPENED, {})
                out.append(to_meeting(doc, p.index, si, sent, cand, _CONFIDENCE,
                                      doc._.kg_published))
            return out  # the article's one session
    return []


def _told_talks(doc: Doc, p: Parties, sents: Sequence[Span], found: Sequence[Meeting],
                covered: set[int]) -> list[Meeting]:
    """Talks as the subject of a sentence that names nobody ("Talks are due to begin in Oslo
    on Monday") are those of the one pair the sentences just before name together as the
    subjects of a clause ("A and B are expected to sign a pact") or as a meeting's parties."""
    out: list[Meeting] = []
    for si, sent in enumerate(sents):
        if si in covered or any(p.eligible(k) for t in sent for k in p.index.keys_of(t)):
            continue
        for n in sent:
            if n.pos_ != "NOUN" or n.lemma_.casefold() not in NOUN_TRIGGERS or n.tag_ != "NNS" \
                    or n.dep_ not in ("nsubj", "nsubjpass") or _own_party(n, p) \
                    or any(c.dep_ == "poss" for c in n.children) or excluded(n):
                continue
            pair = _pair_before(p, sents, found, si)
            trip = journey_before(n, p) if pair is None else None
            pair = pair or (tuple(trip[0] + trip[1]) if trip is not None else None)
            if pair is not None:
                out.append(subject_talks_meeting(doc, p.index, si, sent, n, pair))
            break
    return out


def _pair_before(p: Parties, sents: Sequence[Span], found: Sequence[Meeting], si: int
                 ) -> tuple[str, ...] | None:
    """The one pair of the nearest of the _BACK sentences before ``si`` that names any."""
    for back in range(1, min(_BACK, si) + 1):
        pairs = {frozenset(m.participants): m.participants for m in found
                 if m.provenance.sentence_index == si - back}
        for t in sents[si - back]:
            if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts and _together(t.head):
                keys = tuple(dict.fromkeys(k for k in p.expand(t) if p.eligible(k)))
                if len(keys) == 2 and _kind(p.index, keys[0]) == _kind(p.index, keys[1]):
                    pairs[frozenset(keys)] = keys  # two of a kind: "A and B agreed"
        if pairs:
            return next(iter(pairs.values())) if len(pairs) == 1 else None
    return None


def _together(verb: Token) -> bool:
    """Whether a verb (or the one its "to" clause names) is something two parties do with each
    other ("A and B agreed", "are expected to sign a pact"); "A and B left" is no pair."""
    return verb.lemma_.casefold() in _BILATERAL or any(
        c.dep_ == "xcomp" and c.lemma_.casefold() in _BILATERAL for c in verb.children)


def _own_party(noun: Token, p: Parties) -> bool:
    """Whether a session noun names a party itself ("the meeting with X", "the OPEC talks")."""
    return any(c.dep_ in ("poss", "compound", "nmod", "amod") and p.index.keys_of(c)
               or c.dep_ == "prep" and c.lower_ in ("with", "between", "of", "among")
               for c in noun.children)


def _kind(index: EntityIndex, key: str) -> EntityType | None:
    e = index.get(key)
    return e.type if e is not None else None


def _one_side(trig: Token, p: Parties
              ) -> tuple[list[str], frozenset[EntityType] | list[str]] | None:
    """The named counterparts of a meeting word whose other side is unnamed, and the kinds
    of entity that side may be; None when the word names both sides, none, or an unnamed
    other ("talks with bankers", "officials met X"), or when its side cannot be read."""
    lemma = trig.lemma_.casefold()
    subject: Token | None = None
    inherited = False
    if trig.pos_ == "NOUN" and lemma in NOUN_TRIGGERS and not (lemma == "talk"
                                                               and trig.tag_ != "NNS"):
        if any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("between", "of", "among")
               or c.dep_ in ("compound", "nmod", "amod") and p.index.keys_of(c)
               for c in trig.children):
            return None  # "X's talks", "talks between", "the OPEC meeting": the rules' own
        gov, via = governor(trig)
        if gov is None:
            return None
        withs = p.prep_objects(trig, ("with",))
        if via == "dobj" and gov.lemma_.casefold() in LIGHT_VERBS:
            withs += p.prep_objects(gov, ("with",))
        if via in ("nsubj", "nsubjpass"):
            # "X flew to Oslo. The talks with Y focused on trade": the visitor's talks.
            withs = [k for k in dict.fromkeys(withs) if p.eligible(k)]
            side = traveller(trig, p, withs) if withs and not excluded(trig) else []
            if side:
                return withs, side
            # "Discussions with X on the merger were suspended": company news leaves its own
            # side to the story's company, when no one else is named outside the talks' phrase.
            firms = withs and all(_kind(p.index, k) is EntityType.ORGANIZATION for k in withs)
            inside = {t.i for t in trig.subtree}
            if firms and not excluded(trig) and not any(
                    p.eligible(k) and k not in withs for t in trig.sent if t.i not in inside
                    for k in p.index.keys_of(t)):
                return withs, frozenset({EntityType.ORGANIZATION})
            return None
        if not (via == "dobj" and gov.lemma_.casefold() in LIGHT_VERBS or via in _SETTING):
            return None  # "oppose a summit with X", "progress in talks with X": no meeting
        subject, inherited = _subject(gov)
        if subject is None:
            return None
    elif trig.pos_ == "VERB" and lemma in _VERBS:
        withs = p.prep_objects(trig, ("with",))
        if lemma == "meet":
            withs += [k for c in trig.children if c.dep_ == "dobj" for k in p.expand(c)]
        subject, inherited = _subject(trig)
        if subject is None:
            return None
    else:
        return None
    withs = [k for k in dict.fromkeys(withs) if p.eligible(k)]
    if not withs or excluded(trig):
        return None
    named = [k for k in p.expand(subject) if p.eligible(k) and k not in withs]
    if named and inherited:
        return withs, named  # "Speaking after talks with X, he said": his talks
    if named or p.expand(subject) or subject.pos_ == "PROPN":
        return None  # a named side: the rules' meeting (or a party they refused)
    speaker = _speaker(subject)
    if subject.pos_ == "PRON" and speaker is not None and speaker.pos_ != "PRON":
        # "X said it had talks with Y": the pronoun is the speaker's.
        named = [k for k in p.expand(speaker) if p.eligible(k) and k not in withs]
        if named:
            return withs, named
        if p.expand(speaker) or speaker.pos_ == "PROPN":
            return None
        subject = speaker  # "The firm said it had talks with Y": the firm
    elif speaker is not None and (speaker.pos_ == "PROPN" or p.expand(speaker)
                                  or speaker.lower_ in ("he", "she")):
        return None  # "X said the company had talks with Y": which company is not said
    if subject.pos_ == "PRON":
        if any(t.ent_type_ in ("PERSON", "ORG") and not p.index.keys_of(t)
               or any(k not in withs for k in p.index.keys_of(t) if p.eligible(k))
               for t in trig.sent if t.i < subject.i):
            return None  # a party named before the pronoun in its sentence may be its own
        wanted = _PRONOUNS.get(subject.lower_)
    elif subject.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this")
                                      for c in subject.children) \
            and not any(c.dep_ == "prep" for c in subject.children):  # "the group of bankers"
        wanted = STAND_INS.get(subject.lemma_.casefold())
    else:
        wanted = None
    return (withs, wanted) if wanted else None


def _trip(trig: Token, p: Parties) -> tuple[list[str], list[str]] | None:
    """The countries visited and the travellers of a trip for talks that name no party
    ("X will fly to Tokyo for talks"): the government of the place is met."""
    if trig.pos_ != "NOUN" or trig.lemma_.casefold() not in NOUN_TRIGGERS \
            or trig.tag_ != "NNS" and trig.lemma_.casefold() == "talk" \
            or _own_party(trig, p) or excluded(trig):
        return None
    trip = trip_parties(trig, p)
    return (trip[1], trip[0]) if trip is not None else None


def _speaker(subject: Token) -> Token | None:
    """The subject of the saying verb whose reported clause ``subject`` is in ("X said it
    ..."), if any."""
    clause = subject.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.casefold() not in SAY:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject token of ``verb``, or of the clause a participle or infinitive hangs on
    ("Speaking after talks with X, he said"; "he went to Oslo to meet X"), and whether it
    was inherited so."""
    cur = verb
    for depth in range(3):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0], depth > 0
        if cur.dep_ not in ("advcl", "xcomp", "conj") or cur.head.i == cur.i:
            return None, False
        cur = cur.head
    return None, False
