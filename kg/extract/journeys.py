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
"""

from __future__ import annotations

__all__ = ["TRAVEL_VERBS", "TRIP_NOUNS"]

#: Verbs of going somewhere: their subject travels, and what they lead to is at the destination.
TRAVEL_VERBS = frozenset({"leave", "fly", "travel", "go", "head", "come", "return", "arrive"})
#: Nouns of a trip ("her visit to Japan", "a three-day tour").
TRIP_NOUNS = frozenset({"visit", "trip", "tour"})
