"""Where and when a meeting told by one trigger was: its place and time read off the parse.

The words a place or time may hang on are the trigger's anchors (the trigger and the verbs it
hangs from), plus those the parse adds around a meeting noun: a participle that holds it ("a
dinner hosted by X in May", "talks held in Oslo"), the verbs it is the subject of ("talks are
likely to open in September") and a body's name the parser made the meeting word an apposition
of ("the Acme Bank (AB) meeting next week").

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Ann Lee spoke at a dinner hosted by Bo Chan in May.")
>>> dinner = next(t for t in doc if t.text == "dinner")
>>> place, time = meeting_setting(next(doc.sents), {dinner.i}, dinner, [])
>>> place, time
(None, 'May')
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.journeys import TRIP_LIGHT_VERBS
from kg.extract.meeting_words import HELD
from kg.extract.meetings.hospitality import HOST_VERBS
from kg.extract.timeplace.place import attached_place, is_trip_of
from kg.extract.timeplace.timex import attached_time, time_anchors
from kg.extract.walks import list_items

__all__ = ["meeting_setting", "setting_anchors"]

#: Participles on a meeting noun that hold it: its place and time are the meeting's.
_HOLDING = HELD | HOST_VERBS | {"expect"}
#: Participles of holding a meeting that the parser may hang on the last name before them.
_SCHEDULED = HELD | {"expect"}
#: Verbs of a meeting's course whose relative clause on it says where or when it was: "talks
#: that ended last Friday", "the meeting, which opened in Oslo on Monday".
_COURSE = frozenset({"begin", "start", "open", "resume", "convene", "end", "close", "conclude",
                     "finish", "continue", "adjourn", "run"})
#: Participles of _COURSE the tagger takes for nouns ("talks, opening in Oslo on Monday").
_COURSE_NOUNS = {"opening": "open", "closing": "close", "beginning": "begin",
                 "starting": "start", "ending": "end"}
#: Verbs that say how long something lasts: a trip's relative clause with one of them dates
#: the trip ("his visit, which runs from May 3 to 6"); one that only starts or ends it does
#: not date a meeting inside it.
_EXTENT = frozenset({"run", "last"})
#: Relative pronouns that stand for the meeting in its relative clause.
_RELATIVE = frozenset({"which", "that"})


def setting_anchors(tok: Token, parties: list[Token]) -> set[int]:
    """The words besides the anchors that a meeting noun's place or time may hang on: its
    holding participle ("a reception given by X at the city hall"), the body's name it is
    apposed to ("for the Acme Bank (AB) meeting next week"), the verb of what was done at it
    and the verbs it is the subject of. ``parties`` are the party words after it."""
    out = {d for c in tok.children if c.dep_ == "acl" and c.lemma_.casefold() in _HOLDING
           or _in_course(c) for d in _down(c)}  # ("a summit expected to take place next spring")
    # "talks between X and Y, held in Oslo", "talks with X, starting on May 2": the parser
    # hangs the participle on the last name
    out |= {d for t in parties if t.i > tok.i for c in t.children if c.dep_ == "acl"
            and c.tag_ == "VBN" and c.lemma_.casefold() in _SCHEDULED or _in_course(c)
            for d in _down(c)}
    # "talks that ended last Friday"; "talks between X and Y, which took place in Oslo": the
    # parser may hang the clause on the last name, so its pronoun must stand for a thing
    out |= {d for c in tok.children if c.dep_ == "relcl" and _course(c, nouns=True)
            for d in _down(c)}
    out |= {d for t in parties if t.i > tok.i for c in t.children if c.dep_ == "relcl"
            and _course(c, nouns=False) for d in _down(c)}
    if tok.dep_ == "appos" and tok.head.i < tok.i and tok.pos_ == "NOUN":
        out.add(tok.head.i)
    if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during") \
            and tok.head.head.pos_ == "VERB":
        out.add(tok.head.head.i)  # "made at their summit in May": what was done at it
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
        # "talks are likely to open in September", "the meeting is due to take place on
        # Monday": the verbs the meeting is the subject of, down to the one that says when
        out |= _down(tok.head) - {tok.head.i}
    return out


def _in_course(verb: Token) -> bool:
    """Whether ``verb``, a participle hung on a meeting noun (or on the last name after it),
    tells the meeting's course, with no object of its own: "talks starting on May 2", "a
    conference opening in Oslo on Monday" (not "the meeting opening the congress"), also
    where the tagger took the participle for a noun ("talks, opening in Oslo on Monday")."""
    if verb.tag_ == "VBG" and verb.dep_ == "acl":
        lemma = verb.lemma_.casefold()
    elif verb.pos_ == "NOUN" and verb.dep_ in ("acl", "appos") and not any(
            c.dep_ in ("det", "amod", "poss") for c in verb.children):
        # a participle takes no determiner: "a new beginning in Oslo" is a noun of its own
        lemma = _COURSE_NOUNS.get(verb.lower_, "")
    else:
        return False
    # "talks with X, running for re-election in November": a "for" phrase runs for something
    # else; "talks ..., running from May 3 to 6" run their course
    return lemma in _COURSE and not any(
        c.dep_ == "dobj" or lemma in _EXTENT and c.dep_ == "prep" and c.lower_ == "for"
        for c in verb.children)


def _course(verb: Token, nouns: bool) -> bool:
    """Whether relative clause ``verb`` tells the course of the meeting it stands for: it
    began, ended or took place, or was held ("talks that he held with X" too, when it hangs
    on the meeting noun itself: ``nouns``)."""
    lemma = verb.lemma_.casefold()
    kids = list(verb.children)
    own = _own_clause(verb)
    if lemma in HELD:
        return own or nouns and any(c.dep_ == "dobj" and c.lower_ in _RELATIVE for c in kids)
    objects = [c for c in kids if c.dep_ == "dobj"]
    if lemma == "take":
        return own and any(c.lower_ == "place" for c in objects)
    return own and lemma in _COURSE and not objects


def _spans(verb: Token) -> bool:
    """Whether relative clause ``verb`` tells how long what it stands for lasts: "which runs
    from May 2 to 5", "which lasts until Friday"."""
    return verb.lemma_.casefold() in _EXTENT and _own_clause(verb) \
        and not any(c.dep_ == "dobj" for c in verb.children)


def _own_clause(verb: Token) -> bool:
    """Whether relative clause ``verb`` has its relative pronoun for subject: the clause
    tells of what the pronoun stands for ("which opened", "that ended")."""
    subject = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subject) and all(c.lower_ in _RELATIVE for c in subject)


def _down(verb: Token) -> set[int]:
    """``verb`` and the verbs below it that complete it: "expected to begin", "due to take
    place", "expected to be held"."""
    out, cur = {verb.i}, verb
    for _ in range(3):
        nxt = [c for c in cur.children if c.dep_ in ("xcomp", "acomp")]
        if not nxt:
            break
        cur = nxt[0]
        out.add(cur.i)
    return out


#: Verbs of a stay whose "when" or "while" clause sets the meeting: "when he visits Oslo".
_STAYS = frozenset({"visit", "be", "stay"})


def _stay(sent: Span, anchors: set[int]) -> set[int]:
    """The verbs of a "when" or "while" clause on an anchor that tell a stay: "will meet X
    when he visits Oslo next week", "met X while he was in Oslo last month"."""
    doc = sent.doc
    # (the stay of a party, told by a pronoun: "when Y was in Oslo" may be anyone's)
    return {c.i for i in anchors for c in doc[i].children if c.dep_ == "advcl"
            and c.lemma_.casefold() in _STAYS
            and any(m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "while")
                    for m in c.children)
            and all(m.pos_ == "PRON" for m in c.children if m.dep_ == "nsubj")}


def trip_anchors(sent: Span, anchors: set[int]) -> set[int]:
    """The trip the meeting is told as part of and the words its time hangs on: "met X
    during his visit to Oslo last week", "paid a visit to Oslo last week, during which he met
    X", "during his trip, which runs from May 2 to 5" (the guide takes the trip's place when
    the sentence puts the meeting in it; its days are the meeting's the same way)."""
    out: set[int] = set()
    for t in sent:
        if t.pos_ != "NOUN" or not is_trip_of(t, anchors):
            continue
        out.add(t.i)
        # ("his trip to Oslo, which runs from May 2 to 5": the clause may hang on the place)
        out |= {c.i for h in (t, *(g for p in t.children if p.dep_ == "prep" for g in p.children))
                for c in h.children if c.dep_ == "relcl" and _spans(c)}
        if t.dep_ == "dobj" and t.head.lemma_.casefold() in TRIP_LIGHT_VERBS:
            out.add(t.head.i)
    return out


def meeting_setting(sent: Span, anchors: set[int], tok: Token, objs: list[Token],
                    journey_days: bool = False) -> tuple[Span | None, str | None]:
    """Where and when the meeting of ``tok`` was: a place on its anchors, and a time on
    them (not on a journey to it unless ``journey_days``: the scorer's reading, "will fly to
    Oslo tomorrow for talks"), on that place ("in Oslo on Monday") or on the trip the meeting
    is told as part of. Every finder of meetings reads its setting here."""
    anchors = anchors | setting_anchors(tok, objs)
    anchors |= _stay(sent, anchors)
    items = list_items(objs)  # every item of a party list ("met A, B and C in Oslo")
    place = attached_place(sent, anchors, items)
    time_words = anchors if journey_days else time_anchors(anchors, tok)
    root = {place.root.i} if place is not None else set()
    return place, attached_time(sent, time_words | root | trip_anchors(sent, anchors), tok, items)
