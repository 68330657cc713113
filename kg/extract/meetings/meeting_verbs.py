"""A meeting verb's parties: "X met Y", "X conferred with Y", "X called on Y", "X visited Y".

Each verb takes its other side its own way: "meet" an object or a "with" phrase (one the
parser hung on a word in between too), "confer", "negotiate", "talk" and "chat" a "with"
phrase, "sit down with", "call on", "visit", "receive" and "host" a person (not a place),
"gather" and "convene" nothing ("A, B and C gathered"), "join" only company for an occasion.
The subject is the first side; a passive agent joins the other.

>>> VerbMeeting(("person:ann", "person:bo"), frozenset({3}), ()).parties
('person:ann', 'person:bo')
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.extract import meeting_words as words
from kg.extract.journeys import visits_places
from kg.extract.meetings.apart import gapped
from kg.extract.meetings.meeting_candidates import by_medium
from kg.extract.meetings.members import SUBJECTS, with_members
from kg.extract.meetings.noun_clauses import copular_subject
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.stray import stray_with
from kg.extract.meetings.trigger_syntax import chain
from kg.extract.walks import conjuncts, opens_clause

__all__ = ["VerbMeeting", "verb_meeting"]


@dataclass(frozen=True)
class VerbMeeting:
    """What a meeting verb says: its parties (none when the other side is unnamed), the
    tokens that anchor its place and time, its object phrases, and, for "X met bankers", the
    named side ``hosts`` that a later "the talks" may mean."""

    parties: tuple[str, ...]
    anchors: frozenset[int]
    objects: tuple[Token, ...]
    hosts: tuple[str, ...] = ()


def _broken_off(p: Parties, v: Token, objs: list[Token]) -> list[Token]:
    """The names of the list of ``v``'s objects that a place broke off: "met A of Valoria in
    Geneva and B" (or "conferred with A ... and B"), where the parser coordinates B with the
    verb itself. Only after a named first object; no name that opens a clause of its own, and
    none with a place or time of its own ("met A in Geneva and B in Paris": another meeting,
    which :func:`~kg.extract.meetings.apart.gapped` adds and tells apart)."""
    if not objs or not p.of_token(objs[0]):
        return []
    return [c for c in v.children if c.dep_ == "conj" and c.pos_ == "PROPN"
            and c.i > objs[-1].i and not opens_clause(c)
            and not any(g.dep_ in ("prep", "npadvmod") and g.lower_ != "of" for g in c.children)
            and not {g.lower_ for g in v.children if g.dep_ == "prep" and objs[-1].i < g.i < c.i}
            & {g.lower_ for g in v.children if g.dep_ == "prep" and g.i > c.i}]


def verb_meeting(p: Parties, v: Token) -> VerbMeeting | None:
    """The meeting verb ``v``'s parties, or None when it tells no meeting of named parties."""
    lemma = v.lemma_.casefold()
    if by_medium(v):
        return None  # "talked with X by telephone"
    obj_toks: list[Token] = []
    dobjs = [t for c in v.children if c.dep_ == "dobj" for t in (c, *conjuncts(c))]
    if lemma == "meet":
        if dobjs and dobjs[0].pos_ == "NOUN" and not any(p.of_token(d) for d in dobjs):
            return None  # "meet its commitments", "met demand": not the meeting sense
        obj_toks = dobjs + p.prep_object_tokens(v, ("with",))
        if not obj_toks:
            # "X met at the palace after the vote ended with A, B and C": the
            # parser hangs "with" on the clause in between; named objects only.
            obj_toks = [t for w in stray_with(v) for g in w.children
                        if g.dep_ == "pobj" and p.expand(g) for t in (g, *g.conjuncts)]
    elif lemma in words.NEEDS_WITH:
        obj_toks = p.prep_object_tokens(v, ("with",))
    elif lemma == "sit":
        if any(c.lower_ == "down" for c in v.children):
            obj_toks = p.prep_object_tokens(v, ("with",))
    elif lemma == "call":
        obj_toks = p.prep_object_tokens(v, ("on",))
        if any(c.dep_ in ("prt", "prep") and c.lower_ == "on" and not list(c.children)
               for c in v.children):
            obj_toks += dobjs
    elif lemma in ("visit", "receive", "host"):
        obj_toks = [] if visits_places(v) else dobjs
    elif lemma in words.COME_TOGETHER:
        if dobjs or v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.children):
            return None  # "gathered information", "the board was convened"
    elif lemma == "join":
        # "A was joined for the signing by B", "A joined B at dinner": company for an
        # occasion; "joined the board", "joined B in criticising" are not meetings, nor is
        # sharing a platform or a place: "was joined on stage (at the school) by B".
        if not any(c.lower_ == "for" or c.lower_ in ("at", "during") and any(
                g.pos_ == "NOUN" and g.lemma_.casefold() not in words.APPEARANCES
                for g in c.children) for c in v.children if c.dep_ == "prep"):
            return None
        obj_toks = dobjs
    obj_toks += _broken_off(p, v, obj_toks)
    obj_toks += gapped(p, chain(v), obj_toks)  # "met A in Geneva and B in Paris"
    objs: list[str] = []
    # "A delegation from Acme will visit the Danish parliament": a delegation visiting a
    # body meets it, where a person visiting a company's plant visits a place.
    envoys = lemma == "visit" and any(c.dep_ == "nsubj" and c.lemma_.casefold() in
                                      words.DELEGATIONS for c in v.children)
    for t in obj_toks:
        found = p.of_token(t) + p.listed(t)  # and names a mis-parsed list hangs on it
        if envoys:
            found = [k for k in found if p.named_body(k) or k.startswith("group:")]
        elif lemma in words.PERSON_ONLY:
            # Visiting or calling on a place or a body is not meeting someone.
            found = [k for k in found if p.is_person(k)] or p.persons_in(t)
        objs += [k for k in found if k not in objs]
    subj = p.subjects(v, agent=False) or copular_subject(p, v)  # "X, meeting Y, said"
    if lemma in words.RECIPROCAL and not obj_toks:
        subj = with_members(p, subj, [c for i in sorted(chain(v)) for c in
                                      v.doc[i].children if c.dep_ in SUBJECTS])
    objs += [k for k in p.agents(v) if k not in objs]
    obj_toks += [g for c in v.children if c.dep_ == "agent" for g in c.children]
    if lemma in words.PERSON_ONLY and not envoys and not all(p.is_person(k) for k in subj):
        return None
    if lemma not in words.RECIPROCAL and not objs:
        return None
    if obj_toks and not objs:
        # "met bankers", "met its targets": the other side is unnamed, or no party at
        # all; people on the same side ("X and Y met with bankers") did not meet.
        if lemma == "meet" and subj and any(t.pos_ == "NOUN" for t in obj_toks):
            return VerbMeeting((), frozenset(), (), tuple(subj))
        return None
    if not subj:
        return None  # "talks with A and B": A and B did not meet each other
    return VerbMeeting(tuple(dict.fromkeys(subj + objs)), frozenset({v.i}), tuple(obj_toks))
