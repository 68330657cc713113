"""Which weekend a report means by "at the weekend", "over the weekend" or "this weekend", from
the story's day and whether the report looks back or ahead.

A weekend runs Friday to Sunday (talks "at the weekend" often open on the Friday). In a story of
a Saturday or Sunday, "this weekend" is the one it is written in, and "last weekend" the one
before; "at the weekend" (the wire's British usage) is the latest weekend over for a held
meeting (in a Friday's story, the one before) and the first one not over for a planned one.
"Next weekend" is the one that ends the week after the story's (Sunday to Saturday).

>>> from datetime import date
>>> mon, sun = date(1987, 4, 27), date(1987, 4, 26)
>>> weekend_span("the weekend", mon, -1)
DateSpan(start=datetime.date(1987, 4, 24), end=datetime.date(1987, 4, 26), precision='week')
>>> str(weekend_span("over the weekend", mon, 1))
'1987-05-01/1987-05-03 (week)'
>>> str(weekend_span("this weekend", sun, -1)), str(weekend_span("last weekend", sun, -1))
('1987-04-24/1987-04-26 (week)', '1987-04-17/1987-04-19 (week)')
>>> weekend_span("the weekend of April 4", mon, 1) is None
True
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from kg.model import DateSpan

__all__ = ["weekend_span"]

#: "this weekend", "last weekend", ... anywhere in the text; "(at) the weekend" as all of it
#: ("the weekend of April 4" is that date's).
_WHICH = re.compile(r"\b(this|last|past|previous|next|coming) weekend\b")
_BARE = re.compile(r"^(?:(?:at|over|during|on) )?(?:the )?weekend$")
_DAY = timedelta(days=1)


def weekend_span(text: str, published: date, direction: int) -> DateSpan | None:
    """The days of the weekend ``text`` names (lower case, one space between words), read
    back when ``direction`` is negative and ahead when positive; None for any other text.
    Precision ``week``, as for any few days named by a week's word."""
    m = _WHICH.search(text)
    if m is None and not _BARE.match(text):
        return None
    which = m.group(1) if m else None
    if which in ("next", "coming"):  # the weekend that ends the week after the story's
        saturday = published + timedelta(days=7 + 6 - (published.weekday() + 1) % 7)
        return DateSpan(saturday - _DAY, saturday + _DAY, "week")
    weekday = published.weekday()
    friday = published - timedelta(days=(weekday - 4) % 7)  # the latest, up to the story
    # Written in a weekend: a Saturday's or Sunday's story, or a Friday's unless it tells a
    # meeting held "at the weekend" (the one before: the weekend has barely begun).
    during = weekday in (5, 6) or weekday == 4 and (which == "this" or direction >= 0)
    if weekday == 4 and not during:
        friday -= 7 * _DAY
    if which in ("last", "past", "previous"):
        start = friday - 7 * _DAY if during else friday
    elif during:
        start = friday  # the weekend the story is written in
    elif which == "this" and (direction > 0 or published.weekday() != 0):
        start = friday + 7 * _DAY  # "this weekend" in a week's story: the coming one ...
    elif which is None and direction > 0:
        start = friday + 7 * _DAY
    else:
        start = friday  # ... except looking back from a Monday, or "at the weekend" held
    end = start + 2 * _DAY
    if during and which not in ("last", "past", "previous"):
        # The part still ahead of a planned meeting, or already over of a held one.
        if direction > 0:
            start = published
        elif direction < 0:
            end = published
    return DateSpan(start, end, "week")
