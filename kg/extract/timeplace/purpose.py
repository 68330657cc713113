"""The journey a meeting is the purpose of, told as done: "X arrived in Oslo for talks with Y",
"X flew to Oslo to meet Y" (the talks still ahead of the journey, as the guide reads "arrives
for talks with"), read by the status rules and by :mod:`kg.extract.timeplace.dating`.

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Ann Lee flew to Oslo to meet Bo Chan.")
>>> journey_for(next(t for t in doc if t.text == "meet")).text
'flew'
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from kg.extract.journeys import TRAVEL_VERBS
from kg.extract.meeting_words import AFTER, ATTEND, LIGHT_VERBS, TAKE_PART, TOPIC, VERB_TRIGGERS
from kg.extract.timeplace.day_roles import after_trip, days_of, journey_days, times_in
from kg.extract.timeplace.recency import NOT_PURPOSE, REPORT, in_main_clause
from kg.extract.timeplace.tense import journey_tense, perfect, time_ahead
from kg.extract.timeplace.timex import host_of, is_journey
from kg.extract.timeplace.when import resolve_span
from kg.extract.walks import clause_verb
from kg.model import DateSpan

__all__ = ["journey_behind", "journey_for", "purpose_path"]


def purpose_path(trigger: Token, verb: Token) -> list[Token] | None:
    """The words from ``trigger`` up to ``verb`` when the meeting is the journey's purpose
    ("arrives ... for talks", "leaves to attend ... and to hold talks"); None otherwise."""
    path = [trigger]
    cur = trigger
    while cur.i != verb.i:
        if cur.dep_ in NOT_PURPOSE or cur.head.i == cur.i:
            return None
        cur = cur.head
        path.append(cur)
    return path


#: Words on the way up from a meeting to a journey that put the meeting before or after it,
#: or make it a topic, rather than make it the journey's purpose: "left after the talks",
#: "came from talks", "flew home to report on the talks".
_NOT_FOR = AFTER | TOPIC | {"before", "from"}
#: Infinitives of purpose that take part in a meeting ("to meet Y", "to attend the talks",
#: "to prepare for talks"); "to brief reporters on his talks" or "to explain the talks" tell
#: of talks already held.
_TO_MEET = VERB_TRIGGERS | LIGHT_VERBS | ATTEND | TAKE_PART | {"prepare"}


def journey_for(tok: Token) -> Token | None:
    """The journey told as done in a main clause whose purpose the meeting word ``tok`` (or
    the verb a meeting noun hangs on) is: "X arrived in Rome for talks with Y", "X flew to
    Oslo to meet Y", "X left for Rome to attend the talks"; None for a journey still ahead,
    one told in a subordinate clause ("X, who came for a meeting, said"), one the meeting
    comes before or after ("left after the talks"), one denied ("never flew to Oslo to meet
    Y"), one dated before the story's last days ("flew to Oslo on Monday to meet Y" in a
    Friday story), and one whose talks the sentence tells as over ("talks with Y, which
    ended without a deal", "... and returned on Thursday"). The guide reads such talks as
    still ahead of the journey ("arrives for talks with": planned).

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ann Lee arrived in Oslo for talks with Bo Chan.")
    >>> journey_for(next(t for t in doc if t.text == "talks")).text
    'arrived'
    >>> doc = load_nlp()("Ann Lee left Oslo after talks with Bo Chan.")
    >>> journey_for(next(t for t in doc if t.text == "talks")) is None
    True
    """
    own = clause_verb(tok)
    path = purpose_path(tok, own)
    if path is None or own.pos_ not in ("VERB", "AUX"):
        return None
    if own.i == tok.i or not is_journey(own):
        if own.dep_ not in ("advcl", "xcomp") or own.lemma_.casefold() not in _TO_MEET \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in own.children):
            return None
        journey = own.head  # "flew to Oslo to meet Y", "left to attend the talks"
        path = [*path, journey]
        if not is_journey(journey):
            return None
    else:
        journey = own  # "arrived in Oslo for talks"
        if not any(t.lower_ == "for" and t.dep_ == "prep" for t in path):
            return None
    if {t.lower_ for t in path} & _NOT_FOR:
        return None
    done = journey.tag_ == "VBD" or perfect(journey)
    if not done or not in_main_clause(journey, journey.sent) or _denied(journey) \
            or _told_over(tok, journey) or _dated_before(path, journey):
        return None  # "never flew to Oslo to meet Y": no journey, no talks ahead of it
    return journey


def _denied(journey: Token) -> bool:
    """Whether the journey is negated ("never flew to Oslo"), or told in a clause that is no
    report of it ("denied he flew to Oslo", "doubted he went"): only a verb of saying leaves
    its clause a journey told as done."""
    return any(c.dep_ == "neg" for c in journey.children) or journey.dep_ == "ccomp" \
        and journey.head.lemma_.casefold() not in REPORT


def _past(verb: Token) -> bool:
    """Whether ``verb`` is told in the past: "ended", "did not meet", "were described", "have
    ended" (a journey's tense, :func:`journey_tense`)."""
    return journey_tense(verb) is True


def _told_over(tok: Token, journey: Token) -> bool:
    """Whether the sentence tells the talks as over after all: a relative clause on the
    meeting says what they did or were ("talks with Y, which ended without a deal", "which
    he called useful"), a verb coordinated after the journey tells what came of it ("flew to
    Oslo to meet Y and returned on Thursday", "..., then flew home", "... but did not meet
    him"; not one that says something: "and said they would be hard"), or the journey has a
    later one ("... before flying home")."""
    told = any(t.dep_ in ("relcl", "acl") and _past(t) and any(
        c.tag_ == "WDT" or c.lower_ == "which" for c in t.children) for t in tok.subtree)
    return told or any(
        c.dep_ in ("conj", "dep") and c.i > journey.i and c.pos_ in ("VERB", "AUX")
        and c.lemma_.casefold() not in REPORT and _past(c)
        and not any(g.dep_ == "ccomp" for g in c.children) for c in journey.children) \
        or any(_later_journey(c) is not None for c in journey.children)


def _later_journey(prep: Token) -> Token | None:
    """The journey a "before" or "until" phrase tells of ("before flying home"), or None."""
    if prep.dep_ != "prep" or prep.lower_ not in ("before", "until"):
        return None
    return next((c for c in prep.children if c.dep_ == "pcomp" and is_journey(c)), None)


def journey_behind(path: list[Token], journey: Token) -> bool:
    """Whether the travel verb ``journey`` puts the meeting its purpose (``path``, the words
    from the meeting word up to it) behind: told in the simple past ("X, who flew to Oslo to
    meet Y, said"), or in the present perfect with its own time before the story ("has flown
    to Oslo on Monday to meet Y", in a Friday story). An undated perfect leaves its purpose
    ahead ("has returned to Oslo to consult Y"), as "has arrived for talks" does."""
    return journey.lemma_.casefold() in TRAVEL_VERBS and (
        journey.tag_ == "VBD" or perfect(journey) and _dated_before(path, journey))


def _dated_before(path: list[Token], journey: Token) -> bool:
    """Whether the journey (or the meeting) has its own time that lies before the story's day
    or the day before it ("flew to Oslo on Monday to meet Y" in a Friday story, "went to Oslo
    in 1998 for talks"): the talks are then as far behind; a time ahead, or none, leaves
    them ahead of the journey. A time of the meeting's own that lies ahead vetoes the
    journey's day ("has flown to Oslo on Monday to meet Y tomorrow", "... for talks that
    begin on Sunday"); one that holds the story's day ("this week", "today") does not. With
    no publication date to compare, any time counts but one of the meeting's own that says
    by its words it is ahead ("for talks tomorrow")."""
    published = journey.doc._.kg_published
    hosts = {t.i for t in path} | {journey.i}
    # a relative clause on the meeting word dates the meeting ("talks that begin on Sunday")
    hosts |= {c.i for c in path[0].children if c.dep_ in ("relcl", "acl")}
    times = [(ent, host.i) for ent in times_in(journey.sent) if (host := host_of(ent)).i in hosts]
    if published is None:
        return bool(times) and not any(at != journey.i and time_ahead(ent.text, True)
                                       for ent, at in times)
    # the journey's own days as dating reads them; a time ahead stays ahead ("next week")
    trip = next((journey_days(ent, published) for ent, at in times if at == journey.i), None)
    # the meeting's own weekday counts on from the journey's day ("flew yesterday to meet Y
    # on Monday": the Monday ahead); its other times are read in the past, as the journey is
    # told, unless they say they are ahead ("tomorrow", "next week")
    own = [_days_ahead(ent, published) or after_trip(ent.text, trip, published)
           or days_of(ent.text, ent, published, "happened", True)
           for ent, at in times if at != journey.i]
    # only days wholly ahead veto: a time that holds the story's day or ends on it ("this
    # week", "this year", "today", "later that week") says nothing against the journey's
    if any(days is not None and days.start is not None and days.end is not None
           and days.start >= published and days.end > published for days in own):
        return False
    days = [*own, *(journey_days(ent, published) for ent, at in times if at == journey.i)]
    return any(d is not None and d.end is not None and d.end < published - timedelta(days=1)
               for d in days)


def _days_ahead(ent: Span, published: date) -> DateSpan | None:
    """The days of a meeting's own time that says it is ahead of the story ("tomorrow",
    "next week", "this weekend" told on a Friday: no day of it lies behind the story, and
    it reaches past the story's day), read as planned; None for any other time."""
    ahead = resolve_span(ent.text, published, "planned", False)
    told = resolve_span(ent.text, published, "happened", True)
    if ahead is None or told is None or ahead.start is None or ahead.end is None \
            or told.start is None:
        return None
    return ahead if ahead == told and ahead.start > published \
        or told.start >= published and ahead.end > published else None
