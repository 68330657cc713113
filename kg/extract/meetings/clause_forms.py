"""Two clause forms the status rules read: an arrangement told in the present progressive
("is meeting Y on Saturday") and a journey told in the passive that a denial denies with its
meeting ("denied he was sent to Valoria to meet Y")."""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.gazetteer import MONTHS, WEEKDAYS
from kg.extract.journeys import PLACE_LABELS, TOWARDS
from kg.extract.meetings.status_words import BEHIND_MODS
from kg.extract.timeplace.month_day import is_month_day
from kg.extract.timeplace.recency import progressive
from kg.extract.timeplace.timex import is_journey

__all__ = ["arranged", "sent_to"]

#: Verbs that send someone on a journey told in the passive ("was sent to the summit",
#: "was summoned to the embassy", "was driven to the airport"); the journey verbs themselves
#: count too ("was flown to").
_SEND = frozenset({"send", "dispatch", "summon", "bring", "take", "post", "drive", "rush",
                   "recall", "ferry", "escort", "airlift", "evacuate", "deport"})


def arranged(verb: Token, time_text: str | None) -> bool:
    """Whether ``verb`` is a present progressive dated by a day of its own, the news form
    of an arrangement ("is meeting Y on Saturday", "are holding talks on March 20"); a time
    that is not one day ("this week", "today", "in March" in a March story) may be the talks
    under way, and a past one ("last Monday") is no arrangement."""
    if not time_text or not progressive(verb):
        return False
    words = {w.strip(".,").casefold() for w in time_text.split()}
    published = verb.doc._.kg_published
    months = {MONTHS[w] for w in words & MONTHS.keys()}
    # a month is one day with its day's number ("March 20", "the 20th of March"); alone it
    # is an arrangement only if it is not the report's own ("in April" in a March story)
    day = words & WEEKDAYS.keys() or months and (
        any(w[:1].isdigit() for w in words)
        or published is not None and published.month not in months) or any(
        is_month_day(w) for w in words)  # "on the 20th"
    return bool(day) and not words & BEHIND_MODS


def sent_to(verb: Token) -> bool:
    """Whether ``verb`` takes its subject somewhere ("was sent to Valoria", "was flown into
    Norland", "was sent to the summit"): a journey told in the passive, which a denial denies
    with its meeting; "was paid to meet Y" goes nowhere, nor does "was appointed to the
    board to meet Y" (a post, not a place: the appointment is denied, not the meeting)."""
    moves = is_journey(verb) or verb.lemma_.casefold() in _SEND
    return any(c.lower_ in TOWARDS and any(
        g.dep_ == "pobj" and (g.ent_type_ in PLACE_LABELS or moves and g.pos_ in ("NOUN", "PROPN"))
        for g in c.children) for c in verb.children)
