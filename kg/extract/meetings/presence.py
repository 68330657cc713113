"""Who was at a named body's session, told in words of presence that need not name it.

A story of a session (kg.extract.meetings.sessions) says further down who came, or did not, without
naming the session again: "X and Y will attend the first day", "Z probably will not attend",
"W is to head the Danish delegation", "the Swiss delegation is expected to press for cuts",
"the delegates include V", "U had pulled out of the talks", "T, the chairman of the
conference, said", "S told the meeting", "R, head of the Malaysian delegation". The guide makes
each a party of a meeting with the body (negated where the clause says so). A delegation "at"
or "to" a body's session names both in one phrase ("an aide in the Danish delegation at the
fund's spring meeting").

>>> sorted(SESSION_PARTS)[:3]
['close', 'day', 'opening']
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from kg.extract.entities.nationals import demonym_keys
from kg.extract.index import EntityIndex
from kg.extract.meeting_words import ATTEND
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.status import clause_status, is_hypothetical, left_by
from kg.extract.meetings.status_words import LEAVE, LEAVING
from kg.model import EntityType, MeetingStatus

__all__ = ["SESSION_PARTS", "Told", "delegation_of", "delegations_at", "present"]

#: Objects of a verb of attending (meeting_words.ATTEND) that are a part of the session told
#: before ("X will attend the first day"); with none ("Y will not attend") it is that session.
SESSION_PARTS = frozenset({"day", "opening", "part", "start", "close", "sitting"})
#: Nouns of those present at a session, as the subject of "include" ("the delegates include Y").
_PRESENT = frozenset({"delegate", "delegation", "participant", "attendee", "delegates",
                      "participants"})
#: Verbs of leading a delegation ("Z will lead the French delegation").
_LEAD = frozenset({"lead", "head"})
#: Nouns of who chairs a session ("the chairman of the conference", "conference chairman X").
_CHAIR = frozenset({"chairman", "chairwoman", "chairperson", "chair"})
#: Nouns of who leads a delegation ("X, head of the Malaysian delegation").
_HEAD = frozenset({"head", "leader", "chief", "chairman"})
#: Nouns of coming to a session ("the countries which confirmed their presence were X, Y").
_PRESENCE = frozenset({"presence", "attendance", "participation"})
#: Verbs of speaking to a session as its object ("X told the meeting", "Y addressed it").
_ADDRESS = frozenset({"tell", "address"})
#: Those at a session, as the object of a verb of speaking ("X told delegates").
_AUDIENCE = frozenset({"delegate", "participant"})
#: A party told as present at a session, and the status its own clause gives (None: the
#: session's).
Told = tuple[str, MeetingStatus | None]


def present(sent: Span, p: Parties, index: EntityIndex,
            the_session: Callable[[Token], bool],
            group: frozenset[str] = frozenset()) -> list[Told]:
    """Parties ``sent`` tells as at the session or not; ``the_session`` says whether a meeting
    noun is that session ("the talks", "the OPEC meeting" in an article of OPEC's); ``group``
    the noun of those it gathers, whose list is then theirs ("the producers include X")."""
    out: list[Told] = []
    for tok in sent:
        lemma = tok.lemma_.casefold()
        if lemma in _PRESENCE and tok.pos_ == "NOUN":
            out += [(k, None) for k in _confirmed(tok, p)]
        if lemma in ATTEND and tok.pos_ == "VERB" and not is_hypothetical(tok) and all(
                c.lemma_.casefold() in SESSION_PARTS or c.dep_ == "dobj" and the_session(c)
                for c in tok.children
                if c.dep_ in ("dobj", "nsubjpass")):  # "it was attended by": the rules'
            out += [(k, clause_status(tok)) for k in p.subjects(tok)]
        elif lemma == "include" and not is_hypothetical(tok) and any(
                c.dep_ == "nsubj" and c.lemma_.casefold() in _PRESENT | group
                for c in tok.children):
            out += [(k, clause_status(tok)) for c in tok.children if c.dep_ == "dobj"
                    for k in p.expand(c)]
        elif lemma == "delegation" and tok.pos_ in ("NOUN", "PROPN"):
            # Its own clause's status: "Z will lead the delegation", "the delegation was
            # likely to repeat warnings" (a delegation in a phrase: the session's).
            acts = tok.dep_ == "nsubj" or tok.dep_ == "dobj" and tok.head.lemma_.casefold() in _LEAD
            status = clause_status(tok.head) if acts and tok.head.pos_ in ("VERB", "AUX") else None
            out += [(k, status) for k in delegation_of(tok, p, index)]
        elif lemma in _ADDRESS and tok.pos_ == "VERB" and not is_hypothetical(tok) and any(
                c.dep_ == "dobj" and (the_session(c) or c.lemma_.casefold() in _AUDIENCE
                                      and c.tag_ == "NNS") for c in tok.children):
            # A speaker at the session: "X told the conference", "Y told delegates".
            out += [(k, clause_status(tok)) for k in p.subjects(tok)]
        elif lemma == "speak" and tok.pos_ == "VERB" and not is_hypothetical(tok) and any(
                c.dep_ == "prep" and c.lower_ in ("at", "to") and the_session(g)
                for c in tok.children for g in c.children if g.dep_ == "pobj"):
            out += [(k, clause_status(tok)) for k in p.subjects(tok)]
        elif lemma in _CHAIR and tok.pos_ == "NOUN" and any(
                the_session(n) for n in _chaired(tok)):
            out += [(k, None) for k in _named_as(tok, p) if p.is_person(k)]
        elif tok.pos_ == "NOUN" and the_session(tok) \
                and (verb := left_by(tok, LEAVING)) is not None:
            # "pulled out of it": not there; "walked out of it": there, then left
            status = MeetingStatus.NEGATED if verb.lemma_.casefold() in LEAVE \
                else clause_status(verb, own_negation=False)
            out += [(k, status) for k in p.subjects(verb)]
    return out


def delegations_at(sent: Span, p: Parties, index: EntityIndex,
                   body_of: Callable[[Token], str | None]) -> list[tuple[Token, str, str]]:
    """A party's delegation "at" or "to" a named body's session ("an aide in the Danish
    delegation at the fund's spring meeting", "the Swiss delegation to the OPEC talks"):
    the session noun, its body (``body_of``) and who the delegation stands for."""
    out: list[tuple[Token, str, str]] = []
    for tok in sent:
        if tok.lemma_.casefold() != "delegation" or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        for noun in (g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "to")
                     for g in c.children if g.dep_ == "pobj"):
            body = body_of(noun)
            if body is not None:
                out += [(noun, body, k) for k in delegation_of(tok, p, index) if k != body]
    return out


def delegation_of(tok: Token, p: Parties, index: EntityIndex) -> list[str]:
    """Who a party's delegation stands for: the person said to lead it ("Z will lead the
    French delegation", "the delegation, led by Z"), else its country ("the U.S.
    delegation", "the delegation of India"). Only a definite delegation is the one at the
    session, or delegations listed by whom they come from ("delegations from A and B"); one
    met "with" is a meeting of its own."""
    listed = tok.tag_ == "NNS" and any(c.dep_ == "prep" and c.lower_ in ("of", "from")
                                       for c in tok.children)
    if not (listed or any(c.dep_ in ("det", "poss") and c.lower_ != "a" for c in tok.children)) \
            or tok.head.dep_ == "prep" and tok.head.lower_ in ("with", "between"):
        return []
    if tok.dep_ == "dobj" and tok.head.lemma_.casefold() in _LEAD:
        leaders = [k for k in p.subjects(tok.head) if p.is_person(k)]
    elif tok.dep_ == "nsubjpass" and tok.head.lemma_.casefold() in _LEAD:
        leaders = [k for k in p.agents(tok.head) if p.is_person(k)]  # "are headed by X"
    elif tok.dep_ == "pobj" and tok.head.lower_ == "of" \
            and tok.head.head.lemma_.casefold() in _HEAD:
        leaders = [k for k in _named_as(tok.head.head, p) if p.is_person(k)]  # "head of the"
    elif tok.dep_ == "compound" and tok.head.lemma_.casefold() in _HEAD:
        leaders = [k for k in _named_as(tok.head, p) if p.is_person(k)]  # "delegation head X"
    else:
        leaders = [k for c in tok.children if c.dep_ == "acl" for k in p.agents(c)
                   if p.is_person(k)]
    if leaders:
        return leaders
    keys = [k for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
            for g in c.children if g.dep_ == "pobj" for k in p.expand(g)]
    for w in (c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")):
        # "the Indian delegation" is often one group entity: its adjective names the country.
        keys += p.of_token(w) + demonym_keys(index, w)
    return [k for k in dict.fromkeys(keys)
            if (e := index.get(k)) is not None and e.type is EntityType.COUNTRY]


def _chaired(chair: Token) -> list[Token]:
    """The meeting nouns a chairman noun is of ("the chairman of the conference", "the
    conference chairman", "the meeting's chairman")."""
    out = [c for c in chair.children if c.dep_ in ("compound", "nmod", "poss")]
    return out + [g for c in chair.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]


def _named_as(noun: Token, p: Parties) -> list[str]:
    """The parties a role noun is said of: its apposition ("the chairman of the conference,
    X"), the name it is apposed to ("X, chairman of the meeting") or the name it titles
    ("conference chairman X")."""
    out = [k for c in noun.children if c.dep_ == "appos" for k in p.expand(c)]
    if noun.dep_ in ("appos", "compound") and noun.head.pos_ == "PROPN":
        out += p.expand(noun.head)
    return out


def _confirmed(noun: Token, p: Parties) -> list[str]:
    """Those a copula names as the ones whose presence a relative clause tells ("the
    countries which have confirmed their presence are X and Y")."""
    cur = noun
    while cur.dep_ not in ("relcl", "acl") and cur.head.i != cur.i:
        cur = cur.head
    subj = cur.head
    if cur.dep_ not in ("relcl", "acl") or subj.dep_ != "nsubj" or subj.head.lemma_ != "be" \
            or is_hypothetical(cur):
        return []
    return [k for c in subj.head.children if c.dep_ == "attr" for k in p.expand(c)]
