"""Plain-text cleaning shared by every article format: strict decoding, paragraphs, dates.

>>> clean_text("Bob met\\nAlice.\\nShare")
'Bob met Alice.'
"""

from __future__ import annotations

import calendar
import codecs
import re
from datetime import date, datetime

from kg.errors import InputError

__all__ = ["decode", "clean_text", "parse_date", "split_dateline", "dateline_place", "wire_body"]

_BOILERPLATE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^by\s+[\w.'\- ]{1,60}$",
        r"^\d+\s*(min|minute)s?\s+read$",
        r"^share( this( article| story)?)?$",
        r"^(click|tap) to share.*$",
        r"^(follow|subscribe|sign up)\b.{0,60}$",
        r"^(advertisement|related( articles| stories)?|read more)$",
        r"^(updated|published)\s*[:\-]?\s*.{0,40}$",
    )
]
_SENTENCE_END = re.compile(r"[.!?\"'”’)]$")


def decode(data: bytes, source: str) -> str:
    """Decode bytes strictly: UTF-8 (with or without BOM) or UTF-16 with a BOM.

    >>> decode("é".encode("utf-16"), "f")
    'é'
    >>> decode(b"\\xff\\xfe\\x00", "f")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    kg.errors.InputError: f: not valid UTF-16...
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(f"{source}: not valid UTF-16 ({e.reason} at byte {e.start})") from e
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(
            f"{source}: not valid UTF-8 ({e.reason} at byte {e.start}); re-encode it as UTF-8"
        ) from e


def _is_boilerplate(line: str) -> bool:
    return any(p.match(line) for p in _BOILERPLATE)


def _continues(lines: list[str], i: int) -> bool:
    """Line ``i`` carries on the unfinished sentence of a prose line before it."""
    prev = lines[i - 1] if i > 0 else ""
    return len(prev.split()) >= 4 and not _SENTENCE_END.search(prev)


def clean_text(body: str) -> str:
    """Join wrapped lines into paragraphs and drop boilerplate lines.

    A blank line or an indented line starts a paragraph. Short lines without sentence
    punctuation before the first or after the last real paragraph (author names, "Share")
    are dropped too.

    >>> clean_text("admin\\nBy admin\\n\\nFirst line\\nwraps here.\\n    Second para.\\nShare")
    'First line wraps here.\\n\\nSecond para.'
    >>> clean_text("The deficit was lower than estimated\\nby Senate budget staff.")
    'The deficit was lower than estimated by Senate budget staff.'
    """
    paras: list[list[str]] = []
    current: list[str] = []
    for raw in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line or raw[:2] in ("  ", "\t ") or raw.startswith("\t"):
            if current:
                paras.append(current)
            current = [line] if line else []
            continue
        current.append(line)
    if current:
        paras.append(current)
    kept: list[str] = []
    for lines in paras:
        # A wrapped line that continues an unfinished sentence ("... as estimated" /
        # "by Senate Budget Committee chairman ...") is prose, never a byline.
        lines = [ln for i, ln in enumerate(lines)
                 if not (_is_boilerplate(ln) and not _continues(lines, i))]
        if lines:
            kept.append(" ".join(" ".join(lines).split()))

    def real(p: str) -> bool:
        return len(p.split()) >= 4 or bool(_SENTENCE_END.search(p))

    while kept and not real(kept[0]):
        kept.pop(0)
    while kept and not real(kept[-1]):
        kept.pop()
    return "\n\n".join(kept)


def parse_date(value: str | None, source: str = "") -> date | None:
    """An ISO date or datetime string as a date; None for None or empty.

    >>> parse_date("1987-02-26T15:01:01")
    datetime.date(1987, 2, 26)
    """
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError as e:
        raise InputError(f"{source}: published date {value!r} is not an ISO date") from e


#: A month as a wire writes it in a dateline, in any case: "April", "Sept.", "MARCH", or
#: misspelt after its first three letters ("Marc 3"); not any word that opens like one
#: ("Mayor", "Novel").
_MONTH = (r"(?i:(?:january|february|march|april|may|june|july|august|september|october"
          r"|november|december|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]?))\.?")
#: A wire dateline's month and day after its place: "TOKYO, April 13 -", "PARIS, Sept 2
#: (Reuters) -".
_DATELINE = re.compile(rf",\s*({_MONTH})\s+(\d{{1,2}})\b")
_MONTHS = {m.casefold(): n for n, m in enumerate(calendar.month_abbr) if m}


def dateline_day(dateline: str | None, published: date | None) -> date | None:
    """The day a wire story's dateline gives it, when it lies within a day of its
    ``published`` timestamp; None otherwise.

    The dateline is the day where the story was written, the one its "today" and "yesterday"
    count from; the timestamp is in the wire's own time zone, so an evening story from Tokyo
    carries the next day, and one sent just after midnight the day before. A dateline further
    off is a story held back or sent again, whose text may count from either day.

    >>> dateline_day("TOKYO, April 13 -", date(1987, 4, 12))
    datetime.date(1987, 4, 13)
    >>> dateline_day("WELLINGTON, Jan 1 -", date(1986, 12, 31))
    datetime.date(1987, 1, 1)
    >>> dateline_day("LONDON, April 10 -", date(1987, 4, 12)) is None
    True
    """
    m = _DATELINE.search(dateline or "")
    if m is None or published is None:
        return None
    month = _MONTHS[m.group(1)[:3].casefold()]  # "sept" -> "sep"
    for year in (published.year, published.year + 1, published.year - 1):
        try:
            day = date(year, month, int(m.group(2)))
        except ValueError:
            return None
        if abs((day - published).days) <= 1:
            return day
    return None


#: A wire dateline opening a story's body: a place (a state or country after a comma
#: allowed), then its month and day, an agency in brackets or both, then a dash. A place
#: with an agency only must be in capitals ("LONDON (Reuters) -"): a name with a bracket
#: and a dash opens ordinary sentences too ("The Monetary Fund (MF) - the lender - said").
_AGENCY = r"\([A-Z][\w .&-]{0,30}\)"
_REGION = r"(?:, [A-Z][A-Za-z.]{1,12}(?: [A-Z][A-Za-z.]{1,12})?)?"
_LEADING_DATELINE = re.compile(
    r"(?P<line>"
    rf"(?:[A-Z][A-Za-z.'/\-]*(?: [A-Z][A-Za-z.'/\-]*){{0,3}}{_REGION}"
    rf", {_MONTH} \d{{1,2}}(?: {_AGENCY})?"
    rf"|[A-Z][A-Z.'/\-]*(?: [A-Z][A-Z.'/\-]*){{0,3}}{_REGION} {_AGENCY})"
    r" ?[-\u2013\u2014]+)\s+(?=\S)")


def split_dateline(text: str) -> tuple[str | None, str]:
    """A dateline written at the start of a story's body, and the body without it.

    Wire copy pasted or fetched from the web opens with "TOKYO, March 3 -" or "LONDON
    (Reuters) -"; left in the text, the parser reads the place and day as part of the first
    sentence's subject, and the place may come out as a meeting's party.

    >>> split_dateline("TOKYO, March 3 (Reuters) - Peter Novak met Paul Keller.")
    ('TOKYO, March 3 (Reuters) -', 'Peter Novak met Paul Keller.')
    >>> split_dateline("WASHINGTON (AP) \u2014 The talks ended.")
    ('WASHINGTON (AP) \u2014', 'The talks ended.')
    >>> split_dateline("U.S. - Japan talks resumed on Monday.")
    (None, 'U.S. - Japan talks resumed on Monday.')
    """
    m = _LEADING_DATELINE.match(text)
    if m is None:
        return None, text
    return m.group("line"), text[m.end():]


#: The place a dateline opens with, up to its region, month, agency or dash.
_DATELINE_PLACE = re.compile(
    r"\s*([A-Za-z][A-Za-z.'/\- ]{0,40}?)(?:,|\s*\(|\s+[-\u2013\u2014]|\s*$)")


def dateline_place(dateline: str | None) -> str | None:
    """The place a wire dateline names, as a reader writes it: where the story's "here" is.

    >>> dateline_place("TOKYO, April 13 -"), dateline_place("PORT LOUIS, Mauritius, May 2 -")
    ('Tokyo', 'Port Louis')
    >>> dateline_place("LONDON (Reuters) -"), dateline_place("STOKE-ON-TRENT, May 3 -")
    ('London', 'Stoke-on-Trent')
    >>> dateline_place("March 3 -") is None, dateline_place(None) is None
    (True, True)
    >>> dateline_place("Port Louis")  # a place alone, as ``kg read`` writes it back
    'Port Louis'
    """
    m = _DATELINE_PLACE.match(dateline or "")
    place = m.group(1).strip() if m else ""
    if not place or len(place.split()) > 4:
        return None
    return _capitalised(place) if place.isupper() else place


#: Words inside a place name a reader writes in lower case: "Rio de Janeiro", "Stoke-on-Trent".
_PARTICLES = frozenset({"de", "do", "da", "dos", "das", "del", "di", "la", "le", "les", "du",
                        "des", "au", "aux", "en", "es", "on", "upon", "sur", "am", "an", "der",
                        "van", "von", "y", "e", "of"})


def _capitalised(place: str) -> str:
    """A place written in capitals as a reader writes it.

    >>> _capitalised("RIO DE JANEIRO"), _capitalised("STOKE-ON-TRENT")
    ('Rio de Janeiro', 'Stoke-on-Trent')
    """
    words = re.split(r"([ \-/])", place.lower())
    return "".join(w if i and w in _PARTICLES else w[:1].upper() + w[1:]
                   for i, w in enumerate(words))


def wire_body(raw: str, published: date | None,
              dateline: str | None = None) -> tuple[str, date | None, str | None]:
    """A story's body, cleaned (:func:`clean_text`) and without the dateline it opens with,
    its date (the day the dateline gives, :func:`dateline_day`, else ``published``) and the
    dateline's place (:func:`dateline_place`). A ``dateline`` the source keeps apart (a
    record's field) comes before one the body opens with.

    >>> wire_body("PARIS, April 13 (Reuters) - Talks ended.", date(1987, 4, 12))
    ('Talks ended.', datetime.date(1987, 4, 13), 'Paris')
    >>> wire_body("PARIS (Reuters) - Talks ended.", date(1987, 4, 12), "NICE, April 13 -")
    ('Talks ended.', datetime.date(1987, 4, 13), 'Nice')
    """
    line, text = split_dateline(clean_text(raw))
    told = dateline or line
    return text, dateline_day(told, published) or published, dateline_place(told)
