"""Meeting-events benchmark: one real meeting, many reports (issue 18).

Builds a fresh Oxigraph store (in a temporary folder) from the Reuters-21578 articles of the
hand-annotated dev set ``benchmarks/data/meeting-events.json``, derives the meeting events,
and scores them against the gold meetings, per split ("dev" and "validation"):

- events per real meeting: distinct events holding the gold reports of one real meeting
  (target <= 1.15);
- pairwise report-clustering precision, recall and F1 over the gold reports the extractor
  found, pairs of reports of one pair of people (target F1 >= 0.9);
- the share of events whose interval contains a day of the real meeting (target >= 0.85);
- the share of events whose reconciled status is the one the real meeting's gold reports give
  it, reconciled by the same rule (held once a report says so, else the latest day's).

Side by side with the baseline of one event per report (the rows of ``who-met-whom``, each
dated by its ``?date``). A gold report is found when a ``kg:Meeting`` of its article, whose
sentence spans the gold offset, has attendees with the pair's surnames.

    .venv/bin/python benchmarks/events.py [CORPUS] [--errors] [--rounds] [--why]

``--errors`` lists the dev split's misses (under each dev row); the validation split is only ever
summed up.
``--why`` counts each split's misses by kind, numbers only (so it may be read for validation):
date misses (no lower bound, split by whether the upper bound alone is right; no upper bound;
no bounds; bounded but too early or too late), clustering errors (a real meeting split over
several events, and why: a report in no event, other entities, places differ, intervals apart
or overlapping; real meetings merged into one, and why: a meeting of three or more, real
meetings within 31 days or further apart) and gold reports not found (no report of the pair in
the article; the pair in another sentence; other attendees in the sentence).
``--rounds`` adds the rows of each annotation round's pairs alone (the first 16+ pairs, the 42
added later, marked ``"set": "v2"``, the 39 of the third round, ``"set": "v3"``, and the 64 of
the fourth, ``"set": "v4"``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DEFAULT_CORPUS, day, read_records, say  # noqa: E402

GOLD = Path(__file__).resolve().parent / "data" / "meeting-events.json"

_SYSTEM = """
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
SELECT ?m ?label ?a ?article ?cs ?ce ?date ?status WHERE {
  GRAPH ?g { ?m a kg:Meeting ; schema:attendee ?a ; prov:wasDerivedFrom ?s ; kg:status ?status .
             ?a rdfs:label ?label .
             ?s kg:charStart ?cs ; kg:charEnd ?ce ; schema:isPartOf ?art .
             ?art schema:identifier ?article .
             OPTIONAL { ?m schema:startDate ?date } }
}"""
_EVENTS = """
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kg: <https://w3id.org/kg-news/vocab#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?e ?a ?label ?r ?start ?end ?status ?place WHERE {
  ?a skos:prefLabel ?label .
  GRAPH ?g { ?e a kg:MeetingEvent ; schema:attendee ?a ; prov:wasDerivedFrom ?r ;
                kg:status ?status .
             OPTIONAL { ?e schema:startDate ?start } OPTIONAL { ?e schema:endDate ?end }
             OPTIONAL { ?e schema:location ?place } }
}"""




def build_store(corpus: str, ids: set[str], where: Path):
    from kg.ingest.build import build
    from kg.store import open_store

    data = where / "articles.jsonl"
    published: dict[str, date | None] = {}
    with data.open("w", encoding="utf-8") as fh:
        for rec in read_records(corpus):
            if rec["id"] in ids:
                fh.write(json.dumps(rec) + "\n")
                published[rec["id"]] = day(rec.get("published"))
    store = open_store(str(where / "store"))
    summary = build([str(data)], store, bulk=False)
    return store, summary, published


def _surname(label: str) -> str:
    return label.split()[-1].casefold() if label.split() else ""


def _status(v: object) -> str:
    return str(v).rsplit("#", 1)[-1].casefold()  # kg:Happened -> happened


def _part(gold: dict, part: str | None) -> dict:
    """The gold of one annotation round ("v1": the first 16+ pairs; "v2" to "v4": the pairs added
    later, marked with their ``"set"``), or all of it."""
    if part is None:
        return gold
    keep = [r for r in gold["reports"] if r.get("set", "v1") == part]
    events = {r["event"] for r in keep}
    return {**gold, "reports": keep, "events": [e for e in gold["events"]
                                                if e["event"] in events]}


#: Why a real meeting is split, first that applies: one of its found reports is in no event of
#: the pair; the events hold different entities for the pair (resolution across articles);
#: they have different resolved places; their intervals lie apart (more than the clustering's
#: day of slack); else they overlap (the clustering kept them apart all the same).
_SPLIT_KINDS = ("a report in no event", "other entities", "places differ", "intervals apart",
                "intervals overlap")
#: Why real meetings are merged: the event is of three or more (joined through a shared
#: report); else the real meetings lie within 31 days of each other, or further apart.
_MERGE_KINDS = ("a meeting of three or more", "real meetings within 31 days",
                "real meetings further apart")
#: The kinds ``--why`` counts, in the order it prints them.
_WHY = tuple("why: " + k for k in (
    "date miss, no lower bound, upper right", "date miss, no lower bound, upper too early",
    "date miss, no upper bound, lower right", "date miss, no upper bound, lower too late",
    "date miss, no bounds", "date miss, bounded, too early", "date miss, bounded, too late",
    "split (real meeting in several events)", *(f"split, {k}" for k in _SPLIT_KINDS),
    "merged (real meetings in one event)", *(f"merged, {k}" for k in _MERGE_KINDS),
    "not found, no report of the pair in the article", "not found, the pair in another sentence",
    "not found, other attendees in the sentence"))


def _date_kind(lo: date | None, hi: date | None, real: dict) -> str | None:
    """Why an event's interval misses its real meeting (None: it does not miss)."""
    start, end = date.fromisoformat(real["start"]), date.fromisoformat(real["end"])
    if lo is None and hi is None:
        return "no bounds"
    if lo is None:  # the publication-date cap is right when the real day is not after it
        return "no lower bound" + (", upper right" if start <= hi else ", upper too early")
    if hi is None:
        return "no upper bound" + (", lower right" if lo <= end else ", lower too late")
    if hi < start:
        return "bounded, too early"
    return "bounded, too late" if lo > end else None


def _not_found_kind(g: dict, reports: dict) -> str:
    """Why a gold report has no system report: none of the pair in its article, one of the pair
    in another sentence, or a meeting of other people in its sentence."""
    want = {n.casefold() for n in g["pair"]}
    mine = [r for r in reports.values() if r.get("article") == g["article"]]
    if any(r["cs"] <= g["offset"] < r["ce"] for r in mine):
        return "other attendees in the sentence"
    if any(want <= {_surname(lab) for lab in r["att"].values()} for r in mine):
        return "the pair in another sentence"
    return "no report of the pair in the article"


def split_kind(evs: list[str], pair: set[str], info: dict, spans: dict) -> str:
    """The first of :data:`_SPLIT_KINDS` that applies to the system events of one real meeting
    (``info``: event -> its attendees (IRI -> surname) and resolved place)."""
    if any(e.startswith("none:") for e in evs):
        return _SPLIT_KINDS[0]
    people = {frozenset(a for a, s in info[e]["att"].items() if s in pair) for e in evs}
    if len(people) > 1:
        return _SPLIT_KINDS[1]
    places = {info[e]["place"] for e in evs if info[e]["place"]}
    if len(places) > 1:
        return _SPLIT_KINDS[2]
    days = [spans.get(e, (None, None)) for e in evs]
    closed = [(lo, hi) for lo, hi in days if lo is not None and hi is not None]
    if any(max(a[0], b[0]) > min(a[1], b[1]) + timedelta(days=1)
           for a, b in combinations(closed, 2)):
        return _SPLIT_KINDS[3]
    return _SPLIT_KINDS[4]


def merge_kind(ev: str, reals: list[dict], info: dict) -> str:
    """The first of :data:`_MERGE_KINDS` that applies to one system event holding several real
    meetings of a pair (gold events with their real days)."""
    if len(info.get(ev, {}).get("att", {})) > 2:
        return _MERGE_KINDS[0]
    days = [(date.fromisoformat(r["start"]), date.fromisoformat(r["end"])) for r in reals
            if r["start"] and r["end"]]
    if any(max(a[0], b[0]) > min(a[1], b[1]) + timedelta(days=31)
           for a, b in combinations(days, 2)):
        return _MERGE_KINDS[2]
    return _MERGE_KINDS[1]


def _why(found: list, missed: list, members: dict, spans: dict, gev: dict,
         reports: dict, info: dict) -> dict[str, float]:
    """Counts (never texts) of the events' misses by kind: dates, clustering, not found."""
    out: Counter[str] = Counter({k: 0 for k in _WHY})
    for sys_ev, fs in members.items():
        real = gev[Counter(f[0]["event"] for f in fs).most_common(1)[0][0]]
        kind = _date_kind(*spans.get(sys_ev, (None, None)), real) if real["start"] else None
        if kind:
            out["why: date miss, " + kind] += 1
    per, owners = defaultdict(set), defaultdict(set)
    for f in found:
        per[f[0]["event"]].add(f[1])
        owners[(f[1], tuple(f[0]["pair"]))].add(f[0]["event"])
    out["why: split (real meeting in several events)"] = sum(len(v) > 1 for v in per.values())
    out["why: merged (real meetings in one event)"] = sum(len(v) > 1 for v in owners.values())
    pair_of = {f[0]["event"]: {n.casefold() for n in f[0]["pair"]} for f in found}
    for real, evs in per.items():
        if len(evs) > 1:
            out["why: split, " + split_kind(sorted(evs), pair_of[real], info, spans)] += 1
    for (ev, _), reals in owners.items():
        if len(reals) > 1:
            out["why: merged, " + merge_kind(ev, [gev[r] for r in sorted(reals)], info)] += 1
    for g in missed:
        out["why: not found, " + _not_found_kind(g, reports)] += 1
    return dict(out)


def score(store, gold: dict, split: str, show: bool,
          published: dict[str, date | None], why: bool = False) -> dict[str, float]:
    """Figures for one split, for the events and for the one-row-per-report baseline."""
    from kg.events.cluster import reconcile_status

    reports = defaultdict(lambda: {"att": {}, "date": None})
    for d in store.query(_SYSTEM).dicts():
        r = reports[str(d["m"])]
        r["att"][str(d["a"])] = str(d["label"])
        r.update(article=str(d["article"]), cs=int(str(d["cs"])), ce=int(str(d["ce"])),
                 date=day(d.get("date")), status=_status(d["status"]))
    events: dict[tuple[str, frozenset[str]], str] = {}  # (report, pair surnames) -> event
    spans: dict[str, tuple[date | None, date | None]] = {}
    said: dict[str, str] = {}  # system event or report -> its (reconciled) status
    att: dict[str, set[str]] = defaultdict(set)
    info: dict[str, dict] = defaultdict(lambda: {"att": {}, "place": None})
    rows = list(store.query(_EVENTS).dicts())
    for d in rows:
        att[str(d["e"])].add(_surname(str(d["label"])))
        info[str(d["e"])]["att"][str(d["a"])] = _surname(str(d["label"]))
        if d.get("place") is not None:
            info[str(d["e"])]["place"] = str(d["place"])
        spans[str(d["e"])] = (day(d.get("start")), day(d.get("end")))
        said[str(d["e"])] = _status(d["status"])
    said.update({iri: r["status"] for iri, r in reports.items()})
    for d in rows:  # an event of three or more stands for each pair of its participants
        for pair in combinations(sorted(att[str(d["e"])]), 2):
            events[(str(d["r"]), frozenset(pair))] = str(d["e"])
    gev = {e["event"]: e for e in gold["events"] if e["split"] == split}
    told: dict[str, list[tuple[date | None, str]]] = defaultdict(list)
    for g in gold["reports"]:
        told[g["event"]].append((published.get(g["article"]), g["status"]))
    gold_status = {e: reconcile_status(told[e]) for e in gev}
    found: list[tuple[dict, str, str, date | None]] = []  # gold report, event, report, date
    missed = []
    for g in (r for r in gold["reports"] if r["split"] == split):
        want = {n.casefold() for n in g["pair"]}
        hit = None
        for iri, r in reports.items():
            if r.get("article") != g["article"] or not r["cs"] <= g["offset"] < r["ce"]:
                continue
            # An attendee whose label names both people ("Yeutter-de Clercq", an extraction
            # slip) is neither of them.
            pair = frozenset(a for a, lab in r["att"].items() if _surname(lab) in want
                             and not all(w in lab.casefold() for w in want))
            if {_surname(r["att"][a]) for a in pair} == want and len(pair) == 2:
                hit = (iri, pair, r["date"])
                break
        if hit is None:
            missed.append(g)
            continue
        found.append((g, events.get((hit[0], frozenset(want)), "none:" + hit[0]), hit[0],
                      hit[2]))
    out: dict[str, float] = {"gold reports": sum(1 for r in gold["reports"]
                                                  if r["split"] == split),
                             "found": len(found), "real meetings": len(gev)}
    for name, key in (("events", lambda f: f[1]), ("baseline", lambda f: f[2])):
        per = defaultdict(set)
        for f in found:
            per[f[0]["event"]].add(key(f))
        out[f"{name}: events per real meeting"] = (
            sum(len(v) for v in per.values()) / len(per) if per else 0.0)
        tp = fp = fn = 0
        by_pair = defaultdict(list)
        for f in found:
            by_pair[tuple(f[0]["pair"])].append(f)
        for fs in by_pair.values():
            for a, b in combinations(fs, 2):
                same_gold, same_sys = a[0]["event"] == b[0]["event"], key(a) == key(b)
                tp += same_gold and same_sys
                fp += same_sys and not same_gold
                fn += same_gold and not same_sys
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        out[f"{name}: pairwise P"], out[f"{name}: pairwise R"] = p, r
        out[f"{name}: pairwise F1"] = 2 * p * r / (p + r) if p + r else 0.0
        members = defaultdict(list)
        for f in found:
            members[key(f)].append(f)
        hits = total = 0
        for sys_ev, fs in members.items():
            real = gev[Counter(f[0]["event"] for f in fs).most_common(1)[0][0]]
            if real["start"] is None:
                continue
            total += 1
            lo, hi = spans.get(sys_ev, (None, None)) if name == "events" else (fs[0][3], fs[0][3])
            ok = lo is not None and hi is not None and lo <= date.fromisoformat(real["end"]) \
                and date.fromisoformat(real["start"]) <= hi
            hits += ok
            if show and not ok and name == "events":
                say(f"    date miss: {real['event']} real {real['start']}..{real['end']}, "
                      f"event {lo}..{hi} ({len(fs)} reports)")
        out[f"{name}: interval contains real date"] = hits / total if total else 0.0
        # The status the reports of the real meeting give it, reconciled by the rule
        # (held once a report says so, else the latest day's), against the system event's.
        agree = 0
        for sys_ev, fs in members.items():
            real_ev = Counter(f[0]["event"] for f in fs).most_common(1)[0][0]
            agree += said.get(sys_ev if name == "events" else fs[0][2]) == gold_status[real_ev]
            if show and name == "events" and said.get(sys_ev) != gold_status[real_ev]:
                say(f"    status miss: {real_ev} reports say {gold_status[real_ev]}, "
                    f"event {said.get(sys_ev)}")
        out[f"{name}: status agrees with gold"] = agree / len(members) \
            if members else 0.0
        if why and name == "events":
            out.update(_why(found, missed, members, spans, gev, reports, info))
    if show:
        per = defaultdict(set)
        for f in found:
            per[f[0]["event"]].add(f[1])
        for ev, sys_evs in sorted(per.items()):
            if len(sys_evs) > 1:
                say(f"    split: {ev} -> {len(sys_evs)} events")
        owners = defaultdict(set)  # gold events are per pair: a meeting of three is three
        for f in found:
            owners[(f[1], tuple(f[0]["pair"]))].add(f[0]["event"])
        for evs in owners.values():
            if len(evs) > 1:
                say(f"    merged: {sorted(evs)}")
        for g in missed:
            say(f"    not extracted: {g['article']}@{g['offset']} {'/'.join(g['pair'])}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--errors", action="store_true", help="list the dev split's misses")
    ap.add_argument("--why", action="store_true",
                    help="count each split's misses by kind (numbers only, no text)")
    ap.add_argument("--rounds", action="store_true",
                    help="also score each annotation round's pairs on their own (v1 to v4)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    ids = {r["article"] for r in gold["reports"]}
    with tempfile.TemporaryDirectory(prefix="kg-events-") as tmp:
        store, summary, published = build_store(args.corpus, ids, Path(tmp))
        try:
            say(f"built {len(summary.built)} articles: {summary.meetings} meeting reports; "
                  f"events {summary.events_created} created")
            sets = sorted({r.get("set", "v1") for r in gold["reports"]})
            rounds = [None] + (sets if args.rounds else [])
            for split, part in ((sp, pa) for pa in rounds for sp in ("dev", "validation")):
                say(f"== {split}" + (f" ({part} pairs only)" if part else ""))
                figures = score(store, _part(gold, part), split,
                                args.errors and split == "dev", published, args.why)
                for k, v in figures.items():
                    if k.startswith("baseline"):
                        continue
                    base = figures.get(k.replace("events:", "baseline:"))
                    side = f"   (one event per report: {base:.3f})" if base is not None \
                        and k.startswith("events") else ""
                    shown = f"{v:.3f}" if k.startswith("events") else f"{int(v)}"
                    say(f"  {k:<42} {shown}{side}")
        finally:
            store.close()


if __name__ == "__main__":
    main()
