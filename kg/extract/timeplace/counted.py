"""Dates that count from one named before them ("the same day", "two days later", "the
following week"), and the number words they count with.

>>> count_of("three"), count_of("12"), count_of("few")
(3, 12, None)
"""

from __future__ import annotations

import re

from kg.extract.timeplace.timex import strip_preposition

__all__ = ["count_of", "refers_back", "week_back"]

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}


def count_of(word: str) -> int | None:
    """The number a count word or digits say ("two", "a", "12"), else None."""
    return int(word) if word.isdigit() else _NUMBERS.get(word)


#: Dates that count from the one named before them: "the same day", "a week later".
_PARTS = r"(?:day|morning|afternoon|evening|night)"
_SAME = re.compile(rf"^(?:(?:later|earlier) )?(?:on )?(?:(?:the )?same|that) {_PARTS}$")
_NEXT = re.compile(rf"^(?:(?:the )?(?:following|next) {_PARTS}|(?:the )?day after|a day later)$")
_PREV = re.compile(r"^(?:(?:the )?(?:previous|preceding) day|(?:the )?day before|a day earlier)$")
_LATER = re.compile(r"^(\w+) (days?|weeks?) (later|after|afterwards|earlier|before)$")
#: A week counted from an earlier date: "the following week", "later that week".
_WEEK_NEXT = re.compile(r"^(?:the )?(?:following|ensuing|subsequent) week$|^(?:the )?week after$")
_WEEK_PREV = re.compile(r"^(?:the )?(?:previous|preceding) week$|^(?:the )?week before$")
_WEEK_SAME = re.compile(r"^(?:(?:later|earlier) )?(?:in )?(?:that|(?:the )?same) week$")


def refers_back(text: str) -> int | None:
    """How many days after the date named before it ``text`` means, when it counts from one.

    >>> refers_back("the same day"), refers_back("the following day"), refers_back("Monday")
    (0, 1, None)
    >>> refers_back("two days later"), refers_back("the day before"), refers_back("a week later")
    (2, -1, 7)
    """
    low = " ".join(strip_preposition(text).casefold().split())
    if _SAME.match(low):
        return 0
    if _NEXT.match(low):
        return 1
    if _PREV.match(low):
        return -1
    m = _LATER.match(low)
    if m and (n := count_of(m.group(1))) is not None:
        n *= 7 if m.group(2).startswith("week") else 1
        return n if m.group(3) in ("later", "after", "afterwards") else -n
    return None


def week_back(text: str) -> int | None:
    """Which week after the one of the date named before it ``text`` means, when it counts
    from one: "the following week" is the next (1), "that week" the same (0).

    >>> week_back("the following week"), week_back("later that week"), week_back("next week")
    (1, 0, None)
    """
    low = " ".join(strip_preposition(text).casefold().split())
    if _WEEK_NEXT.match(low):
        return 1
    if _WEEK_PREV.match(low):
        return -1
    if _WEEK_SAME.match(low):
        return 0
    return None
