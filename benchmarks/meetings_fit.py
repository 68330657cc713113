"""Fit the meeting scorer on the development articles, cross-validated by article.

The development articles are meetings-dev's development half (01-23, even 24-94) and, with
``--extra DIR``, the extra dev articles of that directory (NEWID % 3 != 0). No validation
article (odd 25-95, NEWID % 3 == 0) is ever read: the script asserts it.

Every candidate pair (:mod:`kg.extract.meetings.meeting_candidates`) is labelled by the
benchmark's own pair matching (``benchmarks/meetings.py``): a pair of a gold line of the
same sentence is
positive, a neutral pair (or a gold pair of another sentence) is left out, anything else is
negative. A logistic model is fitted with L2 by Newton's method (``--dev-weight``: a
meetings-dev article's candidates may count more than extra dev's); its out-of-fold scores
(articles in ``--folds`` groups) give, per threshold, the development rows of the whole
extractor (the rules plus the added pairs), in two modes: only in sentences where the rules
found no meeting (``empty``), or also beside a rule meeting (``all``). The chosen threshold is
the one where the whole extractor's F1 on every development article together is best, its
precision at most ``--max-drop`` below the rules' own (the rules alone compete: then nothing
is chosen). ``--write`` refits on every development article and writes
``kg/data/meeting_scorer.json``.

Parsing is most of the time: ``--parsed FILE`` keeps the parses in a spaCy DocBin outside the
repository (written on the first run, read on the next; the kg components run afresh).

    .venv/bin/python -P benchmarks/meetings_fit.py [DATA_DIR] [--extra DIR] [--parsed FILE]
        [--loose GATES|all] [--mode empty|all] [--dev-weight 2] [--repeats 5] [--l2 5]
        [--write]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("meetings_bench",
                                               ROOT / "benchmarks" / "meetings.py")
assert _spec is not None and _spec.loader is not None
mb = importlib.util.module_from_spec(_spec)
sys.modules["meetings_bench"] = mb
_spec.loader.exec_module(mb)

OUT = sys.stdout
THRESHOLDS = [round(0.05 * k, 2) for k in range(4, 20)]
KG_PIPES = ("kg_entities_v1", "kg_triples_v1", "kg_meetings_v1")


def say(*parts: object) -> None:
    """One line of the report."""
    print(*parts, file=OUT)


@dataclass(frozen=True)
class Row:
    """One candidate pair of a development sentence, labelled."""

    article: str
    si: int
    sentence: str
    names: tuple[str, str]
    features: dict[str, float]
    status: str
    trigger: str
    label: int  # 1 gold pair of the sentence, 0 wrong, -1 left out (neutral, other sentence)
    covered: bool  # the rules found a meeting in the sentence
    by_rules: bool  # the rules found this very pair in the sentence


def fit(x: np.ndarray, y: np.ndarray, l2: float, names: list[str],
        weight: np.ndarray | None = None) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method (the bias is not penalised), each
    row counted ``weight`` times."""
    s = np.ones(len(y)) if weight is None else weight
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[names.index("bias")] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (s * (p - y)) + pen * w
        hess = (x * (s * p * (1 - p))[:, None]).T @ x + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def fold_ids(rows: list[Row], articles: list[str], folds: int, seed: int) -> np.ndarray:
    """The fold of each row's article: articles shuffled by ``seed``, dealt round."""
    order = np.random.default_rng(seed).permutation(len(articles)) if seed else \
        np.arange(len(articles))
    fold = {articles[j]: k % folds for k, j in enumerate(order)}
    return np.array([fold[r.article] for r in rows])


def parsed(nlp: Any, articles: list[Any], cache: Path | None) -> list[Any]:
    """The parses of ``articles`` (tagger, parser, NER), read from ``cache`` when it holds
    exactly these articles, else parsed (and written there)."""
    from spacy.tokens import DocBin

    from kg.sources.limits import cap_sentences

    ids = [a.id for a in articles]
    id_file = cache.with_suffix(".ids.json") if cache else None
    if cache and id_file and cache.exists() and id_file.exists() \
            and json.loads(id_file.read_text()) == ids:
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))

    def docs():  # type: ignore[no-untyped-def]
        for a in articles:
            doc = nlp.make_doc(a.text)
            cap_sentences(doc)
            yield doc

    with nlp.select_pipes(disable=list(KG_PIPES)):
        out = list(nlp.pipe(docs(), batch_size=32))
    if cache and id_file:
        DocBin(docs=out, store_user_data=False).to_disk(cache)
        id_file.write_text(json.dumps(ids))
    return out


def pair_records(aid: str, meetings: Any, index: Any) -> list[Any]:
    """The benchmark's pair records of some meetings (as ``predicted_direct`` makes them)."""
    out = []
    for m in meetings:
        labels = [index.get(k).label if index.get(k) else k for k in m.participants]
        for a, b in combinations(sorted(set(labels)), 2):
            out.append(mb.PairRecord(aid, (a, b), m.place, m.time, m.status.value,
                                     m.provenance.sentence))
    return out


def collect(nlp: Any, articles: list[Any], lines: list[Any], cache: Path | None,
            loose: frozenset[str]) -> tuple[list[Row], dict[str, list[Any]]]:
    """Every labelled candidate of the articles, and the rules' own pairs per article."""
    from kg.extract.meetings.meeting_scorer import rule_context, sentence_candidates
    from kg.extract.meetings.meetings import find_meetings
    from kg.extract.pipeline import set_doc_context

    entities = nlp.get_pipe("kg_entities_v1")
    rows: list[Row] = []
    rules: dict[str, list[Any]] = {}
    for a, doc in zip(articles, parsed(nlp, articles, cache), strict=True):
        doc = entities(set_doc_context(doc, a.id, a.published))
        index = doc._.kg_entities
        found = find_meetings(doc, index, scored=False)
        rules[a.id] = pair_records(a.id, found, index)
        covered: dict[int, list[frozenset[str]]] = {}
        for m in found:
            covered.setdefault(m.provenance.sentence_index, []).append(frozenset(m.participants))
        gl = [g for g in lines if g.article == a.id]
        for si, sent, c in sentence_candidates(doc, index, loose=loose):
            names = tuple(index.get(k).label for k in c.parties)
            here = [g for g in gl if mb.same_sentence(g.sentence, sent.text)]
            if any(mb.pair_match(gp.names, names) for gp in mb.gold_pairs(here)):
                label = 1
            elif mb.is_neutral(names, gl) or any(mb.pair_match(gp.names, names)
                                                 for gp in mb.gold_pairs(gl)):
                label = -1
            else:
                label = 0
            mine = covered.get(si, [])
            rows.append(Row(a.id, si, sent.text, (names[0], names[1]),
                            {**c.features, **rule_context(c.parties, mine)},
                            c.status.value, doc[c.trigger].lemma_, label, bool(mine),
                            any(set(c.parties) <= p for p in mine)))
    return rows, rules


def added(rows: list[Row], scores: np.ndarray, th: float, mode: str) -> list[tuple[Row, float]]:
    """The candidates the scorer would add at threshold ``th``."""
    return [(r, float(s)) for r, s in zip(rows, scores, strict=True)
            if s >= th and not r.by_rules and (mode == "all" or not r.covered)]


def evaluate(lines: list[Any], rules: dict[str, list[Any]], extra_rows: list[tuple[Row, float]]
             ) -> dict[str, Any]:
    """The benchmark's outcome per split with the added pairs."""
    pred = [p for ps in rules.values() for p in ps]
    pred += [mb.PairRecord(r.article, r.names, None, None, r.status, r.sentence)
             for r, _ in extra_rows]
    return mb.score(lines, pred, list(rules))


def pooled(outcomes: dict[str, Any]) -> dict[str, float]:
    """The benchmark's figures of every development article together (the development half
    and extra dev)."""
    o = mb.Outcome()
    for split in (mb.DEV, mb.mx.EXTRA_DEV):
        if split in outcomes:
            o.extend(outcomes[split])
    return mb.figures(o)


def main(argv: list[str] | None = None) -> int:
    """Fit, cross-validate, print the out-of-fold figures; write the weights with --write."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA))
    ap.add_argument("--extra", default=None,
                    help="also fit on the extra dev articles of this directory (NEWID %% 3 != 0; "
                         "its validation articles are never read)")
    ap.add_argument("--parsed", default=None, help="DocBin of the parses (outside the repo)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=1, help="cross-validations averaged")
    ap.add_argument("--l2", type=float, default=2.0)
    ap.add_argument("--mode", choices=("empty", "all"), default="empty",
                    help="add pairs only in sentences without a rule meeting, or in any")
    ap.add_argument("--train", choices=("all", "new"), default="all",
                    help="fit on every candidate, or only on pairs the rules did not find")
    ap.add_argument("--loose", default="",
                    help="comma-separated gates the scorer weighs instead (elsewhere, "
                         "speaker, other, same_side, excluded, unnamed; all: every one)")
    ap.add_argument("--max-drop", type=float, default=0.02,
                    help="how far the whole extractor's development precision may fall below "
                         "the rules' own")
    ap.add_argument("--dev-weight", type=float, default=1.0,
                    help="weight of a meetings-dev article's candidates (extra dev: 1)")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes left out")
    ap.add_argument("--show", action="store_true", help="list the out-of-fold added pairs")
    ap.add_argument("--dump", default=None, help="write every candidate (JSON Lines) here")
    args = ap.parse_args(argv)

    from kg.extract.meetings.meeting_scorer import WEIGHTS_FILE
    from kg.extract.pipeline import load_nlp

    data = Path(args.data)
    extra = Path(args.extra) if args.extra else None
    articles = [a for a in mb.load_articles(data) if mb.DEV in mb.splits_of(a.id)]
    if extra is not None:
        articles += [a for a in mb.extra_articles(extra) if mb.mx.EXTRA_DEV in mb.splits_of(a.id)]
    assert not any(mb.is_validation(a.id) for a in articles), "a validation article"
    ids = {a.id for a in articles}
    lines = [g for g in mb.gold_lines(data, extra) if g.article in ids]
    assert not any(mb.is_validation(g.article) for g in lines)
    from kg.extract.meetings.meeting_candidates import TRIGGER_GATES
    from kg.extract.meetings.meeting_roles import GATES

    loose = frozenset((*GATES, *TRIGGER_GATES) if args.loose == "all"
                      else (g for g in args.loose.split(",") if g))
    rows, rules = collect(load_nlp(None), articles, lines,
                          Path(args.parsed) if args.parsed else None, loose)

    drop = tuple(d for d in args.drop.split(",") if d)
    names_f = sorted({k for r in rows for k in r.features if not drop or not k.startswith(drop)})
    X = np.array([[r.features.get(n, 0.0) for n in names_f] for r in rows])
    y = np.array([r.label for r in rows])
    train = (y >= 0) & (np.array([not r.by_rules for r in rows]) if args.train == "new" else True)
    # The extra annotator is more liberal than the guide: meetings-dev's articles may count more.
    weight = np.array([1.0 if mb.mx.split_of(r.article) else args.dev_weight for r in rows])
    f_of = fold_ids(rows, sorted(ids), args.folds, 0)
    free = [r for r in rows if not r.by_rules and r.label >= 0]
    say(f"candidates {len(rows)}: positive {(y == 1).sum()}, negative {(y == 0).sum()}, "
        f"left out {(y == -1).sum()}; not found by the rules {len(free)} (positive "
        f"{sum(r.label for r in free)}), of them in sentences without a rule meeting "
        f"{sum(1 for r in free if not r.covered)} (positive "
        f"{sum(r.label for r in free if not r.covered)})")
    # Each repeat splits the articles into folds anew; a candidate's score is the mean of its
    # out-of-fold scores, so that one lucky split does not choose the threshold.
    oof = np.zeros(len(rows))
    for rep in range(args.repeats):
        f_of = fold_ids(rows, sorted(ids), args.folds, rep)
        for k in range(args.folds):
            tr = (f_of != k) & train
            w = fit(X[tr], y[tr].astype(float), args.l2, names_f, weight[tr])
            oof[f_of == k] += 1 / (1 + np.exp(-np.clip(X[f_of == k] @ w, -30, 30)))
    oof /= args.repeats

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r, s in zip(rows, oof, strict=True):
                fh.write(json.dumps({**r.__dict__, "oof": round(float(s), 3)}) + "\n")

    base = evaluate(lines, rules, [])
    rules_p = pooled(base)["precision"]
    floor = rules_p - args.max_drop
    # Each development row keeps its precision too: the pool is mostly extra dev.
    row_floor = {s: mb.figures(base[s])["precision"] - args.max_drop
                 for s in (mb.DEV, mb.mx.EXTRA_DEV) if s in base}
    say(f"rule: the threshold where the whole extractor's out-of-fold F1 on every development "
        f"article is best, its precision >= {floor:.3f} (the rules' {rules_p:.3f} - "
        f"{args.max_drop}); mode {args.mode}, loose {sorted(loose)}, fitted on {args.train} "
        f"candidates, meetings-dev weight {args.dev_weight}")
    say(f"{'threshold':>9} {'added':>6} {'hit':>4} {'fp':>4} {'dev P':>6} {'dev R':>6} "
        f"{'xdev P':>6} {'xdev R':>6} {'all P':>6} {'all R':>6} {'all F1':>6}")
    table = []
    for th in [1.01, *THRESHOLDS]:
        extra_rows = added(rows, oof, th, args.mode)
        now = evaluate(lines, rules, extra_rows)
        hit, fp = (sum(1 for r, _ in extra_rows if r.label == v) for v in (1, 0))
        d = mb.figures(now[mb.DEV])
        xd = mb.figures(now.get(mb.mx.EXTRA_DEV, mb.Outcome()))
        a = pooled(now)
        ok = a["precision"] >= floor and all(mb.figures(now[s])["precision"] >= f
                                              for s, f in row_floor.items())
        table.append((th, a["f1"], ok))
        say(f"{th:9.2f} {len(extra_rows):6d} {hit:4d} {fp:4d} {d['precision']:6.3f} "
            f"{d['recall']:6.3f} {xd['precision']:6.3f} {xd['recall']:6.3f} "
            f"{a['precision']:6.3f} {a['recall']:6.3f} {a['f1']:6.3f}")
    # The rules alone (threshold above 1) compete too: if they are best, nothing is chosen.
    best = max((t for t in table if t[2]), key=lambda t: (t[1], t[0]))
    chosen = None if best[0] > 1 else best[0]
    say(f"chosen threshold (best out-of-fold F1 of the whole extractor on development with "
        f"P >= {floor:.3f}, each development row's P at most {args.max_drop} below the "
        f"rules'): {chosen}")
    if args.show and chosen is not None:
        for r, s in added(rows, oof, chosen, args.mode):
            kind = {1: "HIT", 0: "FP ", -1: "n/a"}[r.label]
            say(f"  [{r.article}] {s:.2f} {kind} {' & '.join(r.names)} ({r.trigger}): "
                f"{r.sentence[:160]}")
    if args.write:
        if chosen is None:
            raise SystemExit("no threshold reaches the precision asked for; nothing written")
        w = fit(X[train], y[train].astype(float), args.l2, names_f, weight[train])
        weights = {n: round(float(v), 4) for n, v in zip(names_f, w, strict=True)
                   if abs(v) >= 1e-4}
        fitted = "meetings-dev development half (01-23, even 24-94)"
        if extra is not None:
            fitted += (f" + {sum(1 for a in articles if mb.mx.split_of(a.id))} extra dev "
                       "articles (NEWID % 3 != 0)")
        meta = {"fitted_on": fitted, "model": "logistic", "l2": args.l2, "folds": args.folds,
                "repeats": args.repeats, "dev_weight": args.dev_weight,
                "rule": f"best out-of-fold development F1, P >= rules' - {args.max_drop}",
                "threshold": chosen, "mode": args.mode, "loose": sorted(loose),
                "weights": weights}
        path = ROOT / "kg" / "data" / WEIGHTS_FILE
        path.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        say(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
