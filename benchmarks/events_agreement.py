"""Agreement of the two annotators of the meeting-events dev set (issue 18).

Annotator 1 is ``benchmarks/data/meeting-events.json`` as first annotated (the dev set keeps
annotator 1's answer of every adjudicated item and event under ``adjudication[].first``);
annotator 2 annotated the same 82 candidates blind (``benchmarks/data/meeting-events-a2.json``:
candidate keys and answers, no text). Printed, over the candidates both saw, and then for each
annotator against the adjudicated set:

- meeting or not: observed agreement and Cohen's kappa;
- status (happened / planned / negated), over the candidates both call meetings: agreement
  and kappa;
- which reports are one real meeting: pairwise agreement over the pairs of candidates of one
  pair of people that both call meetings (same meeting under both, different under both),
  and the F1 of one annotator's same-meeting pairs against the other's (symmetric);
- real dates: over the candidates both call meetings, and over real meetings (annotator 1's,
  against annotator 2's meeting most of its reports went to), the two intervals are the same,
  or overlap (an undated meeting agrees with nothing).

``--list`` prints every disagreement by candidate key (article id, offset, pair), for the
adjudication; it prints no text.

The second set (``--set v2``) has 214 candidates of 42 other pairs, annotated blind by two
annotators who never saw each other's answers nor the system's
(``meeting-events-v2-a1.json`` and ``-v2-a2.json``, both in the second annotator's format);
each is also compared with its adjudicated part of the gold, the reports and adjudications
marked ``"set": "v2"``. Same-meeting pairs also get a kappa there (same or different). The
third set (``--set v3``: 261 candidates of 39 further pairs, ``meeting-events-v3-a1.json`` and
``-v3-a2.json``) and the fourth (``--set v4``: 144 candidates of 64 further pairs,
``meeting-events-v4-a1.json`` and ``-v4-a2.json``) are compared the same way.

    .venv/bin/python benchmarks/events_agreement.py [GOLD] [SECOND] [--list]
    .venv/bin/python benchmarks/events_agreement.py --set v2 [--list]
    .venv/bin/python benchmarks/events_agreement.py --set v3 [--list]
    .venv/bin/python benchmarks/events_agreement.py --set v4 [--list]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import say  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
Key = tuple[str, int, tuple[str, str]]


@dataclass(frozen=True)
class Answer:
    """One annotator's answer for one candidate."""

    meeting: bool
    event: str | None = None
    status: str | None = None
    start: str | None = None
    end: str | None = None


def key(article: str, offset: int, pair: Iterable[str]) -> Key:
    a, b = sorted(pair)
    return (article, int(offset), (a, b))


def first_annotator(gold: dict, adjudicated: bool = False, part: str = "v1") -> dict[Key, Answer]:
    """Annotator 1's answers: the dev set's first set (``part``) with every adjudicated item
    and event put back to what annotator 1 first said (``adjudication[].first``), or, with
    ``adjudicated``, that set as it is."""
    dates = {e["event"]: (e.get("start"), e.get("end")) for e in gold["events"]}
    out: dict[Key, Answer] = {}
    for r in gold["reports"]:
        if r.get("set", "v1") == part:
            out[key(r["article"], r["offset"], r["pair"])] = Answer(True, r["event"], r["status"])
    for r in gold.get("not_meetings", []):
        if r.get("set", "v1") == part:
            out[key(r["article"], r["offset"], r["pair"])] = Answer(False)
    for adj in [] if adjudicated else [a for a in gold.get("adjudication", [])
                                       if a.get("set", "v1") == "v1"]:
        first = adj["first"]
        if "event" in adj:
            dates[adj["event"]] = (first.get("start"), first.get("end"))
        else:
            out[key(adj["article"], adj["offset"], adj["pair"])] = Answer(
                first["meeting"], first.get("event"), first.get("status"))
    return {k: Answer(a.meeting, a.event, a.status, *dates.get(a.event or "", (None, None)))
            for k, a in out.items()}


def second_annotator(data: dict) -> dict[Key, Answer]:
    """Annotator 2's answers from ``meeting-events-a2.json``."""
    events = {e["event"]: e for e in data.get("events", [])}
    out: dict[Key, Answer] = {}
    for it in data["items"]:
        k = key(it["article"], it["offset"], it["pair"])
        if not it.get("meeting"):
            out[k] = Answer(False)
            continue
        e = events.get(it.get("event"), {})
        out[k] = Answer(True, it.get("event"), it.get("status"),
                        it.get("start", e.get("start")), it.get("end", e.get("end")))
    return out


def kappa(pairs: list[tuple[object, object]]) -> float:
    """Cohen's kappa of two raters' labels.

    >>> kappa([(1, 1), (0, 0), (1, 0), (1, 1)])
    0.5
    """
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[x] * cb[x] for x in ca) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def _overlap(a: Answer, b: Answer) -> bool:
    if None in (a.start, a.end, b.start, b.end):
        return False
    return str(a.start) <= str(b.end) and str(b.start) <= str(a.end)


def agreement(one: dict[Key, Answer], two: dict[Key, Answer]) -> tuple[dict, dict[str, list]]:
    """The figures, and the disagreeing candidate keys by kind."""
    both = sorted(set(one) & set(two))
    diff: dict[str, list] = defaultdict(list)
    out: dict[str, float] = {"candidates": len(both),
                             "only one annotator saw": len(set(one) ^ set(two))}
    m = [(one[k].meeting, two[k].meeting) for k in both]
    out["meeting: agreement"] = sum(a == b for a, b in m) / len(m)
    out["meeting: kappa"] = kappa(m)
    diff["meeting"] = [k for k in both if one[k].meeting != two[k].meeting]
    met = [k for k in both if one[k].meeting and two[k].meeting]
    out["both call a meeting"] = len(met)
    st = [(one[k].status, two[k].status) for k in met]
    out["status: agreement"] = sum(a == b for a, b in st) / len(st) if st else float("nan")
    out["status: kappa"] = kappa(st)
    diff["status"] = [k for k in met if one[k].status != two[k].status]
    same = {"both": 0, "one only": 0, "two only": 0, "neither": 0}
    by_pair: dict[tuple[str, str], list[Key]] = defaultdict(list)
    for k in met:
        by_pair[k[2]].append(k)
    for ks in by_pair.values():
        for a, b in combinations(ks, 2):
            s1, s2 = one[a].event == one[b].event, two[a].event == two[b].event
            same["both" if s1 and s2 else "one only" if s1 else "two only" if s2
                 else "neither"] += 1
            if s1 != s2:
                diff["clustering"].append((a, b))
    pairs = sum(same.values())
    out["clustering: candidate pairs"] = pairs
    out["clustering: kappa"] = kappa(
        [(True, True)] * same["both"] + [(True, False)] * same["one only"]
        + [(False, True)] * same["two only"] + [(False, False)] * same["neither"])
    out["clustering: pairwise agreement"] = (same["both"] + same["neither"]) / pairs \
        if pairs else float("nan")
    tp, fx = same["both"], same["one only"] + same["two only"]
    out["clustering: pairwise F1"] = 2 * tp / (2 * tp + fx) if tp + fx else 1.0
    dated = [k for k in met if one[k].start is not None or two[k].start is not None]
    out["dates: dated by either"] = len(dated)
    out["dates: same interval"] = sum((one[k].start, one[k].end) == (two[k].start, two[k].end)
                                      for k in dated) / len(dated) if dated else float("nan")
    out["dates: intervals overlap"] = sum(_overlap(one[k], two[k]) for k in dated) / len(dated) \
        if dated else float("nan")
    diff["dates"] = [k for k in dated if not _overlap(one[k], two[k])
                     or (one[k].start, one[k].end) != (two[k].start, two[k].end)]
    # Per real meeting (annotator 1's), against the meeting of annotator 2 that most of its
    # reports went to.
    to_two: dict[str, Counter[str]] = defaultdict(Counter)
    for k in met:
        to_two[one[k].event or ""][two[k].event or ""] += 1
    firsts = {one[k].event: one[k] for k in met}
    seconds = {two[k].event: two[k] for k in met}
    real = [(firsts[e], seconds[c.most_common(1)[0][0]]) for e, c in to_two.items()]
    real = [(x, y) for x, y in real if x.start is not None or y.start is not None]
    out["dates: real meetings dated by either"] = len(real)
    out["dates: real meetings, same interval"] = sum(
        (x.start, x.end) == (y.start, y.end) for x, y in real) / len(real) if real else 0.0
    out["dates: real meetings, overlap"] = sum(_overlap(x, y) for x, y in real) / len(real) \
        if real else 0.0
    return out, diff


def _read(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=str(DATA / "meeting-events.json"))
    ap.add_argument("second", nargs="?", default=None)
    ap.add_argument("--set", choices=("v1", "v2", "v3", "v4"), default="v1",
                    help="which candidates: the first 82 (v1), the second 214 (v2), the "
                         "third 261 (v3) or the fourth 144 (v4)")
    ap.add_argument("--list", action="store_true", help="list the disagreements by key")
    args = ap.parse_args()
    gold = _read(args.gold)
    if args.set != "v1":
        one = second_annotator(_read(DATA / f"meeting-events-{args.set}-a1.json"))
        two = second_annotator(_read(args.second or DATA / f"meeting-events-{args.set}-a2.json"))
        say(f"{args.set}: annotator 1 vs annotator 2 (both blind)")
    else:
        one = first_annotator(gold)
        two = second_annotator(_read(args.second or DATA / "meeting-events-a2.json"))
        say("annotator 1 (as first annotated) vs annotator 2")
    splits = {key(r["article"], r["offset"], r["pair"]): r["split"] for r in gold["reports"]}
    figures, diff = agreement(one, two)
    for k, v in figures.items():
        say(f"  {k:<38} {v:.3f}" if isinstance(v, float) else f"  {k:<38} {v}")
    final = first_annotator(gold, adjudicated=True, part=args.set)
    for name, answers in (("annotator 1", one), ("annotator 2", two)):
        if not set(answers) & set(final):
            continue  # not adjudicated yet
        f, _ = agreement(answers, final)
        say(f"{name} vs the adjudicated set: meeting {f['meeting: agreement']:.3f}, status "
            f"{f['status: agreement']:.3f}, clustering F1 {f['clustering: pairwise F1']:.3f}, "
            f"real meetings' dates the same {f['dates: real meetings, same interval']:.3f}")
    if args.list:
        for kind, ks in diff.items():
            for k in ks:
                say(f"  {kind}: {k}  [{splits.get(k[0] if kind == 'clustering' else k, '-')}]"
                    if kind != "clustering" else f"  {kind}: {k[0]} / {k[1]}")


if __name__ == "__main__":
    main()
