"""Meeting benchmark: who met whom on meetings-dev, scored as unordered pairs with the neutral rule.

Builds a fresh ``memory:`` store from the articles, runs ``queries/who-met-whom.rq`` and
compares its rows with ``gold.jsonl`` by the README's convention:

* every gold line gives all unordered pairs of its participants (a joint meeting of up to four
  parties is one line; a larger one is written "star"-wise, host + one party a line, and a
  per-counterpart list is one line per counterpart);
* a predicted pair of two parties that are both gold participants of one gold sentence but are
  never on one gold line together is *neutral*: neither a hit nor a false positive;
* a predicted name matches a gold name when their word sets, titles removed, are equal or one
  contains the other.

It prints three figures side by side, each with pair precision, recall and F1 and the status,
place and time accuracy on matched pairs: the *first-look* set (articles 24-95), the
*development* half (01-23 and even-numbered 24-94) and the *validation* half (odd-numbered
25-95). The seed's three meetings (issue 2) are checked on a line of their own. With
``--extra DIR`` (another directory in this format, see ``meetings_extra.py``) two more rows:
*extra dev* (NEWID % 3 != 0) and *extra validation* (NEWID % 3 == 0).

Both validation parts are only ever reported in aggregate: ``--errors`` lists misses, false
positives and attribute errors of development articles only, and refuses any odd-numbered
article from 25 on and any extra article whose NEWID is divisible by three. ``--attr-why``,
``--by-report`` and ``--fp-why`` add numbers-only breakdowns for every split (place/time
errors by kind; recall and precision by report; false-positive pairs by what the gold has in
their sentence, and by status).

    .venv/bin/python -P benchmarks/meetings.py [DATA_DIR] [--direct] [--extra DIR]
        [--errors [--article NN ...]] [--attr-why] [--by-report] [--fp-why]

The data stays outside the repository (research licence); the default is
``../shared/datasets/meetings-dev`` next to the repository.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import meetings_extra as mx  # noqa: E402

from kg.extract.gazetteer import title_words  # noqa: E402
from kg.model import Article, Extraction  # noqa: E402
from kg.sources.articles import parse_txt  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "datasets" / "meetings-dev"
SEED = ROOT / "seeds" / "001-us-envoy-heads-to-moscow.txt"
SEED_ID = SEED.stem

#: The seed's gold (issue 2): exactly these three meetings.
SEED_GOLD = [
    {"participants": ["Vladimir Putin", "Steve Witkoff"], "place": "Moscow", "time": "Tuesday",
     "status": "planned", "sentence": "President Vladimir Putin is expected to meet with Steve "
     "Witkoff, President Donald Trump’s special envoy, in Moscow on Tuesday"},
    {"participants": ["American delegation", "Ukrainian delegation"], "place": "Miami",
     "time": None, "status": "happened",
     "sentence": "American and Ukrainian delegations met in Miami"},
    {"participants": ["Volodymyr Zelensky", "Emmanuel Macron"], "place": "Paris",
     "time": "Monday", "status": "happened",
     "sentence": "Ukrainian President Volodymyr Zelensky ... held a meeting in Paris on Monday "
     "with French President Emmanuel Macron."},
]

_STOP = {"the", "of", "and", "'s", "’s", "mr", "mrs", "ms"}

FIRST_LOOK = "first-look (24-95)"
DEV = "development half"
DEV_NEW = "  of it: even 24-94"
VAL = "validation half"
SEED_SPLIT = "seed"


def article_number(article: str) -> int | None:
    """The number of a meetings-dev article id ("07" -> 7), None for anything else."""
    return int(article) if article.isdigit() else None


def is_validation(article: str) -> bool:
    """Odd-numbered articles from 25 on and extra validation articles: reported in aggregate
    only, never their errors."""
    n = article_number(article)
    return (n is not None and n >= 25 and n % 2 == 1) or mx.is_extra_validation(article)


def splits_of(article: str) -> list[str]:
    """The reported figures an article counts in."""
    extra = mx.split_of(article)
    if extra:
        return [extra]
    n = article_number(article)
    if n is None:
        return [SEED_SPLIT]
    if n <= 23:
        return [DEV]
    return [FIRST_LOOK, VAL] if n % 2 else [FIRST_LOOK, DEV, DEV_NEW]


@dataclass(frozen=True)
class PairRecord:
    """One unordered pair of participants of one meeting, with its attributes."""

    article: str
    names: tuple[str, str]
    place: str | None
    time: str | None
    status: str
    sentence: str


@dataclass(frozen=True)
class GoldLine:
    """One line of gold.jsonl (one meeting)."""

    article: str
    participants: tuple[str, ...]
    place: str | None
    time: str | None
    status: str
    sentence: str


def name_words(name: str) -> frozenset[str]:
    """The words of a name, case-folded, titles and punctuation removed."""
    words = re.findall(r"[\w'’-]+", name.casefold())
    titles = title_words()
    kept = [w for w in words if w not in titles and w not in _STOP]
    return frozenset(kept or words)


def names_match(a: str, b: str) -> bool:
    """Word sets equal, or one contains the other ("Witkoff" ~ "Steve Witkoff")."""
    wa, wb = name_words(a), name_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def pair_match(g: tuple[str, str], p: tuple[str, str]) -> bool:
    """Whether two unordered pairs match name by name."""
    return (names_match(g[0], p[0]) and names_match(g[1], p[1])) or (
        names_match(g[0], p[1]) and names_match(g[1], p[0])
    )


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split()).casefold()
    for p in ("on ", "in ", "at ", "the "):
        if text.startswith(p):
            text = text[len(p):]
    return text.strip(" .,")


def load_articles(data: Path, only: set[str] | None = None) -> list[Article]:
    """The meetings-dev articles (dated from ``NN.meta.json``) and the seed.

    ``only``: restrict to these article ids (the seed is then included only if named).
    """
    out = []
    for txt in sorted((data / "articles").glob("*.txt")):
        if only is not None and txt.stem not in only:
            continue
        meta_path = txt.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        content = txt.read_bytes().decode("utf-8", errors="replace")
        out.append(parse_txt(content, txt.stem, published=mx.meta_date(meta)))
    if only is None or SEED_ID in only:
        out.append(parse_txt(SEED.read_text(encoding="utf-8"), SEED_ID))
    return out


def extra_articles(extra: Path) -> list[Article]:
    """The completed articles of an extra directory (``meetings_extra.py``)."""
    return [parse_txt(text, aid, published=day) for aid, text, day in mx.extra_texts(extra)]


def gold_lines(data: Path, extra: Path | None = None) -> list[GoldLine]:
    """Every gold meeting of gold.jsonl plus the seed's three (and an extra directory's)."""
    rows = [json.loads(line) for line in (data / "gold.jsonl").read_text().splitlines() if line]
    rows += [{**g, "article": SEED_ID} for g in SEED_GOLD]
    rows += mx.extra_rows(extra) if extra else []
    return [GoldLine(r["article"], tuple(r["participants"]), r["place"], r["time"], r["status"],
                     " ".join(r["sentence"].split())) for r in rows]


def source_kinds(data: Path, extra: Path | None = None) -> dict[str, str]:
    """Each article's news source, from its ``.meta.json``: "BBC" or "Reuters" (the seed and
    an article without one are "other"). Only the source's name is read, never the text."""
    out: dict[str, str] = {SEED_ID: "other"}
    dirs = [(data / "articles", "")] + ([(extra / "articles", mx.PREFIX)] if extra else [])
    for folder, prefix in dirs:
        for meta in folder.glob("*.meta.json"):
            source = str(json.loads(meta.read_text()).get("source", "")).casefold()
            kind = "BBC" if "bbc" in source else "Reuters" if "reuters" in source else "other"
            out[prefix + meta.name.split(".")[0]] = kind
    return out


def gold_pairs(lines: Iterable[GoldLine]) -> list[PairRecord]:
    """Every unordered participant pair of every gold line (joint and star lines alike)."""
    return [PairRecord(g.article, (a, b), g.place, g.time, g.status, g.sentence)
            for g in lines for a, b in combinations(g.participants, 2)]


def predicted_from_store(extractions: Iterable[Extraction]) -> list[PairRecord]:
    """Pairs as ``queries/who-met-whom.rq`` returns them from a fresh memory store."""
    from kg.query.library import load_query, run_query
    from kg.rdf.mapping import to_rdf
    from kg.store import open_store

    store = open_store("memory:")
    for x in extractions:
        store.replace_article(to_rdf(x))
    result = run_query(store, load_query("who-met-whom"))
    out = []
    for row in result.dicts():
        def s(var: str, row: dict = row) -> str | None:
            v = row.get(var)
            return str(v) if v is not None else None
        names = (s("participant1") or "", s("participant2") or "")
        out.append(PairRecord(s("article") or "", names,
                              s("place"), s("time"), s("status") or "", s("sentence") or ""))
    store.close()
    return out


def predicted_direct(extractions: Iterable[Extraction]) -> list[PairRecord]:
    """Pairs straight from the Extraction objects (no store)."""
    out = []
    for x in extractions:
        for m in x.meetings:
            labels = [x.entity(k).label if x.entity(k) else k for k in m.participants]
            for a, b in combinations(sorted(set(labels)), 2):
                out.append(PairRecord(x.article.id, (a, b), m.place, m.time, m.status.value,
                                      m.provenance.sentence))
    return out


Key = tuple[str, frozenset[str]]


def _unique(records: Iterable[PairRecord]) -> dict[Key, list[PairRecord]]:
    groups: dict[Key, list[PairRecord]] = {}
    for r in records:
        key = (r.article, frozenset(" ".join(sorted(name_words(n))) for n in r.names))
        groups.setdefault(key, []).append(r)
    return groups


def same_sentence(a: str, b: str) -> bool:
    na, nb = " ".join(a.split()), " ".join(b.split())
    return na in nb or nb in na or na[:60] == nb[:60]


def both_on(pair: tuple[str, str], parts: Iterable[str]) -> bool:
    """Whether the two names match two different participants of ``parts``."""
    parts = list(parts)
    ma = [p for p in parts if names_match(pair[0], p)]
    mb = [p for p in parts if names_match(pair[1], p)]
    return any(x != y for x in ma for y in mb)


def is_neutral(pair: tuple[str, str], lines: list[GoldLine]) -> bool:
    """Both names are gold participants of one gold sentence but never on one line together.

    ``lines`` are the gold lines of the pair's article.

    >>> g = [GoldLine("1", ("Ann Lee", "Bo Chan"), None, None, "happened", "S."),
    ...      GoldLine("1", ("Ann Lee", "Cy Dunn"), None, None, "happened", "S.")]
    >>> is_neutral(("Bo Chan", "Dunn"), g), is_neutral(("Lee", "Dunn"), g)
    (True, False)
    """
    if any(both_on(pair, g.participants) for g in lines):
        return False  # on one line together: a hit or a duplicate, never neutral
    by_sentence: dict[str, set[str]] = {}
    for g in lines:
        by_sentence.setdefault(g.sentence, set()).update(g.participants)
    return any(both_on(pair, parts) for parts in by_sentence.values())


@dataclass
class Outcome:
    """The scored pairs of some articles: hits (gold, predicted), misses, false positives."""

    matched: list[tuple[list[PairRecord], list[PairRecord]]] = field(default_factory=list)
    misses: list[list[PairRecord]] = field(default_factory=list)
    false_positives: list[list[PairRecord]] = field(default_factory=list)
    neutral: list[list[PairRecord]] = field(default_factory=list)

    def extend(self, other: Outcome) -> None:
        """Add another article's outcome."""
        self.matched += other.matched
        self.misses += other.misses
        self.false_positives += other.false_positives
        self.neutral += other.neutral


def score_article(lines: list[GoldLine], pred: list[PairRecord]) -> Outcome:
    """Match one article's gold pairs and predicted pairs (greedy, same sentence first)."""
    g_groups, p_groups = _unique(gold_pairs(lines)), _unique(pred)
    used: set[Key] = set()
    out = Outcome()
    for gl in g_groups.values():
        cands = [pk for pk, pl in p_groups.items() if pk not in used
                 and pair_match(gl[0].names, pl[0].names)]
        cands.sort(key=lambda pk: not any(same_sentence(g.sentence, p.sentence)
                                          for g in gl for p in p_groups[pk]))
        if cands:
            used.add(cands[0])
            out.matched.append((gl, p_groups[cands[0]]))
        else:
            out.misses.append(gl)
    for pk, pl in p_groups.items():
        if pk in used:
            continue
        (out.neutral if is_neutral(pl[0].names, lines) else out.false_positives).append(pl)
    return out


def _couples(gl: list[PairRecord], pl: list[PairRecord]) -> list[tuple[PairRecord, PairRecord]]:
    couples = [(g, p) for g in gl for p in pl if same_sentence(g.sentence, p.sentence)]
    return couples or [(g, p) for g in gl for p in pl]


ATTRS = ("status", "place", "time")


def figures(o: Outcome) -> dict[str, float]:
    """Pair P/R/F1 and attribute accuracies on matched pairs, plus the counts."""
    tp, fp, fn = len(o.matched), len(o.false_positives), len(o.misses)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    out = {"gold": tp + fn, "predicted": tp + fp, "matched": tp, "neutral": len(o.neutral),
           "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
    for attr in ATTRS:
        ok = sum(1 for gl, pl in o.matched
                 if any(_norm(getattr(g, attr)) == _norm(getattr(q, attr))
                        for g, q in _couples(gl, pl)))
        out[attr] = ok / tp if tp else 0.0
    return out


def score(lines: list[GoldLine], pred: list[PairRecord],
          articles: Iterable[str]) -> dict[str, Outcome]:
    """Score every article and sum the outcomes per reported split."""
    by_art_gold: dict[str, list[GoldLine]] = {}
    for g in lines:
        by_art_gold.setdefault(g.article, []).append(g)
    by_art_pred: dict[str, list[PairRecord]] = {}
    for p in pred:
        by_art_pred.setdefault(p.article, []).append(p)
    outcomes = {s: Outcome() for s in (FIRST_LOOK, DEV, DEV_NEW, VAL, mx.EXTRA_DEV, mx.EXTRA_VAL,
                                       SEED_SPLIT)}
    for art in sorted(set(articles) | set(by_art_gold) | set(by_art_pred)):
        o = score_article(by_art_gold.get(art, []), by_art_pred.get(art, []))
        for s in splits_of(art):
            outcomes[s].extend(o)
    if not any(mx.split_of(a) for a in articles):
        del outcomes[mx.EXTRA_DEV], outcomes[mx.EXTRA_VAL]
    return outcomes


def print_table(outcomes: dict[str, Outcome], out: TextIO = sys.stdout) -> None:
    """The three figures (and the seed) side by side."""
    print(f"{'':20} {'gold':>5} {'pred':>5} {'hit':>5} {'neut':>5} {'P':>6} {'R':>6} "
          f"{'F1':>6} {'status':>7} {'place':>6} {'time':>6}", file=out)
    for name, o in outcomes.items():
        f = figures(o)
        print(f"{name:20} {f['gold']:5d} {f['predicted']:5d} {f['matched']:5d} "
              f"{f['neutral']:5d} {f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f} "
              f"{f['status']:7.3f} {f['place']:6.3f} {f['time']:6.3f}", file=out)
    print("(pred = predicted pairs that are not neutral; P = hit / pred; R = hit / gold)",
          file=out)


def attribute_kind(gold: str | None, ours: str | None) -> str:
    """How a predicted place or time differs from the gold one, in words that carry no text:
    right, missing (gold has one, we none), extra (we have one, gold none), wider (the gold
    text inside ours), narrower (ours inside the gold text), different.

    >>> attribute_kind("Monday", "on Monday"), attribute_kind("Geneva", "Geneva talks")
    ('right', 'wider')
    """
    g, q = _norm(gold), _norm(ours)
    if g == q:
        return "right"
    if not q or not g:
        return "missing" if not q else "extra"
    return "wider" if g in q else "narrower" if q in g else "different"


def print_attribute_kinds(outcomes: dict[str, Outcome], out: TextIO = sys.stdout) -> None:
    """Counts of place and time kinds on matched pairs, per split (numbers only, so the
    validation parts may be read this way)."""
    print("\nplace and time on matched pairs, by kind (counts only):", file=out)
    for name, o in outcomes.items():
        for attr in ("place", "time"):
            kinds: Counter[str] = Counter()
            # How many reports a kind's pairs come from: a meeting of many parties counts once
            # a pair, so a large count may be one sentence.
            reports: dict[str, set[tuple[str, str]]] = {}
            for gl, pl in o.matched:
                couples = _couples(gl, pl)
                found = [attribute_kind(getattr(g, attr), getattr(q, attr)) for g, q in couples]
                kind = "right" if "right" in found else found[0]
                if kind == "missing":
                    # Said in the meeting's own sentence, or taken from another that refers
                    # to the same meeting (the guide allows both): two kinds of work.
                    g = couples[0][0]
                    here = _norm(getattr(g, attr)) in " ".join(g.sentence.split()).casefold()
                    kind = "missing, in its sentence" if here else "missing, elsewhere"
                kinds[kind] += 1
                reports.setdefault(kind, set()).add((gl[0].article, gl[0].sentence))
            print(f"{name:20} {attr:5} " + "; ".join(
                f"{k} {n}" + (f" ({len(reports[k])} reports)" if len(reports[k]) < n else "")
                for k, n in kinds.most_common()), file=out)


def fp_kind(pair: PairRecord, lines: list[GoldLine]) -> str:
    """What a false-positive pair is, from the gold alone (words that carry no text): the
    gold has no meeting in its sentence, or one that holds one name or none of the two; and
    whether its names are gold participants of the article anywhere.

    ``lines`` are the gold lines of the pair's article.

    >>> g = [GoldLine("1", ("Ann Lee", "Bo Chan"), None, None, "happened", "S one.")]
    >>> fp_kind(PairRecord("1", ("Lee", "Cy Dunn"), None, None, "happened", "S one."), g)
    'a gold meeting in its sentence, one name on it'
    >>> fp_kind(PairRecord("1", ("Eve Ray", "Cy Dunn"), None, None, "planned", "S two."), g)
    'no gold meeting in its sentence, neither name a gold participant'
    """
    here = [g for g in lines if same_sentence(g.sentence, pair.sentence)]
    if here:
        on = max(sum(any(names_match(n, p) for p in g.participants) for n in pair.names)
                 for g in here)
        return "a gold meeting in its sentence, " + (
            "no name on it", "one name on it", "both names on it")[on]
    known = sum(any(names_match(n, p) for g in lines for p in g.participants) for n in pair.names)
    return "no gold meeting in its sentence, " + (
        "neither name a gold participant", "one name a gold participant",
        "both names gold participants")[known]


def print_fp_kinds(outcomes: dict[str, Outcome], lines: list[GoldLine],
                   out: TextIO = sys.stdout) -> None:
    """Counts of false-positive pairs by kind and by predicted status, per split (numbers
    only, so the validation parts may be read this way)."""
    by_article: dict[str, list[GoldLine]] = {}
    for g in lines:
        by_article.setdefault(g.article, []).append(g)
    print("\nfalse-positive pairs, by kind (counts only; reports in brackets):", file=out)
    for name, o in outcomes.items():
        kinds: Counter[str] = Counter()
        reports: dict[str, set[tuple[str, str]]] = {}
        status: Counter[str] = Counter()
        for pl in o.false_positives:
            kind = fp_kind(pl[0], by_article.get(pl[0].article, []))
            kinds[kind] += 1
            reports.setdefault(kind, set()).add((pl[0].article, pl[0].sentence))
            status[pl[0].status] += 1
        if kinds:
            print(f"{name:20} " + "; ".join(f"{k} {n} ({len(reports[k])})"
                                          for k, n in kinds.most_common())
                  + " | status " + ", ".join(f"{k} {n}" for k, n in status.most_common()),
                  file=out)


def report_figures(o: Outcome) -> tuple[int, int, int, int]:
    """Gold reports (an article's gold sentence), those with a pair found, predicted reports
    (a sentence kg reads a non-neutral pair in) and those with a pair that is gold. A meeting
    of many parties is one report however many pairs it gives.

    >>> g = PairRecord("50", ("A", "B"), None, None, "happened", "A met B and C.")
    >>> h = PairRecord("50", ("A", "C"), None, None, "happened", "A met B and C.")
    >>> o = Outcome(matched=[([g], [g])], misses=[[h]])
    >>> report_figures(o)
    (1, 1, 1, 1)
    """
    def key(r: PairRecord) -> tuple[str, str]:
        return r.article, " ".join(r.sentence.split())

    gold = {key(g) for gl, _ in o.matched for g in gl} | {key(g) for gl in o.misses for g in gl}
    found = {key(g) for gl, _ in o.matched for g in gl}
    pred = {key(q) for _, pl in o.matched for q in pl} | {
        key(q) for pl in o.false_positives for q in pl}
    right = {key(q) for _, pl in o.matched for q in pl}
    return len(gold), len(found), len(pred), len(right)


def print_reports(outcomes: dict[str, Outcome], out: TextIO = sys.stdout) -> None:
    """Recall and precision by report rather than by pair (numbers only)."""
    print("\nby report (an article's sentence; a meeting of many parties counts once):", file=out)
    for name, o in outcomes.items():
        gold, found, pred, right = report_figures(o)
        print(f"{name:20} gold {gold:4d}, found {found:4d} (R {found / gold if gold else 0:.3f});"
              f" predicted {pred:4d}, right {right:4d} (P {right / pred if pred else 0:.3f})",
              file=out)


def print_errors(lines: list[GoldLine], pred: list[PairRecord], articles: Iterable[str],
                 out: TextIO = sys.stdout) -> None:
    """Misses, false positives and attribute errors of development articles only."""
    print("\nERRORS (development articles only)", file=out)
    for art in sorted(set(articles)):
        if is_validation(art):  # second guard: never print a validation article's errors
            raise SystemExit(f"refused: article {art} is in the validation half")
        o = score_article([g for g in lines if g.article == art],
                          [p for p in pred if p.article == art])
        rows: list[str] = []
        for gl in o.misses:
            g = gl[0]
            rows.append(f"  MISS {' & '.join(g.names)} ({g.status})\n      {g.sentence}")
        for pl in o.false_positives:
            p = pl[0]
            rows.append(f"  FP   {' & '.join(p.names)} ({p.status})\n      "
                        f"{' '.join(p.sentence.split())}")
        for pl in o.neutral:
            rows.append(f"  NEUTRAL {' & '.join(pl[0].names)}")
        for gl, pl in o.matched:
            couples = _couples(gl, pl)
            for attr in ATTRS:
                if not any(_norm(getattr(g, attr)) == _norm(getattr(q, attr))
                           for g, q in couples):
                    g, q = couples[0]
                    rows.append(f"  ATTR {attr}: gold {getattr(g, attr)!r} predicted "
                                f"{getattr(q, attr)!r} ({' & '.join(g.names)})\n      "
                                f"{' '.join(q.sentence.split())}")
        if rows:
            print(f"[{art}]", file=out)
            print("\n".join(rows), file=out)


def _error_articles(requested: list[str] | None, all_ids: Iterable[str]) -> list[str]:
    if requested:
        bad = [a for a in requested if is_validation(a)]
        if bad:
            raise SystemExit(f"refused: {', '.join(bad)} in a validation part (odd-numbered "
                             "25-95, or an extra NEWID divisible by 3); only aggregate figures "
                             "are reported for it")
        return requested
    return [a for a in all_ids if not is_validation(a)]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="meetings-dev directory")
    ap.add_argument("--direct", action="store_true",
                    help="score the Extraction objects instead of the store + SPARQL query")
    ap.add_argument("--model", default=None, help="spaCy pipeline name or path")
    ap.add_argument("--errors", action="store_true",
                    help="list misses, false positives and attribute errors (development "
                         "articles only)")
    ap.add_argument("--article", action="append", default=None,
                    help="with --errors: list only this article (repeatable); odd-numbered "
                         "articles from 25 on are refused")
    ap.add_argument("--extra", default=None,
                    help="also score this directory in the meetings-dev format (articles "
                         "listed in its DONE.txt; ids x<NEWID>)")
    ap.add_argument("--attr-why", action="store_true",
                    help="count place and time errors on matched pairs by kind, per split "
                         "(numbers only)")
    ap.add_argument("--by-report", action="store_true",
                    help="also recall and precision by report, not by pair (numbers only)")
    ap.add_argument("--fp-why", action="store_true",
                    help="count false-positive pairs by kind and status, per split (numbers "
                         "only)")
    ap.add_argument("--by-source", action="store_true",
                    help="also print the table per news source (BBC, Reuters): numbers only")
    ap.add_argument("--parse-cache", default=None, metavar="DIR",
                    help="keep the spaCy parses under DIR (default: $KG_PARSE_CACHE; unset: "
                         "parse every run); kg's own components always run")
    ap.add_argument("--dev-only", action="store_true",
                    help="extract and score the development half (and the seed) only")
    args = ap.parse_args(argv)
    wanted = _error_articles(args.article, []) if args.errors and args.article else None
    logging.basicConfig(level=logging.WARNING)
    from _parses import cache_dir, extract_cached

    from kg.extract.pipeline import load_nlp

    data = Path(args.data)
    extra = Path(args.extra) if args.extra else None
    articles = load_articles(data) + (extra_articles(extra) if extra else [])
    if args.dev_only:
        articles = [a for a in articles if a.id == SEED_ID
                    or {DEV, mx.EXTRA_DEV} & set(splits_of(a.id))]
    extractions = extract_cached(articles, load_nlp(args.model), cache_dir(args.parse_cache))
    pred = predicted_direct(extractions) if args.direct else predicted_from_store(extractions)
    lines = gold_lines(data, extra)
    ids = [a.id for a in articles]
    if args.dev_only:
        lines = [g for g in lines if g.article in ids]
    outcomes = score(lines, pred, ids)
    if args.dev_only:
        outcomes = {k: v for k, v in outcomes.items()
                    if k in (DEV, DEV_NEW, mx.EXTRA_DEV, SEED_SPLIT)}
    print_table(outcomes)
    if args.by_source:
        kinds = source_kinds(data, extra)
        for kind in sorted(set(kinds.values()) - {"other"}):
            mine = {a for a in ids if kinds.get(a) == kind}
            part = score([g for g in lines if g.article in mine],
                         [p for p in pred if p.article in mine], sorted(mine))
            sys.stdout.write(f"\n{kind} articles only:\n")
            print_table({k: v for k, v in part.items() if k in outcomes
                         and (v.matched or v.misses or v.false_positives)})
    if args.by_report:
        print_reports(outcomes)
    if args.attr_why:
        print_attribute_kinds(outcomes)
    if args.fp_why:
        print_fp_kinds(outcomes, lines)
    if args.errors:
        print_errors(lines, pred, wanted or _error_articles(None, ids))
    return 0


if __name__ == "__main__":
    sys.exit(main())
