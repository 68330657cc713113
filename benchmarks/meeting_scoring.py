"""Scoring core of the meeting benchmark: gold and predicted pairs, the neutral rule, splits.

Leaf module of ``meetings.py`` (the command) and ``meeting_breakdowns.py`` (its numbers-only
breakdowns and the development error list); other benchmark scripts reach it through
``meetings`` as before.
"""

from __future__ import annotations

import json
import re
import sys
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


def norm_attr(text: str | None) -> str:
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


def couples(gl: list[PairRecord], pl: list[PairRecord]) -> list[tuple[PairRecord, PairRecord]]:
    """The gold and predicted records of one matched pair to compare: those of one sentence
    if any, else all."""
    same = [(g, p) for g in gl for p in pl if same_sentence(g.sentence, p.sentence)]
    return same or [(g, p) for g in gl for p in pl]


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
                 if any(norm_attr(getattr(g, attr)) == norm_attr(getattr(q, attr))
                        for g, q in couples(gl, pl)))
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
