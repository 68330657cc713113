"""Place and time of a meeting from a neighbouring sentence that refers to the same meeting.

The guide takes a value "from a neighbouring sentence that explicitly refers to the same
meeting": a definite mention right after it ("The talks, held in Oslo, ..."), the body's
meeting named again ("The Acme committee meeting, set for May 2, ..."), or the same
participants meeting again in a sentence that says neither where nor when ("as the two
ministers were meeting with X" after "A and B met in Rome on Monday").

>>> Echo(3, None, "Monday", ()).sentence
3
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from kg.extract.index import EntityIndex
from kg.extract.meetings.trigger_syntax import definite
from kg.extract.timeplace.day_roles import held_day, report_date
from kg.extract.timeplace.place import place_label
from kg.extract.timeplace.when import resolve_span
from kg.model import EntityType, Meeting, MeetingStatus

__all__ = ["Echo", "by_place", "complete", "fill_from_neighbours", "carried_setting"]

#: How many sentences later a mention of the same body's meeting may say where or when.
_BODY_REACH = 2
#: How many sentences back the same participants' meeting may be.
_SAME_PARTIES_REACH = 3


@dataclass(frozen=True)
class Echo:
    """A definite mention of a meeting that names no two parties but says where or when:
    its sentence, place, time and the named parties (a body) it mentions."""

    sentence: int
    place: Span | None
    time: str | None
    keys: tuple[str, ...]


def complete(out: list[Meeting], n: int, place: Span | None, index: EntityIndex,
             time: str | None, published: date | None) -> None:
    """Fill the place and time that meeting ``out[n]`` lacks."""
    m = out[n]
    if m.time is None and time is not None:
        planned = m.status is MeetingStatus.PLANNED
        span = held_day(resolve_span(time, published, m.status.value), time, published,
                        m.status.value)
        m = replace(m, time=time, date=report_date(time, published, planned, span),
                    span=span)
    if m.place is None and place is not None:
        m = replace(m, place=place_label(place), place_entity=index.entity_of(place))
    out[n] = m


def _names_body(index: EntityIndex, key: str, m: Meeting) -> bool:
    """Whether ``key`` names the body of meeting ``m`` again: one of its participants, by
    name or alias, or an organisation its sentence names ("the Acme Bank's Budget
    Committee meeting ... The Acme committee meeting")."""
    participants = m.participants
    if key in participants:
        return True
    e = index.get(key)
    if e is None:
        return False
    bodies = [b for k in participants if (b := index.get(k)) is not None
              and b.type is EntityType.ORGANIZATION]
    for x in e.mentions:
        # The owner named right before a participant body: "the Acme Bank's (ATB) Budget
        # Committee" is named again as "the ATB committee".
        if x.sentence_index == m.provenance.sentence_index and any(
                0 <= y.start - x.end <= 3 for b in bodies for y in b.mentions):
            return True
    names = {e.label.casefold(), *(m.text.casefold() for m in e.mentions)}
    for k in participants:
        p = index.get(k)
        if p is not None and any(len(nm) > 2 and nm in p.label.casefold() for nm in names):
            return True
    return False


def fill_from_neighbours(out: list[Meeting], echoes: list[Echo], index: EntityIndex,
                         published: date | None) -> None:
    """Complete the place and time of the meetings in ``out`` from neighbouring mentions."""
    for n, m in enumerate(out):
        si = m.provenance.sentence_index
        for e in echoes:
            if m.place is not None and m.time is not None:
                break
            if e.sentence == si + 1 and not e.keys or (
                    si < e.sentence <= si + _BODY_REACH and e.keys
                    and all(_names_body(index, k, m) for k in e.keys)):
                complete(out, n, e.place, index, e.time, published)
                m = out[n]
    for n, m in enumerate(out):
        if m.place is not None or m.time is not None:
            continue
        si = m.provenance.sentence_index
        for prev in reversed(out[:n]):
            psi = prev.provenance.sentence_index
            if not si - _SAME_PARTIES_REACH <= psi < si:
                continue
            if len(set(prev.participants) & set(m.participants)) >= 2 \
                    and prev.status is m.status and (prev.place or prev.time):
                out[n] = replace(m, place=prev.place, place_entity=prev.place_entity,
                                 time=prev.time, date=prev.date, span=prev.span)
                break


def carried_setting(settings: dict[tuple[str, frozenset[str]], tuple[Span | None, str | None]],
                    n: Token, place: Span | None,
                    time: str | None) -> tuple[Span | None, str | None]:
    """Place and time of meeting noun ``n``, taken from the last mention of the same event
    (kept in ``settings`` by noun and counterpart) when it is definite and says neither
    itself ("the Oslo summit ... the summit"); "my meeting with X" is another event than
    "meetings in Rome" with someone else."""
    key = (n.lemma_.casefold(), _counterparts(n))
    if definite(n) and place is None and time is None and key in settings:
        return settings[key]
    if (place is not None or time is not None) and not (n.dep_ == "pobj"
                                                         and n.head.lower_ == "since"):
        # ("the first held in Oslo since the founding meeting in 1994": a meeting the
        # story measures time from is another event than the one it goes on to tell)
        settings[key] = (place, time)
    return place, time


def _counterparts(n: Token) -> frozenset[str]:
    """The words naming whom a meeting noun is with ("talks with X", "between X and Y")."""
    return frozenset(t.lower_ for c in n.children if c.dep_ == "prep"
                     and c.lower_ in ("with", "between") for t in c.subtree
                     if t.pos_ == "PROPN")



def by_place(noun: Token, place: Span | None) -> bool:
    """Whether the words before meeting noun ``noun`` are only its place: "the Oslo talks"
    refers back to talks told before, where "the Acme meeting" names an event of its own."""
    kids = list(noun.children)
    mods = [c for c in kids if c.dep_ not in ("det", "prep", "punct", "acl", "relcl")
            and c.i < noun.i]
    # ("the June Oslo summit", "the Oslo summit of the industrial nations" name an event of
    # their own)
    return place is not None and bool(mods) and all(place.start <= c.i < place.end for c in mods) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in kids) \
        and not any(t.ent_type_ in ("DATE", "TIME") for c in mods for t in c.subtree)
