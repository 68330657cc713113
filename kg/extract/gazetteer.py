"""Country, demonym and title tables (``kg/data/countries.tsv``, ``kg/data/titles.txt``) as lookups.

>>> country_of("the U.S.")
'United States'
>>> country_of("Ukrainian")
'Ukraine'
>>> is_title("Prime Minister"), is_title("Putin")
(True, False)
>>> MONTHS["sept"], MONTHS["september"], MONTHS["sep"], WEEKDAYS["monday"]
(9, 9, 9, 0)
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

__all__ = [
    "Gazetteer",
    "gazetteer",
    "capital_countries",
    "country_of",
    "country_name",
    "demonym_country",
    "is_nationality",
    "is_title",
    "title_words",
    "is_title_abbreviation",
    "is_misspelt_title",
    "name_core",
    "HONORIFICS",
    "MALE_HONORIFICS",
    "FEMALE_HONORIFICS",
    "LEADER_TITLES",
    "DEPUTY_WORDS",
    "ORG_HEADS",
    "is_company_name",
    "bare_name",
    "MONTHS",
    "WEEKDAYS",
]

#: Month names and their abbreviations, lower case, to the month's number; "sept" too, as
#: wires write September.
MONTHS: Mapping[str, int] = MappingProxyType(
    {m.casefold(): n for n, m in enumerate(calendar.month_name) if m}
    | {m.casefold(): n for n, m in enumerate(calendar.month_abbr) if m} | {"sept": 9})
#: The days of the week, lower case, to their number (Monday 0, as ``date.weekday()``).
WEEKDAYS: Mapping[str, int] = MappingProxyType(
    {d.casefold(): n for n, d in enumerate(calendar.day_name)})

MALE_HONORIFICS = frozenset(
    {"mr", "mr.", "sir", "lord", "baron", "king", "prince", "emperor", "sheikh", "pope"}
)
FEMALE_HONORIFICS = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "baroness", "queen", "princess"}
)
#: Honorifics say nothing about a role; they are dropped from names but not kept as titles.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."})
#: A bare "the leader" may refer back to anyone holding one of these titles.
LEADER_TITLES = frozenset(
    {"president", "premier", "prime minister", "chancellor", "king", "queen", "emir", "sultan",
     "leader", "chief", "sheikh", "emperor", "pope", "chairman"}
)
#: Words that make a title a deputy's or a junior's office ("Deputy Prime Minister").
DEPUTY_WORDS = frozenset({"deputy", "vice", "under", "undersecretary", "assistant", "junior"})
#: Last words of organisation names: "World Bank and IMF" is two organisations.
ORG_HEADS = frozenset(
    {"committee", "bank", "fund", "council", "ministry", "commission", "board", "organization",
     "organisation", "union", "agency", "association", "institute", "department", "corp",
     "corporation", "company", "group", "office", "exchange", "party", "authority"}
)


@dataclass(frozen=True)
class Gazetteer:
    """Lower-cased surface form -> canonical country name, for names and for demonyms."""

    names: dict[str, str]
    demonyms: dict[str, str]
    titles: frozenset[str]


def _norm(text: str) -> str:
    text = " ".join(text.split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    return text


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The tables, read once from the package data."""
    data = Path(__file__).resolve().parent.parent / "data"
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in (data / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + ["", ""]
        country = cols[0].strip()
        names[_norm(country)] = country
        for alias in filter(None, (a.strip() for a in cols[1].split(";"))):
            names.setdefault(_norm(alias), country)
        for dem in filter(None, (d.strip() for d in cols[2].split(";"))):
            demonyms.setdefault(_norm(dem), country)
    titles = frozenset(
        t.strip().casefold()
        for t in (data / "titles.txt").read_text(encoding="utf-8").splitlines()
        if t.strip() and not t.startswith("#")
    )
    return Gazetteer(names, demonyms, titles)


def country_name(text: str) -> str | None:
    """The canonical country that ``text`` names ("U.S." -> "United States"), or None."""
    return gazetteer().names.get(_norm(text))


def demonym_country(text: str) -> str | None:
    """The country of a demonym or nationality adjective ("Russian" -> "Russia"), or None."""
    return gazetteer().demonyms.get(_norm(text))


def country_of(text: str) -> str | None:
    """The country that ``text`` names or is the demonym of, or None."""
    return country_name(text) or demonym_country(text)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, ...]]:
    data = Path(__file__).resolve().parent.parent / "data" / "capitals.tsv"
    out: dict[str, tuple[str, ...]] = {}
    for line in data.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            city, countries = line.split("\t")
            out[_norm(city)] = tuple(c.strip() for c in countries.split(";"))
    return out


def capital_countries(text: str) -> tuple[str, ...]:
    """The countries whose government sits in the city ``text`` (more than one when it
    changed: Moscow was the Soviet Union's), or ().

    >>> capital_countries("Tokyo"), capital_countries("Moscow"), capital_countries("Leeds")
    (('Japan',), ('Russia', 'Soviet Union'), ())
    """
    return _capitals().get(_norm(text), ())


def is_title(text: str) -> bool:
    """Whether ``text`` (one or more words) is a known title or role word."""
    return _norm(text) in gazetteer().titles


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every single word that occurs in a known title ("prime", "minister", ...)."""
    return frozenset(w for t in gazetteer().titles for w in t.split())


def is_title_abbreviation(word: str) -> bool:
    """Whether ``word`` is a title's abbreviation written without its period ("Sen", "Gen").

    >>> is_title_abbreviation("Sen"), is_title_abbreviation("Ben")
    (True, False)
    """
    low = word.casefold()
    return not low.endswith(".") and low + "." in gazetteer().titles


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one insertion, deletion, substitution or swap of
    neighbours (a typist's slip)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=1)
def _long_title_words() -> frozenset[str]:
    # Shorter title words are one slip from too many names ("Sultan" and "Sulman").
    return frozenset(w for w in title_words() if len(w) >= 7 and w.isalpha())


def is_misspelt_title(word: str) -> bool:
    """Whether ``word`` is a long title word with one letter slipped ("Minsiter", "Miniister").

    >>> is_misspelt_title("Minsiter"), is_misspelt_title("Minister"), is_misspelt_title("Mirna")
    (True, False, False)
    """
    low = word.casefold()
    return len(low) >= 6 and low.isalpha() and low not in title_words() \
        and any(_one_edit(low, t) for t in _long_title_words())


def name_core(words: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name without the title, nationality or misspelt title words written before
    it, as long as two words remain ("Sen Ann Vos", "Belgian Ann Vos", "minsiter Ann Vos").

    >>> name_core(("prime", "minsiter", "ann", "vos")), name_core(("king", "olaf"))
    (('ann', 'vos'), ('king', 'olaf'))
    """
    out = words
    while len(out) > 2 and (out[0].casefold() in title_words() or is_title_abbreviation(out[0])
                            or is_misspelt_title(out[0]) or is_nationality(out[0])):
        out = out[1:]
    return out


def is_nationality(word: str) -> bool:
    """Whether ``word`` before a person's name is a nationality, not a given name: short
    demonyms are given names too ("Finn", "Dane").

    >>> is_nationality("Belgian"), is_nationality("Finn")
    (True, False)
    """
    return len(word) >= 5 and demonym_country(word) is not None


#: Words after a company name that make it a company ("Acme Corp" is "the company").
_CORPORATE = frozenset(
    {"corp", "corp.", "corporation", "inc", "inc.", "co", "co.", "company", "ltd", "ltd.", "plc",
     "group", "holdings", "ag", "sa", "nv", "n.v.", "llc", "industries", "bancorp", "n.a.",
     "spa", "s.p.a.", "gmbh", "bv", "b.v.", "pty", "ltda"}
)


def is_company_name(label: str) -> bool:
    """Whether an organisation's name is a company's: it ends in Corp, Inc, Ltd ...

    >>> is_company_name("Acme Holdings Inc"), is_company_name("World Bank")
    (True, False)
    """
    words = label.casefold().replace(",", " ").split()
    return bool(words) and words[-1] in _CORPORATE


#: Determiners that open a span but not a name ("his Social Liberal Party").
_DETERMINERS = ("the ", "his ", "her ", "its ", "their ", "our ")


def bare_name(text: str) -> str:
    """A name as written, without an opening determiner or a closing possessive: what
    entities are labelled and keyed by.

    >>> bare_name("the  Acme Corp's"), bare_name("his Social Liberal Party")
    ('Acme Corp', 'Social Liberal Party')
    """
    text = " ".join(text.split())
    for det in _DETERMINERS:
        if text.casefold().startswith(det):
            text = text[len(det) :]
            break
    for pos in ("'s", "’s", '"s', "'", "’"):
        if text.endswith(pos):
            text = text[: -len(pos)]
    return text.strip()
