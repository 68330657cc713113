"""The party whose journey a story has just told: the own side of talks it then names alone.

Reports of a visit name the visitor with the journey and the host with the talks: "X flew
to Oslo on Sunday. The talks with Y focused on trade." A meeting noun whose counterpart is
named ("with Y") and whose own side is not takes the visitor: the named subject of a verb
of travel ("X arrived in", "X flew to", "X is visiting") in the sentence itself or the two
before, or the named owner of a visit ("X's visit", "a visit by X"). The nearest journey
counts: its travellers, the counterpart left out.

A trip for talks that names no party of its own ("X will fly to Tokyo for talks", "X and Y
visit Japan next week for farm talks") is talks with the government of the place: the
country visited, or the country whose capital it is, when the article names that country;
so are talks told alone just after such a journey ("X flew to Tokyo. The talks focused on").

>>> sorted(JOURNEY_VERBS)[:4]
['arrive', 'come', 'fly', 'head']
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from kg.extract.gazetteer import capital_countries
from kg.extract.index import entity_key
from kg.extract.journeys import TRAVEL_VERBS, TRIP_NOUNS
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.trigger_syntax import governor
from kg.model import EntityType

__all__ = ["JOURNEY_NOUNS", "JOURNEY_VERBS", "journey_before", "traveller", "trip_parties"]

#: Verbs whose subject travels to where the talks are: arriving or visiting, not leaving.
JOURNEY_VERBS = TRAVEL_VERBS - {"go", "leave", "return"} | {"visit", "land", "tour"}
#: Nouns of a journey whose owner ("X's visit", "a visit by X") is the traveller.
JOURNEY_NOUNS = TRIP_NOUNS | {"journey", "mission"}
#: Verbs of a trip whose "for" phrase says what it is for ("leave for Oslo for talks").
_TRIP_VERBS = JOURNEY_VERBS | TRAVEL_VERBS
#: How many sentences before the talks may tell the journey.
_BACK = 2


def traveller(trig: Token, p: Parties, counterparts: Sequence[str]) -> list[str]:
    """The named travellers of the nearest journey told in the sentence of ``trig`` (before
    or around it) or the ``_BACK`` sentences before; empty when there is none."""
    doc = trig.doc
    sent = trig.sent
    for back in range(_BACK + 1):
        if sent.start == 0 and back > 0:
            break
        if back > 0:
            sent = doc[sent.start - 1].sent
        found: list[str] = []
        for t in sent:
            lemma = t.lemma_.casefold()
            if t.pos_ == "VERB" and lemma in JOURNEY_VERBS:
                found += [k for c in t.children if c.dep_ in ("nsubj", "nsubjpass")
                          for k in p.expand(c)]
            elif t.pos_ == "NOUN" and lemma in JOURNEY_NOUNS:
                found += [k for c in t.children if c.dep_ == "poss" for k in p.expand(c)]
                found += p.prep_objects(t, ("by",))
        keys = [k for k in dict.fromkeys(found) if p.eligible(k) and k not in counterparts]
        if found:
            return keys
    return []


def trip_parties(trig: Token, p: Parties) -> tuple[list[str], list[str]] | None:
    """The travellers and the countries visited of a trip for talks ("X flew to Tokyo for
    talks": X and Japan), when the meeting noun ``trig`` is what the trip is for; None when
    the trip or its destination is not told."""
    gov, via = governor(trig)
    if gov is None or via != "for" or gov.lemma_.casefold() not in _TRIP_VERBS:
        return None
    if any(p.eligible(k) for t in (gov, trig) for k in p.prep_objects(t, ("with",))):
        return None  # "went on to Paris for talks tomorrow with Acme": Acme is met, not France
    return _trip(gov, p, trig.i)


def journey_before(trig: Token, p: Parties) -> tuple[list[str], list[str]] | None:
    """The travellers and the country visited of the journey the sentence just before the
    talks ``trig`` tells ("X flew to Tokyo on Monday. The talks focused on trade")."""
    if trig.sent.start == 0:
        return None
    for verb in trig.doc[trig.sent.start - 1].sent:
        if verb.pos_ == "VERB" and verb.lemma_.casefold() in _TRIP_VERBS:
            trip = _trip(verb, p, len(trig.doc))
            if trip is not None:
                return trip
    return None


def _trip(verb: Token, p: Parties, before: int) -> tuple[list[str], list[str]] | None:
    """The travellers of a journey ``verb`` and the countries it goes to (named before the
    token ``before``): a country, or a capital of a country the article names."""
    lemma = verb.lemma_.casefold()
    places = [c for c in verb.children if c.dep_ == "dobj" and lemma == "visit"]
    places += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "for")
               for g in c.children if g.dep_ == "pobj" and g.i < before]
    countries: list[str] = []
    for place in (t for d in places for t in (d, *d.conjuncts)):
        for k in p.index.keys_of(place):
            e = p.index.get(k)
            if e is None:
                continue
            if e.type is EntityType.COUNTRY:
                countries.append(k)
                continue
            named = [entity_key(c, EntityType.COUNTRY) for c in capital_countries(e.label)]
            countries += [c for c in named if p.index.get(c) is not None][:1]
    countries = list(dict.fromkeys(countries))
    travellers = [k for k in dict.fromkeys(p.subjects(verb)) if p.eligible(k)
                  and k not in countries]
    return (travellers, countries) if travellers and countries else None
