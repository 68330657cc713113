"""Words of a journey: the verbs of going somewhere and the nouns of a trip, one lexicon for all.

Several rules read travel: a journey's destination is a meeting's place (:mod:`place`), its
day is not the meeting's (:mod:`timex`, :mod:`dating`), its traveller is the own side of the
talks that follow (:mod:`travellers`), its countries are a group's (:mod:`groups`), and a
meeting hoped for on a trip is planned (:mod:`status`). Each adds the words its reading needs
to these cores, so a verb or noun of travel is added once for all of them.

>>> "fly" in TRAVEL_VERBS and "visit" not in TRAVEL_VERBS
True
>>> sorted(TRIP_NOUNS)
['tour', 'trip', 'visit']

Visiting places is a journey too, not a meeting (:func:`visits_places`). Where a journey goes
is read one way by every rule (:func:`journey_to`): a meeting's place, a group's countries
visited, a place written as a person's name; and who can travel one way (:func:`traveller`).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from kg.extract.entities.roles import person_noun
from kg.extract.walks import first_conjunct

__all__ = ["TRAVEL_VERBS", "TRIP_NOUNS", "TRIP_LIGHT_VERBS", "PLACE_LABELS", "TOWARDS",
           "DESTINATION", "LEAVE_FOR", "VISIT", "journey_to", "traveller", "visits_places"]

#: Verbs of going somewhere: their subject travels, and what they lead to is at the destination.
TRAVEL_VERBS = frozenset({"leave", "fly", "travel", "go", "head", "come", "return", "arrive"})
#: Nouns of a trip ("her visit to Japan", "a three-day tour").
TRIP_NOUNS = frozenset({"visit", "trip", "tour"})
#: Verbs a trip or a call is made with ("paid a visit last week", "made a courtesy call").
TRIP_LIGHT_VERBS = frozenset({"pay", "make"})
#: NER labels of a place one travels to.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions that send a journey to its place ("flew to Valoria", "went into Norland").
TOWARDS = frozenset({"to", "into"})
#: Prepositions that send a journey where a meeting may be: "fly to Tokyo for talks", "left
#: for Tokyo to attend the talks".
DESTINATION = TOWARDS | {"for"}
#: Travel verbs whose "for" names where the journey goes ("will leave for Valoria").
LEAVE_FOR = frozenset({"leave", "head"})
#: Journeys whose object is the place they go to ("visited Valoria", "toured Norland").
VISIT = frozenset({"visit", "tour"})
#: Nouns of a journey a preposition can send to a place: the trip nouns and the other nouns of
#: going ("a mission to Valoria", "a swing to Norland").
_JOURNEY_NOUNS = TRIP_NOUNS | {"journey", "mission", "swing", "stop", "stopover"}


def journey_to(place: Token, preps: Collection[str] = TOWARDS, *,
               leave_for: bool = False) -> Token | None:
    """The journey whose place ``place`` is, the one reading of a destination the rules share:
    the verb of travel or the trip noun whose preposition of ``preps`` governs it ("flew to
    Valoria", "a trip to Valoria"; a rule that reads where a journey comes from, or is, passes
    "from", "in" ...), with ``leave_for`` a leaving whose "for" does ("will leave for
    Valoria"; "for" in ``preps`` sends every journey), or the visit it is the object of
    ("visited Valoria"). A later item of a list is where the list's first goes ("flew to
    Valoria and Norland"). None when ``place`` is no journey's.

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ann Lee flew to Valoria and Norland, then left for Ostland.")
    >>> [journey_to(t, leave_for=True).text for t in doc
    ...  if t.text in ("Valoria", "Norland", "Ostland")]
    ['flew', 'flew', 'left']
    >>> journey_to(load_nlp()("Ann Lee lives in Valoria.")[4]) is None
    True
    """
    tok = first_conjunct(place)
    head = tok.head
    if tok.dep_ == "dobj":
        return head if head.lemma_.casefold() in VISIT else None
    if tok.dep_ != "pobj":
        return None
    journey = head.head
    lemma = journey.lemma_.casefold()
    prep = head.lower_
    # the lemma, not the tag, tells a verb of travel: the tagger calls "returns" a noun; but
    # "of" sends only a trip ("a tour of Valoria"), not "the head of Valoria's bank"
    if prep in preps and (lemma in _JOURNEY_NOUNS or lemma in TRAVEL_VERBS and prep != "of") \
            or leave_for and prep == "for" and lemma in LEAVE_FOR:
        return journey
    return None


def traveller(verb: Token) -> bool:
    """Whether ``verb``'s subject, where it has one, can travel: a name, a pronoun or a noun
    for a person, not a thing ("the post went to ...", "shipments will head to ...").

    >>> from kg.extract.pipeline import load_nlp
    >>> [traveller(load_nlp()(s)[2]) for s in ("Ann Lee flew to Oslo.", "Grain shipments went.")]
    [True, False]
    """
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.pos_ in ("PROPN", "PRON") or person_noun(subject)


def visits_places(verb: Token) -> bool:
    """Whether ``verb`` is "visit" with a place among its objects. One place makes the whole
    list places, since NER may call one town of "visits Leeds, Derby and Truro" a person, and
    NER's organisation is a place when a "where" clause describes it.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> doc = Doc(Vocab(), words=["Ann", "visits", "Leeds", "and", "Derby"],
    ...           lemmas=["Ann", "visit", "Leeds", "and", "Derby"], heads=[1, 1, 1, 2, 2],
    ...           deps=["nsubj", "ROOT", "dobj", "cc", "conj"],
    ...           ents=["B-PERSON", "O", "B-GPE", "O", "B-PERSON"])
    >>> visits_places(doc[1])
    True
    """
    if verb.lemma_.casefold() != "visit":
        return False
    objs = [t for c in verb.children if c.dep_ == "dobj" for t in (c, *c.conjuncts)]
    # "will visit Eastfield, where ...": what a "where" clause describes is a place (the
    # parser may hang the clause on the verb)
    return any(t.ent_type_ in PLACE_LABELS or any(
        c.dep_ in ("relcl", "advcl") and c.i > t.i
        and any(g.lower_ == "where" and g.i < c.i for g in c.subtree)
        for c in (*t.children, *verb.children)) for t in objs)
