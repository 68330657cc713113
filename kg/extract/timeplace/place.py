"""The place of an event: a locative phrase, a compound, a place noun or a journey's end.

"In Moscow", "Moscow talks", "the presidential residence", the destination of the journey
the event is for, the place a party is in for it ("X, in Oslo for talks"), the trip or event it
is part of ("on the sidelines of the summit in Oslo"), an arrival it follows, or the place a
"where" clause telling it hangs on.

>>> "residence" in _PLACE_NOUNS and "stopover" in _TRIP_NOUNS
True
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import timedelta

from spacy.tokens import Span, Token

from kg.extract.journeys import DESTINATION, TRAVEL_VERBS, TRIP_NOUNS, VISIT, journey_to
from kg.extract.meeting_words import AFTER, PERSON_ONLY
from kg.extract.timeplace.day_roles import journey_days, times_in
from kg.extract.timeplace.recency import VISIT_DAYS
from kg.extract.timeplace.tense import journey_tense
from kg.extract.timeplace.timex import ADDRESS_WORDS, host_of
from kg.extract.walks import stranded_subject

__all__ = ["attached_place", "is_trip_of", "place_label"]

_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})
#: Events a meeting can take place at ("met X at the summit in Brussels").
_SETTINGS = frozenset({"summit", "meeting", "conference", "session", "gathering", "forum",
                       "congress", "convention", "assembly"})
#: Common nouns that name where a meeting is held.
_PLACE_NOUNS = frozenset({"residence", "palace", "hotel", "office", "headquarters", "embassy",
                          "retreat", "ranch", "villa", "mansion", "resort", "castle", "chancellery",
                          "airport", "base", "compound", "hall", "farm", "estate", "house"})
#: Meeting nouns a purpose phrase names ("met X for talks in Oslo").
_TALKS = frozenset({"talk", "discussion", "negotiation", "dinner", "lunch"})


def attached_place(sent: Span, anchors: set[int], parties: Collection[int]) -> Span | None:
    """The place of the event: a locative PP on an anchor, or on a party named before it.

    ``parties`` are the party tokens' indices, every item of a party list
    (:func:`kg.extract.walks.list_items`): "meet X in Moscow" may attach "in Moscow" to X,
    "met A, B and C in Oslo" to C, "talks with his counterpart X in Oslo" to X.
    """
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root = ent.root
        if root.dep_ == "compound" and (root.head.i in anchors or any(
                sent.doc[a].dep_ == "compound" and sent.doc[a].head.i == root.head.i
                and root.i < a for a in anchors)):
            return ent  # "Moscow talks", "the Oslo summit accord"
        if root.dep_ != "pobj" or root.head.lower_ not in _LOCATIVE:
            continue
        host = root.head.head
        if host.dep_ == "acomp" and host.head.i in anchors:
            host = host.head  # "is due in Moscow for talks": where the subject will be
        if _held(host, anchors) or _on_party(host, root, anchors, parties) \
                or _there_for(host, anchors):
            return ent
        if host.lemma_.casefold() in _SETTINGS and _inside(host, anchors, ("at", "during")):
            # "met X at the summit in Brussels", "on the sidelines of the summit in Brussels":
            # where that summit was
            return ent
    for ent in sent.ents:
        # "leave for Rome to attend the talks", "fly to Tokyo for talks": the
        # destination of the journey the meeting is the purpose of.
        root = ent.root
        journey = journey_to(root, DESTINATION)
        # a verb of going (tagged a noun too: "his return to Oslo") or a visit, not a trip noun
        if ent.label_ in ("GPE", "LOC") and journey is not None \
                and journey.lemma_.casefold() in TRAVEL_VERBS | VISIT \
                and (journey.i in anchors or any(c.i in anchors and c.i > journey.i
                                                 and _same_clause(c, journey, ent)
                                                 for c in journey.conjuncts)) \
                and not _before_journey(sent, anchors, journey):
            return ent  # (and "will fly to Rome next week and meet X", "will visit Oslo")
        if ent.label_ in ("GPE", "LOC") and root.dep_ == "dobj" and root.head.dep_ == "acl" \
                and root.head.tag_ == "VBG" and root.head.lemma_.casefold() == "visit" \
                and _on_the_event(root.head.head, anchors):
            return ent  # "X, visiting Rome, met Y"
        if ent.label_ in ("GPE", "LOC") and root.dep_ == "pobj" and root.head.lower_ in (
                "in", "at") and _arrival_before(root.head.head, anchors):
            return ent  # "met X after arriving in Oslo", "talks with X on arrival in Oslo"
    where = _where_clause(sent, anchors)
    if where is not None:
        return where
    for tok in sent:
        # "met at Westminster": a capitalised name NER left untyped, after "in"/"at".
        if tok.dep_ == "pobj" and tok.pos_ == "PROPN" and not tok.ent_type_ \
                and tok.text[:1].isupper() and tok.head.lower_ in ("in", "at") \
                and tok.head.head.i in anchors and not any(
                    t.ent_type_ or t.pos_ != "PROPN" for t in tok.subtree):
            return sent.doc[tok.left_edge.i : tok.i + 1]
    for tok in sent:
        # "met at No 10": the house number British news names the prime minister's office by
        # (the parser hangs either word under "at")
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") \
                and _held(tok.head.head, anchors):
            for word, num in ((tok.i - 1, tok.i), (tok.i, tok.i + 1)):
                if sent.start <= word and num < sent.end and sent.doc[num].like_num \
                        and sent.doc[word].lower_ in ADDRESS_WORDS:
                    return sent.doc[word : num + 1]
    for tok in sent:
        if tok.lower_ == "here" and tok.dep_ == "advmod" and (
                tok.head.i in anchors or tok.head.i in parties and tok.i > tok.head.i):
            # "met here", "the talks here", "talks with the two ministers here": the
            # dateline's place, written as the wire writes it
            return sent.doc[tok.i : tok.i + 1]
    trip = _trip_place(sent, anchors)
    if trip is not None:
        return trip
    for tok in sent:
        # "met in the presidential residence", "at his mountain retreat": a place noun.
        # ("a reception given by X at the city hall": the phrase may hang on the host)
        host = tok.head.head
        if tok.dep_ == "pobj" and tok.lemma_.casefold() in _PLACE_NOUNS \
                and tok.head.lower_ in _LOCATIVE and (_held(host, anchors) or host.i in parties
                                                       and tok.head.i > host.i):
            return tok.doc[tok.left_edge.i : tok.i + 1]
    return None


def _on_party(host: Token, place: Token, anchors: set[int], parties: Collection[int]) -> bool:
    """Whether ``host``, which a locative before ``place`` hangs on, is the other side of
    the meeting, or the body or company its people are "of" ("met officials of the Trade
    Board in Geneva": the parser hangs the place on the body's name)."""
    if host.dep_ == "pobj" and host.head.lower_ == "of" and host.head.dep_ == "prep" \
            and host.i not in parties:
        host = host.head.head
    return host.i in parties and place.head.i > host.i or _on_object(host, anchors)


def _held(host: Token, anchors: set[int]) -> bool:
    """Whether a locative phrase on ``host`` places the event: ``host`` is an anchor, or the
    talks an anchor is for ("met X for talks in Downing Street")."""
    return host.i in anchors or (host.lemma_.casefold() in _SETTINGS | _TALKS
                                 and host.dep_ == "pobj" and host.head.lower_ == "for"
                                 and host.head.head.i in anchors)


def _on_object(host: Token, anchors: set[int]) -> bool:
    """Whether ``host`` is the other side of the meeting, named after an anchor verb as its
    object or the object of its "to" or "with", that the parser hung the verb's locative on
    ("was talking to creditors in Oslo during the meeting", "met the opposition in Oslo").
    The object of a verb of taking something up is the topic, and a place on it is the
    topic's ("discussed the war in Valoria with Y")."""
    head = host.head.head if host.dep_ == "pobj" and host.head.dep_ == "prep" else host.head
    return (host.dep_ == "dobj" and head.lemma_.casefold() in _MEETS_OBJECT
            or host.dep_ == "pobj" and host.head.lower_ in ("to", "with")) \
        and host.pos_ == "NOUN" and head.i in anchors and head.pos_ == "VERB" and head.i < host.i


#: Verbs whose object is whom the subject meets ("called the attack a crime" names none).
_MEETS_OBJECT = PERSON_ONLY - {"call"} | {"meet"}


def _there_for(host: Token, anchors: set[int]) -> bool:
    """Whether ``host`` is also said to be there for the event: "X, in Oslo for talks with
    Y", "when he is in Oslo for the Acme Bank (AB) meeting" (the meeting word the parser
    apposed to the body's name)."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.i in anchors or any(a.dep_ == "appos" and a.i in anchors for a in g.children)
        for g in c.children if g.dep_ == "pobj") for c in host.children)


#: Parts of an event: "on the sidelines of the summit", "at the start of his visit".
_PARTS = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes", "start",
                    "beginning", "end", "close", "conclusion", "opening", "middle", "course"})


def _inside(host: Token, anchors: set[int], direct: tuple[str, ...]) -> bool:
    """Whether the event of noun ``host`` is where an anchor happened: ``host`` is the object
    of one of the ``direct`` prepositions on an anchor ("met X at the summit"), or of the
    "of" of a part of it that is ("on the sidelines of the summit", "at the start of his
    visit")."""
    cur, preps = host, direct
    for _ in range(3):
        if cur.dep_ != "pobj":
            return False
        prep = cur.head
        if prep.lower_ in preps and prep.head.i in anchors:
            return True
        if prep.lower_ != "of" or prep.head.lower_ not in _PARTS \
                and prep.head.lemma_.casefold() not in _PARTS:
            return False
        cur, preps = prep.head, ("at", "on", "in", "during", "towards", "toward")
    return False


def _where_clause(sent: Span, anchors: set[int]) -> Span | None:
    """The place a "where" clause telling the event hangs on: "flew to Rome, where he met
    X"."""
    for i in sorted(anchors):
        verb = sent.doc[i]
        where = [c for c in verb.children if c.dep_ == "advmod" and c.lower_ == "where"]
        if verb.dep_ != "relcl" or not where:
            continue
        for ent in sent.ents:
            # the place the clause hangs on, or one written just before it that the parser
            # passed over for a date ("flew to Rome yesterday, where he met X")
            if ent.label_ in ("GPE", "LOC", "FAC") and (
                    ent.start <= verb.head.i < ent.end or ent.end <= verb.head.i < where[0].i
                    and where[0].i - ent.end <= 2):
                return ent
    return None


#: Arriving: the meeting told as coming after it is held where the traveller arrived.
_ARRIVE = frozenset({"arrive", "arrival", "land"})


def _arrival_before(tok: Token, anchors: set[int]) -> bool:
    """Whether ``tok`` is an arrival the event follows: "after arriving", "on his arrival"."""
    return tok.lemma_.casefold() in _ARRIVE and tok.dep_ in ("pcomp", "pobj") \
        and tok.head.lower_ in ("after", "on", "upon", "following") and tok.head.head.i in anchors


def _same_clause(verb: Token, journey: Token, place: Span) -> bool:
    """Whether ``verb``, joined to ``journey`` to ``place``, tells the same outing: "will fly
    to Rome and meet X", "flew to Rome on Monday and met X on Tuesday", "went to Rome and met
    X there" met X in Rome; "visited Rome last year and will meet X" (a past journey, a
    meeting ahead) and "flew to Rome in May and met X on Monday" (days far apart) did not
    tell where X was met; nor did "flew to Rome, went on to Oslo and met X" or "went to Rome,
    returned on Monday and met X": another journey between them ends the outing; nor
    "Y flew to Rome, and Z met X": another named traveller's."""
    if any(journey.i < c.i < verb.i and _elsewhere(c, place) for c in journey.conjuncts):
        return False
    if any(c.dep_ == "advmod" and c.lower_ == "there" for c in verb.children):
        return True  # "Y flew to Rome, and Z met X there": whoever met, it was in Rome
    if _other_subject(verb, journey):
        return False
    tenses = {journey_tense(verb), journey_tense(journey)}
    return not {True, False} <= tenses and not _far_apart(verb, journey)


def _other_subject(verb: Token, journey: Token) -> bool:
    """Whether ``verb`` has a named subject of its own that is not ``journey``'s ("Y flew to
    Rome, and Z met X"); a pronoun or a common noun ("he", "the two men") may be the
    traveller, one of several travellers may be named again ("Y and W flew to Rome, and W met
    X"), and a named host may meet the traveller there ("Y flew to Rome, and Z met him")."""
    def subject(v: Token) -> Token | None:
        return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")),
                    None) or stranded_subject(v)
    own, traveller = subject(verb), subject(journey)
    if own is None or own.pos_ != "PROPN":
        return False
    travellers = set() if traveller is None else {
        t.lower_ for t in (traveller, *traveller.conjuncts)}
    met = [o for c in verb.children for o in (c, *c.children)
           if o.dep_ == "dobj" or o.dep_ == "pobj" and o.head.lower_ in ("with", "to")]
    return own.lower_ not in travellers and not any(
        o.pos_ == "PRON" or o.lower_ in travellers for o in met)


#: Going away from where a journey went ("returned on Monday", "left on Tuesday").
_AWAY = frozenset({"return", "leave"})


def _elsewhere(verb: Token, place: Span) -> bool:
    """Whether ``verb`` goes away from ``place`` or on to another place ("returned",
    "went on to Oslo"); "arrived on Monday", "toured the capital", "left his hotel" stay
    there."""
    if verb.lemma_.casefold() in _AWAY:
        # not "left his hotel", "returned to the embassy": a building of the place
        return not any(o.lemma_.casefold() in _PLACE_NOUNS for c in verb.children
                       for o in (c, *c.children) if o.dep_ == "dobj"
                       or o.dep_ == "pobj" and o.head.lower_ == "to")
    # a name, however NER typed it; "the capital" may be the same place's
    return verb.lemma_.casefold() in TRAVEL_VERBS | VISIT and any(
        t.pos_ == "PROPN" and t.text not in place.text and journey_to(t, DESTINATION) == verb
        for t in verb.subtree)


def _far_apart(verb: Token, journey: Token) -> bool:
    """Whether ``verb`` and ``journey`` are each dated, and ``verb``'s days are not within
    the journey's days and the visit's first days after them; with no publication date, any
    two dates are far apart."""
    published = verb.doc._.kg_published
    own, trip = ([e for e in times_in(verb.sent) if host_of(e).i == v.i]
                 for v in (verb, journey))
    if not own or not trip:
        return False
    if published is None:
        return True
    days, trip_days = journey_days(own[0], published), journey_days(trip[0], published)
    if days is None or trip_days is None or days.start is None or days.end is None \
            or trip_days.start is None or trip_days.end is None:
        return True
    return days.end < trip_days.start \
        or days.start > trip_days.end + timedelta(days=VISIT_DAYS)


def _before_journey(sent: Span, anchors: set[int], journey: Token) -> bool:
    """Whether the meeting comes before the journey rather than being its purpose: "will
    leave for Zurich after meeting X" did not meet X in Zurich."""
    return any(sent.doc[a].dep_ == "pcomp" and sent.doc[a].head.head.i == journey.i
               and sent.doc[a].head.lower_ in AFTER | {"since"} for a in anchors)


def _on_the_event(tok: Token, anchors: set[int]) -> bool:
    """Whether ``tok`` is the event or its subject ("Y, on a visit to Japan, met X")."""
    return tok.i in anchors or tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i in anchors


def place_label(span: Span | None) -> str | None:
    """The place as written, without a leading "the" ("the White House" -> "White House"),
    with the region or country set off after a town ("Akron, Ohio")."""
    if span is None:
        return None
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_iob_ == "B" \
            and doc[end + 1].ent_type_ in ("GPE", "LOC"):
        region = next(e for e in doc.ents if e.start == end + 1)
        if region.root.dep_ == "appos" and span.start <= region.root.head.i < end:
            span = doc[span.start : region.end]
    text = " ".join(span.text.split())
    return text[4:] if text.casefold().startswith("the ") else text


#: Nouns of a trip: "met X during her visit to Japan" took place in Japan.
_TRIP_NOUNS = TRIP_NOUNS | {"stay", "stop", "stopover", "mission"}


def is_trip_of(host: Token, anchors: set[int], above: set[int] | None = None) -> bool:
    """Whether trip noun ``host`` is told as holding the event of ``anchors``: "met X during a
    visit to Japan", "Y, on a visit to Japan, met X", a meeting told in a clause on the trip
    ("a visit to Japan during which he met X"), or a part of it ("at the start of his visit")."""
    if host.lemma_.casefold() not in _TRIP_NOUNS:
        return False  # most nouns: the anchors' ancestors are not needed
    doc = host.doc
    if above is None:  # the anchors with their ancestors; a caller looping may pass its own
        above = {a.i for i in anchors for a in doc[i].ancestors} | anchors
    return (
        host.dep_ == "pobj" and host.head.lower_ in ("during", "on", "in")
        and _on_the_event(host.head.head, anchors)
        or host.i in above - anchors or host.head.lower_ == "of" and _inside(host, anchors, ()))


def _trip_place(sent: Span, anchors: set[int]) -> Span | None:
    """The place of the trip the meeting is said to be part of: "during her visit to
    Japan", "during a stopover in Lisbon", and "While in Madrid, he said he hopes to meet
    X" (the clause scopes over the sentence's verbs)."""
    doc = sent.doc
    above = {a.i for i in anchors for a in doc[i].ancestors} | anchors
    for ent in sent.ents:
        root = ent.root
        if ent.label_ not in ("GPE", "LOC") or root.dep_ != "pobj":
            continue
        prep = root.head
        host = prep.head
        if prep.lower_ in ("to", "of", "in") and is_trip_of(host, anchors, above):
            return ent
        if prep.lower_ == "in" and prep.i < host.i and host.i in above and any(
                c.dep_ == "mark" and c.lower_ == "while" and c.i == prep.i - 1
                for c in host.children):
            return ent
    return None
