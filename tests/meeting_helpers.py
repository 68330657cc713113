"""Helpers for the meeting and entity tests: run the pipeline on a hand-written text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kg.extract import extract
from kg.extract.pipeline import set_doc_context
from kg.model import Article, Extraction


@dataclass(frozen=True)
class Seen:
    """One meeting as the tests compare it: participant labels, status, place, time."""

    names: frozenset[str]
    status: str
    place: str | None
    time: str | None
    date: date | None = None


def run(nlp, text: str, published: date | None = None) -> Extraction:
    """The Extraction of ``text`` as one article."""
    doc = set_doc_context(nlp.make_doc(text), "t", published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return extract(doc, Article("t", "T", text, published))


def meetings(nlp, text: str, published: date | None = None) -> list[Seen]:
    """The meetings of ``text``, by participant label."""
    x = run(nlp, text, published)
    return [
        Seen(frozenset(x.entity(k).label for k in m.participants), m.status.value, m.place,
             m.time, m.date)
        for m in x.meetings
    ]


def pairs(nlp, text: str) -> set[frozenset[str]]:
    """The participant label sets of every meeting of ``text``."""
    return {m.names for m in meetings(nlp, text)}


def participant_pairs(nlp, text: str) -> set[frozenset[str]]:
    """Every unordered pair of participants of every meeting of ``text`` (as the benchmark
    scores them)."""
    return {frozenset({a, b}) for m in meetings(nlp, text) for a in m.names for b in m.names
            if a < b}


def clusters(nlp, text: str) -> dict[str, set[str]]:
    """Entity label -> the set of its mention texts (names, aliases, titles, pronouns)."""
    x = run(nlp, text)
    return {e.label: {m.text for m in e.mentions} for e in x.entities}


#: The publication day of the dating tests: a Friday.
FRI = date(2026, 3, 13)


def d(month: int, day: int, year: int = 2026) -> date:
    """A day of the dating tests' year."""
    return date(year, month, day)


def spans(nlp, text: str, published: date | None = FRI) -> list[tuple[date | None, date | None]]:
    """The date interval of every meeting report of ``text``, in order."""
    return [(m.span.start, m.span.end) for m in run(nlp, text, published).meetings]


def statuses(nlp, text: str, published: date | None = FRI) -> list[str]:
    """The statuses of the meetings of ``text``, in order (a Friday story by default)."""
    return [m.status for m in meetings(nlp, text, published)]
