"""A date and a meeting that "after", "before", "since" or "until" sets apart: the date is of
the event the meeting is ordered against, so it bounds the meeting instead of dating it; a
date "since" which the meeting itself has gone on ("have been meeting since March 2", "talks,
under way since Monday") starts it.

"X began talks with Y after it announced its plan in August": the talks are after August, not
in it; "the talks had stalled since they were announced on March 2": the talks are after
March 2. A meeting in the ordered phrase itself keeps the date of the clause it is ordered
against ("said on Monday after meeting Y", "statements last month after talks with Y"): what
follows a meeting mostly follows it within days, so that date dates it better than a bound.

>>> from kg.extract.pipeline import load_nlp
>>> doc = load_nlp()("Valoria Corp began talks with Keller Inc after it announced its plan in May.")
>>> may = next(e for e in doc.ents if e.text == "May")
>>> order_of(may, next(t for t in doc if t.text == "talks"))
'after'
>>> doc = load_nlp()("Valoria Corp held talks with Keller Inc in May.")
>>> order_of(doc.ents[-1], next(t for t in doc if t.text == "talks")) is None
True
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from kg.extract.meeting_words import AFTER
from kg.model import DateSpan

__all__ = ["order_of", "ordered_apart", "ordered_span", "since_of"]

#: Words that put what they govern before the rest of the sentence.
_AFTER = AFTER | {"since"}
#: Words that put what they govern after the rest of the sentence.
_BEFORE = frozenset({"before", "ahead", "prior"})
#: Words that end the rest of the sentence on what they govern: how long the meeting ran,
#: not an event it came before ("held talks until the deadline on Friday": to Friday).
_UNTIL = frozenset({"until", "till"})


def _path(tok: Token, stop: Token) -> list[Token]:
    """``tok`` and its heads up to, not including, ``stop``."""
    out = []
    while tok.i != stop.i:
        out.append(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return out


def _common(a: Token, b: Token) -> Token:
    heads = {a.i} | {t.i for t in a.ancestors}
    for t in (b, *b.ancestors):
        if t.i in heads:
            return t
    return b.sent.root


def _boundary(path: list[Token]) -> str | None:
    """The ordering word that heads one of ``path``'s phrases or clauses: a preposition on
    the path ("since the accord", "ahead of the vote"), or a subordinator marking a clause
    verb on it ("after it announced"), or None."""
    for tok in path:
        words = [tok.lower_] if tok.dep_ in ("prep", "advmod") and not _indefinite(tok) else []
        words += [c.lower_ for c in tok.children if c.dep_ == "mark"]
        for w in words:
            if w in _AFTER:
                return "after"
            if w in _BEFORE:
                return "before"
            if w in _UNTIL:
                return "until"
    return None


def _indefinite(prep: Token) -> bool:
    """Whether ``prep`` governs an indefinite noun ("after a long delay"): no event of its
    own whose date could bound the meeting, so a date hung on it dates the meeting."""
    return any(c.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                         for d in c.children) for c in prep.children)


def order_of(ent: Span, trigger: Token) -> str | None:
    """Whether the meeting of ``trigger`` is "after" or "before" the event the date ``ent``
    dates, or runs "until" that date, when an ordering word puts that date in a phrase or
    clause the meeting is not in; None otherwise (also when the meeting is in an ordered
    phrase too)."""
    top = _common(ent.root, trigger)
    if _boundary(_path(trigger, top)) is not None:
        return None
    return _boundary(_path(ent.root, top))


def ordered_apart(ent: Span, trigger: Token) -> bool:
    """Whether the date ``ent`` and the meeting of ``trigger`` are each in an ordered phrase
    of their own ("after meeting Y, X said it had backed the dollar since the February
    accord"): the date is of an event ordered against another than the meeting, and says
    nothing of the meeting's day."""
    top = _common(ent.root, trigger)
    return _boundary(_path(trigger, top)) is not None \
        and _boundary(_path(ent.root, top)) is not None


def ordered_span(other: DateSpan | None, order: str, status: str,
                 published: date) -> DateSpan | None:
    """The days of a meeting "after" or "before" an event of days ``other``: from its first
    day, or up to its last, the other end the story's day for a held meeting "after" and a
    planned one "before"; None when that tells nothing the report's status does not (a
    planned meeting after a day before the story, a held one before a day after it), when
    the ends cross, or when ``other`` has no such day.

    >>> from datetime import date
    >>> aug = DateSpan(date(1987, 8, 1), date(1987, 8, 31), "month")
    >>> str(ordered_span(aug, "after", "happened", date(1987, 10, 19)))
    '1987-08-01/1987-10-19 (bound)'
    >>> str(ordered_span(aug, "before", "happened", date(1987, 10, 19)))
    '../1987-08-31 (bound)'
    >>> ordered_span(aug, "after", "planned", date(1987, 10, 19)) is None
    True
    """
    if other is None or order == "after" and status == "planned" and other.start is not None \
            and other.start <= published or order == "before" and status == "happened" \
            and other.end is not None and other.end >= published:
        return None
    if order == "after":
        start, end = other.start, published if status == "happened" else None
    else:
        start, end = published if status == "planned" else None, other.end
    if start is None and order == "after" or end is None and order == "before" \
            or start is not None and end is not None and start > end:
        return None
    return DateSpan(start, end, "bound")


def since_of(times: list[Span], trigger: Token, clause: Token) -> Span | None:
    """The date the meeting of ``trigger`` has gone on since, told in a "since" phrase on the
    meeting word, its clause verb ``clause`` or an "under way" phrase of the noun ("have been
    meeting since March 2", "the talks, under way since Monday", "have met twice since
    May"), or None. Not a gap since another meeting ("their first meeting since May", "met
    for the first time since 1998"): that meeting is one day after it, which the story's
    recency dates better than the bound."""
    if any(c.lower_ in ("first", "last") for c in trigger.children):
        return None
    for ent in times:
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.lower_ != "since":
            continue
        host = prep.head
        if host.lower_ == "way":
            host = host.head
        if host.lower_ == "under" and any(c.lower_ == "way" for c in host.children):
            host = host.head  # "talks, under way since Monday": the parse hangs it either way
        if host.dep_ in ("relcl", "acl") and host.head.i == trigger.i:
            host = trigger  # "the talks, which have been under way since Monday"
        if host.i == trigger.i or host.i == clause.i and _of_clause(trigger, clause):
            return ent
    return None


def _of_clause(trigger: Token, clause: Token) -> bool:
    """Whether the meeting word ``trigger`` is what its clause verb ``clause`` tells of: the
    verb itself, its subject or object ("have held talks since May", "three rounds of talks"),
    or "in" or "at" talks; not a meeting in a phrase of another event ("has stayed silent
    since May 2, after talks with Y": the talks came before the silence)."""
    while trigger.dep_ == "pobj" and trigger.head.lower_ == "of" \
            and trigger.head.head.i != clause.i:
        trigger = trigger.head.head  # "rounds of talks": the rounds are the clause's
    return trigger.i == clause.i or trigger.dep_ != "pobj" or trigger.head.lower_ in ("in", "at")
