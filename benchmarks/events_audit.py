"""Meeting-events self-consistency audit on a store of unannotated news (issue 18).

No gold is needed: the events of a store built with ``kg build`` are checked against each
other, and the suspicious ones are counted and listed for a person to read.

- candidate SPLITS: two events of the same two people (by surname, so that two entities a
  linking slip left apart count as one) whose intervals lie within ``--days`` days of each
  other (touching included), or within ``--place-days`` days with the same place;
- candidate MERGES: one event holding two reports whose own dates (both ends told) lie more
  than ``--spread`` days apart, or whose reports name different places, or an event of three
  or more holding both a report naming three or more and a report naming two of them only
  (a bilateral meeting joined to a multi-party one through their shared pair).

Every pair of the events gold set's validation split (``benchmarks/data/meeting-events.json``)
is left out before anything is counted or printed, with every event reported by an article of
that split: the audit may be read in full without seeing validation material.

    .venv/bin/python benchmarks/events_audit.py STORE [--derive] [--list]

``--derive`` derives the events again from the store's article graphs first (a full
rebuild with the current code; it writes, so run it on a copy of a store you keep).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import day, say  # noqa: E402

from kg.events.cluster import days_apart  # noqa: E402

GOLD = Path(__file__).resolve().parent / "data" / "meeting-events.json"

#: Each event with its attendees' labels, dates, status and reports.
_EVENTS = """
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?a ?label ?r ?start ?end ?precision ?status ?place WHERE {
  GRAPH ?g { ?e a kg:MeetingEvent ; schema:attendee ?a ; prov:wasDerivedFrom ?r ;
                kg:status ?status ; kg:datePrecision ?precision .
             ?a skos:prefLabel ?label .
             OPTIONAL { ?e schema:startDate ?start } OPTIONAL { ?e schema:endDate ?end }
             OPTIONAL { ?e kg:placeText ?place } }
}"""
#: Each report's time as written and its sentence.
_TEXTS = """
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
SELECT ?m ?time ?text WHERE {
  GRAPH ?g { ?m a kg:Meeting ; prov:wasDerivedFrom ?s . ?s schema:text ?text .
             OPTIONAL { ?m kg:timeText ?time } }
}"""


def _key(iri: str, label: str) -> str:
    """What two attendees of one pair must share to count as one: a person's surname, any
    other entity's name without spaces, hyphens or dots ("Inter- American" as wrapped)."""
    if "/person/" in iri:
        return label.replace(".", "").split()[-1].casefold() if label.split() else ""
    return "".join(c for c in label.casefold() if c.isalnum())


@dataclass
class _Event:
    iri: str
    names: dict[str, str]  # attendee IRI -> label
    start: date | None
    end: date | None
    precision: str
    status: str
    place: str | None
    reports: list[str]

    def days(self) -> tuple[date, date] | None:
        """Its interval, an open end taken as the other (None when both are open)."""
        lo, hi = self.start or self.end, self.end or self.start
        return (lo, hi) if lo is not None and hi is not None else None

    def surnames(self) -> set[str]:
        return {_key(a, n) for a, n in self.names.items()}

    def words(self) -> set[str]:
        """Every word of its attendees' names: a validation surname is looked for among
        them all, whatever type the entity was given."""
        return {"".join(c for c in w if c.isalnum()) for n in self.names.values()
                for w in n.casefold().split()}


def validation_filter(gold: dict) -> tuple[set[frozenset[str]], set[str]]:
    """The validation split's pairs (surnames) and every article holding one of its reports
    or one of its pairs' non-meetings: what the audit leaves out."""
    pairs = {frozenset(_key("/person/", s) for s in r["pair"]) for r in gold["reports"]
             if r.get("split") == "validation"}
    arts = {r["article"] for r in gold["reports"] if r.get("split") == "validation"}
    arts |= {r["article"] for r in gold.get("not_meetings", [])
             if frozenset(_key("/person/", s) for s in r["pair"]) in pairs}
    return pairs, arts


def leave_out(events: list[_Event], reports: dict, gold: dict) -> list[_Event]:
    """The events that hold no validation pair (a meeting of three holding one included) and
    no report from a validation article."""
    pairs, arts = validation_filter(gold)
    return [e for e in events if not any(p <= e.words() for p in pairs)
            and not any(reports[r].article in arts for r in e.reports if r in reports)]


def read_events(store) -> list[_Event]:
    events: dict[str, _Event] = {}
    for d in store.query(_EVENTS).dicts():
        e = str(d["e"])
        ev = events.setdefault(e, _Event(
            e, {}, day(d.get("start")), day(d.get("end")), str(d["precision"]),
            str(d["status"]).rsplit("#", 1)[-1].casefold(),
            str(d["place"]) if d.get("place") is not None else None, []))
        ev.names[str(d["a"])] = str(d["label"])
        if str(d["r"]) not in ev.reports:
            ev.reports.append(str(d["r"]))
    return sorted(events.values(), key=lambda e: e.iri)


def audit(events: list[_Event], reports: dict, places: dict[str, str], days: int,
          place_days: int, spread: int, attendees: dict[str, frozenset[str]] | None = None
          ) -> tuple[list[tuple[str, _Event, _Event]], list[tuple[str, _Event]]]:
    """Candidate splits (reason, event, event) and merges (reason, event), from the reports
    (IRI -> Report), their places as written (IRI -> text) and their attendees (IRI ->
    entity IRIs)."""
    by_pair: dict[tuple[str, str], list[_Event]] = defaultdict(list)
    for e in events:
        for pair in combinations(sorted(e.surnames()), 2):
            by_pair[pair].append(e)
    splits: dict[tuple[str, str], tuple[str, _Event, _Event]] = {}
    for es in by_pair.values():
        for a, b in combinations(es, 2):
            da, db = a.days(), b.days()
            if da is None or db is None or (a.iri, b.iri) in splits:
                continue
            gap = days_apart(da, db)
            if gap <= days:
                splits[(a.iri, b.iri)] = (f"within {days} days", a, b)
            elif gap <= place_days and a.place and b.place and \
                    a.place.casefold() == b.place.casefold():
                splits[(a.iri, b.iri)] = (f"same place within {place_days} days", a, b)
    merges: list[tuple[str, _Event]] = []
    for e in events:
        reps = [reports[r] for r in e.reports if r in reports]
        told = [(r.span.start, r.span.end) for r in reps if r.bounded]
        where = {places[r].casefold() for r in e.reports if r in places}
        if any(days_apart(x, y) > spread for x, y in combinations(told, 2)):
            merges.append((f"report dates over {spread} days apart", e))
        elif len(where) > 1:
            merges.append(("reports name different places", e))
        elif len(e.names) > 2 and attendees is not None and \
                {min(len(attendees.get(r, ())), 3) for r in e.reports} >= {2, 3}:
            merges.append(("multi-party and bilateral reports", e))
    return list(splits.values()), merges


def _show_event(e: _Event, reports: dict, places: dict[str, str], texts: dict,
                attendees: dict[str, frozenset[str]]) -> None:
    names = "; ".join(sorted(e.names.values()))
    say(f"  [{names}] {e.start}..{e.end} ({e.precision}) {e.status}"
        f"{' at ' + e.place if e.place else ''}, {len(e.reports)} reports")
    for r in sorted(e.reports, key=lambda r: (reports[r].published or date.min, r)
                    if r in reports else (date.min, r)):
        rep = reports.get(r)
        time, text = texts.get(r, (None, ""))
        if rep is None:
            say(f"    - {r}")
            continue
        say(f"    - {rep.article} pub {rep.published} {rep.status} {rep.span}"
            f" time={time!r} place={places.get(r)!r} names={len(attendees.get(r, ()))}")
        say(f"      {' '.join(text.split())[:300]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", help="a kg store directory (built with kg build)")
    ap.add_argument("--derive", action="store_true",
                    help="derive every event again first (writes: use a copy)")
    ap.add_argument("--list", action="store_true", help="list the candidates with sentences")
    ap.add_argument("--days", type=int, default=3,
                    help="split: events of one pair this many days apart or closer")
    ap.add_argument("--place-days", type=int, default=31,
                    help="split: events of one pair at the same place this close")
    ap.add_argument("--spread", type=int, default=7,
                    help="merge: an event's reports dated more than this many days apart")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    from kg.events.derive import read_reports, update_events
    from kg.store import open_store

    with open_store(args.store, writable=args.derive) as store:
        if args.derive:
            u = update_events(store)
            say(f"derived: {u.created} created, {u.updated} updated, {u.removed} removed")
        reads = read_reports(store)
        events = read_events(store)
        texts = {str(d["m"]): (str(d["time"]) if d.get("time") is not None else None,
                               str(d["text"])) for d in store.query(_TEXTS).dicts()}
    reports = {r.report.iri: r.report for r in reads}
    places = {r.report.iri: r.place_text for r in reads if r.place_text}
    kept = leave_out(events, reports, json.loads(GOLD.read_text(encoding="utf-8")))
    attendees = {r.report.iri: r.attendees for r in reads}
    splits, merges = audit(kept, reports, places, args.days, args.place_days, args.spread,
                           attendees)
    say(f"events {len(events)}; left out (validation pairs or articles) "
        f"{len(events) - len(kept)}; audited {len(kept)}, "
        f"{sum(len(e.reports) > 1 for e in kept)} with several reports")
    for kind, found in (("split", Counter(s[0] for s in splits)),
                        ("merge", Counter(m[0] for m in merges))):
        say(f"candidate {kind}s: {sum(found.values())}")
        for reason, n in sorted(found.items()):
            say(f"  {reason:<40} {n}")
    if args.list:
        for n, (reason, a, b) in enumerate(splits, 1):
            say(f"SPLIT {n} ({reason})")
            _show_event(a, reports, places, texts, attendees)
            _show_event(b, reports, places, texts, attendees)
        for n, (reason, e) in enumerate(merges, 1):
            say(f"MERGE {n} ({reason})")
            _show_event(e, reports, places, texts, attendees)


if __name__ == "__main__":
    main()
