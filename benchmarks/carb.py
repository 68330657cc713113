"""CaRB dev benchmark for kg's Open IE: run, score with kg.eval.carb, analyse errors.

Usage: .venv/bin/python benchmarks/carb.py [--data ../shared/benchmarks/carb] [--out FILE]
       [--fit] [--cv] [--system TABBED_FILE | --openie5 OPENIE5_OUTPUT]

``--fit`` refits the confidence model on the dev split and writes kg/data/oie_confidence.json.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.eval.carb import CarbExtraction, CarbScore, match, read_gold, read_tabbed, score  # noqa: E402
from kg.extract.openie import parse_sentences  # noqa: E402
from kg.extract.pipeline import load_nlp  # noqa: E402
from kg.extract.triples.oie import extract_sentence, phrase_text, relation_text  # noqa: E402
from kg.extract.triples.oie.confidence import WEIGHTS_FILE, features, load_weights  # noqa: E402

log = logging.getLogger("carb")


def run_extractor(lines: list[str], weights: dict[str, float] | None = None):
    """(CarbExtraction, feature dict) for every extraction of every dev sentence."""
    nlp = load_nlp()
    out = []
    for line, doc in zip(lines, parse_sentences(nlp, lines), strict=True):
        for r in extract_sentence(doc[:], weights):
            ex = CarbExtraction(
                sentence=line,
                relation=relation_text(doc, r.relation),
                args=(phrase_text(doc, r.subject), *(phrase_text(doc, a) for a in r.args)),
                confidence=r.confidence,
                tag=r.construction,
            )
            out.append((ex, features(doc, r)))
    return out


def fit(gold, extracted, l2: float = 1.0, steps: int = 3000) -> dict[str, float]:
    """Logistic regression of each extraction's best CaRB precision on its features."""
    from kg.eval.carb import normalize_key

    by_key = {normalize_key(k): v for k, v in gold.items()}
    names = sorted({k for _, f in extracted for k in f})
    x = np.array([[f.get(n, 0.0) for n in names] for _, f in extracted])
    y = np.array(
        [
            max((match(g, ex)[0] for g in by_key.get(normalize_key(ex.sentence), [])), default=0.0)
            for ex, _ in extracted
        ]
    )
    w = np.zeros(len(names))
    lr = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + l2 * w / len(y)
        w -= lr * grad
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True)}


def rescore(extracted, weights: dict[str, float]) -> list[CarbExtraction]:
    """The extractions with confidences recomputed from their features under ``weights``."""
    out = []
    for ex, f in extracted:
        z = sum(weights.get(k, 0.0) * v for k, v in f.items())
        out.append(replace(ex, confidence=round(1 / (1 + math.exp(-z)), 6)))
    return out


def cross_validated(gold, extracted, folds: int = 2) -> list[CarbExtraction]:
    """Confidences for each fold from weights fitted on the other folds (sentence-level split)."""
    sentences = sorted({ex.sentence for ex, _ in extracted})
    fold_of = {s: k % folds for k, s in enumerate(sentences)}
    out: list[CarbExtraction] = []
    for k in range(folds):
        train = [(ex, f) for ex, f in extracted if fold_of[ex.sentence] != k]
        test = [(ex, f) for ex, f in extracted if fold_of[ex.sentence] == k]
        out.extend(rescore(test, fit(gold, train)))
    return out


def _inner(field: str) -> str:
    """The text of an OpenIE-5 slot such as ``SimpleArgument(the text,List([0, 8)))``."""
    return field[field.index("(") + 1 : field.index(",List(")]


def read_openie5(path: str | Path) -> list[CarbExtraction]:
    """OpenIE-5's native output (confidence, context, arg1, relation, args, sentence), read
    the way CaRB reads it: lines lacking arg1, relation or arg2 are dropped, and a context that
    does not already open the extraction is prefixed to arg1."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        f = line.strip().split("\t")
        if len(f) < 6 or not all(f[2:5]):
            continue
        arg1, rel = _inner(f[2]), _inner(f[3])
        args = [_inner(a) for a in f[4].strip().split(");")]
        if f[1]:
            context = _inner(f[1])
            if not f"{arg1} {rel}".startswith(context):
                arg1 = f"{context} {arg1}"
        out.append(CarbExtraction(f[5], rel, (arg1, *args), float(f[0])))
    return out


def gold_kind(g: CarbExtraction) -> str:
    """A coarse construction label for a gold extraction, from its relation's surface."""
    rel = g.relation.lower().split()
    if not rel:
        return "other"
    if any(v in g.relation for v in ("said", "told", "says", "added")):
        return "attribution"
    if rel[0] in ("has", "have", "had") and len(rel) == 1:
        return "possessive"
    if rel[0] in ("is", "are", "was", "were", "be") and len(rel) == 1:
        return "copula"
    if (
        rel[0] in ("is", "are", "was", "were")
        and len(rel) == 2
        and rel[1] in ("in", "at", "on", "of")
    ):
        return "locative/of"
    if (
        rel[0] in ("is", "are", "was", "were", "been", "be")
        and len(rel) > 1
        and rel[1].endswith("ed")
    ):
        return "passive"
    if len(g.args) >= 3:
        return "n-ary verb"
    return "binary verb"


def report(s: CarbScore, seconds: float) -> str:
    lines = [
        f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  AUC {s.auc:.3f}  "
        f"(best threshold {s.threshold:.3f}; {seconds:.1f} s)",
        "",
        "Precision by construction (kept predictions at the best threshold):",
        f"  {'construction':16} {'n':>5} {'prec':>6} {'lost':>7}",
    ]
    by_c: dict[str, list[float]] = defaultdict(list)
    for ex, v in s.pred_credit:
        by_c[ex.tag].append(v)
    for c, vs in sorted(by_c.items(), key=lambda kv: -sum(1 - v for v in kv[1])):
        lines.append(
            f"  {c:16} {len(vs):5d} {sum(vs) / len(vs):6.3f} {sum(1 - v for v in vs):7.1f}"
        )
    lines += [
        "",
        "Recall by gold relation kind:",
        f"  {'kind':16} {'n':>5} {'recall':>6} {'lost':>7}",
    ]
    by_k: dict[str, list[float]] = defaultdict(list)
    for g, v in s.gold_credit:
        by_k[gold_kind(g)].append(v)
    for k, vs in sorted(by_k.items(), key=lambda kv: -sum(1 - v for v in kv[1])):
        lines.append(
            f"  {k:16} {len(vs):5d} {sum(vs) / len(vs):6.3f} {sum(1 - v for v in vs):7.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "benchmarks" / "carb"))
    ap.add_argument("--out", help="also write the extractions in CaRB tabbed format here")
    ap.add_argument("--fit", action="store_true", help="refit the confidence weights on dev")
    ap.add_argument("--system", help="score an existing tabbed output instead of running kg")
    ap.add_argument("--openie5", help="score an OpenIE-5 output file (checks the scorer)")
    ap.add_argument(
        "--cv", action="store_true", help="also score with 2-fold cross-validated confidences"
    )
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    data = Path(a.data)
    gold = read_gold(data / "gold" / "dev.tsv")
    t0 = time.perf_counter()
    if a.openie5:
        preds = read_openie5(a.openie5)
    elif a.system:
        preds = read_tabbed(a.system)
    else:
        lines = [ln.strip() for ln in (data / "dev.txt").read_text(encoding="utf-8").splitlines()]
        lines = [ln for ln in lines if ln]
        extracted = run_extractor(lines)
        if a.fit:
            weights = fit(gold, extracted)
            path = ROOT / "kg" / "data" / WEIGHTS_FILE
            meta = {"fitted_on": "CaRB dev", "model": "logistic", "weights": weights}
            path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
            load_weights.cache_clear()
            extracted = run_extractor(lines)
        preds = [ex for ex, _ in extracted]
    s = score(gold, preds)
    elapsed = time.perf_counter() - t0  # model load, parsing, extraction and scoring
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            for ex in preds:
                f.write("\t".join([ex.sentence, repr(ex.confidence), ex.relation, *ex.args]) + "\n")
    print(f"{len(preds)} extractions for {len(gold)} gold sentences")  # noqa: T201
    print(report(s, elapsed))  # noqa: T201
    if a.cv and not (a.system or a.openie5):
        for name, preds_k in (
            ("2-fold cross-validated confidences", cross_validated(gold, extracted)),
            ("one constant confidence (rules alone)", rescore(extracted, {})),
        ):
            c = score(gold, preds_k)
            print(  # noqa: T201
                f"{name}: P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}  AUC {c.auc:.3f}"
            )
    return 0 if not math.isnan(s.f1) else 1


if __name__ == "__main__":
    raise SystemExit(main())
