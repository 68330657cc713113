"""A day of the month told alone as an ordinal ("the 2nd", "on the 20th"), placed in the story's
month or the one before or after it, as the report's tense asks (dateparser reads "the 2nd"
as February).

>>> from datetime import date
>>> dec_10 = date(2026, 12, 10)
>>> str(month_day("the 2nd", dec_10, False)), str(month_day("2nd", dec_10, True))
('2026-12-02', '2027-01-02')
>>> str(month_day("the 20th", dec_10, False)), is_month_day("March 2nd")
('2026-11-20', False)
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["is_month_day", "month_day"]

_ORDINAL_DAY = re.compile(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)", re.IGNORECASE)


def is_month_day(text: str) -> bool:
    """Whether ``text`` is an ordinal day of the month alone ("the 2nd", "20th")."""
    return _ORDINAL_DAY.fullmatch(text.strip()) is not None


def month_day(text: str, published: date, future: bool | None) -> date | None:
    """The date an ordinal day alone names: the story's month's day, or the next month's
    (``future``) or the last month's (False) when the story's is on the wrong side of the
    story's day, passing over a month without that day; None for no ordinal day alone, or
    one no month near has ("the 40th")."""
    m = _ORDINAL_DAY.fullmatch(text.strip())
    if m is None:
        return None
    day, step = int(m.group(1)), 1 if future else -1
    year, month = published.year, published.month
    for _ in range(3):
        try:
            found: date | None = date(year, month, day)
        except ValueError:
            found = None
        if future is None or found is not None and (
                found == published or (found > published) == future):
            return found
        month += step
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return None
