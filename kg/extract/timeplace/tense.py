"""The tense of the clause a meeting word sits in, read from the parse: past, ahead or untold,
and whether it is a pluperfect; whether a time says by its words that it lies ahead of the
report ("tomorrow", "next week"); :mod:`kg.extract.timeplace.when` turns a time into days in
that direction.

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Ann Lee met Bo Chan, and Cy Ng will meet him soon.")
>>> [clause_tense(t) for t in doc if t.lower_ == "meet" or t.lower_ == "met"]
[True, False]
>>> pluperfect(next(t for t in load_nlp()("A meeting had been planned.") if t.text == "meeting"))
True
>>> [journey_tense(t) for t in load_nlp()("Ann Lee has flown to Oslo.") if t.text == "flown"]
[True]
"""

from __future__ import annotations

import re

from spacy.tokens import Token

__all__ = ["PERFECT", "clause_tense", "journey_tense", "perfect", "pluperfect", "time_ahead"]

#: Auxiliaries of the present perfect.
PERFECT = frozenset({"has", "have", "'ve"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "to", "wo"})
_PAST_AUX = frozenset({"had", "did", "was", "were", "'d"})


def clause_tense(tok: Token) -> bool | None:
    """Whether the clause a meeting word sits in is in the past tense (True), looks ahead
    (False), or says nothing (None): the first verb up from ``tok`` decides.

    "will meet", "would meet", "is to meet" look ahead; "met", "had been" look back.
    """
    verb = _tense_verb(tok)
    if verb is None:
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return False
    if aux & _PAST_AUX or verb.tag_ == "VBD":
        return True
    return None


def pluperfect(tok: Token) -> bool:
    """Whether the verb that gives ``tok``'s clause its tense is in the pluperfect ("a
    meeting with Y had been planned", "had arranged talks")."""
    verb = _tense_verb(tok)
    # an infinitive takes its tense from the verb it hangs on: "had planned to meet Y", "had
    # been due to meet Y"
    while verb is not None and verb.dep_ in ("xcomp", "advcl") and {
            c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} == {"to"}:
        verb = _tense_verb(verb.head)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ == "had"
                                    for c in verb.children)


def _tense_verb(tok: Token) -> Token | None:
    """The first verb up from ``tok`` with a tense of its own (a finite form or one with
    auxiliaries), or None."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX"):
            if cur.tag_ in ("VBD", "VBZ", "VBP") or cur.lower_ in _FUTURE_AUX or any(
                    c.dep_ in ("aux", "auxpass") for c in cur.children):
                return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


def journey_tense(verb: Token) -> bool | None:
    """The tense a journey's own time is read in: its clause's (:func:`clause_tense`), with
    the present perfect a past: "has arrived on Thursday" is done, as "arrived" is."""
    tense = clause_tense(verb)
    return True if tense is None and perfect(verb) else tense


def perfect(verb: Token) -> bool:
    """Whether ``verb`` is a present perfect participle ("has flown"): the one perfect test."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in PERFECT
                                      for c in verb.children)


#: A time that lies ahead of the report whatever the tense around it: "tomorrow", "soon",
#: "(early) next week", "later this month", "later", "the coming week"; not "the next day"
#: or "next morning", which follow another time of the story, nor "two days later".
_AHEAD = re.compile(r"\b(?:tomorrow|soon|(?:up|forth)?coming|next (?!(?:day|morning|"
                    r"afternoon|evening|night)\b))|^later\b", re.IGNORECASE)


#: A "later" that follows another time of the story, not the report's ("later", "later that
#: week", "later in the day"); "later today", "later this week", "later next week" are
#: the report's own.
_LATER_THEN = re.compile(r"later\b(?!\s+(?:today|tonight|this|next)\b)", re.IGNORECASE)


def time_ahead(time: str | None, after_done: bool = False) -> bool:
    """Whether a meeting's own time, or an adverb of its verb ("will meet soon"), puts it
    after the report: the one reading of "ahead" the status rules share. With
    ``after_done`` (the time hangs on a verb told as done), a "later" follows that verb's own
    time, not the report ("flew to Oslo in January to meet Y later that week"), unless it
    names the report's own day or span ("later today", "later this week").

    >>> time_ahead("next week"), time_ahead("the next day"), time_ahead("last week")
    (True, False, False)
    >>> time_ahead("early next month"), time_ahead("two days later"), time_ahead("soon")
    (True, False, True)
    >>> time_ahead("later that week"), time_ahead("later that week", after_done=True)
    (True, False)
    >>> time_ahead("later this week", after_done=True), time_ahead("later today", True)
    (True, True)
    >>> time_ahead("later next week", after_done=True)
    True
    """
    return time is not None and _AHEAD.search(time) is not None \
        and not (after_done and _LATER_THEN.match(time) is not None)
