"""Meeting events: who met whom, where, when, and whether it happened, is planned or negated.

Triggers are verbs ("meet", "confer", "talk with", "receive", "visit" a person, "call on",
"sit down with", "negotiate with") and meeting nouns ("talks", "meeting", "summit",
"discussions", "audience") with their light verbs ("hold talks", "attend the meeting").
Parties come from subjects (inherited through "is expected to"), objects, "with" and
"between" phrases, possessives and passive agents; coordination gives every conjunct.

>>> sorted(NOUN_TRIGGERS)[:3]
['audience', 'consultation', 'discussion']
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from kg.extract.entities import EntityIndex
from kg.extract.status import (
    HYPOTHETICAL_HEADS,
    clause_status,
    is_habitual,
    is_hypothetical,
    noun_status,
)
from kg.extract.timex import attached_place, attached_time, normalise_date
from kg.model import EntityType, Meeting, MeetingStatus, Provenance

__all__ = ["find_meetings", "MeetingComponent", "VERB_TRIGGERS", "NOUN_TRIGGERS", "NAMED_GROUPS"]

VERB_TRIGGERS = frozenset(
    {"meet", "confer", "negotiate", "talk", "host", "receive", "visit", "sit", "call", "join"}
)
NOUN_TRIGGERS = frozenset(
    {"talk", "meeting", "summit", "discussion", "negotiation", "consultation", "audience"}
)
#: Verbs whose subject takes part in the meeting their object names.
LIGHT_VERBS = frozenset(
    {"hold", "have", "begin", "start", "resume", "open", "conduct", "continue", "attend",
     "boycott", "skip", "chair", "host", "join", "convene", "enter", "wrap", "conclude",
     "cancel", "postpone", "end", "miss"}
)
_ATTEND = frozenset({"attend", "boycott", "skip", "miss"})
#: Group heads that name a party ("the American delegation"); "officials" do not.
NAMED_GROUPS = frozenset({"delegation", "government", "team", "administration", "cabinet",
                          "parliament", "ministry", "negotiator", "side", "mission"})
_NEEDS_WITH = frozenset({"confer", "negotiate", "talk"})
_PERSON_ONLY = frozenset({"visit", "receive", "host", "join", "call"})
_TALK_MEDIA = frozenset({"phone", "telephone", "video", "videoconference", "letter", "radio"})
_CONTEXT_PREPS = frozenset({"after", "during", "at", "in", "before", "following", "from",
                            "since", "ahead", "for", "on", "into"})
_OF_MEMBER_NOUNS = frozenset({"official", "executive", "director", "head"})
_TITLE_HEADS = frozenset({"minister", "secretary", "president", "chairman", "governor", "director",
                          "spokesman", "head", "chief", "undersecretary", "ambassador"})
_BEFORE_AFTER = frozenset({"after", "before", "ahead", "following", "since"})
_QUANTITY = frozenset({"hour", "day", "round", "series", "week", "minute", "session", "month",
                       "year", "lot", "couple"})
_BOTH = frozenset({"country", "side", "nation", "government"})
#: Nouns for the members of a body: "members of the committee" meet as the committee.
MEMBER_NOUNS = frozenset({"member", "representative", "delegation", "delegate", "minister",
                          "leader", "envoy", "team", "negotiator", "diplomat", "ambassador"})


class _Parties:
    """Turns parse tokens into entity keys of named parties."""

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.index = index

    def eligible(self, key: str) -> bool:
        e = self.index.get(key)
        if e is None:
            return False
        if e.type in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY):
            return True
        if e.type is EntityType.GROUP and e.country is not None:
            head = e.key.rsplit(" ", 1)[-1]
            return head.rstrip("s") in NAMED_GROUPS or head in NAMED_GROUPS
        return False

    def of_token(self, tok: Token, depth: int = 0) -> list[str]:
        """Named parties a single token denotes (no coordination)."""
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
            return self.of_token(tok.head.head, depth + 1)
        keys = [k for k in self.index.keys_of(tok) if self.eligible(k)]
        if keys and _modifies_title(tok):
            return []  # "Finance" in "Finance Minister X", "Energy" in "Mines and Energy Minister"
        if keys or depth > 2 or tok.pos_ not in ("NOUN", "PROPN"):
            return keys
        lemma = tok.lemma_.casefold()
        if lemma in _BOTH and any(c.lower_ in ("both", "two") for c in tok.children):
            return self.both(tok)
        for c in tok.children:
            if c.dep_ == "appos" and not c.is_punct:
                keys += self.of_token(c, depth + 1)
        if keys or lemma not in MEMBER_NOUNS | _OF_MEMBER_NOUNS:
            return keys
        # "members of the House committee", "Senate Agriculture members": the body; but
        # "U.S. officials" stay unnamed, while "officials of the World Bank" do not.
        for c in tok.children:
            if c.dep_ == "compound" and lemma in MEMBER_NOUNS:
                keys += [k for k in self.of_token(c, depth + 1) if self._named_body(k)]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for obj in (g for g in c.children if g.dep_ == "pobj"):
                    keys += self.expand(obj, depth + 1)
        return keys

    def _named_body(self, key: str) -> bool:
        e = self.index.get(key)
        return e is not None and e.type in (EntityType.ORGANIZATION, EntityType.PERSON)

    def expand(self, tok: Token, depth: int = 0) -> list[str]:
        """Named parties of ``tok`` and of every token coordinated with it."""
        out: list[str] = []
        for t in (tok, *tok.conjuncts):
            found = self.of_token(t, depth)
            # A mis-parsed list ("Reagan and Nancy Reagan", "he, Baker and ... Poehl")
            # hangs further people on a conjunct as nmod or appos.
            for c in t.children:
                if c.dep_ in ("nmod", "appos") and c.pos_ == "PROPN":
                    found += [k for k in self.of_token(c, depth + 1)
                              if self._is_person(k) and k not in found]
                    for cc in c.conjuncts:
                        found += [k for k in self.of_token(cc, depth + 1) if self._is_person(k)]
            for k in found:
                if k not in out:
                    out.append(k)
        return out

    def _is_person(self, key: str) -> bool:
        e = self.index.get(key)
        return e is not None and e.type is EntityType.PERSON

    def persons_in(self, tok: Token) -> list[str]:
        """People named in the phrase of ``tok`` (conjuncts excluded)."""
        skip = {d.i for c in tok.children if c.dep_ == "conj" for d in c.subtree}
        out: list[str] = []
        if tok.pos_ != "PROPN":
            return out
        for d in tok.subtree:
            if d.i in skip or d.dep_ == "poss" or d.head.dep_ == "poss":
                continue
            for k in self.index.keys_of(d):
                if self._is_person(k) and k not in out:
                    out.append(k)
        return out

    def both(self, tok: Token) -> list[str]:
        """ "both countries": the last two countries named together before ``tok``."""
        for prev in reversed(self.doc[: tok.i]):
            if prev.dep_ != "conj":
                continue
            a, b = self.index.keys_of(prev.head), self.index.keys_of(prev)
            if a and b and all(self.index.get(k[0]).type is EntityType.COUNTRY for k in (a, b)):
                return [a[0], b[0]]
        return []

    def agents(self, verb: Token) -> list[str]:
        """Parties in the passive agent phrase ("was received by X")."""
        return [k for c in verb.children if c.dep_ == "agent"
                for g in c.children if g.dep_ == "pobj" for k in self.expand(g)]

    def subjects(self, verb: Token, depth: int = 0, agent: bool = True) -> list[str]:
        """Subject parties of ``verb`` (and its passive agent), inherited through xcomp,
        conj and purpose clauses."""
        out: list[str] = self.agents(verb) if agent else []
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                out += self.expand(c)
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        if not has_subject:
            # The small parser hangs a fronted subject on a preceding participle clause
            # ("X, working to ..., held talks"): take it from there.
            for c in verb.children:
                if c.dep_ == "advcl" and c.i < verb.i:
                    for g in c.children:
                        if g.dep_ == "nsubj" and g.i < c.i:
                            out += self.expand(g)
                            has_subject = True
        if not has_subject and depth < 3:
            if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp"):
                out += self.subjects(verb.head, depth + 1)
            elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
                out += self.subjects(verb.head.head, depth + 1)  # "before visiting X"
        return out

    def prep_objects(self, tok: Token, preps: tuple[str, ...]) -> list[str]:
        """Parties in ``tok``'s prepositional phrases headed by one of ``preps``."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ in ("prep", "prt") and c.lower_ in preps:
                for g in c.children:
                    if g.dep_ == "pobj":
                        out += self.expand(g)
                    elif g.dep_ == "prep" and g.lower_ == c.lower_:
                        out += self.prep_objects(c, preps)  # "talks with with X" (a typo)
        return out

    def prep_object_tokens(self, tok: Token, preps: tuple[str, ...]) -> list[Token]:
        """The objects of ``tok``'s prepositions in ``preps``, with their conjuncts."""
        return [t for c in tok.children if c.dep_ in ("prep", "prt") and c.lower_ in preps
                for g in c.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]


def _modifies_title(tok: Token) -> bool:
    """Whether ``tok`` is a modifier inside a title ("Treasury" in "Treasury Secretary")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("compound", "conj", "nmod") or cur.head is cur:
            return False
        cur = cur.head
        if cur.ent_type_ != "PERSON" and cur.lower_ in _TITLE_HEADS:
            return True
    return False


def _governor(noun: Token) -> tuple[Token | None, str]:
    """The verb that governs a meeting noun, and how: "dobj", a preposition, or "nsubj".

    Quantities are looked through: in "had nine hours of talks" the verb "had" governs
    "talks" as its object.
    """
    cur, via = noun, ""
    for _ in range(6):
        if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
            prep = cur.head
            if prep.lower_ == "of" and prep.head.lemma_.casefold() in _QUANTITY:
                cur = prep.head
                continue
            via = via or prep.lower_
            cur = prep.head
        elif cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj", "appos"):
            via = via or cur.dep_
            cur = cur.head
        else:
            return None, ""
        if cur.pos_ in ("VERB", "AUX"):
            return cur, via
    return None, ""


def _merge(parts: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for k in parts:
        if k not in out:
            out.append(k)
    return tuple(out)


class _Finder:
    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.parties = _Parties(doc, index)
        self.index = index
        self.last_bodies: list[str] = []  # bodies of the last meeting named ("the meeting")

    def verb_event(self, v: Token) -> tuple[tuple[str, ...], set[int], list[Token]] | None:
        lemma = v.lemma_.casefold()
        p = self.parties
        if any(g.lower_ in _TALK_MEDIA for c in v.children for g in c.subtree):
            return None
        obj_toks: list[Token] = []
        dobjs = [t for c in v.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)]
        if lemma == "meet":
            obj_toks = dobjs + p.prep_object_tokens(v, ("with",))
        elif lemma in _NEEDS_WITH:
            obj_toks = p.prep_object_tokens(v, ("with",))
        elif lemma == "sit":
            if any(c.lower_ == "down" for c in v.children):
                obj_toks = p.prep_object_tokens(v, ("with",))
        elif lemma == "call":
            obj_toks = p.prep_object_tokens(v, ("on",))
            if any(c.dep_ == "prt" and c.lower_ == "on" for c in v.children):
                obj_toks += dobjs
        elif lemma in ("visit", "receive", "host"):
            obj_toks = dobjs
        objs: list[str] = []
        for t in obj_toks:
            found = p.of_token(t)
            if lemma in _PERSON_ONLY:
                # Visiting or calling on a place or a body is not meeting someone.
                found = [k for k in found if p._is_person(k)] or p.persons_in(t)
            objs += [k for k in found if k not in objs]
        subj = p.subjects(v, agent=False)
        objs += [k for k in p.agents(v) if k not in objs]
        obj_toks += [g for c in v.children if c.dep_ == "agent" for g in c.children]
        if lemma in _PERSON_ONLY and not all(p._is_person(k) for k in subj):
            return None
        if lemma not in ("meet", "join") and not objs:
            return None
        if not subj:
            return None  # "talks with A and B": A and B did not meet each other
        return _merge(subj + objs), {v.i}, obj_toks

    def noun_event(self, n: Token) -> tuple[list[tuple[str, ...]], set[int], list[Token],
                                            Token | None]:
        """Party sets of a meeting noun, its anchors, its phrase objects and its governor."""
        p = self.parties
        between = p.prep_objects(n, ("between",))
        of = p.prep_objects(n, ("of",))
        with_ = p.prep_objects(n, ("with",))
        poss = [k for c in n.children if c.dep_ == "poss" for k in p.expand(c)]
        comp_toks = [t for c in n.children if c.dep_ == "compound" for t in (c, *c.conjuncts)]
        comp_toks += [m for t in comp_toks for m in t.children if m.dep_ == "nmod"]
        bodies = _merge([k for t in comp_toks for k in p.of_token(t) if p._named_body(k)])
        bodies = [k for k in bodies if self.index.get(k).type is EntityType.ORGANIZATION]
        gov, via = _governor(n)
        anchors = {n.i}
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                anchors |= {g.i for g in c.subtree}
        objs = [t for c in n.children if c.dep_ == "prep" for g in c.children
                for t in (g, *g.conjuncts)]
        agents: list[str] = []
        for c in n.children:
            if c.dep_ == "acl" and c.lemma_.casefold() in ("host", "chair", "attend"):
                agents += p.subjects(c)
        attend = False
        if gov is not None:
            lemma = gov.lemma_.casefold()
            takes_agent = False
            if via == "dobj" and lemma in LIGHT_VERBS:
                anchors.add(gov.i)
                with_ += p.prep_objects(gov, ("with",))
                objs += p.prep_object_tokens(gov, ("with",))
                attend = lemma in _ATTEND
                takes_agent = attend or not (between or poss or len(of) >= 2)
            elif via == "dobj" and lemma == "take" or via == "in" and lemma == "take":
                takes_agent = True  # "take part in talks"
                anchors.add(gov.i)
            elif via in _CONTEXT_PREPS and (with_ or between):
                takes_agent = not (between or poss)
                if via not in _BEFORE_AFTER:
                    anchors.add(gov.i)
            elif via in ("nsubj", "nsubjpass") and with_ and not poss and gov.dep_ == "ccomp":
                agents += p.subjects(gov.head)  # "X said the meeting with Y underlined ..."
            if takes_agent:
                if lemma in HYPOTHETICAL_HEADS or is_hypothetical(gov):
                    return [], anchors, objs, gov
                agents += p.subjects(gov)
        if attend and bodies:
            # "attend the Interim Committee and Development Committee meetings": one
            # meeting with each body; the bodies' parent organisation is not a party.
            sets = [_merge(agents + [b]) for b in bodies]
            self.last_bodies = bodies
            return sets, anchors, objs, gov
        if attend and not (between or of or poss or with_):
            # "will attend the meeting": the body of the meeting last named, if any;
            # co-attendees of an unnamed meeting are not paired.
            if n.lower_ in ("meeting", "talks") and any(c.lower_ == "the" for c in n.children):
                return [_merge(agents + [b]) for b in self.last_bodies], anchors, objs, gov
            return [], anchors, objs, gov
        if bodies or of:
            self.last_bodies = bodies or of
        if with_ and not (agents or between or poss or of or bodies):
            return [], anchors, objs, gov  # "talks with A and B": A and B did not meet
        return [_merge(agents + between + poss + of + bodies + with_)], anchors, objs, gov

    def find(self, published: date | None) -> list[Meeting]:
        """All meetings of the document, in sentence order."""
        out: list[Meeting] = []
        seen: set[tuple[int, frozenset[str]]] = set()
        for si, sent in enumerate(self.doc.sents):
            prov = Provenance(self.doc._.kg_article_id, si, sent.start_char, sent.end_char,
                              sent.text)
            for tok in sent:
                lemma = tok.lemma_.casefold()
                if tok.pos_ in ("VERB", "AUX") and lemma in VERB_TRIGGERS:
                    if is_hypothetical(tok) or is_habitual(tok):
                        continue
                    ev = self.verb_event(tok)
                    if ev is None:
                        continue
                    parts, anchors, objs = ev
                    sets = [parts]
                    anchors = anchors | _chain(tok)
                    time = attached_time(sent, anchors, tok, objs)
                    status = clause_status(tok, time)
                    confidence = 0.9
                elif tok.pos_ in ("NOUN", "PROPN") and lemma in NOUN_TRIGGERS:
                    if lemma == "talk" and tok.tag_ != "NNS" or is_habitual(tok):
                        continue
                    sets, anchors, objs, gov = self.noun_event(tok)
                    if gov is not None and gov.i in anchors:
                        anchors = anchors | _chain(gov)
                    time = attached_time(sent, anchors, tok, objs)
                    status = noun_status(tok, gov, time)
                    confidence = 0.75
                else:
                    continue
                for parts in sets:
                    parts = tuple(k for k in parts if self.parties.eligible(k))
                    if len(set(parts)) < 2 or (si, frozenset(parts)) in seen:
                        continue
                    seen.add((si, frozenset(parts)))
                    place = attached_place(sent, anchors, objs)
                    out.append(Meeting(
                        participants=parts,
                        status=status,
                        provenance=prov,
                        trigger=_trigger_text(tok),
                        place=_place_label(place),
                        place_entity=self.index.entity_of(place) if place is not None else None,
                        time=time,
                        date=normalise_date(time, published, status is MeetingStatus.PLANNED),
                        confidence=confidence,
                    ))
        return out


def _chain(verb: Token) -> set[int]:
    """The verb and the heads it hangs from by xcomp/purpose ("is expected to meet")."""
    out = {verb.i}
    cur = verb
    for _ in range(3):
        aux = {c.lower_ for c in cur.children if c.dep_ == "aux"}
        if cur.dep_ in ("xcomp", "acomp") or (cur.dep_ == "advcl" and "to" in aux):
            cur = cur.head
        elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            cur = cur.head.head  # "before visiting X"
        else:
            break
        out.add(cur.i)
    return out


def _trigger_text(tok: Token) -> str:
    parts = [c for c in tok.children if c.dep_ == "prt"]
    return " ".join(t.text for t in sorted([tok, *parts], key=lambda t: t.i))


def _place_label(span: Span | None) -> str | None:
    if span is None:
        return None
    text = " ".join(span.text.split())
    return text[4:] if text.casefold().startswith("the ") else text


def find_meetings(doc: Doc, index: EntityIndex) -> list[Meeting]:
    """Meetings in ``doc`` with two or more named parties; dates relative to its publication."""
    return _Finder(doc, index).find(doc._.kg_published)


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
