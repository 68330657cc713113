"""The party whose journey a story has just told: the own side of talks it then names alone.

Reports of a visit name the visitor with the journey and the host with the talks: "X flew
to Oslo on Sunday. The talks with Y focused on trade." A meeting noun whose counterpart is
named ("with Y") and whose own side is not takes the visitor: the named subject of a verb
of travel ("X arrived in", "X flew to", "X is visiting") in the sentence itself or the two
before, or the named owner of a visit ("X's visit", "a visit by X"). The nearest journey
counts: its travellers, the counterpart left out.

>>> sorted(JOURNEY_VERBS)[:4]
['arrive', 'come', 'fly', 'head']
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from kg.extract.parties import Parties

__all__ = ["JOURNEY_NOUNS", "JOURNEY_VERBS", "traveller"]

#: Verbs whose subject travels to where the talks are.
JOURNEY_VERBS = frozenset({"arrive", "fly", "travel", "visit", "come", "head", "land", "tour"})
#: Nouns of a journey whose owner ("X's visit", "a visit by X") is the traveller.
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "journey", "mission"})
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
