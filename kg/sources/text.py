"""Plain-text cleaning shared by every article format: strict decoding, paragraphs, dates.

>>> clean_text("Bob met\\nAlice.\\nShare")
'Bob met Alice.'
"""

from __future__ import annotations

import codecs
import re
from datetime import date, datetime

from kg.errors import InputError

__all__ = ["decode", "clean_text", "parse_date"]

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
