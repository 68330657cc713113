"""The time of an event: expressions attached to it, and dates normalised with dateparser.

>>> from datetime import date
>>> normalise_date("Tuesday", date(2025, 12, 1), future=True)
datetime.date(2025, 12, 2)
>>> normalise_date("on Monday", date(2025, 12, 3), future=False)
datetime.date(2025, 12, 1)
>>> normalise_date("April 27 and 28", date(1987, 4, 8), future=True)
datetime.date(1987, 4, 27)
>>> normalise_date("soon", None, future=True) is None
True
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Collection
from datetime import date, datetime, time

from spacy.tokens import Span, Token

from kg.extract.journeys import TRAVEL_VERBS
from kg.extract.timeplace.month_day import is_month_day, month_day
from kg.model import DateSpan

__all__ = ["normalise_date", "attached_time", "strip_preposition", "time_anchors", "is_duration",
           "JOURNEY", "host_of", "is_journey", "year_span", "plain_time", "is_boundary",
           "ADDRESS_WORDS"]

log = logging.getLogger(__name__)

#: Words before a house number that make it an address, not a time ("at No 10").
ADDRESS_WORDS = frozenset({"no", "no.", "number"})
_LEADING = ("on ", "in ", "at ", "during ", "by ", "from ", "until ", "the ")
_UNITS = frozenset({"hour", "day", "week", "month", "year", "minute", "decade"})
_VAGUE = frozenset({"soon", "recently", "now", "today", "currently", "later", "earlier"})
_TIME_ADVERBS = frozenset({"later", "earlier", "early", "late", "sometime", "just"})
_TIME_WORDS = frozenset({"soon", "tomorrow", "today", "yesterday", "tonight", "later",
                         "earlier", "weekend"})  # ("a weekend visit": NER leaves it untyped)
#: Ordinals that count occurrences ("the second year in succession"); "last" dates.
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                       "eighth", "ninth", "tenth"})


def strip_preposition(text: str) -> str:
    """A time or place as written, without its leading preposition.

    >>> strip_preposition("on Tuesday")
    'Tuesday'
    """
    text = " ".join(text.split())
    low = text.casefold()
    for p in _LEADING:
        if low.startswith(p) and len(text) > len(p):
            return text[len(p) :]
    return text


#: A part of the story's own week, month or year said of "the" one: "later in the week", "at
#: the end of the month", "early in the year". Said as of "this" one, the date rules read it so.
_PART_OF_THE = re.compile(r"\b(later|earlier|early|late|end|beginning|start|middle) (in|of) "
                          r"the (week|month|year)\b")


def plain_time(text: str) -> str:
    """A time expression in the one form the date rules read: lower case, single spaces, no
    hyphens, leading preposition or closing possessive, and a part of "the" week, month or
    year said of "this" one.

    >>> plain_time("Later in the week"), plain_time("at the end of the month's")
    ('later in this week', 'the end of this month')
    >>> plain_time("in the week to March 5")
    'the week to march 5'
    """
    low = " ".join(strip_preposition(text).casefold().replace("-", " ").split())
    return _PART_OF_THE.sub(r"\1 \2 this \3", re.sub(r"['’]s$", "", low))


#: A year written alone, or its early, middle or late part: "1985", "late 1986", "mid-1986";
#: two years ("1985 and 1986"); a decade or its part ("the 1990s", "the late 1970s").
_YEAR = re.compile(r"^(?:(early|mid|late) ?)?((?:19|20)\d\d)(?:(s)|(?: (?:and|to|or|through) "
                   r"((?:19|20)\d\d)))?$")
#: The months each part of a year spans (a third each), and the years of a decade's parts.
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def year_span(text: str) -> DateSpan | None:
    """The days of a year written alone, or of its early, middle or late third, of two years,
    or of a decade or its part (precision ``years``); None for any other expression.

    >>> str(year_span("1985")), str(year_span("late 1986")), str(year_span("mid-1986"))
    ('1985-01-01/1985-12-31 (year)', '1986-09-01/1986-12-31 (year)', '1986-05-01/1986-08-31 (year)')
    >>> for t in ("the 1990s", "the late 1970s", "1985 and 1986"):
    ...     print(year_span(t))
    1990-01-01/1999-12-31 (years)
    1977-01-01/1979-12-31 (years)
    1985-01-01/1986-12-31 (years)
    >>> year_span("the 1990 budget") is None
    True
    """
    m = _YEAR.match(" ".join(strip_preposition(text).casefold().replace("-", " ").split()))
    if m is None:
        return None
    part, year = m.group(1) or "", int(m.group(2))
    if m.group(3):  # a decade: its years, or the third of them its part names
        if year % 10:
            return None
        first, last = _DECADE_PARTS.get(part, (0, 9))
        return DateSpan(date(year + first, 1, 1), date(year + last, 12, 31), "years")
    if m.group(4):
        return DateSpan(date(year, 1, 1), date(max(year, int(m.group(4))), 12, 31), "years")
    first, last = _YEAR_PARTS.get(part, (1, 12))
    return DateSpan(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]),
                    "year")


def normalise_date(text: str | None, published: date | None, future: bool | None) -> date | None:
    """The calendar date that ``text`` means relative to ``published``, or None.

    ``future`` prefers the next such day ("Tuesday" in a planned meeting), False the last
    one, None the one in the current period. Vague expressions ("soon") give None.
    """
    if not text or published is None:
        return None
    text = strip_preposition(text)
    if text.casefold() in _VAGUE - {"today"}:
        return None
    # A range or a list ("April 27 and 28", "late June or early July"): its first day.
    text = re.split(r"\s+(?:and|or|to|until|through)\s+|\s*[-–]\s*(?=\d)", text)[0]
    if is_month_day(text):
        return month_day(text, published, future)
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime.combine(published, time(12, 0)),
        "PREFER_DATES_FROM": {True: "future", False: "past", None: "current_period"}[future],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError) as e:
        log.debug("cannot parse date %r: %s", text, e)
        return None
    return parsed.date() if parsed is not None else None


def _attach_point(tok: Token, anchors: set[int]) -> bool:
    """Whether ``tok`` modifies an anchor directly, or through one preposition ("on Monday")."""
    if tok.head.i in anchors:
        return True
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    host = tok.head.head
    # "held talks here on Tuesday": the phrase hangs on an adverb of the anchor.
    return host.i in anchors or (host.dep_ == "advmod" and host.head.i in anchors)


def _when_said(ent: Span) -> bool:
    """Whether ``ent`` tells when a statement was made, though the parser hung it on the
    reported clause: it stands between the saying verb and the clause's subject ("X said on
    Monday he would meet Y").

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ann Lee said on Monday she would meet Bo Chan on Friday.")
    >>> [_when_said(e) for e in doc.ents if e.label_ == "DATE"]
    [True, False]
    """
    host = host_of(ent)
    if host.dep_ != "ccomp" or host.head.i > ent.start or any(
            c.dep_ == "mark" and c.i < ent.start for c in host.children):
        return False  # ("said that on Monday she met Y": inside the reported clause)
    subjects = [c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(ent.end <= s.left_edge.i for s in subjects)


def is_duration(ent: Span) -> bool:
    """ "nine hours", "just days": durations and vague spans, not times of an event."""
    if year_span(ent.text) is not None:
        return False  # "in 1985", "the 1985 meeting", "late 1986": a year says when
    root = ent.root
    if all(t.pos_ == "ADJ" or t.like_num or t.tag_ == "JJ" for t in ent):
        return True  # "annual", "20th annual": how often, not when
    if all((t.pos_ in ("ADJ", "DET") or t.like_num) and t.dep_ in ("amod", "det") for t in ent):
        return True  # "the 12th annual meeting": which one, not when ("on the 12th" is a date)
    if root.lemma_.casefold() in _UNITS and any(c.lower_ in _ORDINALS for c in root.children) \
            and not any(c.lower_ == "of" for c in root.children):
        return True  # "for the second year running": how many times, not when
    if root.lemma_.casefold() in _UNITS and not any(
        c.lower_ in ("this", "last", "next", "that", "the", "ago", "earlier", "later")
        for c in (*ent, *root.children)  # NER may leave "this" out of "this week's"
    ):
        return True
    # "the end of two days (of talks)": a point of a span counted in units, not a date.
    return any(c.lower_ == "of" and any(g.lemma_.casefold() in _UNITS and any(
        n.dep_ == "nummod" for n in g.children) for g in c.children) for c in root.children)


def _with_modifiers(ent: Span) -> str:
    """The expression with adverbs NER leaves out ("Later today", "early this afternoon")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    if start > ent.sent.start and doc[start - 1].lower_ in ("this", "last", "next") \
            and doc[start - 1].head.i == ent.root.i:
        start -= 1  # "this week's meeting", NER's DATE being only "week"
    while start > ent.sent.start and doc[start - 1].lower_ in _TIME_ADVERBS:
        start -= 1
    if start == ent.start and start - 2 >= ent.sent.start and doc[start - 1].lower_ in (
            "in", "on") and doc[start - 2].lower_ in _TIME_ADVERBS:
        start -= 2  # "sometime in late June"
    # "March 17 and 18": a second day NER left out, coordinated with the first.
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "or") \
            and doc[end + 1].text.isdigit() and 1 <= int(doc[end + 1].text) <= 31 \
            and ent.start <= doc[end + 1].head.i < end:
        end += 2
    # "late June or early July": both ends of the alternative, as written.
    elif end + 1 < len(doc) and doc[end].lower_ in ("or", "and") and doc[end + 1].ent_type_ in (
            "DATE", "TIME"):
        end += 1
        while end < len(doc) and doc[end].ent_type_ in ("DATE", "TIME") and \
                doc[end].ent_iob_ != "O":
            end += 1
    text = strip_preposition(doc[start:end].text)
    for pos in ("'s", "’s"):
        if text.endswith(pos):
            text = text[: -len(pos)]  # "last month's meeting"
    return text


def attached_time(sent: Span, anchors: set[int], trigger: Token,
                  parties: Collection[int] = ()) -> str | None:
    """The DATE/TIME expression of ``sent`` that belongs to the event.

    One attached to an anchor (the trigger and the verbs it hangs from), or to a party
    named before it ("call on X, Monday"; ``parties`` are the indices of every item of a
    party list, :func:`kg.extract.walks.list_items`); else a sentence-initial one
    ("Tomorrow, ...") that scopes over the whole sentence.
    """
    found: list[Span] = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or is_duration(ent) or ent[0].lower_ in ADDRESS_WORDS:
            continue  # ("at Number 10" is a place NER may take for a date)
        head = ent.root.head
        if is_boundary(ent):
            continue  # "since January", "until May": a boundary, not the event's time
        if _when_said(ent):
            continue
        if _attach_point(ent.root, anchors) or (head.i in parties and ent.start > head.i):
            found.append(ent)
    if found:
        # "on Friday at their final meeting of the season": "of the season" says which one
        best = min(found, key=lambda e: (_which_one(e, trigger), e.label_ != "DATE",
                                         abs(e.root.i - trigger.i)))
        before = [e for e in sent.ents if e.label_ == "DATE" and e.end == best.start]
        if best.label_ == "TIME" and before:
            best = before[0]  # "Wednesday morning": the shortest expression that dates it
        return _with_modifiers(best)
    for ent in sent.ents:
        if ent.label_ in ("DATE", "TIME") and ent.start <= sent.start + 1 \
                and not is_duration(ent) and not is_boundary(ent):
            return _with_modifiers(ent)  # ("Since May 2, ..." bounds, as "since May 2" does)
    for tok in sent:
        if tok.lower_ in _TIME_WORDS and tok.ent_type_ == "" and tok.head.i in anchors:
            nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.lower_ in _TIME_WORDS:
                return f"{tok.text} {nxt.text}"  # "Later today"
            return tok.text
    return _when_clause(trigger) or _clausal_time(sent, anchors)


def _which_one(ent: Span, trigger: Token) -> bool:
    """Whether ``ent`` is the object of an "of" phrase on the meeting word ("the first
    meeting of the season"): it picks out the meeting rather than dating it."""
    head = ent.root.head
    return head.lower_ == "of" and head.head.i == trigger.i


def _when_clause(trigger: Token) -> str | None:
    """The date a "when" clause telling the event describes: "back in 1994, when talks
    between X and Y came close to a deal"."""
    for verb in (trigger, *trigger.ancestors):
        head = verb.head
        if verb.dep_ == "relcl" and head.ent_type_ == "DATE" and any(
                c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
            for ent in trigger.sent.ents:
                if ent.start <= head.i < ent.end and not is_duration(ent):
                    return _with_modifiers(ent)
        if verb.pos_ in ("VERB", "AUX"):
            return None  # only the clause the meeting is told in
    return None


#: Conjunctions of a clause that dates an event by another one ("after the market closed").
_CLAUSE_MARKS = frozenset({"after", "before", "when", "as"})


def _clausal_time(sent: Span, anchors: set[int]) -> str | None:
    """A short clause that dates the event by another event: "shortly after the vote
    closed", "just before the session opened". Only clauses about an event (a common noun
    as subject), not about a party ("after he returned"), and at most seven words."""
    for tok in sent:
        if tok.dep_ != "advcl" or tok.head.i not in anchors or tok.tag_ not in ("VBD", "VBZ",
                                                                                "VBP"):
            continue
        kids = list(tok.children)
        if not any(c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS for c in kids):
            continue
        subj = [c for c in kids if c.dep_ == "nsubj"]
        if len(subj) != 1 or subj[0].pos_ != "NOUN" or subj[0].ent_type_:
            continue
        start = min(c.left_edge.i for c in kids if c.i < tok.i)
        end = tok.i + 1
        for c in tok.rights:
            if c.dep_ in ("dobj", "prt", "advmod", "npadvmod") and c.i == end:
                end = c.right_edge.i + 1
        if end - start <= 7:
            return sent.doc[start:end].text
    return None


#: Verbs of a journey: "will leave on Monday to attend X", "arrives on Wednesday for talks"
#: date the journey, which the meeting is the purpose of, not the meeting itself.
JOURNEY = TRAVEL_VERBS | {"depart", "set"}
#: Verbs that make a meeting known rather than hold it: "announced talks with Y on Monday".
#: ("said at the meeting today" is the meeting's time: "say" stays an anchor.)
_REPORTING = frozenset({"announce", "confirm", "disclose"})


def is_journey(tok: Token) -> bool:
    """Whether ``tok`` is a verb of a journey: "flies", "arrives", "set off"; not "come up
    with", "go ahead" or "set for May 2".

    >>> from kg.extract.pipeline import load_nlp
    >>> [is_journey(t) for t in load_nlp()("Ann will fly home but come up with nothing.")
    ...  if t.pos_ == "VERB"]
    [True, False]
    """
    lemma = tok.lemma_.casefold()
    if lemma not in JOURNEY or tok.pos_ in ("NOUN", "PROPN"):
        return False  # "the heads of the exchanges" is no journey
    parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
    if lemma == "set":
        return bool(parts & {"off", "out"})
    return not parts & {"up", "ahead", "on", "through", "along", "over"}


def time_anchors(anchors: set[int], trigger: Token) -> set[int]:
    """The anchors whose time is the meeting's: not a journey the meeting is the purpose of,
    nor the announcement of it."""
    doc = trigger.doc
    return {i for i in anchors if i == trigger.i
            or not is_journey(doc[i]) and doc[i].lemma_.casefold() not in _REPORTING
            and not _reported(doc[i])}


def _reported(tok: Token) -> bool:
    """ "was reported in the spring to have held talks": the report's time, not the meeting's."""
    return tok.lemma_.casefold() == "report" and any(c.dep_ == "auxpass" for c in tok.children)


#: Words that join an expression's first and last day: "April 5 to 8", "Monday through Friday".
_RANGE = frozenset({"to", "through", "till", "until", "thru"})


#: Prepositions that make a date only a bound of the event's days ("since January", "until
#: May", "before April 20"): one list for the time a meeting is told with and for the lone
#: date of its sentence, so the two readings agree.
BOUNDARY_WORDS = frozenset({"since", "until", "till", "by", "from", "to", "through", "before",
                            "after"})


def is_boundary(ent: Span) -> bool:
    """Whether ``ent`` only bounds the event's days, its preposition being one of
    :data:`BOUNDARY_WORDS` ("since January", "until May"). An expression that names both ends
    itself ("from April 5 to 8") gives the days, whichever preposition the parser hung it on.

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ann Lee met Bo Chan from April 5 to 8 and has lived here since May.")
    >>> [is_boundary(e) for e in doc.ents if e.label_ == "DATE"]
    [False, True]
    """
    head = ent.root.head
    return head.dep_ == "prep" and head.lower_ in BOUNDARY_WORDS \
        and not any(t.lower_ in _RANGE for t in ent[1:-1])


def host_of(ent: Span) -> Token:
    """The word a time expression modifies: the head of its preposition ("arrives on
    Monday"), else its own head ("met Monday", "the talks Monday").

    >>> from kg.extract.pipeline import load_nlp
    >>> doc = load_nlp()("Ann Lee arrives in Rome on Monday.")
    >>> host_of(doc.ents[-1]).text
    'arrives'
    """
    head = ent.root.head
    return head.head if head.dep_ == "prep" and head.i != ent.root.i else head
