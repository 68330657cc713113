"""Hospitality events as meetings: a reception, dinner or lunch for a guest; a courtesy call.

A reception, dinner or lunch is held for a guest by a host; a courtesy call is on someone.

The host is the subject of "host/give/hold/throw" or the agent of "hosted by", "given by";
the guest is the object of "for" or "in honour of". A courtesy call is paid *on* someone.

>>> "host" in HOST_VERBS and "tell" in TELL
True
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.journeys import TRIP_LIGHT_VERBS
from kg.extract.meeting_words import TELL
from kg.extract.meetings.parties import Parties

__all__ = ["HOST_VERBS", "hospitality_parties", "call_parties"]

#: Verbs whose subject (or passive agent) is the host of the occasion.
HOST_VERBS = frozenset({"host", "give", "hold", "throw", "offer", "organise", "organize",
                        "lay", "arrange"})
_GUEST_PREPS = ("for",)
#: "had lunch with", "shared a dinner": the subject and the company dined together.
_SHARE_VERBS = frozenset({"have", "share", "eat", "attend", "join"})


def _honour_objects(p: Parties, tok: Token) -> list[str]:
    """Parties of "in honour of X" (either spelling) hanging from ``tok``."""
    out: list[str] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for g in c.children:
                if g.dep_ == "pobj" and g.lower_ in ("honour", "honor"):
                    out += p.prep_objects(g, ("of",))
    return out


def _at_it(p: Parties, verb: Token) -> list[str]:
    """The subject of ``verb`` and whom it addresses: who was at the occasion it happened at."""
    return p.subjects(verb, agent=False) + [k for c in verb.children
                                            if c.dep_ in ("dobj", "dative") for k in p.expand(c)]


def hospitality_parties(p: Parties, noun: Token, gov: Token | None, via: str) -> list[str]:
    """Host(s) and guest(s) of a reception or dinner, or [] if one side is not named.

    "X hosted a dinner for Y", "a reception was held for Y by X", "a lunch given by X in
    honour of Y", "a dinner hosted by X for Y".
    """
    guests = p.prep_objects(noun, _GUEST_PREPS) + _honour_objects(p, noun)
    hosts: list[str] = []
    for c in noun.children:
        if c.dep_ == "acl" and c.lemma_.casefold() in HOST_VERBS:
            hosts += p.agents(c)
            guests += p.prep_objects(c, _GUEST_PREPS) + _honour_objects(p, c)
    if gov is not None and gov.lemma_.casefold() in HOST_VERBS:
        if via == "dobj":
            hosts += p.subjects(gov, agent=False)
        elif via == "nsubjpass":
            hosts += p.agents(gov)
        if via in ("dobj", "nsubjpass"):
            guests += p.prep_objects(gov, _GUEST_PREPS) + _honour_objects(p, gov)
    if gov is not None and via == "dobj" and gov.lemma_.casefold() in _SHARE_VERBS:
        # "X had lunch with Y", "X and Y shared a dinner": the diners met.
        hosts += p.subjects(gov, agent=False)
        guests += p.prep_objects(noun, ("with",)) + p.prep_objects(gov, ("with",))
        if len(hosts) >= 2 and not guests:
            guests, hosts = hosts[1:], hosts[:1]
    # "X hosted a dinner (in May) where A told B": A and B were X's guests; the parser may
    # hang the clause on the date in between.
    heads = [noun] + [g for c in (gov.children if gov is not None and via == "dobj" else ())
                      if c.dep_ == "prep" and c.i > noun.i for g in c.children]
    for c in (c for h in heads for c in h.children):
        if c.dep_ == "relcl" and any(g.lower_ == "where" for g in c.children):
            guests += _at_it(p, c)
    if via in ("at", "during") and gov is not None and hosts \
            and gov.lemma_.casefold() in TELL | {"meet"}:
        guests += _at_it(p, gov)  # "A told B at a dinner hosted by X"
    if via == "at" and gov is not None and not hosts:
        # "X met Y at a dinner": handled by the verb; "X spoke at a dinner for Y" is no meeting.
        return []
    hosts = [h for h in dict.fromkeys(hosts) if h not in guests]
    guests = list(dict.fromkeys(guests))
    return hosts + guests if hosts and guests else []


def call_parties(p: Parties, noun: Token, gov: Token | None) -> list[str]:
    """Caller and callee of "X paid a courtesy call on Y"; [] for telephone calls and the like."""
    courtesy = any(c.lower_ in ("courtesy", "farewell", "protocol") for c in noun.children)
    paid = gov is not None and gov.lemma_.casefold() in TRIP_LIGHT_VERBS and noun.dep_ == "dobj"
    if not (courtesy or paid):
        return []
    on = p.prep_objects(noun, ("on", "upon"))
    if gov is not None and not on:
        on = p.prep_objects(gov, ("on", "upon"))
    callers = p.subjects(gov, agent=False) if gov is not None and noun.dep_ == "dobj" else []
    callers = [k for k in callers if k not in on]
    return callers + on if callers and on else []
