"""A meeting report's interval read from its sentence: the time of the meeting's own predicate,
the journey the meeting is the purpose of, the phase of a meeting of several days, and dates
that refer back to another one ("the same day").

:func:`kg.extract.timeplace.when.resolve_span` turns one time expression into days; this module
decides what those days are to the meeting:

- a time that modifies the meeting (its verb, its noun, a verb the meeting is the subject of)
  is the meeting's day; a meeting of several days ("two-day talks") runs from it;
- a time that modifies a journey the meeting is the purpose of ("arrives on Wednesday for
  talks", "will travel on May 3 ... and will meet") starts a visit: the meeting falls within
  the following :data:`~kg.extract.timeplace.recency.VISIT_DAYS` days; "before flying home
  on Friday" ends one; a journey told as done with no time ("X arrived in Rome for talks
  with Y", :func:`~kg.extract.timeplace.purpose.journey_for`; not one denied, dated days
  before the story or told as over) is the story's day or the day before, and its talks
  follow it within those days, ahead of the story as much as behind it, whatever status
  the talks have;
- "opened on Monday" starts and "ended on Tuesday" ends a meeting of several days (of
  :data:`~kg.extract.timeplace.day_roles.SEVERAL_DAYS` when its noun does not say how many);
- "the same day", "the following day", "two days later" count from the nearest date named
  before them, in the sentence or the two before it.

A report with no time at all may still be dated by an earlier sentence that tells the same
meeting (:mod:`kg.extract.timeplace.earlier_mention`, once all reports of the story are found).

>>> from datetime import date
>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Ann Lee arrives in Rome on Monday for talks with Bo Chan.")
>>> talks = next(t for t in doc if t.text == "talks")
>>> str(report_span(next(doc.sents), talks, None, date(2026, 3, 13), "planned"))
'2026-03-16/2026-03-19 (week)'
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from kg.extract.journeys import DESTINATION, TRIP_LIGHT_VERBS, TRIP_NOUNS
from kg.extract.meeting_words import AFTER, NOUN_TRIGGERS
from kg.extract.timeplace.counted import count_of
from kg.extract.timeplace.day_roles import (
    after_trip,
    apply_role,
    days_of,
    entity_of,
    held_day,
    journey_days,
    overlap,
    times_in,
)
from kg.extract.timeplace.ordered import order_of, ordered_apart, ordered_span, since_of
from kg.extract.timeplace.purpose import journey_for, purpose_path
from kg.extract.timeplace.recency import (
    VISIT_DAYS,
    fresh_span,
    ongoing,
)
from kg.extract.timeplace.tense import clause_tense, journey_tense, pluperfect
from kg.extract.timeplace.timex import host_of, is_journey
from kg.extract.timeplace.when import resolve_span, sole_date
from kg.extract.walks import clause_verb
from kg.model import DateSpan

__all__ = ["report_span", "duration_days"]

#: Nouns of a journey: "a visit from April 29", "his departure on Monday".
_JOURNEY_NOUNS = TRIP_NOUNS | {"journey", "departure", "arrival"}
#: Verbs a journey noun is made with: "will make a visit ... from April 29" (the parse may hang
#: the date on the verb).
_LIGHT = TRIP_LIGHT_VERBS | {"begin", "start"}
_START = frozenset({"open", "begin", "start", "resume", "convene"})
_END = frozenset({"end", "close", "conclude", "finish", "wind"})
#: How far back a meeting told as going on "since" a day may start and still be one meeting.
_SINCE_DAYS = 31
def duration_days(trigger: Token) -> int:
    """How many days the meeting runs, when its noun says so ("two-day talks", "three days of
    talks"); 1 otherwise."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return 1  # "Two days later, X met Y" says when, not how long
    words = [t.lower_ for t in trigger.subtree if t.i < trigger.i][-3:]
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_ == "day":
        words = [t.lower_ for t in trigger.head.head.subtree if t.i < trigger.head.head.i]
        words.append("day")
    m = re.search(r"\b(\w+)(?: |-| - )days?\b", " ".join(words).replace(" - ", "-"))
    if m is None:
        return 1
    n = count_of(m.group(1))
    return n if n is not None and 0 < n < 15 else 1


def _related(host: Token, trigger: Token) -> str | None:
    """What a journey ``host`` is to the meeting: "after" when the meeting is its purpose or
    follows it in a coordination ("will travel ... and will meet"), "before" when the path
    says so ("leaves after talks"); None when they are not related."""
    if host.pos_ in ("VERB", "AUX"):
        verb = host
    elif host.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        verb = host.head  # "will make a visit from May 2 and hold talks"
    else:
        return None  # "left after talks ahead of her visit next week": another journey
    if verb.i == trigger.i:
        return None
    path = purpose_path(trigger, verb)
    if path is None:
        # Joined by "and", the clauses keep the order they are told in: "met Y on Monday and
        # flew home on Wednesday" is a meeting before the journey, not after it.
        clause = clause_verb(trigger)
        if verb not in clause.conjuncts:
            return None
        return "after" if verb.i < clause.i else "before"
    marks = {t.lower_ for t in path}
    return "before" if marks & AFTER else "after"


def _role(ent: Span, trigger: Token) -> str:
    """What the day of ``ent`` is to the meeting: "at", "after" (a journey or its start:
    the meeting follows), "before" (a return), "start" or "end" of the meeting."""
    head = ent.root.head
    host = host_of(ent)
    lemma = host.lemma_.casefold()
    boundary = head.lower_ if head.dep_ == "prep" else ""
    if host.i != trigger.i and _journey(host):
        if lemma == "return" or boundary in ("until", "till", "through"):
            return "before"
        return "after"
    if host.i == trigger.i and trigger.head.lower_ == "for" and _journey(trigger.head.head):
        # "arrives for talks with X on Monday": the time may date the talks or the arrival;
        # the days from the arrival on cover both readings.
        return "after"
    if lemma in _START:
        return "start"
    if lemma in _END:
        return "end"
    return "at"


def _journey(tok: Token) -> bool:
    lemma = tok.lemma_.casefold()
    return is_journey(tok) or lemma == "visit" or tok.pos_ == "NOUN" and lemma in _JOURNEY_NOUNS \
        or lemma in _LIGHT and any(c.dep_ == "dobj" and c.lemma_.casefold() in _JOURNEY_NOUNS
                                   for c in tok.children)


def _participant_journeys(sent: Span, trigger: Token) -> list[tuple[Span, bool]]:
    """Dated journeys told in a relative clause on a participant ("X, who left Tokyo
    yesterday, held talks with Y"), each with whether it leaves the place of the
    meeting (a return home, a departure from somewhere) rather than goes towards one."""
    clause = clause_verb(trigger)
    out = []
    for ent in times_in(sent):
        host = host_of(ent)
        if host.dep_ != "relcl" or not is_journey(host) or host.head not in clause.subtree \
                or trigger in host.subtree or not (host.head.ent_type_ == "PERSON"
                                                   or host.head.pos_ == "PROPN"):
            continue
        lemma = host.lemma_.casefold()
        words = {c.lower_ for c in host.children if c.dep_ in ("prep", "advmod", "prt")}
        away = "home" in words or lemma in ("leave", "depart", "return") \
            and not words & DESTINATION
        out.append((ent, away))
    return out


def _participant_span(ent: Span, away: bool, days: int, status: str,
                      published: date) -> DateSpan | None:
    """What a participant's journey says of the meeting: it ends the visit the meeting was in
    when it leaves (or when the meeting was held before a journey still ahead), and starts it
    otherwise. The journey's day is read in the journey's own tense, not the meeting's."""
    trip = journey_days(ent, published)
    if trip is None or trip.start is None or trip.end is None:
        return None
    before = away or (status == "happened" and trip.start > published)
    return apply_role(trip, "before" if before else "after", days, status, published)


def _journeys(sent: Span, trigger: Token) -> list[tuple[Span, str]]:
    """Dated journeys and clauses around the meeting, with what they are to it: "leaves on
    Monday for talks", "will travel on May 3 ... and will meet", "before flying home the same
    day", "a week-long visit from April 29 ... and hold talks"."""
    out = []
    clause = clause_verb(trigger)
    for ent in times_in(sent):
        host = host_of(ent)
        how = _related(host, trigger) if _journey(host) else None
        if how is not None:
            role = _role(ent, trigger)
            out.append((ent, role if how == "after" else "before"))
        elif host.dep_ == "pcomp" and host.head.head in (clause, trigger) \
                and host.head.lower_ in ("before", "after") and is_journey(host):
            # "met X before flying home the same day", "talks after arriving on Monday"; a
            # clause of another kind ("after importing it last year") bounds no visit.
            out.append((ent, "before" if host.head.lower_ == "before" else "after"))
    return out


def _after_journey(ent: Span, journeys: list[tuple[Span, str]], published: date,
                   status: str) -> DateSpan | None:
    """The days of the meeting's own weekday ``ent`` counted on from the day of a journey the
    meeting follows ("flew to Oslo yesterday to meet Y on Monday", "will arrive on Thursday
    for talks with Y on Monday"), read in the journey's tense; None when no such journey has
    a day, or when a held meeting would fall after the story: its weekday is then not one
    after the journey."""
    for other, role in journeys:
        if role == "after" and other.start != ent.start:
            found = after_trip(ent.text, journey_days(other, published), published)
            if found is not None and found.start is not None \
                    and not (status == "happened" and found.start > published):
                return found
    return None


def report_span(sent: Span, trigger: Token, time: str | None, published: date | None,
                status: str) -> DateSpan | None:
    """The days a meeting report can be about, from the time attached to the meeting
    (``time``, as :func:`kg.extract.timeplace.timex.attached_time` found it), the journeys and
    clauses around it, the publication date and the report's status."""
    if published is None:
        return None
    past = clause_tense(trigger)
    days = duration_days(trigger)
    if time and status == "happened" and ongoing(trigger):
        # "X is meeting Y on Wednesday": the present progressive with a time is an
        # arrangement ahead, read forward whatever status the clause was given.
        status = "planned"
    attached = None
    journeys = _journeys(sent, trigger)
    if time:
        ent = entity_of(sent, time, trigger)
        role = _role(ent, trigger) if ent is not None else "at"
        own = _after_journey(ent, journeys, published, status) if ent is not None else None
        # A weekday counted on from its journey is the meeting's own day, not the day of a
        # journey the role would stretch it from.
        attached = apply_role(own, "at", days, status, published) if own is not None else \
            apply_role(held_day(days_of(time, ent, published, status, past), time,
                                 published, status), role, days, status, published)
    # a journey's own day is read as the journey's, not in the meeting's status ("has arrived
    # on Thursday for talks": the Thursday behind the story)
    around = [apply_role(journey_days(ent, published) if is_journey(host_of(ent))
                         else days_of(ent.text, ent, published, status, past), role, days,
                         status, published) for ent, role in journeys]
    around += [_participant_span(ent, away, days, status, published)
               for ent, away in _participant_journeys(sent, trigger)]
    spans = [s for s in (attached, *around)
             if s is not None and s.start is not None and s.end is not None]
    if spans:
        # Each says something of the meeting: the days all allow, or the first one (the
        # meeting's own time before a journey's) when they disagree.
        best = spans[0]
        for other in spans[1:]:
            best = overlap(best, other) or best
        return best
    if time:
        return attached
    when = _when_time(sent, trigger)
    if when is not None:
        # "an accord reached last year ... when they met": the meeting is on the accord's days.
        own = days_of(when.text, when, published, status, clause_tense(when.root))
        return apply_role(own, "at", days, status, published)
    text = sole_date(sent)
    if text is not None and not any(
            (_journey(_dated(e)) or _other_meeting(_dated(e), trigger))
            and _dated(e).i != trigger.i or _names_thing(e, trigger)
            or _content_clause(host_of(e), trigger) or ordered_apart(e, trigger)
            for e in times_in(sent) if text in e.text):
        # The one date of the sentence, unless it dates a journey the meeting is not part of
        # ("after talks ... ahead of her visit next week", "a state visit beginning on June
        # 2"), another meeting ("a gathering to prepare next week's conference") or another
        # thing ("in view of the January accord", "last year's treaty"), or what was agreed
        # at the meeting ("agreed at a meeting to sign the accord on June 2"), or is of an event
        # ordered apart from the meeting ("after meeting Y, X said it had backed the dollar
        # since the February accord"), or is past for a planned meeting
        # ("will hold talks during the visit, his first since he took office in June 2020").
        # (A held one dated ahead stays: "happened" is also what an unmarked report gets, and
        # "an April 5-6 summit" in a March story is this April's.)
        own = resolve_span(text, published, status, past)
        ents = [e for e in times_in(sent) if text in e.text]
        order = order_of(ents[0], trigger) if ents else None
        # held "until" a day: the meeting ends that day (as a journey's "until" does)
        held_until = order == "until" and status != "planned"
        span = apply_role(own, "end" if held_until else "at", days, status, published)
        if order is not None and not held_until:
            # the date of what the meeting came after or before ("began talks after it
            # announced its plan in August"), or that a planned one runs up to: a bound,
            # not the meeting's day
            span = ordered_span(_other_days(ents[0], status, published, past),
                                "before" if order == "until" else order, status, published)
            if span is not None:
                return span
        elif span is None or span.end is None or not (status == "planned"
                                                    and span.end < published):
            return span
    since = since_of(times_in(sent), trigger, clause_verb(trigger))
    if since is not None and status == "happened":
        # "have been meeting since March 2": from that day to the story, not the day itself;
        # talks going on for months ("since 1998") are a process whose fresh round is news
        span = ordered_span(_other_days(since, status, published, past), "after", status,
                            published)
        if span is not None and span.start is not None \
                and span.start >= published - timedelta(days=_SINCE_DAYS):
            return span
    if journey_for(trigger) is not None:
        return DateSpan(published - timedelta(days=1), published + timedelta(days=VISIT_DAYS),
                        "week")
    fresh = fresh_span(sent, trigger, published) if status == "happened" else None
    return fresh or resolve_span(None, published, status, past,
                                 lapsed=status == "planned" and pluperfect(trigger))


def _other_days(ent: Span, status: str, published: date, past: bool | None) -> DateSpan | None:
    """The days of ``ent``, the date of an event a meeting is ordered against, read in that
    event's own tense when its clause has one ("will meet Y, the first time since they fell
    out in May": last May), else in the meeting's."""
    if journey_tense(host_of(ent)) is None:
        return days_of(ent.text, ent, published, status, past)
    return journey_days(ent, published)


def _dated(ent: Span) -> Token:
    """What a time expression dates: the word it modifies, or the noun a participle of that
    word describes ("a state visit beginning on June 2", "the trip planned for May": the
    visit, the trip).

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("They arranged a state visit beginning on June 2.")
    >>> _dated(next(e for e in doc.ents if e.label_ == "DATE")).text
    'visit'
    """
    host = host_of(ent)
    while host.dep_ == "acl" and host.pos_ == "VERB" and host.head.pos_ in ("NOUN", "PROPN"):
        host = host.head
    return host


def _content_clause(host: Token, trigger: Token) -> bool:
    """Whether ``host`` is the verb of what was decided, agreed or said at the meeting
    ("agreed at a meeting to sign the accord on June 2"): a clause governed by the verb the
    meeting is the setting of, whose own time it is. The meeting as that verb's subject is
    not a setting: "talks are expected to begin in July" dates the talks."""
    verb = clause_verb(trigger)
    setting = trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" \
        and trigger.head.head.i == verb.i
    return setting and host.pos_ in ("VERB", "AUX") and host.i != verb.i \
        and host.dep_ in ("xcomp", "ccomp") and host.head.i == verb.i


def _when_time(sent: Span, trigger: Token) -> Span | None:
    """The date of what a meeting told in a "when" clause happened with: the date that
    modifies the verb the clause hangs on ("an accord reached in May ... when they met")."""
    verb = clause_verb(trigger)
    if verb.dep_ != "advcl" or not any(c.lower_ == "when" and c.dep_ in ("advmod", "mark")
                                       for c in verb.children):
        return None
    for e in times_in(sent):
        head = e.root.head
        if e.label_ == "DATE" and (head.i == verb.head.i or head.dep_ == "prep"
                                   and head.lower_ in ("in", "on", "at")
                                   and head.head.i == verb.head.i):
            return e
    return None


def _other_meeting(host: Token, trigger: Token) -> bool:
    """Whether ``host`` is another meeting noun, inside the report's own meeting phrase ("a
    gathering held to prepare for next week's meetings"); a meeting noun beside it ("at a
    meeting today, also attended by X") is the same meeting."""
    return host.i != trigger.i and host.pos_ == "NOUN" \
        and host.lemma_.casefold() in NOUN_TRIGGERS and trigger.is_ancestor(host)


def _names_thing(ent: Span, trigger: Token) -> bool:
    """Whether ``ent`` is a modifier of a noun that is not a meeting ("the January accord",
    "last year's treaty"): it dates that thing."""
    head = ent.root.head
    return ent.root.dep_ in ("compound", "nmod", "poss", "amod") and head.pos_ == "NOUN" \
        and head.i != trigger.i and head.lemma_.casefold() not in NOUN_TRIGGERS
