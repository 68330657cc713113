"""Time and place of an event: expressions attached to it, and dates normalised with dateparser.

>>> from datetime import date
>>> normalise_date("Tuesday", date(2025, 12, 1), future=True)
datetime.date(2025, 12, 2)
>>> normalise_date("on Monday", date(2025, 12, 3), future=False)
datetime.date(2025, 12, 1)
>>> normalise_date("soon", None, future=True) is None
True
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime, time

from spacy.tokens import Span, Token

__all__ = ["normalise_date", "attached_time", "attached_place", "strip_preposition"]

log = logging.getLogger(__name__)

_LEADING = ("on ", "in ", "at ", "during ", "by ", "from ", "until ", "the ")
_UNITS = frozenset({"hour", "day", "week", "month", "year", "minute", "decade"})
_VAGUE = frozenset({"soon", "recently", "now", "today", "currently", "later"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})


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


def normalise_date(text: str | None, published: date | None, future: bool) -> date | None:
    """The calendar date that ``text`` means relative to ``published``, or None.

    ``future`` prefers the next such day ("Tuesday" in a planned meeting); otherwise the
    last one. Vague expressions ("soon") give None.
    """
    if not text or published is None:
        return None
    text = strip_preposition(text)
    if text.casefold() in _VAGUE - {"today"}:
        return None
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime.combine(published, time(12, 0)),
        "PREFER_DATES_FROM": "future" if future else "past",
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
    """Whether walking up from ``tok`` reaches an anchor before any other verb."""
    cur = tok
    for _ in range(6):
        if cur.i in anchors:
            return True
        if cur.head is cur:
            return False
        if cur is not tok and cur.pos_ in ("VERB", "AUX"):
            return False
        cur = cur.head
    return False


def _is_duration(ent: Span) -> bool:
    """ "nine hours", "just days": durations and vague spans, not times of an event."""
    root = ent.root
    if root.lemma_.casefold() in _UNITS and not any(
        c.lower_ in ("this", "last", "next", "that", "ago", "earlier", "later") for c in ent
    ):
        return True
    return False


def attached_time(sent: Span, anchors: set[int], trigger: Token) -> str | None:
    """The DATE/TIME expression of ``sent`` attached to the event (nearest to the trigger)."""
    found: list[Span] = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME") or _is_duration(ent):
            continue
        if _attach_point(ent.root, anchors):
            found.append(ent)
    if not found:
        return None
    best = min(found, key=lambda e: abs(e.root.i - trigger.i))
    return strip_preposition(best.text)


def attached_place(sent: Span, anchors: set[int], after: Iterable[Token]) -> Span | None:
    """The place of the event: a locative PP on an anchor, or on a party named before it.

    ``after`` are party tokens: "meet X in Moscow" may attach "in Moscow" to X.
    """
    parties = {t.i for t in after}
    for ent in sent.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root = ent.root
        if root.dep_ == "compound" and root.head.i in anchors:
            return ent  # "Moscow talks"
        if root.dep_ != "pobj" or root.head.lower_ not in _LOCATIVE:
            continue
        host = root.head.head
        if host.i in anchors or (host.i in parties and root.head.i > host.i):
            return ent
    return None
