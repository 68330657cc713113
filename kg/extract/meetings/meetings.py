"""Meeting events: who met whom, where, when, and whether it happened, is planned or negated.

Triggers are verbs ("meet", "confer", "talk with", "receive", "visit" a person, "call on",
"sit down with", "negotiate with") and meeting nouns ("talks", "meeting", "summit",
"discussions", "audience") with their light verbs ("hold talks", "attend the meeting").
Parties come from subjects (inherited through "is expected to"), objects, "with" and
"between" phrases, possessives and passive agents; coordination gives every conjunct.

>>> _merge(["person:ann", "person:bo", "person:ann"])
('person:ann', 'person:bo')
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from typing import cast

from spacy.tokens import Doc, Span, Token

from kg.extract import meeting_words as words
from kg.extract.entities.companies import not_own, own_meeting
from kg.extract.entities.employers import without_employers
from kg.extract.entities.groups import members_of
from kg.extract.index import EntityIndex
from kg.extract.meetings.apart import told_apart
from kg.extract.meetings.discourse import discourse_meetings
from kg.extract.meetings.habitual import is_habitual
from kg.extract.meetings.hospitality import call_parties, hospitality_parties
from kg.extract.meetings.meeting_anaphora import anaphoric_meetings
from kg.extract.meetings.meeting_candidates import by_medium
from kg.extract.meetings.meeting_record import meeting_record
from kg.extract.meetings.meeting_scorer import scored_meetings
from kg.extract.meetings.meeting_verbs import verb_meeting
from kg.extract.meetings.members import acting_members, dashed_of, meeting_of
from kg.extract.meetings.neighbours import (
    Echo,
    by_place,
    carried_setting,
    complete,
    fill_from_neighbours,
)
from kg.extract.meetings.noun_clauses import clause_parties, copular_subject, org_before
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.sessions import session_meetings
from kg.extract.meetings.setting import meeting_setting
from kg.extract.meetings.status import clause_status, is_hypothetical, leaves, noun_status
from kg.extract.meetings.status_nominal import nominal_status
from kg.extract.meetings.status_words import HYPOTHETICAL_HEADS, LEAVING
from kg.extract.meetings.stray import stray_between, stray_with
from kg.extract.meetings.trigger_syntax import (
    addressees,
    chain,
    definite,
    governor,
    on_verb,
    present_at,
    proposed,
    verb_lemma,
)
from kg.extract.timeplace.earlier_mention import dated_again
from kg.extract.walks import deal_partners
from kg.model import Entity, EntityType, Meeting, MeetingStatus

__all__ = ["find_meetings", "MeetingComponent"]


class _Finder:
    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.parties = Parties(doc, index)
        self.index = index
        self.last_bodies: list[str] = []  # bodies of the last meeting named ("the meeting")
        #: the named side of the last meeting with unnamed others ("X met businessmen")
        self.hosts: list[str] = []
        #: where and when the last meeting named by each noun was ("the summit" again)
        self.settings: dict[tuple[str, frozenset[str]], tuple[Span | None, str | None]] = {}

    def noun_event(self, n: Token) -> tuple[list[tuple[str, ...]], set[int], list[Token],
                                            Token | None]:
        """Party sets of a meeting noun, its anchors, its phrase objects and its governor."""
        p = self.parties
        # Also "U.S.-Soviet talks" and "a meeting later today between X and Y".
        between = p.prep_objects(n, ("between",)) + p.paired(n) + stray_between(p, n)
        # "talks among A, B and C" (named: "among their ministers" says nothing of the sides)
        between += [k for t in p.prep_object_tokens(n, words.AMONG) if t.pos_ == "PROPN"
                    for k in p.of_token(t) + p.listed(t) if k not in between]
        # "talks between banks and A, B and C": A, B and C are one side and did not meet.
        one_side = any(t.pos_ == "NOUN" and not p.of_token(t)
                       for t in p.prep_object_tokens(n, ("between",)))
        of_preps, of, spelt = meeting_of(p, n)  # with a member list: the members
        agents, held_with = clause_parties(p, n)  # "the talks X held with Y", "hosted by X"
        with_ = p.prep_objects(n, ("with",)) + held_with
        if not with_:  # "talks at the embassy with X": the parser hung it on the setting
            with_ = [k for w in stray_with(n, words.SETTING) for g in w.children
                     if g.dep_ == "pobj" for k in p.expand(g)] or stray_between(p, n, "with")
        if not with_ and not p.prep_object_tokens(governor(n)[0] or n, ("with",)):
            with_ = [k for t in deal_partners(n, words.DEALS) for k in p.expand(t)]
        poss = [k for c in n.children if c.dep_ == "poss" for k in p.expand(c)]
        comp_toks = [t for c in n.children if c.dep_ in ("compound", "nmod")
                     and not (c.i > 0 and self.doc[c.i - 1].text == "(")  # "X's (X) meeting"
                     for t in (c, *c.conjuncts)]
        comp_toks += [m for t in comp_toks for m in t.children if m.dep_ == "nmod"
                      and not (m.i > 0 and self.doc[m.i - 1].text == "(")]
        itself = self.index.token_entity.get(n.i)  # "the Oslo Economic Summit" names the event
        bodies = list(_merge([k for t in comp_toks for k in p.of_token(t)
                              if p.named_body(k) and k != itself]))
        bodies = [k for k in bodies
                  if cast(Entity, self.index.get(k)).type is EntityType.ORGANIZATION]
        if n.dep_ == "appos" and n.head.i < n.i:  # "a WTO (WTO) ministerial meeting" misread
            bodies += [k for k in p.of_token(n.head) if p.is_org(k) and k not in bodies]
        bodies = [k for k in bodies if not own_meeting(self.index, n, k) and k not in spelt]
        if dashed_of(n) is not None and len(of) >= 2:
            bodies = []  # "the Group of Seven meeting - of A, B, C -": its members meet
        if bodies:  # "the Acme Bank's Budget Committee meeting": the parent is no second party
            poss = [k for k in poss if not p.is_org(k)]
        # "the union's negotiations with Y": an unnamed side owns them, not the verb's subject.
        owner_unnamed = any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") and not p.expand(c)
                            and c.ent_type_ not in ("DATE", "TIME") for c in n.children)
        gov, via = governor(n)
        left = gov if gov is not None and leaves(gov, via, LEAVING) else None
        anchors = {n.i}
        for c in of_preps:
            anchors |= {g.i for g in c.subtree}
        anchors |= {c.i for c in n.children if c.dep_ == "acl"
                    and c.lemma_.casefold() in words.HELD}  # "talks held in Oslo"
        objs = [t for c in n.children if c.dep_ == "prep" for g in c.children
                for t in (g, *g.conjuncts)]
        attend = False
        acting: list[str] = []  # the members or authors acting in the governor's clause
        spelt_by: set[str] = set()  # and the bodies they spell out
        if gov is not None:
            lemma = verb_lemma(gov)
            takes_agent = False
            if left is not None:  # "X withdrew from the OPEC talks", "walked out of them"
                takes_agent = attend = True
                anchors.add(gov.i)
            elif via == "dobj" and lemma in words.LIGHT_VERBS:
                anchors.add(gov.i)
                with_ += p.prep_objects(gov, ("with",))
                objs += p.prep_object_tokens(gov, ("with",))
                attend = lemma in words.ATTEND
                takes_agent = attend or not (between or poss or len(of) >= 2)
            elif via == "dobj" and lemma == "take" or via == "in" and lemma in words.TAKE_PART:
                takes_agent = True  # "take part in talks", "participate in the meeting"
                attend = lemma != "take" or any(c.lower_ == "part" for c in gov.children)
                anchors.add(gov.i)
            elif via in words.CONTEXT_PREPS and (with_ or between) and on_verb(n, gov):
                takes_agent = not (between or poss or owner_unnamed or via in words.TOPIC)
                if via not in words.BEFORE_AFTER:
                    anchors.add(gov.i)
            elif via in ("at", "during", "after", "following", "in") and on_verb(n, gov) \
                    and not (with_ or between or of or bodies or agents) \
                    and all(c.pos_ == "PRON" or c.ent_type_ == "DATE" for c in n.children
                            if c.dep_ == "poss"):  # "their meeting", "last week's talks"
                # "X and Y discussed the plans at (their) meeting", "A and B signed a pact
                # after two days of talks", "X assured Y at the meeting": they met. A subject
                # and a passive agent are one side ("X was represented at the meeting by Y").
                told = addressees(p, gov)
                # "The Group of Five - A, B and C - issued a statement after a meeting", "a
                # statement by A and B released after talks": the members, the authors.
                acting, spelt_by = acting_members(p, gov)
                if (len(p.subjects(gov, agent=False)) >= 2 or len(p.agents(gov)) >= 2 or told
                        or len(acting) >= 2) and gov.lemma_.casefold() not in words.ALONE:
                    takes_agent, with_ = True, with_ + told
                    anchors.add(gov.i)
            elif present_at(n, gov, via) and (not_own(self.index, n, of) or bodies or agents) \
                    and not (with_ or between or poss) \
                    and not any(c.dep_ == "expl" for c in gov.children) \
                    and not set(p.subjects(gov)) & set(of):
                # "X will be in Lima for the annual meeting of the Andean Trade Bank",
                # "X said at a meeting of the EC council that ...": X attended it (one of
                # those it gathers is no side of his own).
                takes_agent = attend = True
                bodies = bodies or [k for k in not_own(self.index, n, of) if p.named_body(k)]
                anchors.add(gov.i)
            elif via == "nsubjpass" and lemma in words.ATTEND:
                # "The talks were attended by A, B and C", "by 20 delegations, including
                # A's and B's": attending, told from the meeting.
                agents += p.agents(gov) + [
                    k for c in gov.children if c.dep_ == "agent" for g in c.children
                    for k in p.prep_objects(g, ("including",))]
                attend = True
                anchors.add(gov.i)
            elif via == "to" and lemma == "invite":
                # "X was not invited to the summit": a negated attendance; an invitation
                # alone is not a meeting.
                if clause_status(gov) is not MeetingStatus.NEGATED:
                    return [], anchors, objs, gov
                takes_agent = attend = True
                anchors.add(gov.i)
            elif via in ("nsubj", "nsubjpass") and with_ and not poss and gov.dep_ == "ccomp":
                agents += p.subjects(gov.head)  # "X said the meeting with Y underlined ..."
            if via == "dobj" and lemma in words.LIGHT_VERBS and is_hypothetical(gov):
                return [], anchors, objs, gov  # "if X and Y have concluded their talks"
            if lemma in HYPOTHETICAL_HEADS and not (attend and lemma == "invite") \
                    and via not in words.PRESUPPOSED or proposed(n, gov):
                return [], anchors, objs, gov  # "called for talks", "suggestions for talks"
            if takes_agent:
                if is_hypothetical(gov, wishes=via not in words.PRESUPPOSED):
                    return [], anchors, objs, gov
                agents += p.subjects(gov) or copular_subject(p, gov)
                agents = [k for k in dict.fromkeys(agents + acting) if k not in spelt_by]
                if not agents and with_ and via in ("at", "during") and gov.dep_ == "ccomp" \
                        and gov.head.lemma_.casefold() in words.SAY:
                    # "X said the strike was settled at a meeting with Y": the speaker.
                    agents += [k for k in p.subjects(gov.head) if p.is_person(k)]
        if n.lemma_.casefold() in words.BODY_SESSIONS:
            # a body's members meet at its conference, a magazine's audience at its own does not
            bodies = [k for k in bodies if self._members_meet(k)]
        if n.lemma_.casefold() in words.BODY_SESSIONS and not (attend and bodies) \
                or any(c.lower_ in ("news", "press") for c in n.children):
            return [], anchors, objs, gov  # no named body's conference, or a press conference
        if attend and bodies:
            # "attend the Budget Committee and Audit Committee meetings": one
            # meeting with each body; the bodies' parent organisation is not a party.
            sets = [_merge(agents + [b]) for b in bodies]
            self.last_bodies = bodies
            return sets, anchors, objs, gov
        if attend and not (between or of or poss or with_):
            # "will attend the meeting": the body of the meeting last named, if any; a meeting
            # "hosted by X" is X's; co-attendees of an unnamed meeting are not paired.
            if clause_parties(p, n)[0]:
                return [self._session(_merge(agents))], anchors, objs, gov
            # "A, B and C will attend a summit", "the meeting was attended by A, B and C":
            # who was there, told from the meeting's side, with no body to hold it.
            joint = [_merge(agents)] if (n.lemma_.casefold() in words.JOINT_NOUNS
                                         or via == "nsubjpass") \
                and len(set(agents)) >= 2 else []
            if n.lemma_.casefold() in words.NOUN_TRIGGERS and any(c.lower_ == "the"
                                                                   for c in n.children):
                # "the annual meeting": of the body meant before, in this sentence or earlier;
                # "the talks": the last ones held with unnamed others.
                bodies = [k for k in org_before(self.index, n, agents) or self.last_bodies
                          if not own_meeting(self.index, n, k)]
                if not bodies and self.hosts:
                    return [_merge(agents + self.hosts)], anchors, objs, gov
                return [_merge(agents + [b]) for b in bodies] or joint, anchors, objs, gov
            return joint, anchors, objs, gov
        if bodies or of:
            self.last_bodies = bodies or of
        if one_side and not agents:
            return [], anchors, objs, gov
        if with_ and not (agents or between or poss or of or bodies):
            return [], anchors, objs, gov  # "talks with A and B": A and B did not meet
        if p.prep_object_tokens(n, ("with",)) and not with_ and not (between or of or bodies):
            if agents:
                self.hosts = agents
            return [], anchors, objs, gov  # "talks with bankers": the other side is unnamed
        if (of or len(bodies) >= 2) and not (agents or between or poss or with_) \
                and all(self.parties.is_org(k) for k in of + bodies):
            # "the meetings of the OECD and the WTO", "the OECD and WTO talks": the bodies'
            # own sessions, not a meeting of one body with the other.
            return [], anchors, objs, gov
        return [self._session(_merge(agents + between + poss + of + bodies + with_))], \
            anchors, objs, gov

    def _members_meet(self, key: str) -> bool:
        """Whether the body ``key`` is its members meeting: a club of countries or a name with a
        word of :data:`~kg.extract.meeting_words.MEMBER_BODIES` ("Petroleum Association")."""
        e = self.index.get(key)
        names = [e.label, *e.aliases] if e is not None else [key]
        return any(members_of(x) is not None or not words.MEMBER_BODIES.isdisjoint(
            re.split(r"[^\w-]+", x.casefold())) for x in names)

    def _session(self, found: tuple[str, ...]) -> tuple[str, ...]:
        """``found``, kept as the body "the meeting" means next when it is one organisation
        alone: "OPEC ministers opened a meeting", "a gathering hosted by X"."""
        if len(found) == 1 and self.parties.is_org(found[0]):
            self.last_bodies = list(found)
        return found

    def find(self, published: date | None) -> list[Meeting]:
        """All meetings of the document, in sentence order."""
        out: list[Meeting] = []
        echoes: list[Echo] = []
        for si, sent in enumerate(self.doc.sents):
            for tok in sent:
                pos = tok.pos_  # most words cannot trigger: their lemma is not looked up
                lemma = tok.lemma_.casefold() if pos in ("VERB", "AUX", "NOUN", "PROPN") else ""
                if pos in ("VERB", "AUX") and lemma in words.VERB_TRIGGERS:
                    if is_hypothetical(tok) or is_habitual(tok):
                        continue
                    ev = verb_meeting(self.parties, tok)
                    if ev is None:
                        continue
                    if not ev.parties:
                        self.hosts = list(ev.hosts)  # "X met bankers": X is the named side
                        continue
                    parts, anchors, objs = ev.parties, set(ev.anchors), list(ev.objects)
                    sets = [parts]
                    if any(c.lower_ in ("separately", "individually") for c in tok.children):
                        # "X met A and B separately": two meetings, A and B did not meet.
                        subj = [k for k in parts if k in self.parties.subjects(tok, agent=False)]
                        sets = [_merge(subj + [k]) for k in parts if k not in subj] or sets
                    anchors = anchors | chain(tok)
                    place, time = meeting_setting(sent, anchors, tok, objs)
                    status_of = partial(clause_status, tok)
                    confidence = 0.9
                elif pos == "NOUN" and lemma in words.OCCASIONS:
                    gov, via = governor(tok)
                    if gov is not None and (is_hypothetical(gov) or proposed(tok, gov)):
                        continue
                    found = (hospitality_parties(self.parties, tok, gov, via)
                             if lemma in words.HOSPITALITY_NOUNS else
                             call_parties(self.parties, tok, gov))
                    sets = [_merge(found)]
                    anchors = {tok.i} | (chain(gov) if gov is not None else set())
                    objs = []
                    place, time = meeting_setting(sent, anchors, tok, objs)
                    status_of = partial(noun_status, tok, gov, via)
                    confidence = 0.7
                elif pos in ("NOUN", "PROPN") and lemma in words.NOUN_TRIGGERS \
                        or pos == "NOUN" and lemma in words.BODY_SESSIONS:
                    if lemma == "talk" and tok.tag_ != "NNS" or is_habitual(tok) \
                            or by_medium(tok):
                        continue  # "telephone talks", "talks by video link"
                    sets, anchors, objs, gov = self.noun_event(tok)
                    if not sets and lemma in words.BODY_SESSIONS:
                        continue  # not a meeting: it says nothing of one told elsewhere
                    via = governor(tok)[1]
                    if gov is not None and (gov.i in anchors or via in ("nsubj", "nsubjpass")):
                        # "Talks between X and Y ended in Lisbon on Friday": the verb's
                        # place and time are the meeting's.
                        anchors = anchors | chain(gov)
                    place, time = meeting_setting(sent, anchors, tok, objs)
                    place, time = carried_setting(self.settings, tok, place, time)
                    named = _merge([k for ps in sets for k in ps if self.parties.eligible(k)])
                    the = any(c.dep_ == "det" and c.lower_ in ("the", "this")
                              for c in tok.children)
                    if (place or time) and len(named) < 2 and (
                            definite(tok) or the and (named or by_place(tok, place))):
                        # "The talks, in Oslo, ...", "The Acme committee meeting, set for
                        # May 2", "The Oslo talks": what a neighbouring sentence says of a
                        # meeting named before.
                        echoes.append(Echo(si, place, time, named))
                    status_of = partial(nominal_status, tok, gov, via, published=published)
                    confidence = 0.75
                else:
                    continue
                for parts, where, when in told_apart(self.parties, sent, tok, anchors, objs,
                                                     sets, place, time):
                    parts = tuple(k for k in parts if self.parties.eligible(k))
                    if len(set(parts)) < 2:
                        continue
                    same = [n for n, m in enumerate(out) if m.provenance.sentence_index == si
                            and set(parts) <= set(m.participants)]
                    if same:
                        # A second mention of the same event in the sentence ("had a
                        # discussion ... during their meeting on Monday") adds what it knows;
                        # a relative clause ("..., who had talks with her yesterday") tells
                        # of another one.
                        if not any(a.dep_ == "relcl" for a in (tok, *tok.ancestors)):
                            complete(out, same[0], where, self.index, when, published)
                        continue
                    out.append(meeting_record(self.doc, self.index, si, sent, tok, parts,
                                              status_of(when), where, when, confidence,
                                              published))
        fill_from_neighbours(out, echoes, self.index, published)
        return out


def _merge(parts: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(parts))  # in order, each key once


def find_meetings(doc: Doc, index: EntityIndex, scored: bool = True) -> list[Meeting]:
    """Meetings in ``doc`` with two or more named parties; dates relative to its publication.

    The rules come first (and a named body's sessions, :mod:`kg.extract.meetings.sessions`); with
    ``scored``, the fitted scorer (:mod:`kg.extract.meetings.meeting_scorer`) adds meetings in the
    sentences where they found none."""
    found = _Finder(doc, index).find(doc._.kg_published)
    found += session_meetings(doc, index, found)
    found += anaphoric_meetings(doc, index, found)  # parties named in sentences before
    if scored:
        found += scored_meetings(doc, index, found)
    found += discourse_meetings(doc, index, found)  # a side left to the article's protagonist
    found.sort(key=lambda m: m.provenance.sentence_index)
    found = without_employers(doc, index, found)  # "Acme chairman X": X, not Acme
    return dated_again(found, doc, index)  # no time of its own: the story's first telling


class MeetingComponent:
    """spaCy component: sets ``doc._.kg_meetings``."""

    def __init__(self, require_named_parties: int = 2) -> None:
        self.require_named_parties = require_named_parties

    def __call__(self, doc: Doc) -> Doc:
        index = doc._.kg_entities or EntityIndex()
        doc._.kg_meetings = tuple(
            m for m in find_meetings(doc, index)
            if len(m.participants) >= self.require_named_parties
        )
        return doc
