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

Visiting places is a journey too, not a meeting (:func:`visits_places`).
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["TRAVEL_VERBS", "TRIP_NOUNS", "TRIP_LIGHT_VERBS", "PLACE_LABELS", "visits_places"]

#: Verbs of going somewhere: their subject travels, and what they lead to is at the destination.
TRAVEL_VERBS = frozenset({"leave", "fly", "travel", "go", "head", "come", "return", "arrive"})
#: Nouns of a trip ("her visit to Japan", "a three-day tour").
TRIP_NOUNS = frozenset({"visit", "trip", "tour"})
#: Verbs a trip or a call is made with ("paid a visit last week", "made a courtesy call").
TRIP_LIGHT_VERBS = frozenset({"pay", "make"})
#: NER labels of a place one travels to.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


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
