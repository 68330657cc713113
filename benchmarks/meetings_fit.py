"""Fit the meeting scorer on the development half of meetings-dev, cross-validated by article.

Every candidate pair (:mod:`kg.extract.meeting_candidates`) of a development article is
labelled by the benchmark's own pair matching (``benchmarks/meetings.py``): a pair of a gold
line of the same sentence is positive, a neutral pair (or a gold pair of another sentence) is
left out, anything else is negative. A logistic model is fitted with L2 by gradient descent;
its out-of-fold scores (articles in ``--folds`` groups) give the development figure of the
whole extractor (rules, plus the scorer where the rules found nothing) and of the scorer
alone on every labelled candidate; the threshold is the lowest at which both reach precision
``--min-p``.
``--write`` refits on every development article and writes ``kg/data/meeting_scorer.json``.

The validation half (odd-numbered articles from 25 on) is never read here.

    .venv/bin/python -P benchmarks/meetings_fit.py [DATA_DIR] [--folds 5] [--write]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path

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


def say(*parts: object) -> None:
    """One line of the report."""
    print(*parts, file=OUT)


THRESHOLDS = [round(0.05 * k, 2) for k in range(4, 20)]


def fit(x: np.ndarray, y: np.ndarray, l2: float, names: list[str]) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[names.index("bias")] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + pen * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def main(argv: list[str] | None = None) -> int:
    """Fit, cross-validate, print the out-of-fold figures; write the weights with --write."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=2.0)
    ap.add_argument("--min-p", type=float, default=0.9)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes left out")
    ap.add_argument("--show", action="store_true", help="list the out-of-fold added pairs")
    ap.add_argument("--dump", default=None, help="write every candidate (JSON Lines) here")
    ap.add_argument("--extra", default=None,
                    help="also fit on the extra dev articles of this directory (NEWID % 3 != 0; "
                         "its validation articles are never read)")
    args = ap.parse_args(argv)

    from kg.extract import extract
    from kg.extract.meeting_scorer import WEIGHTS_FILE, sentence_candidates
    from kg.extract.meetings import find_meetings
    from kg.extract.pipeline import load_nlp, set_doc_context
    from kg.sources.limits import cap_sentences

    data = Path(args.data)
    extra = Path(args.extra) if args.extra else None
    articles = [a for a in mb.load_articles(data) if mb.DEV in mb.splits_of(a.id)]
    if extra is not None:
        articles += [a for a in mb.extra_articles(extra) if mb.mx.EXTRA_DEV in mb.splits_of(a.id)]
    assert not any(mb.is_validation(a.id) for a in articles)
    lines = [g for g in mb.gold_lines(data, extra) if not mb.is_validation(g.article)]
    nlp = load_nlp(None)

    def docs():  # type: ignore[no-untyped-def]
        for a in articles:
            doc = set_doc_context(nlp.make_doc(a.text), a.id, a.published)
            cap_sentences(doc)
            yield doc

    rows = []  # (article, si, sentence, names, features, label, covered)
    rules: dict[str, object] = {}
    for a, doc in zip(articles, nlp.pipe(docs(), batch_size=16), strict=True):
        index = doc._.kg_entities
        found = find_meetings(doc, index, scored=False)
        covered = {m.provenance.sentence_index for m in found}
        x = extract(doc, a)
        rules[a.id] = replace(x, meetings=tuple(found))
        gl = [g for g in lines if g.article == a.id]
        for si, sent, c in sentence_candidates(doc, index):
            names = tuple(index.get(k).label for k in c.parties)
            here = [g for g in gl if mb._same_sentence(g.sentence, sent.text)]
            pos = any(mb.pair_match(gp.names, names) for gp in mb.gold_pairs(here))
            if pos:
                label = 1
            elif mb.is_neutral(names, gl) or any(mb.pair_match(gp.names, names)
                                                 for gp in mb.gold_pairs(gl)):
                label = -1
            else:
                label = 0
            rows.append((a.id, si, sent.text, names, c, label, si in covered))

    drop = tuple(d for d in args.drop.split(",") if d)
    names_f = sorted({k for r in rows for k in r[4].features if not k.startswith(drop) or not drop})
    X = np.array([[r[4].features.get(n, 0.0) for n in names_f] for r in rows])
    y = np.array([r[5] for r in rows])
    arts = sorted({r[0] for r in rows} | {a.id for a in articles})
    fold = {a: k % args.folds for k, a in enumerate(arts)}
    f_of = np.array([fold[r[0]] for r in rows])
    say(f"candidates {len(rows)}: positive {(y == 1).sum()}, negative {(y == 0).sum()}, "
          f"left out {(y == -1).sum()}; in sentences without a rule meeting "
          f"{sum(1 for r in rows if not r[6])} (positive "
          f"{sum(1 for r in rows if not r[6] and r[5] == 1)})")
    oof = np.zeros(len(rows))
    for k in range(args.folds):
        tr = (f_of != k) & (y >= 0)
        w = fit(X[tr], y[tr].astype(float), args.l2, names_f)
        oof[f_of == k] = 1 / (1 + np.exp(-np.clip(X[f_of == k] @ w, -30, 30)))

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r, s in zip(rows, oof, strict=True):
                fh.write(json.dumps({"article": r[0], "si": r[1], "sentence": r[2],
                                     "names": r[3], "label": r[5], "covered": r[6],
                                     "oof": round(float(s), 3), "features": r[4].features,
                                     "trigger": r[4].trigger}) + "\n")

    def run(th: float) -> tuple[dict, int, int, list]:
        extra: dict[str, list] = {}
        added = []
        for r, s in zip(rows, oof, strict=True):
            if not r[6] and s >= th:
                extra.setdefault(r[0], []).append(r)
                added.append((r, s))
        pred = []
        for aid, x in rules.items():
            pred += mb.predicted_direct([x])
            for r in extra.get(aid, []):
                pred.append(mb.PairRecord(aid, r[3], None, None, r[4].status.value, r[2]))
        out = mb.score(lines, pred, list(rules))
        hit = sum(1 for r, _ in added if r[5] == 1)
        fp = sum(1 for r, _ in added if r[5] == 0)
        return out, hit, fp, added

    lab = y >= 0
    say(f"{'threshold':>9} {'alone':>6} {'P':>6} {'R':>6}  (the scorer alone, out of fold, "
          "on every labelled candidate)")
    for th in THRESHOLDS:
        acc = lab & (oof >= th)
        tp = int((acc & (y == 1)).sum())
        say(f"{th:9.2f} {int(acc.sum()):6d} {tp / max(1, acc.sum()):6.3f} "
              f"{tp / max(1, (y == 1).sum()):6.3f}")
    say(f"{'threshold':>9} {'added':>6} {'hit':>4} {'fp':>4} {'dev P':>6} {'dev R':>6} "
          f"{'even P':>6} {'even R':>6} {'xdev P':>6} {'xdev R':>6}")
    chosen = None
    for th in [1.01, *THRESHOLDS]:
        out, hit, fp, _ = run(th)
        d, e = mb.figures(out[mb.DEV]), mb.figures(out[mb.DEV_NEW])
        xd = mb.figures(out.get(mb.mx.EXTRA_DEV, mb.Outcome()))
        say(f"{th:9.2f} {hit + fp:6d} {hit:4d} {fp:4d} {d['precision']:6.3f} "
              f"{d['recall']:6.3f} {e['precision']:6.3f} {e['recall']:6.3f} "
              f"{xd['precision']:6.3f} {xd['recall']:6.3f}")
        acc = lab & (oof >= th)
        alone = (acc & (y == 1)).sum() / max(1, acc.sum())
        added_p = hit / (hit + fp) if hit + fp else 1.0
        if th <= 1 and alone >= args.min_p and added_p >= args.min_p and chosen is None:
            chosen = th
    say(f"chosen threshold (lowest with the scorer alone and the pairs it adds at "
        f"P >= {args.min_p}, out of fold): {chosen}")
    if args.show and chosen is not None:
        for r, s in run(chosen)[3]:
            say(f"  [{r[0]}] {s:.2f} {'HIT' if r[5] == 1 else 'FP ' if r[5] == 0 else 'n/a'}"
                  f" {' & '.join(r[3])}: {r[2][:140]}")
    if args.write:
        if chosen is None:
            raise SystemExit("no threshold reaches the precision asked for; nothing written")
        ok = y >= 0
        w = fit(X[ok], y[ok].astype(float), args.l2, names_f)
        weights = {n: round(float(v), 4) for n, v in zip(names_f, w, strict=True)
                   if abs(v) >= 1e-4}
        fitted = "meetings-dev development half (01-23, even 24-94)"
        if extra is not None:
            fitted += (f" + {sum(1 for a in articles if mb.mx.split_of(a.id))} extra dev "
                       "articles (NEWID % 3 != 0)")
        meta = {"fitted_on": fitted,
                "model": "logistic", "l2": args.l2, "folds": args.folds,
                "threshold": chosen, "weights": weights}
        path = ROOT / "kg" / "data" / WEIGHTS_FILE
        path.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        say(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
